package model

import (
	"context"
	"fmt"
	"slices"
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
	// Step.Sketch): Rollout.Sketches where the backend computes them, else
	// Rollout.Hidden is kept for the caller to sketch.
	Sketch *SketchCoefficients
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
	// was set and the backend computed it (Hidden is then kept only if
	// GenerateConfig.Hidden is set and the backend returned it).
	Sketches []uint32
	// Stop is "eos" or "length".
	Stop string
}

// GenerateGroup samples n rollouts of one prompt: the prompt is prefilled
// once, the cache forked per rollout, and all live rollouts decoded together
// in one batched forward pass per step.
func GenerateGroup(ctx context.Context, b Backend, prompt []int, n int, gc GenerateConfig, u Uniform) ([]Rollout, error) {
	if len(prompt) == 0 {
		return nil, fmt.Errorf("model: empty prompt")
	}
	if n <= 0 || gc.MaxNewTokens <= 0 {
		return nil, fmt.Errorf("model: need n > 0 rollouts and max new tokens > 0")
	}
	if err := gc.Sampling.Validate(); err != nil {
		return nil, err
	}
	maxLen := gc.MaxLen
	if maxLen <= 0 {
		maxLen = len(prompt) + gc.MaxNewTokens
	}
	if maxLen > b.Config().MaxPositions || len(prompt)+gc.MaxNewTokens > maxLen {
		return nil, fmt.Errorf("%w: prompt %d + %d new tokens, context %d", ErrContext, len(prompt), gc.MaxNewTokens, min(maxLen, b.Config().MaxPositions))
	}
	base, err := b.NewCache(maxLen)
	if err != nil {
		return nil, err
	}
	caches := []Cache{base}
	defer func() {
		for _, c := range caches {
			c.Release()
		}
	}()
	us := make([]float64, n)
	for i := range us {
		us[i] = u(i, 0)
	}
	out, err := b.Forward(ctx, []Step{{Cache: base, Tokens: prompt, Uniforms: us, Sampling: gc.Sampling, Sketch: gc.Sketch}})
	if err != nil {
		return nil, fmt.Errorf("prefill: %w", err)
	}
	picks := out[0].Picks
	// The last position's hidden state and sketch per rollout (each nil
	// where the backend did not return it).
	hidden := make([][]float32, n)
	sketches := make([][]uint32, n)
	for i := range hidden {
		hidden[i], sketches[i] = lastState(out[0])
	}
	for i := 1; i < n; i++ {
		f, err := base.Fork()
		if err != nil {
			return nil, fmt.Errorf("fork cache %d: %w", i, err)
		}
		caches = append(caches, f)
	}
	rs := make([]Rollout, n)
	live := make([]int, n)
	for i := range live {
		live[i] = i
	}
	for t := 0; len(live) > 0; t++ {
		var steps []Step
		var next []int
		for _, i := range live {
			p := picks[i]
			r := &rs[i]
			r.Tokens = append(r.Tokens, p.Token)
			r.LogProbs = append(r.LogProbs, float32(p.LogProb))
			r.SampleLogProbs = append(r.SampleLogProbs, float32(p.SampleLogProb))
			r.Margins = append(r.Margins, p.Margin)
			if sketches[i] != nil {
				r.Sketches = append(r.Sketches, sketches[i][0])
			}
			if hidden[i] != nil && (gc.Hidden || sketches[i] == nil && gc.Sketch != nil) {
				r.Hidden = append(r.Hidden, hidden[i])
			}
			switch {
			case slices.Contains(gc.EOS, p.Token):
				r.Stop = "eos"
			case len(r.Tokens) >= gc.MaxNewTokens:
				r.Stop = "length"
			default:
				steps = append(steps, Step{Cache: caches[i], Tokens: []int{p.Token}, Uniforms: []float64{u(i, t+1)}, Sampling: gc.Sampling, Sketch: gc.Sketch})
				next = append(next, i)
			}
		}
		live = next
		if len(steps) == 0 {
			break
		}
		outs, err := b.Forward(ctx, steps)
		if err != nil {
			return nil, fmt.Errorf("decode step %d: %w", t, err)
		}
		for k, i := range live {
			picks[i] = outs[k].Picks[0]
			hidden[i], sketches[i] = lastState(outs[k])
		}
	}
	return rs, nil
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
