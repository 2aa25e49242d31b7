package sketch_test

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/sketch"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

// The vectors pin both halves of the protocol's sketch: the coefficients a
// window seed derives (challenge.SketchCoefficients) and the sketch of a
// hidden state under them.
type vector struct {
	Seed   string   `json:"window_seed_hex"`
	Coeffs []int8   `json:"coefficients"`
	Hidden []uint32 `json:"hidden_f32_bits"`
	Top    []int    `json:"top"`
	Sketch uint32   `json:"sketch"`
	// Alternatives are the sketch set's other members (§7.2, check v3),
	// in its order; none without a near tie at the top 16's edge.
	Alternatives []uint32 `json:"alternatives"`
}

func TestVectors(t *testing.T) {
	var got []vector
	for k := 0; k < 5; k++ {
		seed := challenge.PRF32("vector/sketch", challenge.U64(uint64(k)))
		s := challenge.NewStream(seed)
		h := make([]float32, 24)
		for i := range h {
			h[i] = float32((s.Float64()*2 - 1) * math.Pow(4, float64(s.Below(5))-2))
		}
		if k == 2 {
			h[3], h[7], h[11] = 0, float32(math.Inf(-1)), float32(math.NaN())
		}
		if k >= 3 {
			idx := make([]int, len(h))
			for i := range idx {
				idx[i] = i
			}
			sort.SliceStable(idx, func(a, b int) bool { return math.Abs(float64(h[idx[a]])) > math.Abs(float64(h[idx[b]])) })
			if k == 3 { // a near tie: rank 17 at rank 16's magnitude times 1 − 2^-11
				h[idx[16]] = float32(math.Copysign(math.Abs(float64(h[idx[15]]))*(1-1.0/2048), float64(h[idx[16]])))
			} else { // a five-way near tie: ranks 15–18 at rank 14's times 1 − j·2^-13
				m14 := math.Abs(float64(h[idx[13]]))
				for j := 1; j <= 4; j++ {
					h[idx[13+j]] = float32(math.Copysign(m14*(1-float64(j)/8192), float64(h[idx[13+j]])))
				}
			}
		}
		r := challenge.SketchCoefficients(seed)
		bits := make([]uint32, len(h))
		for i, v := range h {
			bits[i] = math.Float32bits(v)
		}
		set := sketch.Of(h, r)
		alts := append([]uint32{}, set.Alternatives()...) // [] rather than null in the file
		if want := []int{0, 0, 0, 1, 6}[k]; len(alts) != want {
			t.Fatalf("vector %d: %d alternatives, want %d", k, len(alts), want)
		}
		got = append(got, vector{Seed: hex(seed[:]), Coeffs: r[:], Hidden: bits, Top: sketch.Top(h), Sketch: set.Sketch, Alternatives: alts})
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
