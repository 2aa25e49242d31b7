//go:build cuda

package cuda

import (
	"fmt"
	"unsafe"

	"gorgonia.org/cu"
)

// The skinny tensor-core product (kernels.cu skinny_gemm_*): a decode
// step's products of few term rows, where cuBLAS left most of the device
// idle. Config.GEMM and Config.SkinnyMaxRows pick it.

const (
	skinnyBM, skinnyBK = 64, 64 // kernels.cu SKINNY_BM, SKINNY_BK
	skinnyLD           = skinnyBK + 8
	skinnyStages       = 4
	skinnyThreads      = 128
	// skinnyArrivals bounds the output tiles of a product whose k is split
	// (one arrival counter each); a split is only chosen when tiles are few.
	skinnyArrivals = 4096
	// maxSkinnySplits bounds the slices of k: each costs a partial tile's
	// write and read in L2.
	maxSkinnySplits = 16
	// defaultSkinnyMaxRows is the most term rows sent to the skinny kernel
	// by default (set from runs 44–45, BENCHMARKS.md).
	defaultSkinnyMaxRows = 192
)

// skinnyRowTiles are the kernels' row tiles (BN), smallest first.
var skinnyRowTiles = [3]int{16, 32, 64}

// openSkinny loads the skinny kernels and their arrival counters.
func (b *Backend) openSkinny(dev cu.Device, cfg Config) error {
	switch cfg.GEMM {
	case "", "cublas", "skinny":
	default:
		return fmt.Errorf("cuda: GEMM %q: want cublas or skinny (empty chooses by the pass)", cfg.GEMM)
	}
	b.gemmMode, b.skinnyMax, b.skinnyBlocks = cfg.GEMM, cfg.SkinnyMaxRows, cfg.SkinnyBlocks
	if b.skinnyMax <= 0 {
		b.skinnyMax = defaultSkinnyMaxRows
	}
	if b.skinnyBlocks <= 0 {
		b.skinnyBlocks = 3 * b.sms
	}
	for i, bn := range skinnyRowTiles {
		name := fmt.Sprintf("skinny_gemm_%d", bn)
		var err error
		if b.k.skinny[i], err = b.mod.Function(name); err != nil {
			return fmt.Errorf("%w: kernel %s: %v", ErrKernels, name, err)
		}
		avail, err := optInSharedMemory(dev, b.k.skinny[i])
		if err != nil {
			return fmt.Errorf("%w: kernel %s: %v", ErrKernels, name, err)
		}
		if need := skinnySmem(bn); need > avail {
			return fmt.Errorf("%w: kernel %s needs %d bytes of shared memory, the device gives %d", ErrKernels, name, need, avail)
		}
	}
	zeros := make([]int32, skinnyArrivals)
	var err error
	b.arrivals, err = b.uploadBytes("skinny arrivals", unsafe.Pointer(&zeros[0]), int64(len(zeros))*4)
	return err
}

// skinnySmem is the dynamic shared memory of the kernel with row tile bn.
func skinnySmem(bn int) int { return skinnyStages * (skinnyBM + bn) * skinnyLD * 2 }

// skinnyTakes reports whether the skinny kernel runs the product of n term
// rows: by Config.GEMM, and only where its loads stay aligned (k a
// multiple of 8 bf16, 16-byte aligned operands).
func (b *Backend) skinnyTakes(w, x cu.DevicePtr, n, k int) bool {
	if b.gemmMode == "cublas" || b.k.skinny[0] == (cu.Function{}) || k%8 != 0 || uint64(w)%16 != 0 || uint64(x)%16 != 0 {
		return false
	}
	return b.gemmMode == "skinny" || n <= b.skinnyMax
}

// skinnyPlan is a product's launch: the row tile, the slices of k and the
// k tiles a slice takes. Slices are added until the grid holds about
// skinnyBlocks blocks, each slice keeping at least two k tiles.
type skinnyPlan struct {
	tile, bn, splits, tilesPerSplit int
	grid                            [3]int
}

func (b *Backend) planSkinny(m, n, k int) skinnyPlan {
	p := skinnyPlan{tile: len(skinnyRowTiles) - 1}
	for i, bn := range skinnyRowTiles {
		if n <= bn {
			p.tile = i
			break
		}
	}
	p.bn = skinnyRowTiles[p.tile]
	tiles := ceilDiv(m, skinnyBM) * ceilDiv(n, p.bn)
	nk := ceilDiv(k, skinnyBK)
	splits := min(ceilDiv(b.skinnyBlocks, tiles), maxSkinnySplits, max(nk/2, 1))
	if tiles > skinnyArrivals {
		splits = 1
	}
	p.tilesPerSplit = ceilDiv(nk, max(splits, 1))
	p.splits = ceilDiv(nk, p.tilesPerSplit)
	p.grid = [3]int{ceilDiv(m, skinnyBM), ceilDiv(n, p.bn), p.splits}
	return p
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// skinnyGEMM queues out[n][m] = Σ_k x[n][k]·w[m][k] on the skinny kernel.
func (b *Backend) skinnyGEMM(out, w, x cu.DevicePtr, m, n, k int) error {
	p := b.planSkinny(m, n, k)
	var partial cu.DevicePtr
	if p.splits > 1 {
		var err error
		if partial, err = b.buf("skinny partial", int64(p.splits)*int64(n)*int64(m)*4); err != nil {
			return err
		}
	}
	return b.launch3(b.k.skinny[p.tile], p.grid, skinnyThreads, skinnySmem(p.bn),
		out, partial, b.arrivals, w, x, m, n, k, p.tilesPerSplit)
}
