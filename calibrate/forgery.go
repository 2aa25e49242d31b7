package calibrate

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/internal/stats"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/sketch"
)

// Variant derives a cheaper or wrong model from the right checkpoint's
// weights, as a forger would run it.
type Variant string

// Model variants a forger might run instead of the right model.
const (
	Int8  Variant = "int8"     // symmetric per-row int8 weights
	Int4  Variant = "int4"     // symmetric per-row int4 weights
	Noise Variant = "noise-1%" // every weight × (1 + 0.01·N(0,1))
)

// DeriveModel returns a CPU backend running the variant of ck: every matrix
// (rank-2 tensor) is quantized or perturbed, norms and biases are kept.
func DeriveModel(ck *model.Checkpoint, v Variant, seed [32]byte) (model.Backend, error) {
	d := &model.Checkpoint{Dir: ck.Dir, Config: ck.Config, Tensors: map[string]*model.Tensor{}, Aliases: ck.Aliases}
	rng := challenge.NewStream(challenge.PRF32("forgery-noise", seed[:], []byte(v)))
	for name, t := range ck.Tensors {
		if len(t.Shape) != 2 {
			d.Tensors[name] = t
			continue
		}
		w := t.Float32()
		rows, cols := t.Shape[0], t.Shape[1]
		for r := 0; r < rows; r++ {
			row := w[r*cols : (r+1)*cols]
			switch v {
			case Int8, Int4:
				levels := float32(127)
				if v == Int4 {
					levels = 7
				}
				var m float32
				for _, x := range row {
					m = max(m, float32(math.Abs(float64(x))))
				}
				if m == 0 {
					continue
				}
				s := m / levels
				for i, x := range row {
					row[i] = float32(math.Round(float64(x/s))) * s
				}
			case Noise:
				for i, x := range row {
					row[i] = x * float32(1+0.01*normal(rng))
				}
			default:
				return nil, fmt.Errorf("calibrate: unknown variant %q", v)
			}
		}
		data := make([]byte, 4*len(w))
		for i, x := range w {
			binary.LittleEndian.PutUint32(data[4*i:], math.Float32bits(x))
		}
		d.Tensors[name] = &model.Tensor{Name: name, DType: model.F32, Shape: t.Shape, Data: data}
	}
	return model.NewCPU(d, model.CPUConfig{})
}

// normal is a standard normal draw (Box–Muller).
func normal(s *challenge.Stream) float64 {
	u1 := s.Float64()
	for u1 == 0 {
		u1 = s.Float64()
	}
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*s.Float64())
}

// ForgeryConfig sets up the cheat experiments.
type ForgeryConfig struct {
	// Right is the network's model (the validator's backend), Checkpoint its
	// weights (to derive cheaper variants).
	Right      model.Backend
	Checkpoint *model.Checkpoint
	Groups     int // groups of Group rollouts per experiment
	Group      int
	MaxNew     int
	PromptLen  int
	K          int // sketch positions opened per rollout
	Margin     float64
	SketchTol  func(pos int) uint32
	Sampling   model.Sampling
	Seed       [32]byte
}

// ForgeryRow is one cheat's outcome.
type ForgeryRow struct {
	Cheat     string
	Check     string // which check catches it: "sampler" or "sketch"
	Positions int
	Rollouts  int
	// PerPosition is the fraction of positions the check rejects
	// (detection); for sketch cheats, also the pass rate PassPosition.
	PerPosition float64
	// RolloutPass is the measured fraction of rollouts with no rejected
	// position (sampler: every position; sketch: K opened positions);
	// RolloutPassModel is the independent-positions estimate from
	// PerPosition.
	RolloutPass, RolloutPassModel float64
	// ZFlagged is the fraction of rollouts the soft distribution check
	// flags (Z > proofs.ZFlag), for sampler cheats.
	ZFlagged float64
	Note     string
}

// ForgeryReport is the whole experiment.
type ForgeryReport struct {
	Rows []ForgeryRow
	// Candidates is the mean number of tokens whose CDF interval touches
	// [u−m, u+m] at an honest position: the freedom the margin leaves.
	Candidates float64
	// SignedSketch summarizes Σ r_i·bucket_i before the modulus on honest
	// positions: a constant-0 forger passes where |Σ| ≤ tolerance.
	SketchAbsMedian, SketchAbsP01 float64
	ConstZeroPass                 float64 // fraction of positions with |Σ| ≤ tolerance
	GrailRulePass                 float64 // fraction with |Σ| ≤ 6000 + 5·√pos
	// HonestZFlagged is the soft check's false-flag rate on honest
	// rollouts; HonestZMax the largest honest Z.
	HonestZFlagged, HonestZMax float64
}

