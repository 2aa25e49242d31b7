package validator

import (
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/score"
)

// TestStoreFailureWaits: while the validator's data dir cannot be written
// (here a path in the way of the files folder of one window and of the
// decision of the next, as a full disk would refuse them), the window waits
// — no miner is judged missing for what the validator could not keep, no
// window is skipped, /healthz says "store failing" — and once the store
// works again the same windows are decided, posted once each.
func TestStoreFailureWaits(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a network for several windows")
	}
	ctx, tn, honest := honestNetwork(t)
	dir := t.TempDir()
	v, err := New(Config{Network: tn.Network, Models: network.Fixed{M: honest}, Env: sat.New(sat.DefaultParams), Key: tn.Chain.Keys()[5],
		Beacon: tn.Beacon, DataDir: dir, Poll: 50 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Windows: 4, Stake: big.NewInt(1e18), StoreRetry: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- v.Run(ctx) }()
	var w0 uint64
	for w0 == 0 {
		v.health.mu.Lock()
		if v.health.started {
			w0 = v.health.window
		}
		v.health.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	// Window w0+1 cannot keep its files; window w0+2 cannot store its decision.
	files := score.FilesDir(FilesRoot(dir), w0+1)
	decision := score.DecisionFile(DecisionsDir(dir), w0+2)
	for _, p := range []string{filepath.Dir(files), filepath.Dir(decision)} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(files, []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(decision, "in the way"), 0o755); err != nil {
		t.Fatal(err)
	}
	unblocked := map[string]bool{}
	for len(unblocked) < 2 {
		select {
		case err := <-done:
			t.Fatalf("the validator ended while its store was blocked: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
		v.health.mu.Lock()
		failing, at := v.health.store, v.health.window
		v.health.mu.Unlock()
		if failing == nil {
			continue
		}
		// Seen failing at a window: no later window may have been decided.
		for _, w := range decidedWindows(t, dir) {
			if w > at {
				t.Fatalf("window %d decided while window %d waited for the store", w, at)
			}
		}
		for _, p := range []string{files, decision} {
			if !unblocked[p] && ((p == files && at == w0+1) || (p == decision && at == w0+2)) {
				time.Sleep(300 * time.Millisecond) // a few retries fail first
				if err := os.RemoveAll(p); err != nil {
					t.Fatal(err)
				}
				unblocked[p] = true
			}
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	ws := decidedWindows(t, dir)
	if len(ws) != 4 || ws[0] != w0 || ws[3] != w0+3 {
		t.Fatalf("decided %v, want %d..%d", ws, w0, w0+3)
	}
	paid := 0
	for _, w := range ws {
		d, err := LoadDecision(dir, w)
		if err != nil || !d.Posted {
			t.Fatalf("window %d: %v, posted %v", w, err, d != nil && d.Posted)
		}
		for _, m := range d.Miners {
			if m.Failure == score.Missing && m.Detail == "committed, but no window file" {
				t.Fatalf("window %d: miner %d judged missing with its file committed: %s", w, m.UID, m.Detail)
			}
			// A miner slow to commit (a loaded machine) is fairly missing;
			// one that committed is judged on its file, which is honest.
			if m.Detail != "no commitment on chain" && m.Failure != "" {
				t.Fatalf("window %d: committed honest miner %d failed: %s %s", w, m.UID, m.Failure, m.Detail)
			}
			if m.Weight > 0 {
				paid++
			}
		}
		if posts, _ := tn.Network.Chain.Posts(ctx, w); len(posts) != 1 {
			t.Fatalf("window %d: %d posts", w, len(posts))
		}
	}
	if paid == 0 {
		t.Fatal("no honest miner earned weight in any window")
	}
}
