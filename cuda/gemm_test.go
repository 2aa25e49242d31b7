//go:build cuda

package cuda

import (
	"fmt"
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

// BenchmarkTensorGEMM times the cuBLAS products of the tensor-core path
// alone at qwen2.5-1.5b shapes, bf16 in, f32 out, n the stacked term rows:
// of a verification pass (3 × 7,280), of a decode step at batch 1–256
// (3 × 1 … 3 × 256). Random bits, not zeros: tensor cores run faster on
// zeros. scripts/gpu/gemm.sh runs it beside PyTorch at the same shapes.
func BenchmarkTensorGEMM(b *testing.B) {
	p := openPairSplit(b, "qwen2.5-1.5b")
	g := p.gpu.(*Backend)
	for _, l := range gemmLayers {
		for _, n := range []int{3, 12, 48, 96, 192, 384, 768, 21840} {
			if l.name == "head" && n > 768 {
				continue // a verification pass takes only the sampled rows' logits
			}
			b.Run(fmt.Sprintf("%s/%dx%dx%d", l.name, l.m, n, l.k), func(b *testing.B) { benchGEMM(b, g, l.m, n, l.k) })
		}
	}
}

func benchGEMM(b *testing.B, g *Backend, m, n, k int) {
	leave, err := g.enter()
	if err != nil {
		b.Fatal(err)
	}
	defer leave()
	w := randomBF16Device(b, g, m*k, 1)
	x := randomBF16Device(b, g, n*k, 2)
	defer cu.MemFree(w)
	defer cu.MemFree(x)
	out, err := g.alloc("bench out", int64(m*n)*4)
	if err != nil {
		b.Fatal(err)
	}
	defer cu.MemFree(out)
	if err := g.blas.gemmWT(out, w, x, m, n, k, false); err != nil { // warm-up
		b.Fatal(err)
	}
	if err := cu.Synchronize(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if err := g.blas.gemmWT(out, w, x, m, n, k, false); err != nil {
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

// randomBF16Device uploads n random bf16 values.
func randomBF16Device(t testing.TB, g *Backend, n int, seed uint64) cu.DevicePtr {
	rng := rand.New(rand.NewPCG(uint64(n), seed))
	v := make([]uint16, n)
	for i := range v {
		// Exponents near 1 keep the values finite and ordinary.
		v[i] = uint16(0x3c00 + rng.IntN(0x0300) | rng.IntN(2)<<15)
	}
	p, err := g.uploadBytes("test bf16", unsafe.Pointer(&v[0]), int64(n)*2)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openPairSplit opens the model with split-3 tensor cores whatever
// ASSAY_CUDA_SPLIT says.
func openPairSplit(b *testing.B, name string) *pair {
	b.Setenv("ASSAY_CUDA_SPLIT", "3")
	return openPair(b, name, false)
}
