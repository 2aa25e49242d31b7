package grpo

import (
	"errors"
	"math"
	"testing"
)

// The expected values were computed independently in Python (float64 math,
// rounded to float32 with struct.pack).
func TestAdvantages(t *testing.T) {
	tests := []struct {
		name    string
		rewards []float32
		want    []float32
	}{
		{"empty", nil, []float32{}},
		{"single", []float32{0.7}, []float32{0}},
		{"all equal", []float32{0.1, 0.1, 0.1, 0.1}, []float32{0, 0, 0, 0}},
		{"binary half", []float32{1, 0, 1, 0}, []float32{0.999997973, -0.999997973, 0.999997973, -0.999997973}},
		{"one of four", []float32{1, 0, 0, 0}, []float32{1.73204684, -0.577348948, -0.577348948, -0.577348948}},
	}
	for _, tt := range tests {
		got, err := Advantages(tt.rewards)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != len(tt.want) {
			t.Fatalf("%s: len %d", tt.name, len(got))
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s[%d] = %.9g, want %.9g", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}

func TestAdvantagesSumToZeroAndFinite(t *testing.T) {
	r := make([]float32, 16)
	for i := range r {
		r[i] = float32(i*i%7) / 7
	}
	a, err := Advantages(r)
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, x := range a {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			t.Fatal("non-finite advantage")
		}
		sum += float64(x)
	}
	if math.Abs(sum) > 1e-5 {
		t.Fatalf("advantages sum to %g", sum)
	}
}

func TestAdvantagesRejectNonFinite(t *testing.T) {
	for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1))} {
		if _, err := Advantages([]float32{0, bad}); !errors.Is(err, ErrBadReward) {
			t.Fatalf("%v accepted: %v", bad, err)
		}
	}
}
