// Package arith is the "math" environment: generated multi-step arithmetic
// word problems with exact integer answers.
//
// A template is chosen by the seed's stream, then its quantities, names and
// items, all drawn with challenge.Stream; each template's quantities are
// constrained so the answer is a non-negative integer and every intermediate
// step is meaningful (no negative stock, exact division).
package arith

import (
	"fmt"
	"strconv"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
)

// Env is the math environment.
type Env struct{}

// New returns the math environment.
func New() *Env { return &Env{} }

var _ env.Environment = (*Env)(nil)

// Name is "math".
func (*Env) Name() string { return "math" }

// Problem is a generated word problem.
type Problem struct {
	Text     string
	Answer   int64
	Template int
}

// Prompt is the problem text with the answer-format instruction.
func (p *Problem) Prompt() string {
	return p.Text + "\nSolve it step by step, then give the final answer as a number after '####'."
}

// Truth is the answer in decimal.
func (p *Problem) Truth() string { return strconv.FormatInt(p.Answer, 10) }

// Reward is 1 when the extracted final answer equals the truth, else 0.
func (p *Problem) Reward(completion string) float32 { return env.RewardExact(p.Truth(), completion) }

var (
	names = []string{"Ava", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya"}
	items = []string{"apple", "marble", "sticker", "pencil", "cookie", "book", "shell", "card", "stamp", "coin"}
	shops = []string{"bakery", "bookshop", "market stall", "toy store", "corner shop"}
	days  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

// numTemplates is the number of problem templates; changing it changes every
// problem and needs a protocol version bump.
const numTemplates = 5

func pick(s *challenge.Stream, list []string) string { return list[s.Below(uint64(len(list)))] }

// Generate builds the problem for seed.
func (*Env) Generate(seed [32]byte) (env.Task, error) {
	s := challenge.NewStream(seed)
	t := int(s.Below(numTemplates))
	a, b := pick(s, names), pick(s, names)
	for b == a {
		b = pick(s, names)
	}
	item := pick(s, items)
	p := &Problem{Template: t}
	switch t {
	case 0: // stock, buy packs, give away
		have := s.Range(3, 60)
		packs := s.Range(2, 9)
		per := s.Range(2, 12)
		give := s.Range(1, have+packs*per-1)
		p.Text = fmt.Sprintf("%s has %d %ss. %s buys %d packs with %d %ss in each pack, then gives %d %ss to %s. "+
			"How many %ss does %s have now?", a, have, item, a, packs, per, item, give, item, b, item, a)
		p.Answer = have + packs*per - give
	case 1: // change from a payment
		price := s.Range(2, 25)
		qty := s.Range(2, 9)
		bill := (price*qty/20 + 1 + s.Range(0, 2)) * 20
		p.Text = fmt.Sprintf("At the %s, one %s costs $%d. %s buys %d of them and pays with $%d. "+
			"How many dollars of change does %s get?", pick(s, shops), item, price, a, qty, bill, a)
		p.Answer = bill - price*qty
	case 2: // three days of reading
		d1 := s.Range(5, 40)
		mult := s.Range(2, 4)
		fewer := s.Range(1, d1*mult-1)
		i := s.Below(uint64(len(days) - 2))
		p.Text = fmt.Sprintf("%s reads %d pages on %s, %d times as many pages on %s, and %d fewer pages on %s "+
			"than on %s. How many pages does %s read over the three days?",
			a, d1, days[i], mult, days[i+1], fewer, days[i+2], days[i+1], a)
		p.Answer = d1 + d1*mult + (d1*mult - fewer)
	case 3: // rows of chairs shared equally
		groups := s.Range(2, 8)
		each := s.Range(3, 20)
		removed := s.Range(2, 15)
		total := groups*each + removed
		p.Text = fmt.Sprintf("A hall has %d chairs. %d chairs are broken and taken away, and the rest are shared "+
			"equally among %d classrooms. How many chairs does each classroom get?", total, removed, groups)
		p.Answer = each
	default: // earnings minus spending over weeks
		wage := s.Range(5, 30)
		hours := s.Range(2, 10)
		weeks := s.Range(2, 6)
		spend := s.Range(1, wage*hours*weeks-1)
		p.Text = fmt.Sprintf("%s earns $%d per hour and works %d hours each week. After %d weeks, %s spends $%d "+
			"on a %s. How many dollars does %s have left from these earnings?",
			a, wage, hours, weeks, a, spend, item, a)
		p.Answer = wage*hours*weeks - spend
	}
	return p, nil
}
