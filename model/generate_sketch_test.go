package model

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/assaynet/assay/sketch"
)

// fingerprinter stands in for a backend that sketches on its device: for
// steps that ask, it returns its own number per hidden row (its first
// value's bits, with the coefficients mixed in) and no hidden states.
type fingerprinter struct{ Backend }

func fingerprint(h []float32, c *sketch.Coefficients) uint32 {
	return math.Float32bits(h[0]) ^ uint32(uint8(c[0]))
}

func (f fingerprinter) Forward(ctx context.Context, steps []Step) ([]Output, error) {
	outs, err := f.Backend.Forward(ctx, steps)
	for i, s := range steps {
		if err != nil || s.Sketch == nil {
			continue
		}
		outs[i].Sketches = nil
		for _, h := range outs[i].Hidden {
			outs[i].Sketches = append(outs[i].Sketches, fingerprint(h, s.Sketch))
		}
		outs[i].Hidden = nil
	}
	return outs, err
}

// TestGenerateSketches: with GenerateConfig.Sketch, every rollout carries
// the backend's sketch of each completion position — the CPU engine
// computes sketch.Compute of the hidden state itself, a device backend its
// own —, hidden states only when asked (and returned), and the tokens do
// not change.
func TestGenerateSketches(t *testing.T) {
	_, cpu, _, _ := openTiny(t)
	coeffs := &sketch.Coefficients{5, -3, 127, -127, 1}
	prompt := []int{3, 4, 5, 6}
	gen := func(b Backend, hidden bool, sk *sketch.Coefficients) []Rollout {
		rs, err := GenerateGroup(t.Context(), b, prompt, 3, GenerateConfig{MaxNewTokens: 6, Sampling: Sampling{Temperature: 1}, Hidden: hidden, Sketch: sk}, hfUniform)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	plain := gen(cpu, true, nil)
	cpuSketch := func(h []float32) uint32 { return sketch.Compute(h, *coeffs) }
	devSketch := func(h []float32) uint32 { return fingerprint(h, coeffs) }
	for _, tc := range []struct {
		name       string
		b          Backend
		hidden     bool
		wantHidden bool
		want       func([]float32) uint32
	}{
		{"cpu engine", cpu, false, false, cpuSketch},
		{"cpu engine, hidden asked", cpu, true, true, cpuSketch},
		{"device backend", fingerprinter{cpu}, false, false, devSketch},
		{"device backend, hidden asked", fingerprinter{cpu}, true, false, devSketch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i, r := range gen(tc.b, tc.hidden, coeffs) {
				want := plain[i]
				if !slices.Equal(r.Tokens, want.Tokens) {
					t.Fatalf("rollout %d: tokens %v, want %v", i, r.Tokens, want.Tokens)
				}
				if (r.Hidden != nil) != tc.wantHidden || len(r.Sketches) != len(r.Tokens) {
					t.Fatalf("rollout %d: hidden %v, %d sketches for %d tokens", i, r.Hidden != nil, len(r.Sketches), len(r.Tokens))
				}
				for k := range r.Tokens {
					if tc.wantHidden && !slices.Equal(r.Hidden[k], want.Hidden[k]) {
						t.Fatalf("rollout %d position %d: hidden state differs", i, k)
					}
					if r.Sketches[k] != tc.want(want.Hidden[k]) {
						t.Fatalf("rollout %d position %d: sketch %d, want %d", i, k, r.Sketches[k], tc.want(want.Hidden[k]))
					}
				}
			}
		})
	}
	if rs := gen(cpu, false, nil); rs[0].Sketches != nil {
		t.Fatal("sketches returned without being asked for")
	}
}
