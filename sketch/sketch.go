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

// TieGap is the relative gap within which a verifier treats two magnitudes
// at the edge of the top 16 as tied (docs/protocol.md §7.2): m_b ≥
// m_a·(1 − TieGap) in f64, where the product of an f32 value and 1 − 2^-10
// is exact (34 significant bits at most), so every implementation agrees.
// Honest drift under the precision contract is ~1e-5 relative or less
// (tensor cores, split-3, at 7B shapes: 4.2e-5 at most), so a backend whose
// top 16 differs from the verifier's by a swap of near-tied entries is
// honest.
const TieGap = 1.0 / 1024

// Band is how deep the swap band reaches on each side of the top 16's edge
// (check v3, §7.2): an entry ranked 13th–16th may trade places with one
// ranked 17th–20th when their magnitudes are tied within TieGap. Check v2
// admitted only ranks 16 and 17; tensor cores at 7B shapes swapped ranks 16
// and 18, and 15 and 17, across three- and four-way near ties.
const Band = 4

// Ranked is how many entries of the rank order a sketch and its
// alternatives read; backends that rank on a device return this many.
const Ranked = TopK + Band

// MaxAlternatives bounds the alternative sketches at one position.
const MaxAlternatives = Band * Band

// Entry is one hidden-state entry: its index and value.
type Entry struct {
	Index int32
	Value float32
}

// magnitude is |v| in f64, NaN as 0: the rank order's key.
func magnitude(v float32) float64 {
	m := math.Abs(float64(v))
	if m != m {
		return 0
	}
	return m
}

// Rank appends to dst the Ranked entries of h of largest magnitude in rank
// order (larger magnitude first, ties to the lower index; NaN counts as 0),
// all of h when it is shorter. One pass keeps the best so far in rank order
// (a later index never displaces an equal magnitude, which is the tie
// rule), so a sketch costs a pass over h rather than a sort of it: every
// backend sketches every position it returns.
func Rank(dst []Entry, h []float32) []Entry {
	const k = Ranked
	var (
		e    [k]Entry
		mags [k]float64
		n    int
	)
	for i, v := range h {
		m := magnitude(v)
		if n == k && !(m > mags[k-1]) {
			continue
		}
		// Insert after every kept entry of magnitude ≥ m.
		j := min(n, k-1)
		for j > 0 && mags[j-1] < m {
			mags[j], e[j] = mags[j-1], e[j-1]
			j--
		}
		mags[j], e[j] = m, Entry{int32(i), v}
		n = min(n+1, k)
	}
	return append(dst, e[:n]...)
}

// Top returns the indices of the TopK largest |h| (NaN counts as 0, ties to
// the lower index), sorted ascending. Shorter vectors return all indices.
func Top(h []float32) []int {
	e := Rank(make([]Entry, 0, Ranked), h)
	top := sortTop(e)
	out := make([]int, len(top))
	for i, x := range top {
		out[i] = int(x.Index)
	}
	return out
}

// Compute is the sketch of one hidden state.
func Compute(h []float32, r Coefficients) uint32 {
	var buf [Ranked]Entry
	return over(sortTop(Rank(buf[:0], h)), r)
}

// Set is what a verifier accepts a committed sketch near at one position:
// the sketch of its hidden state (what an honest miner commits) and the
// alternatives, the sketches of the top 16 with one near-tied pair across
// its edge swapped (FromRanked).
type Set struct {
	Sketch uint32
	alts   [MaxAlternatives]uint32
	n      uint8
}

// Single is the set of one sketch without alternatives, for backends that
// return sketches but no ranking.
func Single(s uint32) Set { return Set{Sketch: s} }

// Alternatives are the set's sketches other than Sketch, in the order of
// §7.2 (the rank inside the top 16 first, then the rank outside).
func (s Set) Alternatives() []uint32 { return append([]uint32(nil), s.alts[:s.n]...) }

// Of is the sketch set of one hidden state.
func Of(h []float32, r Coefficients) Set {
	var buf [Ranked]Entry
	return FromRanked(Rank(buf[:0], h), r)
}

// FromRanked is the sketch set of a hidden state from its first Ranked
// entries in rank order (Rank, or a device's ranking): the sketch of the
// top 16, and for every entry a ranked 13th–16th and b ranked 17th–20th
// with m_b ≥ m_a·(1 − TieGap) the sketch of the top 16 with a replaced by
// b. A backend whose drift reordered such a pair commits exactly one of
// those; the swap moves the sketch arbitrarily (coefficients follow index
// order), so no distance tolerance absorbs it. Entries past Ranked are
// ignored.
func FromRanked(e []Entry, r Coefficients) Set {
	e = e[:min(len(e), Ranked)]
	var top [TopK]Entry
	k := copy(top[:], e)
	s := Set{Sketch: over(sortTop(e), r)}
	for a := k - Band; a < k && len(e) > TopK; a++ {
		floor := magnitude(e[a].Value) * (1 - TieGap)
		// Magnitudes descend with rank: the first b out of the band ends it.
		for b := TopK; b < len(e) && magnitude(e[b].Value) >= floor; b++ {
			alt := top
			alt[a] = e[b]
			s.alts[s.n] = over(sortTop(alt[:]), r)
			s.n++
		}
	}
	return s
}

// sortTop is the first TopK entries of e sorted by index, in a copy.
func sortTop(e []Entry) []Entry {
	var buf [TopK]Entry
	top := buf[:copy(buf[:], e)]
	for i := 1; i < len(top); i++ { // insertion sort: 16 entries
		x, j := top[i], i-1
		for j >= 0 && top[j].Index > x.Index {
			top[j+1] = top[j]
			j--
		}
		top[j+1] = x
	}
	return top
}

// over is Σ r_i · Bucket(v_i) mod P over entries sorted by index.
func over(top []Entry, r Coefficients) uint32 {
	var acc int64
	for i, x := range top {
		acc += int64(r[i]) * int64(Bucket(x.Value))
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
// moves it arbitrarily: the one honest drift causes (near-tied magnitudes
// across the edge of the top 16 trading places) is admitted through the
// set's alternatives (FromRanked, Check), any other is rejected. Calibrated
// (docs/protocol.md §7.6): honest distance between the CPU and CUDA
// backends was 0 at every one of the positions measured, with no growth
// along the completion, so no position term is needed; the argument stays
// so one can be added without changing callers.
func Tolerance(pos int) uint32 {
	_ = pos
	return 2 * MaxBucket
}

// Check compares a committed sketch at completion position pos with the
// verifier's sketch set of the same position (Of, FromRanked): the distance
// to the nearest of its sketches, and whether the commitment is valid
// (below P) and within tolerance of it.
func Check(committed uint32, s Set, pos int) (dist uint32, ok bool) {
	dist = Distance(committed, s.Sketch)
	for _, a := range s.alts[:s.n] {
		dist = min(dist, Distance(committed, a))
	}
	return dist, committed < P && dist <= Tolerance(pos)
}
