package sim

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/bindings"
	"github.com/assaynet/assay/settle"
)

// TestSettlementOnChain: the whole incentive loop on the embedded chain —
// staked validators post, the contract hashes every post, `settle`'s
// proof (the committed gnark verifier of the dev shape, keys from the
// deterministic set-up) credits exactly what score's rule pays, owners
// claim; a forged proof, payouts moved by one wei, an early or repeated
// settlement and a post beyond the circuit's capacity are refused. Gas is
// logged.
func TestSettlementOnChain(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (a minute's key set-up on first use, then proving): runs in the full, non-race pass of make test")
	}
	ctx := context.Background()
	p := testParams
	p.WindowLength, p.StaleWindows = 150, 2 // 3 s windows: each receipt takes up to a second to be seen
	c := startChainWith(t, p, 7)
	autoMine(t, c)
	cl, err := c.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	keys := c.Keys()
	owner := keys[0]
	ver, err := chain.DeployVerifier(ctx, c.Eth(), c.Eth(), owner, big.NewInt(ChainID))
	if err != nil {
		t.Fatal(err)
	}
	vals, miners := keys[1:4], keys[4:7]
	for i, k := range append(append([]*ecdsa.PrivateKey{}, vals...), miners...) {
		if _, err := cl.Register(ctx, k, "http://127.0.0.1:1", i < len(vals)); err != nil {
			t.Fatal(err)
		}
	}
	for i, k := range vals {
		if _, err := cl.AddStake(ctx, k, big.NewInt(int64(3-i)*1e18)); err != nil {
			t.Fatal(err)
		}
	}
	// The same validator's later post with settlement off, for the gas
	// comparison (two posts: the first one creates its storage).
	for i := 0; i < 2; i++ {
		n, _ := cl.BlockNumber(ctx)
		r, err := cl.SetWeights(ctx, vals[1], n/p.WindowLength-1, []uint32{5}, []uint16{65535})
		if err == nil && i == 1 {
			t.Logf("setWeights, 1 uid, a later post, no settlement: %d gas", r.GasUsed)
		} else if err != nil && i == 1 {
			t.Fatal(err)
		}
		if i == 0 {
			for m, _ := cl.BlockNumber(ctx); m/p.WindowLength == n/p.WindowLength; m, _ = cl.BlockNumber(ctx) {
				time.Sleep(50 * time.Millisecond)
			}
		}
	}
	// Configured once everyone is registered (the registry is capped at
	// the circuit's uids from then on); its first epoch is the next one.
	shape := settle.DefaultShape
	emission := new(big.Int).Mul(big.NewInt(3), big.NewInt(1e18))
	if _, err := cl.ConfigureSettlement(ctx, owner, chain.Settlement{Verifier: ver, EpochLength: uint64(shape.Windows),
		Uids: uint32(shape.Uids), Validators: uint32(shape.Validators), EmissionPerEpoch: emission, MinerBps: 6000}); err != nil {
		t.Fatal(err)
	}
	cfg, err := cl.Settlement(ctx)
	if err != nil || cfg.Verifier != ver {
		t.Fatalf("settlement %+v, %v", cfg, err)
	}
	reverts := func(name string, err error, reason string) {
		t.Helper()
		if !errors.Is(err, chain.ErrReverted) || !strings.Contains(err.Error(), reason) {
			t.Errorf("%s: err %v, want a revert %q", name, err, reason)
		}
	}
	epoch := cfg.FromEpoch
	first := epoch * cfg.EpochLength
	waitWindow := func(w uint64) {
		for {
			n, err := cl.BlockNumber(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n/p.WindowLength >= w {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	// Window first: validators 0 and 1 agree on miners 3 and 4; window
	// first+1: they disagree and the third validator finds no room.
	waitWindow(first + 1)
	post := func(k *ecdsa.PrivateKey, w uint64, uids []uint32, ws []uint16) error {
		r, err := cl.SetWeights(ctx, k, w, uids, ws)
		if err == nil {
			t.Logf("setWeights window %d, %d uids: %d gas", w, len(uids), r.GasUsed)
		}
		return err
	}
	for _, e := range []error{
		post(vals[0], first, []uint32{3, 4}, []uint16{40000, 25535}),
		post(vals[1], first, []uint32{3, 4}, []uint16{30000, 35535}),
	} {
		if e != nil {
			t.Fatal(e)
		}
	}
	waitWindow(first + 2)
	r, err := cl.SetWeights(ctx, vals[0], first+1, []uint32{4, 5}, []uint16{65535 - 100, 100})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("setWeights with settlement hashing (2 uids): %d gas", r.GasUsed)
	if err := post(vals[1], first+1, []uint32{5}, []uint16{65535}); err != nil {
		t.Fatal(err)
	}
	reverts("a post beyond the circuit's capacity", post(vals[2], first+1, []uint32{5}, []uint16{65535}), "all the posts settlement holds")

	{
		sub := bindings.NewSubnet()
		ca := c.Contract()
		g, err := c.Eth().EstimateGas(ctx, ethereum.CallMsg{To: &ca, Data: sub.PackEpochDigest(epoch)})
		t.Logf("epochDigest (4 MiMC compressions and the 110 constants) as a transaction: %d gas, %v", g, err)
	}
	var zero [8]*big.Int
	for i := range zero {
		zero[i] = new(big.Int)
	}
	none := make([]*big.Int, shape.Uids)
	for i := range none {
		none[i] = new(big.Int)
	}
	_, err = cl.Settle(ctx, owner, epoch, zero, none)
	reverts("settling while posts can come", err, "can still receive posts")

	ep, _, err := settle.FromChain(ctx, cl, epoch)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := settle.Compile(shape)
	if err != nil {
		t.Fatal(err)
	}
	k, err := cc.LoadOrSetup(ctx, "", func(m string) { t.Log(m) })
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	proof, res, err := k.Prove(ep)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("proof of epoch %d: %.2fs", epoch, time.Since(start).Seconds())
	waitWindow(first + cfg.EpochLength + p.StaleWindows)
	_, err = cl.Settle(ctx, owner, epoch, proof.Words, res.Payouts)
	reverts("an empty pool", err, "pool holds less")
	if _, err := cl.Fund(ctx, owner, new(big.Int).Mul(emission, big.NewInt(2))); err != nil {
		t.Fatal(err)
	}
	forged := proof.Words
	forged[2] = new(big.Int).Add(forged[2], big.NewInt(1))
	_, err = cl.Settle(ctx, owner, epoch, forged, res.Payouts)
	reverts("a forged proof", err, "does not verify")
	moved := append([]*big.Int{}, res.Payouts...)
	moved[3], moved[4] = new(big.Int).Add(moved[3], big.NewInt(1)), new(big.Int).Sub(moved[4], big.NewInt(1))
	_, err = cl.Settle(ctx, owner, epoch, proof.Words, moved)
	reverts("payouts moved by one wei", err, "does not verify")

	// The verifier alone (gnark's Solidity export), for the gas report.
	if vabi, err := os.ReadFile("../contracts/build/SettleVerifier.abi"); err == nil {
		parsed, err := abi.JSON(strings.NewReader(string(vabi)))
		if err != nil {
			t.Fatal(err)
		}
		var in [19]*big.Int // 3 + the dev shape's 16 uids
		copy(in[:], proof.Public)
		data, err := parsed.Pack("verifyProof", proof.Words, in)
		if err != nil {
			t.Fatal(err)
		}
		g, err := c.Eth().EstimateGas(ctx, ethereum.CallMsg{To: &ver, Data: data})
		t.Logf("verifyProof alone (%d public inputs, a %d-byte proof): %d gas, %v", len(proof.Public), 32*len(proof.Words), g, err)
	}
	r, err = cl.Settle(ctx, miners[0], epoch, proof.Words, res.Payouts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("settle (verify + %d credits): %d gas", len(res.Payouts), r.GasUsed)
	_, err = cl.Settle(ctx, owner, epoch, proof.Words, res.Payouts)
	reverts("settling twice", err, "already settled")
	_, err = cl.Settle(ctx, owner, epoch-1, proof.Words, res.Payouts)
	reverts("an epoch before settlement began", err, "before settlement began")
	// The same proof replayed for the next epoch (no posts: another digest).
	waitWindow(first + 2*cfg.EpochLength + p.StaleWindows)
	_, err = cl.Settle(ctx, owner, epoch+1, proof.Words, res.Payouts)
	reverts("a proof replayed for another epoch", err, "does not verify")

	want, err := settle.Reference(shape, ep)
	if err != nil {
		t.Fatal(err)
	}
	credits, err := cl.Credits(ctx, epoch)
	if err != nil {
		t.Fatal(err)
	}
	for u, x := range want.Payouts {
		got := credits[uint32(u)]
		if got == nil {
			got = new(big.Int)
		}
		if got.Cmp(x) != 0 {
			t.Errorf("uid %d credited %v, the rule pays %v", u, got, x)
		}
	}
	if want.Payouts[3].Sign() == 0 || want.Payouts[4].Sign() == 0 || want.Payouts[2].Sign() != 0 {
		t.Errorf("payouts %v: want miners 3 and 4 paid, validator 2 (never posted) nothing", want.Payouts)
	}
	// A miner claims its credit.
	m := crypto.PubkeyToAddress(miners[0].PublicKey)
	bal, _ := cl.BalanceOf(ctx, m)
	if bal.Cmp(want.Payouts[3]) != 0 {
		t.Fatalf("balance %v, credited %v", bal, want.Payouts[3])
	}
	before, _ := c.Eth().BalanceAt(ctx, m, nil)
	r, err = cl.Claim(ctx, miners[0])
	if err != nil {
		t.Fatal(err)
	}
	after, _ := c.Eth().BalanceAt(ctx, m, nil)
	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	if got := new(big.Int).Sub(new(big.Int).Add(after, fee), before); got.Cmp(bal) != 0 {
		t.Fatalf("claim paid %v, balance was %v", got, bal)
	}
	_, err = cl.Claim(ctx, miners[0])
	reverts("claiming twice", err, "nothing to claim")
}
