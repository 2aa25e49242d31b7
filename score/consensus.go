package score

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// The stake-weighted consensus over validators' posts and the split of a
// window's emission (docs/protocol.md §8.4). Exact integer arithmetic; every
// payout is rounded down and what rounding leaves is carried, not paid.
// This is the rule's one definition: settlement (not built yet) must
// compute the same numbers.

// Post is one staked validator's weights for a window.
type Post struct {
	Validator common.Address
	Stake     *big.Int          // bonded stake, > 0
	Weights   map[uint32]uint16 // by miner uid; absent uids are 0
}

// Emission is what a window pays.
type Emission struct {
	Total *big.Int // wei
	// MinerBps is the miners' part in basis points (0..10000); validators
	// share the rest.
	MinerBps uint32
}

// Consensus is a window's consensus and payouts.
type Consensus struct {
	Weights    map[uint32]uint16           // consensus weight by miner uid
	Miners     map[uint32]*big.Int         // payout by miner uid
	Validators map[common.Address]*big.Int // payout by validator
	Carried    *big.Int                    // what rounding (or nobody to pay) left
}

// ErrBadPost is a post the consensus cannot weigh.
var ErrBadPost = errors.New("score: bad post")

// Decide computes the consensus of posts and splits e:
//
//   - S = Σ stake. For miner m, C[m] is the largest weight x posted for m
//     such that the validators posting at least x for m hold more than half
//     of S (2·Σ{stake : W_v[m] ≥ x} > S), else 0: a half of the stake
//     cannot set a miner's weight alone.
//   - Each weight is clipped at the consensus: W'_v[m] = min(W_v[m], C[m]).
//   - Miners share ⌊Total·MinerBps/10000⌋ by rank R[m] = Σ_v stake_v·W'_v[m]:
//     p_m = ⌊E_m·R[m]/ΣR⌋.
//   - Validators share the rest by stake times agreement, A_v = Σ_m W'_v[m]:
//     q_v = ⌊E_v·stake_v·A_v / Σ stake·A⌋.
//   - Carried = Total − Σp − Σq (a part with nobody to pay is carried whole).
func ConsensusOf(posts []Post, e Emission) (*Consensus, error) {
	if e.Total == nil || e.Total.Sign() < 0 || e.MinerBps > 10000 {
		return nil, fmt.Errorf("score: emission %v with miner share %d bps", e.Total, e.MinerBps)
	}
	S := new(big.Int)
	seen := map[common.Address]bool{}
	uids := map[uint32]bool{}
	for _, p := range posts {
		if p.Stake == nil || p.Stake.Sign() <= 0 {
			return nil, fmt.Errorf("%w: validator %s has no bonded stake", ErrBadPost, p.Validator)
		}
		if seen[p.Validator] {
			return nil, fmt.Errorf("%w: validator %s posted twice", ErrBadPost, p.Validator)
		}
		seen[p.Validator] = true
		S.Add(S, p.Stake)
		for u := range p.Weights {
			uids[u] = true
		}
	}
	c := &Consensus{Weights: map[uint32]uint16{}, Miners: map[uint32]*big.Int{}, Validators: map[common.Address]*big.Int{}}
	for u := range uids {
		c.Weights[u] = median(posts, u, S)
	}
	// Ranks and agreements from the clipped weights.
	rank := map[uint32]*big.Int{}
	sumR, sumSA := new(big.Int), new(big.Int)
	sa := make([]*big.Int, len(posts))
	for i, p := range posts {
		agree := uint64(0)
		for u, w := range p.Weights {
			wc := min(w, c.Weights[u])
			agree += uint64(wc)
			if rank[u] == nil {
				rank[u] = new(big.Int)
			}
			r := new(big.Int).Mul(p.Stake, new(big.Int).SetUint64(uint64(wc)))
			rank[u].Add(rank[u], r)
			sumR.Add(sumR, r)
		}
		sa[i] = new(big.Int).Mul(p.Stake, new(big.Int).SetUint64(agree))
		sumSA.Add(sumSA, sa[i])
	}
	em := new(big.Int).Mul(e.Total, big.NewInt(int64(e.MinerBps)))
	em.Quo(em, big.NewInt(10000))
	ev := new(big.Int).Sub(e.Total, em)
	paid := new(big.Int)
	share := func(pot, part, sum *big.Int) *big.Int {
		q := new(big.Int).Mul(pot, part)
		q.Quo(q, sum)
		paid.Add(paid, q)
		return q
	}
	if sumR.Sign() > 0 {
		for u, r := range rank {
			if r.Sign() > 0 {
				c.Miners[u] = share(em, r, sumR)
			}
		}
	}
	if sumSA.Sign() > 0 {
		for i, p := range posts {
			if sa[i].Sign() > 0 {
				c.Validators[p.Validator] = share(ev, sa[i], sumSA)
			}
		}
	}
	c.Carried = new(big.Int).Sub(e.Total, paid)
	return c, nil
}

// median is the largest weight posted for u that validators holding more
// than half the stake S post at least (0 when none is).
func median(posts []Post, u uint32, S *big.Int) uint16 {
	type vote struct {
		w     uint16
		stake *big.Int
	}
	votes := make([]vote, len(posts))
	for i, p := range posts {
		votes[i] = vote{p.Weights[u], p.Stake}
	}
	// Descending by weight: the running stake is the stake posting ≥ w.
	slices.SortFunc(votes, func(a, b vote) int { return int(b.w) - int(a.w) })
	run := new(big.Int)
	twice := new(big.Int)
	for _, v := range votes {
		run.Add(run, v.stake)
		if twice.Lsh(run, 1).Cmp(S) > 0 {
			return v.w
		}
	}
	return 0
}
