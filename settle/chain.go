package settle

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/assaynet/assay/chain"
)

// ErrNotConfigured is a contract without settlement.
var ErrNotConfigured = errors.New("settle: the contract has no settlement configured")

// ShapeOf is the circuit shape a contract's settlement needs.
func ShapeOf(s chain.Settlement) Shape {
	return Shape{Windows: int(s.EpochLength), Validators: int(s.Validators), Uids: int(s.Uids)}
}

// FromChain reads epoch's posts as the contract hashed them and checks
// that they reproduce the contract's own window states: what a proof is
// made from is exactly what the contract will check it against.
func FromChain(ctx context.Context, cl *chain.Client, epoch uint64) (Epoch, chain.Settlement, error) {
	cfg, err := cl.Settlement(ctx)
	if err != nil {
		return Epoch{}, cfg, err
	}
	if cfg.Verifier == ([20]byte{}) {
		return Epoch{}, cfg, ErrNotConfigured
	}
	if epoch < cfg.FromEpoch {
		return Epoch{}, cfg, fmt.Errorf("settle: epoch %d precedes settlement (from epoch %d)", epoch, cfg.FromEpoch)
	}
	s := ShapeOf(cfg)
	ep := Epoch{Windows: make([][]Post, s.Windows), Emission: cfg.EmissionPerEpoch, MinerBps: cfg.MinerBps}
	for k := range ep.Windows {
		w := epoch*cfg.EpochLength + uint64(k)
		hashed, err := cl.HashedPosts(ctx, w)
		if err != nil {
			return Epoch{}, cfg, err
		}
		for _, h := range hashed {
			p := Post{UID: h.UID, Stake: h.Stake, Weights: make([]uint16, s.Uids)}
			for i, u := range h.UIDs {
				if int(u) >= s.Uids {
					return Epoch{}, cfg, fmt.Errorf("%w: window %d: uid %d posted by uid %d", ErrShape, w, u, h.UID)
				}
				p.Weights[u] = h.Weights[i]
			}
			ep.Windows[k] = append(ep.Windows[k], p)
		}
		state, n, err := cl.WindowPostState(ctx, w)
		if err != nil {
			return Epoch{}, cfg, err
		}
		mine, err := s.WindowState(ep.Windows[k])
		if err != nil {
			return Epoch{}, cfg, err
		}
		if int(n) != len(ep.Windows[k]) || mine.Cmp(state) != 0 {
			return Epoch{}, cfg, fmt.Errorf("settle: window %d: %d posts read hash to %x, the contract holds %d posts hashing to %x", w, len(ep.Windows[k]), mine, n, state)
		}
	}
	return ep, cfg, nil
}

// KeyDir is where the circuit's keys are cached by default: under the
// user's cache directory, by shape and circuit id, so a new circuit never
// meets old keys.
func (c *Compiled) KeyDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("settle: no cache directory for keys (pass --keys): %w", err)
	}
	s := c.Shape
	return filepath.Join(base, "assay", "settle", fmt.Sprintf("w%d-v%d-u%d-%.12s", s.Windows, s.Validators, s.Uids, c.ID)), nil
}

// LoadOrSetup loads the keys in dir (KeyDir where dir is ""), running the
// development set-up and saving its keys there first if dir holds none.
// Keys that are there but do not match are an error (ErrKeys), never
// silently replaced.
func (c *Compiled) LoadOrSetup(ctx context.Context, dir string, progress func(string)) (*Keys, error) {
	if dir == "" {
		var err error
		if dir, err = c.KeyDir(); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); errors.Is(err, os.ErrNotExist) {
		progress(fmt.Sprintf("no settlement keys in %s: running the development set-up for %v (about a minute on two cores)", dir, c.Shape))
		k, err := c.Setup(ctx)
		if err != nil {
			return nil, err
		}
		if err := k.Save(dir); err != nil {
			return nil, err
		}
		return k, nil
	}
	return c.Load(dir)
}

// Sum is the total of payouts.
func Sum(payouts []*big.Int) *big.Int {
	t := new(big.Int)
	for _, p := range payouts {
		t.Add(t, p)
	}
	return t
}
