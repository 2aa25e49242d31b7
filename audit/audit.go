// Package audit replays a past window from public data — the chain, the
// beacon and the miners' window files (or a local copy of them) — and
// reproduces the validator's decision and weights bit for bit.
package audit

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/score"
)

// Config configures a replay.
type Config struct {
	Network *network.Network
	// Models gives each replayed window the model its parameters name.
	Models network.Models
	Env    env.Environment
	Beacon challenge.Beacon
	// FilesRoot holds window-N/UID.assay folders (a validator's files/ folder
	// or a copy published for auditors).
	FilesRoot string
	Lookback  int
	// Progress, when set, is told how many of window w's miners are
	// replayed (done of total), after each one; lookback windows too.
	Progress func(w uint64, done, total int)
}

// Mismatch is one difference between the replay and a posted vector.
type Mismatch struct {
	Validator common.Address
	UID       uint32
	Miner     common.Address
	Posted    uint16
	Replayed  uint16
	Reason    string
}

// Report is a replayed window and its comparison with the chain.
type Report struct {
	Decision   *score.Decision
	Posts      []chain.Post
	Mismatches []Mismatch
}

// Replay re-derives the seeds of window w, re-runs the decision (with the
// failures of the lookback windows, replayed the same way) and compares it
// with every WeightsSet post for w.
func Replay(ctx context.Context, cfg Config, w uint64) (*Report, error) {
	d, err := decide(ctx, cfg, w, true)
	if err != nil {
		return nil, err
	}
	posts, err := cfg.Network.Chain.Posts(ctx, w)
	if err != nil {
		return nil, err
	}
	rep := &Report{Decision: d, Posts: posts, Mismatches: Compare(d, posts)}
	return rep, nil
}

// Compare lists every difference between a replayed decision and the posted
// weight vectors: a miner whose posted weight differs from the replay (with
// the replay's failure reason when it has one), and any weight posted for a
// uid that is not a miner.
func Compare(d *score.Decision, posts []chain.Post) []Mismatch {
	var out []Mismatch
	for _, p := range posts {
		posted := map[uint32]uint16{}
		for i, u := range p.UIDs {
			posted[u] = p.Weights[i]
		}
		seen := map[uint32]bool{}
		for _, m := range d.Miners {
			seen[m.UID] = true
			if got := posted[m.UID]; got != m.Weight {
				reason := "replayed weight differs"
				if m.Failure != "" {
					reason = "replay finds " + m.Failure + ": " + m.Detail
				}
				out = append(out, Mismatch{Validator: p.Validator, UID: m.UID, Miner: m.Address, Posted: got, Replayed: m.Weight, Reason: reason})
			}
		}
		for i, u := range p.UIDs {
			if !seen[u] && p.Weights[i] != 0 {
				out = append(out, Mismatch{Validator: p.Validator, UID: u, Posted: p.Weights[i], Reason: "weight for a uid that is not a miner"})
			}
		}
	}
	return out
}

func decide(ctx context.Context, cfg Config, w uint64, withGate bool) (*score.Decision, error) {
	n, mdl, release, err := cfg.Network.JudgeAt(ctx, w, cfg.Models) // the window's own parameters and model
	if err != nil {
		return nil, err
	}
	defer release()
	blocks := n.Chain.Blocks()
	ws, err := challenge.WindowSeed(ctx, n.Seeds, blocks, cfg.Beacon, w)
	if err != nil {
		return nil, err
	}
	opening, err := challenge.OpeningSeed(ctx, n.Seeds, blocks, cfg.Beacon, w)
	if err != nil {
		return nil, err
	}
	miners, err := score.MinersAt(ctx, n.Chain, n.Seeds, w)
	if err != nil {
		return nil, err
	}
	var lookback []*score.Decision
	if withGate {
		// Failures never depend on gating, so earlier windows replay without it.
		for k := 1; k <= cfg.Lookback && uint64(k) <= w; k++ {
			prev, err := decide(ctx, cfg, w-uint64(k), false)
			if errors.Is(err, challenge.ErrBeforeGenesis) {
				continue // no challenges before the beacon's genesis, so no failures
			}
			if err != nil {
				return nil, fmt.Errorf("lookback window %d: %w", w-uint64(k), err)
			}
			lookback = append(lookback, prev)
		}
	}
	gated := score.Gated(lookback)
	var progress func(done, total int)
	if cfg.Progress != nil {
		progress = func(done, total int) { cfg.Progress(w, done, total) }
	}
	return score.Decide(ctx, score.Input{Verifier: n.Verifier(mdl, cfg.Env, w, ws.Value, opening.Value), Miners: miners,
		Files: score.DirFiles(score.FilesDir(cfg.FilesRoot, w)), Gated: gated, Progress: progress})
}
