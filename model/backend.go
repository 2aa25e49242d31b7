package model

import (
	"context"
	"fmt"

	"github.com/assaynet/assay/sketch"
)

// Backend runs the forward pass of one loaded model. The CPU engine in this
// package is the reference; the CUDA backend implements the same interface.
type Backend interface {
	// Config is the model's configuration.
	Config() *Config
	// NewCache returns an empty KV cache for one sequence of up to maxLen
	// tokens (the model's context when maxLen <= 0).
	NewCache(maxLen int) (Cache, error)
	// Forward appends each step's tokens to its cache (one batched pass over
	// every step) and returns, per step, the final-norm hidden states and the
	// logits: for every new position when Step.All is set, else for the last.
	Forward(ctx context.Context, steps []Step) ([]Output, error)
}

// Cache is one sequence's KV cache, owned by the backend that made it.
type Cache interface {
	// Len is the number of positions stored.
	Len() int
	// Fork returns an independent copy (a GRPO group prefills its prompt once
	// and forks the cache for each rollout).
	Fork() (Cache, error)
	// Release gives the cache's memory back to its backend now (device
	// memory is not reclaimed by Go's garbage collector soon enough); the
	// cache must not be used afterwards. Releasing twice is harmless.
	Release()
}

// Step is one sequence's part of a batched forward pass.
type Step struct {
	Cache  Cache
	Tokens []int
	All    bool // return hidden states and logits for every new position
	// Uniforms asks for the protocol sampler's pick (Pick under Sampling) at
	// the step's last position, once per uniform; results land in
	// Output.Picks in the same order. A backend may then leave that
	// position's logits where they are (Output.Logits nil unless All), which
	// is what keeps a GPU's vocabulary-sized rows on the GPU.
	Uniforms []float64
	Sampling Sampling
	// Sketch asks for the protocol's hidden-state sketch (package sketch,
	// docs/protocol.md §7.2) of every returned position, with these
	// coefficients: every backend returns them in Output.Sketches. A
	// backend that computes them where the hidden states live may leave
	// Output.Hidden nil, so a GPU's hidden states never leave it; the CPU
	// engine returns both.
	Sketch *sketch.Coefficients
	// Stats asks for the verifier's statistics (StatsAt under Sampling) of
	// every returned position: Stats[i] is the token scored at returned row
	// i, negative for none; nil or one entry per returned row. A backend
	// that computes them where the logits live returns Output.Stats and
	// leaves Output.Logits nil, so a GPU's vocabulary-sized rows never leave
	// it; one that does not (the CPU engine, or sampling the device does
	// not implement) returns Logits as usual and the caller computes them.
	Stats []int
}

// StatsOnDevice is the optional ability of a backend that answers
// Step.Stats itself under the given sampling (a verifier batches many
// rollouts into one pass only then: otherwise every row's logits come back
// to the host).
type StatsOnDevice interface {
	StatsOnDevice(Sampling) bool
}

// Output holds per-position results of a Step; row i is new position
// Cache.Len()-len(Tokens)+i (or only the last one).
type Output struct {
	Hidden [][]float32 // final-norm hidden state, HiddenSize each; may be nil where Sketches is set
	Logits [][]float32 // VocabSize each; may be nil for a step with Uniforms
	Picks  []Picked    // one per Step.Uniforms
	// Sketches are the hidden states' sketches when the step asked for them
	// (see Step.Sketch); else nil: what a miner commits. SketchSets are
	// the same rows' sketch sets (sketch.Of: each sketch with the
	// alternatives near ties admit), which a verifier checks against.
	Sketches   []uint32
	SketchSets []sketch.Set
	// Stats are the returned rows' statistics when the step asked for them
	// and the backend computes them (see Step.Stats); else nil.
	Stats []PositionStats
}

// SketchSet is row t's sketch set: SketchSets[t], or the sketch alone from
// a backend that returns no sets.
func (o Output) SketchSet(t int) sketch.Set {
	if o.SketchSets != nil {
		return o.SketchSets[t]
	}
	return sketch.Single(o.Sketches[t])
}

// Picked is the sampler's result at one position.
type Picked struct {
	Token int
	// LogProb is log p(Token) under the raw model distribution,
	// SampleLogProb under the sampling distribution actually used.
	LogProb, SampleLogProb float64
	// Margin is Pick's distance to the nearest decision boundary.
	Margin float64
}

// PickAt evaluates the sampler on one row of logits.
func PickAt(logits []float32, s Sampling, u float64) Picked {
	tok, margin := Pick(logits, s, u)
	return Picked{Token: tok, LogProb: LogSoftmaxAt(logits, tok), SampleLogProb: SampleLogProb(logits, s, tok), Margin: margin}
}

// Validate checks a step against its cache (n positions stored, room for
// max) and the vocabulary; every backend calls it on each step.
func (s Step) Validate(n, max, vocab int) error {
	if err := s.checkPicks(); err != nil {
		return err
	}
	if err := s.checkStats(vocab); err != nil {
		return err
	}
	if n+len(s.Tokens) > max {
		return fmt.Errorf("%w: %d + %d tokens exceed %d", ErrContext, n, len(s.Tokens), max)
	}
	for _, tok := range s.Tokens {
		if tok < 0 || tok >= vocab {
			return fmt.Errorf("model: token %d out of vocabulary (%d)", tok, vocab)
		}
	}
	return nil
}

// checkPicks reports a pick request the sampler cannot serve.
func (s Step) checkPicks() error {
	if len(s.Uniforms) == 0 {
		return nil
	}
	if len(s.Tokens) == 0 {
		return fmt.Errorf("uniforms given for a step without tokens")
	}
	for _, u := range s.Uniforms {
		if !(u >= 0 && u < 1) {
			return fmt.Errorf("uniform %v outside [0, 1)", u)
		}
	}
	return s.Sampling.Validate()
}

// checkStats reports a statistics request that does not fit the step.
func (s Step) checkStats(vocab int) error {
	if s.Stats == nil {
		return nil
	}
	rows := min(1, len(s.Tokens))
	if s.All {
		rows = len(s.Tokens)
	}
	if len(s.Stats) != rows {
		return fmt.Errorf("model: %d statistics tokens for %d returned rows", len(s.Stats), rows)
	}
	for _, tok := range s.Stats {
		if tok >= vocab {
			return fmt.Errorf("model: statistics token %d out of vocabulary (%d)", tok, vocab)
		}
	}
	return s.Sampling.Validate()
}
