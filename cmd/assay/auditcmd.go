package main

import (
	"fmt"
	"net/http"
	"os"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/audit"
	"github.com/assaynet/assay/dashboard"
	"github.com/assaynet/assay/score"
)

var pageCommand = &cli.Command{
	Name:      "page",
	Usage:     "serve the weights page of a folder of decisions",
	UsageText: "assay page --decisions DIR [--listen 127.0.0.1:8090]",
	Description: `Serves the weights page (weights by window as a chart, each miner's outcome
and failure reason, verification throughput) for a folder of window-N.json
decisions: a validator's DATADIR/decisions (a running validator serves the
same at / of its --listen address), or an auditor's replays (audit replay
--out DIR).`,
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "decisions", Required: true, Usage: "folder of window-N.json decisions"},
		&cli.StringFlag{Name: "listen", Value: "127.0.0.1:8090", Usage: "HTTP address"},
	},
	Action: func(c *cli.Context) error {
		dir := c.String("decisions")
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("--decisions %s: not a folder", dir)
		}
		srv := &http.Server{Addr: c.String("listen"), Handler: dashboard.Handler(dashboard.Dir(dir), dir), ReadHeaderTimeout: 5 * time.Second}
		go func() {
			<-c.Context.Done()
			srv.Close()
		}()
		fmt.Fprintf(c.App.Writer, "weights page of %s on http://%s/\n", dir, srv.Addr)
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			return err
		}
		return nil
	},
}

var auditCommand = &cli.Command{
	Name:  "audit",
	Usage: "replay past windows from public data",
	Subcommands: []*cli.Command{auditSettleCommand, {
		Name:      "replay",
		Usage:     "re-derive a window's decisions and compare with the posted weights",
		UsageText: "assay audit replay --window W --network FILE --model DIR --files DIR",
		Description: `Re-derives the window and opening seeds from the chain and the beacon,
re-runs the validator's decision on the miners' files (--files: a folder of
window-N/UID.assay, e.g. a validator's files/ folder) and compares it with
every weight vector posted for the window. Prints a per-miner table; exits 1
naming the miner and the reason when a posted weight differs.`,
		Flags: roleFlagsWith(
			&cli.Uint64Flag{Name: "window", Required: true, Usage: "window to replay"},
			&cli.StringFlag{Name: "files", Required: true, EnvVars: envs("files"), Usage: "folder holding window-N/UID.assay"},
			&cli.IntFlag{Name: "lookback", Value: 2, EnvVars: envs("lookback"), Usage: "windows of failure gating (the validator's value)"},
			&cli.StringFlag{Name: "out", Usage: "folder to keep the replayed decision in (window-N.json; `assay page` serves it)"},
		),
		Action: func(c *cli.Context) error {
			s, err := setupRole(c)
			if err != nil {
				return err
			}
			if err := onChainBeacon(c, s, nil); err != nil { // read-only: the validator submits
				return err
			}
			e, b := s.env, s.beacon
			w := c.Uint64("window")
			start := time.Now()
			defer s.models.Close()
			rep, err := audit.Replay(c.Context, audit.Config{Network: s.net, Models: s.models, Env: e, Beacon: b, FilesRoot: c.String("files"), Lookback: c.Int("lookback"),
				Progress: windowProgress(c.App.ErrWriter, "audit: window %d: miners replayed", logger(c))}, w)
			if err != nil {
				return err
			}
			rep.Decision.VerifySeconds = time.Since(start).Seconds()
			if dir := c.String("out"); dir != "" {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
				if err := score.WriteDecision(dir, rep.Decision); err != nil {
					return err
				}
			}
			out := c.App.Writer
			fmt.Fprintf(out, "audit replay of window %d (window seed %s…, opening seed %s…)\n", w, rep.Decision.WindowSeed[:16], rep.Decision.OpeningSeed[:16])
			tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "uid\tminer\tgroups\topened\tverified\tunique\tfailure\tscore\treplayed weight")
			for _, m := range rep.Decision.Miners {
				f := m.Failure
				if m.Copycat {
					f += " copycat"
				}
				if m.Gated {
					f += " gated"
				}
				if f == "" {
					f = "-"
				}
				fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%d\t%s\t%d\t%d\n", m.UID, m.Address.Hex()[:10], m.Groups, m.Opened, m.Verified, m.Unique, f, m.Score, m.Weight)
			}
			tw.Flush()
			if len(rep.Posts) == 0 {
				return fmt.Errorf("audit: no weights were posted for window %d", w)
			}
			// Each post on its own line: a post is one validator's claim, and
			// any account may register as a validator (docs/security.md).
			bad := map[common.Address]int{}
			for _, mm := range rep.Mismatches {
				bad[mm.Validator]++
			}
			for _, p := range rep.Posts {
				verdict := "agrees with the replay"
				if n := bad[p.Validator]; n > 0 {
					verdict = fmt.Sprintf("DISAGREES at %d uid(s)", n)
				}
				fmt.Fprintf(out, "post by validator %s (block %d, tx %s): %s\n", p.Validator.Hex(), p.Block, p.TxHash.Hex(), verdict)
			}
			if len(rep.Mismatches) > 0 {
				for _, mm := range rep.Mismatches {
					fmt.Fprintf(out, "MISMATCH validator %s uid %d miner %s: posted %d, replay %d (%s)\n", mm.Validator.Hex(), mm.UID, mm.Miner.Hex(), mm.Posted, mm.Replayed, mm.Reason)
				}
				m := rep.Mismatches[0]
				return fmt.Errorf("audit: window %d: validator %s posted %d for miner %s (uid %d), replay gives %d: %s", w, m.Validator.Hex(), m.Posted, m.Miner.Hex(), m.UID, m.Replayed, m.Reason)
			}
			fmt.Fprintf(out, "audit: window %d agrees with %d posted weight vector(s)\n", w, len(rep.Posts))
			return nil
		},
	}},
}
