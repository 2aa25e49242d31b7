//go:build cuda

package cuda

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"gorgonia.org/cu"
)

// gemmLayers are qwen2.5-1.5b's products, out[n][m] = x[n][k]·w[m][k]ᵀ.
var gemmLayers = []struct {
	name string
	m, k int
}{
	{"qkv", 2048, 1536}, {"o", 1536, 1536}, {"gateUp", 17920, 1536}, {"down", 1536, 8960}, {"head", 151936, 1536},
}

// BenchmarkTensorGEMM times the products of the tensor-core path alone at
// qwen2.5-1.5b shapes, bf16 in, f32 out, n the stacked term rows: of a
// verification pass (3 × 7,280), of a decode step at batch 1–256 (3 × 1 …
// 3 × 256). cublas is cuBLAS's choice; skinny the skinny kernel (run where
// n ≤ 768, to find where it stops paying). Random bits, not zeros: tensor
// cores run faster on zeros.
func BenchmarkTensorGEMM(b *testing.B) {
	p := openPairSplit(b, "qwen2.5-1.5b")
	g := p.gpu.(*Backend)
	for _, l := range gemmLayers {
		for _, n := range []int{3, 12, 48, 96, 192, 384, 768, 21840} {
			if l.name == "head" && n > 768 {
				continue // a verification pass takes only the sampled rows' logits
			}
			for _, kern := range []string{"cublas", "skinny"} {
				if kern == "skinny" && n > 768 {
					continue
				}
				name := fmt.Sprintf("%s/%dx%dx%d/%s", l.name, l.m, n, l.k, kern)
				b.Run(name, func(b *testing.B) { benchGEMM(b, g, kern, l.m, n, l.k) })
			}
		}
	}
}

