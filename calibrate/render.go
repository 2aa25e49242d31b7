package calibrate

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// WriteTable prints the report: one line per pair, then the growth with
// position of the first pair inside the contract and of the first reference.
func WriteTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "generator → checker\tbatch\trollouts\tpositions\trejected\tmin slack\tmax |Δlogprob|\tp99.99\tmax sketch dist\tp99.99\tsketch ≠ 0\tvia tie\ttie exists\talternatives")
	for _, p := range r.Pairs {
		name := p.Generator + " → " + p.Checker
		if p.Reference {
			name += " (reference, outside the contract)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3g\t%.3g\t%.3g\t%d\t%d\t%d\t%d\t%d\t%d\n", name, p.Batch, p.Rollouts, p.Positions,
			p.Rejected, p.MinSlack, p.MaxLogProb, p.P9999LogProb, p.MaxSketch, p.P9999Sketch, p.SketchNonzero, p.SketchTied, p.TiePositions, p.Alternatives)
	}
	fmt.Fprintf(tw, "honest (inside the contract): %d rollouts, %d positions, %d rejected\n", r.HonestRollouts, r.HonestPositions, r.HonestRejected)
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range r.Pairs {
		fmt.Fprintf(w, "\nby position, %s → %s, batch %d:\n", p.Generator, p.Checker, p.Batch)
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "positions\tcount\tmin slack\tmax |Δlogprob|\tmax sketch dist")
		for _, b := range p.ByPosition {
			fmt.Fprintf(tw, "%d–%d\t%d\t%.3g\t%.3g\t%d\n", b.From, b.To-1, b.Positions, b.MinSlack, b.MaxLogProb, b.MaxSketch)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// Plot writes a PNG of the largest |Δlogprob| at each completion position,
// one line per generator → checker pair (batch sizes merged), on a log
// scale, with the tolerance drawn across. Exact zeros are drawn at floor.
func Plot(r *Report, tol float64, path string) error {
	const floor = 1e-9
	p := plot.New()
	p.Title.Text = "Honest drift: largest |Δ logprob| by completion position"
	p.X.Label.Text = "completion position"
	p.Y.Label.Text = fmt.Sprintf("max |Δ logprob| (zeros drawn at %g)", floor)
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		var ts []plot.Tick
		for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
			ts = append(ts, plot.Tick{Value: math.Pow(10, e), Label: fmt.Sprintf("1e%d", int(e))})
		}
		return ts
	})
	merged := map[string][]float64{}
	var order []string
	for _, pr := range r.Pairs {
		k := pr.Generator + " → " + pr.Checker
		if pr.Reference {
			k += " (bf16 activations)"
		}
		if _, ok := merged[k]; !ok {
			order = append(order, k)
			merged[k] = make([]float64, len(pr.ByPositionLogProb))
		}
		for i, v := range pr.ByPositionLogProb {
			merged[k][i] = math.Max(merged[k][i], v)
		}
	}
	var lines []any
	n := 0
	for _, k := range order {
		pts := make(plotter.XYs, len(merged[k]))
		for i, v := range merged[k] {
			pts[i] = plotter.XY{X: float64(i), Y: math.Max(v, floor)}
		}
		n = max(n, len(pts))
		lines = append(lines, k, pts)
	}
	if len(lines) > 0 {
		if err := plotutil.AddLines(p, lines...); err != nil {
			return err
		}
	}
	tl := plotter.XYs{{X: 0, Y: tol}, {X: float64(max(n-1, 1)), Y: tol}}
	l, err := plotter.NewLine(tl)
	if err != nil {
		return err
	}
	l.Dashes = []vg.Length{vg.Points(4), vg.Points(4)}
	p.Add(l)
	p.Legend.Add(fmt.Sprintf("log-prob tolerance %g", tol), l)
	p.Legend.Top = true
	return p.Save(8*vg.Inch, 5*vg.Inch, path)
}
