package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/model"
)

func TestParseEther(t *testing.T) {
	for _, tc := range []struct {
		in, wei string
		ok      bool
	}{
		{"1", "1000000000000000000", true}, {"0.25", "250000000000000000", true}, {"3.", "3000000000000000000", true},
		{"0.000000000000000001", "1", true}, {"12345678.9", "12345678900000000000000000", true},
		{"", "", false}, {"-1", "", false}, {"1e18", "", false}, {"0.0000000000000000001", "", false}, {"1.2.3", "", false}, {"x", "", false},
	} {
		got, err := parseEther(tc.in)
		if (err == nil) != tc.ok || (tc.ok && got.String() != tc.wei) {
			t.Errorf("parseEther(%q) = %v, %v; want %s", tc.in, got, err, tc.wei)
		}
		if tc.ok {
			if back, _ := parseEther(formatEther(got)); back.Cmp(got) != 0 {
				t.Errorf("formatEther(%v) = %q does not read back", got, formatEther(got))
			}
		}
	}
}

// TestStakeCommands drives `assay chain stake|unstake|withdraw|stakes`
// against the embedded chain over JSON-RPC.
func TestStakeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	ctx := context.Background()
	p := chain.Params{WindowLength: 200, GroupSize: 4, K: 8, SampleNum: 1, SampleDen: 1, StaleWindows: 10}
	c, err := sim.Start(ctx, sim.Config{Params: p, Accounts: 3, HTTP: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	stop := c.MineEvery(20 * time.Millisecond)
	defer stop()
	cl, err := c.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	key := c.Keys()[1]
	if _, err := cl.Register(ctx, key, "", true); err != nil {
		t.Fatal(err)
	}
	kf := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(kf, []byte(hex.EncodeToString(crypto.FromECDSA(key))), 0o600); err != nil {
		t.Fatal(err)
	}
	chainArgs := []string{"--rpc", c.URL(), "--contract", c.Contract().Hex(), "--chain-id", fmt.Sprint(sim.ChainID)}
	cmd := func(name string, extra ...string) (string, error) {
		return run(t, append(append([]string{"chain", name}, chainArgs...), extra...)...)
	}
	if out, err := cmd("stake", "--key-file", kf, "--amount", "1.5"); err != nil || !strings.Contains(out, "bonded now 1.5 ether") {
		t.Fatalf("stake: %v\n%s", err, out)
	}
	if out, err := cmd("unstake", "--key-file", kf, "--amount", "0.5"); err != nil || !strings.Contains(out, "bonded now 1 ether, unbonding 0.5") {
		t.Fatalf("unstake: %v\n%s", err, out)
	}
	if _, err := cmd("unstake", "--key-file", kf, "--amount", "2"); err == nil || !strings.Contains(err.Error(), "more than is bonded") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("unstaking more than bonded: %v, want the contract's reason on one line", err)
	}
	if _, err := cmd("withdraw", "--key-file", kf); err == nil || !strings.Contains(err.Error(), "still unbonding") || !strings.Contains(err.Error(), "until window") {
		t.Fatalf("early withdrawal: %v, want the reason and the release window", err)
	}
	out, err := cmd("stakes")
	if err != nil || !strings.Contains(out, crypto.PubkeyToAddress(key.PublicKey).Hex()) || !strings.Contains(out, "1  ") {
		t.Fatalf("stakes: %v\n%s", err, out)
	}
	st, _ := cl.StakeOf(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if st.Bonded.Cmp(new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)) != 0 {
		t.Fatalf("bonded %v wei after the commands, want 1 ether", st.Bonded)
	}
}

// TestChainDeploy deploys a second subnet contract through the node's
// JSON-RPC, as an owner would on a real chain, and reads it back through
// the network file it wrote.
func TestChainDeploy(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	ctx := context.Background()
	c, err := sim.Start(ctx, sim.Config{Params: chain.Params{WindowLength: 30, GroupSize: 4, K: 8, SampleNum: 1, SampleDen: 1, StaleWindows: 10}, Accounts: 2, HTTP: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	defer c.MineEvery(20 * time.Millisecond)()
	kf := filepath.Join(t.TempDir(), "owner")
	os.WriteFile(kf, []byte(hex.EncodeToString(crypto.FromECDSA(c.Keys()[1]))), 0o600)
	dir := initTiny(t)
	out := filepath.Join(t.TempDir(), "network.json")
	args := []string{"chain", "deploy", "--rpc", c.URL(), "--key-file", kf, "--model", dir, "--window-length", "12", "--group-size", "8", "--out", out}
	if _, err := run(t, append(args, "--chain-id", "1")...); err == nil || !strings.Contains(err.Error(), "not --chain-id 1") {
		t.Fatalf("wrong chain id: %v", err)
	}
	if msg, err := run(t, append(args, "--chain-id", fmt.Sprint(sim.ChainID))...); err != nil || !strings.Contains(msg, "subnet contract 0x") {
		t.Fatalf("deploy: %v\n%s", err, msg)
	}
	if msg, err := run(t, "chain", "stakes", "--network", out); err != nil || !strings.Contains(msg, "bonded") {
		t.Fatalf("the deployed contract through the network file: %v\n%s", err, msg)
	}
	ck, _ := model.OpenCheckpoint(dir)
	defer ck.Close()
	data, _ := os.ReadFile(out)
	var nf struct {
		Contract string
		Params   chain.Params
	}
	if err := json.Unmarshal(data, &nf); err != nil || nf.Params.WindowLength != 12 || nf.Params.GroupSize != 8 || nf.Params.ModelID != ck.ModelID() || nf.Contract == c.Contract().Hex() {
		t.Fatalf("network file %s: %+v %v", data, nf, err)
	}
}
