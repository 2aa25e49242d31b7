package proofs

import "math/big"

// big256 wraps big.Int for signature scalars.
type big256 struct{ *big.Int }

func (b *big256) SetBytes(p []byte) *big256 {
	b.Int = new(big.Int).SetBytes(p)
	return b
}
