// Package calibrate measures honest drift between model backends: it
// generates rollouts on one backend, recomputes every completion position on
// another exactly as a validator does, and reports the distribution of the
// three quantities the verifier bounds — the sampler's slack (how far the
// uniform lies inside the committed token's CDF interval; negative is
// outside), the log-probability difference and the sketch distance — by
// position. Tolerances in proofs.DefaultParams and sketch.Tolerance are
// chosen from these reports (docs/protocol.md, "Tolerances").
package calibrate

import (
	"context"
	"fmt"
	"math"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/internal/stats"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/sketch"
)

// Backend is a named backend taking part in a calibration.
type Backend struct {
	Name string
	model.Backend
	// Reference marks a backend outside the precision contract (bf16
	// activations): it is measured for the record and never counts toward
	// the false-reject rate.
	Reference bool
}

// Config is one calibration run.
type Config struct {
	// Generators produce rollouts; each rollout is recomputed on every
	// Checker whose name differs from its generator's.
	Generators, Checkers []Backend
	// Batches are the group sizes rollouts are decoded in (one batched
	// forward pass per step); the rollouts are split evenly across them.
	Batches []int
	// Rollouts per generator (at least one group per batch size).
	Rollouts int
	// MaxNew is the completion length cap (the protocol's); prompts are
	// random token sequences of PromptMin..PromptMax tokens.
	MaxNew               int
	PromptMin, PromptMax int
	Sampling             model.Sampling
	// Seed keys prompts, uniforms and sketch coefficients.
	Seed [32]byte
	// Tolerances under test: a position counts as rejected when it breaks
	// any of them.
	Margin, LogProbTol float64
	SketchTol          func(pos int) uint32
	// Progress, when set, is called after each group.
	Progress func(done, total int)
	// Explain generates with hidden states returned to the host (the
	// commitments' sketches then computed there, which the device sketch
	// matches bit for bit) and explains every rejected sketch (Report.
	// Explanations). OnlyBatch, when set, runs only that batch size's
	// groups, with the prompts and uniforms they have in a full run, so a
	// rejection can be looked at again without the rest.
	Explain   bool
	OnlyBatch int
}

// Sample is one completion position recomputed on a checker.
type Sample struct {
	Pos        int
	Slack      float64 // min(u−lo, hi−u); negative when u is outside the interval
	LogProb    float64 // |committed − recomputed|, in f32 as the verifier compares
	SketchDist uint32  // to the nearest of the checker's sketch set, as a verifier measures it (sketch.Check)
	Tied       bool    // the commitment matched only an alternative (a near-tied swap across the top 16's edge)
	Alts       int     // the checker's sketch set's alternatives (> 0: a near tie exists; each one more accepted residue window for a forger)
}

// Pair is the result of one generator → checker pair at one batch size.
type Pair struct {
	Generator, Checker string
	Reference          bool
	Batch              int
	Rollouts           int
	Samples            []Sample `json:"-"`
	// Summary figures.
	Positions         int
	Rejected          int // positions breaking a tolerance
	RejectedRollouts  int
	MinSlack          float64
	MaxLogProb        float64
	P9999LogProb      float64
	MaxSketch         uint32
	P9999Sketch       uint32
	SketchNonzero     int
	SketchTied        int // positions accepted only through an alternative of the sketch set
	TiePositions      int // positions whose checker's sketch set had alternatives (more accepted values)
	Alternatives      int // alternatives over all positions: 1 + Alternatives/Positions is the mean accepted windows a position
	ByPosition        []Bucket
	ByPositionLogProb []float64 `json:"-"`
}

// Bucket summarizes positions [From, To).
type Bucket struct {
	From, To   int
	Positions  int
	MinSlack   float64
	MaxLogProb float64
	MaxSketch  uint32
}

// Report is a whole calibration.
type Report struct {
	Pairs []*Pair
	// Honest totals over pairs inside the contract.
	HonestRollouts, HonestPositions, HonestRejected int
	// Explanations of rejected sketches (Config.Explain).
	Explanations []Explanation `json:",omitempty"`
}

