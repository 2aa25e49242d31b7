package model

import (
	"context"
	"math"
	"slices"
	"testing"
)

// fingerprinter stands in for a backend that sketches on its device: for
// steps that ask, it returns one number per hidden row (its first value's
// bits, with the coefficients mixed in) and no hidden states.
type fingerprinter struct{ Backend }

func fingerprint(h []float32, c *SketchCoefficients) uint32 {
	return math.Float32bits(h[0]) ^ uint32(uint8(c[0]))
}

func (f fingerprinter) Forward(ctx context.Context, steps []Step) ([]Output, error) {
	outs, err := f.Backend.Forward(ctx, steps)
	for i, s := range steps {
		if err != nil || s.Sketch == nil {
			continue
		}
		for _, h := range outs[i].Hidden {
			outs[i].Sketches = append(outs[i].Sketches, fingerprint(h, s.Sketch))
		}
		outs[i].Hidden = nil
	}
	return outs, err
}

// TestGenerateSketches: with GenerateConfig.Sketch, a rollout carries the
// backend's sketches where the backend computes them and the hidden states
// (for the caller to sketch) where it does not, in both cases for the same
// positions, and the tokens do not change.
func TestGenerateSketches(t *testing.T) {
	_, cpu, _, _ := openTiny(t)
	coeffs := &SketchCoefficients{5}
	prompt := []int{3, 4, 5, 6}
	gen := func(b Backend, hidden bool, sk *SketchCoefficients) []Rollout {
		rs, err := GenerateGroup(t.Context(), b, prompt, 3, GenerateConfig{MaxNewTokens: 6, Sampling: Sampling{Temperature: 1}, Hidden: hidden, Sketch: sk}, hfUniform)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	plain := gen(cpu, true, nil)
	for _, tc := range []struct {
		name         string
		b            Backend
		hidden       bool
		wantHidden   bool
		wantSketches bool
	}{
		{"host backend", cpu, false, true, false},
		{"device backend", fingerprinter{cpu}, false, false, true},
		{"device backend, hidden asked", fingerprinter{cpu}, true, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i, r := range gen(tc.b, tc.hidden, coeffs) {
				want := plain[i]
				if !slices.Equal(r.Tokens, want.Tokens) {
					t.Fatalf("rollout %d: tokens %v, want %v", i, r.Tokens, want.Tokens)
				}
				if (r.Hidden != nil) != tc.wantHidden || (r.Sketches != nil) != tc.wantSketches {
					t.Fatalf("rollout %d: hidden %v, sketches %v", i, r.Hidden != nil, r.Sketches != nil)
				}
				for k := range r.Tokens {
					if tc.wantHidden && !slices.Equal(r.Hidden[k], want.Hidden[k]) {
						t.Fatalf("rollout %d position %d: hidden state differs", i, k)
					}
					if tc.wantSketches && r.Sketches[k] != fingerprint(want.Hidden[k], coeffs) {
						t.Fatalf("rollout %d position %d: sketch of another position", i, k)
					}
				}
			}
		})
	}
}
