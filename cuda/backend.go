//go:build cuda

package cuda

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"sync"
	"unsafe"

	"gorgonia.org/cu"

	"github.com/assaynet/assay/model"
)

//go:embed kernels.ptx
var embeddedPTX string

// Built reports whether this binary has the CUDA backend.
func Built() bool { return true }

// weight is one matrix on the device, in the checkpoint's dtype (f16 is
// widened to f32, exactly).
type weight struct {
	ptr  cu.DevicePtr
	bf16 bool
	// The fp16 mode's copy (Config.TensorHalf): values·2⁻ʰᵉˣᵖ in fp16.
	half cu.DevicePtr
	hexp int
}

// layer holds one decoder layer. The q, k and v projections are one matrix
// (their rows stacked, with their biases) and so are gate and up: fewer,
// larger launches, and each output is still its own canonical dot product.
type layer struct {
	attnNorm, mlpNorm cu.DevicePtr // f32
	qkvBias           cu.DevicePtr // f32, 0 when absent
	qkv, o            weight
	gateUp, down      weight
}

type kernels struct {
	embedBF16, embedF32 cu.Function
	linear              map[matTile][2]cu.Function // [f32, bf16] weights
	rmsnorm, ropeStore  cu.Function
	attention, attnGrp  cu.Function
	attnDecode          cu.Function
	attnScores, attnVal cu.Function // the two-pass attention
	attnSoftmax         cu.Function
	attnScoresTiled     cu.Function // the tiled attention (long passes)
	attnValTiled        cu.Function
	attnSoftmaxWarps    cu.Function
	siluMul, gather     cu.Function
	gateUpSilu          [2]cu.Function // [f32, bf16] weights: the batch-1 gate/up product with SiLU
	sample, sketchRank  cu.Function
	stats               cu.Function
	split, combine      cu.Function
	siluSplit           cu.Function
	splitRowsH          cu.Function // the fp16 mode's split and MLP middle
	siluSplitH          cu.Function
	combineNormSplit    cu.Function // a tensor-core layer's seams: residual, norm, split
	combineRope         cu.Function // the q|k|v product's terms into RoPE and the cache
}

// Backend is the CUDA model.Backend. It is safe for concurrent use; calls
// are serialized on the device.
type Backend struct {
	mu       sync.Mutex
	cfg      *model.Config
	cuctx    cu.CUContext
	strm     cu.Stream // every launch and cuBLAS call (blocking: ordered with the synchronous copies)
	graph    *graphs   // recorded passes and their CUDA graphs; nil when off (Config.NoGraphs, Profile, a failed capture)
	mod      cu.Module
	k        kernels
	tile     *matTile // forced matrix-product tiling (Config.MatTile)
	wideTile *matTile // forced tiling of batch-1 products over K ≥ wideK (Config.MatTileWide)
	attn     string   // Config.Attention
	unfused  bool     // Config.Unfused
	hpb      int      // Config.AttentionHeadsPerBlock
	sms      int      // the device's multiprocessors
	// Dynamic shared memory a block of the per-head and the grouped
	// attention kernel may use (optInSharedMemory), and the tiled scores
	// kernel.
	attnSmem, grpSmem int
	tiledSmem         int
	decSmem           int       // attention_decode's
	prof              *profiler // Config.Profile
	stage             string    // the forward pass's stage, for the profiler
	blas              *cublasLib
	split             int  // bf16 terms per activation on tensor cores, 0 = off
	half              bool // the two terms are fp16 with row scales (Config.TensorHalf)
	siluSmemH         int  // combine_silu_split_h's dynamic shared memory limit
	splitMin          int  // smallest pass that uses them
	name              string
	embed             weight
	head              weight
	norm              cu.DevicePtr
	layers            []layer
	invFreq           cu.DevicePtr
	allocs            []cu.DevicePtr           // weights, freed by Close
	scratch           map[string]*buffer       // per-pass buffers, grown on demand
	pool              map[int64][]cu.DevicePtr // released KV caches by size
	closed            bool
	argVals           [maxArgs]uint64 // kernel arguments of the launch in progress
	args              argArea         // the same in C memory, for the driver
	pdl               bool            // launches overlap the kernel before (Config.NoPDL off)
}

type buffer struct {
	ptr  cu.DevicePtr
	size int64
}

var _ model.Backend = (*Backend)(nil)

// defaultTensorMinRows is the smallest pass put on tensor cores by
// default. Measured on the H200 at 1.5B shapes (BENCHMARKS.md, 2026-12-02,
// session 7: decode steps, split-3 against exact products): 0.83× at 1
// row, 1.27× at 4, 3.1× at 16, 5.6× at 32.
const defaultTensorMinRows = 4

// attnThreads is kernels.cu's ATT_THREADS.
const attnThreads = 256

// maxAttnPositions is the longest context the per-head attention kernel
// takes: its dynamic shared memory holds one f64 score per position plus
// the query.
func (b *Backend) maxAttnPositions(headDim int) int { return (b.attnSmem - 4*headDim) / 8 }

// kernels.cu's ATT_GMAX, ATT_CHUNK and ATT_HDMAX.
const (
	attnGroupMax     = 8
	attnGroupChunk   = 128
	attnGroupHeadDim = 128
)

// attnGroupSmem is attention_group's dynamic shared memory for g query
// heads per KV head over n positions.
func attnGroupSmem(g, headDim, n int) int { return g*attnGroupChunk*8 + g*headDim*4 + g*n*4 }

// attnGroupFits reports whether attention_group, with smem bytes of
// dynamic shared memory a block, takes a pass whose longest row attends
// over n positions with hpb query heads a block; longer ones (and odd
// shapes) go to the per-head kernel, which holds more positions.
func attnGroupFits(cfg *model.Config, hpb, n, smem int) bool {
	return attnHeadsFit(cfg, hpb) && attnGroupSmem(hpb, cfg.HeadDim, n) <= smem
}

// attnHeadsFit reports whether a kernel taking g of a KV head's query
// heads a block (grouped, decode) takes the model's heads: g divides them,
// at most ATT_GMAX, head size at most ATT_HDMAX and dividing ATT_THREADS.
func attnHeadsFit(cfg *model.Config, g int) bool {
	hd := cfg.HeadDim
	return g >= 1 && g <= attnGroupMax && cfg.Heads%cfg.KVHeads == 0 && (cfg.Heads/cfg.KVHeads)%g == 0 &&
		hd <= attnGroupHeadDim && attnThreads%hd == 0
}

// kernels.cu's ADC_T and ADC_S.
const (
	attnDecodeChunk = 32
	attnDecodeSlots = 4
)

