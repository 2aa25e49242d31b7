//go:build (!amd64 && !arm64) || purego

package model

// matDotArch reports that this build has no vector matDot.
func matDotArch(w, x []float32) (float32, bool) { return 0, false }

// matDotKernels lists no vector kernels.
func matDotKernels() []matDotKernel { return nil }
