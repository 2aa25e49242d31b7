package calibrate

import (
	"context"
	"crypto/sha256"
	"math"
	"strings"
	"testing"

	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/sketch"
)

// TestExplainSwap: a planted swap at the top 16's edge is reported with
// each index's rank on both sides.
func TestExplainSwap(t *testing.T) {
	chk := make([]float32, 40)
	for i := range chk {
		chk[i] = float32(100 - i) // index i has rank i+1
	}
	gen := append([]float32(nil), chk...)
	gen[15], gen[17] = 82.5, -84.5 // index 15 drops to rank 18, index 17 rises to 16
	e := explain(gen, chk)
	if len(e.OnlyGen) != 1 || e.OnlyGen[0].Index != 17 || e.OnlyGen[0].GenRank != 16 || e.OnlyGen[0].ChkRank != 18 {
		t.Errorf("only in the generator's top 16: %+v", e.OnlyGen)
	}
	if len(e.OnlyChk) != 1 || e.OnlyChk[0].Index != 15 || e.OnlyChk[0].ChkRank != 16 || e.OnlyChk[0].GenRank != 18 {
		t.Errorf("only in the checker's top 16: %+v", e.OnlyChk)
	}
	if len(e.Chk) != 24 || e.Chk[0].Index != 0 || e.Chk[23].Index != 23 {
		t.Errorf("checker ranks: %+v", e.Chk)
	}
	if want := 2.5 / 85; math.Abs(e.MaxRelDrift-want) > 1e-12 { // index 15: 85 → 82.5
		t.Errorf("max relative drift %g", e.MaxRelDrift)
	}
	var b strings.Builder
	WriteExplanations(&b, []Explanation{e})
	if !strings.Contains(b.String(), "index 17, ranks gen 16 / chk 18") {
		t.Errorf("printed:\n%s", b.String())
	}
}

// TestRunExplains: bf16 activations against the exact engine reject
// sketches; with Explain each rejected sketch gets an explanation, and
// OnlyBatch keeps the other batch size out.
func TestRunExplains(t *testing.T) {
	ck := tinyCheckpoint(t)
	two := Backend{Name: "cpu@2", Backend: cpu(t, ck, model.CPUConfig{Threads: 2})}
	ref := Backend{Name: "bf16", Backend: cpu(t, ck, model.CPUConfig{Threads: 2, BF16Activations: true}), Reference: true}
	p := proofs.DefaultParams
	rep, err := Run(context.Background(), Config{
		Generators: []Backend{ref}, Checkers: []Backend{two},
		Batches: []int{1, 4}, Rollouts: 32, MaxNew: 16, PromptMin: 4, PromptMax: 20,
		Sampling: model.Sampling{Temperature: 1}, Seed: sha256.Sum256([]byte("t")),
		Margin: p.SamplingMargin, LogProbTol: p.LogProbTol, SketchTol: sketch.Tolerance,
		Explain: true, OnlyBatch: 4,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pairs) != 1 || rep.Pairs[0].Batch != 4 {
		t.Fatalf("pairs %+v, want batch 4 only", rep.Pairs)
	}
	bad := 0
	for _, s := range rep.Pairs[0].Samples {
		if s.SketchDist > sketch.Tolerance(s.Pos) {
			bad++
		}
	}
	if bad == 0 {
		t.Fatal("bf16 activations never broke a sketch: nothing to explain")
	}
	if len(rep.Explanations) != bad {
		t.Fatalf("%d explanations for %d rejected sketches", len(rep.Explanations), bad)
	}
	for _, e := range rep.Explanations {
		if e.Batch != 4 || e.Committed == e.Sketch || len(e.OnlyGen) != len(e.OnlyChk) || e.MaxRelDrift == 0 {
			t.Errorf("explanation %+v", e)
		}
		for i := 1; i < len(e.Chk); i++ {
			if e.Chk[i].Mag > e.Chk[i-1].Mag {
				t.Fatalf("checker ranks out of order: %+v", e.Chk)
			}
		}
	}
}
