package proofs

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/sketch"
)

// deviceSketcher stands in for a backend that computes sketches where the
// hidden states live (the CUDA backend): for steps that ask, it returns
// Output.Sketches (plus skew) and no hidden states.
type deviceSketcher struct {
	model.Backend
	skew uint32
}

func (d deviceSketcher) Forward(ctx context.Context, steps []model.Step) ([]model.Output, error) {
	outs, err := d.Backend.Forward(ctx, steps)
	if err != nil {
		return nil, err
	}
	for i, s := range steps {
		if s.Sketch == nil {
			continue
		}
		outs[i].Sketches, outs[i].SketchSets = nil, nil // sketches only: the verifier falls back to sketch.Single
		for _, h := range outs[i].Hidden {
			outs[i].Sketches = append(outs[i].Sketches, (sketch.Compute(h, *s.Sketch)+d.skew)%sketch.P)
		}
		outs[i].Hidden = nil
	}
	return outs, nil
}

// TestBackendSketches checks that prover and verifier take the sketches a
// backend computed (and never need its hidden states then): honest records
// come out byte-identical and verify, and a backend whose sketches are off
// is caught on both sides.
func TestBackendSketches(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	p := *f.prover
	p.Backend = deviceSketcher{Backend: f.prover.Backend}
	g, err := p.Group(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range g {
		if !g[i].Equal(f.groups[1][i]) {
			t.Fatalf("rollout %d from backend sketches differs from the host-sketched record", i)
		}
	}
	v := *f.verifier
	v.Backend = deviceSketcher{Backend: f.verifier.Backend}
	for _, r := range f.groups[0] {
		res, err := v.Verify(context.Background(), r, f.groups[0])
		if err != nil {
			t.Fatalf("honest rollout rejected with backend sketches: %v", err)
		}
		if res.MaxSketchDist != 0 || res.SketchesOpened == 0 {
			t.Fatalf("sketch distance %d over %d opened positions", res.MaxSketchDist, res.SketchesOpened)
		}
	}
	// The verifier reads the backend's sketches: skewed ones reject.
	v.Backend = deviceSketcher{Backend: f.verifier.Backend, skew: 1000}
	if _, err := v.Verify(context.Background(), f.groups[0][0], f.groups[0]); !errors.Is(err, ErrSketch) {
		t.Fatalf("skewed backend sketches: got %v, want ErrSketch", err)
	}
	// And so does the prover.
	p.Backend = deviceSketcher{Backend: f.prover.Backend, skew: 1000}
	g, err = p.Group(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if g[0].Sketches[0] == f.groups[1][0].Sketches[0] {
		t.Fatal("prover ignored the backend's sketches")
	}
}

// BenchmarkCheckPositions is the verifier's per-position work on a
// Qwen-sized vocabulary (64 positions × 151,936 logits); -cpu 1,2,… shows
// how it spreads over cores.
func BenchmarkCheckPositions(b *testing.B) {
	const n, V = 64, 151936
	rng := rand.New(rand.NewPCG(1, 1))
	logits := make([][]float32, n)
	tokens := make([]uint32, n)
	for t := range logits {
		logits[t] = make([]float32, V)
		for i := range logits[t] {
			logits[t][i] = float32(rng.NormFloat64() * 3)
		}
		tokens[t] = uint32(rng.IntN(V))
	}
	s := model.Sampling{Temperature: 1}
	for b.Loop() {
		if _, err := checkPositions(context.Background(), logits, tokens, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "positions/s")
}
