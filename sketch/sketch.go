// Package sketch computes the per-position hidden-state commitment of the
// protocol: a 31-bit fingerprint of the final-norm hidden state that is
// cheap to commit per token and tolerant of the tiny numerical drift between
// honest backends.
//
// A sketch of hidden state h with coefficients r (16 values in [−127, 127],
// derived from the window seed) is
//
//	Σ_{i<16} r_i · bucket(h[idx_i])  mod  P,   P = 2^31 − 1
//
// where idx_0 < … < idx_15 are the indices of the 16 largest |h| (ties to the
// lower index) and bucket maps a value to a signed log-magnitude bucket. The
// exact integer semantics, edge cases and test vectors are in
// docs/protocol.md, section "Sketch".
//
// The package is a leaf (it imports nothing of Assay's), so that every
// model backend — the CPU engine through Compute, a GPU in its own kernel —
// returns sketches itself when a forward pass asks for them.
package sketch

import (
	"math"
	"sort"
)

// Protocol constants.
const (
	// P is the Mersenne prime modulus 2^31 − 1.
	P = 1<<31 - 1
	// TopK is the number of hidden-state entries a sketch reads.
	TopK = 16
	// BucketsPerOctave sets the bucket width: a bucket spans a factor 2^(1/2).
	BucketsPerOctave = 2
	// bucketOffset centres log2 magnitudes so that |v| in [2^-31, 2^32)
	// lands in buckets 1..126; larger values clamp to 127, smaller to 1.
	bucketOffset = 63
	// MaxBucket is the largest bucket magnitude.
	MaxBucket = 127
)

// Coefficients are the 16 sketch coefficients of a window, each in
// [−127, 127] (challenge.SketchCoefficients derives them from the window
// seed).
type Coefficients [TopK]int8

// Bucket maps a value to its signed log-magnitude bucket:
//
//	0                                   for 0, −0 and NaN
//	±127                                for ±Inf
//	±clamp(⌊2·log2|v|⌋ + 63, 1, 127)    otherwise, with the sign of v
//
// ⌊2·log2|v|⌋ is computed exactly from the float32 bits (exponent and the
// mantissa compared with √2), so every implementation agrees.
func Bucket(v float32) int32 {
	if v == 0 || v != v {
		return 0
	}
	sign := int32(1)
	if v < 0 {
		sign = -1
	}
	a := float32(math.Abs(float64(v)))
	if math.IsInf(float64(a), 0) {
		return sign * MaxBucket
	}
	// |v| = m · 2^e with m in [1, 2): 2·log2|v| = 2e + 2·log2 m, and
	// ⌊2·log2 m⌋ is 1 when m ≥ √2, else 0.
	frac, exp := math.Frexp(float64(a)) // frac in [0.5, 1)
	m := frac * 2
	e := exp - 1
	b := 2 * e
	if m >= math.Sqrt2 {
		b++
	}
	b += bucketOffset
	if b < 1 {
		b = 1
	}
	if b > MaxBucket {
		b = MaxBucket
	}
	return sign * int32(b)
}

// TieGap is the relative gap within which a verifier treats the magnitudes
// ranked 16th and 17th as tied (docs/protocol.md §7.2): m17 ≥
// m16·(1 − TieGap) in f64, where the product of an f32 value and 1 − 2^-10
// is exact (34 significant bits at most), so every implementation agrees.
// Honest drift under the precision contract is ~1e-5 relative or less, so
// a backend whose top 16 differs from the verifier's by that swap is
// honest; calibration on TinyStories with tensor cores (split-3) saw such
// swaps at 6 of a million positions, each rejecting its rollout before the
// tie sketch existed.
const TieGap = 1.0 / 1024

