// Package env defines the environments that turn a 32-byte problem seed into
// a task with a prompt and a reward function.
//
// Generation is a pure function of the seed (through challenge.Stream), so
// every miner, validator and auditor derives the same task; the golden
// instances in each environment's testdata pin that across releases. Rewards
// are float32 values computed with exactly specified float32 operations, so a
// validator's recomputation equals the miner's bit for bit.
package env

import (
	"errors"
	"fmt"
	"sort"
)

// ErrUnknown is returned for an environment name this build does not have.
var ErrUnknown = errors.New("env: unknown environment")

// Task is one generated problem.
type Task interface {
	// Prompt is the problem text, before any chat formatting.
	Prompt() string
	// Truth is the reference answer, for display and logs.
	Truth() string
	// Reward scores a completion in [0, 1]. It never panics; an unparseable
	// completion scores 0.
	Reward(completion string) float32
}

// Environment generates tasks from seeds.
type Environment interface {
	Name() string
	Generate(seed [32]byte) (Task, error)
}

// Registry maps environment names to environments.
type Registry map[string]Environment

// Get returns the named environment.
func (r Registry) Get(name string) (Environment, error) {
	e, ok := r[name]
	if !ok {
		return nil, fmt.Errorf("%w: %q (have %v)", ErrUnknown, name, r.Names())
	}
	return e, nil
}

// Names lists the registered names, sorted.
func (r Registry) Names() []string {
	var n []string
	for k := range r {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}
