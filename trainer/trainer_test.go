// Package trainer holds the reference trainer, grpo.py (PyTorch: the
// language of the trainers users run), and this test, which runs it
// against records the Go engine generated.
package trainer

import (
	"bytes"
	"context"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/env/story"
	"github.com/assaynet/assay/export"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/proofs"
)

// python is a python3 that imports torch; without one the test skips.
func python(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("PYTHON"), "python3", "/usr/bin/python3"} {
		if p == "" {
			continue
		}
		if err := exec.Command(p, "-c", "import torch").Run(); err == nil {
			return p
		}
	}
	t.Skip("no python3 with PyTorch (Debian: apt-get install python3-torch libopenblas0-pthread; .ci/run installs it)")
	return ""
}

// rollouts generates groups with the Go engine and gives them synthetic
// advantages (+1 for even rollouts, −1 for odd), so the test knows which
// completions an update must make likelier whatever a random model scores.
func rollouts(t *testing.T, m *network.Model) []export.Row {
	t.Helper()
	key, _ := crypto.GenerateKey()
	p := proofs.DefaultParams
	p.MaxNewTokens = 16
	pr := &proofs.Prover{Backend: m.Backend, Tokenizer: m.Tokenizer, Env: story.New(), Params: p, ModelID: m.ID, EOS: m.EOS,
		Key: key, Window: 1}
	var rows []export.Row
	for j := range uint64(4) {
		recs, err := pr.Group(context.Background(), j)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			h := r.Hash()
			adv := float32(1)
			if r.Rollout%2 == 1 {
				adv = -1
			}
			rows = append(rows, export.Row{Window: 1, Problem: r.Problem, Rollout: r.Rollout, ModelID: hex.EncodeToString(r.ModelID[:]),
				PromptIDs: i32(r.Prompt), CompletionIDs: i32(r.Completion), LogProbs: r.LogProbs, Advantage: adv,
				RecordHash: hex.EncodeToString(h[:])})
		}
	}
	return rows
}

func i32(ts []uint32) []int32 {
	out := make([]int32, len(ts))
	for i, t := range ts {
		out[i] = int32(t)
	}
	return out
}

