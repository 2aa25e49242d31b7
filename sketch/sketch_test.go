package sketch

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/assaynet/assay/challenge"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

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
	r := NewCoefficients([32]byte{1})
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
	if !Valid(100, 100+254, 0) || Valid(100, 100+255, 0) || Valid(P, P, 0) {
		t.Fatal("tolerance boundary")
	}
	// One bucket flip on one coefficient is within tolerance.
	h := []float32{1.41421, 3, -2, 0.1}
	r := NewCoefficients([32]byte{9})
	a := Compute(h, r)
	h[0] = 1.41422 // crosses √2
	if b := Compute(h, r); a == b || !Valid(a, b, 0) {
		t.Fatalf("single flip: %d vs %d", a, b)
	}
}

type vector struct {
	Seed   string   `json:"window_seed_hex"`
	Coeffs []int8   `json:"coefficients"`
	Hidden []uint32 `json:"hidden_f32_bits"`
	Top    []int    `json:"top"`
	Sketch uint32   `json:"sketch"`
}

func TestVectors(t *testing.T) {
	var got []vector
	for k := 0; k < 3; k++ {
		seed := challenge.PRF32("vector/sketch", challenge.U64(uint64(k)))
		s := challenge.NewStream(seed)
		h := make([]float32, 24)
		for i := range h {
			h[i] = float32((s.Float64()*2 - 1) * math.Pow(4, float64(s.Below(5))-2))
		}
		if k == 2 {
			h[3], h[7], h[11] = 0, float32(math.Inf(-1)), float32(math.NaN())
		}
		r := NewCoefficients(seed)
		bits := make([]uint32, len(h))
		for i, v := range h {
			bits[i] = math.Float32bits(v)
		}
		got = append(got, vector{Seed: hex(seed[:]), Coeffs: r[:], Hidden: bits, Top: Top(h), Sketch: Compute(h, r)})
	}
	path := filepath.Join("testdata", "vectors.json")
	if *update {
		js, _ := json.MarshalIndent(got, "", " ")
		os.WriteFile(path, append(js, '\n'), 0o644)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []vector
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Fatalf("sketch vectors changed:\n got %s\nwant %s", gj, wj)
	}
}

func hex(b []byte) string {
	const d = "0123456789abcdef"
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i], out[2*i+1] = d[c>>4], d[c&15]
	}
	return string(out)
}

func BenchmarkCompute896(b *testing.B) {
	h := make([]float32, 896)
	for i := range h {
		h[i] = float32(math.Sin(float64(i)))
	}
	r := NewCoefficients([32]byte{})
	for i := 0; i < b.N; i++ {
		_ = Compute(h, r)
	}
}

func TestOfAndRequest(t *testing.T) {
	r := NewCoefficients([32]byte{3})
	if c := r.Request(); [TopK]int8(*c) != [TopK]int8(r) {
		t.Fatalf("Request %v, want %v", *c, r)
	}
	h := [][]float32{{1, -2, 3}, {0.5, 8, -0.25}}
	for i := range h {
		if got, want := Of(nil, h, i, r), Compute(h[i], r); got != want {
			t.Fatalf("row %d from hidden: %d, want %d", i, got, want)
		}
	}
	// A backend's sketches win; hidden states may then be absent.
	if got := Of([]uint32{7, 9}, nil, 1, r); got != 9 {
		t.Fatalf("backend sketch: got %d, want 9", got)
	}
}
