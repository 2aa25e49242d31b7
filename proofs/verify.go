package proofs

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/grpo"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/sketch"
)

// Verifier checks records of one window against a recomputation on the
// validator's backend. It holds no per-record state and may be reused.
type Verifier struct {
	Backend     model.Backend
	Tokenizer   *model.Tokenizer
	Env         env.Environment
	Params      Params
	ModelID     [32]byte
	EOS         []int
	Window      uint64
	WindowSeed  [32]byte
	OpeningSeed [32]byte
}

// Result reports what a successful check saw.
type Result struct {
	Positions      int     // completion positions checked (logprob and sampling)
	SketchesOpened int     // positions whose sketch was checked
	MaxSketchDist  uint32  // largest sketch distance seen
	MaxLogProbDiff float64 // largest |committed − recomputed| log-probability
	MinSlack       float64 // smallest distance of u(t) inside its token's interval
	// Soft distribution statistic: Σ(log p_t + H_t) / sqrt(Σ Var_t) over
	// the sampling distribution; ~N(0,1) for honest sampling, large and
	// positive for greedy or low-temperature decoding passed off as sampling.
	Z float64
}

// Verify runs every check on rec, in the order of docs/protocol.md, and
// returns the first failure wrapped with its reason (see Reasons). group is
// the record's whole group from the same file (for the advantage check).
func (v *Verifier) Verify(ctx context.Context, rec *Record, group []*Record) (Result, error) {
	var res Result
	p := v.Params
	fail := func(reason error, format string, args ...any) (Result, error) {
		return res, fmt.Errorf("%w: window %d miner %s problem %d rollout %d: %s", reason, rec.Window, rec.Miner, rec.Problem, rec.Rollout, fmt.Sprintf(format, args...))
	}
	// 1. Schema and limits.
	n := len(rec.Completion)
	switch {
	case n == 0:
		return fail(ErrSchema, "empty completion")
	case len(rec.LogProbs) != n || len(rec.Sketches) != n:
		return fail(ErrSchema, "%d tokens, %d logprobs, %d sketches", n, len(rec.LogProbs), len(rec.Sketches))
	case n > p.MaxNewTokens:
		return fail(ErrSchema, "%d completion tokens exceed the cap %d", n, p.MaxNewTokens)
	case len(rec.Prompt) == 0 || len(rec.Prompt) > p.Limits.MaxPrompt:
		return fail(ErrSchema, "prompt of %d tokens", len(rec.Prompt))
	case int(rec.Rollout) >= p.GroupSize:
		return fail(ErrSchema, "rollout index %d ≥ group size %d", rec.Rollout, p.GroupSize)
	}
	if err := rec.checkFloats(); err != nil {
		return fail(ErrSchema, "%v", err)
	}
	// 2. Signature and miner identity.
	signer, err := rec.Signer()
	if err != nil {
		return fail(ErrSignature, "%v", err)
	}
	if signer != rec.Miner {
		return fail(ErrSignature, "signed by %s", signer)
	}
	// 3. Window and protocol version.
	if rec.Version != Version {
		return fail(ErrVersion, "version %d, this validator speaks %d", rec.Version, Version)
	}
	if rec.Window != v.Window {
		return fail(ErrWindow, "record is for window %d", rec.Window)
	}
	// 4. Model.
	if rec.ModelID != v.ModelID {
		return fail(ErrModel, "model %x, network model %x", rec.ModelID[:8], v.ModelID[:8])
	}
	// 5. Prompt equals the re-derived challenge.
	task, prompt, err := Task(v.Env, v.Tokenizer, v.WindowSeed, rec.Miner, rec.Problem)
	if err != nil {
		return fail(ErrPrompt, "%v", err)
	}
	if !slices.Equal(prompt, rec.Prompt) {
		return fail(ErrPrompt, "prompt differs from problem %d's challenge", rec.Problem)
	}
	// 6. Token ids in the vocabulary.
	vocab := v.Backend.Config().VocabSize
	seq := make([]int, 0, len(rec.Prompt)+n)
	for _, t := range rec.Prompt {
		seq = append(seq, int(t))
	}
	for i, t := range rec.Completion {
		if int(t) >= vocab {
			return fail(ErrTokenRange, "token %d at position %d outside vocabulary %d", t, i, vocab)
		}
		seq = append(seq, int(t))
	}
	// 7. One forward pass over prompt + completion. The last completion token
	// is never fed (nothing depends on it), so the pass covers seq[:len-1].
	cache, err := v.Backend.NewCache(len(seq))
	if err != nil {
		return res, err
	}
	coeffs := sketch.NewCoefficients(v.WindowSeed)
	outs, err := v.Backend.Forward(ctx, []model.Step{{Cache: cache, Tokens: seq[:len(seq)-1], All: true, Sketch: coeffs.Request()}})
	cache.Release()
	if err != nil {
		return res, fmt.Errorf("window %d miner %s problem %d rollout %d: forward: %w", rec.Window, rec.Miner, rec.Problem, rec.Rollout, err)
	}
	P := len(rec.Prompt)
	row := func(t int) int { return P - 1 + t } // the position whose logits chose completion token t
	// 8. Sketches at the opened positions.
	opened := OpenPositions(v.OpeningSeed, rec.Hash(), n, p.K)
	res.SketchesOpened = len(opened)
	for _, t := range opened {
		got := sketch.Of(outs[0].Sketches, outs[0].Hidden, row(t), coeffs)
		d := sketch.Distance(rec.Sketches[t], got)
		res.MaxSketchDist = max(res.MaxSketchDist, d)
		if !sketch.Valid(rec.Sketches[t], got, t) {
			return fail(ErrSketch, "position %d: distance %d over tolerance %d", t, d, sketch.Tolerance(t))
		}
	}
	// 9.–10. Log-probability and verifiable sampling at every position.
	us := challenge.NewTokenUniforms(v.WindowSeed, rec.Miner, rec.Problem, uint64(rec.Rollout))
	res.MinSlack = math.Inf(1)
	var zNum, zVar float64
	checks, err := checkPositions(ctx, outs[0].Logits[P-1:], rec.Completion, p.Sampling)
	if err != nil {
		return res, err
	}
	for t, tok := range rec.Completion {
		c := checks[t]
		diff := math.Abs(float64(c.lp) - float64(rec.LogProbs[t]))
		res.MaxLogProbDiff = math.Max(res.MaxLogProbDiff, diff)
		if diff > p.LogProbTol {
			return fail(ErrLogProb, "position %d: committed %.6g, recomputed %.6g", t, rec.LogProbs[t], c.lp)
		}
		u := us.At(t)
		if !c.in || u < c.lo-p.SamplingMargin || u >= c.hi+p.SamplingMargin {
			return fail(ErrSampling, "position %d: u=%.9f outside token %d's interval [%.9f, %.9f)", t, u, tok, c.lo, c.hi)
		}
		res.MinSlack = math.Min(res.MinSlack, math.Min(u-c.lo, c.hi-u))
		if p.Sampling.Temperature > 0 {
			zNum += c.lpt + c.h
			zVar += c.variance
		}
	}
	res.Positions = n
	if zVar > 0 {
		res.Z = zNum / math.Sqrt(zVar)
	}
	// 11. Termination.
	for t, tok := range rec.Completion[:n-1] {
		if slices.Contains(v.EOS, int(tok)) {
			return fail(ErrTermination, "EOS at position %d before the end", t)
		}
	}
	last := int(rec.Completion[n-1])
	if slices.Contains(v.EOS, last) {
		if float64(rec.LogProbs[n-1]) < p.MinEOSLogProb {
			return fail(ErrTermination, "EOS with implausible log-probability %.3g", rec.LogProbs[n-1])
		}
	} else if n != p.MaxNewTokens {
		return fail(ErrTermination, "stopped after %d tokens without EOS (cap %d)", n, p.MaxNewTokens)
	}
	// 12. Reward.
	ids := make([]int, n)
	for i, t := range rec.Completion {
		ids[i] = int(t)
	}
	text, err := v.Tokenizer.Decode(ids, true)
	if err != nil {
		return fail(ErrTokenRange, "%v", err)
	}
	if r := task.Reward(text); r != rec.Reward {
		return fail(ErrReward, "claimed %v, recomputed %v", rec.Reward, r)
	}
	// 13. Advantages over the group's claimed rewards.
	if err := CheckGroup(group, rec.Problem, p.GroupSize); err != nil {
		return fail(ErrAdvantage, "%v", err)
	}
	rewards := make([]float32, len(group))
	for i, g := range group {
		rewards[i] = g.Reward
	}
	adv, err := grpo.Advantages(rewards)
	if err != nil {
		return fail(ErrAdvantage, "%v", err)
	}
	if adv[rec.Rollout] != rec.Advantage {
		return fail(ErrAdvantage, "claimed %v, group gives %v", rec.Advantage, adv[rec.Rollout])
	}
	return res, nil
}

