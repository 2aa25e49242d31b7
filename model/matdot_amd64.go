//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// matBlocksAVX512 adds nblocks blocks of 256 products to acc in the
// canonical order (matdot_amd64.s).
//
//go:noescape
func matBlocksAVX512(acc *[MatSums]float32, w, x *float32, nblocks int)

var hasAVX512 = cpu.X86.HasAVX512F

// matBlocks adds the full 256-element blocks of w·x to acc and returns how
// many elements it consumed.
func matBlocks(acc *[MatSums]float32, w, x []float32) int {
	nb := len(w) / MatSums
	if !hasAVX512 || nb == 0 {
		return matBlocksGo(acc, w, x)
	}
	_ = x[nb*MatSums-1]
	matBlocksAVX512(acc, &w[0], &x[0], nb)
	return nb * MatSums
}
