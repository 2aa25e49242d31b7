package settle

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/test"
)

var small = Shape{Windows: 2, Validators: 3, Uids: 5}

// randBig is uniform enough in [0, n) for test inputs.
func randBig(r *rand.Rand, n *big.Int) *big.Int {
	b := make([]byte, len(n.Bytes())+8)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return new(big.Int).Mod(new(big.Int).SetBytes(b), n)
}

func maxStake() *big.Int { return new(big.Int).Sub(stakeLimit, big.NewInt(1)) }

// randomEpoch draws posts with the edge cases mixed in: equal weights,
// zero weights, maximum stakes and weights, empty windows.
func randomEpoch(r *rand.Rand, s Shape) Epoch {
	ep := Epoch{Windows: make([][]Post, s.Windows), Emission: randBig(r, stakeLimit), MinerBps: uint32(r.IntN(10001))}
	switch r.IntN(4) {
	case 0:
		ep.Emission = maxStake()
	case 1:
		ep.Emission = big.NewInt(int64(r.IntN(100)))
	}
	uids := r.Perm(s.Uids)
	for k := range ep.Windows {
		n := r.IntN(s.Validators + 1)
		for j := 0; j < n; j++ {
			p := Post{UID: uint32(uids[j]), Weights: make([]uint16, r.IntN(s.Uids+1))}
			switch r.IntN(3) {
			case 0:
				p.Stake = maxStake()
			case 1:
				p.Stake = big.NewInt(int64(1 + r.IntN(3)))
			default:
				p.Stake = new(big.Int).Add(big.NewInt(1), randBig(r, maxStake()))
			}
			for u := range p.Weights {
				switch r.IntN(4) {
				case 0:
				case 1:
					p.Weights[u] = 65535
				case 2:
					p.Weights[u] = uint16(1000 * r.IntN(3)) // ties
				default:
					p.Weights[u] = uint16(r.IntN(65536))
				}
			}
			ep.Windows[k] = append(ep.Windows[k], p)
		}
	}
	return ep
}

// TestCircuitAgreesWithScore: on random epochs (and the fixed edge cases)
// the circuit is satisfied by exactly the payouts score.ConsensusOf gives,
// and not by payouts moved by one wei.
func TestCircuitAgreesWithScore(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	cases := []Epoch{
		{Windows: make([][]Post, small.Windows), Emission: big.NewInt(1000), MinerBps: 5000},                                                                                                                                                                                                             // nobody posted
		{Windows: [][]Post{{{UID: 0, Stake: big.NewInt(5), Weights: []uint16{0, 0, 0}}}, nil}, Emission: maxStake(), MinerBps: 10000},                                                                                                                                                                    // all zero
		{Windows: [][]Post{{{UID: 4, Stake: maxStake(), Weights: []uint16{65535, 65535, 65535, 65535, 65535}}}, {{UID: 4, Stake: maxStake(), Weights: []uint16{1, 2, 3, 4, 5}}}}, Emission: maxStake(), MinerBps: 0},                                                                                     // one validator, maxima
		{Windows: [][]Post{{{UID: 0, Stake: big.NewInt(1), Weights: []uint16{7, 7}}, {UID: 1, Stake: big.NewInt(1), Weights: []uint16{9, 7}}}, {{UID: 2, Stake: big.NewInt(2), Weights: []uint16{5}}, {UID: 3, Stake: big.NewInt(2), Weights: []uint16{6}}}}, Emission: big.NewInt(999), MinerBps: 3333}, // exact halves
	}
	for i := 0; i < 40; i++ {
		cases = append(cases, randomEpoch(r, small))
	}
	for i, ep := range cases {
		c, res, err := Assign(small, ep)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if err := test.IsSolved(NewCircuit(small), c, ecc.BN254.ScalarField()); err != nil {
			t.Fatalf("case %d: the reference's payouts do not satisfy the circuit: %v", i, err)
		}
		paid := new(big.Int).Set(res.Carried)
		for _, p := range res.Payouts {
			paid.Add(paid, p)
		}
		if paid.Cmp(ep.Emission) != 0 || res.Carried.Sign() < 0 {
			t.Fatalf("case %d: payouts and carried sum to %v, emission %v", i, paid, ep.Emission)
		}
		// One wei moved between two uids: the circuit refuses it.
		u := r.IntN(small.Uids)
		c.Payouts[u] = new(big.Int).Add(res.Payouts[u], big.NewInt(1))
		if err := test.IsSolved(NewCircuit(small), c, ecc.BN254.ScalarField()); err == nil {
			t.Fatalf("case %d: uid %d credited one wei more and the circuit is still satisfied", i, u)
		}
		c.Payouts[u] = res.Payouts[u]
		c.Digest = new(big.Int).Add(c.Digest.(*big.Int), big.NewInt(1))
		if err := test.IsSolved(NewCircuit(small), c, ecc.BN254.ScalarField()); err == nil {
			t.Fatalf("case %d: another digest and the circuit is still satisfied", i)
		}
	}
}

