package beacon

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
)

// quicknetDST is the RFC 9380 hash-to-G1 domain separation tag of the
// bls-unchained-g1-rfc9380 scheme.
var quicknetDST = []byte("BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_")

// VerifyUnchainedG1 is a second, independent verifier for the
// bls-unchained-g1-rfc9380 scheme (quicknet and local beacons), written on
// gnark-crypto's BLS12-381 rather than drand's kyber: it checks
//
//	e(sig, g2) == e(H(SHA-256(uint64be(round))), pub)
//
// with H the RFC 9380 hash to G1. Chain.Verify uses drand's verifier; tests
// and auditors use this one to cross-check it, so a bug in either library
// shows up as a disagreement instead of silently accepting a beacon.
func VerifyUnchainedG1(pub []byte, round uint64, sig []byte) error {
	var pk bls12381.G2Affine
	if _, err := pk.SetBytes(pub); err != nil {
		return fmt.Errorf("%w: public key: %v", ErrMalformed, err)
	}
	var s bls12381.G1Affine
	if _, err := s.SetBytes(sig); err != nil {
		return fmt.Errorf("%w: round %d: signature: %v", ErrMalformed, round, err)
	}
	msg := sha256.Sum256(binary.BigEndian.AppendUint64(nil, round))
	hm, err := bls12381.HashToG1(msg[:], quicknetDST)
	if err != nil {
		return fmt.Errorf("beacon: hash to G1: %w", err)
	}
	_, _, _, g2 := bls12381.Generators()
	var negH bls12381.G1Affine
	negH.Neg(&hm)
	ok, err := bls12381.PairingCheck([]bls12381.G1Affine{s, negH}, []bls12381.G2Affine{g2, pk})
	if err != nil {
		return fmt.Errorf("beacon: pairing: %w", err)
	}
	if !ok {
		return fmt.Errorf("%w: round %d: pairing check failed", ErrUnverified, round)
	}
	return nil
}
