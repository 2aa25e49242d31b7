package score

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func addr(i int) common.Address { return common.BigToAddress(big.NewInt(int64(i + 1))) }

func post(i int, stake int64, w map[uint32]uint16) Post {
	return Post{Validator: addr(i), Stake: big.NewInt(stake), Weights: w}
}

// TestConsensusVector is the worked example of docs/protocol.md §8.4.
func TestConsensusVector(t *testing.T) {
	posts := []Post{
		post(0, 3, map[uint32]uint16{0: 40000, 1: 25535}),
		post(1, 2, map[uint32]uint16{0: 30000, 1: 35535}),
		post(2, 1, map[uint32]uint16{2: 65535}), // alone on miner 2
	}
	c, err := ConsensusOf(posts, Emission{Total: big.NewInt(1_000_000), MinerBps: 5000})
	if err != nil {
		t.Fatal(err)
	}
	// S = 6. Miner 0: 40000 has stake 3 (not > half), 30000 has 5: C = 30000.
	// Miner 1: 35535 has 2, 25535 has 5: C = 25535. Miner 2: 65535 has 1, 0 has 6: C = 0.
	if c.Weights[0] != 30000 || c.Weights[1] != 25535 || c.Weights[2] != 0 {
		t.Fatalf("consensus %v", c.Weights)
	}
	// Ranks: m0 = 3·30000 + 2·30000 = 150000, m1 = 3·25535 + 2·25535 = 127675.
	// Miners' 500000: m0 ⌊500000·150000/277675⌋ = 270099, m1 ⌊500000·127675/277675⌋ = 229900.
	// Agreement: v0 55535, v1 55535, v2 0; stake·A: 166605, 111070.
	// Validators' 500000: v0 ⌊500000·166605/277675⌋ = 300000, v1 ⌊500000·111070/277675⌋ = 200000.
	want := map[uint32]int64{0: 270099, 1: 229900}
	for u, w := range want {
		if c.Miners[u].Int64() != w {
			t.Errorf("miner %d paid %v, want %d", u, c.Miners[u], w)
		}
	}
	if _, ok := c.Miners[2]; ok {
		t.Error("miner 2 paid without consensus")
	}
	if c.Validators[addr(0)].Int64() != 300000 || c.Validators[addr(1)].Int64() != 200000 || c.Validators[addr(2)] != nil {
		t.Errorf("validators paid %v", c.Validators)
	}
	if c.Carried.Int64() != 1 {
		t.Errorf("carried %v, want 1", c.Carried)
	}
}

func TestConsensusEdges(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 200)
	for _, tc := range []struct {
		name    string
		posts   []Post
		e       Emission
		weights map[uint32]uint16
		carried int64 // -1: do not check
	}{
		{"no posts", nil, Emission{Total: big.NewInt(10), MinerBps: 5000}, map[uint32]uint16{}, 10},
		{"all zero", []Post{post(0, 1, map[uint32]uint16{0: 0, 1: 0})}, Emission{Total: big.NewInt(10), MinerBps: 5000}, map[uint32]uint16{0: 0, 1: 0}, 10},
		{"one validator", []Post{post(0, 7, map[uint32]uint16{0: 65535})}, Emission{Total: big.NewInt(10), MinerBps: 3000}, map[uint32]uint16{0: 65535}, 0},
		{"a half cannot set a weight", []Post{post(0, 1, map[uint32]uint16{0: 65535}), post(1, 1, map[uint32]uint16{1: 65535})},
			Emission{Total: big.NewInt(10), MinerBps: 5000}, map[uint32]uint16{0: 0, 1: 0}, 10},
		{"ties", []Post{post(0, 1, map[uint32]uint16{0: 100}), post(1, 1, map[uint32]uint16{0: 100}), post(2, 1, map[uint32]uint16{0: 50})},
			Emission{Total: big.NewInt(9), MinerBps: 10000}, map[uint32]uint16{0: 100}, 0},
		{"maximum values", []Post{{Validator: addr(0), Stake: huge, Weights: map[uint32]uint16{0: 65535, 1: 65535}}},
			Emission{Total: huge, MinerBps: 10000}, map[uint32]uint16{0: 65535, 1: 65535}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ConsensusOf(tc.posts, tc.e)
			if err != nil {
				t.Fatal(err)
			}
			for u, w := range tc.weights {
				if c.Weights[u] != w {
					t.Errorf("miner %d consensus %d, want %d", u, c.Weights[u], w)
				}
			}
			if tc.carried >= 0 && c.Carried.Int64() != tc.carried {
				t.Errorf("carried %v, want %d", c.Carried, tc.carried)
			}
			checkConserved(t, c, tc.e.Total)
		})
	}
	for _, bad := range [][]Post{
		{post(0, 0, nil)},
		{post(0, 1, nil), post(0, 2, nil)},
	} {
		if _, err := ConsensusOf(bad, Emission{Total: big.NewInt(1)}); !errors.Is(err, ErrBadPost) {
			t.Errorf("%+v: %v, want ErrBadPost", bad, err)
		}
	}
	if _, err := ConsensusOf(nil, Emission{Total: big.NewInt(1), MinerBps: 10001}); err == nil {
		t.Error("a miner share above 100% accepted")
	}
}

// TestConsensusRandom: on random posts the payouts and the carry add up
// to the emission, no clipped weight exceeds the consensus, the carry is
// below the number of payees, and the result does not depend on the
// order of the posts.
func TestConsensusRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 4))
	for it := 0; it < 300; it++ {
		var posts []Post
		for v := range rng.IntN(6) + 1 {
			w := map[uint32]uint16{}
			for u := range uint32(rng.IntN(8)) {
				w[u] = uint16(rng.IntN(65536))
			}
			posts = append(posts, post(v, rng.Int64N(1<<40)+1, w))
		}
		e := Emission{Total: big.NewInt(rng.Int64N(1 << 50)), MinerBps: uint32(rng.IntN(10001))}
		c, err := ConsensusOf(posts, e)
		if err != nil {
			t.Fatal(err)
		}
		checkConserved(t, c, e.Total)
		payees := int64(len(c.Miners) + len(c.Validators) + 2) // +2: each part may be carried whole only when it pays nobody
		if c.Carried.Cmp(big.NewInt(payees)) >= 0 && len(c.Miners) > 0 && len(c.Validators) > 0 {
			t.Fatalf("carried %v with %d payees", c.Carried, payees)
		}
		rev := append([]Post(nil), posts...)
		for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
			rev[i], rev[j] = rev[j], rev[i]
		}
		c2, _ := ConsensusOf(rev, e)
		if c2.Carried.Cmp(c.Carried) != 0 || len(c2.Miners) != len(c.Miners) {
			t.Fatal("the order of the posts changed the result")
		}
		for u, p := range c.Miners {
			if c2.Miners[u].Cmp(p) != 0 {
				t.Fatal("the order of the posts changed a miner's payout")
			}
		}
	}
}

func checkConserved(t *testing.T, c *Consensus, total *big.Int) {
	t.Helper()
	sum := new(big.Int).Set(c.Carried)
	for _, p := range c.Miners {
		sum.Add(sum, p)
	}
	for _, p := range c.Validators {
		sum.Add(sum, p)
	}
	if sum.Cmp(total) != 0 || c.Carried.Sign() < 0 {
		t.Fatalf("payouts and carry sum to %v of %v", sum, total)
	}
}
