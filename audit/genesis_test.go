package audit

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/network/networktest"
)

// TestReplayLookbackBeforeGenesis: a window whose lookback windows predate
// the beacon's genesis replays (those windows had no challenges, so no
// failures to gate on) instead of failing the audit.
func TestReplayLookbackBeforeGenesis(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := model.Init(model.InitConfig{Preset: "tiny", Out: dir}); err != nil {
		t.Fatal(err)
	}
	m, err := network.LoadModel(dir, network.CPU(1))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// Blocks are sealed faster than their one-second timestamps can follow,
	// so the chain's clock runs ahead: a genesis 20 s out is crossed within
	// a few windows.
	net := networktest.Start(ctx, t, networktest.Config{ModelID: m.ID, Accounts: 2, WindowLength: 4, BlockEvery: 50 * time.Millisecond,
		BeaconGenesis: time.Now().Unix() + 20})
	n := net.Network
	seed := func(w uint64) error {
		_, err := challenge.WindowSeed(ctx, n.Seeds, n.Chain.Blocks(), net.Beacon, w)
		return err
	}
	var w uint64
	for ; ; w++ { // the first window with challenges
		for {
			h, err := n.Chain.BlockNumber(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if h > n.Seeds.OpeningBlock(w) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		err := seed(w)
		if err == nil {
			break
		}
		if !errors.Is(err, challenge.ErrBeforeGenesis) {
			t.Fatal(err)
		}
	}
	if w == 0 {
		t.Fatal("window 0 already has challenges: the test checks nothing")
	}
	rep, err := Replay(ctx, Config{Network: n, Models: network.Fixed{M: m}, Env: sat.New(sat.DefaultParams), Beacon: net.Beacon,
		FilesRoot: t.TempDir(), Lookback: 2}, w)
	if err != nil {
		t.Fatalf("window %d (lookback before genesis): %v", w, err)
	}
	if len(rep.Decision.Miners) != 0 || len(rep.Mismatches) != 0 {
		t.Fatalf("replay of an empty window: %+v", rep)
	}
}
