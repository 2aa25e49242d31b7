//go:build !amd64 || purego

package model

// expArch has no vector version here: every exponential is math.Exp's.
func expArch(dst []float64, src []float32, shift, div float64) int { return 0 }

// expKernel is a vector math.Exp (none in this build).
type expKernel struct {
	name  string
	lanes int
	fn    func(dst *float64, src *float32, n int, shift, div float64) bool
}

// expKernels lists no vector exponentials.
func expKernels() []expKernel { return nil }
