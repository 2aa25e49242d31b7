package model

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// GenerationConfig is the part of generation_config.json the sampler uses.
type GenerationConfig struct {
	EOS []int
}

// LoadGenerationConfig reads DIR/generation_config.json (optional file).
func LoadGenerationConfig(dir string) (*GenerationConfig, error) {
	data, err := os.ReadFile(filepath.Join(dir, "generation_config.json"))
	if err != nil {
		return nil, err
	}
	var raw struct {
		EOS json.RawMessage `json:"eos_token_id"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: generation_config.json: %v", ErrConfig, err)
	}
	c := &Config{EOS: raw.EOS}
	return &GenerationConfig{EOS: c.EOSTokens()}, nil
}
