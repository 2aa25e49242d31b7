package settle

import (
	"errors"
	"fmt"
	"math/bits"
)

// Shape is the size a circuit is compiled for: a proof settles epochs of
// exactly Windows windows, with at most Validators posts a window, over uids
// 0..Uids-1. The contract is configured with the same numbers and refuses
// what the circuit could not hold (a post beyond Validators, a registration
// beyond Uids).
type Shape struct {
	Windows    int
	Validators int
	Uids       int
}

// DefaultShape is what the dev chain deploys (31,659 constraints, a 2^15
// domain): its development set-up takes about a minute on two cores and a
// proof a few seconds. A network with more uids or validators a window
// deploys the verifier of a larger shape.
var DefaultShape = Shape{Windows: 2, Validators: 2, Uids: 16}

// Bounds the contract enforces and the circuit relies on so that no
// product wraps the field: stakes and the emission below 2^StakeBits wei.
const (
	StakeBits  = 96
	WeightBits = 16
	// weightsPerElement uint16 weights are packed into one field element
	// (240 bits) for hashing.
	weightsPerElement = 15
)

// ErrShape is an input the shape cannot hold.
var ErrShape = errors.New("settle: input does not fit the circuit's shape")

// Validate reports a shape no circuit can be built for.
func (s Shape) Validate() error {
	if s.Windows < 1 || s.Validators < 1 || s.Uids < 1 || s.Windows > 64 || s.Validators > 64 || s.Uids > 4096 {
		return fmt.Errorf("settle: shape %+v out of range (windows 1..64, validators 1..64, uids 1..4096)", s)
	}
	return nil
}

func (s Shape) String() string {
	return fmt.Sprintf("%d windows × %d validators × %d uids", s.Windows, s.Validators, s.Uids)
}

// packed is the number of field elements a post's weights hash as.
func (s Shape) packed() int { return (s.Uids + weightsPerElement - 1) / weightsPerElement }

// NumPublic is the length of the proof's public input vector: digest,
// emission, miner share, then one payout per uid.
func (s Shape) NumPublic() int { return 3 + s.Uids }

// majorityBits bounds 2t − S − 1 + 2^(b−1) below 2^b: S < V·2^96.
func (s Shape) majorityBits() int { return StakeBits + bits.Len(uint(s.Validators)) + 2 }

// sumBits bounds a window's rank and agreement sums: each term is a stake
// times at most Uids weights of 16 bits, over at most Validators posts.
func (s Shape) sumBits() int {
	return StakeBits + WeightBits + bits.Len(uint(s.Uids)) + bits.Len(uint(s.Validators))
}
