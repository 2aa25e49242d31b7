package model

import (
	"context"
	"fmt"
	"slices"
)

// GroupRequest is one GRPO group to generate: N rollouts of Prompt, rollout
// i sampling position t with U(i, t).
type GroupRequest struct {
	Prompt []int
	N      int
	U      Uniform
}

// ScheduleConfig configures GenerateGroups.
type ScheduleConfig struct {
	GenerateConfig
	// MaxSequences bounds the rollouts in flight (the KV caches held at
	// once); a group starts only when all its rollouts fit. 0: 256.
	MaxSequences int
	// Next returns group j's request, or false when no more groups should
	// start; it is called for j = 0, 1, … in order.
	Next func(j int) (GroupRequest, bool)
	// Done receives group j's rollouts, in order of j, once it and every
	// earlier group have finished; an error stops generation and is
	// returned.
	Done func(j int, rs []Rollout) error
}

// DefaultMaxSequences is ScheduleConfig.MaxSequences when unset.
const DefaultMaxSequences = 256

// sequence is one rollout in flight.
type sequence struct {
	group, index int
	cache        Cache
	pick         Picked // the sampler's pick not yet appended
	hidden       []float32
	sketch       []uint32
}

// batchGroup is one group in flight.
type batchGroup struct {
	req  GroupRequest
	rs   []Rollout
	left int // rollouts not finished
}

// GenerateGroups generates groups with continuous batching: every live
// rollout of every group in flight decodes in one batched forward pass per
// step, a finished rollout's slot goes to the next group, and each new
// group's prompt is prefilled once (in the same pass as the others' decode
// steps) and its cache forked per rollout. A rollout's tokens do not depend
// on what it was batched with (the protocol's products are per row), so
// each group is what GenerateGroup gives alone. Groups are delivered to
// Done in order; on an error or a cancelled ctx the groups delivered so far
// stand.
func GenerateGroups(ctx context.Context, b Backend, sc ScheduleConfig) error {
	if sc.MaxNewTokens <= 0 {
		return fmt.Errorf("model: need max new tokens > 0")
	}
	if err := sc.Sampling.Validate(); err != nil {
		return err
	}
	maxSeq := sc.MaxSequences
	if maxSeq <= 0 {
		maxSeq = DefaultMaxSequences
	}
	s := &scheduler{ctx: ctx, b: b, sc: sc, maxSeq: maxSeq, groups: map[int]*batchGroup{}}
	defer s.releaseAll()
	return s.run()
}

type scheduler struct {
	ctx      context.Context
	b        Backend
	sc       ScheduleConfig
	maxSeq   int
	live     []*sequence
	groups   map[int]*batchGroup
	next     int           // next group index to ask for
	deliver  int           // next group index to deliver
	held     *GroupRequest // asked for, waiting for room
	finished bool          // Next said no
}

func (s *scheduler) run() error {
	for {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		steps := s.advance()
		if err := s.deliverDone(); err != nil {
			return err
		}
		pre, err := s.admit()
		if err != nil {
			for _, p := range pre {
				p.Cache.Release()
			}
			return err
		}
		if len(steps) == 0 && len(pre) == 0 {
			if len(s.live) == 0 && s.finished && s.held == nil {
				return nil
			}
			// Unreachable while check bounds a group by maxSeq; never spin.
			return fmt.Errorf("model: scheduler stalled with %d rollouts in flight", len(s.live))
		}
		if err := s.forward(steps, pre); err != nil {
			return err
		}
	}
}

// advance appends every live rollout's pick, retires the finished ones and
// returns the decode steps of the rest (s.live is then those, in order).
func (s *scheduler) advance() []Step {
	gc := s.sc.GenerateConfig
	var steps []Step
	var next []*sequence
	for _, q := range s.live {
		g := s.groups[q.group]
		r := &g.rs[q.index]
		p := q.pick
		r.Tokens = append(r.Tokens, p.Token)
		r.LogProbs = append(r.LogProbs, float32(p.LogProb))
		r.SampleLogProbs = append(r.SampleLogProbs, float32(p.SampleLogProb))
		r.Margins = append(r.Margins, p.Margin)
		if q.sketch != nil {
			r.Sketches = append(r.Sketches, q.sketch[0])
		}
		if q.hidden != nil && gc.Hidden {
			r.Hidden = append(r.Hidden, q.hidden)
		}
		switch {
		case slices.Contains(gc.EOS, p.Token):
			r.Stop = "eos"
		case len(r.Tokens) >= gc.MaxNewTokens:
			r.Stop = "length"
		default:
			steps = append(steps, Step{Cache: q.cache, Tokens: []int{p.Token}, Uniforms: []float64{g.req.U(q.index, len(r.Tokens))},
				Sampling: gc.Sampling, Sketch: gc.Sketch})
			next = append(next, q)
			continue
		}
		q.cache.Release()
		g.left--
	}
	s.live = next
	return steps
}

