// Package networktest starts a throwaway network for role tests: a local
// beacon whose rounds are all out, the embedded dev chain with the subnet
// contract, sealing blocks on a timer, and the roles' view of it.
package networktest

import (
	"context"
	"testing"
	"time"

	"github.com/assaynet/assay/beacon"
	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/network"
)

// Config shapes the network.
type Config struct {
	ModelID      [32]byte
	Accounts     int           // funded dev accounts (keys in Net.Chain.Keys())
	WindowLength uint64        // blocks per window
	BlockEvery   time.Duration // sealing period
	// BeaconGenesis is the local beacon's genesis (unix seconds; 0: an
	// hour ago, before every block).
	BeaconGenesis int64
	// HTTP serves the chain's JSON-RPC on a loopback port too
	// (Net.Chain.URL()), for roles that reach it through a proxy.
	HTTP bool
}

// Net is a running test network; t's cleanup stops it.
type Net struct {
	Beacon  *beacon.Local
	Chain   *sim.Chain
	Network *network.Network
}

// Start builds the network: groups of 4, K = 8, half the groups opened, a
// grace of one block, 8-token completions of the sat environment.
func Start(ctx context.Context, t testing.TB, cfg Config) *Net {
	t.Helper()
	far := time.Now().Add(24 * time.Hour)
	genesis := cfg.BeaconGenesis
	if genesis == 0 {
		genesis = time.Now().Unix() - 3600
	}
	lb, err := beacon.NewLocal(beacon.LocalConfig{Secret: []byte("t"), Genesis: genesis, Period: time.Second,
		Now: func() time.Time { return far }})
	if err != nil {
		t.Fatal(err)
	}
	var listen string
	if cfg.HTTP {
		listen = "127.0.0.1:0"
	}
	ch, err := sim.Start(ctx, sim.Config{Accounts: cfg.Accounts, HTTP: listen, Params: chain.Params{ModelID: cfg.ModelID, WindowLength: cfg.WindowLength,
		GroupSize: 4, K: 8, SampleNum: 1, SampleDen: 2, BeaconChain: lb.Chain().Hash(), StaleWindows: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ch.Close() })
	t.Cleanup(ch.MineEvery(cfg.BlockEvery)) // runs first: stop sealing, then close
	cl, err := ch.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n, err := network.Load(ctx, cl, network.Protocol{SubmitGrace: 1, MaxNewTokens: 8})
	if err != nil {
		t.Fatal(err)
	}
	return &Net{Beacon: lb, Chain: ch, Network: n}
}

// Through is the network as seen through the JSON-RPC at url (a proxy of
// Chain.URL(); Config.HTTP), with the protocol Start uses.
func (n *Net) Through(ctx context.Context, t testing.TB, url string) *network.Network {
	t.Helper()
	cl, err := chain.Dial(ctx, chain.ClientConfig{URL: url, Contract: n.Chain.Contract(), ChainID: sim.ChainID, RetryBase: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	nn, err := network.Load(ctx, cl, n.Network.Protocol)
	if err != nil {
		t.Fatal(err)
	}
	return nn
}