// logProb is Σ log p(completion | prompt) under m, by the Go engine.
func logProb(t *testing.T, m *network.Model, r export.Row) float64 {
	t.Helper()
	toks := make([]int, 0, len(r.PromptIDs)+len(r.CompletionIDs))
	for _, x := range append(append([]int32{}, r.PromptIDs...), r.CompletionIDs...) {
		toks = append(toks, int(x))
	}
	c, err := m.Backend.NewCache(0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	out, err := m.Backend.Forward(context.Background(), []model.Step{{Cache: c, Tokens: toks, All: true}})
	if err != nil {
		t.Fatal(err)
	}
	var s float64
	p := len(r.PromptIDs)
	for i, tok := range r.CompletionIDs {
		s += model.LogSoftmaxAt(out[0].Logits[p-1+i], int(tok))
	}
	return s
}

var reStep = regexp.MustCompile(`step 1 loss \S+ ratio_mean (\S+)`)

func TestTrainer(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	py := python(t)
	dir := t.TempDir()
	m0dir := filepath.Join(dir, "m0")
	if err := model.Init(model.InitConfig{Preset: "tiny", Seed: 3, Out: m0dir}); err != nil {
		t.Fatal(err)
	}
	m0, err := network.LoadModel(m0dir, network.CPU(2))
	if err != nil {
		t.Fatal(err)
	}
	rows := rollouts(t, m0)
	// One rollout whose committed log-probabilities a miner bent where no
	// validator looked: the trainer must not take ratios against it.
	rows[2].LogProbs = append([]float32{}, rows[2].LogProbs...)
	rows[2].LogProbs[len(rows[2].LogProbs)-1] -= 0.5
	data := filepath.Join(dir, "window-1.jsonl")
	if err := export.Write(data, "jsonl", rows); err != nil {
		t.Fatal(err)
	}
	train := func(out string, extra ...string) string {
		args := append([]string{"grpo.py", "--rollouts", data, "--model", m0dir, "--out", out, "--epochs", "3", "--batch", "16", "--threads", "2"}, extra...)
		cmd := exec.Command(py, args...)
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		if err := cmd.Run(); err != nil {
			t.Fatalf("trainer: %v\n%s", err, buf.String())
		}
		return buf.String()
	}
	log := train(filepath.Join(dir, "m1"))
	if !strings.Contains(log, "dropped 1 rollouts whose committed log-probabilities differ") {
		t.Fatalf("the bent rollout was not dropped:\n%s", log)
	}

	// Its forward pass is the Go engine's: before the first update the
	// importance ratio against the committed log-probabilities is 1.
	mt := reStep.FindStringSubmatch(log)
	if mt == nil {
		t.Fatalf("no first step in the trainer's log:\n%s", log)
	}
	if r, _ := strconv.ParseFloat(mt[1], 64); r < 0.999 || r > 1.001 {
		t.Fatalf("first step's mean ratio %v: the trainer's forward pass differs from the engine's", r)
	}
	// The output is a model folder the engine loads, with a new id.
	m1, err := network.LoadModel(filepath.Join(dir, "m1"), network.CPU(2))
	if err != nil {
		t.Fatalf("the trained folder does not load: %v", err)
	}
	if m1.ID == m0.ID {
		t.Fatal("training changed nothing")
	}
	// The update made the positive-advantage completions likelier relative
	// to the negative ones (the engine's log-probabilities, not the
	// trainer's).
	var gain float64
	for i, r := range rows {
		if i == 2 {
			continue
		}
		d := logProb(t, m1, r) - logProb(t, m0, r)
		gain += float64(r.Advantage) * d
	}
	if gain <= 0 {
		t.Fatalf("Σ advantage × Δ log p = %v: the update did not follow the advantages", gain)
	}
	// Same data, same seed: the same model.
	train(filepath.Join(dir, "m1b"))
	if again, err := network.LoadModel(filepath.Join(dir, "m1b"), network.CPU(1)); err != nil || again.ID != m1.ID {
		t.Fatalf("a re-run with the same seed gave another model (%v)", err)
	}
	// bf16 output: half the bytes, a bf16 checkpoint the engine loads.
	train(filepath.Join(dir, "m1-bf16"), "--dtype", "bf16")
	ck, err := model.OpenCheckpoint(filepath.Join(dir, "m1-bf16"))
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	f32, _ := os.Stat(filepath.Join(dir, "m1", "model.safetensors"))
	bf16, _ := os.Stat(filepath.Join(dir, "m1-bf16", "model.safetensors"))
	if ck.Config.DType != "bfloat16" || bf16.Size() > f32.Size()*6/10 {
		t.Fatalf("--dtype bf16 wrote config dtype %q, %d bytes (f32: %d)", ck.Config.DType, bf16.Size(), f32.Size())
	}
}

// TestTrainerRefusesMixedModels: rollouts of two policies in one input
// would make the importance ratios meaningless.
func TestTrainerRefusesMixedModels(t *testing.T) {
	py := python(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "rollouts.jsonl")
	rows := []export.Row{
		{ModelID: strings.Repeat("a", 64), PromptIDs: []int32{1}, CompletionIDs: []int32{2}, LogProbs: []float32{-1}, Advantage: 1, RecordHash: "1"},
		{ModelID: strings.Repeat("b", 64), PromptIDs: []int32{1}, CompletionIDs: []int32{3}, LogProbs: []float32{-1}, Advantage: -1, RecordHash: "2"},
	}
	if err := export.Write(data, "jsonl", rows); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "grpo.py", "--rollouts", data, "--model", dir, "--out", filepath.Join(dir, "out")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "rollouts of 2 models") {
		t.Fatalf("mixed models: %v\n%s", err, out)
	}
}
