package chain

import (
	"context"
	"crypto/ecdsa"
	_ "embed"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/assaynet/assay/chain/bindings"
)

// Settlement is the contract's settlement configuration (docs/protocol.md
// §8.5); a zero Verifier means settlement is not configured.
type Settlement struct {
	Verifier         common.Address
	EpochLength      uint64
	Uids, Validators uint32
	EmissionPerEpoch *big.Int
	MinerBps         uint32
	FromEpoch        uint64
	Pool             *big.Int
}

// Settlement reads the settlement configuration and the emission pool.
func (c *Client) Settlement(ctx context.Context) (Settlement, error) {
	var s Settlement
	var err error
	get := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	get(func() (e error) { s.Verifier, e = call(ctx, c, c.abi.PackVerifier(), c.abi.UnpackVerifier); return })
	get(func() (e error) {
		s.EpochLength, e = call(ctx, c, c.abi.PackEpochLength(), c.abi.UnpackEpochLength)
		return
	})
	get(func() (e error) { s.Uids, e = call(ctx, c, c.abi.PackSettleUids(), c.abi.UnpackSettleUids); return })
	get(func() (e error) {
		s.Validators, e = call(ctx, c, c.abi.PackSettleValidators(), c.abi.UnpackSettleValidators)
		return
	})
	get(func() (e error) {
		s.EmissionPerEpoch, e = call(ctx, c, c.abi.PackEmissionPerEpoch(), c.abi.UnpackEmissionPerEpoch)
		return
	})
	get(func() (e error) { s.MinerBps, e = call(ctx, c, c.abi.PackMinerBps(), c.abi.UnpackMinerBps); return })
	get(func() (e error) {
		s.FromEpoch, e = call(ctx, c, c.abi.PackSettleFrom(), c.abi.UnpackSettleFrom)
		return
	})
	get(func() (e error) { s.Pool, e = call(ctx, c, c.abi.PackPool(), c.abi.UnpackPool); return })
	if err != nil {
		return Settlement{}, fmt.Errorf("chain: settlement: %w", err)
	}
	return s, nil
}

// ConfigureSettlement sets the verifier and the circuit's shape, once
// (owner only); epochs from the next one on are settled.
func (c *Client) ConfigureSettlement(ctx context.Context, key *ecdsa.PrivateKey, s Settlement) (*types.Receipt, error) {
	return c.transact(ctx, key, c.abi.PackConfigureSettlement(s.Verifier, s.EpochLength, s.Uids, s.Validators, s.EmissionPerEpoch, s.MinerBps), "configure settlement")
}

// Fund adds amount wei to the emission pool.
func (c *Client) Fund(ctx context.Context, key *ecdsa.PrivateKey, amount *big.Int) (*types.Receipt, error) {
	opts := c.opts(ctx, key)
	opts.Value = amount
	return c.send(ctx, opts, c.abi.PackFund(), "fund")
}

// HashedPost is one post as the contract absorbed it for settlement (a
// PostHashed event), with the weights of its WeightsSet event.
type HashedPost struct {
	Window  uint64
	UID     uint32
	Stake   *big.Int
	State   *big.Int // the window's running state after this post
	UIDs    []uint32
	Weights []uint16
}

// HashedPosts returns window's posts in the order the contract absorbed
// them.
func (c *Client) HashedPosts(ctx context.Context, window uint64) ([]HashedPost, error) {
	return readLogs(ctx, func() ([]HashedPost, error) {
		posts, err := c.posts(ctx, window)
		if err != nil {
			return nil, err
		}
		byTx := map[common.Hash]Post{}
		for _, p := range posts {
			byTx[p.TxHash] = p
		}
		var out []HashedPost
		err = eachEvent(c, &bind.FilterOpts{Context: ctx}, c.abi.UnpackPostHashedEvent, func(e *bindings.SubnetPostHashed) error {
			p, ok := byTx[e.Raw.TxHash]
			if !ok {
				return fmt.Errorf("chain: post of uid %d for window %d (tx %s) has no WeightsSet event", e.Uid, window, e.Raw.TxHash)
			}
			out = append(out, HashedPost{Window: window, UID: e.Uid, Stake: e.Stake, State: e.State, UIDs: p.UIDs, Weights: p.Weights})
			return nil
		}, []any{window})
		return out, err
	})
}

