package model

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestLlama3RopeScalingMatchesTransformers runs TinyStories' weights with
// Llama-3 rope scaling written into its config (factor 8, low 1, high 4,
// original context 64, so all three frequency bands occur within 300
// positions) and compares logits with transformers (fp32, H200;
// scripts/gpu/rope_reference.py).
func TestLlama3RopeScalingMatchesTransformers(t *testing.T) {
	src := needTinyStories(t)
	dir := t.TempDir()
	for _, f := range []string{"model.safetensors", "tokenizer.json"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	var cfg map[string]any
	data, _ := os.ReadFile(filepath.Join(src, "config.json"))
	json.Unmarshal(data, &cfg)
	cfg["rope_scaling"] = map[string]any{"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 64}
	js, _ := json.Marshal(cfg)
	os.WriteFile(filepath.Join(dir, "config.json"), js, 0o644)

	var want struct {
		IDs       []int                  `json:"ids"`
		Positions []int                  `json:"positions"`
		Logits    map[string][]float64   `json:"logits"`
		Argmax    map[string]int         `json:"argmax"`
		Scaling   map[string]interface{} `json:"config_rope_scaling"`
	}
	data, err := os.ReadFile(filepath.Join("testdata", "hf_rope_llama3.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	ck, err := OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	b, _ := NewCPU(ck, CPUConfig{})
	c, _ := b.NewCache(len(want.IDs))
	out, err := b.Forward(t.Context(), []Step{{Cache: c, Tokens: want.IDs, All: true}})
	if err != nil {
		t.Fatal(err)
	}
	var maxd float64
	for _, p := range want.Positions {
		key := itoa(p)
		for i, v := range want.Logits[key] {
			maxd = math.Max(maxd, math.Abs(float64(out[0].Logits[p][i])-v))
		}
		if tok, _ := Pick(out[0].Logits[p], Sampling{}, 0); tok != want.Argmax[key] {
			t.Errorf("position %d: argmax %d, transformers %d", p, tok, want.Argmax[key])
		}
	}
	t.Logf("llama3 rope scaling: max |Δlogit| %.2e over %d positions", maxd, len(want.Positions))
	if maxd > tolLogit {
		t.Fatalf("max |Δlogit| %.2e over tolerance %.0e", maxd, tolLogit)
	}
	// The scaling must matter at these positions, or this test proves nothing.
	plain := filepath.Join(t.TempDir(), "plain")
	os.MkdirAll(plain, 0o755)
	for _, f := range []string{"model.safetensors", "tokenizer.json", "config.json"} {
		d, _ := os.ReadFile(filepath.Join(src, f))
		os.WriteFile(filepath.Join(plain, f), d, 0o644)
	}
	ck2, _ := OpenCheckpoint(plain)
	defer ck2.Close()
	b2, _ := NewCPU(ck2, CPUConfig{})
	c2, _ := b2.NewCache(len(want.IDs))
	out2, _ := b2.Forward(t.Context(), []Step{{Cache: c2, Tokens: want.IDs, All: true}})
	p := want.Positions[len(want.Positions)-1]
	var diff float64
	for i, v := range want.Logits[itoa(p)] {
		diff = math.Max(diff, math.Abs(float64(out2[0].Logits[p][i])-v))
	}
	if diff < 100*tolLogit {
		t.Fatalf("unscaled RoPE is as close (%.2e): the fixture does not exercise the scaling", diff)
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
