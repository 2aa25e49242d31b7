package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/calibrate"
	"github.com/assaynet/assay/internal/atomicfile"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/sketch"
)

var calibrateCommand = &cli.Command{
	Name:  "calibrate",
	Usage: "measure honest drift between backends (sampler slack, logprob, sketch distance by position)",
	Description: `Generates honest rollouts on each generator backend and recomputes every completion
position on every other backend, exactly as a validator does, then reports the sampler's
slack, the log-probability difference and the sketch distance by position, and how many
positions the protocol's current tolerances would reject.

Backends: cpu@N (the CPU engine on N threads), cuda or cuda:N (needs a binary from
make build-cuda), bf16 (the CPU engine with activations rounded to bf16: outside the
precision contract, measured for the record and never counted as honest).`,
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "model", Required: true, Usage: "Hugging Face model folder"},
		&cli.StringFlag{Name: "backends", Value: "cpu@1,cpu@2,bf16", Usage: "backends taking part, comma-separated: cpu@N, bf16 (reference), cuda[:N][+split2|+split3]"},
		&cli.StringFlag{Name: "generators", Usage: "backends that generate (default: every non-reference backend)"},
		&cli.StringFlag{Name: "batches", Value: "1,16,64", Usage: "group sizes decoded together"},
		&cli.IntFlag{Name: "rollouts", Value: 10000, Usage: "rollouts per generator, split across batch sizes"},
		&cli.IntFlag{Name: "max-new", Value: proofs.DefaultParams.MaxNewTokens, Usage: "completion length cap"},
		&cli.IntFlag{Name: "prompt-min", Value: 8, Usage: "shortest random prompt"},
		&cli.IntFlag{Name: "prompt-max", Value: 128, Usage: "longest random prompt"},
		&cli.Float64Flag{Name: "temperature", Value: 1},
		&cli.StringFlag{Name: "seed", Value: "assay-calibrate", Usage: "seed text (prompts, uniforms, sketch coefficients)"},
		&cli.StringFlag{Name: "out", Usage: "write the report as JSON here"},
		&cli.StringFlag{Name: "plot", Usage: "write a PNG of |Δ logprob| by position here"},
		&cli.BoolFlag{Name: "explain", Usage: "return hidden states to the host and explain every rejected sketch (ranks and magnitudes at the top 16's edge on both sides)"},
		&cli.IntFlag{Name: "only-batch", Usage: "run only this batch size's groups, with the prompts and uniforms of a full run"},
	},
	Action: calibrateAction,
}

