package validator

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/assaynet/assay/checkpoint"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/export"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/network/networktest"
)

// TestModelSwitch runs the RL loop's hand-over without the trainer: the
// owner announces a second model while two miners and a validator run on
// the first; each role fetches it from the announced checkpoint server
// into its own cache, and at the window it governs the miners generate
// with it and the validator judges with it. Every window on either side of
// the switch passes, and its exported rollouts claim the window's model.
func TestModelSwitch(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a network for several windows")
	}
	first, second := models(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	tn := networktest.Start(ctx, t, networktest.Config{ModelID: first.ID, Accounts: 6, WindowLength: 6, BlockEvery: 300 * time.Millisecond})
	net, ch := tn.Network, tn.Chain
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))

	srv, err := checkpoint.NewServer(second.Dir)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	url := fmt.Sprintf("%s/%s/", hs.URL, model.ID(second.ID))
	// Each role's own set, as `assay` builds it: the model it started
	// with, then what the schedule announces, fetched into its cache.
	set := func() *network.ModelSet {
		cache := t.TempDir()
		s := network.NewModelSet(network.ModelSetConfig{Open: network.CPU(1), Logger: quiet,
			Locate: func(ctx context.Context, id [32]byte) (string, error) {
				u, err := net.Chain.ModelURL(ctx, id)
				if err != nil {
					return "", err
				}
				return checkpoint.Fetch(ctx, u, id, checkpoint.FetchConfig{Cache: cache})
			}})
		s.Add(first)
		t.Cleanup(func() { s.Close() })
		return s
	}

	head, err := net.Chain.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	start := net.Seeds.WindowOf(head) + 1
	defer runMiners(ctx, t, tn, 2, func() network.Models { return set() })()
	// Announced once the miners run: it governs two windows on.
	if err := network.WaitBlock(ctx, net.Chain, net.Seeds.FirstBlock(start), 50*time.Millisecond, quiet); err != nil {
		t.Fatal(err)
	}
	from, err := net.Chain.SetModel(ctx, ch.Keys()[0], second.ID, url)
	if err != nil {
		t.Fatal(err)
	}
	if from < start+2 {
		t.Fatalf("the switch at window %d leaves no window of the first model after %d", from, start)
	}
	dir, exp := t.TempDir(), t.TempDir()
	v, err := New(Config{Network: net, Models: set(), Env: sat.New(sat.DefaultParams), Key: ch.Keys()[5], Beacon: tn.Beacon, DataDir: dir,
		Poll: 50 * time.Millisecond, Logger: quiet, From: start, Windows: int(from - start + 2), Stake: big.NewInt(1e18), Export: exp})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Run(ctx); err != nil {
		t.Fatal(err)
	}
	sawFirst, sawSecond := false, false
	for w := start; w <= from+1; w++ {
		d, err := LoadDecision(dir, w)
		if err != nil {
			t.Fatalf("window %d not decided: %v", w, err)
		}
		want := first.ID
		if w >= from {
			want = second.ID
		}
		for _, m := range d.Miners {
			// A miner may miss the window the test started in; none may fail.
			if m.Failure != "" && m.Failure != "missing" {
				t.Fatalf("window %d: miner %d failed %q (%s)", w, m.UID, m.Failure, m.Detail)
			}
		}
		rows, err := export.ReadParquet(filepath.Join(exp, fmt.Sprintf("window-%d.parquet", w)))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.ModelID != hex.EncodeToString(want[:]) {
				t.Fatalf("window %d: a rollout of model %s…, the window's model is %x", w, r.ModelID[:16], want[:8])
			}
		}
		if len(rows) > 0 {
			sawFirst = sawFirst || w < from
			sawSecond = sawSecond || w >= from
		}
	}
	if !sawFirst || !sawSecond {
		t.Fatalf("verified rollouts before the switch %v, after it %v: want both", sawFirst, sawSecond)
	}
}
