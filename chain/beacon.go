package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/ethereum/go-ethereum/core/types"
)

// The contract verifies beacon rounds with the EIP-2537 BLS12-381
// precompiles, which take points uncompressed: a base-field element as 64
// bytes (16 zero bytes, then 48 big-endian), a G1 point as x‖y, a G2 point
// as x.c0‖x.c1‖y.c0‖y.c1. drand publishes them compressed (ZCash
// encoding); these convert, checking the point as gnark-crypto decodes it.

// G1ForEIP2537 is a compressed G1 point (a bls-unchained-g1-rfc9380
// signature, 48 bytes) in EIP-2537 encoding (128 bytes).
func G1ForEIP2537(compressed []byte) ([]byte, error) {
	var p bls.G1Affine
	if _, err := p.SetBytes(compressed); err != nil {
		return nil, fmt.Errorf("chain: beacon signature: %w", err)
	}
	x, y := p.X.Bytes(), p.Y.Bytes()
	return append(fp64(x), fp64(y)...), nil
}

// G2ForEIP2537 is a compressed G2 point (a beacon chain's public key, 96
// bytes) in EIP-2537 encoding (256 bytes).
func G2ForEIP2537(compressed []byte) ([]byte, error) {
	var p bls.G2Affine
	if _, err := p.SetBytes(compressed); err != nil {
		return nil, fmt.Errorf("chain: beacon public key: %w", err)
	}
	xa0, xa1, ya0, ya1 := p.X.A0.Bytes(), p.X.A1.Bytes(), p.Y.A0.Bytes(), p.Y.A1.Bytes()
	out := append(fp64(xa0), fp64(xa1)...)
	out = append(out, fp64(ya0)...)
	return append(out, fp64(ya1)...), nil
}

// ErrNoBeacon is a round the contract has not verified and stored.
var ErrNoBeacon = errors.New("chain: beacon round not submitted")

func fp64(b [48]byte) []byte { return append(make([]byte, 16, 64), b[:]...) }

// SetBeaconKey sets the beacon chain's public key (compressed G2, from its
// chain info) on the contract, once; owner only.
func (c *Client) SetBeaconKey(ctx context.Context, key *ecdsa.PrivateKey, pub []byte) (*types.Receipt, error) {
	enc, err := G2ForEIP2537(pub)
	if err != nil {
		return nil, err
	}
	return c.transact(ctx, key, c.abi.PackSetBeaconKey(enc), "set beacon key")
}

// BeaconKey is the public key the contract verifies rounds with (EIP-2537
// encoding; empty before SetBeaconKey).
func (c *Client) BeaconKey(ctx context.Context) ([]byte, error) {
	k, err := call(ctx, c, c.abi.PackBeaconKey(), c.abi.UnpackBeaconKey)
	if err != nil {
		return nil, fmt.Errorf("chain: beacon key: %w", err)
	}
	return k, nil
}

// SubmitBeacon has the contract verify round's signature (compressed, as
// drand publishes it) and store its randomness.
func (c *Client) SubmitBeacon(ctx context.Context, key *ecdsa.PrivateKey, round uint64, sig []byte) (*types.Receipt, error) {
	enc, err := G1ForEIP2537(sig)
	if err != nil {
		return nil, err
	}
	return c.transact(ctx, key, c.abi.PackSubmitBeacon(round, enc), fmt.Sprintf("submit beacon round %d", round))
}

// BeaconRandomness is a verified round's randomness on chain (zero: not
// submitted).
func (c *Client) BeaconRandomness(ctx context.Context, round uint64) ([32]byte, error) {
	r, err := call(ctx, c, c.abi.PackBeaconRandomness(round), c.abi.UnpackBeaconRandomness)
	if err != nil {
		return r, fmt.Errorf("chain: beacon round %d: %w", round, err)
	}
	return r, nil
}