// attnDecodeSmem is attention_decode's dynamic shared memory for g query
// heads a block over n positions: the key and value ring, the f64
// exponentials of a chunk, the queries, the scores.
func attnDecodeSmem(g, headDim, n int) int {
	return attnDecodeSlots*attnDecodeChunk*(headDim+8)*4 + g*attnGroupChunk*8 + g*headDim*4 + g*n*4
}

// attnDecodeFits reports whether attention_decode, with smem bytes of
// dynamic shared memory a block, takes a pass whose longest row attends
// over n positions with g query heads a block.
func attnDecodeFits(cfg *model.Config, g, n, smem int) bool {
	return attnHeadsFit(cfg, g) && cfg.HeadDim%8 == 0 && attnDecodeSmem(g, cfg.HeadDim, n) <= smem
}

// decodeHeads is attention_decode's query heads a block for a pass of R
// rows (Config.AttentionHeadsPerBlock where set): the most of a KV head's
// that still leave every multiprocessor a block, since a block reads its
// keys and values once for all its heads, else one.
func (b *Backend) decodeHeads(R int) int {
	if b.hpb > 0 {
		return b.hpb
	}
	g := b.cfg.Heads / b.cfg.KVHeads
	for h := min(g, attnGroupMax); h > 1; h-- {
		if g%h == 0 && b.cfg.KVHeads*(g/h)*R >= b.sms {
			return h
		}
	}
	return 1
}

// attnGroupBlocksPerSM is the fewest blocks per multiprocessor (KV heads ×
// rows) a pass needs before attention_group beats the per-head kernel.
// Measured on the H200 at 1.5B shapes (BENCHMARKS.md, 2026-12-02), every
// query head of a KV head in one block: 1.34× faster at 256 decode rows,
// 1.08× at 128, a tie at 64 (128 blocks on 132 multiprocessors), and at 16
// rows the per-head kernel's six times as many blocks win by 1.8×;
// splitting a KV head's query heads over more blocks lost at every size.
const attnGroupBlocksPerSM = 1

// attnHeadsPerBlock is attention_group's hpb for a pass of R rows, or 0
// for the per-head kernel: all the query heads of a KV head in one block
// once the pass has enough blocks, or Config.AttentionHeadsPerBlock.
func (b *Backend) attnHeadsPerBlock(R int) int {
	if b.hpb > 0 {
		return b.hpb
	}
	if b.cfg.KVHeads*R < attnGroupBlocksPerSM*b.sms {
		return 0
	}
	return b.groupHeads()
}

// groupHeads is the most query heads of a KV head attention_group takes in
// one block (a divisor of them), 0 where it takes none.
func (b *Backend) groupHeads() int {
	g := b.cfg.Heads / b.cfg.KVHeads
	for h := min(g, attnGroupMax); h > 1; h-- {
		if g%h == 0 {
			return h
		}
	}
	return 0
}

// kernels.cu's ATT_ST.
const (
	attnScoreTile = 16
	// twoPassScoreBytes caps the two-pass kernels' score buffer (rows ×
	// query heads × positions, f32); larger passes (long prefills) go to
	// the grouped kernel, which keeps its scores in shared memory.
	twoPassScoreBytes = 256 << 20
	// attnBucket rounds the context length a pass's attention launches are
	// sized for (grids, shared memory, the score buffer's stride): the
	// kernels read each row's own length from the device, so every decode
	// step of a bucket launches the same kernels with the same arguments,
	// which is what lets a captured CUDA graph replay them (graph.go).
	attnBucket = 256
)

// attnSpan is the context length a pass whose longest row attends over n
// positions sizes its attention launches for: n rounded up to the bucket,
// within what the per-head kernel holds.
func (b *Backend) attnSpan(n int) int {
	return max(n, min((n+attnBucket-1)/attnBucket*attnBucket, b.maxAttnPositions(b.cfg.HeadDim)))
}

// twoPassSlice is attention_values' ds (value dimensions a block, a power
// of two) for a pass of R rows attending over at most n positions, or 0
// where the two-pass kernels cannot take the pass: 32 where that fills the
// device twice, else fewer (more blocks).
func (b *Backend) twoPassSlice(R, n int) int {
	cfg := b.cfg
	g, hd := cfg.Heads/max(cfg.KVHeads, 1), cfg.HeadDim
	if cfg.KVHeads < 1 || cfg.Heads%cfg.KVHeads != 0 || g > attnGroupMax || hd > attnGroupHeadDim || hd%8 != 0 ||
		int64(R)*int64(cfg.Heads)*int64(n)*4 > twoPassScoreBytes {
		return 0
	}
	ds := 32
	for ds > 8 && (cfg.KVHeads*R*(hd/ds) < 2*b.sms || hd%ds != 0 || g*ds > attnThreads) {
		ds /= 2
	}
	if hd%ds != 0 || g*ds > attnThreads {
		return 0
	}
	return ds
}

// Attention kernels (attnPlan.kind).
const (
	attnHead = iota
	attnGroup
	attnTwoPass
	attnTiled
	attnDecode
)

// kernels.cu's ATT_TQ, ATT_TQS, ATT_TP and ATT_TR.
const (
	attnTileRows  = 16
	attnTileHalf  = 8
	attnTilePos   = 32
	attnTileSpan  = attnTilePos * 4
	attnTileBytes = 8 // a Tile: first row, row count (int32 each)
)

// tiledScoreSmem is attention_scores_tiled's dynamic shared memory: a half
// tile's queries for every head of a KV head, and one round's keys.
func tiledScoreSmem(cfg *model.Config) int {
	g, hd := cfg.Heads/max(cfg.KVHeads, 1), cfg.HeadDim
	return attnTileHalf*g*hd*4 + attnTilePos*(hd+4)*4
}

// tiledFits reports whether the tiled kernels take the model's shapes
// over n positions: what kernels.cu requires of them, shared memory, and a
// tile's scores within the score buffer.
func (b *Backend) tiledFits(n int) bool {
	cfg := b.cfg
	if cfg.KVHeads < 1 || cfg.Heads%cfg.KVHeads != 0 {
		return false
	}
	g, hd := cfg.Heads/cfg.KVHeads, cfg.HeadDim
	return g <= attnGroupMax && hd <= attnGroupHeadDim && hd%16 == 0 && tiledScoreSmem(cfg) <= b.tiledSmem &&
		int64(attnTileRows)*int64(cfg.Heads)*int64(n)*4 <= twoPassScoreBytes
}

// attnTiledMinFill is the fewest rows a tile holds on average before the
// tiled kernels take a pass by default, and attnTiledMinBlocks the fewest
// values blocks (KV heads × tiles) per multiprocessor: below them a tile's
// reuse of keys and values does not pay for its idle rows, or the pass
// does not fill the device (a group's prompt, decode steps).
const (
	attnTiledMinFill   = 8
	attnTiledMinBlocks = 2
)

