//go:build arm64 && !purego

package model

import "unsafe"

// matSumsNEON adds every element of w·x but the last len mod 4 into the
// canonical partial sums a (matdot_arm64.s).
//
//go:noescape
func matSumsNEON(a *[MatSums]float32, w, x *float32, n int)

// matDotNEON is matDot with the partial sums on NEON (every arm64 CPU has
// it) and the last elements and the reduction in Go.
func matDotNEON(w, x []float32) float32 {
	n := len(w)
	var a [MatSums]float32
	matSumsNEON(&a, &w[0], &x[0], n)
	for k := n &^ 3; k < n; k++ {
		a[k%MatSums] += float32(w[k] * x[k])
	}
	return matReduce(&a, n)
}

// matDotKernels lists the NEON kernel.
func matDotKernels() []matDotKernel {
	return []matDotKernel{{"neon", func(w, x *float32, n int) float32 {
		return matDotNEON(unsafe.Slice(w, n), unsafe.Slice(x, n))
	}}}
}
