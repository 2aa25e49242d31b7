package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/assaynet/assay/chain/bindings"
)

// Stake is an account's stake in the contract (native value, in wei).
type Stake struct {
	Bonded, Unbonding *big.Int
	// ReleaseWindow is the first window Withdraw pays Unbonding.
	ReleaseWindow uint64
}

// StakeOf reads an account's stake.
func (c *Client) StakeOf(ctx context.Context, a common.Address) (Stake, error) {
	o, err := call(ctx, c, c.abi.PackStakeOf(a), c.abi.UnpackStakeOf)
	if err != nil {
		return Stake{}, fmt.Errorf("chain: stake of %s: %w", a, err)
	}
	return Stake{Bonded: o.Bonded, Unbonding: o.Unbonding, ReleaseWindow: o.ReleaseWindow}, nil
}

// AddStake bonds amount wei of the key's account (a registered validator).
func (c *Client) AddStake(ctx context.Context, key *ecdsa.PrivateKey, amount *big.Int) (*types.Receipt, error) {
	opts := c.opts(ctx, key)
	opts.Value = amount
	return c.send(ctx, opts, c.abi.PackStake(), "stake")
}

// Unstake starts unbonding amount wei; Withdraw pays it after the
// contract's unbonding delay.
func (c *Client) Unstake(ctx context.Context, key *ecdsa.PrivateKey, amount *big.Int) (*types.Receipt, error) {
	return c.transact(ctx, key, c.abi.PackUnstake(amount), "unstake")
}

// Withdraw pays the key's account its unbonded stake; before the release
// window the revert says which window that is.
func (c *Client) Withdraw(ctx context.Context, key *ecdsa.PrivateKey) (*types.Receipt, error) {
	r, err := c.transact(ctx, key, c.abi.PackWithdraw(), "withdraw")
	if err != nil {
		if st, serr := c.StakeOf(ctx, addressOf(key)); serr == nil && st.Unbonding.Sign() > 0 {
			return r, fmt.Errorf("%w (%s wei unbonding until window %d)", err, st.Unbonding, st.ReleaseWindow)
		}
	}
	return r, err
}

// StakesAt returns every account's bonded stake as of block n, from the
// Staked and Unstaked events (each carries the bonded total after it), so
// an epoch is weighed with the stakes it was posted under.
func (c *Client) StakesAt(ctx context.Context, n uint64) (map[common.Address]*big.Int, error) {
	return readLogs(ctx, func() (map[common.Address]*big.Int, error) {
		type change struct {
			block, index uint64
			bonded       *big.Int
		}
		latest := map[common.Address]change{}
		note := func(a common.Address, l *types.Log, bonded *big.Int) {
			ch := change{l.BlockNumber, uint64(l.Index), bonded}
			if old, ok := latest[a]; !ok || old.block < ch.block || (old.block == ch.block && old.index < ch.index) {
				latest[a] = ch
			}
		}
		opts := &bind.FilterOpts{Context: ctx, End: &n}
		if err := eachEvent(c, opts, c.abi.UnpackStakedEvent, func(e *bindings.SubnetStaked) error {
			note(e.Account, e.Raw, e.Bonded)
			return nil
		}); err != nil {
			return nil, err
		}
		if err := eachEvent(c, opts, c.abi.UnpackUnstakedEvent, func(e *bindings.SubnetUnstaked) error {
			note(e.Account, e.Raw, e.Bonded)
			return nil
		}); err != nil {
			return nil, err
		}
		out := map[common.Address]*big.Int{}
		for a, ch := range latest {
			if ch.bonded.Sign() > 0 {
				out[a] = ch.bonded
			}
		}
		return out, nil
	})
}
