// Package model loads Hugging Face decoder checkpoints (Llama and Qwen2
// families), identifies them, tokenizes text, and runs the reference CPU
// forward pass that every other backend must match.
//
// # Precision contract
//
// Weights are used exactly as stored (bf16, f16 or f32, widened to f32 once
// at load); activations, accumulation, norms, softmax, logits and the KV cache
// are f32. No activation is rounded to a narrower type. Each dot product is
// accumulated in a fixed order independent of the number of threads, so the
// CPU backend gives bit-identical results for any parallelism.
package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Errors callers branch on.
var (
	ErrConfig      = errors.New("model: bad config")
	ErrCheckpoint  = errors.New("model: bad checkpoint")
	ErrUnsupported = errors.New("model: unsupported")
	ErrContext     = errors.New("model: sequence longer than the context")
	// ErrDevice is wrapped by backends whose compute device failed (a GPU
	// lost or reset); callers stop rather than retry.
	ErrDevice = errors.New("model: compute device failed")
)

// Arch is a supported decoder architecture.
type Arch string

// Supported architectures.
const (
	ArchLlama Arch = "llama"
	ArchQwen2 Arch = "qwen2"
)

// RopeScaling is Llama-3's frequency-dependent RoPE scaling ("rope_type":
// "llama3"); the zero value means none.
type RopeScaling struct {
	Type                          string  `json:"rope_type"`
	Factor                        float64 `json:"factor"`
	LowFreqFactor                 float64 `json:"low_freq_factor"`
	HighFreqFactor                float64 `json:"high_freq_factor"`
	OriginalMaxPositionEmbeddings int     `json:"original_max_position_embeddings"`
}

// Config is the part of config.json the forward pass depends on.
type Config struct {
	Arch              Arch            `json:"model_type"`
	HiddenSize        int             `json:"hidden_size"`
	Layers            int             `json:"num_hidden_layers"`
	Heads             int             `json:"num_attention_heads"`
	KVHeads           int             `json:"num_key_value_heads"`
	HeadDim           int             `json:"head_dim"`
	IntermediateSize  int             `json:"intermediate_size"`
	VocabSize         int             `json:"vocab_size"`
	MaxPositions      int             `json:"max_position_embeddings"`
	RMSNormEps        float64         `json:"rms_norm_eps"`
	RopeTheta         float64         `json:"rope_theta"`
	RopeScaling       *RopeScaling    `json:"rope_scaling"`
	TieWordEmbeddings bool            `json:"tie_word_embeddings"`
	AttentionBias     bool            `json:"attention_bias"` // Llama only; Qwen2 always has QKV bias
	HiddenAct         string          `json:"hidden_act"`
	BOS               *int            `json:"bos_token_id"`
	EOS               json.RawMessage `json:"eos_token_id"` // an int or a list
	DType             string          `json:"torch_dtype"`
}

// QKVBias reports whether q/k/v projections carry a bias.
func (c *Config) QKVBias() bool { return c.Arch == ArchQwen2 || c.AttentionBias }

// EOSTokens returns the end-of-sequence ids (config.json allows one or many).
func (c *Config) EOSTokens() []int {
	if len(c.EOS) == 0 {
		return nil
	}
	var one int
	if json.Unmarshal(c.EOS, &one) == nil {
		return []int{one}
	}
	var many []int
	_ = json.Unmarshal(c.EOS, &many)
	return many
}

// LoadConfig reads and validates DIR/config.json.
func LoadConfig(dir string) (*Config, error) {
	data, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	return ParseConfig(data)
}

// ParseConfig decodes and validates a config.json document.
func ParseConfig(data []byte) (*Config, error) {
	var c Config
	c.TieWordEmbeddings = false
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%w: config.json: %v", ErrConfig, err)
	}
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(data, &raw)
	if _, ok := raw["head_dim"]; !ok && c.Heads > 0 {
		c.HeadDim = c.HiddenSize / c.Heads
	}
	if _, ok := raw["num_key_value_heads"]; !ok {
		c.KVHeads = c.Heads
	}
	if _, ok := raw["rope_theta"]; !ok {
		c.RopeTheta = 10000
	}
	// Older configs spell rope_scaling's type as "type".
	if rs, ok := raw["rope_scaling"]; ok && c.RopeScaling != nil && c.RopeScaling.Type == "" {
		var old struct {
			Type string `json:"type"`
		}
		_ = json.Unmarshal(rs, &old)
		c.RopeScaling.Type = old.Type
	}
	if c.HiddenAct == "" {
		c.HiddenAct = "silu"
	}
	return &c, c.Validate()
}

// Validate reports a config the forward pass cannot run, naming the field.
func (c *Config) Validate() error {
	switch c.Arch {
	case ArchLlama, ArchQwen2:
	default:
		return fmt.Errorf("%w: model_type %q (supported: llama, qwen2)", ErrUnsupported, c.Arch)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"hidden_size", c.HiddenSize > 0},
		{"num_hidden_layers", c.Layers > 0},
		{"num_attention_heads", c.Heads > 0},
		{"num_key_value_heads", c.KVHeads > 0 && c.Heads%max(c.KVHeads, 1) == 0},
		{"head_dim", c.HeadDim > 0 && c.HeadDim%2 == 0},
		{"intermediate_size", c.IntermediateSize > 0},
		{"vocab_size", c.VocabSize > 0},
		{"max_position_embeddings", c.MaxPositions > 0},
		{"rms_norm_eps", c.RMSNormEps > 0},
		{"rope_theta", c.RopeTheta > 0},
		{"hidden_act", c.HiddenAct == "silu"},
	}
	for _, ch := range checks {
		if !ch.ok {
			return fmt.Errorf("%w: %s missing or invalid", ErrConfig, ch.name)
		}
	}
	if c.RopeScaling != nil && c.RopeScaling.Type != "" && c.RopeScaling.Type != "default" {
		rs := c.RopeScaling
		if rs.Type != "llama3" {
			return fmt.Errorf("%w: rope_scaling type %q (supported: llama3)", ErrUnsupported, rs.Type)
		}
		if rs.Factor <= 0 || rs.LowFreqFactor <= 0 || rs.HighFreqFactor <= rs.LowFreqFactor || rs.OriginalMaxPositionEmbeddings <= 0 {
			return fmt.Errorf("%w: rope_scaling llama3 parameters", ErrConfig)
		}
	}
	return nil
}
