package settle

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/hash/mimc"
)

// Circuit is the settlement rule as constraints: the same consensus,
// clipping and payouts as score.ConsensusOf on every window of an epoch,
// over witnesses whose MiMC digest must equal the public one the contract
// computed from its posts. Build one with NewCircuit (the slices sized by
// the shape) for compiling, and with Assign for proving.
type Circuit struct {
	Digest   frontend.Variable   `gnark:",public"`
	Emission frontend.Variable   `gnark:",public"`
	MinerBps frontend.Variable   `gnark:",public"`
	Payouts  []frontend.Variable `gnark:",public"`

	Windows []WindowWitness
}

// WindowWitness is one window's posts: Count present slots first, the rest
// zero.
type WindowWitness struct {
	Count frontend.Variable
	Slots []SlotWitness
}

// SlotWitness is one post (or an empty slot).
type SlotWitness struct {
	UID     frontend.Variable
	Stake   frontend.Variable
	Weights []frontend.Variable
}

// NewCircuit is the circuit of shape s with its slices allocated.
func NewCircuit(s Shape) *Circuit {
	c := &Circuit{Payouts: make([]frontend.Variable, s.Uids), Windows: make([]WindowWitness, s.Windows)}
	for k := range c.Windows {
		c.Windows[k].Slots = make([]SlotWitness, s.Validators)
		for j := range c.Windows[k].Slots {
			c.Windows[k].Slots[j].Weights = make([]frontend.Variable, s.Uids)
		}
	}
	return c
}

func (c *Circuit) shape() Shape {
	return Shape{Windows: len(c.Windows), Validators: len(c.Windows[0].Slots), Uids: len(c.Payouts)}
}

// Define states the rule. Every bound it needs for exact integer
// arithmetic (stakes and emission below 2^96, weights below 2^16) is
// checked here, not assumed from the contract.
func (c *Circuit) Define(api frontend.API) error {
	s := c.shape()
	g := gadgets{api}
	g.bits(c.Emission, StakeBits)
	g.bits(c.MinerBps, 14)
	g.bits(api.Sub(10000, c.MinerBps), 14)

	// ⌊Emission / Windows⌋ a window; its miners' and validators' parts.
	ew := g.div(c.Emission, s.Windows, StakeBits)
	em := g.div(api.Mul(ew, c.MinerBps), 10000, StakeBits)
	ev := api.Sub(ew, em)

	payout := make([]frontend.Variable, s.Uids)
	for u := range payout {
		payout[u] = 0
	}
	digest, err := mimc.NewMiMC(api)
	if err != nil {
		return err
	}
	for k := range c.Windows {
		state, err := c.window(g, s, &c.Windows[k], em, ev, payout)
		if err != nil {
			return fmt.Errorf("settle: window %d: %w", k, err)
		}
		digest.Write(state, c.Windows[k].Count)
	}
	api.AssertIsEqual(digest.Sum(), c.Digest)
	for u := range payout {
		api.AssertIsEqual(payout[u], c.Payouts[u])
	}
	return nil
}

// window checks one window's slots, adds its payouts to payout and returns
// its running post hash.
func (c *Circuit) window(g gadgets, s Shape, w *WindowWitness, em, ev frontend.Variable, payout []frontend.Variable) (frontend.Variable, error) {
	api := g.api
	V, N := s.Validators, s.Uids
	// present[j] = [j < Count], from one-hot flags of Count in 0..V.
	flags := make([]frontend.Variable, V+1)
	sum := frontend.Variable(0)
	for t := range flags {
		flags[t] = api.IsZero(api.Sub(w.Count, t))
		sum = api.Add(sum, flags[t])
	}
	api.AssertIsEqual(sum, 1)
	present := make([]frontend.Variable, V)
	run := frontend.Variable(0)
	for j := V - 1; j >= 0; j-- {
		run = api.Add(run, flags[j+1])
		present[j] = run
	}
	// Slots: bounds, the uid's one-hot selector, the running hash.
	sel := make([][]frontend.Variable, V)
	states := make([]frontend.Variable, V+1)
	states[0] = 0
	S := frontend.Variable(0)
	for j := range w.Slots {
		sl := &w.Slots[j]
		absent := api.Sub(1, present[j])
		g.bits(sl.Stake, StakeBits)
		api.AssertIsEqual(api.Mul(present[j], api.IsZero(sl.Stake)), 0) // a post has stake
		api.AssertIsEqual(api.Mul(absent, sl.Stake), 0)
		api.AssertIsEqual(api.Mul(absent, sl.UID), 0)
		sel[j] = make([]frontend.Variable, N)
		one := frontend.Variable(0)
		for u := range sel[j] {
			sel[j][u] = api.IsZero(api.Sub(sl.UID, u))
			one = api.Add(one, sel[j][u])
		}
		api.AssertIsEqual(one, 1) // uid < N
		for u := range sl.Weights {
			g.bits(sl.Weights[u], WeightBits)
			api.AssertIsEqual(api.Mul(absent, sl.Weights[u]), 0)
		}
		h, err := mimc.NewMiMC(api)
		if err != nil {
			return nil, err
		}
		if err := h.SetState([]frontend.Variable{states[j]}); err != nil {
			return nil, err
		}
		h.Write(sl.UID, sl.Stake)
		h.Write(g.pack(sl.Weights)...)
		states[j+1] = h.Sum()
		S = api.Add(S, sl.Stake)
	}
	state := frontend.Variable(0)
	for t := range flags {
		state = api.Add(state, api.Mul(flags[t], states[t]))
	}

	// Consensus and clipping per uid; ranks and agreements.
	agree := make([]frontend.Variable, V)
	for j := range agree {
		agree[j] = 0
	}
	rank := make([]frontend.Variable, N)
	sumR := frontend.Variable(0)
	for m := 0; m < N; m++ {
		cm := frontend.Variable(0)
		for j := range w.Slots {
			x := w.Slots[j].Weights[m]
			t := frontend.Variable(0) // stake posting ≥ x for m
			for i := range w.Slots {
				t = api.Add(t, api.Mul(w.Slots[i].Stake, g.ge16(w.Slots[i].Weights[m], x)))
			}
			// 2t > S: the top bit of 2t − S − 1 + 2^(b−1), all below 2^b.
			b := s.majorityBits()
			q := g.top(api.Add(api.Sub(api.Mul(t, 2), S, 1), new(big.Int).Lsh(big.NewInt(1), uint(b-1))), b)
			cand := api.Mul(q, x)
			cm = api.Select(g.ge16(cand, cm), cand, cm)
		}
		rank[m] = 0
		for j := range w.Slots {
			x := w.Slots[j].Weights[m]
			clipped := api.Select(g.ge16(x, cm), cm, x)
			agree[j] = api.Add(agree[j], clipped)
			rank[m] = api.Add(rank[m], api.Mul(w.Slots[j].Stake, clipped))
		}
		sumR = api.Add(sumR, rank[m])
	}
	for m := range rank {
		payout[m] = api.Add(payout[m], g.share(em, rank[m], sumR, s.sumBits()))
	}
	sa := make([]frontend.Variable, V)
	sumSA := frontend.Variable(0)
	for j := range sa {
		sa[j] = api.Mul(w.Slots[j].Stake, agree[j])
		sumSA = api.Add(sumSA, sa[j])
	}
	for j := range sa {
		q := g.share(ev, sa[j], sumSA, s.sumBits())
		for u := range payout {
			payout[u] = api.Add(payout[u], api.Mul(sel[j][u], q))
		}
	}
	return state, nil
}
