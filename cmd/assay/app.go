package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// version is set at link time (-ldflags "-X main.version=...").
var version = "dev"

func newApp() *cli.App {
	return &cli.App{
		Name:    "assay",
		Usage:   "verifiable-inference network for RL post-training",
		Version: version,
		Description: `Assay lets strangers sell LLM rollouts without being trusted. Miners answer
each window's challenges with signed GRPO rollout groups; validators re-run a
random sample and post weights to an EVM contract; auditors replay any window.

Every flag can also be set from an environment variable: --beacon-relay is
ASSAY_BEACON_RELAY, and so on (the flag wins when both are set).

Start here:
  assay beacon verify --chain quicknet --round 12040883 --signature 9299...  check a drand beacon
  assay challenge show --window 3 --miner 0x... --problem 0                 see a derived problem`,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
		Commands: []*cli.Command{
			minerCommand,
			validatorCommand,
			auditCommand,
			settleCommand,
			chainCommand,
			beaconCommand,
			challengeCommand,
			modelCommand,
			checkpointCommand,
			proofsCommand,
			calibrateCommand,
			forgeryCommand,
			exportCommand,
			pageCommand,
		},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return fmt.Errorf("%w (see '%s --help')", err, c.Command.HelpName)
		},
	}
}

// envs returns the ASSAY_* variable for a flag name.
func envs(name string) []string {
	return []string{"ASSAY_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))}
}

// errNotBuilt marks commands whose issue has not landed yet. They exist so
// that --help shows the whole tool; they never pretend to work.
var errNotBuilt = errors.New("not implemented in this build yet (see README.md, 'Status')")

func notBuilt(what string) cli.ActionFunc {
	return func(*cli.Context) error { return fmt.Errorf("%s: %w", what, errNotBuilt) }
}
