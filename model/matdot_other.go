//go:build !amd64 || purego

package model

// matBlocks adds the full 256-element blocks of w·x to acc and returns how
// many elements it consumed.
func matBlocks(acc *[MatSums]float32, w, x []float32) int { return matBlocksGo(acc, w, x) }

const hasAVX512 = false
