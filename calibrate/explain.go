package calibrate

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/sketch"
)

// Explanation says why one honest position's sketch was rejected: both
// sides' hidden states ranked around the top 16's edge, and which indices
// one side's top 16 holds that the other's does not. The committed sketch
// is a function of the generator's top-16 set and its buckets only, so the
// set difference and the magnitudes of the indices in it are the whole
// story of a membership swap.
type Explanation struct {
	Batch, Group, Rollout, Pos int
	Committed, Sketch          uint32
	Alternatives               []uint32 // the checker's sketch set beside Sketch
	// Gen and Chk are the 24 largest magnitudes of each side in rank order.
	Gen, Chk []Ranked
	// OnlyGen are in the generator's top 16 and not the checker's; OnlyChk
	// the reverse. Each carries its rank on both sides (1-based).
	OnlyGen, OnlyChk []Swapped
	// MaxRelDrift is the largest |m_gen − m_chk| / m_chk over the checker's
	// 24 largest.
	MaxRelDrift float64
}

// Ranked is one index of a hidden state with its magnitude.
type Ranked struct {
	Index int
	Mag   float64
}

// Swapped is an index in one side's top 16 only.
type Swapped struct {
	Index            int
	GenRank, ChkRank int
	GenMag, ChkMag   float64
}

// rankAll returns every index of h by decreasing magnitude (NaN as 0, ties
// to the lower index: the sketch's order) and each index's 1-based rank.
func rankAll(h []float32) (order []int, rank []int) {
	mag := func(i int) float64 {
		m := math.Abs(float64(h[i]))
		if m != m {
			return 0
		}
		return m
	}
	order = make([]int, len(h))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return mag(order[a]) > mag(order[b]) })
	rank = make([]int, len(h))
	for r, i := range order {
		rank[i] = r + 1
	}
	return order, rank
}

// explain compares the generator's and the checker's hidden states at one
// position.
func explain(gen, chk []float32) Explanation {
	const show = 24
	gOrder, gRank := rankAll(gen)
	cOrder, cRank := rankAll(chk)
	var e Explanation
	abs := func(v float32) float64 { return math.Abs(float64(v)) }
	for r := 0; r < min(show, len(chk)); r++ {
		e.Gen = append(e.Gen, Ranked{gOrder[r], abs(gen[gOrder[r]])})
		i := cOrder[r]
		e.Chk = append(e.Chk, Ranked{i, abs(chk[i])})
		if m := abs(chk[i]); m > 0 {
			e.MaxRelDrift = math.Max(e.MaxRelDrift, math.Abs(abs(gen[i])-m)/m)
		}
	}
	sw := func(i int) Swapped {
		return Swapped{Index: i, GenRank: gRank[i], ChkRank: cRank[i], GenMag: abs(gen[i]), ChkMag: abs(chk[i])}
	}
	for _, i := range gOrder[:min(sketch.TopK, len(gen))] {
		if cRank[i] > sketch.TopK {
			e.OnlyGen = append(e.OnlyGen, sw(i))
		}
	}
	for _, i := range cOrder[:min(sketch.TopK, len(chk))] {
		if gRank[i] > sketch.TopK {
			e.OnlyChk = append(e.OnlyChk, sw(i))
		}
	}
	return e
}

// explainGroup re-derives, for each position of rs whose sketch a checker
// rejected, both hidden states. The generator's come from rs (generated
// with GenerateConfig.Hidden), the checker's from a replay of the rollout.
func explainGroup(ctx context.Context, chk Backend, prompt []int, rs []model.Rollout, out []model.Output, cfg Config, batch, group int) ([]Explanation, error) {
	var es []Explanation
	for i, r := range rs {
		var replayed *model.Output
		for t := range r.Tokens {
			set := out[i].SketchSet(t)
			if d, _ := sketch.Check(r.Sketches[t], set, t); !cfg.sketchRejects(d, t) {
				continue
			}
			if replayed == nil {
				o, err := replay(ctx, chk, prompt, r.Tokens)
				if err != nil {
					return nil, fmt.Errorf("replay for an explanation: %w", err)
				}
				if len(o.Hidden) != len(r.Tokens) { // the generator's were checked by generate
					return nil, fmt.Errorf("explain: %s returned %d hidden states for %d tokens", chk.Name, len(o.Hidden), len(r.Tokens))
				}
				replayed = &o
			}
			e := explain(r.Hidden[t], replayed.Hidden[t])
			e.Batch, e.Group, e.Rollout, e.Pos = batch, group, i, t
			e.Committed, e.Sketch, e.Alternatives = r.Sketches[t], set.Sketch, set.Alternatives()
			es = append(es, e)
		}
	}
	return es, nil
}

// WriteExplanations prints each explanation: the swapped indices with their
// ranks and magnitudes on both sides and the relative gap the tie rule
// (sketch.TieGap) would have had to admit.
func WriteExplanations(w io.Writer, es []Explanation) {
	for _, e := range es {
		fmt.Fprintf(w, "\nrejected sketch: batch %d group %d rollout %d position %d: committed %d, sketch %d, alternatives %v; max relative drift in the top 24 %.3g\n",
			e.Batch, e.Group, e.Rollout, e.Pos, e.Committed, e.Sketch, e.Alternatives, e.MaxRelDrift)
		for _, s := range e.OnlyGen {
			fmt.Fprintf(w, "  only in the generator's top 16: index %d, ranks gen %d / chk %d, |h| gen %.9g chk %.9g\n", s.Index, s.GenRank, s.ChkRank, s.GenMag, s.ChkMag)
		}
		for _, s := range e.OnlyChk {
			fmt.Fprintf(w, "  only in the checker's top 16:   index %d, ranks gen %d / chk %d, |h| gen %.9g chk %.9g\n", s.Index, s.GenRank, s.ChkRank, s.GenMag, s.ChkMag)
		}
		if len(e.Chk) > sketch.TopK {
			m16 := e.Chk[sketch.TopK-1].Mag
			fmt.Fprintf(w, "  checker ranks 13–20 (index |h|, gap to rank 16):")
			for r := 12; r < min(20, len(e.Chk)); r++ {
				fmt.Fprintf(w, " %d:%d %.6g (%+.2e)", r+1, e.Chk[r].Index, e.Chk[r].Mag, (e.Chk[r].Mag-m16)/m16)
			}
			fmt.Fprintln(w)
		}
	}
}
