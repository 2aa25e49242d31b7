package network

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/internal/ctxsleep"
)

// Head returns the chain head, retrying every poll while the node is
// unreachable; only ctx ends the wait.
func Head(ctx context.Context, c *chain.Client, poll time.Duration, log *slog.Logger) (uint64, error) {
	for {
		h, err := c.BlockNumber(ctx)
		if err == nil {
			return h, nil
		}
		log.Warn("chain unreachable, retrying", "err", err)
		if err := ctxsleep.Sleep(ctx, poll); err != nil {
			return 0, err
		}
	}
}

// WaitBlock waits until block n exists.
func WaitBlock(ctx context.Context, c *chain.Client, n uint64, poll time.Duration, log *slog.Logger) error {
	for {
		h, err := Head(ctx, c, poll, log)
		if err != nil {
			return err
		}
		if h >= n {
			return nil
		}
		if err := ctxsleep.Sleep(ctx, poll); err != nil {
			return err
		}
	}
}

// SeedFunc is challenge.WindowSeed or challenge.OpeningSeed.
type SeedFunc func(context.Context, challenge.Params, challenge.BlockSource, challenge.Beacon, uint64) (challenge.Seed, error)

// Seed derives a seed of window w, waiting and retrying while its block or
// beacon round is not available (a beacon is never bypassed: unverified
// randomness is never used). A block before the beacon's genesis and a beacon
// of another chain are final errors.
func Seed(ctx context.Context, seeds challenge.Params, blocks challenge.BlockSource, b challenge.Beacon, w uint64, f SeedFunc, poll time.Duration, log *slog.Logger) (challenge.Seed, error) {
	for {
		s, err := f(ctx, seeds, blocks, b, w)
		if err == nil || errors.Is(err, challenge.ErrBeforeGenesis) || errors.Is(err, challenge.ErrWrongBeaconChain) {
			return s, err
		}
		if ctx.Err() != nil {
			return s, ctx.Err()
		}
		log.Warn("seed not available yet, retrying", "window", w, "err", err)
		if err := ctxsleep.Sleep(ctx, poll); err != nil {
			return s, err
		}
	}
}

// IgnoreCanceled maps context cancellation (a requested stop) to nil.
func IgnoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	return err
}
