package settle

import (
	"fmt"
	"math/big"

	"github.com/assaynet/assay/score"
	"github.com/ethereum/go-ethereum/common"
)

// Post is one validator's weights for a window as the contract hashed it:
// the validator's uid, its bonded stake when the post was mined, and the
// weights dense by uid (shorter than the shape's Uids: the rest are 0).
type Post struct {
	UID     uint32
	Stake   *big.Int
	Weights []uint16
}

// Epoch is what a settlement proves over: every window's posts in the
// order the contract received them, and what the epoch pays.
type Epoch struct {
	Windows  [][]Post
	Emission *big.Int // wei, < 2^StakeBits
	MinerBps uint32   // miners' share in basis points
}

// Result is an epoch's settlement: the credit of every uid (miner rank and
// validator agreement payouts together) and what rounding left.
type Result struct {
	Payouts []*big.Int // by uid, len shape.Uids
	Carried *big.Int
}

var stakeLimit = new(big.Int).Lsh(big.NewInt(1), StakeBits)

// check reports what the shape or the contract's bounds do not allow.
func (s Shape) check(ep Epoch) error {
	if len(ep.Windows) != s.Windows {
		return fmt.Errorf("%w: %d windows, the circuit settles %d", ErrShape, len(ep.Windows), s.Windows)
	}
	if ep.Emission == nil || ep.Emission.Sign() < 0 || ep.Emission.Cmp(stakeLimit) >= 0 {
		return fmt.Errorf("%w: emission %v outside [0, 2^%d)", ErrShape, ep.Emission, StakeBits)
	}
	if ep.MinerBps > 10000 {
		return fmt.Errorf("%w: miner share %d bps over 10000", ErrShape, ep.MinerBps)
	}
	for k, posts := range ep.Windows {
		if len(posts) > s.Validators {
			return fmt.Errorf("%w: window %d has %d posts, the circuit holds %d", ErrShape, k, len(posts), s.Validators)
		}
		for _, p := range posts {
			if int(p.UID) >= s.Uids || len(p.Weights) > s.Uids {
				return fmt.Errorf("%w: window %d: uid %d or %d weights beyond %d uids", ErrShape, k, p.UID, len(p.Weights), s.Uids)
			}
			if p.Stake == nil || p.Stake.Sign() <= 0 || p.Stake.Cmp(stakeLimit) >= 0 {
				return fmt.Errorf("%w: window %d: uid %d stake %v outside (0, 2^%d)", ErrShape, k, p.UID, p.Stake, StakeBits)
			}
		}
	}
	return nil
}

// WindowEmission is what each window of an epoch pays: ⌊emission/windows⌋
// (the remainder is carried).
func (s Shape) WindowEmission(total *big.Int) *big.Int {
	return new(big.Int).Quo(total, big.NewInt(int64(s.Windows)))
}

// Reference settles ep with score.ConsensusOf, the rule's one definition:
// each window pays WindowEmission by that window's consensus, and a uid's
// credit is the sum over windows of its miner payouts and, for a
// validator's uid, its validator payouts.
func Reference(s Shape, ep Epoch) (*Result, error) {
	if err := s.check(ep); err != nil {
		return nil, err
	}
	res := &Result{Payouts: make([]*big.Int, s.Uids), Carried: new(big.Int).Set(ep.Emission)}
	for u := range res.Payouts {
		res.Payouts[u] = new(big.Int)
	}
	ew := s.WindowEmission(ep.Emission)
	for k, posts := range ep.Windows {
		in := make([]score.Post, len(posts))
		for i, p := range posts {
			w := make(map[uint32]uint16, len(p.Weights))
			for u, x := range p.Weights {
				if x != 0 {
					w[uint32(u)] = x
				}
			}
			in[i] = score.Post{Validator: uidAddress(p.UID), Stake: p.Stake, Weights: w}
		}
		c, err := score.ConsensusOf(in, score.Emission{Total: ew, MinerBps: ep.MinerBps})
		if err != nil {
			return nil, fmt.Errorf("settle: window %d of the epoch: %w", k, err)
		}
		for u, x := range c.Miners {
			res.Payouts[u].Add(res.Payouts[u], x)
			res.Carried.Sub(res.Carried, x)
		}
		for _, p := range posts {
			if x := c.Validators[uidAddress(p.UID)]; x != nil {
				res.Payouts[p.UID].Add(res.Payouts[p.UID], x)
				res.Carried.Sub(res.Carried, x)
			}
		}
	}
	return res, nil
}

// uidAddress stands in for a validator's account inside Reference, where
// only uids matter.
func uidAddress(uid uint32) common.Address {
	return common.BigToAddress(new(big.Int).SetUint64(uint64(uid) + 1))
}
