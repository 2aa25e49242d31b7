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