func benchGEMM(b *testing.B, g *Backend, kern string, m, n, k int) {
	leave, err := g.enter()
	if err != nil {
		b.Fatal(err)
	}
	defer leave()
	w, _ := randomBF16Device(b, g, m*k, 1)
	x, _ := randomBF16Device(b, g, n*k, 2)
	defer cu.MemFree(w)
	defer cu.MemFree(x)
	out, err := g.alloc("bench out", int64(m*n)*4)
	if err != nil {
		b.Fatal(err)
	}
	defer cu.MemFree(out)
	run := func() error {
		if kern == "skinny" {
			return g.skinnyGEMM(out, w, x, m, n, k)
		}
		return g.blas.gemmWT(out, w, x, m, n, k)
	}
	if err := run(); err != nil { // warm-up
		b.Fatal(err)
	}
	if err := cu.Synchronize(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
	if err := cu.Synchronize(); err != nil {
		b.Fatal(err)
	}
	s := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(2*float64(m)*float64(n)*float64(k)/s/1e12, "TFLOP/s")
	b.ReportMetric((2*float64(m+n)*float64(k)+4*float64(m)*float64(n))/s/1e12, "TB/s")
}

// randomBF16Device uploads n random bf16 values and returns them as floats
// too.
func randomBF16Device(t testing.TB, g *Backend, n int, seed uint64) (cu.DevicePtr, []float32) {
	rng := rand.New(rand.NewPCG(uint64(n), seed))
	v := make([]uint16, n)
	f := make([]float32, n)
	for i := range v {
		// Exponents near 1 keep the values finite and ordinary.
		v[i] = uint16(0x3c00 + rng.IntN(0x0300) | rng.IntN(2)<<15)
		f[i] = math.Float32frombits(uint32(v[i]) << 16)
	}
	p, err := g.uploadBytes("test bf16", unsafe.Pointer(&v[0]), int64(n)*2)
	if err != nil {
		t.Fatal(err)
	}
	return p, f
}

// TestSkinnyGEMM checks the skinny kernel against a float64 product and
// against cuBLAS, with and without k split across blocks, at shapes with
// tails in every dimension; and that it returns the same bits every run.
func TestSkinnyGEMM(t *testing.T) {
	t.Setenv("ASSAY_CUDA_SPLIT", "3")
	g := openPair(t, "tiny", false).gpu.(*Backend)
	if g.skinnyTakes(0, 0, 3, 100) || g.skinnyTakes(0, 8, 3, 64) || !g.skinnyTakes(0, 0, 3, 64) {
		t.Error("skinnyTakes: want refusal of k%8 ≠ 0 and unaligned operands only")
	}
	shapes := []struct{ m, n, k int }{
		{2048, 48, 1536}, {1536, 3, 8960}, {17920, 96, 1536}, {1536, 192, 1536}, {151936, 12, 1536},
		{100, 5, 72}, {130, 70, 200}, {256, 17, 128}, {64, 16, 64}, {1, 1, 8},
	}
	for _, s := range shapes {
		for _, blocks := range []int{1, 3 * g.sms} {
			t.Run(fmt.Sprintf("%dx%dx%d/blocks%d", s.m, s.n, s.k, blocks), func(t *testing.T) {
				// A subtest runs on its own goroutine, so on a thread
				// without the backend's context until it enters.
				leave, err := g.enter()
				if err != nil {
					t.Fatal(err)
				}
				defer leave()
				g.skinnyBlocks = blocks
				defer func() { g.skinnyBlocks = 3 * g.sms }()
				checkSkinny(t, g, s.m, s.n, s.k)
			})
		}
	}
}

func checkSkinny(t *testing.T, g *Backend, m, n, k int) {
	w, wf := randomBF16Device(t, g, m*k, 1)
	x, xf := randomBF16Device(t, g, n*k, 2)
	out, err := g.alloc("test out", int64(m*n)*4)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { cu.MemFree(w); cu.MemFree(x); cu.MemFree(out) }()
	get := func(cublas bool) []float32 {
		t.Helper()
		if err := cu.MemsetD32(out, 0x7fc00000, int64(m*n)); err != nil { // NaN: a value never written shows
			t.Fatal(err)
		}
		if cublas {
			err = g.blas.gemmWT(out, w, x, m, n, k)
		} else {
			err = g.skinnyGEMM(out, w, x, m, n, k)
		}
		if err != nil {
			t.Fatal(err)
		}
		res := make([]float32, m*n)
		if err := cu.MemcpyDtoH(unsafe.Pointer(&res[0]), out, int64(len(res))*4); err != nil {
			t.Fatal(err)
		}
		return res
	}
	got := get(false)
	for run := range 2 {
		again := get(false)
		for i := range got {
			if math.Float32bits(got[i]) != math.Float32bits(again[i]) {
				t.Fatalf("run %d: element %d: %g, first run %g", run+2, i, again[i], got[i])
			}
		}
	}
	ref := get(true)
	// Every element of small products, a sample of large ones (and always
	// the last row and column, where the tails are).
	idx := func(yield func(int) bool) {
		stride := max(1, m*n/20000)
		for i := 0; i < m*n; i += stride {
			if !yield(i) {
				return
			}
		}
		yield(m*n - 1)
	}
	var worst, worstCublas float64
	for i := range idx {
		r, c := i/m, i%m
		var exact, mag float64
		for j := range k {
			p := float64(xf[r*k+j]) * float64(wf[c*k+j])
			exact += p
			mag += math.Abs(p)
		}
		// f32 accumulation in any order: |error| ≤ k·2⁻²⁴·Σ|xw| (to first order).
		bound := float64(k)*math.Ldexp(mag, -24) + 1e-30
		e := math.Abs(float64(got[i])-exact) / bound
		if !(e <= 1) {
			t.Fatalf("out[%d][%d] = %g, float64 product %g (bound %.3g)", r, c, got[i], exact, bound)
		}
		worst = max(worst, e)
		worstCublas = max(worstCublas, math.Abs(float64(ref[i])-exact)/bound)
	}
	t.Logf("plan %+v: worst error %.3g of the bound (cuBLAS %.3g)", g.planSkinny(m, n, k), worst, worstCublas)
}

// openPairSplit opens the model with split-3 tensor cores whatever
// ASSAY_CUDA_SPLIT says.
func openPairSplit(b *testing.B, name string) *pair {
	b.Setenv("ASSAY_CUDA_SPLIT", "3")
	return openPair(b, name, false)
}
