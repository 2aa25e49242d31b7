package chain_test

import (
	"context"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/assaynet/assay/chain"
)

// gethDevKey is geth's public developer-mode key (cmd/utils.DeveloperKey):
// the funded account of every `geth --dev` chain.
const gethDevKey = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestRealGethNode runs the contract on a real `geth --dev` process over
// JSON-RPC: deploy, register a miner and a validator, post weights, read the
// events back. It needs a geth binary: `make test-geth` builds one from the
// go-ethereum module and sets ASSAY_GETH.
func TestRealGethNode(t *testing.T) {
	bin := os.Getenv("ASSAY_GETH")
	if bin == "" {
		t.Skip("set ASSAY_GETH to a geth binary (make test-geth builds one and runs this test)")
	}
	port := freePort(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "--dev", "--dev.period", "1", "--datadir", filepath.Join(dir, "geth"),
		"--http", "--http.addr", "127.0.0.1", "--http.port", fmt.Sprint(port), "--http.api", "eth,net,web3",
		"--ipcdisable", "--nodiscover", "--verbosity", "1")
	logf, _ := os.Create(filepath.Join(dir, "geth.log"))
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var ec *ethclient.Client
	for {
		c, err := ethclient.DialContext(ctx, url)
		if err == nil {
			if _, err = c.BlockNumber(ctx); err == nil {
				ec = c
				break
			}
			c.Close()
		}
		if ctx.Err() != nil {
			t.Fatalf("geth did not answer on %s", url)
		}
		time.Sleep(200 * time.Millisecond)
	}
	defer ec.Close()
	id, _ := ec.ChainID(ctx)
	dev, _ := crypto.HexToECDSA(gethDevKey)
	devAddr := crypto.PubkeyToAddress(dev.PublicKey)
	// Fund a validator account with a plain transfer.
	val, _ := crypto.GenerateKey()
	valAddr := crypto.PubkeyToAddress(val.PublicKey)
	nonce, _ := ec.PendingNonceAt(ctx, devAddr)
	tip, _ := ec.SuggestGasTipCap(ctx)
	head, _ := ec.HeaderByNumber(ctx, nil)
	fee := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tx, _ := types.SignNewTx(dev, types.LatestSignerForChainID(id), &types.DynamicFeeTx{ChainID: id, Nonce: nonce, GasTipCap: tip,
		GasFeeCap: fee, Gas: 21000, To: &valAddr, Value: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(10))})
	if err := ec.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	p := chain.Params{ModelID: [32]byte{1}, WindowLength: 2, GroupSize: 16, K: 32, SampleNum: 1, SampleDen: 4, BeaconChain: [32]byte{2}, StaleWindows: 50}
	addr, err := chain.Deploy(ctx, ec, ec, dev, id, p)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := chain.Dial(ctx, chain.ClientConfig{URL: url, Contract: addr, ChainID: id.Uint64()})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if got, err := cl.Params(ctx); err != nil || got != p {
		t.Fatalf("params %+v %v", got, err)
	}
	if uid, err := cl.Register(ctx, dev, "http://127.0.0.1:9999", false); err != nil || uid != 0 {
		t.Fatalf("register miner: %d %v", uid, err)
	}
	if uid, err := cl.Register(ctx, val, "", true); err != nil || uid != 1 {
		t.Fatalf("register validator: %d %v", uid, err)
	}
	if _, err := cl.AddStake(ctx, val, big.NewInt(1)); err != nil {
		t.Fatalf("stake: %v", err)
	}
	var window uint64
	for {
		n, _ := cl.BlockNumber(ctx)
		if n/p.WindowLength >= 2 {
			window = n/p.WindowLength - 1
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	r, err := cl.SetWeights(ctx, val, window, []uint32{0}, []uint16{65535})
	if err != nil || r == nil {
		t.Fatalf("set weights: %v", err)
	}
	posts, err := cl.Posts(ctx, window)
	if err != nil || len(posts) != 1 || posts[0].Validator != valAddr || posts[0].Weights[0] != 65535 {
		t.Fatalf("events: %+v %v", posts, err)
	}
	if _, err := cl.SetWeights(ctx, dev, window, []uint32{0}, []uint16{1}); err == nil {
		t.Fatal("a miner posted weights")
	}
	t.Logf("geth --dev (chain %v): deployed %s, posted window %d in block %d, %d gas", id, addr, window, r.BlockNumber, r.GasUsed)
}
