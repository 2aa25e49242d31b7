package challenge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

// ErrNoBlock is returned by a block source for a block it does not have (yet).
var ErrNoBlock = errors.New("challenge: block not available")

// StaticBlocks is a fixed list of blocks: test fixtures and offline audits
// from an exported block list.
type StaticBlocks map[uint64]Block

var _ BlockSource = StaticBlocks(nil)

// BlockByNumber returns the block or ErrNoBlock.
func (s StaticBlocks) BlockByNumber(ctx context.Context, n uint64) (Block, error) {
	if err := ctx.Err(); err != nil {
		return Block{}, err
	}
	b, ok := s[n]
	if !ok {
		return Block{}, fmt.Errorf("%w: %d", ErrNoBlock, n)
	}
	return b, nil
}

type blockJSON struct {
	Number uint64 `json:"number"`
	Hash   string `json:"hash"`
	Time   uint64 `json:"timestamp"`
}

// LoadStaticBlocks reads a JSON array of {"number","hash","timestamp"}.
func LoadStaticBlocks(path string) (StaticBlocks, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("challenge: blocks file: %w", err)
	}
	var list []blockJSON
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("challenge: blocks file %s: %w", path, err)
	}
	s := make(StaticBlocks, len(list))
	for i, b := range list {
		h, err := hex.DecodeString(strings.TrimPrefix(b.Hash, "0x"))
		if err != nil || len(h) != 32 {
			return nil, fmt.Errorf("challenge: blocks file %s: entry %d: hash is not 32 hex bytes", path, i)
		}
		s[b.Number] = Block{Number: b.Number, Hash: [32]byte(h), Time: b.Time}
	}
	return s, nil
}

// DevBlocks is a synthetic chain for offline development before a real or
// embedded chain is running: block n has hash SHA-256("assay/dev-block" ||
// uint64be(n)) and time Genesis + n*Interval. It has no consensus and no
// unpredictability; never use it where money is at stake.
type DevBlocks struct {
	Genesis  uint64
	Interval uint64
}

var _ BlockSource = DevBlocks{}

// BlockByNumber computes block n.
func (d DevBlocks) BlockByNumber(ctx context.Context, n uint64) (Block, error) {
	if err := ctx.Err(); err != nil {
		return Block{}, err
	}
	h := sha256.Sum256(append([]byte("assay/dev-block"), U64(n)...))
	return Block{Number: n, Hash: h, Time: d.Genesis + n*d.Interval}, nil
}