// attnPlan is the attention kernel of a pass and its parameter.
type attnPlan struct {
	kind int
	hpb  int // attnGroup, attnDecode: query heads a block
	ds   int // attnTwoPass: value dimensions a block
}

// tiledDefault reports whether a pass of R rows in the given number of
// tiles takes the tiled kernels by default.
func (b *Backend) tiledDefault(R, tiles int) bool {
	return tiles > 0 && R >= attnTiledMinFill*tiles && b.cfg.KVHeads*tiles >= attnTiledMinBlocks*b.sms
}

// attentionPlan picks the attention kernels for a pass of R rows in the
// given number of tiles (runs of up to 16 rows of one step) attending over
// at most n positions: Config.Attention where it takes the pass, else the
// next that does (tiled, two-pass, decode, grouped, per-head). By default the
// tiled kernels take passes whose tiles are mostly full and fill the
// device (tiledDefault: a verifier's 16 rollouts of 1,224 positions 1.37×
// the grouped kernel, BENCHMARKS.md 2026-12-03 run 31); else
// (measured on the H200 at 1.5B shapes, decode steps at ~200 positions,
// BENCHMARKS.md 2026-12-04 run 49): two-pass below one per-head block a
// multiprocessor (batch 1: 1.07× the decode kernel, a tie at batch 4),
// the decode kernel above (batch 16: 1.08× the per-head kernel, 64: 1.26×,
// 256: 1.13× the grouped kernel); the grouped or per-head kernel where it
// does not fit (long contexts at many heads a block).
func (b *Backend) attentionPlan(R, tiles, n int) attnPlan {
	if (b.attn == "tiled" || b.attn == "" && b.tiledDefault(R, tiles)) && b.tiledFits(n) {
		return attnPlan{kind: attnTiled}
	}
	switch b.attn {
	case "", "twopass":
		// By default the two-pass kernels take the passes too small for
		// even the per-head kernel to give every multiprocessor a block.
		if ds := b.twoPassSlice(R, n); ds > 0 && (b.attn == "twopass" || b.cfg.Heads*R < b.sms) {
			return attnPlan{kind: attnTwoPass, ds: ds}
		}
	}
	if b.attn == "" || b.attn == "decode" {
		if g := b.decodeHeads(R); attnDecodeFits(b.cfg, g, n, b.decSmem) {
			return attnPlan{kind: attnDecode, hpb: g}
		}
	}
	if b.attn != "head" {
		hpb := b.attnHeadsPerBlock(R)
		if b.attn == "group" && hpb == 0 {
			hpb = b.groupHeads()
		}
		if hpb > 0 && attnGroupFits(b.cfg, hpb, n, b.grpSmem) {
			return attnPlan{kind: attnGroup, hpb: hpb}
		}
	}
	return attnPlan{kind: attnHead}
}

// Open uploads the checkpoint to the device and loads the kernels. The
// checkpoint may be closed afterwards.
func Open(ck *model.Checkpoint, cfg Config) (model.Backend, error) {
	b, err := open(ck, cfg)
	if err != nil {
		return nil, err
	}
	return b, nil
}