// deliverDone hands finished groups to Done in order.
func (s *scheduler) deliverDone() error {
	for {
		g, ok := s.groups[s.deliver]
		if !ok || g.left > 0 {
			return nil
		}
		delete(s.groups, s.deliver)
		if err := s.sc.Done(s.deliver, g.rs); err != nil {
			return err
		}
		s.deliver++
	}
}

// admit starts the groups that fit and returns their prefill steps (group
// indices s.next-len(pre) … s.next-1).
func (s *scheduler) admit() ([]Step, error) {
	inFlight := len(s.live)
	var pre []Step
	for !s.finished || s.held != nil {
		if s.held == nil {
			req, ok := s.sc.Next(s.next)
			if !ok {
				s.finished = true
				break
			}
			if err := s.check(req); err != nil {
				return pre, fmt.Errorf("group %d: %w", s.next, err)
			}
			s.held = &req
		}
		if inFlight+s.held.N > s.maxSeq {
			break
		}
		req := *s.held
		c, err := s.b.NewCache(s.maxLen(req.Prompt))
		if err != nil {
			return pre, err
		}
		us := make([]float64, req.N)
		for i := range us {
			us[i] = req.U(i, 0)
		}
		pre = append(pre, Step{Cache: c, Tokens: req.Prompt, Uniforms: us, Sampling: s.sc.Sampling, Sketch: s.sc.Sketch})
		s.groups[s.next] = &batchGroup{req: req, rs: make([]Rollout, req.N), left: req.N}
		s.next++
		s.held = nil
		inFlight += req.N
	}
	return pre, nil
}

func (s *scheduler) maxLen(prompt []int) int {
	if s.sc.MaxLen > 0 {
		return s.sc.MaxLen
	}
	return len(prompt) + s.sc.MaxNewTokens
}

func (s *scheduler) check(req GroupRequest) error {
	if len(req.Prompt) == 0 {
		return fmt.Errorf("model: empty prompt")
	}
	if req.N <= 0 {
		return fmt.Errorf("model: need n > 0 rollouts")
	}
	if req.N > s.maxSeq {
		return fmt.Errorf("model: a group of %d rollouts exceeds %d sequences in flight", req.N, s.maxSeq)
	}
	maxLen := s.maxLen(req.Prompt)
	if maxLen > s.b.Config().MaxPositions || len(req.Prompt)+s.sc.MaxNewTokens > maxLen {
		return fmt.Errorf("%w: prompt %d + %d new tokens, context %d", ErrContext, len(req.Prompt), s.sc.MaxNewTokens, min(maxLen, s.b.Config().MaxPositions))
	}
	return nil
}

// forward runs one pass over the decode steps of the live rollouts and the
// prefills of newly admitted groups, then forks each new group's cache.
func (s *scheduler) forward(steps, pre []Step) error {
	firstNew := s.next - len(pre)
	all := append(steps, pre...)
	outs, err := s.b.Forward(s.ctx, all)
	if err != nil {
		for _, p := range pre {
			p.Cache.Release()
		}
		return fmt.Errorf("generate: %w", err)
	}
	for k, q := range s.live {
		q.pick = outs[k].Picks[0]
		q.hidden, q.sketch = lastState(outs[k])
	}
	for k, p := range pre {
		j := firstNew + k
		out := outs[len(steps)+k]
		g := s.groups[j]
		hidden, sketch := lastState(out)
		seqs := make([]*sequence, g.req.N)
		seqs[0] = &sequence{group: j, index: 0, cache: p.Cache}
		for i := 1; i < g.req.N; i++ {
			f, err := p.Cache.Fork()
			if err != nil {
				for _, q := range seqs[:i] {
					q.cache.Release()
				}
				for _, p := range pre[k+1:] {
					p.Cache.Release()
				}
				return fmt.Errorf("group %d: fork cache %d: %w", j, i, err)
			}
			seqs[i] = &sequence{group: j, index: i, cache: f}
		}
		for i, q := range seqs {
			q.pick, q.hidden, q.sketch = out.Picks[i], hidden, sketch
		}
		s.live = append(s.live, seqs...)
	}
	return nil
}

// releaseAll gives back the caches of rollouts still in flight.
func (s *scheduler) releaseAll() {
	for _, q := range s.live {
		q.cache.Release()
	}
	s.live = nil
}
