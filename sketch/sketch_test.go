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

// valid is Check of a commitment against a sketch without a tie.
func valid(committed, recomputed uint32) bool {
	_, ok := Check(committed, recomputed, recomputed, 0)
	return ok
}

// TestTie checks the tie sketch: the swap of ranks 16 and 17 within TieGap
// (and at its exact boundary), none outside it or with 16 values or fewer,
// and that Check accepts a commitment near either sketch only.
func TestTie(t *testing.T) {
	r := coeffs(5)
	g := float32(1 - TieGap) // exactly representable: the boundary
	tests := []struct {
		name string
		m17  float32 // |h| ranked 17th; the 16th is 1
		j    int     // its index
		n    int     // values in h
		tie  bool
	}{
		{"just inside", 0.9999, 30, 40, true},
		{"boundary", g, 30, 40, true},
		{"just outside", math.Nextafter32(g, 0), 30, 40, false},
		{"far", 0.5, 30, 40, false},
		{"equal magnitude, higher index", -1, 38, 40, true},
		{"sixteen values", 0.9999, 15, 16, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := make([]float32, tt.n)
			for i := range h {
				h[i] = float32(0.01 * float64(i%7+1))
			}
			// Ranks 1..15 well apart (indices 0, 1, 2, 3, 4, 5, 7, …),
			// rank 16 at index 6, rank 17 at tt.j.
			for i, k := 0, 0; k < min(15, tt.n-2); i++ {
				if i != 6 && i != tt.j {
					h[i] = float32(4 + k)
					k++
				}
			}
			h[6] = -1
			h[tt.j] = tt.m17
			main, tie := Of(h, r)
			if main != Compute(h, r) {
				t.Fatalf("main %d, Compute %d", main, Compute(h, r))
			}
			if !tt.tie {
				if tie != main {
					t.Fatalf("tie %d without a tie (main %d)", tie, main)
				}
				return
			}
			// The tie sketch is the sketch of the state in which the 16th
			// dropped below the 17th, every other value as it is.
			sw := append([]float32(nil), h...)
			sw[6] = -float32(math.Abs(float64(tt.m17))) * 0.999
			if tie != Compute(sw, r) || tie == main {
				t.Fatalf("tie %d, the swapped state's %d, main %d", tie, Compute(sw, r), main)
			}
			if _, ok := Check(tie, main, tie, 0); !ok {
				t.Fatal("Check refuses the tie sketch")
			}
			if _, ok := Check(main, main, tie, 0); !ok {
				t.Fatal("Check refuses the main sketch")
			}
			far := (tie + 1000) % P
			if _, ok := Check(far, main, tie, 0); ok != (Distance(far, main) <= Tolerance(0)) {
				t.Fatalf("Check(%d) = %v, distance to main %d", far, ok, Distance(far, main))
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

// tieBySort is the tie sketch of §7.2 from a full sort of h.
func tieBySort(h []float32, r Coefficients) uint32 {
	idx, mag := rankBySort(h)
	top := slices.Clone(idx[:min(len(idx), TopK)])
	if len(idx) > TopK && mag(idx[TopK]) >= mag(idx[TopK-1])*(1-TieGap) {
		top[TopK-1] = idx[TopK]
	}
	sort.Ints(top)
	var acc int64
	for i, j := range top {
		acc += int64(r[i]) * int64(Bucket(h[j]))
	}
	return uint32(((acc % P) + P) % P)
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
		if rng.IntN(4) == 0 && len(h) > TopK+1 { // a near tie at the edge of the top 16
			h[rng.IntN(len(h))] = h[topBySort(h)[rng.IntN(TopK)]] * float32(1-rng.Float64()*2*TieGap)
		}
		r := coeffs(uint64(trial))
		if main, tie := Of(h, r); main != Compute(h, r) || tie != tieBySort(h, r) {
			t.Fatalf("h=%v: Of %d, %d; Compute %d, sort %d", h, main, tie, Compute(h, r), tieBySort(h, r))
		}
	}
}
