package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/miner"
	"github.com/assaynet/assay/network"
)

var minerCommand = &cli.Command{
	Name:  "miner",
	Usage: "run a miner: generate and publish signed rollout groups",
	Subcommands: []*cli.Command{{
		Name:      "start",
		Usage:     "follow the chain and answer every window",
		UsageText: "assay miner start --network FILE --key HEX --model DIR --listen 127.0.0.1:9001 --store DIR",
		Description: `Registers (or updates) the miner's endpoint on the contract, then for every
window derives its problems from the window seed, generates GRPO groups on the
--device backend (cpu, or cuda in a make build-cuda binary), writes the signed window file before the deadline into --store and
serves it at ENDPOINT/windows/W (plus /metrics). A live status line goes to
stderr; --log-format json gives structured logs.`,
		Flags: roleFlagsWith(
			&cli.StringFlag{Name: "store", Required: true, EnvVars: envs("store"), Usage: "folder for window files"},
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1:9001", EnvVars: envs("listen"), Usage: "HTTP address serving files and /metrics"},
			&cli.StringFlag{Name: "endpoint", EnvVars: envs("endpoint"), Usage: "public URL registered on-chain (default http://LISTEN)"},
			&cli.IntFlag{Name: "max-groups", Value: 0, EnvVars: envs("max-groups"), Usage: "problems per window at most (0: as many as fit)"},
			&cli.IntFlag{Name: "max-sequences", Value: 0, EnvVars: envs("max-sequences"),
				Usage: "rollouts generated together, over several groups (0: one group at a time; on a GPU try 256)"},
			&cli.IntFlag{Name: "windows", EnvVars: envs("windows"), Usage: "stop after this many windows (0: run until interrupted)"},
			&cli.StringFlag{Name: "claim-model-id", Hidden: true, Usage: "demo cheater: claim this model id instead of the loaded model's"},
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
			if err := onChainBeacon(c, s, nil); err != nil { // read-only: the validator submits
				return err
			}
			e, b := s.env, s.beacon
			defer s.models.Close()
			var models network.Models = s.models
			cheat := c.String("claim-model-id") == "network"
			if cheat {
				// The demo's cheater runs its model whatever the network's.
				models = network.Fixed{M: s.model}
			}
			log := logger(c)
			progress := func(line string) {
				if c.String("log-format") != "json" {
					fmt.Fprintf(c.App.ErrWriter, "\r%s   ", line)
				}
			}
			m, err := miner.New(miner.Config{Network: s.net, Models: models, ClaimNetworkModel: cheat, Env: e, Key: key, Beacon: b,
				Store: c.String("store"), Listen: c.String("listen"), Endpoint: c.String("endpoint"), MaxGroups: c.Int("max-groups"),
				MaxSequences: c.Int("max-sequences"), Logger: log, Progress: progress, Windows: c.Int("windows")})
			if err != nil {
				return err
			}
			if cheat && s.model.ID != s.net.Params.ModelID {
				log.Warn("the loaded model is not the network's model: validators will reject these rollouts",
					"loaded", fmt.Sprintf("%x", s.model.ID[:8]), "network", fmt.Sprintf("%x", s.net.Params.ModelID[:8]))
			}
			return m.Run(c.Context)
		},
	}},
}
