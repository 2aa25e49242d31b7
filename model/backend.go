package model

import "context"

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
	Fork() Cache
}

// Step is one sequence's part of a batched forward pass.
type Step struct {
	Cache  Cache
	Tokens []int
	All    bool // return hidden states and logits for every new position
}

// Output holds per-position results of a Step; row i is new position
// Cache.Len()-len(Tokens)+i (or only the last one).
type Output struct {
	Hidden [][]float32 // final-norm hidden state, HiddenSize each
	Logits [][]float32 // VocabSize each
}
