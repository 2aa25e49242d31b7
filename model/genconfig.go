package model

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
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

// UniformStream is a ChaCha8 stream of uniforms for tools (model generate).
// The network's per-rollout streams are keyed by the protocol (challenge
// package); this one is keyed by a plain seed.
type UniformStream struct {
	key   [32]byte
	cache []float64
	rng   *rand.ChaCha8
}

// NewUniformStream keys a stream by seed.
func NewUniformStream(seed uint64) *UniformStream {
	var k [32]byte
	for i := 0; i < 8; i++ {
		k[i] = byte(seed >> (8 * i))
	}
	return &UniformStream{key: k, rng: rand.NewChaCha8(k)}
}

// At returns the t-th uniform in [0,1): the top 53 bits of word t.
func (s *UniformStream) At(t int) float64 {
	for len(s.cache) <= t {
		s.cache = append(s.cache, float64(s.rng.Uint64()>>11)*0x1p-53)
	}
	return s.cache[t]
}
