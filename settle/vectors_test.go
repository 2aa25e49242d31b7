package settle

import (
	"fmt"
	"math/big"
	"testing"
)

// vectorEpoch is the epoch of docs/protocol.md §8.5's test vector.
func vectorEpoch() Epoch {
	e18 := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	three := new(big.Int).Mul(big.NewInt(3), e18)
	return Epoch{
		Windows: [][]Post{
			{{UID: 0, Stake: three, Weights: []uint16{0, 0, 40000, 25535}}, {UID: 1, Stake: e18, Weights: []uint16{0, 0, 30000, 35535}}},
			{{UID: 1, Stake: e18, Weights: []uint16{0, 0, 0, 65535}}},
		},
		Emission: e18, MinerBps: 5000,
	}
}

// TestVector pins the post hash, the digest and the payouts of the
// spec's vector (the contract computes the same states: TestSettlementOnChain
// checks every window state it reads against the contract's).
func TestVector(t *testing.T) {
	ep := vectorEpoch()
	s := DefaultShape
	st, err := s.PostHash(new(big.Int), ep.Windows[0][0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.EpochDigest(ep)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Reference(s, ep)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("post %x digest %x payouts %v carried %v", st, d, res.Payouts[:4], res.Carried)
	const want = "post 1fcd998a388f286a957e28f1a674cbe471ce0608e7a90fcccce758cdf2f5548f digest 2bc1ecb6f76cd63a5f048a5600fc378323f24ae79aa6af17ca3ad8880bbe0946 payouts [194936344887760767 305063655112239232 148726897755215356 351273102244784643] carried 2"
	if got != want {
		t.Fatalf("vector changed:\n got %s\nwant %s", got, want)
	}
}
