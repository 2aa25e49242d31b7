//go:build !amd64 || purego

package model

// expKernels lists no vector exponentials.
func expKernels() []expKernel { return nil }
