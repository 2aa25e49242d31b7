//go:build cuda

package cuda

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"unsafe"

	"gorgonia.org/cu"

	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/sketch"
)

// pass is one Forward call's plan, made on the host before any device
// work: the rows fed, the rows returned, and what is asked of them.
type pass struct {
	steps      []model.Step
	caches     []*Cache
	tokens     []int32
	rows       []rowInfo
	maxPos     int      // the largest position fed
	tiles      []int32  // attention tiles: first row, row count (consecutive rows of one step)
	attn       attnPlan // the attention kernels, for span positions
	span       int
	chunks     []tileChunk   // attnTiled: runs of whole tiles whose scores fit the buffer
	want       []int32       // the rows returned, as indices into rows
	samples    []sampleQuery // the device sampler's queries
	stats      []statQuery   // the device statistics' queries
	needLogits []bool        // per step: its returned rows' logits come back
	needHidden bool          // some step wants hidden states (it asked for no sketch)
	anySketch  bool
}

// tileChunk is a run of whole attention tiles the tiled kernels take in
// one launch each: their scores fill at most the score buffer.
type tileChunk struct {
	tile, tiles int // into pass.tiles
	row, rows   int // into pass.rows
}

// sampleQuery is one pick of the device sampler.
type sampleQuery struct {
	row     int // index into want
	u, temp float64
}

// passBufs are a pass's device buffers (scratch, grown on demand).
type passBufs struct {
	x, xn, qkv, att, gateUp, act      cu.DevicePtr // activations, rows × width
	tokens, rows, want                cu.DevicePtr // the plan, uploaded
	sel, logits, ranks                cu.DevicePtr // returned rows
	sampleRow, sampleU, sampleResults cu.DevicePtr // the sampler's queries and answers
	scores                            cu.DevicePtr // the two-pass and tiled attention's scores
	tiles                             cu.DevicePtr // the tiled attention's tiles, uploaded
}

// Forward runs one batched pass: plan on the host, upload, the layers, then
// the returned rows' sketches, picks and statistics, and the downloads.
func (b *Backend) Forward(ctx context.Context, steps []model.Step) ([]model.Output, error) {
	ps, err := b.plan(steps)
	if err != nil {
		return nil, err
	}
	if len(ps.rows) == 0 {
		return make([]model.Output, len(steps)), nil
	}
	leave, err := b.enter()
	if err != nil {
		return nil, err
	}
	defer leave()
	if b.prof != nil {
		defer b.prof.collect()
	}
	bufs, err := b.passBuffers(ps)
	if err != nil {
		return nil, err
	}
	if err := b.runLayers(ctx, ps, bufs); err != nil {
		return nil, err
	}
	ranks, err := b.passRanks(ps, bufs)
	if err != nil {
		return nil, err
	}
	picks, err := b.sampleOnDevice(ps, bufs)
	if err != nil {
		return nil, err
	}
	b.stage = "stats"
	stats, err := b.positionStats(bufs.logits, ps.stats)
	if err != nil {
		return nil, err
	}
	outs, err := b.download(ps, bufs, ranks, picks, stats)
	if err != nil {
		return nil, err
	}
	for si, s := range steps {
		ps.caches[si].n += len(s.Tokens)
	}
	return outs, nil
}

