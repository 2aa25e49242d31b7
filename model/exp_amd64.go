//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// expShiftAVX512 is exp_amd64.s's eight-lane math.Exp.
//
//go:noescape
func expShiftAVX512(dst *float64, src *float32, n int, shift, div float64) bool

// expShiftAVX2 is exp_avx2_amd64.s's four-lane math.Exp.
//
//go:noescape
func expShiftAVX2(dst *float64, src *float32, n int, shift, div float64) bool

// Go's math.Exp takes its FMA path where AVX2 and FMA exist (every AVX-512
// machine has both); the vector versions reproduce that path only.
var (
	hasExpAVX512 = avx512Allowed && cpu.X86.HasAVX512F && cpu.X86.HasAVX2 && cpu.X86.HasFMA
	hasExpAVX2   = cpu.X86.HasAVX2 && cpu.X86.HasFMA
)

// expKernels lists the vector exponentials this machine can run, best
// first (expArch uses the first; tests check each).
func expKernels() []expKernel {
	var ks []expKernel
	if hasExpAVX512 {
		ks = append(ks, expKernel{"avx512", 8, expShiftAVX512})
	}
	if hasExpAVX2 {
		ks = append(ks, expKernel{"avx2", 4, expShiftAVX2})
	}
	return ks
}
