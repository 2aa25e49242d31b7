package proofs

import (
	"context"
	"errors"
	"testing"

	"github.com/assaynet/assay/model"
)

// deviceStats stands in for a GPU backend: it answers Step.Stats itself
// (from the CPU engine's logits, which it then withholds, as a device keeps
// them) and counts the passes and the steps each carried.
type deviceStats struct {
	*model.CPU
	passes []int
}

func (d *deviceStats) StatsOnDevice(model.Sampling) bool { return true }

func (d *deviceStats) Forward(ctx context.Context, steps []model.Step) ([]model.Output, error) {
	d.passes = append(d.passes, len(steps))
	outs, err := d.CPU.Forward(ctx, steps)
	if err != nil {
		return nil, err
	}
	for i, s := range steps {
		if s.Stats == nil {
			continue
		}
		for r, tok := range s.Stats {
			var st model.PositionStats
			if tok >= 0 {
				st = model.StatsAt(outs[i].Logits[r], s.Sampling, tok)
			}
			outs[i].Stats = append(outs[i].Stats, st)
		}
		outs[i].Logits = nil
	}
	return outs, nil
}

// TestVerifyAllBatched: batched passes with statistics from the backend
// give each record the outcome Verify gives it alone on the CPU engine, and
// the sample stops at its first failure (model-free or not).
func TestVerifyAllBatched(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	cpu, err := model.NewCPU(f.ck, model.CPUConfig{Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	dev := &deviceStats{CPU: cpu}
	bv := *f.verifier
	bv.Backend = dev
	var items []Item
	longest := 0
	for _, g := range f.groups {
		for _, r := range g {
			items = append(items, Item{r, g})
			longest = max(longest, len(r.Prompt)+len(r.Completion))
		}
	}
	bv.BatchRows = longest + 30 // a prompt and a few completions a batch
	check := func(name string, items []Item, wantLen int, wantErr error) {
		t.Helper()
		dev.passes = nil
		got := bv.VerifyAll(context.Background(), items)
		if len(got) != wantLen {
			t.Fatalf("%s: %d outcomes, want %d", name, len(got), wantLen)
		}
		for i, o := range got {
			res, err := f.verifier.Verify(context.Background(), items[i].Rec, items[i].Group)
			if (err == nil) != (o.Err == nil) || err != nil && Reason(err) != Reason(o.Err) {
				t.Fatalf("%s: item %d: batched %v, alone %v", name, i, o.Err, err)
			}
			if err == nil && o.Result != res {
				t.Fatalf("%s: item %d: batched %+v, alone %+v", name, i, o.Result, res)
			}
		}
		if last := got[len(got)-1].Err; (wantErr == nil) != (last == nil) || wantErr != nil && !errors.Is(last, wantErr) {
			t.Fatalf("%s: last outcome %v, want %v", name, last, wantErr)
		}
		t.Logf("%s: %d outcomes in passes of %v steps", name, len(got), dev.passes)
	}
	check("honest", items, len(items), nil)
	// Two passes a batch (the prompts, then the records).
	if len(dev.passes) >= 2*len(items) || len(dev.passes) < 4 {
		t.Fatalf("%d passes for %d records: not batched under a %d-row budget", len(dev.passes), len(items), bv.BatchRows)
	}

	// A re-signed record whose log-probabilities were halved, in the middle.
	g := cloneGroup(f.groups[1])
	for k := range g[2].LogProbs {
		g[2].LogProbs[k] /= 2
	}
	resign(t, f, g, f.key)
	bad := append(append([]Item(nil), items[:6]...), Item{g[2], g})
	bad = append(bad, items[6:]...)
	check("logprob failure", bad, 7, ErrLogProb)

	// A forged signature: a model-free failure ends the sample after the
	// records before it are judged.
	g = cloneGroup(f.groups[2])
	g[0].Signature[10] ^= 1
	bad = append(append([]Item(nil), items[:5]...), Item{g[0], g})
	bad = append(bad, items[5:]...)
	check("signature failure", bad, 6, ErrSignature)

	// On a backend without the ability the logits come to the host, and a
	// batch is as large as 256 MiB of them: the tiny model's whole sample,
	// its group's prompt prefilled once.
	dev.passes = nil
	plain := *f.verifier
	plain.Backend = &struct{ model.Backend }{dev}
	if out := plain.VerifyAll(context.Background(), items[:4]); len(out) != 4 || len(dev.passes) != 2 || dev.passes[0] != 1 {
		t.Fatalf("without StatsOnDevice: %d outcomes in passes of %v steps, want 4 in [1 4]", len(out), dev.passes)
	}
}

// TestProverGroupsBatched: problems generated together with continuous
// batching are the records Group gives one problem at a time.
func TestProverGroupsBatched(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	var got [][]*Record
	err := f.prover.Groups(context.Background(), 0, 2*f.params.GroupSize+1, func(j uint64) bool { return j < uint64(len(f.groups)) },
		func(j uint64, recs []*Record) error {
			if int(j) != len(got) {
				t.Fatalf("problem %d handed over after %d", j, len(got))
			}
			got = append(got, recs)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(f.groups) {
		t.Fatalf("%d problems, want %d", len(got), len(f.groups))
	}
	for j := range got {
		for i := range got[j] {
			if !got[j][i].Equal(f.groups[j][i]) {
				t.Fatalf("problem %d rollout %d differs from Group's", j, i)
			}
		}
	}
}