// plan checks the steps and lays out the pass.
func (b *Backend) plan(steps []model.Step) (*pass, error) {
	V, hd := b.cfg.VocabSize, b.cfg.HeadDim
	ps := &pass{steps: steps, caches: make([]*Cache, len(steps)), needLogits: make([]bool, len(steps))}
	maxAttn := b.maxAttnPositions(hd)
	for si, s := range steps {
		c, ok := s.Cache.(*Cache)
		if !ok || c.b != b {
			return nil, fmt.Errorf("cuda: step %d: cache from another backend", si)
		}
		if c.ptr == 0 {
			return nil, fmt.Errorf("cuda: step %d: cache used after Release", si)
		}
		if err := s.Validate(c.n, c.max, V); err != nil {
			return nil, fmt.Errorf("cuda: step %d: %w", si, err)
		}
		if c.n+len(s.Tokens) > maxAttn {
			return nil, fmt.Errorf("%w: step %d: %d positions; the CUDA attention kernel holds at most %d for head size %d",
				model.ErrContext, si, c.n+len(s.Tokens), maxAttn, hd)
		}
		for i := 0; i < len(s.Tokens); i += attnTileRows {
			ps.tiles = append(ps.tiles, int32(len(ps.rows)+i), int32(min(attnTileRows, len(s.Tokens)-i)))
		}
		for i, tok := range s.Tokens {
			ps.tokens = append(ps.tokens, int32(tok))
			ps.rows = append(ps.rows, rowInfo{cache: uint64(c.ptr), pos: int32(c.n + i), maxLen: int32(c.max)})
			ps.maxPos = max(ps.maxPos, c.n+i)
		}
		ps.caches[si] = c
	}
	ps.span = b.attnSpan(ps.maxPos + 1)
	ps.attn = b.attentionPlan(len(ps.rows), len(ps.tiles)/2, ps.span)
	if ps.attn.kind == attnTiled {
		ps.chunks = tileChunks(ps.tiles, twoPassScoreBytes/(int64(b.cfg.Heads)*int64(ps.span)*4))
	}
	r := 0
	for si, s := range steps {
		for i := range s.Tokens {
			if s.All || i == len(s.Tokens)-1 {
				ps.want = append(ps.want, int32(r))
			}
			r++
		}
		ps.needHidden = ps.needHidden || s.Sketch == nil
		ps.anySketch = ps.anySketch || s.Sketch != nil
		last := len(ps.want) - 1
		deviceStats := s.Stats != nil && b.StatsOnDevice(s.Sampling)
		if deviceStats {
			first := len(ps.want) - len(s.Stats)
			for k, tok := range s.Stats {
				if tok >= 0 {
					ps.stats = append(ps.stats, statQuery{row: first + k, tok: tok, temp: s.Sampling.Temperature})
				}
			}
		}
		switch {
		case len(s.Uniforms) == 0:
			ps.needLogits[si] = !deviceStats
		case needsHost(s.Sampling, V):
			ps.needLogits[si] = true // greedy and truncation: sampled on the host
		default:
			ps.needLogits[si] = s.All && !deviceStats
			for _, u := range s.Uniforms {
				ps.samples = append(ps.samples, sampleQuery{last, u, s.Sampling.Temperature})
			}
		}
	}
	return ps, nil
}

func f4(n int) int64 { return int64(n) * 4 }

// tileChunks cuts the tiles (first row, row count pairs) into runs of at
// most maxRows rows (tiledFits keeps a tile within it).
func tileChunks(tiles []int32, maxRows int64) []tileChunk {
	var out []tileChunk
	for i := 0; i < len(tiles); i += 2 {
		n := int(tiles[i+1])
		if k := len(out) - 1; k >= 0 && int64(out[k].rows+n) <= maxRows {
			out[k].tiles++
			out[k].rows += n
			continue
		}
		out = append(out, tileChunk{tile: i / 2, tiles: 1, row: int(tiles[i]), rows: n})
	}
	return out
}

