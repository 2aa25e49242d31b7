package model

import (
	"fmt"
	"math"
	"sort"
)

// Sampling are the sampler's parameters. Temperature 0 is greedy.
type Sampling struct {
	Temperature float64
	TopP        float64 // 0 or 1: no nucleus truncation
	TopK        int     // 0: no top-k truncation
}

// Truncates reports whether top-k or top-p removes tokens from the kept
// set of a vocabulary of that size.
func (s Sampling) Truncates(vocab int) bool {
	return (s.TopK > 0 && s.TopK < vocab) || (s.TopP > 0 && s.TopP < 1)
}

// Validate reports parameters the sampler does not accept.
func (s Sampling) Validate() error {
	if s.Temperature < 0 || math.IsNaN(s.Temperature) || s.Temperature > 100 {
		return fmt.Errorf("model: temperature %v outside [0, 100]", s.Temperature)
	}
	if s.TopP < 0 || s.TopP > 1 || math.IsNaN(s.TopP) {
		return fmt.Errorf("model: top-p %v outside [0, 1]", s.TopP)
	}
	if s.TopK < 0 {
		return fmt.Errorf("model: top-k %d negative", s.TopK)
	}
	return nil
}

// Pick is the protocol's sampler, a pure function of (logits, parameters,
// uniform u in [0,1)): the token is the inverse CDF of the tempered,
// truncated distribution at u, with the CDF accumulated in ascending token-id
// order. margin is the distance from u to the nearest boundary of the chosen
// token's CDF interval, in probability units (for greedy decoding: the gap
// between the best and second-best logit). Ties are broken toward the lower
// token id everywhere. All arithmetic is f64 in a fixed order, so the same
// logits give the same pick on every machine.
func Pick(logits []float32, s Sampling, u float64) (token int, margin float64) {
	if s.Temperature == 0 {
		return greedy(logits)
	}
	w, kept := weights(logits, s)
	var total float64
	for _, i := range kept {
		total += w[i]
	}
	target := float64(u * total) // rounded: a fused u·total − lo would change the pick on machines that fuse
	var cum float64
	for _, i := range kept {
		lo := cum
		cum += w[i]
		if cum > target {
			return i, math.Min(target-lo, cum-target) / total
		}
	}
	// u rounded onto the top edge: the last kept token.
	last := kept[len(kept)-1]
	return last, 0
}

// Interval returns the CDF interval [lo, hi) of token under the sampler's
// distribution (probability units) and whether the token is in the kept
// set. A verifier accepts u for token when lo-m <= u < hi+m.
func Interval(logits []float32, s Sampling, token int) (lo, hi float64, ok bool) {
	if s.Temperature == 0 {
		t, _ := greedy(logits)
		return 0, 1, t == token
	}
	w, kept := weights(logits, s)
	var total float64
	for _, i := range kept {
		total += w[i]
	}
	var cum float64
	for _, i := range kept {
		if i == token {
			return cum / total, (cum + w[i]) / total, true
		}
		cum += w[i]
	}
	return 0, 0, false
}

func greedy(logits []float32) (int, float64) {
	best, second := 0, -1
	for i := 1; i < len(logits); i++ {
		if logits[i] > logits[best] {
			best, second = i, best
		} else if second < 0 || logits[i] > logits[second] {
			second = i
		}
	}
	if second < 0 {
		return best, math.Inf(1)
	}
	return best, float64(logits[best]) - float64(logits[second])
}

// weights returns unnormalized probabilities exp((z_i - max)/T) and the kept
// token ids in ascending order.
func weights(logits []float32, s Sampling) ([]float64, []int) {
	w := make([]float64, len(logits))
	maxZ := maxLogit(logits)
	for i, l := range logits {
		w[i] = math.Exp((float64(l) - maxZ) / s.Temperature)
	}
	kept := make([]int, len(logits))
	for i := range kept {
		kept[i] = i
	}
	truncK := s.TopK > 0 && s.TopK < len(logits)
	truncP := s.TopP > 0 && s.TopP < 1
	if !truncK && !truncP {
		return w, kept
	}
	order := append([]int(nil), kept...)
	sort.SliceStable(order, func(a, b int) bool {
		if w[order[a]] != w[order[b]] {
			return w[order[a]] > w[order[b]]
		}
		return order[a] < order[b]
	})
	if truncK {
		order = order[:s.TopK]
	}
	if truncP {
		var total float64
		for _, i := range order {
			total += w[i]
		}
		var cum float64
		for n, i := range order {
			cum += w[i]
			if cum >= s.TopP*total {
				order = order[:n+1]
				break
			}
		}
	}
	sort.Ints(order)
	return w, order
}

// LogSoftmaxAt is log p(token) under the raw model distribution, computed in
// f64 from the f32 logits.
func LogSoftmaxAt(logits []float32, token int) float64 {
	maxZ := maxLogit(logits)
	var sum float64
	for _, l := range logits {
		sum += math.Exp(float64(l) - maxZ)
	}
	return float64(logits[token]) - maxZ - math.Log(sum)
}

// SampleLogProb is log p(token) under the sampling distribution actually
// used (tempered and truncated); -Inf when the token is outside the kept set.
func SampleLogProb(logits []float32, s Sampling, token int) float64 {
	if s.Temperature == 0 {
		if t, _ := greedy(logits); t == token {
			return 0
		}
		return math.Inf(-1)
	}
	w, kept := weights(logits, s)
	var total float64
	in := false
	for _, i := range kept {
		total += w[i]
		in = in || i == token
	}
	if !in {
		return math.Inf(-1)
	}
	return math.Log(w[token]) - math.Log(total)
}

// maxLogit is the largest logit as f64, NaN if any is NaN, -Inf for none.
// A comparison loop: math.Max per element (NaN and signed-zero rules) cost
// as much as the exponentials of the verifier's pass.
func maxLogit(logits []float32) float64 {
	m := float32(math.Inf(-1))
	nan := false
	for _, l := range logits {
		if l > m {
			m = l
		} else if l != l {
			nan = true
		}
	}
	if nan {
		return math.NaN()
	}
	return float64(m)
}
