package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// softRef is the soft statistics as docs/protocol.md §7.5 defines them,
// written the long way: the tempered distribution p, then H = −Σ p log p,
// Var = Σ p (log p)² − H², log p(token).
func softRef(logits []float32, T float64, token int) (h, variance, lp float64) {
	maxZ := math.Inf(-1)
	for _, l := range logits {
		maxZ = math.Max(maxZ, float64(l))
	}
	w := make([]float64, len(logits))
	var total float64
	for i, l := range logits {
		w[i] = math.Exp((float64(l) - maxZ) / T)
		total += w[i]
	}
	var e2 float64
	for _, x := range w {
		if x == 0 {
			continue
		}
		p := x / total
		h -= p * math.Log(p)
		e2 += p * math.Log(p) * math.Log(p)
	}
	return h, math.Max(e2-h*h, 0), math.Log(w[token] / total)
}

func randomLogits(rng *rand.Rand, n int, spread float64) []float32 {
	z := make([]float32, n)
	for i := range z {
		z[i] = float32(rng.NormFloat64() * spread)
	}
	return z
}

func TestStatsAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	samplings := []Sampling{
		{Temperature: 1}, {Temperature: 0.7}, {Temperature: 1.3}, {},
		{Temperature: 1, TopK: 5}, {Temperature: 0.9, TopP: 0.8},
	}
	for _, vocab := range []int{1, 2, 17, 1000, 151936} {
		for _, spread := range []float64{0.1, 3, 30} {
			z := randomLogits(rng, vocab, spread)
			z[rng.IntN(vocab)] = -float32(math.Inf(1)) // a masked token contributes nothing
			if vocab == 1 {
				z[0] = 0.5
			}
			for _, s := range samplings {
				for _, tok := range []int{0, vocab / 2, vocab - 1, rng.IntN(vocab)} {
					name := fmt.Sprintf("V=%d/spread=%g/%+v/tok=%d", vocab, spread, s, tok)
					st := StatsAt(z, s, tok)
					lo, hi, in := Interval(z, s, tok)
					if lp := LogSoftmaxAt(z, tok); st.LogProb != lp && !(math.IsInf(lp, -1) && math.IsInf(st.LogProb, -1)) {
						t.Fatalf("%s: LogProb %v, LogSoftmaxAt %v", name, st.LogProb, lp)
					}
					if st.Lo != lo || st.Hi != hi || st.In != in {
						t.Fatalf("%s: interval [%v, %v) %v, Interval [%v, %v) %v", name, st.Lo, st.Hi, st.In, lo, hi, in)
					}
					if s.Temperature == 0 {
						continue
					}
					h, v, lpt := softRef(z, s.Temperature, tok)
					for _, c := range []struct {
						what      string
						got, want float64
					}{{"entropy", st.Entropy, h}, {"variance", st.Variance, v}, {"log p", st.TemperedLogProb, lpt}} {
						if math.IsInf(c.want, -1) && math.IsInf(c.got, -1) {
							continue
						}
						if math.Abs(c.got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
							t.Fatalf("%s: %s %v, long way %v", name, c.what, c.got, c.want)
						}
					}
				}
			}
		}
	}
}

// The verifier's per-position cost at Qwen's vocabulary: StatsAt against
// the three passes it replaces (LogSoftmaxAt, Interval and the long-way
// soft statistics), in the same run.
func BenchmarkStatsAt(b *testing.B) {
	z := randomLogits(rand.New(rand.NewPCG(1, 2)), 151936, 3)
	s := Sampling{Temperature: 1}
	b.Run("one-pass", func(b *testing.B) {
		for b.Loop() {
			StatsAt(z, s, 1234)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "positions/s")
	})
	b.Run("three-passes", func(b *testing.B) {
		for b.Loop() {
			LogSoftmaxAt(z, 1234)
			Interval(z, s, 1234)
			softRef(z, s.Temperature, 1234)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "positions/s")
	})
}