// passBuffers sizes the scratch buffers for the pass and uploads its plan.
func (b *Backend) passBuffers(ps *pass) (*passBufs, error) {
	cfg := b.cfg
	H, V, I := cfg.HiddenSize, cfg.VocabSize, cfg.IntermediateSize
	qd, kvd := cfg.Heads*cfg.HeadDim, cfg.KVHeads*cfg.HeadDim
	R, W, Q := len(ps.rows), len(ps.want), len(ps.samples)
	bufs := &passBufs{}
	for _, bf := range []struct {
		dst   *cu.DevicePtr
		name  string
		bytes int64
	}{
		{&bufs.x, "x", f4(R * H)}, {&bufs.xn, "xn", f4(R * H)}, {&bufs.qkv, "qkv", f4(R * (qd + 2*kvd))},
		{&bufs.att, "att", f4(R * qd)}, {&bufs.gateUp, "gateUp", f4(R * 2 * I)}, {&bufs.act, "act", f4(R * I)},
		{&bufs.tokens, "tokens", f4(R)}, {&bufs.rows, "rows", int64(R) * 16}, {&bufs.want, "want", f4(W)},
		{&bufs.sel, "sel", f4(W * H)}, {&bufs.logits, "logits", f4(W * V)},
		{&bufs.ranks, "ranks", f4(2 * sketch.Ranked * W)},
		{&bufs.sampleRow, "qrow", f4(Q + 1)}, {&bufs.sampleU, "qu", int64(Q+1) * 8}, {&bufs.sampleResults, "qres", int64(Q+1) * 32},
	} {
		var err error
		if *bf.dst, err = b.buf(bf.name, bf.bytes); err != nil {
			return nil, err
		}
	}
	if b.half {
		// The row exponents (rowExps), sized for the pass up front: a split
		// writes them and the combine after its product reads them, so the
		// buffer must not move within the pass.
		if _, err := b.buf("split-e", f4(R)); err != nil {
			return nil, err
		}
	}
	type upload struct {
		what  string
		dst   cu.DevicePtr
		src   unsafe.Pointer
		bytes int64
	}
	ups := []upload{
		{"tokens", bufs.tokens, unsafe.Pointer(&ps.tokens[0]), f4(R)},
		{"rows", bufs.rows, unsafe.Pointer(&ps.rows[0]), int64(R) * 16},
		{"returned rows", bufs.want, unsafe.Pointer(&ps.want[0]), f4(W)},
	}
	if ps.attn.kind == attnTiled {
		// Only the tiled kernels read the tile table: decode steps skip
		// the allocation and the copy.
		var err error
		if bufs.tiles, err = b.buf("tiles", f4(len(ps.tiles))); err != nil {
			return nil, err
		}
		ups = append(ups, upload{"attention tiles", bufs.tiles, unsafe.Pointer(&ps.tiles[0]), f4(len(ps.tiles))})
	}
	for _, up := range ups {
		if err := cu.MemcpyHtoD(up.dst, up.src, up.bytes); err != nil {
			return nil, fmt.Errorf("%w: upload %s: %v", ErrDevice, up.what, err)
		}
	}
	return bufs, nil
}

// launcher queues kernels and keeps the first error: launches are
// asynchronous, so a pass queues them all and checks once.
type launcher struct {
	b   *Backend
	err error
}

func (l *launcher) run(fn cu.Function, grid [2]int, block, smem int, args ...any) {
	l.run3(fn, [3]int{grid[0], grid[1], 1}, block, smem, args...)
}

// run3 is run with a three-dimensional grid.
func (l *launcher) run3(fn cu.Function, grid [3]int, block, smem int, args ...any) {
	if l.err == nil {
		l.err = l.b.launch3(fn, grid, block, smem, args...)
	}
}

// do runs a step that launches by itself (the tensor-core products).
func (l *launcher) do(f func() error) {
	if l.err == nil {
		l.err = f()
	}
}

// linear computes out = x·wᵀ (+ bias), or out += x·wᵀ with add: on tensor
// cores where the backend uses them for the pass, else in the canonical
// order with the tiling for its row count.
func (l *launcher) linear(out, x cu.DevicePtr, w weight, bias cu.DevicePtr, rows, in, outDim int, add bool) {
	b := l.b
	addArg := 0
	if add {
		addArg = 1
	}
	if b.tensorRows(rows, w) {
		l.do(func() error { return b.tensorLinear(out, x, w, bias, rows, in, outDim, addArg) })
		return
	}
	t := b.matTile(rows, in)
	fs := b.k.linear[t]
	fn := fs[0]
	if w.bf16 {
		fn = fs[1]
	}
	if t.warp || t.split {
		// One warp (split: two) per t.cols output columns, four warps per
		// block.
		warps := (outDim + t.cols - 1) / t.cols
		if t.split {
			warps *= 2
		}
		l.run(fn, [2]int{(warps + 3) / 4, 1}, 128, 0, out, x, w.ptr, bias, rows, in, outDim, addArg)
		return
	}
	// A block of 256 threads per tile of t.rows rows by t.cols columns.
	l.run(fn, [2]int{(outDim + t.cols - 1) / t.cols, (rows + t.rows - 1) / t.rows}, 256, 0, out, x, w.ptr, bias, rows, in, outDim, addArg)
}