func open(ck *model.Checkpoint, cfg Config) (*Backend, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	n, err := cu.NumDevices()
	if err != nil {
		return nil, fmt.Errorf("%w: count devices: %v", ErrDevice, err)
	}
	if cfg.Device < 0 || cfg.Device >= n {
		return nil, fmt.Errorf("cuda: device %d does not exist (%d found)", cfg.Device, n)
	}
	dev, err := cu.GetDevice(cfg.Device)
	if err != nil {
		return nil, fmt.Errorf("%w: device %d: %v", ErrDevice, cfg.Device, err)
	}
	cuctx, err := dev.MakeContext(cu.SchedAuto)
	if err != nil {
		return nil, fmt.Errorf("%w: context on device %d: %v", ErrDevice, cfg.Device, err)
	}
	name, _ := dev.Name()
	// A stream of our own, created blocking: the synchronous copies on the
	// legacy stream stay ordered with it both ways, and unlike the legacy
	// stream it can be captured into a graph.
	strm, err := cu.MakeStream(cu.DefaultStream)
	if err != nil {
		cuctx.Destroy()
		return nil, fmt.Errorf("%w: stream on device %d: %v", ErrDevice, cfg.Device, err)
	}
	b := &Backend{strm: strm, cfg: ck.Config, cuctx: cuctx, name: name, scratch: map[string]*buffer{}, pool: map[int64][]cu.DevicePtr{},
		attn: cfg.Attention, unfused: cfg.Unfused, hpb: cfg.AttentionHeadsPerBlock}
	if g := ck.Config.Heads / max(ck.Config.KVHeads, 1); b.hpb != 0 && (b.hpb < 0 || b.hpb > attnGroupMax || g%b.hpb != 0) {
		return nil, fmt.Errorf("cuda: attention heads per block %d: want a divisor of %d (query heads per KV head) up to %d", b.hpb, g, attnGroupMax)
	}
	switch cfg.Attention {
	case "", "head", "group", "twopass", "tiled", "decode":
	default:
		return nil, fmt.Errorf("cuda: attention kernel %q: want head, group, twopass, tiled or decode (empty chooses by the pass)", cfg.Attention)
	}
	if b.sms, err = dev.Attribute(cu.MultiprocessorCount); err != nil {
		return nil, fmt.Errorf("%w: device %d: multiprocessors: %v", ErrDevice, cfg.Device, err)
	}
	if cfg.Profile {
		b.prof = newProfiler(b.strm)
	} else if !cfg.NoGraphs {
		b.graph = newGraphs()
	}
	ok := false
	defer func() {
		if !ok {
			b.closeLocked()
		}
	}()
	src := embeddedPTX
	if cfg.PTXFile != "" {
		raw, err := os.ReadFile(cfg.PTXFile)
		if err != nil {
			return nil, fmt.Errorf("cuda: %w", err)
		}
		src = string(raw)
	}
	if b.mod, err = cu.LoadData(src); err != nil {
		return nil, fmt.Errorf("%w: %v (the driver must support PTX ISA of kernels.ptx, sm_90 target)", ErrKernels, err)
	}
	if !functionLayoutOK() {
		return nil, fmt.Errorf("%w: gorgonia.org/cu's Function is not the bare driver handle this backend launches", ErrKernels)
	}
	b.args = newArgArea()
	b.pdl = !cfg.NoPDL && ptxWaitsEverywhere(src)
	for _, f := range []struct {
		dst  *cu.Function
		name string
	}{
		{&b.k.embedBF16, "embed_bf16"}, {&b.k.embedF32, "embed_f32"},
		{&b.k.rmsnorm, "rmsnorm"}, {&b.k.ropeStore, "rope_store"}, {&b.k.attention, "attention"}, {&b.k.attnGrp, "attention_group"},
		{&b.k.attnDecode, "attention_decode"},
		{&b.k.attnScores, "attention_scores"}, {&b.k.attnVal, "attention_values"}, {&b.k.attnSoftmax, "attention_softmax"},
		{&b.k.attnScoresTiled, "attention_scores_tiled"}, {&b.k.attnValTiled, "attention_values_tiled"},
		{&b.k.attnSoftmaxWarps, "attention_softmax_warps"},
		{&b.k.gateUpSilu[0], "gate_up_silu_f32"}, {&b.k.gateUpSilu[1], "gate_up_silu_bf16"},
		{&b.k.siluMul, "silu_mul"}, {&b.k.gather, "gather_rows"},
		{&b.k.sample, "sample"}, {&b.k.sketchRank, "sketch_rank"}, {&b.k.stats, "position_stats"}, {&b.k.split, "split_bf16"}, {&b.k.combine, "combine_terms"}, {&b.k.siluSplit, "combine_silu_split"},
		{&b.k.combineNormSplit, "combine_norm_split"}, {&b.k.combineRope, "combine_rope_store"},
	} {
		if *f.dst, err = b.mod.Function(f.name); err != nil {
			return nil, fmt.Errorf("%w: kernel %s: %v", ErrKernels, f.name, err)
		}
	}
	if b.attnSmem, err = optInSharedMemory(dev, b.k.attention); err != nil {
		return nil, fmt.Errorf("%w: kernel attention: %v", ErrKernels, err)
	}
	if b.grpSmem, err = optInSharedMemory(dev, b.k.attnGrp); err != nil {
		return nil, fmt.Errorf("%w: kernel attention_group: %v", ErrKernels, err)
	}
	if b.decSmem, err = optInSharedMemory(dev, b.k.attnDecode); err != nil {
		return nil, fmt.Errorf("%w: kernel attention_decode: %v", ErrKernels, err)
	}
	if b.tiledSmem, err = optInSharedMemory(dev, b.k.attnScoresTiled); err != nil {
		return nil, fmt.Errorf("%w: kernel attention_scores_tiled: %v", ErrKernels, err)
	}
	b.k.linear = map[matTile][2]cu.Function{}
	for _, t := range matTiles {
		var fs [2]cu.Function
		for i, w := range []string{"f32", "bf16"} {
			name := fmt.Sprintf("linear_%s_%s", w, t)
			if fs[i], err = b.mod.Function(name); err != nil {
				return nil, fmt.Errorf("%w: kernel %s: %v", ErrKernels, name, err)
			}
		}
		b.k.linear[t] = fs
	}
	if cfg.MatTile != "" {
		t, err := parseMatTile(cfg.MatTile)
		if err != nil {
			return nil, err
		}
		b.tile = &t
	}
	if cfg.MatTileWide != "" {
		t, err := parseMatTile(cfg.MatTileWide)
		if err != nil {
			return nil, err
		}
		b.wideTile = &t
	}
	if cfg.TensorHalf {
		switch cfg.TensorSplit {
		case 0, 2:
			cfg.TensorSplit = 2
		default:
			return nil, fmt.Errorf("cuda: fp16 tensor terms come two to a value, not %d", cfg.TensorSplit)
		}
		b.half = true
		for _, f := range []struct {
			dst  *cu.Function
			name string
		}{{&b.k.splitRowsH, "split_rows_h"}, {&b.k.siluSplitH, "combine_silu_split_h"}} {
			if *f.dst, err = b.mod.Function(f.name); err != nil {
				return nil, fmt.Errorf("%w: kernel %s (a PTX file from before the fp16 mode?): %v", ErrKernels, f.name, err)
			}
		}
		if b.siluSmemH, err = optInSharedMemory(dev, b.k.siluSplitH); err != nil {
			return nil, fmt.Errorf("%w: kernel combine_silu_split_h: %v", ErrKernels, err)
		}
		if need := 4 * ck.Config.IntermediateSize; need > b.siluSmemH {
			return nil, fmt.Errorf("%w: fp16 terms: the MLP's %d activations a row need %d bytes of shared memory, the device gives %d",
				ErrTensorSplit, ck.Config.IntermediateSize, need, b.siluSmemH)
		}
	}
	switch cfg.TensorSplit {
	case 0:
	case 2, 3:
		if b.blas, err = openCUBLAS(b.strm); err != nil {
			return nil, err
		}
		b.split, b.splitMin = cfg.TensorSplit, cfg.TensorMinRows
		if b.splitMin <= 0 {
			b.splitMin = defaultTensorMinRows
		}
	default:
		return nil, fmt.Errorf("cuda: tensor split %d: want 2 or 3 bf16 terms (0 for exact products)", cfg.TensorSplit)
	}
	if b.split > 0 {
		// The split trick needs weights exact in bf16; f32 checkpoints keep
		// exact products, and saying so beats silently ignoring the option.
		if t, ok := ck.Tensor(model.LayerTensorNames(0).Q); ok && t.DType != model.BF16 {
			return nil, fmt.Errorf("%w: this checkpoint stores %s weights; tensor-core products need bf16 weights", ErrTensorSplit, t.DType)
		}
	}
	if err := b.checkFits(ck); err != nil {
		return nil, err
	}
	if err := b.upload(ck); err != nil {
		return nil, err
	}
	ok = true
	return b, nil
}

// checkFits refuses a model whose weights cannot fit before uploading any.
func (b *Backend) checkFits(ck *model.Checkpoint) error {
	var need int64
	for _, t := range ck.Tensors {
		sz := int64(t.Numel()) * 4
		if t.DType == model.BF16 {
			sz = int64(t.Numel()) * 2
			if b.half {
				sz *= 2 // the fp16 copy
			}
		}
		need += sz
	}
	free, total, err := cu.MemInfo()
	if err != nil {
		return fmt.Errorf("%w: memory info: %v", ErrDevice, err)
	}
	if need > free {
		return fmt.Errorf("%w: the model's weights need %.2f GiB, device %q has %.2f of %.2f GiB free (a smaller model or a larger card)",
			ErrOutOfMemory, gib(need), b.name, gib(free), gib(total))
	}
	return nil
}

func gib(n int64) float64 { return float64(n) / (1 << 30) }

func (b *Backend) alloc(what string, bytes int64) (cu.DevicePtr, error) {
	if bytes <= 0 {
		bytes = 4
	}
	p, err := cu.MemAlloc(bytes)
	if err != nil {
		if errors.Is(err, cu.OutOfMemory) {
			free, _, _ := cu.MemInfo()
			return 0, fmt.Errorf("%w: %s needs %.1f MiB, %.1f MiB free (try a smaller batch or shorter sequences)",
				ErrOutOfMemory, what, float64(bytes)/(1<<20), float64(free)/(1<<20))
		}
		return 0, fmt.Errorf("%w: allocate %s: %v", ErrDevice, what, err)
	}
	return p, nil
}

