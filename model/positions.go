package model

import "math"

// PositionStats is what a verifier recomputes at one completion position
// from the logits that chose its token (docs/protocol.md §7.5).
type PositionStats struct {
	// LogProb is log p(token) under the raw model distribution (f64, as
	// LogSoftmaxAt).
	LogProb float64
	// Lo and Hi bound the token's sampler interval and In says whether the
	// token is in the kept set (as Interval).
	Lo, Hi float64
	In     bool
	// Entropy, Variance and TemperedLogProb describe the tempered,
	// untruncated sampling distribution for the soft check: its entropy H,
	// the variance of log p under it, and log p(token). Zero when greedy.
	Entropy, Variance, TemperedLogProb float64
}

// StatsAt computes a position's statistics in one pass over the vocabulary
// after the maximum: LogProb, Lo and Hi are bit-identical to LogSoftmaxAt
// and Interval (the same f64 terms summed in the same ascending order), and
// the soft statistics come from three running sums, Σw, Σw·y and Σw·y² with
// y = (z − max)/T and w = exp(y), instead of a logarithm per token:
//
//	H = log Σw − Σw·y/Σw,   Var = Σw·y²/Σw − (Σw·y/Σw)²,   log p(token) = y_token − log Σw.
//
// A backend that keeps logits on a device computes the same sums there
// (Step.Stats); its reduction order differs, so its values may differ from
// these in the last bits, far inside every tolerance that reads them.
func StatsAt(logits []float32, s Sampling, token int) PositionStats {
	if s.Temperature == 0 {
		lo, hi, in := Interval(logits, s, token)
		return PositionStats{LogProb: LogSoftmaxAt(logits, token), Lo: lo, Hi: hi, In: in}
	}
	maxZ := maxLogit(logits)
	var raw, total, s1, s2, before, wTok, yTok float64
	// The exponentials a block at a time (on the vector unit where it has
	// math.Exp's bits), the sums in ascending order as the definition reads.
	var eb, wb [statsBlock]float64
	T := s.Temperature
	for off := 0; off < len(logits); off += statsBlock {
		part := logits[off:min(off+statsBlock, len(logits))]
		e := eb[:len(part)]
		expBlock(e, part, maxZ, 1)
		w := e
		if T != 1 { // d/1 is d: one exp serves both sums
			w = wb[:len(part)]
			expBlock(w, part, maxZ, T)
		}
		for i, l := range part {
			y := float64(l) - maxZ
			if T != 1 {
				y /= T
			}
			raw += e[i]
			wi := w[i]
			if off+i == token {
				before, wTok, yTok = total, wi, y
			}
			total += wi
			if wi != 0 {
				s1 += float64(wi * y)
				s2 += float64(float64(wi*y) * y)
			}
		}
	}
	st := PositionStats{LogProb: float64(logits[token]) - maxZ - math.Log(raw)}
	if s.Truncates(len(logits)) {
		st.Lo, st.Hi, st.In = Interval(logits, s, token)
	} else {
		st.Lo, st.Hi, st.In = before/total, (before+wTok)/total, true
	}
	logTotal := math.Log(total)
	mean := s1 / total
	st.Entropy = logTotal - mean
	st.Variance = math.Max(s2/total-float64(mean*mean), 0)
	st.TemperedLogProb = yTok - logTotal
	return st
}

// statsBlock is how many exponentials StatsAt computes at a time.
const statsBlock = 512

// expKernel is a vector math.Exp over blocks of its lanes: dst[i] =
// math.Exp((float64(src[i]) − shift) / div) bit for bit, false where some
// argument needs math.Exp's special cases.
type expKernel struct {
	name  string
	lanes int
	fn    func(dst *float64, src *float32, n int, shift, div float64) bool
}

// archExps are the vector exponentials this machine runs, best first
// (expKernels, per architecture); expArch uses the first.
var archExps = expKernels()

// expArch fills dst[:n] for the largest n ≤ len(src) that is a multiple of
// the best kernel's lanes and returns n, or 0 where there is no vector
// kernel or some argument needs math.Exp's special cases.
func expArch(dst []float64, src []float32, shift, div float64) int {
	if len(archExps) == 0 {
		return 0
	}
	k := archExps[0]
	n := len(src) / k.lanes * k.lanes
	if n == 0 || !k.fn(&dst[0], &src[0], n, shift, div) {
		return 0
	}
	return n
}

// expBlock sets dst[i] = math.Exp((float64(src[i]) − shift) / div), bit for
// bit, on the vector unit where it can (expArch).
func expBlock(dst []float64, src []float32, shift, div float64) {
	for i := expArch(dst, src, shift, div); i < len(src); i++ {
		dst[i] = math.Exp((float64(src[i]) - shift) / div)
	}
}
