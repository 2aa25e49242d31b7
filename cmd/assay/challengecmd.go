package main

import (
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/env/arith"
	"github.com/assaynet/assay/env/gsm8k"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/env/story"
)

var envFlags = []cli.Flag{
	&cli.StringFlag{Name: "env", Value: "sat", EnvVars: envs("env"), Category: "Network",
		Usage: "environment: sat, math, story (story openings for TinyStories-size models), or gsm8k (needs --dataset)"},
	&cli.StringFlag{Name: "dataset", EnvVars: envs("dataset"), Category: "Network",
		Usage: "GSM8K-format JSONL file for --env gsm8k"},
}

func envFromFlags(c *cli.Context) (env.Environment, error) {
	reg := env.Registry{"sat": sat.New(sat.DefaultParams), "math": arith.New(), "story": story.New()}
	if c.String("env") == "gsm8k" {
		if c.String("dataset") == "" {
			return nil, fmt.Errorf("--env gsm8k needs --dataset FILE.jsonl")
		}
		g, err := gsm8k.Load(c.String("dataset"))
		if err != nil {
			return nil, err
		}
		reg["gsm8k"] = g
	}
	return reg.Get(c.String("env"))
}

var challengeCommand = &cli.Command{
	Name:  "challenge",
	Usage: "derive seeds and problems from public randomness",
	Subcommands: []*cli.Command{
		{
			Name:      "show",
			Usage:     "print the problem a miner must answer",
			UsageText: "assay challenge show --window W --miner 0xADDR --problem J [--env sat|math|gsm8k]",
			Description: `Derives the window seed from the window's first block and the verified
beacon round at its time, then problem J of the miner, and prints the prompt
and reference answer. Defaults are offline: the local dev beacon and a
synthetic block list; use --beacon quicknet and --rpc URL for a real network.`,
			Flags: append(append([]cli.Flag{
				&cli.Uint64Flag{Name: "window", Required: true, Usage: "window number"},
				&cli.StringFlag{Name: "miner", Required: true, Usage: "miner address (0x + 40 hex)"},
				&cli.Uint64Flag{Name: "problem", Usage: "problem index j"},
				&cli.BoolFlag{Name: "json", Usage: "print one JSON object"},
			}, envFlags...), sourceFlags...),
			Action: showChallenge,
		},
		{
			Name:      "seed",
			Usage:     "print a window's seed and opening seed with their inputs",
			UsageText: "assay challenge seed --window W",
			Flags: append([]cli.Flag{
				&cli.Uint64Flag{Name: "window", Required: true, Usage: "window number"},
				&cli.BoolFlag{Name: "opening", Usage: "also derive the opening seed (needs the opening block)"},
			}, sourceFlags...),
			Action: showSeed,
		},
	},
}

func seedJSON(s challenge.Seed) map[string]any {
	return map[string]any{
		"seed": fmt.Sprintf("%x", s.Value), "window": s.Window, "block": s.Block.Number,
		"block_hash": fmt.Sprintf("0x%x", s.Block.Hash), "block_time": s.Block.Time,
		"beacon_round": s.Round, "beacon_randomness": fmt.Sprintf("%x", s.Randomness),
	}
}

func showSeed(c *cli.Context) error {
	b, err := beaconFromFlags(c)
	if err != nil {
		return err
	}
	n, err := networkFromFlags(c, b)
	if err != nil {
		return err
	}
	blocks, closeFn, err := blocksFromFlags(c.Context, c)
	if err != nil {
		return err
	}
	defer closeFn()
	w := c.Uint64("window")
	s, err := challenge.WindowSeed(c.Context, n, blocks, b, w)
	if err != nil {
		return err
	}
	out := map[string]any{"window_seed": seedJSON(s)}
	if c.Bool("opening") {
		o, err := challenge.OpeningSeed(c.Context, n, blocks, b, w)
		if err != nil {
			return err
		}
		out["opening_seed"] = seedJSON(o)
	}
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func showChallenge(c *cli.Context) error {
	miner, err := parseAddress("miner", c.String("miner"))
	if err != nil {
		return err
	}
	e, err := envFromFlags(c)
	if err != nil {
		return err
	}
	b, err := beaconFromFlags(c)
	if err != nil {
		return err
	}
	n, err := networkFromFlags(c, b)
	if err != nil {
		return err
	}
	blocks, closeFn, err := blocksFromFlags(c.Context, c)
	if err != nil {
		return err
	}
	defer closeFn()
	s, err := challenge.WindowSeed(c.Context, n, blocks, b, c.Uint64("window"))
	if err != nil {
		return err
	}
	j := c.Uint64("problem")
	ps := challenge.ProblemSeed(s.Value, miner, j)
	task, err := e.Generate(ps)
	if err != nil {
		return fmt.Errorf("generate %s problem %d: %w", e.Name(), j, err)
	}
	if c.Bool("json") {
		return json.NewEncoder(c.App.Writer).Encode(map[string]any{
			"window_seed": seedJSON(s), "miner": fmt.Sprintf("0x%x", miner), "problem": j,
			"problem_seed": fmt.Sprintf("%x", ps), "env": e.Name(), "prompt": task.Prompt(), "truth": task.Truth(),
		})
	}
	w := c.App.Writer
	fmt.Fprintf(w, "window %d  block %d (0x%x, t=%d)  beacon %s round %d\n",
		s.Window, s.Block.Number, s.Block.Hash[:8], s.Block.Time, b.Chain().HashHex()[:16], s.Round)
	fmt.Fprintf(w, "window seed   %x\n", s.Value)
	fmt.Fprintf(w, "problem seed  %x  (miner 0x%x, j=%d, env %s)\n\n", ps, miner, j, e.Name())
	fmt.Fprintf(w, "%s\n\nreference answer: %s\n", task.Prompt(), task.Truth())
	return nil
}