func (b *Backend) uploadBytes(what string, data unsafe.Pointer, bytes int64) (cu.DevicePtr, error) {
	p, err := b.alloc(what, bytes)
	if err != nil {
		return 0, err
	}
	b.allocs = append(b.allocs, p)
	if bytes > 0 {
		if err := cu.MemcpyHtoD(p, data, bytes); err != nil {
			return 0, fmt.Errorf("%w: upload %s: %v", ErrDevice, what, err)
		}
	}
	return p, nil
}

func (b *Backend) uploadF32(what string, v []float32) (cu.DevicePtr, error) {
	if len(v) == 0 {
		return b.uploadBytes(what, nil, 0)
	}
	return b.uploadBytes(what, unsafe.Pointer(&v[0]), int64(len(v))*4)
}

// uploadStacked uploads matrices [out_i, in] as one [Σ out_i, in] matrix,
// in bf16 when all are bf16, else in f32 (bf16 and f16 widen exactly).
func (b *Backend) uploadStacked(what string, ts ...*model.Tensor) (weight, error) {
	bf16 := true
	var bytes int64
	for _, t := range ts {
		bf16 = bf16 && t.DType == model.BF16
		bytes += int64(t.Numel()) * 4
	}
	if bf16 {
		bytes /= 2
	}
	p, err := b.alloc(what, bytes)
	if err != nil {
		return weight{}, err
	}
	b.allocs = append(b.allocs, p)
	off := p
	for _, t := range ts {
		var n int64
		if bf16 {
			n = int64(len(t.Data))
			err = cu.MemcpyHtoD(off, unsafe.Pointer(&t.Data[0]), n)
		} else {
			v := t.Float32()
			n = int64(len(v)) * 4
			err = cu.MemcpyHtoD(off, unsafe.Pointer(&v[0]), n)
		}
		if err != nil {
			return weight{}, fmt.Errorf("%w: upload %s: %v", ErrDevice, t.Name, err)
		}
		off += cu.DevicePtr(n)
	}
	return weight{ptr: p, bf16: bf16}, nil
}

// uploadHalf uploads the bf16 matrices ts stacked as one fp16 matrix
// scaled by 2⁻ᵉ (halfWeights) and returns it with e.
func (b *Backend) uploadHalf(what string, ts ...*model.Tensor) (cu.DevicePtr, int, error) {
	var bits []uint16
	for _, t := range ts {
		bits = append(bits, unsafe.Slice((*uint16)(unsafe.Pointer(&t.Data[0])), len(t.Data)/2)...)
	}
	h, e, _ := halfWeights(bits)
	p, err := b.uploadBytes(what+" (fp16)", unsafe.Pointer(&h[0]), int64(len(h))*2)
	return p, e, err
}

func (b *Backend) upload(ck *model.Checkpoint) error {
	cfg := ck.Config
	tensor := func(name string) *model.Tensor {
		t, _ := ck.Tensor(name) // validated at open
		return t
	}
	var err error
	// w uploads a matrix (stacked from several), tc: one that runs on
	// tensor cores, which the fp16 mode also keeps as fp16.
	w := func(tc bool, names ...string) weight {
		if err != nil {
			return weight{}
		}
		ts := make([]*model.Tensor, len(names))
		for i, n := range names {
			ts[i] = tensor(n)
		}
		var x weight
		if x, err = b.uploadStacked(names[0], ts...); err == nil && tc && b.half && x.bf16 {
			x.half, x.hexp, err = b.uploadHalf(names[0], ts...)
		}
		return x
	}
	f := func(name string) cu.DevicePtr {
		if err != nil {
			return 0
		}
		var p cu.DevicePtr
		p, err = b.uploadF32(name, tensor(name).Float32())
		return p
	}
	tied := tensor("lm_head.weight") == tensor("model.embed_tokens.weight")
	b.embed = w(tied, "model.embed_tokens.weight")
	if tied {
		b.head = b.embed
	} else {
		b.head = w(true, "lm_head.weight")
	}
	b.norm = f("model.norm.weight")
	for l := 0; l < cfg.Layers; l++ {
		n := model.LayerTensorNames(l)
		L := layer{
			attnNorm: f(n.AttnNorm), mlpNorm: f(n.MLPNorm),
			qkv: w(true, n.Q, n.K, n.V), o: w(true, n.O),
			gateUp: w(true, n.Gate, n.Up), down: w(true, n.Down),
		}
		if cfg.QKVBias() && err == nil {
			var bias []float32
			for _, name := range []string{n.QBias, n.KBias, n.VBias} {
				bias = append(bias, tensor(name).Float32()...)
			}
			L.qkvBias, err = b.uploadF32(n.QBias, bias)
		}
		b.layers = append(b.layers, L)
	}
	if err != nil {
		return err
	}
	b.invFreq, err = b.uploadF32("rope frequencies", model.RopeInvFreq(cfg))
	return err
}

// Name is the device's name.
func (b *Backend) Name() string { return b.name }

// Config is the model's configuration.
func (b *Backend) Config() *model.Config { return b.cfg }

// Close frees the device memory and the context.
func (b *Backend) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	return b.closeLocked()
}

func (b *Backend) closeLocked() error {
	if b.closed {
		return nil
	}
	b.closed = true
	if err := cu.SetCurrentContext(b.cuctx); err != nil {
		return fmt.Errorf("%w: %v", ErrDevice, err)
	}
	for _, p := range b.allocs {
		cu.MemFree(p)
	}
	b.blas.close()
	if b.prof != nil {
		b.prof.close()
	}
	if b.graph != nil {
		b.graph.close()
	}
	for _, s := range b.scratch {
		cu.MemFree(s.ptr)
	}
	for _, ps := range b.pool {
		for _, p := range ps {
			cu.MemFree(p)
		}
	}
	b.allocs, b.scratch, b.pool = nil, nil, nil
	b.args.free()
	if b.mod != (cu.Module{}) {
		b.mod.Unload()
	}
	b.strm.Destroy()
	return b.cuctx.Destroy()
}

// enter serializes device work on a locked OS thread with the context
// current; the returned function undoes it.
func (b *Backend) enter() (func(), error) {
	b.mu.Lock()
	runtime.LockOSThread()
	leave := func() {
		runtime.UnlockOSThread()
		b.mu.Unlock()
	}
	if b.closed {
		leave()
		return nil, ErrClosed
	}
	if err := cu.SetCurrentContext(b.cuctx); err != nil {
		leave()
		return nil, fmt.Errorf("%w: %v", ErrDevice, err)
	}
	return leave, nil
}

