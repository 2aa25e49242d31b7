package model

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/assaynet/assay/sketch"
)

// CPUConfig configures the pure-Go backend.
type CPUConfig struct {
	// Threads is the number of goroutines for matrix products (GOMAXPROCS
	// when 0). Results are bit-identical for every value.
	Threads int
	// BF16Activations rounds every matrix-product input to bf16, as common
	// inference engines do. The precision contract excludes it; it exists so
	// that calibration can show what the contract buys.
	BF16Activations bool
}

// CPU is the reference forward pass in pure Go, f32 throughout.
type CPU struct {
	cfg     *Config
	threads int
	bf16Act bool
	embed   []float32 // [V, H]
	head    []float32 // [V, H]; may alias embed
	norm    []float32
	layers  []cpuLayer
	invFreq []float32 // [HeadDim/2]
}

type cpuLayer struct {
	attnNorm, mlpNorm []float32
	q, k, v, o        []float32
	qb, kb, vb        []float32
	gate, up, down    []float32
}

var _ Backend = (*CPU)(nil)

// NewCPU widens the checkpoint's weights to f32 and returns the backend. The
// checkpoint may be closed afterwards.
func NewCPU(ck *Checkpoint, cc CPUConfig) (*CPU, error) {
	cfg := ck.Config
	get := func(name string) []float32 {
		t, _ := ck.Tensor(name) // validated at open
		return t.Float32()
	}
	b := &CPU{cfg: cfg, threads: cc.Threads, bf16Act: cc.BF16Activations}
	if b.threads <= 0 {
		b.threads = runtime.GOMAXPROCS(0)
	}
	b.embed = get("model.embed_tokens.weight")
	et, _ := ck.Tensor("model.embed_tokens.weight")
	ht, _ := ck.Tensor("lm_head.weight")
	if et == ht {
		b.head = b.embed
	} else {
		b.head = get("lm_head.weight")
	}
	b.norm = get("model.norm.weight")
	for l := 0; l < cfg.Layers; l++ {
		n := LayerTensorNames(l)
		L := cpuLayer{
			attnNorm: get(n.AttnNorm), mlpNorm: get(n.MLPNorm),
			q: get(n.Q), k: get(n.K), v: get(n.V), o: get(n.O),
			gate: get(n.Gate), up: get(n.Up), down: get(n.Down),
		}
		if cfg.QKVBias() {
			L.qb, L.kb, L.vb = get(n.QBias), get(n.KBias), get(n.VBias)
		}
		b.layers = append(b.layers, L)
	}
	b.invFreq = RopeInvFreq(cfg)
	return b, nil
}

// RopeInvFreq computes the RoPE inverse frequencies in f32 as Hugging Face
// transformers does (including Llama-3 scaling).
func RopeInvFreq(cfg *Config) []float32 {
	d := cfg.HeadDim
	inv := make([]float32, d/2)
	for i := range inv {
		exp := float32(2*i) / float32(d)
		inv[i] = float32(1 / math.Pow(cfg.RopeTheta, float64(exp)))
	}
	rs := cfg.RopeScaling
	if rs == nil || rs.Type != "llama3" {
		return inv
	}
	old := float64(rs.OriginalMaxPositionEmbeddings)
	lowWave := old / rs.LowFreqFactor
	highWave := old / rs.HighFreqFactor
	for i, f := range inv {
		wave := 2 * math.Pi / float64(f)
		v := float64(f)
		if wave > lowWave {
			v = v / rs.Factor
		}
		if !(wave < highWave) && !(wave > lowWave) {
			smooth := (old/wave - rs.LowFreqFactor) / (rs.HighFreqFactor - rs.LowFreqFactor)
			v = float64((1-smooth)*v/rs.Factor) + float64(smooth*v)
		}
		inv[i] = float32(v)
	}
	return inv
}

// Config is the model's configuration.
func (b *CPU) Config() *Config { return b.cfg }