// wideK is the reduction length from which batch-1 products take the wide
// tiling (Config.MatTileWide).
const wideK = 4096

// matTile is the tiling of a product over in-long rows for a pass of R
// rows: Config.MatTile where set; for batch-1 products over K ≥ wideK (the
// MLP's down projection) Config.MatTileWide or by default s1x1, two warps
// a column (1.5B on the H200, run 26: 476 tok/s a decode step against 441
// with w1x2 and 463 with s1x2 in the same run; s1x2 for every product
// 424); else by row count.
func (b *Backend) matTile(R, in int) matTile {
	switch {
	case b.tile != nil:
		return *b.tile
	case R <= 1 && in >= wideK && b.wideTile != nil:
		return *b.wideTile
	case R <= 1 && in >= wideK:
		return matTile{1, 1, false, true}
	}
	return pickMatTile(R)
}

// gateUpSilu is the kernel computing silu(gate)·up straight from the gate
// and up products, where the pass's product would be the one-warp-per-column
// kernel (batch 1): the same sums and the same SiLU, one launch less.
func (b *Backend) gateUpSilu(R int, w weight) (cu.Function, bool) {
	if b.tensorRows(R, w) || b.matTile(R, b.cfg.HiddenSize) != (matTile{1, 2, true, false}) {
		return cu.Function{}, false
	}
	if w.bf16 {
		return b.k.gateUpSilu[1], true
	}
	return b.k.gateUpSilu[0], true
}

// attention runs layer l's attention with the pass's kernels (ps.attn),
// sized for ps.span positions (attnSpan: each row attends over its own
// length).
func (l *launcher) attention(bufs *passBufs, ps *pass, layer int) {
	b, cfg := l.b, l.b.cfg
	hd := cfg.HeadDim
	R, n, plan := len(ps.rows), ps.span, ps.attn
	scale := float32(1 / math.Sqrt(float64(hd)))
	switch plan.kind {
	case attnTiled:
		for _, c := range ps.chunks {
			tiles := bufs.tiles + cu.DevicePtr(c.tile*attnTileBytes)
			b.stage = "attention scores"
			l.run3(b.k.attnScoresTiled, [3]int{cfg.KVHeads, 2 * c.tiles, (n + attnTileSpan - 1) / attnTileSpan}, attnThreads, tiledScoreSmem(cfg),
				bufs.scores, bufs.qkv, bufs.rows, tiles, cfg.Heads, cfg.KVHeads, hd, layer, scale, n, c.row)
			b.stage = "attention softmax"
			warps := attnThreads / 32 // a warp a (row, head)
			l.run(b.k.attnSoftmaxWarps, [2]int{(c.rows*cfg.Heads + warps - 1) / warps, 1}, attnThreads, 0,
				bufs.scores, bufs.rows+cu.DevicePtr(c.row*16), cfg.Heads, n, c.rows)
			b.stage = "attention values"
			l.run(b.k.attnValTiled, [2]int{cfg.KVHeads, c.tiles}, attnTileRows*hd/8, 0,
				bufs.att, bufs.scores, bufs.rows, tiles, cfg.Heads, cfg.KVHeads, hd, layer, n, c.row)
		}
	case attnTwoPass:
		tiles := (n + attnScoreTile - 1) / attnScoreTile
		b.stage = "attention scores"
		l.run3(b.k.attnScores, [3]int{cfg.KVHeads, R, tiles}, attnThreads, 0,
			bufs.scores, bufs.qkv, bufs.rows, cfg.Heads, cfg.KVHeads, hd, layer, scale, n)
		b.stage = "attention softmax"
		l.run(b.k.attnSoftmax, [2]int{cfg.Heads, R}, attnThreads, 0, bufs.scores, bufs.rows, cfg.Heads, n)
		b.stage = "attention values"
		l.run3(b.k.attnVal, [3]int{cfg.KVHeads, R, hd / plan.ds}, attnThreads, 0,
			bufs.att, bufs.scores, bufs.rows, cfg.Heads, cfg.KVHeads, hd, layer, n, bits.TrailingZeros(uint(plan.ds)))
	case attnDecode:
		l.run(b.k.attnDecode, [2]int{cfg.Heads / plan.hpb, R}, attnThreads, attnDecodeSmem(plan.hpb, hd, n),
			bufs.att, bufs.qkv, bufs.rows, cfg.Heads, cfg.KVHeads, hd, layer, scale, plan.hpb)
	case attnGroup:
		l.run(b.k.attnGrp, [2]int{cfg.Heads / plan.hpb, R}, attnThreads, attnGroupSmem(plan.hpb, hd, n),
			bufs.att, bufs.qkv, bufs.rows, cfg.Heads, cfg.KVHeads, hd, layer, scale, plan.hpb)
	default:
		l.run(b.k.attention, [2]int{cfg.Heads, R}, attnThreads, n*8+hd*4, bufs.att, bufs.qkv, bufs.rows, cfg.Heads, cfg.KVHeads, hd, layer, scale)
	}
}

