// Package cuda is the GPU backend of the model engine: the same
// model.Backend as the pure-Go CPU engine, computed by CUDA kernels through
// the driver API (gorgonia.org/cu) under the protocol's precision contract —
// weights stay on the device exactly as the checkpoint stores them (bf16 or
// f32), every activation, accumulation, norm, softmax, logit and KV-cache
// entry is f32 or wider.
//
// The kernels (kernels.cu, compiled to the committed kernels.ptx and
// embedded) keep the CPU engine's summation order — for matrix products the
// protocol's canonical 256-sum order, which a warp computes with coalesced
// 16-byte weight loads — so the two backends agree bit for bit except where
// a libm function rounds its last bit differently;
// the protocol's tolerances cover the rest. The sampler and the ranking
// behind the hidden-state sketch also run on the device: for a step that
// asks for picks and sketches (model.Step.Uniforms, model.Step.Sketch),
// neither the vocabulary-sized logits nor the hidden states leave the GPU,
// only 20 ranked entries a row, from which package sketch builds the
// sketch set on the host (the rule written once).
//
// The backend exists only in binaries built with the `cuda` build tag
// (`make build-cuda`); elsewhere Open returns ErrNotBuilt.
package cuda

import (
	"errors"
	"fmt"

	"github.com/assaynet/assay/model"
)

// Config selects and tunes the device.
type Config struct {
	// Device is the CUDA device ordinal.
	Device int
	// PTXFile, when set, loads kernels from this file instead of the
	// embedded PTX (kernel development without a rebuild).
	PTXFile string
	// MatTile, when set ("8x2": 8 activation rows by 2 output columns per
	// warp), forces one matrix-product tiling for every pass; benchmarks use
	// it to compare tilings. Empty picks one by the pass's row count. Every
	// tiling computes the same canonical order, so results do not change.
	MatTile string
	// MatTileWide, when set, forces the tiling of batch-1 products whose
	// rows are at least 4,096 long (the MLP's down projection; by default
	// "s1x1": each column's partial sums split over two warps), under
	// MatTile; for measurements, like MatTile.
	MatTileWide string
	// TensorSplit, when 2 or 3, runs the matrix products of passes with at
	// least TensorMinRows rows on tensor cores through cuBLAS (loaded at run
	// time): each f32 activation split into that many bf16 terms, one bf16
	// GEMM per term with f32 accumulation. Faster for prefill and large
	// batches, but not the canonical order: results then drift from the CPU
	// engine within the protocol's tolerances instead of matching it bit for
	// bit (docs/protocol.md §6.2.1 has the measured drift). 0 keeps every
	// product exact.
	TensorSplit int
	// TensorHalf, with TensorSplit 2 (or 0, which it then means), makes the
	// two terms fp16 instead of bf16: each activation row scaled by a power
	// of two chosen from its largest magnitude, the weights converted to
	// fp16 the same way per matrix (a second copy on the device beside the
	// bf16 one the exact kernels read). Two GEMMs for 22 significant bits
	// where split-3 spends three for 24; not the canonical order either
	// (drift in docs/protocol.md §6.2.1).
	TensorHalf bool
	// TensorMinRows is the smallest pass (in rows) that uses tensor cores;
	// 0 means 4 (below it the exact kernels are faster).
	TensorMinRows int
	// Attention picks the attention kernels: "" chooses by the pass (see
	// Backend.attentionPlan), "head" runs one block per (row, query head),
	// "group" one block per (row, KV head) for all the query heads sharing
	// it (each key and value read once for all of them), "twopass" a scores
	// kernel over tiles of positions and a values kernel over slices of the
	// head dimension (many blocks even at batch 1), "tiled" the same three
	// steps over tiles of 16 consecutive rows of a sequence, each key and
	// value read once for the tile (prefills, a verifier's passes),
	// "decode" one block per (row, a few query heads of a KV head) with
	// the keys and values streamed through shared memory. All
	// compute the same numbers, bit for bit; only the speed differs. A
	// kernel that cannot take a pass (shape, context length) hands it to
	// the next that can.
	Attention string
	// AttentionHeadsPerBlock, when set, makes the decode and grouped
	// kernels take this many of a KV head's query heads per block (a
	// divisor of heads / KV heads, at most 8); 0 lets the backend choose.
	// For measurements: the numbers do not change.
	AttentionHeadsPerBlock int
	// Unfused, when set, runs a tensor-core layer's seams as the separate
	// kernels the fused ones replace: combine, SiLU and split in the MLP's
	// middle; combine (with the residual), norm and split between
	// products; combine and RoPE after the q|k|v product (the same bits;
	// kept for comparison).
	Unfused bool
	// Profile, when set, times every kernel with CUDA events by stage of
	// the forward pass; Backend.KernelTimes reads the totals. For
	// benchmarks: it adds two event records per launch, and passes run
	// launch by launch (no graphs).
	Profile bool
	// NoGraphs, when set, launches every kernel of a pass one by one
	// instead of replaying passes seen before as CUDA graphs (the same
	// kernels and bits; kept for comparison).
	NoGraphs bool
	// NoPDL, when set, launches each kernel only after the one before it
	// has finished. By default kernels are launched with programmatic
	// stream serialization: the next kernel's blocks are placed while the
	// previous kernel runs and wait on the device (griddepcontrol.wait,
	// first thing in every kernel) until it is done, which hides part of
	// the gap between small kernels. The same kernels and bits; kept for
	// comparison. A PTX file whose kernels do not all wait
	// (Config.PTXFile from an older build) always runs without it.
	NoPDL bool
}

var (
	// ErrNotBuilt is returned by Open in binaries built without the cuda tag.
	ErrNotBuilt = errors.New("cuda: this binary was built without CUDA support (build it with `make build-cuda`)")
	// ErrTensorSplit means Config.TensorSplit was asked of a checkpoint whose
	// matrices are not stored in bf16.
	ErrTensorSplit = errors.New("cuda: tensor-core split products unavailable")
	// ErrOutOfMemory means the device could not hold what was asked for.
	ErrOutOfMemory = errors.New("cuda: out of device memory")
	// ErrKernels means the PTX did not load (driver too old, corrupt file).
	ErrKernels = errors.New("cuda: kernels failed to load")
	// ErrDevice means the device failed while computing (lost, reset, a
	// kernel fault); results of the failed call are discarded. It wraps
	// model.ErrDevice, which roles branch on without knowing the backend.
	ErrDevice = fmt.Errorf("cuda: %w", model.ErrDevice)
	// ErrClosed is returned after Close.
	ErrClosed = errors.New("cuda: backend closed")
)
