//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// matDotAVX512 is matDot for n ≥ 1 elements (matdot_amd64.s).
//
//go:noescape
func matDotAVX512(w, x *float32, n int) float32

// matDotAVX2 is matDot for n ≥ 1 elements (matdot_avx2_amd64.s).
//
//go:noescape
func matDotAVX2(w, x *float32, n int) float32

var (
	hasAVX512 = cpu.X86.HasAVX512F && avx512Allowed
	hasAVX2   = cpu.X86.HasAVX2
)

// matDotKernels lists the vector kernels this machine can run, best first,
// so that tests check each one (matDot uses the first).
func matDotKernels() []matDotKernel {
	var ks []matDotKernel
	if hasAVX512 {
		ks = append(ks, matDotKernel{"avx512", matDotAVX512})
	}
	if hasAVX2 {
		ks = append(ks, matDotKernel{"avx2", matDotAVX2})
	}
	return ks
}
