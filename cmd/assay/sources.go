package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/beacon"
	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/network"
)

// Dev defaults: a local beacon and a synthetic block list that share a
// genesis, so that "assay challenge show" works offline on a fresh machine.
const (
	devGenesis       = 1767225600 // 2026-01-01T00:00:00Z
	devBeaconSecret  = "assay-dev-beacon"
	devBeaconPeriod  = time.Second // as the dev chain's blocks: a seed waits at most a second for its round
	devBlockInterval = 2
)

// The source flags in named groups (commands take the groups they read).
var (
	beaconFlags = []cli.Flag{
		&cli.StringFlag{Name: "beacon", Value: "local", EnvVars: envs("beacon"), Category: "Randomness",
			Usage: "drand chain: quicknet, default, local (dev key), or a recording file (JSON) for offline replay"},
		&cli.StringSliceFlag{Name: "beacon-relay", EnvVars: envs("beacon-relay"), Category: "Randomness",
			Usage: "drand HTTP relay base URL (repeatable; public relays when unset)"},
		&cli.StringFlag{Name: "beacon-secret", Value: devBeaconSecret, EnvVars: envs("beacon-secret"), Category: "Randomness",
			Usage: "secret of the local beacon (dev and tests only)"},
		&cli.Int64Flag{Name: "beacon-genesis", Value: devGenesis, EnvVars: envs("beacon-genesis"), Category: "Randomness",
			Usage: "Unix time of the local beacon's round 1"},
	}
	rpcFlag = &cli.StringFlag{Name: "rpc", EnvVars: envs("rpc"), Category: "Chain",
		Usage: "Ethereum JSON-RPC URL to read blocks from (default: a synthetic dev block list)"}
	blocksFlag = &cli.StringFlag{Name: "blocks", EnvVars: envs("blocks"), Category: "Chain",
		Usage: "JSON file of blocks [{number, hash, timestamp}] to read instead of a node"}
	chainIDFlag = &cli.Uint64Flag{Name: "chain-id", Value: 31337, EnvVars: envs("chain-id"), Category: "Network",
		Usage: "EVM chain id (part of every seed)"}
	contractFlag = &cli.StringFlag{Name: "contract", Value: "0x0000000000000000000000000000000000000000", EnvVars: envs("contract"),
		Category: "Network", Usage: "subnet contract address (part of every seed)"}
	windowLengthFlag = &cli.Uint64Flag{Name: "window-length", Value: 30, EnvVars: envs("window-length"), Category: "Network",
		Usage: "blocks per window (W)"}
	submitGraceFlag = &cli.Uint64Flag{Name: "submit-grace", Value: 2, EnvVars: envs("submit-grace"), Category: "Network",
		Usage: "blocks between a window's deadline and its opening block"}
	beaconDelayFlag = &cli.Uint64Flag{Name: "beacon-delay", Value: network.DefaultBeaconDelay, EnvVars: envs("beacon-delay"), Category: "Network",
		Usage: "seconds after a block's timestamp before its seed's beacon round (the first round strictly after them)"}
	// sourceFlags are every source flag, for the offline challenge commands.
	sourceFlags = append(append([]cli.Flag{}, beaconFlags...), rpcFlag, blocksFlag, chainIDFlag, contractFlag, windowLengthFlag, submitGraceFlag, beaconDelayFlag)
)

// beaconFromFlags builds the verified beacon source the flags name.
func beaconFromFlags(c *cli.Context) (challenge.Beacon, error) {
	name := c.String("beacon")
	switch name {
	case "local":
		return beacon.NewLocal(beacon.LocalConfig{
			Secret:  []byte(c.String("beacon-secret")),
			Genesis: c.Int64("beacon-genesis"),
			Period:  devBeaconPeriod,
		})
	case "quicknet", "default":
		ch, err := beacon.KnownChain(name)
		if err != nil {
			return nil, err
		}
		return beacon.NewHTTP(beacon.HTTPConfig{Chain: ch, Relays: c.StringSlice("beacon-relay")})
	default:
		if _, err := os.Stat(name); err != nil {
			return nil, fmt.Errorf("--beacon %q is neither quicknet, default, local nor a readable recording: %w", name, err)
		}
		return beacon.LoadRecorded(name)
	}
}

// blocksFromFlags builds the block source the flags name.
func blocksFromFlags(ctx context.Context, c *cli.Context) (challenge.BlockSource, func(), error) {
	switch {
	case c.String("rpc") != "" && c.String("blocks") != "":
		return nil, nil, fmt.Errorf("--rpc and --blocks are exclusive")
	case c.String("rpc") != "":
		cl, err := ethclient.DialContext(ctx, c.String("rpc"))
		if err != nil {
			return nil, nil, fmt.Errorf("dial %s: %w", c.String("rpc"), err)
		}
		id, err := cl.ChainID(ctx)
		if err != nil {
			cl.Close()
			return nil, nil, fmt.Errorf("chain id from %s: %w", c.String("rpc"), err)
		}
		if id.Uint64() != c.Uint64("chain-id") {
			cl.Close()
			return nil, nil, fmt.Errorf("node %s is chain %v, --chain-id says %d", c.String("rpc"), id, c.Uint64("chain-id"))
		}
		return chain.NewBlocks(cl), cl.Close, nil
	case c.String("blocks") != "":
		b, err := challenge.LoadStaticBlocks(c.String("blocks"))
		return b, func() {}, err
	default:
		return challenge.DevBlocks{Genesis: uint64(c.Int64("beacon-genesis")), Interval: devBlockInterval}, func() {}, nil
	}
}

// networkFromFlags reads the seed parameters; the beacon chain is the
// source's own, since the flags chose it.
func networkFromFlags(c *cli.Context, b challenge.Beacon) (challenge.Params, error) {
	addr := c.String("contract")
	if !common.IsHexAddress(addr) {
		return challenge.Params{}, fmt.Errorf("--contract %q is not a 20-byte hex address", addr)
	}
	n := challenge.Params{
		ChainID:      c.Uint64("chain-id"),
		Contract:     common.HexToAddress(addr),
		WindowLength: c.Uint64("window-length"),
		SubmitGrace:  c.Uint64("submit-grace"),
		BeaconChain:  b.Chain().Hash(),
		BeaconDelay:  c.Uint64("beacon-delay"),
	}
	return n, n.Validate()
}

func parseAddress(flag, s string) ([20]byte, error) {
	if !common.IsHexAddress(s) || !strings.HasPrefix(strings.ToLower(s), "0x") {
		return [20]byte{}, fmt.Errorf("--%s %q is not a 0x-prefixed 20-byte hex address", flag, s)
	}
	return common.HexToAddress(s), nil
}
