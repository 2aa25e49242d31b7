package validator

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assaynet/assay/beacon"
	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/network"
)

// downBeacon fails its first calls as an unreachable relay would, then
// serves a real (local) beacon.
type downBeacon struct {
	*beacon.Local
	fails int
	calls int
}

func (d *downBeacon) Round(ctx context.Context, r uint64) (beacon.Verified, error) {
	d.calls++
	if d.calls <= d.fails {
		return beacon.Verified{}, errors.New("relay unreachable")
	}
	return d.Local.Round(ctx, r)
}

// TestBeaconDownWaitsAndRetries: a validator never derives a seed from
// unverified randomness; while the beacon is down it waits and retries.
func TestBeaconDownWaitsAndRetries(t *testing.T) {
	genesis := time.Now().Unix() - 600
	lb, _ := beacon.NewLocal(beacon.LocalConfig{Secret: []byte("x"), Genesis: genesis, Period: time.Second})
	db := &downBeacon{Local: lb, fails: 3}
	n := &network.Network{Seeds: challenge.Params{ChainID: 1, WindowLength: 4, SubmitGrace: 1, BeaconChain: lb.Chain().Hash()}}
	v := &Validator{cfg: Config{Network: n, Beacon: db, Poll: 10 * time.Millisecond}, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	blocks := challenge.DevBlocks{Genesis: uint64(genesis), Interval: 1}
	f := func(ctx context.Context, nn challenge.Params, _ challenge.BlockSource, b challenge.Beacon, w uint64) (challenge.Seed, error) {
		return challenge.WindowSeed(ctx, nn, blocks, b, w)
	}
	s, err := v.seed(context.Background(), 3, f)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := challenge.WindowSeed(context.Background(), n.Seeds, blocks, lb, 3)
	if s.Value != want.Value || db.calls != 4 {
		t.Fatalf("seed after %d calls: %x, want %x", db.calls, s.Value[:4], want.Value[:4])
	}
	// A beacon of another chain is a permanent error, not a retry loop.
	other, _ := beacon.NewLocal(beacon.LocalConfig{Secret: []byte("y"), Genesis: genesis, Period: time.Second})
	v.cfg.Beacon = other
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := v.seed(ctx, 3, f); !errors.Is(err, challenge.ErrWrongBeaconChain) {
		t.Fatalf("wrong beacon chain: %v", err)
	}
}

// TestChainRPCDownWaitsAndRetries: the validator's view of the head survives
// an RPC that answers 502 for a while.
func TestChainRPCDownWaitsAndRetries(t *testing.T) {
	ch, err := sim.Start(context.Background(), sim.Config{HTTP: "127.0.0.1:0", Accounts: 1, Params: chain.Params{WindowLength: 4, GroupSize: 1, K: 1, SampleDen: 1}})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	ch.Mine()
	target, _ := url.Parse(ch.URL())
	var down atomic.Int32
	down.Store(3)
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if bytes.Contains(body, []byte("eth_blockNumber")) && down.Load() > 0 {
			down.Add(-1)
			http.Error(w, "node restarting", http.StatusBadGateway)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer srv.Close()
	cl, err := chain.Dial(context.Background(), chain.ClientConfig{URL: srv.URL, Contract: ch.Contract()})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	v := &Validator{cfg: Config{Network: &network.Network{Chain: cl}, Poll: 10 * time.Millisecond}, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h, err := v.head(context.Background())
	if err != nil || h == 0 || down.Load() != 0 {
		t.Fatalf("head %d err %v, %d failures left", h, err, down.Load())
	}
}
