package calibrate

import (
	"context"
	"crypto/sha256"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/sketch"
)

func tinyCheckpoint(t *testing.T) *model.Checkpoint {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := model.Init(model.InitConfig{Preset: "tiny", Out: dir}); err != nil {
		t.Fatal(err)
	}
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ck.Close() })
	return ck
}

func cpu(t *testing.T, ck *model.Checkpoint, cc model.CPUConfig) model.Backend {
	b, err := model.NewCPU(ck, cc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRunHonestAndReference: CPU thread counts are bit-identical (zero
// drift, nothing rejected); the bf16-activation reference drifts and is
// rejected, and is kept out of the honest totals.
func TestRunHonestAndReference(t *testing.T) {
	ck := tinyCheckpoint(t)
	one := Backend{Name: "cpu@1", Backend: cpu(t, ck, model.CPUConfig{Threads: 1})}
	two := Backend{Name: "cpu@2", Backend: cpu(t, ck, model.CPUConfig{Threads: 2})}
	ref := Backend{Name: "bf16", Backend: cpu(t, ck, model.CPUConfig{Threads: 2, BF16Activations: true}), Reference: true}
	p := proofs.DefaultParams
	rep, err := Run(context.Background(), Config{
		Generators: []Backend{one, two}, Checkers: []Backend{one, two, ref},
		Batches: []int{1, 4}, Rollouts: 8, MaxNew: 12, PromptMin: 4, PromptMax: 20,
		Sampling: model.Sampling{Temperature: 1}, Seed: sha256.Sum256([]byte("t")),
		Margin: p.SamplingMargin, LogProbTol: p.LogProbTol, SketchTol: sketch.Tolerance,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pairs) != 8 {
		t.Fatalf("%d pairs, want 2 generators × 2 checkers × 2 batch sizes", len(rep.Pairs))
	}
	if rep.HonestRejected != 0 || rep.HonestRollouts != 16 || rep.HonestPositions == 0 {
		t.Errorf("honest totals: %d rollouts, %d positions, %d rejected", rep.HonestRollouts, rep.HonestPositions, rep.HonestRejected)
	}
	refRejected := 0
	for _, pr := range rep.Pairs {
		if pr.Reference {
			refRejected += pr.Rejected
			if pr.MaxLogProb == 0 {
				t.Errorf("%s → %s: bf16 activations show no drift", pr.Generator, pr.Checker)
			}
			continue
		}
		if pr.MaxLogProb != 0 || pr.MaxSketch != 0 || pr.MinSlack <= 0 {
			t.Errorf("%s → %s batch %d: CPU thread counts drift (logprob %g, sketch %d, slack %g)", pr.Generator, pr.Checker, pr.Batch, pr.MaxLogProb, pr.MaxSketch, pr.MinSlack)
		}
		if len(pr.ByPosition) != 2 || pr.ByPosition[0].Positions == 0 {
			t.Errorf("by-position buckets: %+v", pr.ByPosition)
		}
	}
	if refRejected == 0 {
		t.Error("the bf16 reference was never rejected")
	}
	png1 := filepath.Join(t.TempDir(), "drift.png")
	if err := Plot(rep, p.LogProbTol, png1); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(png1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil || img.Bounds().Dx() < 400 {
		t.Fatalf("plot: %v", err)
	}
	if err := WriteTable(new(discard), rep); err != nil {
		t.Fatal(err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func TestRunRejectsBadConfig(t *testing.T) {
	if _, err := Run(context.Background(), Config{}); err == nil {
		t.Error("empty config accepted")
	}
}
