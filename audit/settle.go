package audit

import (
	"context"
	"fmt"
	"math/big"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/settle"
)

// Settlement is an audit of one epoch's on-chain credits.
type Settlement struct {
	Epoch    uint64
	Settled  bool
	Expected *settle.Result      // the rule applied to the posts on chain
	Credited map[uint32]*big.Int // the Credited events
	Neurons  map[uint32]chain.Neuron
	// Mismatch names the first uid (ascending) whose credit differs from
	// the rule's; "" when every credit agrees.
	Mismatch string
}

// AuditSettlement recomputes epoch's consensus and emission from the
// posts the contract hashed (settle.Reference: score's rule) and compares
// every uid's credit on chain with it.
func AuditSettlement(ctx context.Context, cl *chain.Client, epoch uint64) (*Settlement, error) {
	ep, cfg, err := settle.FromChain(ctx, cl, epoch)
	if err != nil {
		return nil, err
	}
	res, err := settle.Reference(settle.ShapeOf(cfg), ep)
	if err != nil {
		return nil, err
	}
	done, err := cl.Settled(ctx, epoch)
	if err != nil {
		return nil, err
	}
	credits, err := cl.Credits(ctx, epoch)
	if err != nil {
		return nil, err
	}
	ns, err := cl.Neurons(ctx)
	if err != nil {
		return nil, err
	}
	a := &Settlement{Epoch: epoch, Settled: done, Expected: res, Credited: credits, Neurons: map[uint32]chain.Neuron{}}
	for _, n := range ns {
		a.Neurons[n.UID] = n
	}
	if !done {
		return a, nil
	}
	for u, want := range res.Payouts {
		got := credits[uint32(u)]
		if got == nil {
			got = new(big.Int)
		}
		if got.Cmp(want) != 0 {
			a.Mismatch = fmt.Sprintf("uid %d (%s) credited %s wei, the rule pays %s", u, a.Neurons[uint32(u)].Account.Hex(), got, want)
			break
		}
	}
	for u, got := range credits {
		if a.Mismatch == "" && int(u) >= len(res.Payouts) && got.Sign() != 0 {
			a.Mismatch = fmt.Sprintf("uid %d credited %s wei beyond the %d uids settled", u, got, len(res.Payouts))
		}
	}
	return a, nil
}