// buf returns the named scratch buffer with at least bytes of space.
func (b *Backend) buf(name string, bytes int64) (cu.DevicePtr, error) {
	if s, ok := b.scratch[name]; ok && s.size >= bytes {
		return s.ptr, nil
	}
	if s, ok := b.scratch[name]; ok {
		if b.graph != nil && b.graph.on {
			// Launches recorded before this one still name it.
			b.graph.freeLate = append(b.graph.freeLate, s.ptr)
		} else {
			cu.MemFree(s.ptr)
		}
		delete(b.scratch, name)
	}
	size := max(bytes, 1<<12)
	p, err := b.alloc("scratch "+name, size)
	if err != nil {
		return 0, err
	}
	b.scratch[name] = &buffer{ptr: p, size: size}
	return p, nil
}

// launch runs a kernel; arguments are device pointers, ints (passed as the
// kernel's int), float32 and float64. Errors surface at the next
// synchronizing call.
func (b *Backend) launch(fn cu.Function, grid [2]int, block, smem int, args ...any) error {
	return b.launch3(fn, [3]int{grid[0], grid[1], 1}, block, smem, args...)
}

// launch3 is launch with a three-dimensional grid.
func (b *Backend) launch3(fn cu.Function, grid [3]int, block, smem int, args ...any) error {
	// Launches are serialized (b.mu), so one argument area serves them all;
	// cu copies the values before it returns.
	if b.prof != nil {
		defer b.prof.begin(b.stage)()
	}
	if len(args) > len(b.argVals) {
		panic(fmt.Sprintf("cuda: %d launch arguments", len(args)))
	}
	vals := b.argVals[:len(args)]
	for i, a := range args {
		switch v := a.(type) {
		case cu.DevicePtr:
			vals[i] = uint64(v)
		case int:
			vals[i] = uint64(uint32(int32(v)))
		case int64:
			vals[i] = uint64(v)
		case float32:
			vals[i] = uint64(math.Float32bits(v))
		case float64:
			vals[i] = math.Float64bits(v)
		default:
			panic(fmt.Sprintf("cuda: launch argument %d of type %T", i, a))
		}
	}
	if b.record(fn, grid, block, smem, vals) {
		return nil
	}
	return b.launchRaw(fn, grid, block, smem, vals)
}

// Cache is a KV cache in device memory: [layer][K|V][maxLen][kvDim] f32.
type Cache struct {
	b       *Backend
	ptr     cu.DevicePtr
	bytes   int64
	n, max  int
	cleanup runtime.Cleanup
}

type poolEntry struct {
	b     *Backend
	ptr   cu.DevicePtr
	bytes int64
}

// Len is the number of positions stored.
func (c *Cache) Len() int { return c.n }

func (b *Backend) cacheBytes(maxLen int) int64 {
	return int64(b.cfg.Layers) * 2 * int64(maxLen) * int64(b.cfg.KVHeads*b.cfg.HeadDim) * 4
}

// NewCache allocates a KV cache (reusing released ones of the same size).
func (b *Backend) NewCache(maxLen int) (model.Cache, error) {
	if maxLen <= 0 || maxLen > b.cfg.MaxPositions {
		maxLen = b.cfg.MaxPositions
	}
	leave, err := b.enter()
	if err != nil {
		return nil, err
	}
	defer leave()
	return b.newCacheLocked(maxLen)
}

func (b *Backend) newCacheLocked(maxLen int) (*Cache, error) {
	bytes := b.cacheBytes(maxLen)
	var p cu.DevicePtr
	if free := b.pool[bytes]; len(free) > 0 {
		p = free[len(free)-1]
		b.pool[bytes] = free[:len(free)-1]
	} else {
		var err error
		if p, err = b.alloc(fmt.Sprintf("KV cache of %d positions", maxLen), bytes); err != nil {
			return nil, err
		}
	}
	c := &Cache{b: b, ptr: p, bytes: bytes, max: maxLen}
	// A cache dropped without Release still goes back to the pool.
	c.cleanup = runtime.AddCleanup(c, func(e poolEntry) { e.b.put(e.ptr, e.bytes) }, poolEntry{b, p, bytes})
	return c, nil
}

func (b *Backend) put(p cu.DevicePtr, bytes int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return // the context and its memory are gone
	}
	b.pool[bytes] = append(b.pool[bytes], p)
}

// Release returns the cache's device memory to the backend's pool.
func (c *Cache) Release() {
	if c.ptr == 0 {
		return
	}
	c.cleanup.Stop()
	c.b.put(c.ptr, c.bytes)
	c.ptr = 0
}

// Fork copies the cache on the device.
func (c *Cache) Fork() (model.Cache, error) {
	if c.ptr == 0 {
		return nil, fmt.Errorf("cuda: fork of a released cache")
	}
	b := c.b
	leave, err := b.enter()
	if err != nil {
		return nil, err
	}
	defer leave()
	f, err := b.newCacheLocked(c.max)
	if err != nil {
		return nil, err
	}
	f.n = c.n
	if c.n > 0 {
		if err := cu.Memcpy(f.ptr, c.ptr, c.bytes); err != nil {
			// b.mu is held: give the copy back without Release's locking.
			f.cleanup.Stop()
			b.pool[f.bytes] = append(b.pool[f.bytes], f.ptr)
			f.ptr = 0
			return nil, fmt.Errorf("%w: fork cache: %v", ErrDevice, err)
		}
	}
	return f, nil
}

// rowInfo mirrors kernels.cu's RowInfo.
type rowInfo struct {
	cache  uint64
	pos    int32
	maxLen int32
}

// statQuery is one row's request for the verifier's statistics.
type statQuery struct {
	row  int // index into the wanted rows
	tok  int
	temp float64
}

// rowStats is a statQuery's answer.
type rowStats struct {
	row int
	model.PositionStats
}

// StatsOnDevice reports whether Forward computes Step.Stats on the device
// (model.StatsOnDevice): the sampling the device sampler implements.
func (b *Backend) StatsOnDevice(s model.Sampling) bool { return !needsHost(s, b.cfg.VocabSize) }

