//go:build !amd64 || purego

package model

// expArch has no vector version here: every exponential is math.Exp's.
func expArch(dst []float64, src []float32, shift, div float64) int { return 0 }

// hasExpAVX512 says whether expArch has a vector version (never, here).
const hasExpAVX512 = false
