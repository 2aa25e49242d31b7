package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/assaynet/assay/challenge"
)

// HeaderReader is the part of an Ethereum client the block source calls;
// *ethclient.Client and the simulated backend's client both satisfy it.
type HeaderReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Blocks reads block hashes and timestamps from an EVM node.
type Blocks struct {
	c HeaderReader
}

// NewBlocks returns a block source over c.
func NewBlocks(c HeaderReader) *Blocks { return &Blocks{c: c} }

var _ challenge.BlockSource = (*Blocks)(nil)

// BlockByNumber returns block n; a block the node does not have yet is
// challenge.ErrNoBlock.
func (b *Blocks) BlockByNumber(ctx context.Context, n uint64) (challenge.Block, error) {
	h, err := b.c.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return challenge.Block{}, fmt.Errorf("%w: %d", challenge.ErrNoBlock, n)
	}
	if err != nil {
		return challenge.Block{}, fmt.Errorf("chain: header %d: %w", n, err)
	}
	if h.Number == nil || h.Number.Uint64() != n {
		return challenge.Block{}, fmt.Errorf("chain: node answered header %v for %d", h.Number, n)
	}
	return challenge.Block{Number: n, Hash: h.Hash(), Time: h.Time}, nil
}