type cpuCache struct {
	n, max int
	k, v   [][]float32 // per layer, [max * kvdim]
}

func (c *cpuCache) Len() int { return c.n }

// Release drops the cache's buffers (the garbage collector reclaims them).
func (c *cpuCache) Release() { c.k, c.v, c.n, c.max = nil, nil, 0, 0 }

func (c *cpuCache) Fork() (Cache, error) {
	f := &cpuCache{n: c.n, max: c.max, k: make([][]float32, len(c.k)), v: make([][]float32, len(c.v))}
	for l := range c.k {
		f.k[l] = make([]float32, len(c.k[l]))
		copy(f.k[l], c.k[l][:c.n*len(c.k[l])/c.max])
		f.v[l] = make([]float32, len(c.v[l]))
		copy(f.v[l], c.v[l][:c.n*len(c.v[l])/c.max])
	}
	return f, nil
}

// NewCache allocates a KV cache.
func (b *CPU) NewCache(maxLen int) (Cache, error) {
	if maxLen <= 0 || maxLen > b.cfg.MaxPositions {
		maxLen = b.cfg.MaxPositions
	}
	kv := b.cfg.KVHeads * b.cfg.HeadDim
	c := &cpuCache{max: maxLen, k: make([][]float32, b.cfg.Layers), v: make([][]float32, b.cfg.Layers)}
	for l := range c.k {
		c.k[l] = make([]float32, maxLen*kv)
		c.v[l] = make([]float32, maxLen*kv)
	}
	return c, nil
}

