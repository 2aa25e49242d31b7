// Package ctxsleep waits for a duration or a context, whichever ends first:
// the pause of every retry and polling loop.
package ctxsleep

import (
	"context"
	"time"
)

// Sleep waits d, or less when ctx ends first (then it returns ctx's error).
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