func calibrateAction(c *cli.Context) error {
	ck, err := model.OpenCheckpoint(c.String("model"))
	if err != nil {
		return err
	}
	defer ck.Close()
	open := func(spec string) (calibrate.Backend, error) {
		spec = strings.TrimSpace(spec)
		var b model.Backend
		var err error
		ref := false
		switch {
		case spec == "bf16":
			ref = true
			b, err = openDevice("cpu", 0, true)(ck)
		case strings.HasPrefix(spec, "cpu"):
			threads := 0
			if t, ok := strings.CutPrefix(spec, "cpu@"); ok {
				if threads, err = strconv.Atoi(t); err != nil || threads <= 0 {
					return calibrate.Backend{}, fmt.Errorf("backend %q: bad thread count", spec)
				}
			} else if spec != "cpu" {
				return calibrate.Backend{}, fmt.Errorf("backend %q: want cpu@N", spec)
			}
			b, err = openDevice("cpu", threads, false)(ck)
		default:
			b, err = openDevice(spec, 0, false)(ck)
		}
		if err != nil {
			return calibrate.Backend{}, fmt.Errorf("backend %q: %w", spec, err)
		}
		return calibrate.Backend{Name: spec, Backend: b, Reference: ref}, nil
	}
	prog := newProgress(c.App.ErrWriter, "calibrate: groups", logger(c), false)
	cfg := calibrate.Config{
		Rollouts: c.Int("rollouts"), MaxNew: c.Int("max-new"),
		PromptMin: c.Int("prompt-min"), PromptMax: c.Int("prompt-max"),
		Sampling: model.Sampling{Temperature: c.Float64("temperature")},
		Seed:     sha256.Sum256([]byte(c.String("seed"))),
		Margin:   proofs.DefaultParams.SamplingMargin, LogProbTol: proofs.DefaultParams.LogProbTol,
		SketchTol: sketch.Tolerance,
		Progress:  func(done, total int) { prog.Update(int64(done), int64(total)) },
		Explain:   c.Bool("explain"), OnlyBatch: c.Int("only-batch"),
	}
	byName := map[string]calibrate.Backend{}
	for _, spec := range strings.Split(c.String("backends"), ",") {
		b, err := open(spec)
		if err != nil {
			return err
		}
		defer closeBackend(b.Backend)
		byName[b.Name] = b
		cfg.Checkers = append(cfg.Checkers, b)
		if c.String("generators") == "" && !b.Reference {
			cfg.Generators = append(cfg.Generators, b)
		}
	}
	if gens := c.String("generators"); gens != "" {
		for _, g := range strings.Split(gens, ",") {
			b, ok := byName[strings.TrimSpace(g)]
			if !ok {
				return fmt.Errorf("generator %q is not among --backends", g)
			}
			cfg.Generators = append(cfg.Generators, b)
		}
	}
	for _, s := range strings.Split(c.String("batches"), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("--batches: %q is not a positive integer", s)
		}
		cfg.Batches = append(cfg.Batches, n)
	}
	rep, err := calibrate.Run(c.Context, cfg)
	if err != nil {
		return err
	}
	if err := calibrate.WriteTable(c.App.Writer, rep); err != nil {
		return err
	}
	calibrate.WriteExplanations(c.App.Writer, rep.Explanations)
	if out := c.String("out"); out != "" {
		raw, err := json.MarshalIndent(rep, "", " ")
		if err != nil {
			return err
		}
		if err := atomicfile.WriteBytes(out, 0o644, raw); err != nil {
			return err
		}
	}
	if p := c.String("plot"); p != "" {
		if err := calibrate.Plot(rep, cfg.LogProbTol, p); err != nil {
			return fmt.Errorf("plot: %w", err)
		}
	}
	if rep.HonestRejected > 0 {
		return fmt.Errorf("calibrate: %d of %d honest positions would be rejected by the current tolerances", rep.HonestRejected, rep.HonestPositions)
	}
	return nil
}

var forgeryCommand = &cli.Command{
	Name:  "forgery",
	Usage: "measure how often cheap cheats pass the verifier (sampler and sketch checks)",
	Description: `Runs the cheat experiments of docs/protocol.md ("Forgery bounds") on the CPU engine:
tokens from int8, int4 and +1% noise variants of the model, greedy decoding, other
temperatures, top-k and a forced prefix, each with logprobs and sketches filled in by the
right model (so only verifiable sampling can catch them); and sketches that are random,
constant, copied, shifted or computed by a variant model on honest tokens.`,
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "model", Required: true, Usage: "Hugging Face model folder"},
		&cli.IntFlag{Name: "groups", Value: 16, Usage: "groups per experiment"},
		&cli.IntFlag{Name: "group-size", Value: 16},
		&cli.IntFlag{Name: "max-new", Value: proofs.DefaultParams.MaxNewTokens},
		&cli.IntFlag{Name: "prompt-len", Value: 32},
		&cli.StringFlag{Name: "seed", Value: "assay-forgery"},
		&cli.StringFlag{Name: "out", Usage: "write the report as JSON here"},
	},
	Action: func(c *cli.Context) error {
		ck, err := model.OpenCheckpoint(c.String("model"))
		if err != nil {
			return err
		}
		defer ck.Close()
		right, err := model.NewCPU(ck, model.CPUConfig{})
		if err != nil {
			return err
		}
		p := proofs.DefaultParams
		rep, err := calibrate.Forgery(c.Context, calibrate.ForgeryConfig{
			Right: right, Checkpoint: ck, Groups: c.Int("groups"), Group: c.Int("group-size"),
			MaxNew: c.Int("max-new"), PromptLen: c.Int("prompt-len"), K: p.K, Margin: p.SamplingMargin,
			SketchTol: sketch.Tolerance, Sampling: model.Sampling{Temperature: 1},
			Seed: sha256.Sum256([]byte(c.String("seed"))),
		})
		if err != nil {
			return err
		}
		if err := calibrate.WriteForgery(c.App.Writer, rep, p.K); err != nil {
			return err
		}
		if out := c.String("out"); out != "" {
			raw, err := json.MarshalIndent(rep, "", " ")
			if err != nil {
				return err
			}
			return atomicfile.WriteBytes(out, 0o644, raw)
		}
		return nil
	},
}
