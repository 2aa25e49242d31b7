package validator

import (
	"context"
	"sync"

	"github.com/assaynet/assay/score"
)

// fetched is one window's fetch: the registry at its deadline and the
// chain head read after each kept file (or why the registry was not read,
// or ErrStore: files arrived that could not be kept).
type fetched struct {
	miners   []score.Miner
	arrivals map[uint32]uint64
	err      error
}

// fetcher fetches every window's files as its deadline passes, whatever
// the decision loop is doing: a verification that runs past the next
// window's opening block must not cost that window's miners their fetch
// (issue 21). The loop takes each window's result in order; results wait
// in a small map until it does.
type fetcher struct {
	// deadline waits for window w's deadline block; miners reads its
	// registry; fetchAll fetches (the Validator's methods; tests fake them).
	deadline func(ctx context.Context, w uint64) error
	miners   func(ctx context.Context, w uint64) ([]score.Miner, error)
	fetchAll func(ctx context.Context, w uint64, miners []score.Miner) (map[uint32]uint64, error)
	// decided, when set, reports a window already decided (a restart): it
	// is not fetched again.
	decided func(w uint64) bool

	mu      sync.Mutex
	results map[uint64]chan fetched
}

func newFetcher() *fetcher { return &fetcher{results: map[uint64]chan fetched{}} }

// slot is window w's result channel (buffered: the fetcher never waits).
func (f *fetcher) slot(w uint64) chan fetched {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.results[w]
	if !ok {
		c = make(chan fetched, 1)
		f.results[w] = c
	}
	return c
}

// run fetches windows from, from+1, … until ctx ends.
func (f *fetcher) run(ctx context.Context, from uint64) {
	for w := from; ; w++ {
		if f.decided != nil && f.decided(w) {
			continue
		}
		if err := f.deadline(ctx, w); err != nil {
			return // ctx ended
		}
		miners, err := f.miners(ctx, w)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			f.slot(w) <- fetched{err: err}
			continue
		}
		arrivals, err := f.fetchAll(ctx, w, miners)
		f.slot(w) <- fetched{miners: miners, arrivals: arrivals, err: err}
	}
}

// take waits for window w's fetch and forgets it.
func (f *fetcher) take(ctx context.Context, w uint64) (fetched, error) {
	c := f.slot(w)
	select {
	case r := <-c:
		f.mu.Lock()
		delete(f.results, w)
		f.mu.Unlock()
		return r, nil
	case <-ctx.Done():
		return fetched{}, ctx.Err()
	}
}
