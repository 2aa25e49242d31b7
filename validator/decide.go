// Package validator runs a validator: for every closed window it fetches
// each registered miner's window file, waits for the opening, judges the
// files (package score: the same function an auditor replays) and posts
// the weights to the subnet contract.
package validator

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/score"
)

// Input is what a validator judges a window with (score.Decide's input
// before the window's verifier is built from the network and the model).
type Input struct {
	Network     *network.Network
	Model       *network.Model
	Env         env.Environment
	Window      uint64
	WindowSeed  [32]byte
	OpeningSeed [32]byte
	Miners      []score.Miner
	Files       score.Files
	Arrivals    map[uint32]uint64
	Gated       map[common.Address]bool
}

// Decide judges the window (score.Decide).
func Decide(ctx context.Context, in Input) (*score.Decision, error) {
	return score.Decide(ctx, score.Input{Verifier: in.Network.Verifier(in.Model, in.Env, in.Window, in.WindowSeed, in.OpeningSeed),
		Miners: in.Miners, Files: in.Files, Arrivals: in.Arrivals, Gated: in.Gated})
}