// positionStats runs the statistics kernel over the wanted rows' logits,
// one launch per temperature, and returns the answers in query order.
func (b *Backend) positionStats(logits cu.DevicePtr, qs []statQuery) ([]rowStats, error) {
	if len(qs) == 0 {
		return nil, nil
	}
	V := b.cfg.VocabSize
	f4 := func(n int) int64 { return int64(n) * 4 }
	p := map[string]cu.DevicePtr{}
	for name, size := range map[string]int64{"srow": f4(len(qs)), "stok": f4(len(qs)), "sres": int64(len(qs)) * 48} {
		var err error
		if p[name], err = b.buf(name, size); err != nil {
			return nil, err
		}
	}
	groups := map[float64][]int{}
	for i, q := range qs {
		groups[q.temp] = append(groups[q.temp], i)
	}
	out := make([]rowStats, len(qs))
	for temp, idx := range groups {
		rows, toks := make([]int32, len(idx)), make([]int32, len(idx))
		for j, q := range idx {
			rows[j], toks[j] = int32(qs[q].row), int32(qs[q].tok)
		}
		if err := cu.MemcpyHtoD(p["srow"], unsafe.Pointer(&rows[0]), f4(len(rows))); err != nil {
			return nil, fmt.Errorf("%w: upload statistics queries: %v", ErrDevice, err)
		}
		if err := cu.MemcpyHtoD(p["stok"], unsafe.Pointer(&toks[0]), f4(len(toks))); err != nil {
			return nil, fmt.Errorf("%w: upload statistics queries: %v", ErrDevice, err)
		}
		if err := b.launch(b.k.stats, [2]int{len(idx), 1}, statsThreads, 0, p["sres"], logits, p["srow"], p["stok"], V, temp); err != nil {
			return nil, err
		}
		res := make([]float64, 6*len(idx))
		if err := cu.MemcpyDtoH(unsafe.Pointer(&res[0]), p["sres"], int64(len(res))*8); err != nil {
			return nil, fmt.Errorf("%w: statistics: %v", ErrDevice, err)
		}
		for j, q := range idx {
			r := res[6*j : 6*j+6]
			out[q] = rowStats{row: qs[q].row, PositionStats: model.PositionStats{LogProb: r[0], Lo: r[1], Hi: r[2], In: true,
				Entropy: r[3], Variance: r[4], TemperedLogProb: r[5]}}
		}
	}
	return out, nil
}

// statsThreads is kernels.cu's STATS_THREADS.
const statsThreads = 512

// needsHost reports sampling the device kernel does not implement.
func needsHost(s model.Sampling, vocab int) bool {
	return s.Temperature == 0 || s.Truncates(vocab)
}

// tensorRows reports whether a product of w over rows runs on tensor cores.
func (b *Backend) tensorRows(rows int, w weight) bool {
	return b.split > 0 && w.bf16 && rows >= b.splitMin
}

// tensorLinear is linear on tensor cores (Config.TensorSplit): split the
// activations into bf16 terms, one cuBLAS GEMM over all terms stacked as
// rows, then sum the terms per output.
func (b *Backend) tensorLinear(out, x cu.DevicePtr, w weight, bias cu.DevicePtr, rows, in, outDim, add int) error {
	xs, err := b.tensorSplit("split-x", x, rows, in)
	if err != nil {
		return err
	}
	ys, err := b.tensorGEMM(xs, w, rows, in, outDim)
	if err != nil {
		return err
	}
	m := rows * outDim
	es, ce := b.termScale(w)
	return b.launchAs(b.stage+" combine", b.k.combine, [2]int{(m + 255) / 256, 1}, 256, 0, out, ys, bias, int64(m), outDim, b.split, add, es, ce)
}

// termScale is what a combine after a product of w takes in the fp16
// mode: the row exponents and w's; nothing (0, 0) for bf16 terms.
func (b *Backend) termScale(w weight) (cu.DevicePtr, int) {
	if !b.half {
		return 0, 0
	}
	return b.rowExps(), w.hexp
}

// rowExps is the pass's row exponents (passBuffers allocates them in the
// fp16 mode).
func (b *Backend) rowExps() cu.DevicePtr { return b.scratch["split-e"].ptr }

// tensorMLP is the MLP after its norm on tensor cores: the gate|up
// product, then combine, SiLU and the split of the down product's input in
// one kernel (combine_silu_split: the same bits as the three kernels it
// replaces), then the down product added into x.
func (b *Backend) tensorMLP(x, xn cu.DevicePtr, L *layer, rows int) error {
	H := b.cfg.HiddenSize
	xs, err := b.tensorSplit("split-x", xn, rows, H)
	if err != nil {
		return err
	}
	ys, err := b.tensorMLPTerms(xs, L, rows)
	if err != nil {
		return err
	}
	return b.addTerms(x, ys, rows, L.down)
}

// tensorMLPTerms runs the MLP on the split normed rows xs up to the down
// product's terms, which it returns (in "split-y") for the caller to add
// into x.
func (b *Backend) tensorMLPTerms(xs cu.DevicePtr, L *layer, rows int) (cu.DevicePtr, error) {
	H, I := b.cfg.HiddenSize, b.cfg.IntermediateSize
	stage := b.stage
	defer func() { b.stage = stage }()
	b.stage = "gateUp"
	ys, err := b.tensorGEMM(xs, L.gateUp, rows, H, 2*I)
	if err != nil {
		return 0, err
	}
	n := rows * I
	acts, err := b.buf("split-act", int64(b.split*n)*2)
	if err != nil {
		return 0, err
	}
	if b.half {
		es, ce := b.termScale(L.gateUp)
		err = b.launchAs("silu split", b.k.siluSplitH, [2]int{rows, 1}, 256, 4*I, acts, es, ys, ce, rows, I)
	} else {
		err = b.launchAs("silu split", b.k.siluSplit, [2]int{(n + 255) / 256, 1}, 256, 0, acts, ys, int64(n), I, b.split)
	}
	if err != nil {
		return 0, err
	}
	b.stage = "down"
	return b.tensorGEMM(acts, L.down, rows, I, H)
}

// addTerms adds the terms ys of a product into the rows×H residual x.
func (b *Backend) addTerms(x, ys cu.DevicePtr, rows int, down weight) error {
	m := rows * b.cfg.HiddenSize
	es, ce := b.termScale(down)
	return b.launchAs("down combine", b.k.combine, [2]int{(m + 255) / 256, 1}, 256, 0, x, ys, cu.DevicePtr(0), int64(m), b.cfg.HiddenSize, b.split, 1, es, ce)
}

// fusedLayer reports whether a pass of R rows runs layer L as tensorLayer:
// every product on tensor cores, its seams fused.
func (b *Backend) fusedLayer(R int, L *layer) bool {
	return !b.unfused && b.tensorRows(R, L.qkv) && b.tensorRows(R, L.o) && b.tensorRows(R, L.gateUp) && b.tensorRows(R, L.down)
}