// TestCircuitRefusesHiddenPosts: a prover cannot drop a post (the count
// is bound by the digest) nor hand a slot beyond the count any weight.
func TestCircuitRefusesHiddenPosts(t *testing.T) {
	ep := Epoch{Windows: [][]Post{{{UID: 0, Stake: big.NewInt(3), Weights: []uint16{0, 0, 60000}}, {UID: 1, Stake: big.NewInt(2), Weights: []uint16{0, 0, 0, 65535}}}, nil}, Emission: big.NewInt(1_000_000), MinerBps: 5000}
	c, _, err := Assign(small, ep)
	if err != nil {
		t.Fatal(err)
	}
	// Claim the second post was never made, keeping the digest and the
	// payouts the full epoch gives.
	c.Windows[0].Count = 1
	if err := test.IsSolved(NewCircuit(small), c, ecc.BN254.ScalarField()); err == nil {
		t.Fatal("a dropped post satisfied the circuit")
	}
	c.Windows[0].Count = 2
	c.Windows[0].Slots[2].Weights[4] = 1
	if err := test.IsSolved(NewCircuit(small), c, ecc.BN254.ScalarField()); err == nil {
		t.Fatal("an empty slot with a weight satisfied the circuit")
	}
}

func TestReferenceRefusesWhatDoesNotFit(t *testing.T) {
	ok := Post{UID: 0, Stake: big.NewInt(1)}
	for name, ep := range map[string]Epoch{
		"windows":  {Windows: make([][]Post, 3), Emission: big.NewInt(1)},
		"emission": {Windows: make([][]Post, 2), Emission: stakeLimit},
		"bps":      {Windows: make([][]Post, 2), Emission: big.NewInt(1), MinerBps: 10001},
		"posts":    {Windows: [][]Post{{ok, ok, ok, ok}, nil}, Emission: big.NewInt(1)},
		"uid":      {Windows: [][]Post{{{UID: 5, Stake: big.NewInt(1)}}, nil}, Emission: big.NewInt(1)},
		"stake":    {Windows: [][]Post{{{UID: 1, Stake: stakeLimit}}, nil}, Emission: big.NewInt(1)},
		"no stake": {Windows: [][]Post{{{UID: 1, Stake: new(big.Int)}}, nil}, Emission: big.NewInt(1)},
	} {
		if _, err := Reference(small, ep); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestDefaultShapeCompiles(t *testing.T) {
	cc, err := Compile(DefaultShape)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%v: %d constraints, %d public inputs", DefaultShape, cc.Constraints(), cc.cs.GetNbPublicVariables()-1)
	if got := cc.cs.GetNbPublicVariables() - 1; got != DefaultShape.NumPublic() {
		t.Fatalf("%d public inputs, NumPublic says %d", got, DefaultShape.NumPublic())
	}
}