// ranked returns the indices of the TopK+1 largest |h| in rank order
// (larger magnitude first, ties to the lower index; NaN counts as 0) and
// their magnitudes. One pass keeps the best so far in rank order (a later
// index never displaces an equal magnitude, which is the tie rule), so a
// sketch costs a pass over h rather than a sort of it: every backend
// sketches every position it returns.
func ranked(h []float32) (idx [TopK + 1]int, mags [TopK + 1]float64, n int) {
	const k = TopK + 1
	for i, v := range h {
		m := math.Abs(float64(v))
		if m != m {
			m = 0
		}
		if n == k && !(m > mags[k-1]) {
			continue
		}
		// Insert after every kept entry of magnitude ≥ m.
		j := min(n, k-1)
		for j > 0 && mags[j-1] < m {
			mags[j], idx[j] = mags[j-1], idx[j-1]
			j--
		}
		mags[j], idx[j] = m, i
		n = min(n+1, k)
	}
	return idx, mags, n
}

// Top returns the indices of the TopK largest |h| (NaN counts as 0, ties to
// the lower index), sorted ascending. Shorter vectors return all indices.
func Top(h []float32) []int {
	idx, _, n := ranked(h)
	out := append([]int(nil), idx[:min(n, TopK)]...)
	sort.Ints(out)
	return out
}

// Compute is the sketch of one hidden state.
func Compute(h []float32, r Coefficients) uint32 {
	return over(h, Top(h), r)
}

// Of returns the sketch of h and its tie sketch: the sketch over Top(h)
// with the 16th-ranked index replaced by the 17th-ranked where their
// magnitudes are tied within TieGap, else the sketch itself. A verifier
// accepts a committed sketch near either (Check): a backend whose drift
// swapped a near-tied pair at the edge of the top 16 is honest.
func Of(h []float32, r Coefficients) (main, tie uint32) {
	idx, mags, n := ranked(h)
	top := append([]int(nil), idx[:min(n, TopK)]...)
	sort.Ints(top)
	main = over(h, top, r)
	if n <= TopK || !(mags[TopK] >= mags[TopK-1]*(1-TieGap)) {
		return main, main
	}
	alt := append([]int(nil), idx[:TopK-1]...)
	alt = append(alt, idx[TopK])
	sort.Ints(alt)
	return main, over(h, alt, r)
}

// over is Σ r_i · Bucket(h[top_i]) mod P for ascending indices top.
func over(h []float32, top []int, r Coefficients) uint32 {
	var acc int64
	for i, j := range top {
		acc += int64(r[i]) * int64(Bucket(h[j]))
	}
	acc %= P
	if acc < 0 {
		acc += P
	}
	return uint32(acc)
}

// Distance is the modular distance min(|a−b|, P−|a−b|) between two sketches.
func Distance(a, b uint32) uint32 {
	a %= P
	b %= P
	d := a - b
	if a < b {
		d = b - a
	}
	return min(d, P-d)
}

// Tolerance is the largest distance accepted at completion position pos.
// Honest backends under the precision contract flip a bucket only where a
// value sits within float noise of a bucket edge; one flip moves the sketch
// by |r_i| ≤ 127, and the tolerance admits two. A top-16 membership change
// moves it arbitrarily: the one honest drift causes (the 16th- and
// 17th-ranked magnitudes tied within TieGap, swapping) is admitted through
// the tie sketch (Of, Check), any other is rejected. Calibrated (docs/protocol.md
// §7.6): honest distance between the CPU and CUDA backends was 0 at every
// one of the positions measured, with no growth along the completion, so no
// position term is needed; the argument stays so one can be added without
// changing callers.
func Tolerance(pos int) uint32 {
	_ = pos
	return 2 * MaxBucket
}

// Check compares a committed sketch at completion position pos with the
// verifier's sketch and tie sketch of the same position (Of): the distance
// to the nearer of the two, and whether the commitment is valid (below P)
// and within tolerance of it.
func Check(committed, main, tie uint32, pos int) (dist uint32, ok bool) {
	dist = min(Distance(committed, main), Distance(committed, tie))
	return dist, committed < P && dist <= Tolerance(pos)
}