// runLayers queues the embedding, every layer, the final norm, the gather
// of the returned rows and the head: through the graph cache where it is
// on (graph.go).
func (b *Backend) runLayers(ctx context.Context, ps *pass, bufs *passBufs) error {
	if b.graph == nil {
		return b.queueLayers(ctx, ps, bufs)
	}
	return b.recordPass(func() error { return b.queueLayers(ctx, ps, bufs) })
}

func (b *Backend) queueLayers(ctx context.Context, ps *pass, bufs *passBufs) error {
	cfg := b.cfg
	H, V, I := cfg.HiddenSize, cfg.VocabSize, cfg.IntermediateSize
	hd := cfg.HeadDim
	qd, kvd := cfg.Heads*hd, cfg.KVHeads*hd
	R, W := len(ps.rows), len(ps.want)
	eps := cfg.RMSNormEps
	l := &launcher{b: b}
	switch ps.attn.kind {
	case attnTwoPass, attnTiled:
		rows := R
		if ps.attn.kind == attnTiled {
			rows = 0
			for _, c := range ps.chunks {
				rows = max(rows, c.rows)
			}
		}
		var err error
		if bufs.scores, err = b.buf("scores", f4(rows*cfg.Heads*ps.span)); err != nil {
			return err
		}
	}
	embedFn := b.k.embedF32
	if b.embed.bf16 {
		embedFn = b.k.embedBF16
	}
	b.stage = "embed"
	l.run(embedFn, [2]int{R, 1}, 128, 0, bufs.x, b.embed.ptr, bufs.tokens, R, H)
	var pending cu.DevicePtr // a fused layer's down product, not yet added into x
	for li := range b.layers {
		if err := ctx.Err(); err != nil {
			return err
		}
		L := &b.layers[li]
		if b.fusedLayer(R, L) {
			l.do(func() (err error) { pending, err = b.tensorLayer(ps, bufs, li, pending); return err })
			continue
		}
		if pending != 0 {
			down := b.layers[li-1].down
			l.do(func() error { return b.addTerms(bufs.x, pending, R, down) })
			pending = 0
		}
		b.stage = "norm"
		l.run(b.k.rmsnorm, [2]int{R, 1}, 256, 0, bufs.xn, bufs.x, L.attnNorm, H, eps)
		b.stage = "qkv"
		l.linear(bufs.qkv, bufs.xn, L.qkv, L.qkvBias, R, H, qd+2*kvd, false)
		b.stage = "rope"
		items := (cfg.Heads+cfg.KVHeads)*hd/2 + kvd
		l.run(b.k.ropeStore, [2]int{R, (items + 127) / 128}, 128, 0, bufs.qkv, bufs.rows, b.invFreq, cfg.Heads, cfg.KVHeads, hd, li)
		b.stage = "attention"
		l.attention(bufs, ps, li)
		b.stage = "o"
		l.linear(bufs.x, bufs.att, L.o, 0, R, qd, H, true)
		b.stage = "norm"
		l.run(b.k.rmsnorm, [2]int{R, 1}, 256, 0, bufs.xn, bufs.x, L.mlpNorm, H, eps)
		b.stage = "gateUp"
		if b.tensorRows(R, L.gateUp) && b.tensorRows(R, L.down) && !b.unfused {
			l.do(func() error { return b.tensorMLP(bufs.x, bufs.xn, L, R) })
			continue
		}
		if fn, ok := b.gateUpSilu(R, L.gateUp); ok {
			b.stage = "gateUp silu"
			l.run(fn, [2]int{(I + 3) / 4, 1}, 128, 0, bufs.act, bufs.xn, L.gateUp.ptr, R, H, I)
		} else {
			l.linear(bufs.gateUp, bufs.xn, L.gateUp, 0, R, H, 2*I, false)
			b.stage = "silu"
			l.run(b.k.siluMul, [2]int{(R*I + 255) / 256, 1}, 256, 0, bufs.act, bufs.gateUp, I, int64(R*I))
		}
		b.stage = "down"
		l.linear(bufs.x, bufs.act, L.down, 0, R, I, H, true)
	}
	if pending != 0 {
		l.do(func() error { return b.addTerms(bufs.x, pending, R, b.layers[len(b.layers)-1].down) })
	}
	b.stage = "norm"
	l.run(b.k.rmsnorm, [2]int{R, 1}, 256, 0, bufs.xn, bufs.x, b.norm, H, eps)
	b.stage = "gather"
	l.run(b.k.gather, [2]int{W, 1}, 128, 0, bufs.sel, bufs.xn, bufs.want, H)
	b.stage = "head"
	l.linear(bufs.logits, bufs.sel, b.head, 0, W, H, V, false)
	return l.err
}

