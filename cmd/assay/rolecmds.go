package main

import "github.com/urfave/cli/v2"

// The role commands below are placeholders for the issues that build them
// (miner, validator, audit, chain). They answer with a clear error.

var minerCommand = &cli.Command{
	Name:  "miner",
	Usage: "run a miner: generate and publish signed rollout groups",
	Subcommands: []*cli.Command{
		{Name: "start", Usage: "follow the chain and answer every window", Action: notBuilt("miner start")},
	},
}

var validatorCommand = &cli.Command{
	Name:  "validator",
	Usage: "run a validator: spot-check miners and post weights",
	Subcommands: []*cli.Command{
		{Name: "run", Usage: "verify every closed window and post weights", Action: notBuilt("validator run")},
	},
}

var auditCommand = &cli.Command{
	Name:  "audit",
	Usage: "replay past windows from public data",
	Subcommands: []*cli.Command{
		{Name: "replay", Usage: "re-derive a window's decisions and compare with the posted weights", Action: notBuilt("audit replay")},
	},
}