// WindowPostState is the contract's running post state and count for a
// window.
func (c *Client) WindowPostState(ctx context.Context, window uint64) (*big.Int, uint32, error) {
	o, err := call(ctx, c, c.abi.PackWindowPostState(window), c.abi.UnpackWindowPostState)
	if err != nil {
		return nil, 0, fmt.Errorf("chain: window %d post state: %w", window, err)
	}
	return o.State, o.Posts, nil
}

// EpochDigest is the digest the contract checks a settlement of epoch
// against.
func (c *Client) EpochDigest(ctx context.Context, epoch uint64) (*big.Int, error) {
	d, err := call(ctx, c, c.abi.PackEpochDigest(epoch), c.abi.UnpackEpochDigest)
	if err != nil {
		return nil, fmt.Errorf("chain: epoch %d digest: %w", epoch, err)
	}
	return d, nil
}

// Settled reports whether epoch has been settled.
func (c *Client) Settled(ctx context.Context, epoch uint64) (bool, error) {
	return call(ctx, c, c.abi.PackSettled(epoch), c.abi.UnpackSettled)
}

// Settle submits a settlement proof for epoch with one payout per uid.
func (c *Client) Settle(ctx context.Context, key *ecdsa.PrivateKey, epoch uint64, proof [8]*big.Int, payouts []*big.Int) (*types.Receipt, error) {
	for _, x := range append(proof[:], payouts...) {
		if x == nil || x.Sign() < 0 || x.BitLen() > 256 {
			return nil, fmt.Errorf("chain: settle epoch %d: proof words and payouts must be uint256 values", epoch)
		}
	}
	return c.transact(ctx, key, c.abi.PackSettle(epoch, proof, payouts), fmt.Sprintf("settle epoch %d", epoch))
}

// Credits returns what the settlement of epoch credited, by uid (empty
// when it is not settled).
func (c *Client) Credits(ctx context.Context, epoch uint64) (map[uint32]*big.Int, error) {
	return readLogs(ctx, func() (map[uint32]*big.Int, error) {
		out := map[uint32]*big.Int{}
		err := eachEvent(c, &bind.FilterOpts{Context: ctx}, c.abi.UnpackCreditedEvent, func(e *bindings.SubnetCredited) error {
			out[e.Uid] = e.Amount
			return nil
		}, []any{epoch})
		return out, err
	})
}

// BalanceOf is an account's credited, unclaimed balance in wei.
func (c *Client) BalanceOf(ctx context.Context, a common.Address) (*big.Int, error) {
	return call(ctx, c, c.abi.PackBalanceOf(a), c.abi.UnpackBalanceOf)
}

// Claim pays the key's account its credited balance.
func (c *Client) Claim(ctx context.Context, key *ecdsa.PrivateKey) (*types.Receipt, error) {
	return c.transact(ctx, key, c.abi.PackClaim(), "claim")
}

// The settlement verifier of the dev shape: gnark's Solidity export of
// the development set-up's verifying key (make contracts).
//
//go:embed contracts/build/SettleVerifier.bin
var verifierBin string

// DeployVerifier deploys the committed settlement verifier and returns
// its address.
func DeployVerifier(ctx context.Context, backend bind.ContractBackend, wait bind.DeployBackend, key *ecdsa.PrivateKey, chainID *big.Int) (common.Address, error) {
	return deploy(ctx, backend, wait, key, chainID, "deploy verifier", common.FromHex(strings.TrimSpace(verifierBin)), nil)
}