// Forward runs one batched pass; see Backend.
func (b *CPU) Forward(ctx context.Context, steps []Step) ([]Output, error) {
	cfg := b.cfg
	H, kvd, qd := cfg.HiddenSize, cfg.KVHeads*cfg.HeadDim, cfg.Heads*cfg.HeadDim
	// Rows of the batch: every new token of every step.
	type rowRef struct{ step, pos int }
	var rows []rowRef
	caches := make([]*cpuCache, len(steps))
	for si, s := range steps {
		c, ok := s.Cache.(*cpuCache)
		if !ok {
			return nil, fmt.Errorf("model: step %d: cache from another backend", si)
		}
		if c.k == nil {
			return nil, fmt.Errorf("model: step %d: cache used after Release", si)
		}
		if err := s.Validate(c.n, c.max, cfg.VocabSize); err != nil {
			return nil, fmt.Errorf("model: step %d: %w", si, err)
		}
		for i := range s.Tokens {
			rows = append(rows, rowRef{si, c.n + i})
		}
		caches[si] = c
	}
	R := len(rows)
	x := make([]float32, R*H)
	r := 0
	for _, s := range steps {
		for _, tok := range s.Tokens {
			copy(x[r*H:(r+1)*H], b.embed[tok*H:(tok+1)*H])
			r++
		}
	}
	xn := make([]float32, R*H)
	q := make([]float32, R*qd)
	k := make([]float32, R*kvd)
	v := make([]float32, R*kvd)
	att := make([]float32, R*qd)
	tmp := make([]float32, R*H)
	gate := make([]float32, R*cfg.IntermediateSize)
	up := make([]float32, R*cfg.IntermediateSize)
	for l := range b.layers {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		L := &b.layers[l]
		rmsnorm(xn, x, L.attnNorm, H, cfg.RMSNormEps)
		b.matmul(q, xn, L.q, R, H, qd, L.qb)
		b.matmul(k, xn, L.k, R, H, kvd, L.kb)
		b.matmul(v, xn, L.v, R, H, kvd, L.vb)
		for i, rr := range rows {
			b.rope(q[i*qd:(i+1)*qd], cfg.Heads, rr.pos)
			b.rope(k[i*kvd:(i+1)*kvd], cfg.KVHeads, rr.pos)
			c := caches[rr.step]
			copy(c.k[l][rr.pos*kvd:(rr.pos+1)*kvd], k[i*kvd:(i+1)*kvd])
			copy(c.v[l][rr.pos*kvd:(rr.pos+1)*kvd], v[i*kvd:(i+1)*kvd])
		}
		b.parallel(R, func(i int) {
			rr := rows[i]
			attend(att[i*qd:(i+1)*qd], q[i*qd:(i+1)*qd], caches[rr.step].k[l], caches[rr.step].v[l], rr.pos+1, cfg)
		})
		b.matmul(tmp, att, L.o, R, qd, H, nil)
		addInto(x, tmp)
		rmsnorm(xn, x, L.mlpNorm, H, cfg.RMSNormEps)
		b.matmul(gate, xn, L.gate, R, H, cfg.IntermediateSize, nil)
		b.matmul(up, xn, L.up, R, H, cfg.IntermediateSize, nil)
		for i := range gate {
			g := gate[i]
			gate[i] = g / (1 + float32(math.Exp(float64(-g)))) * up[i]
		}
		b.matmul(tmp, gate, L.down, R, cfg.IntermediateSize, H, nil)
		addInto(x, tmp)
	}
	for si, s := range steps {
		caches[si].n += len(s.Tokens)
	}
	rmsnorm(xn, x, b.norm, H, cfg.RMSNormEps)
	// Logits only for the rows that are returned.
	var want []int
	r = 0
	outs := make([]Output, len(steps))
	for si, s := range steps {
		for i := range s.Tokens {
			if s.All || i == len(s.Tokens)-1 {
				want = append(want, r)
				h := append([]float32(nil), xn[r*H:(r+1)*H]...)
				outs[si].Hidden = append(outs[si].Hidden, h)
				if s.Sketch != nil {
					set := sketch.Of(h, *s.Sketch)
					outs[si].Sketches = append(outs[si].Sketches, set.Sketch)
					outs[si].SketchSets = append(outs[si].SketchSets, set)
				}
			}
			r++
		}
	}
	sel := make([]float32, len(want)*H)
	for j, rr := range want {
		copy(sel[j*H:(j+1)*H], xn[rr*H:(rr+1)*H])
	}
	V := cfg.VocabSize
	logits := make([]float32, len(want)*V)
	b.matmul(logits, sel, b.head, len(want), H, V, nil)
	j := 0
	for si := range steps {
		for range outs[si].Hidden {
			outs[si].Logits = append(outs[si].Logits, logits[j*V:(j+1)*V:(j+1)*V])
			j++
		}
		last := outs[si].Logits[len(outs[si].Logits)-1]
		for _, u := range steps[si].Uniforms {
			outs[si].Picks = append(outs[si].Picks, PickAt(last, steps[si].Sampling, u))
		}
	}
	return outs, nil
}

func addInto(x, y []float32) {
	for i := range x {
		x[i] += y[i]
	}
}

// rmsnorm: out = x * rsqrt(mean(x²) + eps) * w, per row; the mean is
// accumulated in f64.
func rmsnorm(out, x, w []float32, h int, eps float64) {
	for r := 0; r < len(x)/h; r++ {
		row := x[r*h : (r+1)*h]
		var ss float64
		for _, v := range row {
			ss += float64(float64(v) * float64(v))
		}
		inv := float32(1 / math.Sqrt(ss/float64(h)+eps))
		o := out[r*h : (r+1)*h]
		for i, v := range row {
			o[i] = w[i] * (v * inv)
		}
	}
}

// rope rotates each head of vec in place (Hugging Face's rotate_half layout).
func (b *CPU) rope(vec []float32, heads, pos int) {
	d := b.cfg.HeadDim
	half := d / 2
	for i := 0; i < half; i++ {
		f := b.invFreq[i] * float32(pos)
		c := float32(math.Cos(float64(f)))
		s := float32(math.Sin(float64(f)))
		for h := 0; h < heads; h++ {
			x1 := vec[h*d+i]
			x2 := vec[h*d+i+half]
			vec[h*d+i] = float32(x1*c) - float32(x2*s)
			vec[h*d+i+half] = float32(x2*c) + float32(x1*s)
		}
	}
}

