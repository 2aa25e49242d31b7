package model

import (
	"context"
	"errors"
	"fmt"
	"github.com/assaynet/assay/internal/atomicfile"
	"github.com/assaynet/assay/model/tokenizer"
	"testing"
)

// passCounter records the steps of every pass and how many were prefills.
type passCounter struct {
	Backend
	steps, prefills []int
}

func (p *passCounter) Forward(ctx context.Context, steps []Step) ([]Output, error) {
	n := 0
	for _, s := range steps {
		if len(s.Tokens) > 1 {
			n++
		}
	}
	p.steps, p.prefills = append(p.steps, len(steps)), append(p.prefills, n)
	return p.Backend.Forward(ctx, steps)
}

// TestGenerateGroupsContinuous: groups generated with continuous batching
// (rollouts of several groups in one pass, new prompts prefilled beside
// decode steps, slots refilled as rollouts end at different lengths) are
// each what GenerateGroup gives alone, delivered in order; Next ends the
// run, a Done error stops it, a cancelled context stops it with the
// delivered groups kept.
func TestGenerateGroupsContinuous(t *testing.T) {
	_, cpu, tk, _ := openTiny(t)
	var eos []int
	for i := 0; i < cpu.Config().VocabSize/10; i++ {
		eos = append(eos, i*10) // about one token in ten ends a rollout
	}
	gc := GenerateConfig{MaxNewTokens: 20, Sampling: Sampling{Temperature: 1}, EOS: eos, Hidden: true}
	const groups, n = 6, 4
	req := func(j int) GroupRequest {
		return GroupRequest{Prompt: tk.Encode(fmt.Sprintf("problem %d: x%d or not x%d", j, j, j+1)), N: n,
			U: func(i, t int) float64 { return hfUniform(i+n*j, t) }}
	}
	pc := &passCounter{Backend: cpu}
	var got [][]Rollout
	err := GenerateGroups(t.Context(), pc, ScheduleConfig{GenerateConfig: gc, MaxSequences: 10,
		Next: func(j int) (GroupRequest, bool) { return req(j), j < groups },
		Done: func(j int, rs []Rollout) error {
			if j != len(got) {
				t.Fatalf("group %d delivered after %d groups", j, len(got))
			}
			got = append(got, rs)
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != groups {
		t.Fatalf("%d groups, want %d", len(got), groups)
	}
	lengths := map[int]bool{}
	for j := range got {
		alone, err := GenerateGroup(t.Context(), cpu, req(j).Prompt, n, gc, req(j).U)
		if err != nil {
			t.Fatal(err)
		}
		for i := range alone {
			a, b := alone[i], got[j][i]
			if fmt.Sprint(a.Tokens, a.LogProbs, a.SampleLogProbs, a.Margins, a.Hidden, a.Stop) != fmt.Sprint(b.Tokens, b.LogProbs, b.SampleLogProbs, b.Margins, b.Hidden, b.Stop) {
				t.Fatalf("group %d rollout %d differs from the group generated alone", j, i)
			}
			lengths[len(b.Tokens)] = true
		}
	}
	mixed := false
	for k := range pc.steps {
		mixed = mixed || pc.prefills[k] > 0 && pc.steps[k] > pc.prefills[k]
		if pc.steps[k] > 10 {
			t.Fatalf("pass %d carried %d steps over the 10-sequence bound", k, pc.steps[k])
		}
	}
	if !mixed || len(lengths) < 3 {
		t.Fatalf("no pass mixed a prefill with decode steps (%v) or too few rollout lengths %v: the test exercises nothing", pc.steps, lengths)
	}
	t.Logf("%d passes, steps per pass %v, rollout lengths %d kinds", len(pc.steps), pc.steps, len(lengths))

	stop := errors.New("stop")
	err = GenerateGroups(t.Context(), cpu, ScheduleConfig{GenerateConfig: gc, MaxSequences: 8,
		Next: func(j int) (GroupRequest, bool) { return req(j), true },
		Done: func(j int, rs []Rollout) error {
			if j == 2 {
				return stop
			}
			return nil
		},
	})
	if !errors.Is(err, stop) {
		t.Fatalf("Done's error: got %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	delivered := 0
	err = GenerateGroups(ctx, cpu, ScheduleConfig{GenerateConfig: gc, MaxSequences: 8,
		Next: func(j int) (GroupRequest, bool) { return req(j), true },
		Done: func(j int, rs []Rollout) error {
			delivered++
			if j == 1 {
				cancel()
			}
			return nil
		},
	})
	// Groups that finished in the same pass as group 1 are delivered too.
	if !errors.Is(err, context.Canceled) || delivered < 2 {
		t.Fatalf("cancelled: %v after %d groups, want context.Canceled after at least 2", err, delivered)
	}
	// A group that cannot fit is refused, not waited for.
	err = GenerateGroups(t.Context(), cpu, ScheduleConfig{GenerateConfig: gc, MaxSequences: 3,
		Next: func(j int) (GroupRequest, bool) { return req(j), true },
		Done: func(int, []Rollout) error { return nil },
	})
	if err == nil {
		t.Fatal("a group of 4 under a 3-sequence bound was accepted")
	}
}

// TestPresetTokenizerCoversVocabulary: a preset whose vocabulary is larger
// than its tokenizer's merges reach pads the tokenizer with reserved
// entries, so every id a random model samples decodes, and encoding never
// produces them.
func TestPresetTokenizerCoversVocabulary(t *testing.T) {
	js, vocab := generatedTokenizerJSON(300, 5000)
	if len(vocab) != 5000 {
		t.Fatalf("%d ids, want 5000", len(vocab))
	}
	dir := t.TempDir()
	if err := atomicfile.WriteBytes(dir+"/tokenizer.json", 0o644, js); err != nil {
		t.Fatal(err)
	}
	tk, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	text, err := tk.Decode([]int{4999, 10, 2500}, true)
	if err != nil || text == "" {
		t.Fatalf("decode of reserved ids: %q, %v", text, err)
	}
	for _, id := range tk.Encode("x <reserved_4999> y " + text) {
		if id >= 300 {
			t.Fatalf("encoding produced reserved id %d", id)
		}
	}
}
