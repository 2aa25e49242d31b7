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
	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/sketch"
)

// Verifier checks records of one window against a recomputation on the
// validator's backend. It holds no per-record state and may be reused.
type Verifier struct {
	Backend     model.Backend
	Tokenizer   *tokenizer.Tokenizer
	Env         env.Environment
	Params      Params
	ModelID     [32]byte
	EOS         []int
	Window      uint64
	WindowSeed  [32]byte
	OpeningSeed [32]byte
	// BatchRows bounds the rows of one batched forward pass in VerifyAll
	// (0: 8,192); it applies only where batching happens (see VerifyAll).
	BatchRows int
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

// Item is one record to verify with its whole group from the same file
// (for the advantage check).
type Item struct {
	Rec   *Record
	Group []*Record
}

// Outcome is what Verify returns for one item.
type Outcome struct {
	Result Result
	Err    error
}

// defaultBatchRows bounds a batched pass (VerifyAll) on a backend that keeps
// logits on its device: 8,192 rows of 151,936 f32 logits are 5 GB there.
const defaultBatchRows = 8192

// hostLogitBytes bounds the logits a batched pass brings to the host when
// the backend does not compute the statistics itself: 256 MiB is about one
// rollout at Qwen's vocabulary, thousands of rows at the demo model's.
const hostLogitBytes = 256 << 20

// Verify runs every check on rec, in the order of docs/protocol.md, and
// returns the first failure wrapped with its reason (see Reasons). group is
// the record's whole group from the same file (for the advantage check).
func (v *Verifier) Verify(ctx context.Context, rec *Record, group []*Record) (Result, error) {
	out := v.VerifyAll(ctx, []Item{{rec, group}})
	return out[0].Result, out[0].Err
}

// VerifyAll verifies items in order as Verify does and stops at the first
// failure, as a validator judging a miner's sample does: it returns the
// outcomes of items[:k], where the last failed unless all k = len(items)
// passed. Records are verified in batched passes (see forwardBatch) of at
// most BatchRows rows where the backend computes the per-position
// statistics on its device (model.StatsOnDevice), else of as many rows as
// 256 MiB of host logits hold. Each outcome is the same as Verify's for
// that item alone.
func (v *Verifier) VerifyAll(ctx context.Context, items []Item) []Outcome {
	budget := hostLogitBytes / (4 * max(1, v.Backend.Config().VocabSize))
	if d, ok := v.Backend.(model.StatsOnDevice); ok && d.StatsOnDevice(v.Params.Sampling) {
		budget = v.BatchRows
		if budget <= 0 {
			budget = defaultBatchRows
		}
	}
	out := make([]Outcome, 0, len(items))
	var batch []*pending
	rows := 0
	prompts := map[string]bool{}
	// flush judges the batch; false once an outcome failed.
	flush := func() bool {
		if len(batch) > 0 {
			v.forwardBatch(ctx, batch)
		}
		for _, pd := range batch {
			out = append(out, pd.outcome)
			if pd.outcome.Err != nil {
				return false
			}
		}
		batch, rows = batch[:0], 0
		clear(prompts)
		return true
	}
	for _, it := range items {
		pd := v.precheck(it)
		if pd.outcome.Err != nil {
			// A model-free failure ends the sample once the records
			// before it are judged.
			if flush() {
				out = append(out, pd.outcome)
			}
			return out
		}
		P := len(pd.item.Rec.Prompt)
		key := tokensKey(pd.seq[:P])
		// Rows of the record's own pass, and of its prompt's once a batch
		// (counted against the batch it lands in, after a flush too).
		need := func() int {
			if prompts[key] {
				return len(pd.item.Rec.Completion)
			}
			return len(pd.item.Rec.Completion) + P - 1
		}
		if len(batch) > 0 && rows+need() > budget && !flush() {
			return out
		}
		rows += need()
		batch = append(batch, pd)
		prompts[key] = true
	}
	flush()
	return out
}

// CheckFile runs every check that needs no model — 1–6 and 11–13 of
// docs/protocol.md §7.5 — on every record of miner's window file, whose
// records are whole groups of problems 0..n−1 in order, and returns the
// first failure with its reason. A file scores only if it passes: the
// opened sample is then verified with the model (Verify, VerifyAll), so no
// record counts that nobody checked. Records of another miner are a
// window-file failure. It costs microseconds a record (a signature
// recovery, a decode and a reward), next to a forward pass per opened one.
func (v *Verifier) CheckFile(ctx context.Context, miner [20]byte, recs []*Record) error {
	G := v.Params.GroupSize
	if G <= 0 || len(recs)%G != 0 {
		return fmt.Errorf("%w: %d records are not whole groups of %d", ErrSchema, len(recs), G)
	}
	tasks := map[uint64]derived{}
	for i, rec := range recs {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if rec.Miner != miner {
			return fmt.Errorf("%w: record %d (problem %d rollout %d) is miner %x's, the file is %x's", ErrFile, i, rec.Problem, rec.Rollout, rec.Miner, miner)
		}
		group := recs[i/G*G : i/G*G+G]
		pd := v.precheckWith(Item{rec, group}, tasks)
		if pd.outcome.Err != nil {
			return pd.outcome.Err
		}
		if err := v.checkClaims(pd); err != nil {
			return err
		}
		if i%G == G-1 {
			delete(tasks, rec.Problem) // a group's records are contiguous
		}
	}
	return nil
}

// pending is a record between its model-free checks and its forward pass.
type pending struct {
	item    Item
	task    env.Task
	seq     []int // prompt + completion
	outcome Outcome
}

// fail records a failure with its reason and the record's identity.
func (pd *pending) fail(reason error, format string, args ...any) {
	rec := pd.item.Rec
	pd.outcome.Err = fmt.Errorf("%w: window %d miner %s problem %d rollout %d: %s", reason, rec.Window, rec.Miner, rec.Problem, rec.Rollout, fmt.Sprintf(format, args...))
}

// precheck runs checks 1–6 (everything before the forward pass).
func (v *Verifier) precheck(it Item) *pending { return v.precheckWith(it, nil) }

// derived is a problem's re-derived challenge.
type derived struct {
	task   env.Task
	prompt []uint32
	err    error
}

// precheckWith is precheck with the challenges derived so far (nil: none
// kept), so a file's records derive each problem once.
func (v *Verifier) precheckWith(it Item, tasks map[uint64]derived) *pending {
	pd := &pending{item: it}
	rec, p := it.Rec, v.Params
	// 1. Schema and limits.
	n := len(rec.Completion)
	switch {
	case n == 0:
		pd.fail(ErrSchema, "empty completion")
	case len(rec.LogProbs) != n || len(rec.Sketches) != n:
		pd.fail(ErrSchema, "%d tokens, %d logprobs, %d sketches", n, len(rec.LogProbs), len(rec.Sketches))
	case n > p.MaxNewTokens:
		pd.fail(ErrSchema, "%d completion tokens exceed the cap %d", n, p.MaxNewTokens)
	case len(rec.Prompt) == 0 || len(rec.Prompt) > p.Limits.MaxPrompt:
		pd.fail(ErrSchema, "prompt of %d tokens", len(rec.Prompt))
	case int(rec.Rollout) >= p.GroupSize:
		pd.fail(ErrSchema, "rollout index %d ≥ group size %d", rec.Rollout, p.GroupSize)
	}
	if pd.outcome.Err != nil {
		return pd
	}
	if err := rec.checkFloats(); err != nil {
		pd.fail(ErrSchema, "%v", err)
		return pd
	}
	// 2. Signature and miner identity.
	signer, err := rec.Signer()
	if err != nil {
		pd.fail(ErrSignature, "%v", err)
		return pd
	}
	if signer != rec.Miner {
		pd.fail(ErrSignature, "signed by %s", signer)
		return pd
	}
	// 3. Window and protocol version.
	if rec.Version != Version {
		pd.fail(ErrVersion, "version %d, this validator speaks %d", rec.Version, Version)
		return pd
	}
	if rec.Window != v.Window {
		pd.fail(ErrWindow, "record is for window %d", rec.Window)
		return pd
	}
	// 4. Model.
	if rec.ModelID != v.ModelID {
		pd.fail(ErrModel, "model %x, network model %x", rec.ModelID[:8], v.ModelID[:8])
		return pd
	}
	// 5. Prompt equals the re-derived challenge.
	d, ok := tasks[rec.Problem]
	if !ok {
		d.task, d.prompt, d.err = Task(v.Env, v.Tokenizer, v.WindowSeed, rec.Miner, rec.Problem)
		if tasks != nil {
			tasks[rec.Problem] = d
		}
	}
	task, prompt, err := d.task, d.prompt, d.err
	if err != nil {
		pd.fail(ErrPrompt, "%v", err)
		return pd
	}
	if !slices.Equal(prompt, rec.Prompt) {
		pd.fail(ErrPrompt, "prompt differs from problem %d's challenge", rec.Problem)
		return pd
	}
	pd.task = task
	// 6. Token ids in the vocabulary.
	vocab := v.Backend.Config().VocabSize
	pd.seq = make([]int, 0, len(rec.Prompt)+n)
	for _, t := range rec.Prompt {
		pd.seq = append(pd.seq, int(t))
	}
	for i, t := range rec.Completion {
		if int(t) >= vocab {
			pd.fail(ErrTokenRange, "token %d at position %d outside vocabulary %d", t, i, vocab)
			return pd
		}
		pd.seq = append(pd.seq, int(t))
	}
	return pd
}

// forwardBatch runs check 7 (Recompute) for the batch, then checks 8–13
// per record.
func (v *Verifier) forwardBatch(ctx context.Context, batch []*pending) {
	coeffs := challenge.SketchCoefficients(v.WindowSeed)
	rs := make([]Rollout, len(batch))
	for i, pd := range batch {
		P := len(pd.item.Rec.Prompt)
		rs[i] = Rollout{Prompt: pd.seq[:P], Completion: pd.seq[P:]}
	}
	outs, err := Recompute(ctx, v.Backend, rs, &v.Params.Sampling, &coeffs)
	for i, pd := range batch {
		if err != nil {
			rec := pd.item.Rec
			pd.outcome.Err = fmt.Errorf("window %d miner %s problem %d rollout %d: forward: %w", rec.Window, rec.Miner, rec.Problem, rec.Rollout, err)
			continue
		}
		v.postcheck(ctx, pd, outs[i], coeffs)
		outs[i] = model.Output{} // the host's logits of a record go once it is judged
	}
}

// Rollout is a prompt and a completion to recompute.
type Rollout struct {
	Prompt, Completion []int
}

// Recompute is the verifier's forward pass (check 7) over rollouts, the
// one calibration and forgery experiments use too: row t of a rollout's
// output is the position whose logits and hidden state chose completion
// token t (the last completion token is never fed: nothing depends on it),
// with the per-position statistics under *stats asked for at every row
// (Output.Stats where the backend computes them, else Logits; nil: no
// statistics, every row's logits come back) and, when sk is set, the
// sketch of every row (Output.Sketches). Rollouts that share a prompt share
// its prefill: it is prefilled once but for its last token (pass one), the
// cache forked per rollout, and each rollout's pass (two) starts at the
// last prompt token — the same bits as one pass on the CPU engine and the
// exact CUDA products (both compute per row).
func Recompute(ctx context.Context, b model.Backend, rs []Rollout, stats *model.Sampling, sk *sketch.Coefficients) ([]model.Output, error) {
	var caches []model.Cache
	defer func() {
		for _, c := range caches {
			c.Release()
		}
	}()
	type prefix struct {
		prompt []int
		cache  model.Cache
		need   int // positions the longest rollout needs
		users  int
	}
	prefixes := map[string]*prefix{}
	var order []*prefix
	for _, r := range rs {
		if len(r.Prompt) == 0 || len(r.Completion) == 0 {
			return nil, fmt.Errorf("proofs: recompute: empty prompt or completion")
		}
		k := tokensKey(r.Prompt)
		px, ok := prefixes[k]
		if !ok {
			px = &prefix{prompt: r.Prompt}
			prefixes[k] = px
			order = append(order, px)
		}
		px.need = max(px.need, len(r.Prompt)+len(r.Completion))
	}
	var pre []model.Step
	for _, px := range order {
		c, err := b.NewCache(px.need)
		if err != nil {
			return nil, err
		}
		caches = append(caches, c)
		px.cache = c
		if P := len(px.prompt); P > 1 {
			pre = append(pre, model.Step{Cache: c, Tokens: px.prompt[:P-1]})
		}
	}
	if len(pre) > 0 {
		if _, err := b.Forward(ctx, pre); err != nil {
			return nil, err
		}
	}
	steps := make([]model.Step, len(rs))
	for i, r := range rs {
		px := prefixes[tokensKey(r.Prompt)]
		c := px.cache
		if px.users > 0 {
			f, err := c.Fork()
			if err != nil {
				return nil, err
			}
			caches = append(caches, f)
			c = f
		}
		px.users++
		P := len(r.Prompt)
		tokens := append([]int{r.Prompt[P-1]}, r.Completion[:len(r.Completion)-1]...)
		steps[i] = model.Step{Cache: c, Tokens: tokens, All: true, Sketch: sk}
		if stats != nil {
			steps[i].Sampling, steps[i].Stats = *stats, r.Completion
		}
	}
	outs, err := b.Forward(ctx, steps)
	if err != nil {
		return nil, err
	}
	if sk != nil {
		for i, o := range outs {
			if len(o.Sketches) != len(steps[i].Tokens) {
				return nil, fmt.Errorf("proofs: recompute: the backend returned %d sketches for %d positions", len(o.Sketches), len(steps[i].Tokens))
			}
		}
	}
	return outs, nil
}

func tokensKey(p []int) string {
	b := make([]byte, 0, 4*len(p))
	for _, t := range p {
		b = append(b, byte(t>>24), byte(t>>16), byte(t>>8), byte(t))
	}
	return string(b)
}

// postcheck runs checks 8–13 on one record's forward pass.
func (v *Verifier) postcheck(ctx context.Context, pd *pending, out model.Output, coeffs sketch.Coefficients) {
	rec, p, res := pd.item.Rec, v.Params, &pd.outcome.Result
	n := len(rec.Completion)
	// 8. Sketches at the opened positions (row t of the record's pass is
	// the position that chose completion token t).
	opened := OpenPositions(v.OpeningSeed, rec.Hash(), n, p.K)
	res.SketchesOpened = len(opened)
	for _, t := range opened {
		d, ok := sketch.Check(rec.Sketches[t], out.SketchSet(t), t)
		res.MaxSketchDist = max(res.MaxSketchDist, d)
		if !ok {
			pd.fail(ErrSketch, "position %d: distance %d over tolerance %d", t, d, sketch.Tolerance(t))
			return
		}
	}
	// 9.–10. Log-probability and verifiable sampling at every position.
	var checks []model.PositionStats
	if out.Stats != nil {
		checks = out.Stats
	} else {
		var err error
		if checks, err = checkPositions(ctx, out.Logits, rec.Completion, p.Sampling); err != nil {
			pd.outcome.Err = err
			return
		}
	}
	us := challenge.NewTokenUniforms(v.WindowSeed, rec.Miner, rec.Problem, uint64(rec.Rollout))
	res.MinSlack = math.Inf(1)
	var zNum, zVar float64
	for t, tok := range rec.Completion {
		c := &checks[t]
		// Committed values are f32: compare in f32 so an exact
		// recomputation shows a difference of exactly 0.
		lp := float32(c.LogProb)
		diff := math.Abs(float64(lp) - float64(rec.LogProbs[t]))
		res.MaxLogProbDiff = math.Max(res.MaxLogProbDiff, diff)
		if !(diff <= p.LogProbTol) { // NaN fails too
			pd.fail(ErrLogProb, "position %d: committed %.6g, recomputed %.6g", t, rec.LogProbs[t], lp)
			return
		}
		u := us.At(t)
		if !c.In || !(u >= c.Lo-p.SamplingMargin && u < c.Hi+p.SamplingMargin) {
			pd.fail(ErrSampling, "position %d: u=%.9f outside token %d's interval [%.9f, %.9f)", t, u, tok, c.Lo, c.Hi)
			return
		}
		res.MinSlack = math.Min(res.MinSlack, math.Min(u-c.Lo, c.Hi-u))
		if p.Sampling.Temperature > 0 {
			zNum += c.TemperedLogProb + c.Entropy
			zVar += c.Variance
		}
	}
	res.Positions = n
	if zVar > 0 {
		res.Z = zNum / math.Sqrt(zVar)
	}
	if err := v.checkClaims(pd); err != nil {
		pd.outcome.Err = err
	}
}

// checkClaims runs checks 11–13: termination, reward and advantage.
func (v *Verifier) checkClaims(pd *pending) error {
	rec, group, p := pd.item.Rec, pd.item.Group, v.Params
	n := len(rec.Completion)
	// 11. Termination.
	for t, tok := range rec.Completion[:n-1] {
		if slices.Contains(v.EOS, int(tok)) {
			pd.fail(ErrTermination, "EOS at position %d before the end", t)
			return pd.outcome.Err
		}
	}
	last := int(rec.Completion[n-1])
	if slices.Contains(v.EOS, last) {
		if float64(rec.LogProbs[n-1]) < p.MinEOSLogProb {
			pd.fail(ErrTermination, "EOS with implausible log-probability %.3g", rec.LogProbs[n-1])
			return pd.outcome.Err
		}
	} else if n != p.MaxNewTokens {
		pd.fail(ErrTermination, "stopped after %d tokens without EOS (cap %d)", n, p.MaxNewTokens)
		return pd.outcome.Err
	}
	// 12. Reward.
	ids := make([]int, n)
	for i, t := range rec.Completion {
		ids[i] = int(t)
	}
	text, err := v.Tokenizer.Decode(ids, true)
	if err != nil {
		pd.fail(ErrTokenRange, "%v", err)
		return pd.outcome.Err
	}
	if r := pd.task.Reward(text); r != rec.Reward {
		pd.fail(ErrReward, "claimed %v, recomputed %v", rec.Reward, r)
		return pd.outcome.Err
	}
	// 13. Advantages over the group's claimed rewards.
	if err := CheckGroup(group, rec.Problem, p.GroupSize); err != nil {
		pd.fail(ErrAdvantage, "%v", err)
		return pd.outcome.Err
	}
	rewards := make([]float32, len(group))
	for i, g := range group {
		rewards[i] = g.Reward
	}
	adv, err := grpo.Advantages(rewards)
	if err != nil {
		pd.fail(ErrAdvantage, "%v", err)
		return pd.outcome.Err
	}
	if adv[rec.Rollout] != rec.Advantage {
		pd.fail(ErrAdvantage, "claimed %v, group gives %v", rec.Advantage, adv[rec.Rollout])
		return pd.outcome.Err
	}
	return nil
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
		st := model.StatsAt(rows[t], s, tok)
		num += st.TemperedLogProb + st.Entropy
		vr += st.Variance
	}
	if vr == 0 {
		return 0
	}
	return num / math.Sqrt(vr)
}

// checkPositions computes the statistics of every completion position (row
// t of logits chose tokens[t]) on all cores: with a large vocabulary these
// passes cost more than a GPU's forward pass. Positions are independent and
// the caller reads the results in position order, so nothing depends on how
// the work was split.
func checkPositions(ctx context.Context, logits [][]float32, tokens []uint32, s model.Sampling) ([]model.PositionStats, error) {
	out := make([]model.PositionStats, len(tokens))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(tokens)) {
		wg.Go(func() {
			for {
				t := int(next.Add(1) - 1)
				if t >= len(tokens) || ctx.Err() != nil {
					return
				}
				out[t] = model.StatsAt(logits[t], s, int(tokens[t]))
			}
		})
	}
	wg.Wait()
	return out, ctx.Err()
}