// Run executes the calibration.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if len(cfg.Generators) == 0 || len(cfg.Checkers) == 0 || len(cfg.Batches) == 0 {
		return nil, fmt.Errorf("calibrate: need generators, checkers and batch sizes")
	}
	if cfg.MaxNew <= 0 || cfg.PromptMin <= 0 || cfg.PromptMax < cfg.PromptMin {
		return nil, fmt.Errorf("calibrate: bad lengths (max new %d, prompt %d..%d)", cfg.MaxNew, cfg.PromptMin, cfg.PromptMax)
	}
	coeffs := challenge.SketchCoefficients(cfg.Seed)
	rep := &Report{}
	pairs := map[string]*Pair{}
	totalGroups := 0
	plan := make([]int, len(cfg.Batches))
	for i, bs := range cfg.Batches {
		plan[i] = max(1, cfg.Rollouts/len(cfg.Batches)/bs)
		totalGroups += plan[i] * len(cfg.Generators)
	}
	done := 0
	for gi, gen := range cfg.Generators {
		for bi, bs := range cfg.Batches {
			if cfg.OnlyBatch != 0 && bs != cfg.OnlyBatch {
				done += plan[bi]
				continue
			}
			for g := 0; g < plan[bi]; g++ {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				problem := uint64(gi)<<40 | uint64(bi)<<32 | uint64(g)
				stream := challenge.NewStream(challenge.PRF32("calibrate-prompt", cfg.Seed[:], challenge.U64(problem)))
				prompt := make([]int, cfg.PromptMin+int(stream.Below(uint64(cfg.PromptMax-cfg.PromptMin+1))))
				V := gen.Config().VocabSize
				for i := range prompt {
					prompt[i] = int(stream.Below(uint64(V)))
				}
				us := make([]*challenge.TokenUniforms, bs)
				for i := range us {
					us[i] = challenge.NewTokenUniforms(cfg.Seed, [20]byte{}, problem, uint64(i))
				}
				u := func(i, t int) float64 { return us[i].At(t) }
				rs, err := generate(ctx, gen, prompt, bs, cfg, coeffs, u)
				if err != nil {
					return nil, fmt.Errorf("generate on %s (batch %d): %w", gen.Name, bs, err)
				}
				for _, chk := range cfg.Checkers {
					if chk.Name == gen.Name {
						continue
					}
					key := fmt.Sprintf("%s>%s>%d", gen.Name, chk.Name, bs)
					p := pairs[key]
					if p == nil {
						p = &Pair{Generator: gen.Name, Checker: chk.Name, Reference: chk.Reference || gen.Reference, Batch: bs}
						pairs[key] = p
						rep.Pairs = append(rep.Pairs, p)
					}
					outs, err := p.checkGroup(ctx, chk, prompt, rs, cfg, coeffs, u)
					if err != nil {
						return nil, fmt.Errorf("recompute on %s: %w", chk.Name, err)
					}
					if cfg.Explain {
						es, err := explainGroup(ctx, chk, prompt, rs, outs, cfg, bs, g)
						if err != nil {
							return nil, err
						}
						rep.Explanations = append(rep.Explanations, es...)
					}
				}
				done++
				if cfg.Progress != nil {
					cfg.Progress(done, totalGroups)
				}
			}
		}
	}
	for _, p := range rep.Pairs {
		p.summarize(cfg.MaxNew)
		if !p.Reference {
			rep.HonestRollouts += p.Rollouts
			rep.HonestPositions += p.Positions
			rep.HonestRejected += p.Rejected
		}
	}
	return rep, nil
}

// checkGroup recomputes a group's rollouts on chk in one batched pass, as
// the verifier does (proofs.Recompute: the shared prompt once), and records
// each position's slack, log-probability difference and sketch distance.
func (p *Pair) checkGroup(ctx context.Context, chk Backend, prompt []int, rs []model.Rollout, cfg Config, coeffs sketch.Coefficients, u func(i, t int) float64) ([]model.Output, error) {
	in := make([]proofs.Rollout, len(rs))
	for i, r := range rs {
		in[i] = proofs.Rollout{Prompt: prompt, Completion: r.Tokens}
	}
	outs, err := proofs.Recompute(ctx, chk, in, &cfg.Sampling, &coeffs)
	if err != nil {
		return nil, err
	}
	for i, r := range rs {
		p.check(r, outs[i], cfg, func(t int) float64 { return u(i, t) })
	}
	return outs, nil
}

// generate decodes one group on gen as a miner does. With cfg.Explain the
// hidden states come back to the host and the sketches are computed there.
func generate(ctx context.Context, gen Backend, prompt []int, n int, cfg Config, coeffs sketch.Coefficients, u func(i, t int) float64) ([]model.Rollout, error) {
	gc := model.GenerateConfig{MaxNewTokens: cfg.MaxNew, Sampling: cfg.Sampling, Sketch: &coeffs}
	if cfg.Explain {
		gc.Sketch, gc.Hidden = nil, true
	}
	rs, err := model.GenerateGroup(ctx, gen, prompt, n, gc, u)
	if err != nil || !cfg.Explain {
		return rs, err
	}
	for i := range rs {
		if len(rs[i].Hidden) != len(rs[i].Tokens) {
			return nil, fmt.Errorf("explain: %s returned %d hidden states for %d tokens", gen.Name, len(rs[i].Hidden), len(rs[i].Tokens))
		}
		rs[i].Sketches = make([]uint32, len(rs[i].Tokens))
		for t, h := range rs[i].Hidden {
			rs[i].Sketches[t] = sketch.Compute(h, coeffs)
		}
	}
	return rs, nil
}

