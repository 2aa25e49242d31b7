package settle

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/mimc"
)

// The post digest (docs/protocol.md §8.5). The contract keeps, per window,
// a running MiMC-BN254 state (gnark-crypto's: 110 rounds of x^5,
// Miyaguchi–Preneel, the state starting at 0) and absorbs each post as the
// elements uid, stake, then the dense weights packed 15 to an element
// (weight of uid 15j+i at bits 16i of element j, ⌈Uids/15⌉ elements). A
// settlement's digest absorbs, from state 0, each window's state and post
// count in window order. MiMC costs a few thousand gas a compression on
// chain and ~330 constraints in the circuit, where keccak would cost
// ~150,000 constraints a block.

// PostHash absorbs p into the running state prev.
func (s Shape) PostHash(prev *big.Int, p Post) (*big.Int, error) {
	if int(p.UID) >= s.Uids || len(p.Weights) > s.Uids || p.Stake == nil || p.Stake.Sign() < 0 || p.Stake.Cmp(stakeLimit) >= 0 {
		return nil, fmt.Errorf("%w: post of uid %d", ErrShape, p.UID)
	}
	elems := []*big.Int{new(big.Int).SetUint64(uint64(p.UID)), p.Stake}
	elems = append(elems, s.packWeights(p.Weights)...)
	return absorb(prev, elems)
}

func (s Shape) packWeights(w []uint16) []*big.Int {
	out := make([]*big.Int, s.packed())
	for j := range out {
		out[j] = new(big.Int)
		for i := weightsPerElement - 1; i >= 0; i-- {
			out[j].Lsh(out[j], WeightBits)
			if u := j*weightsPerElement + i; u < len(w) {
				out[j].Or(out[j], big.NewInt(int64(w[u])))
			}
		}
	}
	return out
}

// WindowState is the contract's running state after posts, in order.
func (s Shape) WindowState(posts []Post) (*big.Int, error) {
	h := new(big.Int)
	for _, p := range posts {
		var err error
		if h, err = s.PostHash(h, p); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// Digest is the settlement's digest of the epoch's window states and post
// counts, the contract's and the circuit's first public input.
func Digest(states []*big.Int, counts []uint32) (*big.Int, error) {
	if len(states) != len(counts) {
		return nil, fmt.Errorf("settle: %d window states, %d counts", len(states), len(counts))
	}
	var elems []*big.Int
	for k := range states {
		elems = append(elems, states[k], new(big.Int).SetUint64(uint64(counts[k])))
	}
	return absorb(new(big.Int), elems)
}

// EpochDigest is Digest of ep's posts.
func (s Shape) EpochDigest(ep Epoch) (*big.Int, error) {
	states := make([]*big.Int, len(ep.Windows))
	counts := make([]uint32, len(ep.Windows))
	for k, posts := range ep.Windows {
		var err error
		if states[k], err = s.WindowState(posts); err != nil {
			return nil, err
		}
		counts[k] = uint32(len(posts))
	}
	return Digest(states, counts)
}

func absorb(state *big.Int, elems []*big.Int) (*big.Int, error) {
	if state.Sign() < 0 || state.Cmp(fr.Modulus()) >= 0 {
		return nil, fmt.Errorf("settle: state %x is not a field element", state)
	}
	h := mimc.NewMiMC()
	var st fr.Element
	st.SetBigInt(state)
	b := st.Bytes()
	if err := h.SetState(b[:]); err != nil {
		return nil, err
	}
	for _, e := range elems {
		if e.Sign() < 0 || e.Cmp(fr.Modulus()) >= 0 {
			return nil, fmt.Errorf("settle: element %x is not a field element", e)
		}
		var x fr.Element
		x.SetBigInt(e)
		xb := x.Bytes()
		if _, err := h.Write(xb[:]); err != nil {
			return nil, err
		}
	}
	return new(big.Int).SetBytes(h.Sum(nil)), nil
}