type honestRollout struct {
	prompt []int
	r      model.Rollout
	u      func(int) float64
}

// Forgery runs the cheat experiments: honest rollouts as the baseline,
// then token cheats (only the sampler check can catch them) and sketch
// cheats on honest tokens.
func Forgery(ctx context.Context, cfg ForgeryConfig) (*ForgeryReport, error) {
	f := newForgery(ctx, cfg)
	rep := &ForgeryReport{}
	if err := f.honestBaseline(rep); err != nil {
		return nil, err
	}
	for _, v := range []Variant{Int8, Int4, Noise} {
		b, err := DeriveModel(cfg.Checkpoint, v, cfg.Seed)
		if err != nil {
			return nil, err
		}
		f.variants[v] = b
	}
	if err := f.tokenCheats(rep); err != nil {
		return nil, err
	}
	if err := f.sketchCheats(rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// forgery is one run of the experiments: the prompts and uniforms every
// generation shares, the honest rollouts and the derived cheaper models.
type forgery struct {
	ctx      context.Context
	cfg      ForgeryConfig
	coeffs   sketch.Coefficients
	jobs     []forgeryJob
	honest   []honestRollout
	variants map[Variant]model.Backend
}

// forgeryJob is one group's prompt and its rollouts' uniforms.
type forgeryJob struct {
	prompt []int
	us     []*challenge.TokenUniforms
}

func newForgery(ctx context.Context, cfg ForgeryConfig) *forgery {
	f := &forgery{ctx: ctx, cfg: cfg, coeffs: challenge.SketchCoefficients(cfg.Seed), variants: map[Variant]model.Backend{}}
	V := cfg.Right.Config().VocabSize
	for g := 0; g < cfg.Groups; g++ {
		st := challenge.NewStream(challenge.PRF32("forgery-prompt", cfg.Seed[:], challenge.U64(uint64(g))))
		p := make([]int, cfg.PromptLen)
		for i := range p {
			p[i] = int(st.Below(uint64(V)))
		}
		us := make([]*challenge.TokenUniforms, cfg.Group)
		for i := range us {
			us[i] = challenge.NewTokenUniforms(cfg.Seed, [20]byte{}, uint64(g), uint64(i))
		}
		f.jobs = append(f.jobs, forgeryJob{p, us})
	}
	return f
}

// generate samples every job's group on b under s; a forced prefix takes
// the first uniforms and is claimed as sampled, the rest of the rollout is
// sampled honestly at its true positions.
func (f *forgery) generate(b model.Backend, s model.Sampling, forced []int) ([]honestRollout, error) {
	var out []honestRollout
	for _, j := range f.jobs {
		u := func(i, t int) float64 { return j.us[i].At(t + len(forced)) }
		prompt := append(append([]int(nil), j.prompt...), forced...)
		rs, err := model.GenerateGroup(f.ctx, b, prompt, f.cfg.Group, model.GenerateConfig{MaxNewTokens: f.cfg.MaxNew - len(forced), Sampling: s, Hidden: true}, u)
		if err != nil {
			return nil, err
		}
		for i, r := range rs {
			if len(forced) > 0 {
				r.Tokens = append(append([]int(nil), forced...), r.Tokens...)
			}
			ii := i
			out = append(out, honestRollout{prompt: j.prompt, r: r, u: func(t int) float64 { return j.us[ii].At(t) }})
		}
	}
	return out, nil
}

// recompute runs the validator's forward pass over one rollout.
func (f *forgery) recompute(h honestRollout) (model.Output, error) {
	return replay(f.ctx, f.cfg.Right, h.prompt, h.r.Tokens)
}

// honestBaseline generates the honest rollouts and measures what the
// cheats are compared with: the sampler margin's freedom, the honest soft
// statistic, and the signed sketch sums a constant forger would need.
func (f *forgery) honestBaseline(rep *ForgeryReport) error {
	cfg := f.cfg
	honest, err := f.generate(cfg.Right, cfg.Sampling, nil)
	if err != nil {
		return fmt.Errorf("honest: %w", err)
	}
	f.honest = honest
	var cand, candN float64
	var absSigma []float64
	zeroPass, grailPass := 0, 0
	rep.HonestZMax = math.Inf(-1)
	for _, h := range honest {
		o, err := f.recompute(h)
		if err != nil {
			return err
		}
		z := proofs.SoftZ(o.Logits, h.r.Tokens, cfg.Sampling)
		rep.HonestZMax = math.Max(rep.HonestZMax, z)
		if z > proofs.ZFlag {
			rep.HonestZFlagged++
		}
		for t, tok := range h.r.Tokens {
			cand += candidates(o.Logits[t], cfg.Sampling, h.u(t), cfg.Margin, tok)
			candN++
			sig := math.Abs(float64(signedSketch(h.r.Hidden[t], f.coeffs)))
			absSigma = append(absSigma, sig)
			if sig <= float64(cfg.SketchTol(t)) {
				zeroPass++
			}
			if sig <= 6000+5*math.Sqrt(float64(t)) {
				grailPass++
			}
		}
	}
	rep.HonestZFlagged /= float64(len(honest))
	rep.Candidates = cand / candN
	rep.SketchAbsMedian = stats.Quantile(absSigma, 0.5)
	rep.SketchAbsP01 = stats.Quantile(absSigma, 0.01)
	rep.ConstZeroPass = float64(zeroPass) / float64(len(absSigma))
	rep.GrailRulePass = float64(grailPass) / float64(len(absSigma))
	return nil
}

// tokenCheats: tokens from a cheaper model or a wrong sampler, logprobs
// and sketches filled in by one prefill on the right model — so only the
// sampler check can catch them.
func (f *forgery) tokenCheats(rep *ForgeryReport) error {
	cfg, s := f.cfg, f.cfg.Sampling
	V := cfg.Right.Config().VocabSize
	cheats := []struct {
		name   string
		b      model.Backend
		s      model.Sampling
		forced []int
	}{
		{"tokens from int8 model", f.variants[Int8], s, nil},
		{"tokens from int4 model", f.variants[Int4], s, nil},
		{"tokens from +1% weight noise", f.variants[Noise], s, nil},
		{"greedy decoding", cfg.Right, model.Sampling{}, nil},
		{"temperature 0.7", cfg.Right, model.Sampling{Temperature: 0.7 * s.Temperature}, nil},
		{"temperature 1.3", cfg.Right, model.Sampling{Temperature: 1.3 * s.Temperature}, nil},
		{"top-k 50", cfg.Right, model.Sampling{Temperature: s.Temperature, TopK: 50}, nil},
		{"forced 4-token prefix", cfg.Right, s, []int{1 % V, 2 % V, 3 % V, 4 % V}},
	}
	for _, c := range cheats {
		rs, err := f.generate(c.b, c.s, c.forced)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		row := ForgeryRow{Cheat: c.name, Check: "sampler"}
		caught := 0
		logPass := 0.0
		for _, h := range rs {
			o, err := f.recompute(h)
			if err != nil {
				return err
			}
			bad := 0
			for t, tok := range h.r.Tokens {
				row.Positions++
				lo, hi, in := model.Interval(o.Logits[t], s, tok)
				if u := h.u(t); !in || u < lo-cfg.Margin || u >= hi+cfg.Margin {
					bad++
				}
			}
			caught += bad
			if proofs.SoftZ(o.Logits, h.r.Tokens, s) > proofs.ZFlag {
				row.ZFlagged++
			}
			row.Rollouts++
			if bad == 0 {
				row.RolloutPass++
			}
			logPass += float64(len(h.r.Tokens))
		}
		row.PerPosition = float64(caught) / float64(row.Positions)
		row.RolloutPass /= float64(row.Rollouts)
		row.ZFlagged /= float64(row.Rollouts)
		row.RolloutPassModel = math.Pow(1-row.PerPosition, logPass/float64(row.Rollouts))
		if c.forced != nil {
			row.Note = "only the forced positions can be caught"
		}
		rep.Rows = append(rep.Rows, row)
	}
	return nil
}

// sketchCheat is a forged sketch for position t of honest rollout hi.
type sketchCheat struct {
	name  string
	value func(h honestRollout, hi int, t int, right uint32) (uint32, error)
}

// sketchCheats: honest tokens with sketches that do not come from the right
// model's hidden states at the committed positions.
func (f *forgery) sketchCheats(rep *ForgeryReport) error {
	cfg, coeffs, honest := f.cfg, f.coeffs, f.honest
	variantHidden := map[Variant][][][]float32{} // per variant, per honest rollout, per position
	for _, v := range []Variant{Int8, Int4, Noise} {
		for _, h := range honest {
			o, err := replay(f.ctx, f.variants[v], h.prompt, h.r.Tokens)
			if err != nil {
				return err
			}
			variantHidden[v] = append(variantHidden[v], o.Hidden)
		}
	}
	rnd := challenge.NewStream(challenge.PRF32("forgery-random-sketch", cfg.Seed[:]))
	scheats := []sketchCheat{
		{"random sketch", func(h honestRollout, hi, t int, right uint32) (uint32, error) {
			return uint32(rnd.Below(sketch.P)), nil
		}},
		{"constant-0 sketch", func(h honestRollout, hi, t int, right uint32) (uint32, error) { return 0, nil }},
		{"sketch of the previous position", func(h honestRollout, hi, t int, right uint32) (uint32, error) {
			if t == 0 {
				return right + 1000, nil
			}
			return sketch.Compute(h.r.Hidden[t-1], coeffs), nil
		}},
		{"sketch copied from another rollout", func(h honestRollout, hi, t int, right uint32) (uint32, error) {
			o := honest[(hi+1)%len(honest)].r
			return sketch.Compute(o.Hidden[t%len(o.Hidden)], coeffs), nil
		}},
	}
	for _, v := range []Variant{Int8, Int4, Noise} {
		scheats = append(scheats, sketchCheat{"sketch from " + string(v) + " model", func(h honestRollout, hi, t int, right uint32) (uint32, error) {
			return sketch.Compute(variantHidden[v][hi][t], coeffs), nil
		}})
	}
	for _, c := range scheats {
		row, err := f.sketchRow(c)
		if err != nil {
			return err
		}
		rep.Rows = append(rep.Rows, row)
	}
	return nil
}

// sketchRow scores one sketch cheat over the honest rollouts: a rollout
// passes when every opened position (the first K, as a window opens K)
// stays within tolerance.
func (f *forgery) sketchRow(c sketchCheat) (ForgeryRow, error) {
	cfg := f.cfg
	row := ForgeryRow{Cheat: c.name, Check: "sketch"}
	pass := 0
	for hi, h := range f.honest {
		ok, opened := 0, 0
		for t := range h.r.Tokens {
			set := sketch.Of(h.r.Hidden[t], f.coeffs)
			got, err := c.value(h, hi, t, set.Sketch)
			if err != nil {
				return row, err
			}
			row.Positions++
			// As a verifier measures: to the nearest of the sketch set.
			if d, _ := sketch.Check(got, set, t); d <= cfg.SketchTol(t) {
				pass++
				if t < cfg.K {
					ok++
				}
			}
			if t < cfg.K {
				opened++
			}
		}
		row.Rollouts++
		if ok == opened {
			row.RolloutPass++
		}
	}
	p := float64(pass) / float64(row.Positions)
	row.PerPosition = 1 - p
	row.RolloutPass /= float64(row.Rollouts)
	row.RolloutPassModel = math.Pow(p, float64(min(cfg.K, cfg.MaxNew)))
	return row, nil
}

// signedSketch is Σ r_i·bucket_i before the modulus.
func signedSketch(h []float32, r sketch.Coefficients) int64 {
	var acc int64
	for i, j := range sketch.Top(h) {
		acc += int64(r[i]) * int64(sketch.Bucket(h[j]))
	}
	return acc
}

// candidates counts tokens whose interval touches [u−m, u+m].
func candidates(logits []float32, s model.Sampling, u, m float64, tok int) float64 {
	lo, hi, _ := model.Interval(logits, s, tok)
	n := 1.0
	// Neighbours in token-id order share the committed token's edges; only
	// tokens whose intervals reach into the widened window count.
	if u-m < lo {
		for t := tok - 1; t >= 0; t-- {
			l, _, _ := model.Interval(logits, s, t)
			n++
			if l <= u-m {
				break
			}
		}
	}
	if u+m >= hi {
		for t := tok + 1; t < len(logits); t++ {
			_, h, _ := model.Interval(logits, s, t)
			n++
			if h > u+m {
				break
			}
		}
	}
	return n
}

// WriteForgery prints the report.
func WriteForgery(w io.Writer, r *ForgeryReport, k int) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "cheat\tcaught by\trollouts\tpositions\trejected per position\trollout passes (measured)\trollout passes (model)\tsoft Z flags\tnote")
	for _, row := range r.Rows {
		z := "—"
		if row.Check == "sampler" {
			z = fmt.Sprintf("%.3g", row.ZFlagged)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.4g\t%.4g\t%.3g\t%s\t%s\n", row.Cheat, row.Check, row.Rollouts, row.Positions,
			row.PerPosition, row.RolloutPass, row.RolloutPassModel, z, row.Note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nsketch rows: K=%d opened positions per rollout; sampler rows: every completion position checked\n", k)
	fmt.Fprintf(w, "margin freedom: %.6f tokens per position touch [u-m, u+m] on average (1 = no freedom)\n", r.Candidates)
	fmt.Fprintf(w, "signed sketch |Σ| on honest positions: median %.0f, 1st percentile %.0f\n", r.SketchAbsMedian, r.SketchAbsP01)
	fmt.Fprintf(w, "soft check: honest rollouts flagged (Z > %d) %.3g, largest honest Z %.2f\n", proofs.ZFlag, r.HonestZFlagged, r.HonestZMax)
	fmt.Fprintf(w, "constant-0 forger: passes our check at %.4g of positions; would pass a 6000+5·√pos rule at %.4g\n", r.ConstZeroPass, r.GrailRulePass)
	return nil
}
