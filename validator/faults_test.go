package validator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assaynet/assay/beacon"
	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/network/networktest"
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

// unreliableRPC is a JSON-RPC proxy in front of a node as a load balancer
// over lagging nodes answers: once on, a tenth of the requests fail with
// 502 and a third of the heads come back stale (up to three blocks behind
// the newest it has answered), so answers arrive out of order.
type unreliableRPC struct {
	proxy          *httputil.ReverseProxy
	on             atomic.Bool
	n              atomic.Uint64
	newest         atomic.Uint64
	dropped, stale atomic.Int32
}

func (u *unreliableRPC) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.Header.Del("Accept-Encoding") // answers it rewrites must come back plain
	k := u.n.Add(1)
	if !u.on.Load() {
		u.proxy.ServeHTTP(w, r)
		return
	}
	if k%10 == 0 {
		u.dropped.Add(1)
		http.Error(w, "upstream went away", http.StatusBadGateway)
		return
	}
	if !bytes.Contains(body, []byte(`"eth_blockNumber"`)) || bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")) {
		u.proxy.ServeHTTP(w, r)
		return
	}
	var req struct {
		ID json.RawMessage `json:"id"`
	}
	json.Unmarshal(body, &req)
	rec := httptest.NewRecorder()
	u.proxy.ServeHTTP(rec, r)
	var resp struct {
		Result string `json:"result"`
	}
	if json.Unmarshal(rec.Body.Bytes(), &resp) != nil || resp.Result == "" {
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
		return
	}
	h, _ := strconv.ParseUint(strings.TrimPrefix(resp.Result, "0x"), 16, 64)
	for {
		old := u.newest.Load()
		if h <= old || u.newest.CompareAndSwap(old, h) {
			break
		}
	}
	if k%3 == 0 {
		h = u.newest.Load() - min(u.newest.Load(), k%4) // 0–3 blocks behind
		u.stale.Add(1)
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":"0x%x"}`, req.ID, h)
}

// TestValidatorThroughUnreliableRPC: a validator whose node, once it is
// running, drops a tenth of its requests and answers heads out of order
// decides every window (none skipped), posts each once and pays the
// honest miners.
func TestValidatorThroughUnreliableRPC(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a network for several windows")
	}
	ctx, tn, honest := honestNetworkWith(t, networktest.Config{HTTP: true})
	target, _ := url.Parse(tn.Chain.URL())
	u := &unreliableRPC{proxy: httputil.NewSingleHostReverseProxy(target)}
	srv := httptest.NewServer(u)
	t.Cleanup(srv.Close)
	net := tn.Through(ctx, t, srv.URL)
	dir := t.TempDir()
	v, err := New(Config{Network: net, Models: network.Fixed{M: honest}, Env: sat.New(sat.DefaultParams), Key: tn.Chain.Keys()[5],
		Beacon: tn.Beacon, DataDir: dir, Poll: 50 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Windows: 3, Stake: big.NewInt(1e18)})
	if err != nil {
		t.Fatal(err)
	}
	// Startup (register, stake) is strict: a chain call that fails there
	// ends Run with its error for a supervisor to restart, since a stake
	// resent after a lost answer could be added twice. The loop is not.
	done := make(chan error, 1)
	go func() { done <- v.Run(ctx) }()
	for started := false; !started; time.Sleep(10 * time.Millisecond) {
		v.health.mu.Lock()
		started = v.health.started
		v.health.mu.Unlock()
	}
	u.on.Store(true)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	u.on.Store(false)
	ws := decidedWindows(t, dir)
	if len(ws) < 3 {
		t.Fatalf("decided %v", ws)
	}
	paid := 0
	for i, w := range ws {
		if i > 0 && w != ws[i-1]+1 {
			t.Fatalf("decided %v: a window skipped", ws)
		}
		d, err := LoadDecision(dir, w)
		if err != nil || !d.Posted {
			t.Fatalf("window %d: %v", w, err)
		}
		for _, m := range d.Miners {
			if m.Weight > 0 {
				paid++
			}
		}
		if posts, err := tn.Network.Chain.Posts(ctx, w); err != nil || len(posts) != 1 {
			t.Fatalf("window %d: %d posts (%v)", w, len(posts), err)
		}
	}
	if paid == 0 {
		t.Fatal("no honest miner paid")
	}
	if u.dropped.Load() == 0 || u.stale.Load() == 0 {
		t.Fatalf("the proxy dropped %d requests and answered %d stale heads: it did not misbehave", u.dropped.Load(), u.stale.Load())
	}
	t.Logf("windows %v decided through %d dropped requests and %d stale heads", ws, u.dropped.Load(), u.stale.Load())
}
