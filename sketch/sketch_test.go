package sketch

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// coeffs are coefficients for tests of the arithmetic (the window
// derivation is challenge.SketchCoefficients, checked with the vectors).
func coeffs(seed uint64) Coefficients {
	rng := rand.New(rand.NewPCG(seed, 3))
	var r Coefficients
	for i := range r {
		r[i] = int8(rng.IntN(255) - 127)
	}
	return r
}

func TestBucket(t *testing.T) {
	tests := []struct {
		v    float32
		want int32
	}{
		{0, 0}, {float32(math.Copysign(0, -1)), 0}, {float32(math.NaN()), 0},
		{float32(math.Inf(1)), 127}, {float32(math.Inf(-1)), -127},
		{1, 63}, {-1, -63}, {1.4142135, 63}, {1.4142137, 64}, {2, 65}, {0.5, 61},
		{1e-30, 1}, {-1e-30, -1}, {1e30, 127}, {3e38, 127},
		{float32(math.Ldexp(1, -31)), 1}, {float32(math.Ldexp(1, 31)), 125}, {float32(math.Ldexp(1.5, 31)), 126},
		{float32(math.SmallestNonzeroFloat32), 1},
	}
	for _, tt := range tests {
		if got := Bucket(tt.v); got != tt.want {
			t.Errorf("Bucket(%g) = %d, want %d", tt.v, got, tt.want)
		}
	}
	// Monotone in |v| and odd.
	prev := int32(0)
	for e := -40.0; e < 40; e += 0.01 {
		v := float32(math.Pow(2, e))
		b := Bucket(v)
		if b < prev {
			t.Fatalf("not monotone at %g", v)
		}
		if Bucket(-v) != -b {
			t.Fatalf("not odd at %g", v)
		}
		prev = b
	}
}

func TestTopAndCompute(t *testing.T) {
	h := make([]float32, 64)
	for i := range h {
		h[i] = float32(i%7) - 3
	}
	h[5] = float32(math.NaN())
	h[40] = 100
	top := Top(h)
	has40 := false
	for _, i := range top {
		has40 = has40 || i == 40
	}
	if len(top) != TopK || !has40 {
		t.Fatalf("top %v", top)
	}
	for i := 1; i < len(top); i++ {
		if top[i] <= top[i-1] {
			t.Fatal("top not sorted")
		}
	}
	for _, i := range top {
		if i == 5 {
			t.Fatal("NaN selected over real values")
		}
	}
	r := coeffs(1)
	s := Compute(h, r)
	if s >= P {
		t.Fatal("sketch out of range")
	}
	var acc int64
	for k, i := range top {
		acc += int64(r[k]) * int64(Bucket(h[i]))
	}
	if want := uint32(((acc % P) + P) % P); s != want {
		t.Fatalf("sketch %d, recomputed %d", s, want)
	}
	for _, c := range r {
		if c < -127 || c > 127 {
			t.Fatal("coefficient out of range")
		}
	}
}