// CheckGroup checks that group holds rollouts 0..G−1 of problem j in order.
func CheckGroup(group []*Record, j uint64, g int) error {
	if len(group) != g {
		return fmt.Errorf("group of problem %d has %d rollouts, want %d", j, len(group), g)
	}
	for i, r := range group {
		if r.Problem != j || int(r.Rollout) != i {
			return fmt.Errorf("group of problem %d: slot %d holds problem %d rollout %d", j, i, r.Problem, r.Rollout)
		}
	}
	return nil
}

// entropyStats returns, for the sampling distribution, its entropy H, the
// variance of log p under it, and log p(token).
// ZFlag is the soft check's flag threshold: a rollout with Z above it is
// reported (never rejected). For honest sampling Z is close to N(0, 1), so
// the false-flag rate is about P(N(0,1) > 4) = 3.2e-5 per rollout; measured
// rates are in docs/protocol.md §7.7.
const ZFlag = 4

// SoftZ is the soft distribution statistic of a completion: rows[t] are the
// logits that chose tokens[t] (see Result.Z).
func SoftZ(rows [][]float32, tokens []int, s model.Sampling) float64 {
	if s.Temperature <= 0 {
		return 0
	}
	var num, vr float64
	for t, tok := range tokens {
		h, v, lp := entropyStats(rows[t], s, tok)
		num += lp + h
		vr += v
	}
	if vr == 0 {
		return 0
	}
	return num / math.Sqrt(vr)
}

