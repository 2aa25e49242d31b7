//go:build amd64 && !purego

package model

import "golang.org/x/sys/cpu"

// matBlocksAVX512 adds nblocks blocks of 256 products to acc in the
// canonical order (matdot_amd64.s).
//
//go:noescape
func matBlocksAVX512(acc *[MatSums]float32, w, x *float32, nblocks int)

var hasAVX512 = cpu.X86.HasAVX512F

// matBlocks adds w·x to acc in the canonical order and returns how many
// elements it consumed (all of them here; the portable version leaves the
// last partial block to the caller).
//
// The last partial block runs zero-padded: a partial sum starts at +0 and,
// under round-to-nearest, no sum of values starting at +0 is ever −0, so
// adding the padding's +0 products leaves every sum's bits unchanged.
func matBlocks(acc *[MatSums]float32, w, x []float32) int {
	if !hasAVX512 {
		return matBlocksGo(acc, w, x)
	}
	n := len(w)
	x = x[:n]
	nb := n / MatSums
	if nb > 0 {
		matBlocksAVX512(acc, &w[0], &x[0], nb)
	}
	if k := nb * MatSums; k < n {
		var wp, xp [MatSums]float32
		copy(wp[:], w[k:])
		copy(xp[:], x[k:])
		matBlocksAVX512(acc, &wp[0], &xp[0], 1)
	}
	return n
}
