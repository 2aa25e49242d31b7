package chain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/assaynet/assay/beacon"
)

// RoundSource is a verified beacon: drand's HTTP relays, the local dev
// beacon or a recording.
type RoundSource interface {
	Chain() *beacon.Chain
	Round(ctx context.Context, round uint64) (beacon.Verified, error)
}

// OnChainBeacon serves beacon rounds as chain facts (docs/protocol.md §3):
// a round the contract has verified and stored is read from it; a round not
// stored yet is verified from the source and, where a key is given,
// submitted so the contract verifies and stores it for every other role.
// Rounds read from the chain carry no signature (the contract checked it).
type OnChainBeacon struct {
	cl     *Client
	src    RoundSource
	key    *ecdsa.PrivateKey
	notify func(round uint64, err error)
}

// OnChainBeaconConfig configures NewOnChainBeacon.
type OnChainBeaconConfig struct {
	Client *Client
	Source RoundSource
	// Submitter signs the submissions of rounds not stored yet; nil reads
	// only.
	Submitter *ecdsa.PrivateKey
	// Submitted, when set, hears of each submission and its outcome.
	Submitted func(round uint64, err error)
}

// ErrBeaconKey is a contract whose beacon key is not the source's chain's.
var ErrBeaconKey = errors.New("chain: the contract's beacon key is not the beacon's")

// NewOnChainBeacon checks that the contract verifies rounds with the
// source chain's key: otherwise the randomness stored there is another
// chain's (or none).
func NewOnChainBeacon(ctx context.Context, cfg OnChainBeaconConfig) (*OnChainBeacon, error) {
	have, err := cfg.Client.BeaconKey(ctx)
	if err != nil {
		return nil, err
	}
	if len(have) == 0 {
		return nil, fmt.Errorf("%w: the contract has no beacon key yet (assay chain set-beacon-key)", ErrBeaconKey)
	}
	pub, err := hex.DecodeString(cfg.Source.Chain().PublicKeyHex())
	if err != nil {
		return nil, fmt.Errorf("chain: beacon public key: %w", err)
	}
	want, err := G2ForEIP2537(pub)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(have, want) {
		return nil, fmt.Errorf("%w (chain %s)", ErrBeaconKey, cfg.Source.Chain().HashHex())
	}
	return &OnChainBeacon{cl: cfg.Client, src: cfg.Source, key: cfg.Submitter, notify: cfg.Submitted}, nil
}

// Chain is the source's beacon chain.
func (b *OnChainBeacon) Chain() *beacon.Chain { return b.src.Chain() }

// Round is round's randomness from the contract, or verified from the
// source (and submitted) where the contract has none yet.
func (b *OnChainBeacon) Round(ctx context.Context, round uint64) (beacon.Verified, error) {
	rnd, err := b.cl.BeaconRandomness(ctx, round)
	if err != nil {
		return beacon.Verified{}, err
	}
	if rnd != ([32]byte{}) {
		// The contract verified it against this chain's key (checked in
		// NewOnChainBeacon).
		return beacon.Verified{ChainHash: b.src.Chain().Hash(), Round: round, Randomness: rnd}, nil
	}
	v, err := b.src.Round(ctx, round)
	if err != nil {
		return v, err
	}
	if b.key != nil {
		_, err := b.cl.SubmitBeacon(ctx, b.key, round, v.Signature)
		if err != nil && strings.Contains(err.Error(), "already stored") {
			err = nil // another role submitted it first
		}
		if b.notify != nil {
			b.notify(round, err)
		}
	}
	return v, nil
}