// attend computes causal grouped-query attention for one query row over n
// cached positions; softmax in f64.
func attend(out, q, kc, vc []float32, n int, cfg *Config) {
	d := cfg.HeadDim
	kvd := cfg.KVHeads * d
	group := cfg.Heads / cfg.KVHeads
	scale := float32(1 / math.Sqrt(float64(d)))
	// A score is an f32 product, so f32 holds it exactly; the
	// exponentials go through expBlock (math.Exp's bits, on the vector
	// unit where there is one).
	raw := make([]float32, n)
	scores := make([]float64, n)
	for h := 0; h < cfg.Heads; h++ {
		kh := h / group
		qh := q[h*d : (h+1)*d]
		maxS := math.Inf(-1)
		for t := 0; t < n; t++ {
			s := dot(qh, kc[t*kvd+kh*d:t*kvd+kh*d+d]) * scale
			raw[t] = s
			// math.Max's result, NaN included, without its cost (the sign
			// of a zero maximum cannot change s − max).
			if sf := float64(s); sf > maxS || sf != sf {
				maxS = sf
			}
		}
		expBlock(scores, raw, maxS, 1)
		var sum float64
		for _, e := range scores {
			sum += e
		}
		o := out[h*d : (h+1)*d : (h+1)*d]
		for i := range o {
			o[i] = 0
		}
		for t := 0; t < n; t++ {
			p := float32(scores[t] / sum)
			axpy(o, vc[t*kvd+kh*d:t*kvd+kh*d+d], p)
		}
	}
}

// dot is the fixed-order f32 dot product of attention scores (8 interleaved
// partial sums, then a fixed reduction), so its result never depends on who
// calls it. Matrix products use matDot's order instead.
func dot(a, b []float32) float32 {
	n := len(a)
	b = b[:n]
	var s0, s1, s2, s3, s4, s5, s6, s7 float32
	i := 0
	for ; i+8 <= n; i += 8 {
		s0 += float32(a[i] * b[i])
		s1 += float32(a[i+1] * b[i+1])
		s2 += float32(a[i+2] * b[i+2])
		s3 += float32(a[i+3] * b[i+3])
		s4 += float32(a[i+4] * b[i+4])
		s5 += float32(a[i+5] * b[i+5])
		s6 += float32(a[i+6] * b[i+6])
		s7 += float32(a[i+7] * b[i+7])
	}
	for ; i < n; i++ {
		s0 += float32(a[i] * b[i])
	}
	return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
}

// MatSums is the number of partial sums in the canonical accumulation order
// of a matrix product (docs/protocol.md §6.2): element k of a dot product is
// added to partial sum k mod 256 in ascending k; then each run of 8
// consecutive sums is reduced by halving (a[i] += a[i+4], a[i+2], a[i+1]),
// and the 32 results by halving (b[l] += b[l+16], …, b[l+1]). A GPU warp
// computes exactly this order at memory speed: lane l owns sums 8l … 8l+7,
// loads 8 consecutive bf16 weights (16 bytes, coalesced across the warp) per
// step into 8 independent chains, reduces them in-lane and then by
// shuffles. A CPU computes it with vertical SIMD adds. The order depends on
// nothing but K, so results are bit-identical across thread counts, batch
// shapes and backends.
const MatSums = 256

// matDot is the canonical-order dot product of a matrix product row.
func matDot(w, x []float32) float32 {
	if s, ok := matDotArch(w, x); ok {
		return s
	}
	return matDotGo(w, x)
}

