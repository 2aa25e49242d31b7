package challenge

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/assaynet/assay/beacon"
)

// Errors callers branch on.
var (
	// ErrWrongBeaconChain is returned when a beacon source serves another
	// drand chain than the network's.
	ErrWrongBeaconChain = errors.New("challenge: beacon is from another chain than the network's")
	// ErrBeforeGenesis is returned when a block predates the beacon chain.
	ErrBeforeGenesis = errors.New("challenge: block time is before the beacon chain's genesis")
	// ErrBadParams is returned for network parameters that cannot work.
	ErrBadParams = errors.New("challenge: invalid network parameters")
)

// Block is what the protocol reads of an EVM block.
type Block struct {
	Number uint64
	Hash   [32]byte
	Time   uint64 // Unix seconds
}

// BlockSource returns blocks of the network's EVM chain by number. The chain
// package implements it for a JSON-RPC node and the embedded chain.
type BlockSource interface {
	BlockByNumber(ctx context.Context, number uint64) (Block, error)
}

// Beacon returns verified randomness for a round of one drand chain.
// Implementations (beacon.HTTP, beacon.Local) verify before returning.
type Beacon interface {
	Chain() *beacon.Chain
	Round(ctx context.Context, round uint64) (beacon.Verified, error)
}

var (
	_ Beacon = (*beacon.HTTP)(nil)
	_ Beacon = (*beacon.Local)(nil)
	_ Beacon = (*beacon.Recorded)(nil)
)

// Params holds the parameters that seeds and windows depend on. They are
// read from the subnet contract (network.Network.Seeds); tests and dev
// tools fill them by hand.
type Params struct {
	ChainID      uint64   // EVM chain id
	Contract     [20]byte // subnet contract address
	WindowLength uint64   // W: blocks per window
	SubmitGrace  uint64   // blocks after a window's last block before the opening block
	BeaconChain  [32]byte // drand chain hash every beacon must come from
	// BeaconDelay (seconds) places a seed's beacon round after its block:
	// the first round scheduled strictly later than the block's timestamp
	// plus the delay (BeaconRound), so whoever seals the block cannot know
	// the randomness it will be mixed with, however long sealing took up
	// to the delay.
	BeaconDelay uint64
}

// BeaconRound is the beacon round a seed keyed by a block of timestamp t
// uses: round_at(t + BeaconDelay) + 1, the first round scheduled strictly
// after t + BeaconDelay (docs/protocol.md §3). It is 0, no round, where
// t + BeaconDelay precedes the beacon chain's genesis.
func (n Params) BeaconRound(c interface{ RoundAt(int64) uint64 }, t uint64) uint64 {
	r := c.RoundAt(int64(t + n.BeaconDelay))
	if r == 0 {
		return 0
	}
	return r + 1
}

// Validate reports parameters that cannot define windows.
func (n Params) Validate() error {
	if n.WindowLength == 0 {
		return fmt.Errorf("%w: window length 0", ErrBadParams)
	}
	if n.SubmitGrace == 0 {
		return fmt.Errorf("%w: submit grace 0 (the opening block must come after the deadline)", ErrBadParams)
	}
	return nil
}

// WindowOf is the window that block number b belongs to.
func (n Params) WindowOf(b uint64) uint64 { return b / n.WindowLength }

// FirstBlock is window w's first block, w*W; its hash keys the window seed.
func (n Params) FirstBlock(w uint64) uint64 { return w * n.WindowLength }

// DeadlineBlock is the block by which a miner's window-w file must be
// published: the first block of window w+1.
func (n Params) DeadlineBlock(w uint64) uint64 { return (w + 1) * n.WindowLength }

// OpeningBlock is the block whose hash keys the opening seed:
// DeadlineBlock(w) + SubmitGrace. It exists only after the deadline, so no
// miner knows what will be opened when it publishes.
func (n Params) OpeningBlock(w uint64) uint64 { return n.DeadlineBlock(w) + n.SubmitGrace }

// Seed is a derived seed together with the public inputs it came from, so
// that logs and window files can name them and auditors can re-check them.
type Seed struct {
	Value      [32]byte
	Window     uint64
	Block      Block
	Round      uint64
	Randomness [32]byte
}

// Labels of the two seed constructions.
const (
	labelWindow = "assay/window"
	labelOpen   = "assay/open"
)

// SeedBytes is the pure seed construction:
//
//	SHA-256(label || uint64be(chainID) || contract[20] || blockHash[32] || randomness[32])
//
// with label "assay/window" for window seeds and "assay/open" for opening
// seeds. Every field after the label has a fixed length, so the plain
// concatenation is unambiguous.
func SeedBytes(label string, chainID uint64, contract [20]byte, blockHash, randomness [32]byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(label))
	h.Write(U64(chainID))
	h.Write(contract[:])
	h.Write(blockHash[:])
	h.Write(randomness[:])
	return [32]byte(h.Sum(nil))
}

// WindowSeed derives S_w from block w*W and the beacon round at its time.
func WindowSeed(ctx context.Context, n Params, blocks BlockSource, b Beacon, w uint64) (Seed, error) {
	s, err := seedAt(ctx, n, blocks, b, w, n.FirstBlock(w), labelWindow)
	if err != nil {
		return Seed{}, fmt.Errorf("window %d seed: %w", w, err)
	}
	return s, nil
}

// OpeningSeed derives O_w from OpeningBlock(w) and the beacon round at its
// time.
func OpeningSeed(ctx context.Context, n Params, blocks BlockSource, b Beacon, w uint64) (Seed, error) {
	s, err := seedAt(ctx, n, blocks, b, w, n.OpeningBlock(w), labelOpen)
	if err != nil {
		return Seed{}, fmt.Errorf("window %d opening seed: %w", w, err)
	}
	return s, nil
}

func seedAt(ctx context.Context, n Params, blocks BlockSource, b Beacon, w, number uint64, label string) (Seed, error) {
	if err := n.Validate(); err != nil {
		return Seed{}, err
	}
	if b.Chain().Hash() != n.BeaconChain {
		return Seed{}, fmt.Errorf("%w: source %s", ErrWrongBeaconChain, b.Chain().HashHex())
	}
	blk, err := blocks.BlockByNumber(ctx, number)
	if err != nil {
		return Seed{}, fmt.Errorf("block %d: %w", number, err)
	}
	if blk.Number != number {
		return Seed{}, fmt.Errorf("block source answered block %d for %d", blk.Number, number)
	}
	round := n.BeaconRound(b.Chain(), blk.Time)
	if round == 0 {
		return Seed{}, fmt.Errorf("%w: block %d at %d", ErrBeforeGenesis, number, blk.Time)
	}
	v, err := b.Round(ctx, round)
	if err != nil {
		return Seed{}, fmt.Errorf("beacon round %d for block %d: %w", round, number, err)
	}
	if v.ChainHash != n.BeaconChain || v.Round != round {
		return Seed{}, fmt.Errorf("%w: got chain %x round %d", ErrWrongBeaconChain, v.ChainHash[:8], v.Round)
	}
	return Seed{
		Value:      SeedBytes(label, n.ChainID, n.Contract, blk.Hash, v.Randomness),
		Window:     w,
		Block:      blk,
		Round:      round,
		Randomness: v.Randomness,
	}, nil
}

// ProblemSeed is the seed of problem j of miner m in a window with seed s:
// PRF("problem", s, m, uint64be(j)) truncated to 32 bytes.
func ProblemSeed(s [32]byte, miner [20]byte, j uint64) [32]byte {
	return PRF32("problem", s[:], miner[:], U64(j))
}
