//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// expShiftAVX512 is exp_amd64.s's eight-lane math.Exp.
//
//go:noescape
func expShiftAVX512(dst *float64, src *float32, n int, shift, div float64) bool

// Go's math.Exp takes its FMA path where AVX and FMA exist (every AVX-512
// machine has both); the vector version reproduces that path only.
var hasExpAVX512 = avx512Allowed && cpu.X86.HasAVX512F && cpu.X86.HasAVX && cpu.X86.HasFMA

// expArch fills dst[:n] for the largest n ≤ len(src) that is a multiple of
// 8 and returns n, or 0 where the vector unit is missing or some argument
// needs math.Exp's special cases.
func expArch(dst []float64, src []float32, shift, div float64) int {
	n := len(src) &^ 7
	if !hasExpAVX512 || n == 0 {
		return 0
	}
	if !expShiftAVX512(&dst[0], &src[0], n, shift, div) {
		return 0
	}
	return n
}
