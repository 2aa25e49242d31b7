package model

import (
	"context"
	"fmt"

	"github.com/assaynet/assay/sketch"
)

// GenerateConfig configures generation.
type GenerateConfig struct {
	MaxNewTokens int
	Sampling     Sampling
	// EOS ends a rollout when sampled (it is kept as the last token).
	EOS []int
	// Hidden keeps each completion position's final-norm hidden state.
	Hidden bool
	// Sketch asks the backend for each completion position's sketch (see
	// Step.Sketch), returned in Rollout.Sketches.
	Sketch *sketch.Coefficients
	// MaxLen is the KV cache size (prompt + MaxNewTokens when 0).
	MaxLen int
}

// Uniform returns the sampler's uniform number for completion position t of
// rollout i. The protocol derives it from a per-rollout ChaCha8 stream; tests
// may pass anything in [0, 1).
type Uniform func(rollout, t int) float64

// Rollout is one generated completion.
type Rollout struct {
	Tokens []int // completion tokens (EOS included when it ended the rollout)
	// LogProbs are log p(token) under the raw model distribution;
	// SampleLogProbs under the sampling distribution actually used.
	LogProbs       []float32
	SampleLogProbs []float32
	// Margins are the sampler's distance to the nearest decision boundary.
	Margins []float64
	// Hidden[t] is the final-norm hidden state at the position whose logits
	// chose token t (the last prompt position for t = 0).
	Hidden [][]float32
	// Sketches[t] is the sketch of that hidden state when GenerateConfig.Sketch
	// was set (Hidden is kept only if GenerateConfig.Hidden is set and the
	// backend returned it).
	Sketches []uint32
	// Stop is "eos" or "length".
	Stop string
}

// GenerateGroup samples n rollouts of one prompt: the prompt is prefilled
// once, the cache forked per rollout, and all live rollouts decoded together
// in one batched forward pass per step (GenerateGroups with one group).
func GenerateGroup(ctx context.Context, b Backend, prompt []int, n int, gc GenerateConfig, u Uniform) ([]Rollout, error) {
	if n <= 0 || gc.MaxNewTokens <= 0 {
		return nil, fmt.Errorf("model: need n > 0 rollouts and max new tokens > 0")
	}
	var out []Rollout
	err := GenerateGroups(ctx, b, ScheduleConfig{GenerateConfig: gc, MaxSequences: n,
		Next: func(j int) (GroupRequest, bool) { return GroupRequest{Prompt: prompt, N: n, U: u}, j == 0 },
		Done: func(_ int, rs []Rollout) error { out = rs; return nil },
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// lastState is the hidden state and the sketch (a one-element slice) of an
// output's last row, each nil where the backend did not return it.
func lastState(o Output) ([]float32, []uint32) {
	var h []float32
	var s []uint32
	if n := len(o.Hidden); n > 0 {
		h = o.Hidden[n-1]
	}
	if n := len(o.Sketches); n > 0 {
		s = o.Sketches[n-1:]
	}
	return h, s
}
