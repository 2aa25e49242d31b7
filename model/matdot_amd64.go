//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// matDotAVX512 is matDot for n ≥ 1 elements (matdot_amd64.s).
//
//go:noescape
func matDotAVX512(w, x *float32, n int) float32

var hasAVX512 = cpu.X86.HasAVX512F

// matDotArch computes matDot on this machine's vector unit, reporting false
// where it has none.
func matDotArch(w, x []float32) (float32, bool) {
	if !hasAVX512 || len(w) == 0 {
		return 0, false
	}
	x = x[:len(w)]
	return matDotAVX512(&w[0], &x[0], len(w)), true
}