func TestDistanceAndTolerance(t *testing.T) {
	tests := []struct{ a, b, d uint32 }{{0, 0, 0}, {5, 3, 2}, {3, 5, 2}, {0, P - 1, 1}, {P - 1, 0, 1}, {10, P - 10, 20}}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.d {
			t.Errorf("Distance(%d,%d) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
	if !valid(100, 100+254) || valid(100, 100+255) || valid(P, P) {
		t.Fatal("tolerance boundary")
	}
	// One bucket flip on one coefficient is within tolerance.
	h := []float32{1.41421, 3, -2, 0.1}
	r := coeffs(9)
	a := Compute(h, r)
	h[0] = 1.41422 // crosses √2
	if b := Compute(h, r); a == b || !valid(a, b) {
		t.Fatalf("single flip: %d vs %d", a, b)
	}
}

// valid is Check of a commitment against a sketch without alternatives.
func valid(committed, recomputed uint32) bool {
	_, ok := Check(committed, Single(recomputed), 0)
	return ok
}

// TestAlternatives checks the swap band of check v3: which pairs across the
// edge of the top 16 give an alternative (inside TieGap, at its exact
// boundary, not outside it, not deeper than the band, not with 16 values or
// fewer), that each is the sketch of the state in which the pair traded
// places, and that Check accepts a commitment near one of them only.
func TestAlternatives(t *testing.T) {
	r := coeffs(5)
	g := float32(1 - TieGap)     // exactly representable: the boundary
	type pair struct{ a, b int } // ranks, 1-based
	tests := []struct {
		name string
		mags map[int]float32 // |h| by rank 12..21 where not the default
		n    int             // values in h
		want []pair
	}{
		{"none", nil, 40, nil},
		{"16 and 17 just inside", map[int]float32{17: 1.25 * 0.9999}, 40, []pair{{16, 17}}},
		{"16 and 17 at the boundary", map[int]float32{17: 1.25 * g}, 40, []pair{{16, 17}}},
		{"16 and 17 just outside", map[int]float32{17: math.Nextafter32(1.25*g, 0)}, 40, nil},
		{"16, 17, 18 tied", map[int]float32{17: 1.25 * 0.99995, 18: 1.25 * 0.9999}, 40, []pair{{16, 17}, {16, 18}}},
		{"15, 16, 17 tied", map[int]float32{15: 1.25 * 1.00001, 17: 1.25 * 0.9999}, 40, []pair{{15, 17}, {16, 17}}},
		{"13 to 21 tied", map[int]float32{13: 1.25 * 1.0004, 14: 1.25 * 1.0003, 15: 1.25 * 1.0002, 16: 1.25 * 1.0001, 17: 1.25, 18: 1.25 * 0.9999, 19: 1.25 * 0.9998, 20: 1.25 * 0.9997, 21: 1.25 * 0.9996}, 40,
			[]pair{{13, 17}, {13, 18}, {13, 19}, {13, 20}, {14, 17}, {14, 18}, {14, 19}, {14, 20}, {15, 17}, {15, 18}, {15, 19}, {15, 20}, {16, 17}, {16, 18}, {16, 19}, {16, 20}}},
		{"13 and 14 more than the gap from 17", map[int]float32{13: 1.25 * 1.0008, 14: 1.25 * 1.0006, 15: 1.25 * 1.0004, 16: 1.25 * 1.0002, 17: 1.25 * 0.9996}, 40,
			[]pair{{15, 17}, {16, 17}}},
		{"12 tied with 17: outside the band", map[int]float32{12: 1.25 * 1.00003, 13: 1.25 * 1.00002, 14: 1.25 * 1.000015, 15: 1.25 * 1.00001, 17: 1.25 * 0.99999}, 40,
			[]pair{{13, 17}, {14, 17}, {15, 17}, {16, 17}}},
		{"eighteen values", map[int]float32{17: 1.25 * 0.9999, 18: 1.25 * 0.9998}, 18, []pair{{16, 17}, {16, 18}}},
		{"sixteen values", nil, 16, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Rank k (1-based) at index perm[k-1], magnitude 1 + 16 − k
			// for k < 16 (well apart), 1.25 at rank 16, well below from rank
			// 17 on, except where the case says; signs alternate.
			rng := rand.New(rand.NewPCG(uint64(tt.n), 1))
			perm := rng.Perm(tt.n)
			h := make([]float32, tt.n)
			for k := 1; k <= tt.n; k++ {
				m := float32(1 + 16 - k)
				if k == 16 {
					m = 1.25
				} else if k > 16 {
					m = 0.5 / float32(k)
				}
				if v, ok := tt.mags[k]; ok {
					m = v
				}
				if k%2 == 0 {
					m = -m
				}
				h[perm[k-1]] = m
			}
			rank := func(k int) int { return perm[k-1] }
			s := Of(h, r)
			if s.Sketch != Compute(h, r) {
				t.Fatalf("sketch %d, Compute %d", s.Sketch, Compute(h, r))
			}
			alts := s.Alternatives()
			if len(alts) != len(tt.want) {
				t.Fatalf("%d alternatives, want %d (%v)", len(alts), len(tt.want), tt.want)
			}
			for i, p := range tt.want {
				// The state in which ranks a and b traded magnitudes (signs
				// kept; every tied magnitude lies in one bucket).
				sw := append([]float32(nil), h...)
				ia, ib := rank(p.a), rank(p.b)
				sw[ia] = float32(math.Copysign(math.Abs(float64(h[ib])), float64(h[ia])))
				sw[ib] = float32(math.Copysign(math.Abs(float64(h[ia])), float64(h[ib])))
				if want := Compute(sw, r); alts[i] != want {
					t.Fatalf("alternative %d (%d↔%d) = %d, the swapped state's %d, sketch %d", i, p.a, p.b, alts[i], want, s.Sketch)
				}
				if _, ok := Check(alts[i], s, 0); !ok {
					t.Fatalf("Check refuses alternative %d", i)
				}
			}
			// (An alternative can equal the sketch: a swap that keeps every
			// bucket in its slot of the index order.)
			if len(alts) > 0 && !slices.ContainsFunc(alts, func(a uint32) bool { return a != s.Sketch }) {
				t.Fatalf("every alternative equals the sketch %d", s.Sketch)
			}
			if _, ok := Check(s.Sketch, s, 0); !ok {
				t.Fatal("Check refuses the sketch")
			}
			far := (s.Sketch + 1000) % P
			near := Distance(far, s.Sketch) <= Tolerance(0)
			for _, a := range alts {
				near = near || Distance(far, a) <= Tolerance(0)
			}
			if _, ok := Check(far, s, 0); ok != near {
				t.Fatalf("Check(%d) = %v, want %v", far, ok, near)
			}
		})
	}
}

func BenchmarkCompute896(b *testing.B) {
	h := make([]float32, 896)
	for i := range h {
		h[i] = float32(math.Sin(float64(i)))
	}
	r := coeffs(0)
	for i := 0; i < b.N; i++ {
		_ = Compute(h, r)
	}
}

// rankBySort is every index of h in rank order, as the specification
// reads: a stable sort by magnitude (NaN as 0), and the magnitude function.
func rankBySort(h []float32) ([]int, func(int) float64) {
	idx := make([]int, len(h))
	for i := range idx {
		idx[i] = i
	}
	mag := func(i int) float64 {
		v := math.Abs(float64(h[i]))
		if v != v {
			return 0
		}
		return v
	}
	sort.SliceStable(idx, func(a, b int) bool { return mag(idx[a]) > mag(idx[b]) })
	return idx, mag
}

// topBySort is Top written as its specification reads: the first TopK of
// the rank order, then by index.
func topBySort(h []float32) []int {
	idx, _ := rankBySort(h)
	top := slices.Clone(idx[:min(len(idx), TopK)])
	sort.Ints(top)
	return top
}

// setBySort is §7.2's sketch set from a full sort of h: the sketch, then
// for a = 13..16 and b = 17..20 (1-based ranks) with m_b ≥ m_a·(1 − TieGap)
// the sketch of the top 16 with a replaced by b.
func setBySort(h []float32, r Coefficients) []uint32 {
	idx, mag := rankBySort(h)
	sum := func(top []int) uint32 {
		top = slices.Clone(top)
		sort.Ints(top)
		var acc int64
		for i, j := range top {
			acc += int64(r[i]) * int64(Bucket(h[j]))
		}
		return uint32(((acc % P) + P) % P)
	}
	k := min(len(idx), TopK)
	out := []uint32{sum(idx[:k])}
	if len(idx) <= TopK {
		return out
	}
	for a := TopK - Band; a < TopK; a++ {
		for b := TopK; b < min(len(idx), TopK+Band); b++ {
			if mag(idx[b]) >= mag(idx[a])*(1-TieGap) {
				top := slices.Clone(idx[:TopK])
				top[a] = idx[b]
				out = append(out, sum(top))
			}
		}
	}
	return out
}

// TestTopMatchesSort compares the one-pass Top and Of with a full sort on
// vectors full of ties, zeros of both signs, NaN and infinities, and near
// ties planted at the edge of the top 16.
func TestTopMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	vals := []float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 1, -1, 2, -2, 0.5}
	for trial := 0; trial < 3000; trial++ {
		h := make([]float32, rng.IntN(70))
		for i := range h {
			if rng.IntN(2) == 0 {
				h[i] = vals[rng.IntN(len(vals))]
			} else {
				h[i] = float32(rng.NormFloat64())
			}
		}
		if got, want := Top(h), topBySort(h); !slices.Equal(got, want) {
			t.Fatalf("h=%v: Top %v, sort %v", h, got, want)
		}
		for range rng.IntN(5) { // near ties at the edge of the top 16
			if len(h) > TopK+1 {
				h[rng.IntN(len(h))] = h[topBySort(h)[rng.IntN(TopK)]] * float32(1-rng.Float64()*2*TieGap)
			}
		}
		r := coeffs(uint64(trial))
		s := Of(h, r)
		if got, want := append([]uint32{s.Sketch}, s.Alternatives()...), setBySort(h, r); s.Sketch != Compute(h, r) || !slices.Equal(got, want) {
			t.Fatalf("h=%v: Of %v; Compute %d, sort %v", h, got, Compute(h, r), want)
		}
	}
}

// BenchmarkFromRanked is the host's work a row after a device ranked it:
// the sketch alone (no near tie, ~90% of positions) and the worst case, the
// full band of 16 alternatives.
func BenchmarkFromRanked(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	h := make([]float32, 896)
	for i := range h {
		h[i] = float32(rng.NormFloat64())
	}
	r := coeffs(0)
	plain := Rank(nil, h)
	tied := slices.Clone(plain)
	for k := TopK - Band; k < Ranked; k++ {
		tied[k].Value = 1.25 * float32(1-float64(k)*1e-5)
	}
	for _, bc := range []struct {
		name string
		e    []Entry
		alts int
	}{{"plain", plain, 0}, {"band", tied, MaxAlternatives}} {
		b.Run(bc.name, func(b *testing.B) {
			if n := len(FromRanked(bc.e, r).Alternatives()); n != bc.alts {
				b.Fatalf("%d alternatives, want %d", n, bc.alts)
			}
			for b.Loop() {
				_ = FromRanked(bc.e, r)
			}
		})
	}
}
