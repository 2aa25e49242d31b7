package settle

import (
	"math/big"

	"github.com/consensys/gnark/frontend"
)

// Assign is the full witness for ep: its digest, the payouts Reference
// computes and every post in its slot. It fails where ep does not fit s.
func Assign(s Shape, ep Epoch) (*Circuit, *Result, error) {
	res, err := Reference(s, ep)
	if err != nil {
		return nil, nil, err
	}
	d, err := s.EpochDigest(ep)
	if err != nil {
		return nil, nil, err
	}
	c := NewCircuit(s)
	c.Digest, c.Emission, c.MinerBps = d, ep.Emission, ep.MinerBps
	for u := range c.Payouts {
		c.Payouts[u] = res.Payouts[u]
	}
	for k, posts := range ep.Windows {
		w := &c.Windows[k]
		w.Count = len(posts)
		for j := range w.Slots {
			sl := &w.Slots[j]
			sl.UID, sl.Stake = 0, 0
			for u := range sl.Weights {
				sl.Weights[u] = 0
			}
			if j >= len(posts) {
				continue
			}
			sl.UID, sl.Stake = posts[j].UID, new(big.Int).Set(posts[j].Stake)
			for u, x := range posts[j].Weights {
				sl.Weights[u] = x
			}
		}
	}
	return c, res, nil
}

// Public is the proof's public input vector in the verifier's order.
func Public(digest *big.Int, ep Epoch, payouts []*big.Int) []*big.Int {
	out := []*big.Int{digest, ep.Emission, new(big.Int).SetUint64(uint64(ep.MinerBps))}
	return append(out, payouts...)
}

var _ frontend.Circuit = (*Circuit)(nil)
