// Package sat is the random planted k-SAT environment.
//
// An instance is generated from a 32-byte seed with challenge.Stream: the
// variable count, a planted assignment, then clauses of k distinct variables
// with random signs, each resampled until the planted assignment satisfies
// it, so every instance is satisfiable. The reward of a completion is the
// fraction of clauses its parsed assignment satisfies (float32 division),
// which is 1.0 exactly when every clause is satisfied.
package sat

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
)

// Params bound the generated instances.
type Params struct {
	MinVars, MaxVars int // variable count, uniform in [MinVars, MaxVars]
	K                int // literals per clause
	ClausesPerVar    int // clauses = ClausesPerVar * vars
}

// DefaultParams are protocol v1's SAT parameters: 3-SAT, 5..10 variables,
// 4 clauses per variable (near the satisfiability threshold, so a random
// assignment rarely satisfies everything).
var DefaultParams = Params{MinVars: 5, MaxVars: 10, K: 3, ClausesPerVar: 4}

// Literal is a variable index (1-based) and a sign.
type Literal struct {
	Var int
	Neg bool
}

// Instance is a k-SAT formula with its planted solution.
type Instance struct {
	Vars    int
	Clauses [][]Literal
	Planted []bool // Planted[i] is the value of variable i+1
}

// Env is the SAT environment.
type Env struct{ P Params }

// New returns the SAT environment with parameters p.
func New(p Params) *Env { return &Env{P: p} }

var _ env.Environment = (*Env)(nil)

// Name is "sat".
func (*Env) Name() string { return "sat" }

// Generate builds the instance for seed.
func (e *Env) Generate(seed [32]byte) (env.Task, error) {
	p := e.P
	if p.MinVars < p.K || p.MaxVars < p.MinVars || p.K < 1 || p.ClausesPerVar < 1 || p.MaxVars > 1000 {
		return nil, fmt.Errorf("sat: invalid params %+v", p)
	}
	s := challenge.NewStream(seed)
	n := int(s.Range(int64(p.MinVars), int64(p.MaxVars)))
	inst := &Instance{Vars: n, Planted: make([]bool, n)}
	for i := range inst.Planted {
		inst.Planted[i] = s.Bool()
	}
	perm := make([]int, n)
	m := p.ClausesPerVar * n
	for len(inst.Clauses) < m {
		// k distinct variables by a partial Fisher-Yates over 1..n.
		for i := range perm {
			perm[i] = i + 1
		}
		c := make([]Literal, p.K)
		for i := 0; i < p.K; i++ {
			j := i + int(s.Below(uint64(n-i)))
			perm[i], perm[j] = perm[j], perm[i]
			c[i] = Literal{Var: perm[i], Neg: s.Bool()}
		}
		sortLits(c)
		if inst.satisfies(c, inst.Planted) {
			inst.Clauses = append(inst.Clauses, c)
		}
	}
	return inst, nil
}

func sortLits(c []Literal) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j].Var < c[j-1].Var; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}

func (inst *Instance) satisfies(c []Literal, a []bool) bool {
	for _, l := range c {
		if a[l.Var-1] != l.Neg {
			return true
		}
	}
	return false
}

// Satisfied counts the clauses assignment a satisfies; a variable missing
// from the assignment makes none of its literals true.
func (inst *Instance) Satisfied(a map[int]bool) int {
	n := 0
	for _, c := range inst.Clauses {
		for _, l := range c {
			if v, ok := a[l.Var]; ok && v != l.Neg {
				n++
				break
			}
		}
	}
	return n
}

// Formula renders the clauses as "(x1 | ~x3 | x4) & ...", one per line.
func (inst *Instance) Formula() string {
	var b strings.Builder
	for i, c := range inst.Clauses {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("(")
		for j, l := range c {
			if j > 0 {
				b.WriteString(" | ")
			}
			if l.Neg {
				b.WriteString("~")
			}
			fmt.Fprintf(&b, "x%d", l.Var)
		}
		b.WriteString(")")
	}
	return b.String()
}

// Prompt asks for a satisfying assignment.
func (inst *Instance) Prompt() string {
	return fmt.Sprintf("Find true/false values for the variables x1..x%d that satisfy every clause of this "+
		"%d-SAT formula. Each line is one clause: an OR of literals, where ~ means NOT.\n\n%s\n\n"+
		"Give your answer as one assignment per variable, for example: x1=1, x2=0, x3=1.",
		inst.Vars, len(inst.Clauses[0]), inst.Formula())
}

// Truth renders the planted assignment (one of possibly many solutions).
func (inst *Instance) Truth() string { return FormatAssignment(inst.Planted) }

// FormatAssignment renders "x1=1, x2=0, ...".
func FormatAssignment(a []bool) string {
	parts := make([]string, len(a))
	for i, v := range a {
		b := 0
		if v {
			b = 1
		}
		parts[i] = fmt.Sprintf("x%d=%d", i+1, b)
	}
	return strings.Join(parts, ", ")
}

// Reward is satisfied/total as a float32 division.
func (inst *Instance) Reward(completion string) float32 {
	if len(inst.Clauses) == 0 {
		return 0
	}
	a := ParseAssignment(completion, inst.Vars)
	return float32(inst.Satisfied(a)) / float32(len(inst.Clauses))
}

// maxAnswerBytes bounds how much of a completion the parser reads (its tail).
const maxAnswerBytes = 16 << 10

var (
	reAssign = regexp.MustCompile(`(?i)\bx\s*_?\s*(\d{1,4})\s*(?:=|:|is|->|=>|\bto\b)\s*(true|false|t|f|1|0|yes|no)\b`)
	reDimacs = regexp.MustCompile(`(?m)^\s*v((?:\s+-?\d{1,4})+)\s*$`)
)

// ParseAssignment extracts variable values from free text. It accepts
// "x1=1", "x1 = true", "x1: T", "x1 is false", and DIMACS "v 1 -2 3 0" lines;
// only text after a closing </think> counts when one is present; a later value
// for a variable overrides an earlier one; variables outside 1..vars are
// ignored. It never fails: unparseable text yields an empty assignment.
func ParseAssignment(text string, vars int) map[int]bool {
	if i := strings.LastIndex(text, "</think>"); i >= 0 {
		text = text[i+len("</think>"):]
	}
	if len(text) > maxAnswerBytes {
		text = text[len(text)-maxAnswerBytes:]
	}
	a := make(map[int]bool)
	for _, m := range reAssign.FindAllStringSubmatch(text, -1) {
		v, err := strconv.Atoi(m[1])
		if err != nil || v < 1 || v > vars {
			continue
		}
		switch strings.ToLower(m[2]) {
		case "true", "t", "1", "yes":
			a[v] = true
		default:
			a[v] = false
		}
	}
	for _, m := range reDimacs.FindAllStringSubmatch(text, -1) {
		for _, f := range strings.Fields(m[1]) {
			x, err := strconv.Atoi(f)
			if err != nil || x == 0 {
				continue
			}
			v := x
			if v < 0 {
				v = -v
			}
			if v <= vars {
				a[v] = x > 0
			}
		}
	}
	return a
}