// matDotGo is matDot in plain Go, for machines without a vector kernel.
func matDotGo(w, x []float32) float32 {
	x = x[:len(w)]
	var a [MatSums]float32
	k := matBlocksGo(&a, w, x)
	for i, wv := range w[k:] {
		a[i] += float32(wv * x[k+i])
	}
	return matReduce(&a, len(w))
}

// Name says what the engine runs on, for logs: the matrix-product kernel
// this machine dispatched to and the threads.
func (b *CPU) Name() string {
	return fmt.Sprintf("cpu (%s matrix kernel, %d threads)", MatDotKernel(), b.threads)
}

// matDotKernel is a vector implementation of matDot for n ≥ 1 elements.
type matDotKernel struct {
	name string
	fn   func(w, x *float32, n int) float32
}

// archMatDots are the vector kernels this machine runs, best first
// (matDotKernels, per architecture); matDot uses the first.
var archMatDots = matDotKernels()

// matDotArch computes matDot with the best vector kernel, reporting false
// where there is none.
func matDotArch(w, x []float32) (float32, bool) {
	if len(w) == 0 || len(archMatDots) == 0 {
		return 0, false
	}
	x = x[:len(w)]
	return archMatDots[0].fn(&w[0], &x[0], len(w)), true
}

// MatDotKernel names the matrix-product kernel of this machine and build
// ("avx512", "avx2", "neon" or "go"), for logs: every kernel computes the same
// canonical order, so only the speed differs.
func MatDotKernel() string {
	if len(archMatDots) > 0 {
		return archMatDots[0].name
	}
	return "go"
}

// matBlocksGo is the portable matBlocks.
func matBlocksGo(a *[MatSums]float32, w, x []float32) int {
	k := 0
	for ; k+MatSums <= len(w); k += MatSums {
		wb := w[k : k+MatSums : k+MatSums]
		xb := x[k : k+MatSums : k+MatSums]
		for i := range a {
			a[i] += float32(wb[i] * xb[i])
		}
	}
	return k
}

// matReduce is the canonical reduction of the partial sums of an n-element
// dot product. Runs of 8 sums that no element reached are +0 and reduce to
// +0, which b already holds, so only the first ⌈n/8⌉ runs are computed.
func matReduce(a *[MatSums]float32, n int) float32 {
	var b [MatSums / 8]float32
	for l := range min(len(b), (n+7)/8) {
		g := a[8*l : 8*l+8 : 8*l+8]
		b[l] = ((g[0] + g[4]) + (g[2] + g[6])) + ((g[1] + g[5]) + (g[3] + g[7]))
	}
	for s := len(b) / 2; s > 0; s /= 2 {
		for l := 0; l < s; l++ {
			b[l] += b[l+s]
		}
	}
	return b[0]
}

// matmul: out[r, o] = Σ_i x[r, i]·w[o, i] (+ bias[o]) for R rows, in → outDim.
// Output columns are split across threads; each dot runs on one goroutine.
func (b *CPU) matmul(out, x, w []float32, R, in, outDim int, bias []float32) {
	if b.bf16Act {
		r := make([]float32, len(x))
		for i, v := range x {
			r[i] = math.Float32frombits(uint32(BF16Round(v)) << 16)
		}
		x = r
	}
	b.parallelRange(outDim, func(lo, hi int) {
		for o := lo; o < hi; o++ {
			wr := w[o*in : (o+1)*in]
			for r := 0; r < R; r++ {
				s := matDot(wr, x[r*in:(r+1)*in])
				if bias != nil {
					s += bias[o]
				}
				out[r*outDim+o] = s
			}
		}
	})
}

func (b *CPU) parallelRange(n int, fn func(lo, hi int)) {
	t := b.threads
	if t > n {
		t = n
	}
	if t <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + t - 1) / t
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

func (b *CPU) parallel(n int, fn func(i int)) {
	b.parallelRange(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			fn(i)
		}
	})
}

func cpuThreads() int { return runtime.GOMAXPROCS(0) }