// tensorLayer queues layer li of a pass with every product on tensor cores
// and each seam between products one kernel (the same bits as the
// separate kernels, Config.Unfused): the previous layer's down product
// (pending; 0 where there is none) added into x, normed and split for
// q|k|v (combine_norm_split); that product's terms summed into RoPE and
// the cache (combine_rope_store); after attention, the o product added
// into x, normed and split for gate|up. It returns the down product's
// terms, for the next seam to add into x (addTerms where none follows).
func (b *Backend) tensorLayer(ps *pass, bufs *passBufs, li int, pending cu.DevicePtr) (cu.DevicePtr, error) {
	cfg := b.cfg
	H, hd := cfg.HiddenSize, cfg.HeadDim
	qd, kvd := cfg.Heads*hd, cfg.KVHeads*hd
	R, L := len(ps.rows), &b.layers[li]
	var prevDown weight // the previous layer's down product, pending
	if li > 0 {
		prevDown = b.layers[li-1].down
	}
	xs, err := b.normSplit(bufs.x, pending, prevDown, L.attnNorm, R)
	if err != nil {
		return 0, err
	}
	b.stage = "qkv"
	ys, err := b.tensorGEMM(xs, L.qkv, R, H, qd+2*kvd)
	if err != nil {
		return 0, err
	}
	items := (cfg.Heads+cfg.KVHeads)*hd/2 + kvd
	es, ce := b.termScale(L.qkv)
	if err := b.launchAs("qkv combine rope", b.k.combineRope, [2]int{R, (items + 127) / 128}, 128, 0,
		bufs.qkv, ys, L.qkvBias, bufs.rows, b.invFreq, cfg.Heads, cfg.KVHeads, hd, li, R, b.split, es, ce); err != nil {
		return 0, err
	}
	b.stage = "attention"
	l := &launcher{b: b}
	l.attention(bufs, ps, li)
	if l.err != nil {
		return 0, l.err
	}
	b.stage = "o"
	if xs, err = b.tensorSplit("split-x", bufs.att, R, qd); err != nil {
		return 0, err
	}
	if ys, err = b.tensorGEMM(xs, L.o, R, qd, H); err != nil {
		return 0, err
	}
	if xs, err = b.normSplit(bufs.x, ys, L.o, L.mlpNorm, R); err != nil {
		return 0, err
	}
	return b.tensorMLPTerms(xs, L, R)
}

// normSplit adds the terms ys (0: none) of a product of prev into the R×H
// rows x, norms them with w and returns their terms (in "split-x") for the
// next product.
func (b *Backend) normSplit(x, ys cu.DevicePtr, prev weight, w cu.DevicePtr, R int) (cu.DevicePtr, error) {
	H := b.cfg.HiddenSize
	xs, err := b.buf("split-x", int64(b.split*R*H)*2)
	if err != nil {
		return 0, err
	}
	es, ce := b.termScale(prev)
	return xs, b.launchAs("combine norm split", b.k.combineNormSplit, [2]int{R, 1}, 256, 0,
		xs, x, ys, w, H, b.cfg.RMSNormEps, R, b.split, es, ce)
}

// tensorSplit writes the terms of rows×in f32 values into the named
// buffer (the fp16 mode: a block a row, its exponent into "split-e").
func (b *Backend) tensorSplit(name string, x cu.DevicePtr, rows, in int) (cu.DevicePtr, error) {
	n := rows * in
	xs, err := b.buf(name, int64(b.split*n)*2)
	if err != nil {
		return 0, err
	}
	if b.half {
		return xs, b.launchAs(b.stage+" split", b.k.splitRowsH, [2]int{rows, 1}, 256, 0, xs, b.rowExps(), x, rows, in)
	}
	return xs, b.launchAs(b.stage+" split", b.k.split, [2]int{(n + 255) / 256, 1}, 256, 0, xs, x, int64(n), b.split)
}

// tensorGEMM multiplies the stacked terms xs (split·rows rows of in) by w
// into the "split-y" buffer, f32, one row of outDim per term row.
func (b *Backend) tensorGEMM(xs cu.DevicePtr, w weight, rows, in, outDim int) (cu.DevicePtr, error) {
	ys, err := b.buf("split-y", int64(b.split*rows*outDim)*4)
	if err != nil {
		return 0, err
	}
	end := func() {}
	if b.prof != nil {
		end = b.prof.begin(b.stage + " gemm")
	}
	wp := w.ptr
	if b.half {
		wp = w.half
	}
	err = b.gemm(ys, wp, xs, outDim, b.split*rows, in, b.half)
	end()
	return ys, err
}

// launchAs is launch under a profiler stage name.
func (b *Backend) launchAs(stage string, fn cu.Function, grid [2]int, block, smem int, args ...any) error {
	saved := b.stage
	b.stage = stage
	err := b.launch(fn, grid, block, smem, args...)
	b.stage = saved
	return err
}

// matTile is a matrix-product kernel's tile: activation rows by output
// columns per block of 256 threads, or, with warp set, per warp (the
// one-warp-per-column kernel kept for comparison).
type matTile struct {
	rows, cols  int
	warp, split bool // split: two warps a column group (linear_split_impl)
}

func (t matTile) String() string {
	switch {
	case t.split:
		return fmt.Sprintf("s%dx%d", t.rows, t.cols)
	case t.warp:
		return fmt.Sprintf("w%dx%d", t.rows, t.cols)
	}
	return fmt.Sprintf("%dx%d", t.rows, t.cols)
}

// matTiles lists the compiled tilings (kernels.cu's LINEAR and LINEAR_WARP
// instances).
var matTiles = []matTile{
	{1, 1, false, false}, {1, 2, false, false}, {1, 4, false, false}, {2, 2, false, false}, {2, 4, false, false},
	{4, 2, false, false}, {4, 4, false, false}, {8, 4, false, false}, {8, 8, false, false}, {16, 4, false, false},
	{1, 1, true, false}, {1, 2, true, false},
	{1, 1, false, true}, {1, 2, false, true},
}

// pickMatTile chooses a tiling for a pass of R activation rows, from the
// sweeps in scripts/gpu/out/cuda-tiles-v2.log and cuda-bench-v4.log (H200,
// qwen2.5-1.5b shapes): one warp per column pair at batch 1 (a 256-thread
// block per column pair for the narrow matrices, which ncu showed streaming
// at 0.7–1.3 TB/s under w1x2, was 13% slower over the whole step), 4×4 up
// to 4 rows, 8×8 tiles above.
func pickMatTile(R int) matTile {
	switch {
	case R <= 1:
		return matTile{1, 2, true, false}
	case R <= 4:
		return matTile{4, 4, false, false}
	default:
		return matTile{8, 8, false, false}
	}
}

func parseMatTile(s string) (matTile, error) {
	for _, c := range matTiles {
		if c.String() == s {
			return c, nil
		}
	}
	return matTile{}, fmt.Errorf("cuda: unknown matrix tiling %q (have %v)", s, matTiles)
}
