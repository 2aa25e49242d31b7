package calibrate

import (
	"context"
	"crypto/sha256"
	"math"
	"testing"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/sketch"
)

// TestForgeryCheatsCaught runs the cheat experiments on the generated tiny
// model and pins their order of magnitude: every token cheat is caught at a
// substantial rate per position, and no sketch cheat but the near-model
// ones passes K opened positions with a probability above 1e-6.
func TestForgeryCheatsCaught(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 14 experiments on the CPU engine")
	}
	ck := tinyCheckpoint(t)
	p := proofs.DefaultParams
	rep, err := Forgery(context.Background(), ForgeryConfig{
		Right: cpu(t, ck, model.CPUConfig{}), Checkpoint: ck, Groups: 2, Group: 8, MaxNew: 32, PromptLen: 16,
		K: p.K, Margin: p.SamplingMargin, SketchTol: sketch.Tolerance, Sampling: model.Sampling{Temperature: 1},
		Seed: sha256.Sum256([]byte("forgery-test")),
	})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]ForgeryRow{}
	for _, r := range rep.Rows {
		rows[r.Cheat] = r
		t.Logf("%-36s %-7s caught %.4f per position, rollout passes %.3g (model %.3g)", r.Cheat, r.Check, r.PerPosition, r.RolloutPass, r.RolloutPassModel)
	}
	for cheat, minRate := range map[string]float64{
		"tokens from int4 model": 0.05, "greedy decoding": 0.05, "temperature 1.3": 0.05,
		"temperature 0.7": 0.05, "top-k 50": 0.01, "random sketch": 0.999, "constant-0 sketch": 0.9,
		"sketch copied from another rollout": 0.9, "sketch of the previous position": 0.9,
	} {
		r, ok := rows[cheat]
		if !ok {
			t.Errorf("cheat %q not run", cheat)
			continue
		}
		if r.PerPosition < minRate {
			t.Errorf("%s: caught at %.4f of positions, want ≥ %g", cheat, r.PerPosition, minRate)
		}
		if r.RolloutPass > 0 {
			t.Errorf("%s: %.3g of rollouts passed", cheat, r.RolloutPass)
		}
	}
	// A forced prefix is caught exactly at the forced positions that are
	// not what the sampler picks; the rest of the rollout is honest.
	if r := rows["forced 4-token prefix"]; r.PerPosition > 4.0/32+1e-9 || r.PerPosition == 0 {
		t.Errorf("forced prefix: caught %.4f of positions, want (0, 4/32]", r.PerPosition)
	}
	if rep.Candidates < 1 || rep.Candidates > 1.5 {
		t.Errorf("margin freedom %.4f candidates per position", rep.Candidates)
	}
}

// TestRandomSketchBound checks the analytic pass probability of a random
// sketch, (2·tol+1)/P per position, by simulation: twenty million random
// sketches against fixed targets.
func TestRandomSketchBound(t *testing.T) {
	n := 20_000_000
	if testing.Short() {
		n = 2_000_000
	}
	s := challenge.NewStream(challenge.PRF32("random-sketch-bound"))
	tol := sketch.Tolerance(0)
	pass := 0
	for i := 0; i < n; i++ {
		target := uint32(s.Below(sketch.P))
		if sketch.Distance(uint32(s.Below(sketch.P)), target) <= tol {
			pass++
		}
	}
	p := float64(2*tol+1) / sketch.P
	mean := p * float64(n)
	// Poisson: a count above mean + 6·√mean + 6 has probability < 1e-6.
	if float64(pass) > mean+6*math.Sqrt(mean)+6 {
		t.Errorf("%d of %d random sketches passed; analytic %.3g per position predicts %.2f", pass, n, p, mean)
	}
	t.Logf("random sketch: %d passes in %d trials (analytic %.3g per position, %.2f expected); K=%d opened positions: %.3g per rollout",
		pass, n, p, mean, proofs.DefaultParams.K, math.Pow(p, float64(proofs.DefaultParams.K)))
}