// positionCheck is what the verifier recomputes at one completion position
// from its logits.
type positionCheck struct {
	lp               float32 // log p(token), f32 as committed
	lo, hi           float64 // the token's sampler interval
	in               bool    // the token is in the kept set
	h, variance, lpt float64 // entropyStats (T > 0)
}

// checkPositions computes the checks of every completion position (row t of
// logits chose tokens[t]) on all cores: with a large vocabulary these passes
// cost more than a GPU's forward pass. Positions are independent and the
// caller reads the results in position order, so nothing depends on how the
// work was split.
func checkPositions(ctx context.Context, logits [][]float32, tokens []uint32, s model.Sampling) ([]positionCheck, error) {
	out := make([]positionCheck, len(tokens))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(tokens)) {
		wg.Go(func() {
			for {
				t := int(next.Add(1) - 1)
				if t >= len(tokens) || ctx.Err() != nil {
					return
				}
				z, tok := logits[t], int(tokens[t])
				// Committed values are f32: compare in f32 so an exact
				// recomputation shows a difference of exactly 0.
				c := &out[t]
				c.lp = float32(model.LogSoftmaxAt(z, tok))
				c.lo, c.hi, c.in = model.Interval(z, s, tok)
				if s.Temperature > 0 {
					c.h, c.variance, c.lpt = entropyStats(z, s, tok)
				}
			}
		})
	}
	wg.Wait()
	return out, ctx.Err()
}

func entropyStats(logits []float32, s model.Sampling, token int) (h, variance, lp float64) {
	w := make([]float64, len(logits))
	maxZ := math.Inf(-1)
	for _, l := range logits {
		maxZ = math.Max(maxZ, float64(l))
	}
	var total float64
	for i, l := range logits {
		w[i] = math.Exp((float64(l) - maxZ) / s.Temperature)
		total += w[i]
	}
	var e2 float64
	for _, x := range w {
		if x == 0 {
			continue
		}
		p := x / total
		l := math.Log(p)
		h -= p * l
		e2 += p * l * l
	}
	return h, math.Max(e2-h*h, 0), math.Log(w[token] / total)
}
