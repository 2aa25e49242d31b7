package proofs

import (
	"context"
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/grpo"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/sketch"
)

// Task derives problem j of a miner in a window and renders its prompt
// tokens: the environment's prompt as a user message of the model's chat
// format, encoded with the model's tokenizer.
func Task(e env.Environment, tk *tokenizer.Tokenizer, windowSeed [32]byte, miner [20]byte, j uint64) (env.Task, []uint32, error) {
	task, err := e.Generate(challenge.ProblemSeed(windowSeed, miner, j))
	if err != nil {
		return nil, nil, fmt.Errorf("problem %d: %w", j, err)
	}
	ids := tk.Encode(tk.FormatChat("", task.Prompt()))
	out := make([]uint32, len(ids))
	for i, t := range ids {
		out[i] = uint32(t)
	}
	return task, out, nil
}

// Prover generates and signs a miner's rollout groups for one window.
type Prover struct {
	Backend    model.Backend
	Tokenizer  *tokenizer.Tokenizer
	Env        env.Environment
	Params     Params
	ModelID    [32]byte
	EOS        []int
	Key        *ecdsa.PrivateKey
	Window     uint64
	WindowSeed [32]byte
}

// Group generates the G records of problem j: the prompt is prefilled once,
// every rollout samples with its protocol uniforms u(t), each completion
// position commits the raw log-probability and the sketch of the hidden state
// that chose it, rewards are scored by the environment and advantages
// computed over the group.
func (p *Prover) Group(ctx context.Context, j uint64) ([]*Record, error) {
	var out []*Record
	err := p.Groups(ctx, j, p.Params.GroupSize, func(k uint64) bool { return k == j }, func(_ uint64, recs []*Record) error {
		out = recs
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Groups generates problems from, from+1, … while more(j) holds, with
// continuous batching (model.GenerateGroups: at most maxSeqs rollouts in
// flight, 0 for model.DefaultMaxSequences), and hands each problem's G
// signed records to done in problem order. The records of a problem are
// the same as Group's. On an error the groups handed over so far stand.
func (p *Prover) Groups(ctx context.Context, from uint64, maxSeqs int, more func(j uint64) bool, done func(j uint64, recs []*Record) error) error {
	miner := crypto.PubkeyToAddress(p.Key.PublicKey)
	type problem struct {
		task   env.Task
		prompt []uint32
	}
	var probs []problem // indexed by j - from
	var perr error
	next := func(k int) (model.GroupRequest, bool) {
		j := from + uint64(k)
		if !more(j) {
			return model.GroupRequest{}, false
		}
		task, prompt, err := Task(p.Env, p.Tokenizer, p.WindowSeed, miner, j)
		if err == nil && len(prompt) > p.Params.Limits.MaxPrompt {
			err = fmt.Errorf("problem %d: prompt of %d tokens exceeds %d", j, len(prompt), p.Params.Limits.MaxPrompt)
		}
		if err != nil {
			perr = err
			return model.GroupRequest{}, false
		}
		probs = append(probs, problem{task, prompt})
		ids := make([]int, len(prompt))
		for i, t := range prompt {
			ids[i] = int(t)
		}
		us := make([]*challenge.TokenUniforms, p.Params.GroupSize)
		for i := range us {
			us[i] = challenge.NewTokenUniforms(p.WindowSeed, miner, j, uint64(i))
		}
		return model.GroupRequest{Prompt: ids, N: p.Params.GroupSize, U: func(i, t int) float64 { return us[i].At(t) }}, true
	}
	coeffs := challenge.SketchCoefficients(p.WindowSeed)
	err := model.GenerateGroups(ctx, p.Backend, model.ScheduleConfig{
		GenerateConfig: model.GenerateConfig{MaxNewTokens: p.Params.MaxNewTokens, Sampling: p.Params.Sampling, EOS: p.EOS, Sketch: &coeffs},
		MaxSequences:   maxSeqs,
		Next:           next,
		Done: func(k int, rs []model.Rollout) error {
			j := from + uint64(k)
			pr := probs[k]
			probs[k] = problem{} // a delivered problem's prompt is not needed again
			recs, err := p.records(miner, j, pr.task, pr.prompt, rs, coeffs)
			if err != nil {
				return err
			}
			return done(j, recs)
		},
	})
	if err != nil {
		var last uint64
		if len(probs) > 0 {
			last = from + uint64(len(probs)-1)
		}
		return fmt.Errorf("problems %d–%d: %w", from, last, err)
	}
	return perr
}

// records scores, signs and commits one problem's rollouts.
func (p *Prover) records(miner [20]byte, j uint64, task env.Task, prompt []uint32, rs []model.Rollout, coeffs sketch.Coefficients) ([]*Record, error) {
	rewards := make([]float32, len(rs))
	recs := make([]*Record, len(rs))
	for i, r := range rs {
		text, err := p.Tokenizer.Decode(r.Tokens, true)
		if err != nil {
			return nil, fmt.Errorf("problem %d rollout %d: %w", j, i, err)
		}
		if len(r.Sketches) != len(r.Tokens) {
			return nil, fmt.Errorf("problem %d rollout %d: the backend returned %d sketches for %d tokens", j, i, len(r.Sketches), len(r.Tokens))
		}
		rewards[i] = task.Reward(text)
		rec := &Record{Version: Version, Window: p.Window, Miner: miner, Problem: j, Rollout: uint32(i),
			ModelID: p.ModelID, Prompt: prompt, Reward: rewards[i]}
		for t, tok := range r.Tokens {
			rec.Completion = append(rec.Completion, uint32(tok))
			rec.LogProbs = append(rec.LogProbs, r.LogProbs[t])
			rec.Sketches = append(rec.Sketches, r.Sketches[t])
		}
		recs[i] = rec
	}
	adv, err := grpo.Advantages(rewards)
	if err != nil {
		return nil, err
	}
	for i, rec := range recs {
		rec.Advantage = adv[i]
		if err := rec.Sign(p.Key); err != nil {
			return nil, err
		}
	}
	return recs, nil
}
