//go:build cuda

package cuda

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unsafe"

	"gorgonia.org/cu"
)

// BenchmarkTensorGEMM times the cuBLAS products of the tensor-core path
// alone at qwen2.5-1.5b shapes: out[n][m] = x[n][k]·w[m][k]ᵀ, bf16 in, f32
// out, n the stacked term rows of a verification pass (3 × 7,280) or a
// decode step (3 × 256, 3 × 64). Random bits, not zeros: tensor cores run faster on
// zeros.
func BenchmarkTensorGEMM(b *testing.B) {
	p := openPairSplit(b, "qwen2.5-1.5b")
	g := p.gpu.(*Backend)
	shapes := []struct {
		name    string
		m, n, k int
	}{
		{"qkv", 2048, 21840, 1536}, {"q", 1536, 21840, 1536}, {"kv", 512, 21840, 1536},
		{"qkv-n21504", 2048, 21504, 1536}, {"qkv-n7280", 2048, 7280, 1536},
		{"o", 1536, 21840, 1536}, {"gateUp", 17920, 21840, 1536}, {"down", 1536, 21840, 8960},
		{"qkv-decode", 2048, 768, 1536}, {"gateUp-decode", 17920, 768, 1536},
		{"o-decode", 1536, 768, 1536}, {"down-decode", 1536, 768, 8960},
		{"qkv-b64", 2048, 192, 1536}, {"gateUp-b64", 17920, 192, 1536},
		{"o-b64", 1536, 192, 1536}, {"down-b64", 1536, 192, 8960},
		{"head-b64", 151936, 192, 1536}, {"head-decode", 151936, 768, 1536},
	}
	for _, s := range shapes {
		b.Run(fmt.Sprintf("%s/%dx%dx%d", s.name, s.m, s.n, s.k), func(b *testing.B) {
			leave, err := g.enter()
			if err != nil {
				b.Fatal(err)
			}
			defer leave()
			w := randomBF16Device(b, g, s.m*s.k)
			x := randomBF16Device(b, g, s.n*s.k)
			out, err := g.alloc("bench out", int64(s.m*s.n)*4)
			if err != nil {
				b.Fatal(err)
			}
			defer cu.MemFree(out)
			if err := g.blas.gemmWT(out, w, x, s.m, s.n, s.k); err != nil { // warm-up
				b.Fatal(err)
			}
			cu.Synchronize()
			b.ResetTimer()
			for range b.N {
				if err := g.blas.gemmWT(out, w, x, s.m, s.n, s.k); err != nil {
					b.Fatal(err)
				}
			}
			if err := cu.Synchronize(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(2*float64(s.m)*float64(s.n)*float64(s.k)*float64(b.N)/b.Elapsed().Seconds()/1e12, "TFLOP/s")
		})
	}
}

func randomBF16Device(b *testing.B, g *Backend, n int) cu.DevicePtr {
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	v := make([]uint16, n)
	for i := range v {
		// Exponents near 1 keep the values finite and ordinary.
		v[i] = uint16(0x3c00 + rng.IntN(0x0300) | rng.IntN(2)<<15)
	}
	p, err := g.uploadBytes("bench bf16", unsafe.Pointer(&v[0]), int64(n)*2)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// openPairSplit opens the model with split-3 tensor cores whatever
// ASSAY_CUDA_SPLIT says.
func openPairSplit(b *testing.B, name string) *pair {
	b.Setenv("ASSAY_CUDA_SPLIT", "3")
	return openPair(b, name, false)
}
