package validator

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/assaynet/assay/score"
)

// TestFetcherKeepsTime: while the decision loop spends long on each
// window, every window is still fetched as its deadline passes — the
// fetches of windows 1–3 happen before the loop has finished window 0 —,
// results come out in window order, a registry error reaches the loop for
// its window only, and decided windows are not fetched again.
func TestFetcherKeepsTime(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var mu sync.Mutex
	var fetchedAt []uint64
	f := newFetcher()
	f.deadline = func(ctx context.Context, w uint64) error {
		if w > 5 {
			<-ctx.Done()
			return ctx.Err()
		}
		return nil
	}
	f.miners = func(ctx context.Context, w uint64) ([]score.Miner, error) {
		if w == 2 {
			return nil, errors.New("registry unreadable")
		}
		return []score.Miner{{UID: uint32(w)}}, nil
	}
	f.fetchAll = func(ctx context.Context, w uint64, ms []score.Miner) (map[uint32]uint64, error) {
		mu.Lock()
		fetchedAt = append(fetchedAt, w)
		mu.Unlock()
		return map[uint32]uint64{ms[0].UID: 100 + w}, nil
	}
	f.decided = func(w uint64) bool { return w == 4 }
	var wg sync.WaitGroup
	wg.Go(func() { f.run(ctx, 0) })
	for w := uint64(0); w <= 5; w++ {
		if w == 4 {
			continue // decided: the loop takes its stored decision
		}
		got, err := f.take(ctx, w)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case w == 2:
			if got.err == nil {
				t.Fatal("window 2: the registry error was lost")
			}
		case got.err != nil || got.arrivals[uint32(w)] != 100+w:
			t.Fatalf("window %d: %+v", w, got)
		}
		if w == 0 {
			time.Sleep(200 * time.Millisecond) // a long verification
			mu.Lock()
			n := len(fetchedAt)
			mu.Unlock()
			if n < 4 {
				t.Fatalf("during window 0's verification only windows %v were fetched", fetchedAt)
			}
		}
	}
	cancel()
	wg.Wait()
	for _, w := range fetchedAt {
		if w == 4 || w == 2 {
			t.Fatalf("fetched %v: decided window 4 or unreadable window 2 fetched", fetchedAt)
		}
	}
	f.mu.Lock()
	left := len(f.results)
	f.mu.Unlock()
	if left != 0 {
		t.Fatalf("%d results left behind", left)
	}
}
