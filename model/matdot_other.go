//go:build (!amd64 && !arm64) || purego

package model

// matDotKernels lists no vector kernels.
func matDotKernels() []matDotKernel { return nil }