// passRanks ranks the returned rows' hidden states on the device for their
// sketches (rows of steps that asked for none are ranked too and dropped
// later): sketch.Ranked (index, value bits) pairs a row.
func (b *Backend) passRanks(ps *pass, bufs *passBufs) ([]uint32, error) {
	if !ps.anySketch {
		return nil, nil
	}
	W := len(ps.want)
	b.stage = "sketch"
	if err := b.launch(b.k.sketchRank, [2]int{W, 1}, 128, 0, bufs.ranks, bufs.sel, b.cfg.HiddenSize); err != nil {
		return nil, err
	}
	ranks := make([]uint32, 2*sketch.Ranked*W)
	if err := cu.MemcpyDtoH(unsafe.Pointer(&ranks[0]), bufs.ranks, f4(len(ranks))); err != nil {
		return nil, fmt.Errorf("%w: sketch ranks: %v", ErrDevice, err)
	}
	return ranks, nil
}

// sketchSets turns rows [j, j+n) of the device's ranking into sketch sets
// under coefficients r.
func sketchSets(ranks []uint32, j, n int, r *sketch.Coefficients) ([]uint32, []sketch.Set) {
	sketches, sets := make([]uint32, n), make([]sketch.Set, n)
	var e [sketch.Ranked]sketch.Entry
	for k := range n {
		row := ranks[2*sketch.Ranked*(j+k):][:2*sketch.Ranked]
		m := 0
		for ; m < sketch.Ranked && row[2*m] != math.MaxUint32; m++ {
			e[m] = sketch.Entry{Index: int32(row[2*m]), Value: math.Float32frombits(row[2*m+1])}
		}
		sets[k] = sketch.FromRanked(e[:m], *r)
		sketches[k] = sets[k].Sketch
	}
	return sketches, sets
}

