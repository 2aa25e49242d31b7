package sim

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/settle"
)

// TestConsensusDirectGas measures, for BENCHMARKS.md, what settlement's
// rule costs computed directly in Solidity (chain/contracts/bench, posts
// as calldata: a lower bound) at the shapes the settlement issue names,
// and checks that contract's payouts equal settle.Reference's, so the
// comparison is with the same computation.
func TestConsensusDirectGas(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (chain work): runs in the full, non-race pass of make test")
	}
	ctx := context.Background()
	c := startChain(t, 1, "")
	autoMine(t, c)
	bin, err := os.ReadFile("testdata/ConsensusDirect.bin")
	if err != nil {
		t.Fatal(err)
	}
	abiJSON, err := os.ReadFile("testdata/ConsensusDirect.abi")
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := abi.JSON(strings.NewReader(string(abiJSON)))
	if err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(c.Keys()[0], big.NewInt(ChainID))
	addr, tx, err := bind.DeployContract(opts, common.FromHex(strings.TrimSpace(string(bin))), c.Eth(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bind.WaitDeployed(ctx, c.Eth(), tx.Hash()); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	emission := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	for _, sh := range []struct{ uids, validators int }{{16, 4}, {16, 16}, {256, 4}, {256, 16}, {1024, 4}, {1024, 16}} {
		shape := settle.Shape{Windows: 1, Validators: sh.validators, Uids: sh.uids}
		ep := settle.Epoch{Windows: [][]settle.Post{nil}, Emission: emission, MinerBps: 5000}
		per := (sh.uids + 15) / 16
		var stakes, packed []*big.Int
		for v := 0; v < sh.validators; v++ {
			p := settle.Post{UID: uint32(v), Stake: big.NewInt(int64(1 + r.IntN(1000))), Weights: make([]uint16, sh.uids)}
			words := make([]*big.Int, per)
			for j := range words {
				words[j] = new(big.Int)
			}
			for u := range p.Weights {
				p.Weights[u] = uint16(r.IntN(65536))
				words[u/16].Or(words[u/16], new(big.Int).Lsh(big.NewInt(int64(p.Weights[u])), uint(16*(u%16))))
			}
			ep.Windows[0] = append(ep.Windows[0], p)
			stakes = append(stakes, p.Stake)
			packed = append(packed, words...)
		}
		data, err := parsed.Pack("consensus", stakes, big.NewInt(int64(sh.uids)), packed, emission, big.NewInt(5000))
		if err != nil {
			t.Fatal(err)
		}
		msg := ethereum.CallMsg{To: &addr, Data: data, Gas: 500_000_000}
		out, err := c.Eth().CallContract(ctx, msg, nil)
		if err != nil && strings.Contains(err.Error(), "out of gas") {
			t.Logf("consensus in Solidity, one window, %d uids × %d validators: out of gas even as a call of the node's call cap (%v)", sh.uids, sh.validators, err)
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", sh, err)
		}
		vals, err := parsed.Unpack("consensus", out)
		if err != nil {
			t.Fatal(err)
		}
		got := vals[0].([]*big.Int)
		want, err := settle.Reference(shape, ep)
		if err != nil {
			t.Fatal(err)
		}
		// Reference gives a uid's miner and validator payouts together;
		// the contract lists validators by post after the uids.
		for u := 0; u < sh.uids; u++ {
			x := new(big.Int).Set(got[u])
			if u < sh.validators {
				x.Add(x, got[sh.uids+u])
			}
			if x.Cmp(want.Payouts[u]) != 0 {
				t.Fatalf("%v: uid %d: Solidity pays %v, settle.Reference %v", sh, u, x, want.Payouts[u])
			}
		}
		msg.Gas = 0
		gas, err := c.Eth().EstimateGas(ctx, msg)
		if err != nil && strings.Contains(err.Error(), "exceeds allowance") {
			// Osaka caps a transaction at 2^24 gas (EIP-7825): no block
			// could hold this computation.
			t.Logf("consensus in Solidity, one window, %d uids × %d validators: over the 16,777,216-gas transaction cap (%v)", sh.uids, sh.validators, err)
			continue
		}
		if err != nil {
			t.Fatalf("%v: estimate: %v", sh, err)
		}
		t.Logf("%s", fmt.Sprintf("consensus in Solidity, one window, %d uids × %d validators: %d gas (calldata %d bytes; reading the posts from storage would add %d cold SLOADs)", sh.uids, sh.validators, gas, len(data), sh.validators*per))
	}
}