// TestExpBlock: the block exponential has math.Exp's bits for every
// argument — in the vector range, at its edges (where lanes go back to
// math.Exp: ±700, the subnormal and overflow ranges, ±Inf, NaN) and for
// blocks that are not a multiple of eight.
func TestExpBlock(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	special := []float32{0, float32(math.Copysign(0, -1)), -700, 700, -699.99, 699.99, -708.4, -745.2, -746, -800, 709.7, 709.8, 800,
		float32(math.Inf(-1)), float32(math.Inf(1)), float32(math.NaN()), 1e-30, -1e-30, 1e-45}
	for _, n := range []int{1, 7, 8, 9, 64, 1000, 4096} {
		for _, c := range []struct{ shift, div float64 }{{0, 1}, {3.25, 1}, {-2, 0.7}, {10, 1.3}, {0, 1e-3}} {
			src := make([]float32, n)
			for i := range src {
				switch rng.IntN(4) {
				case 0:
					src[i] = special[rng.IntN(len(special))]
				case 1:
					src[i] = float32(rng.Float64()*1500 - 750)
				default:
					src[i] = float32(rng.NormFloat64() * 20)
				}
			}
			dst := make([]float64, n)
			expBlock(dst, src, c.shift, c.div)
			for i, v := range src {
				want := math.Exp((float64(v) - c.shift) / c.div)
				if math.Float64bits(dst[i]) != math.Float64bits(want) && !(math.IsNaN(want) && math.IsNaN(dst[i])) {
					t.Fatalf("n=%d %+v: exp((%g − shift)/div) = %v (%x), math.Exp %v (%x)", n, c, v, dst[i], math.Float64bits(dst[i]), want, math.Float64bits(want))
				}
			}
		}
	}
	// Blocks without a special value take the vector path (where there is one).
	src := make([]float32, 4096)
	for i := range src {
		src[i] = float32(rng.NormFloat64() * 30)
	}
	dst := make([]float64, len(src))
	if len(expKernels()) > 0 && expArch(dst, src, 0, 1) != len(src) {
		t.Fatal("the vector path was not taken for arguments inside its range")
	}
	for i := 0; i < len(src); i += 8 {
		expBlock(dst[i:i+8], src[i:i+8], 0, 1)
		for k := i; k < i+8; k++ {
			if want := math.Exp(float64(src[k])); math.Float64bits(dst[k]) != math.Float64bits(want) {
				t.Fatalf("exp(%g) = %x, math.Exp %x", src[k], math.Float64bits(dst[k]), math.Float64bits(want))
			}
		}
	}
}

// TestExpKernels runs every vector exponential this machine has (the AVX2
// one on an AVX-512 machine too) against math.Exp bit for bit, and checks
// that each refuses a block holding an argument outside [−700, 700] or NaN.
func TestExpKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	src := make([]float32, 1<<14)
	for i := range src {
		switch i % 3 {
		case 0:
			src[i] = float32(rng.Float64()*1398 - 699)
		default:
			src[i] = float32(rng.NormFloat64() * 20)
		}
	}
	ks := expKernels()
	for _, k := range ks {
		for _, c := range []struct{ shift, div float64 }{{0, 1}, {3.25, 0.7}, {-11, 1.3}} {
			dst := make([]float64, len(src))
			if !k.fn(&dst[0], &src[0], len(src), c.shift, c.div) {
				// Some arguments (v − shift)/div left the range: check blockwise.
				for i := 0; i < len(src); i += k.lanes {
					if !k.fn(&dst[i], &src[i], k.lanes, c.shift, c.div) {
						for j := i; j < i+k.lanes; j++ {
							dst[j] = math.Exp((float64(src[j]) - c.shift) / c.div)
						}
					}
				}
			}
			for i, v := range src {
				if want := math.Exp((float64(v) - c.shift) / c.div); math.Float64bits(dst[i]) != math.Float64bits(want) {
					t.Fatalf("%s %+v: exp of %g = %x, math.Exp %x", k.name, c, v, math.Float64bits(dst[i]), math.Float64bits(want))
				}
			}
		}
		for _, bad := range []float32{float32(math.NaN()), -701, 701, float32(math.Inf(1))} {
			blk := make([]float32, k.lanes)
			blk[k.lanes-1] = bad
			dst := make([]float64, k.lanes)
			if k.fn(&dst[0], &blk[0], k.lanes, 0, 1) {
				t.Fatalf("%s: a block holding %g was not refused", k.name, bad)
			}
		}
	}
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.name
	}
	t.Logf("kernels checked: %v", names)
}

// FuzzExpBlock checks the block exponential against math.Exp on fuzzed
// arguments (eight lanes from the input, a shift and a divisor).
func FuzzExpBlock(f *testing.F) {
	f.Add(uint64(0), uint64(0), 0.0, 1.0)
	f.Add(math.Float64bits(-700.5), math.Float64bits(3.5), 2.0, 0.7)
	f.Fuzz(func(t *testing.T, a, b uint64, shift, div float64) {
		src := make([]float32, 8)
		for i := range src {
			bits := uint32(a >> (8 * (i % 8)))
			if i >= 4 {
				bits = uint32(b >> (8 * (i % 4)))
			}
			src[i] = math.Float32frombits(bits ^ uint32(i)*0x9e3779b9)
		}
		dst := make([]float64, 8)
		expBlock(dst, src, shift, div)
		for i, v := range src {
			want := math.Exp((float64(v) - shift) / div)
			if math.Float64bits(dst[i]) != math.Float64bits(want) && !(math.IsNaN(want) && math.IsNaN(dst[i])) {
				t.Fatalf("exp((%g − %g)/%g) = %x, math.Exp %x", v, shift, div, math.Float64bits(dst[i]), math.Float64bits(want))
			}
		}
		// Each kernel alone, where it takes the block (8 is a multiple of
		// every kernel's lanes).
		for _, k := range expKernels() {
			if !k.fn(&dst[0], &src[0], 8, shift, div) {
				continue
			}
			for i, v := range src {
				if want := math.Exp((float64(v) - shift) / div); math.Float64bits(dst[i]) != math.Float64bits(want) {
					t.Fatalf("%s: exp((%g − %g)/%g) = %x, math.Exp %x", k.name, v, shift, div, math.Float64bits(dst[i]), math.Float64bits(want))
				}
			}
		}
	})
}