// sampleOnDevice answers the sampler's queries: four numbers a query (log
// p, sampling log p, margin, token), one kernel launch per temperature, as
// the steps of a pass share their sampling parameters in practice.
func (b *Backend) sampleOnDevice(ps *pass, bufs *passBufs) ([]float64, error) {
	if len(ps.samples) == 0 {
		return nil, nil
	}
	groups := map[float64][]int{}
	for i, q := range ps.samples {
		groups[q.temp] = append(groups[q.temp], i)
	}
	res := make([]float64, 4*len(ps.samples))
	b.stage = "sample"
	for temp, idx := range groups {
		sr := make([]int32, len(idx))
		su := make([]float64, len(idx))
		for j, q := range idx {
			sr[j], su[j] = int32(ps.samples[q].row), ps.samples[q].u
		}
		if err := cu.MemcpyHtoD(bufs.sampleRow, unsafe.Pointer(&sr[0]), f4(len(sr))); err != nil {
			return nil, fmt.Errorf("%w: upload queries: %v", ErrDevice, err)
		}
		if err := cu.MemcpyHtoD(bufs.sampleU, unsafe.Pointer(&su[0]), int64(len(su))*8); err != nil {
			return nil, fmt.Errorf("%w: upload queries: %v", ErrDevice, err)
		}
		if err := b.launch(b.k.sample, [2]int{len(idx), 1}, 1024, 0, bufs.sampleResults, bufs.logits, bufs.sampleRow, bufs.sampleU, b.cfg.VocabSize, temp); err != nil {
			return nil, err
		}
		part := make([]float64, 4*len(idx))
		if err := cu.MemcpyDtoH(unsafe.Pointer(&part[0]), bufs.sampleResults, int64(len(part))*8); err != nil {
			return nil, fmt.Errorf("%w: sampler: %v", ErrDevice, err)
		}
		for j, q := range idx {
			copy(res[4*q:4*q+4], part[4*j:4*j+4])
		}
	}
	return res, nil
}

// download assembles the outputs: hidden states only for steps that did
// not ask for their sketches, logits only where asked, picks from the
// device sampler or, for sampling it does not implement, the host.
func (b *Backend) download(ps *pass, bufs *passBufs, ranks []uint32, picks []float64, stats []rowStats) ([]model.Output, error) {
	H, V := b.cfg.HiddenSize, b.cfg.VocabSize
	var hidden []float32
	if ps.needHidden {
		hidden = make([]float32, len(ps.want)*H)
		if err := cu.MemcpyDtoH(unsafe.Pointer(&hidden[0]), bufs.sel, f4(len(hidden))); err != nil {
			return nil, fmt.Errorf("%w: forward: %v", ErrDevice, err)
		}
	}
	outs := make([]model.Output, len(ps.steps))
	j, qi := 0, 0
	for si, s := range ps.steps {
		nw := 1
		if s.All {
			nw = len(s.Tokens)
		}
		var logits []float32
		if ps.needLogits[si] {
			logits = make([]float32, nw*V)
			if err := cu.MemcpyDtoH(unsafe.Pointer(&logits[0]), bufs.logits+cu.DevicePtr(f4(j*V)), f4(nw*V)); err != nil {
				return nil, fmt.Errorf("%w: logits: %v", ErrDevice, err)
			}
		}
		if s.Sketch != nil {
			outs[si].Sketches, outs[si].SketchSets = sketchSets(ranks, j, nw, s.Sketch)
		}
		if s.Stats != nil && !ps.needLogits[si] {
			outs[si].Stats = make([]model.PositionStats, nw)
			for len(stats) > 0 && stats[0].row < j+nw {
				outs[si].Stats[stats[0].row-j] = stats[0].PositionStats
				stats = stats[1:]
			}
		}
		for k := 0; k < nw; k++ {
			if s.Sketch == nil {
				outs[si].Hidden = append(outs[si].Hidden, hidden[(j+k)*H:(j+k+1)*H:(j+k+1)*H])
			}
			if logits != nil {
				outs[si].Logits = append(outs[si].Logits, logits[k*V:(k+1)*V:(k+1)*V])
			}
		}
		j += nw
		if len(s.Uniforms) == 0 {
			continue
		}
		if needsHost(s.Sampling, V) {
			last := outs[si].Logits[nw-1]
			for _, u := range s.Uniforms {
				outs[si].Picks = append(outs[si].Picks, model.PickAt(last, s.Sampling, u))
			}
			continue
		}
		for range s.Uniforms {
			q := picks[4*qi : 4*qi+4]
			outs[si].Picks = append(outs[si].Picks, model.Picked{Token: int(q[3]), LogProb: q[0], SampleLogProb: q[1], Margin: q[2]})
			qi++
		}
	}
	return outs, nil
}
