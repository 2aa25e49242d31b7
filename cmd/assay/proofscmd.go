package main

import (
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/proofs"
)

var proofsCommand = &cli.Command{
	Name:  "proofs",
	Usage: "window files and rollout records",
	Subcommands: []*cli.Command{
		{
			Name:      "inspect",
			Usage:     "print a window file's header and records",
			UsageText: "assay proofs inspect FILE [--json]",
			Description: `Checks the header signature, then streams the records, stopping at the first
bad byte with an error that names the record. Record signatures are checked
and shown per record; nothing is recomputed (that is the validator's job).`,
			Flags: []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "one JSON object per line: the header, then each record"}},
			Action: func(c *cli.Context) error {
				if c.NArg() != 1 {
					return fmt.Errorf("need exactly one FILE")
				}
				f, err := os.Open(c.Args().First())
				if err != nil {
					return err
				}
				defer f.Close()
				rd, err := proofs.NewReader(f, proofs.DefaultFileLimits)
				if err != nil {
					return err
				}
				h := rd.Header
				out := c.App.Writer
				enc := json.NewEncoder(out)
				if c.Bool("json") {
					enc.Encode(map[string]any{"version": h.Version, "window": h.Window, "miner": h.Miner.Hex(), "count": h.Count, "digest": fmt.Sprintf("%x", h.Digest)})
				} else {
					fmt.Fprintf(out, "window file v%d  window %d  miner %s  records %d  digest %x\n", h.Version, h.Window, h.Miner.Hex(), h.Count, h.Digest[:8])
				}
				tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
				if !c.Bool("json") {
					fmt.Fprintln(tw, "#\tproblem\trollout\tprompt\tcompletion\treward\tadvantage\tsignature")
				}
				for i := 0; ; i++ {
					r, err := rd.Next()
					if err == proofs.ErrDone {
						break
					}
					if err != nil {
						tw.Flush()
						return err
					}
					sig := "ok"
					if s, err := r.Signer(); err != nil || s != r.Miner {
						sig = "BAD"
					}
					if c.Bool("json") {
						enc.Encode(map[string]any{"index": i, "problem": r.Problem, "rollout": r.Rollout, "model_id": fmt.Sprintf("%x", r.ModelID),
							"prompt": r.Prompt, "completion": r.Completion, "logprobs": r.LogProbs, "sketches": r.Sketches,
							"reward": r.Reward, "advantage": r.Advantage, "signature": sig})
						continue
					}
					fmt.Fprintf(tw, "%d\t%d\t%d\t%d tok\t%d tok\t%.4g\t%.4g\t%s\n", i, r.Problem, r.Rollout, len(r.Prompt), len(r.Completion), r.Reward, r.Advantage, sig)
				}
				return tw.Flush()
			},
		},
	},
}