// sketchRejects reports whether a sketch distance at position t breaks the
// tolerance under test (none set: nothing is rejected for it).
func (c Config) sketchRejects(d uint32, t int) bool {
	return c.SketchTol != nil && d > c.SketchTol(t)
}

// check records one recomputed rollout's positions.
func (p *Pair) check(r model.Rollout, out model.Output, cfg Config, u func(int) float64) {
	p.Rollouts++
	bad := false
	for t, tok := range r.Tokens {
		var st model.PositionStats
		if out.Stats != nil {
			st = out.Stats[t]
		} else {
			st = model.StatsAt(out.Logits[t], cfg.Sampling, tok)
		}
		lp := float32(st.LogProb)
		ut := u(t)
		s := Sample{Pos: t, Slack: math.Min(ut-st.Lo, st.Hi-ut), LogProb: math.Abs(float64(lp) - float64(r.LogProbs[t]))}
		if !st.In {
			s.Slack = -1 // the token is outside the kept set: as far out as a probability goes
		}
		set := out.SketchSet(t)
		s.SketchDist, _ = sketch.Check(r.Sketches[t], set, t)
		s.Tied = s.SketchDist < sketch.Distance(r.Sketches[t], set.Sketch)
		s.Alts = len(set.Alternatives())
		if s.Slack < -cfg.Margin || s.LogProb > cfg.LogProbTol || cfg.sketchRejects(s.SketchDist, t) {
			p.Rejected++
			bad = true
		}
		p.Samples = append(p.Samples, s)
	}
	if bad {
		p.RejectedRollouts++
	}
}

// replay is proofs.Recompute over one rollout without statistics: row t
// holds the logits and hidden state that chose completion token t.
func replay(ctx context.Context, b model.Backend, prompt, completion []int) (model.Output, error) {
	outs, err := proofs.Recompute(ctx, b, []proofs.Rollout{{Prompt: prompt, Completion: completion}}, nil, nil)
	if err != nil {
		return model.Output{}, err
	}
	return outs[0], nil
}

func (p *Pair) summarize(maxNew int) {
	p.Positions = len(p.Samples)
	p.MinSlack = math.Inf(1)
	lps := make([]float64, 0, len(p.Samples))
	sks := make([]float64, 0, len(p.Samples))
	const width = 8
	p.ByPosition = nil
	for from := 0; from < maxNew; from += width {
		p.ByPosition = append(p.ByPosition, Bucket{From: from, To: min(from+width, maxNew), MinSlack: math.Inf(1)})
	}
	p.ByPositionLogProb = make([]float64, maxNew)
	for _, s := range p.Samples {
		p.MinSlack = math.Min(p.MinSlack, s.Slack)
		p.MaxLogProb = math.Max(p.MaxLogProb, s.LogProb)
		p.MaxSketch = max(p.MaxSketch, s.SketchDist)
		if s.SketchDist != 0 {
			p.SketchNonzero++
		}
		if s.Tied {
			p.SketchTied++
		}
		if s.Alts > 0 {
			p.TiePositions++
		}
		p.Alternatives += s.Alts
		lps = append(lps, s.LogProb)
		sks = append(sks, float64(s.SketchDist))
		b := &p.ByPosition[s.Pos/width]
		b.Positions++
		b.MinSlack = math.Min(b.MinSlack, s.Slack)
		b.MaxLogProb = math.Max(b.MaxLogProb, s.LogProb)
		b.MaxSketch = max(b.MaxSketch, s.SketchDist)
		p.ByPositionLogProb[s.Pos] = math.Max(p.ByPositionLogProb[s.Pos], s.LogProb)
	}
	finite := func(v *float64) {
		if math.IsInf(*v, 0) {
			*v = 0 // no positions
		}
	}
	finite(&p.MinSlack)
	for i := range p.ByPosition {
		finite(&p.ByPosition[i].MinSlack)
	}
	p.P9999LogProb = stats.Quantile(lps, 0.9999)
	p.P9999Sketch = uint32(stats.Quantile(sks, 0.9999))
}
