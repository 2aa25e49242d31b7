package main

import (
	"fmt"
	"math/big"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/validator"
)

var validatorCommand = &cli.Command{
	Name:  "validator",
	Usage: "run a validator: spot-check miners and post weights",
	Subcommands: []*cli.Command{{
		Name:      "run",
		Usage:     "verify every closed window and post weights",
		UsageText: "assay validator run --network FILE --key HEX --model DIR --datadir DIR",
		Description: `For every closed window: reads the miners' commitments, fetches each
committed miner's file (timeouts, size cap, retries), verifies the
PRF-chosen sample on the --device backend, detects copycats, gates miners
that failed within --lookback, scores (unique verified completions,
score^4, uint16 shares) and posts to the contract, which takes weights only
from validators with bonded stake (--stake bonds what is missing at start;
assay chain stake|unstake|withdraw). Decisions and the files they used are
kept in --datadir, so a restart resumes without re-posting and an auditor
can replay.`,
		Flags: roleFlagsWith(
			&cli.StringFlag{Name: "datadir", Required: true, EnvVars: envs("datadir"), Usage: "decisions and kept files"},
			&cli.IntFlag{Name: "lookback", Value: 2, EnvVars: envs("lookback"), Usage: "windows of failure gating"},
			&cli.IntFlag{Name: "windows", EnvVars: envs("windows"), Usage: "stop after posting this many windows (0: run until interrupted)"},
			&cli.Uint64Flag{Name: "from", Usage: "first window to decide (0: the next one at a first start, the one after the last decision at a restart)"},
			&cli.StringFlag{Name: "pause-at", Hidden: true, EnvVars: envs("pause_at"),
				Usage: "fault tests only: stop at this step of a window (fetching, verifying, decided, posted) until killed"},
			&cli.BoolFlag{Name: "public-endpoints-only", EnvVars: envs("public-endpoints-only"),
				Usage: "fetch only from public addresses: refuse miner endpoints that resolve to loopback, private or link-local ones (production; off for dev chains)"},
			&cli.StringFlag{Name: "listen", EnvVars: envs("listen"), Usage: "HTTP address for /metrics and /healthz (empty: none)"},
			stakeFlag,
			&cli.StringFlag{Name: "export", EnvVars: envs("export"), Usage: "folder where each decided window's verified rollouts are written as training data (window-N.parquet; docs/export.md)"},
			&cli.StringFlag{Name: "export-format", Value: "parquet", EnvVars: envs("export_format"), Usage: "--export's format: parquet or jsonl"},
		),
		Action: func(c *cli.Context) error {
			key, err := loadKey(c)
			if err != nil {
				return err
			}
			s, err := setupRole(c)
			if err != nil {
				return err
			}
			defer s.models.Close()
			if s.model.ID != s.net.Params.ModelID {
				logger(c).Warn("the loaded model is not the network's model now: each window is judged with the model its parameters name, fetched from its announced URL",
					"loaded", fmt.Sprintf("%x", s.model.ID[:8]), "network", fmt.Sprintf("%x", s.net.Params.ModelID[:8]))
			}
			if err := onChainBeacon(c, s, key); err != nil {
				return err
			}
			var stake *big.Int
			if a := c.String("stake"); a != "" {
				if stake, err = parseEther(a); err != nil {
					return fmt.Errorf("--stake: %w", err)
				}
			}
			v, err := validator.New(validator.Config{Stake: stake, Export: c.String("export"), ExportFormat: c.String("export-format"), Network: s.net, Models: s.models, Env: s.env, Key: key, Beacon: s.beacon, DataDir: c.String("datadir"),
				Lookback: c.Int("lookback"), Listen: c.String("listen"), PublicEndpointsOnly: c.Bool("public-endpoints-only"), Logger: logger(c), Windows: c.Int("windows"), From: c.Uint64("from"), PauseAt: c.String("pause-at"),
				Progress: windowProgress(c.App.ErrWriter, "validator: window %d: miners verified", logger(c))})
			if err != nil {
				return err
			}
			return v.Run(c.Context)
		},
	}},
}
