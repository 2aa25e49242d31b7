// Package replicas runs one model on several backends at once, data
// parallel: each backend (a GPU, typically) holds the whole model, every
// sequence lives on one of them, and a batched pass runs each backend's
// share of the steps concurrently.
//
// A Backend is itself a model.Backend, so the roles need no change to use
// more than one device: model.GenerateGroups forks a group's caches from
// its prompt's, so a group stays on the backend that prefilled it, and new
// sequences go to the backend holding the fewest live caches. Results do
// not depend on the spreading wherever a backend's results do not depend
// on the batch it is given (the CPU engine and the exact CUDA kernels,
// docs/protocol.md §6.2).
package replicas

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/assaynet/assay/model"
)

// ErrMixed reports replicas that do not run the same model.
var ErrMixed = errors.New("replicas: backends differ")

// Backend spreads sequences over its parts. It is safe for concurrent use
// when its parts are.
type Backend struct {
	parts []model.Backend
	mu    sync.Mutex
	live  []int // live caches per part
}

// New returns a Backend over parts, which must share one model
// configuration; it takes ownership of them (Close closes them).
func New(parts []model.Backend) (*Backend, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("replicas: no backends")
	}
	for i, p := range parts[1:] {
		if !reflect.DeepEqual(p.Config(), parts[0].Config()) {
			return nil, fmt.Errorf("%w: backend %d's model configuration is not backend 0's", ErrMixed, i+1)
		}
	}
	return &Backend{parts: parts, live: make([]int, len(parts))}, nil
}

// Parts returns the backends, in the order given to New.
func (b *Backend) Parts() []model.Backend { return b.parts }

// Config is the model's configuration.
func (b *Backend) Config() *model.Config { return b.parts[0].Config() }

// Name describes the parts, for the roles' start-up line.
func (b *Backend) Name() string {
	names := make([]string, len(b.parts))
	for i, p := range b.parts {
		names[i] = fmt.Sprintf("%T", p)
		if n, ok := p.(interface{ Name() string }); ok {
			names[i] = n.Name()
		}
	}
	return fmt.Sprintf("%d replicas: %s", len(b.parts), strings.Join(names, ", "))
}

// StatsOnDevice reports whether every part answers Step.Stats itself
// under s (model.StatsOnDevice); a pass mixing the two would hand the
// caller logits for some steps only, which it handles, but the verifier's
// batching decision is per backend.
func (b *Backend) StatsOnDevice(s model.Sampling) bool {
	for _, p := range b.parts {
		d, ok := p.(model.StatsOnDevice)
		if !ok || !d.StatsOnDevice(s) {
			return false
		}
	}
	return true
}

// NewCache makes the cache on the part holding the fewest live caches.
func (b *Backend) NewCache(maxLen int) (model.Cache, error) {
	b.mu.Lock()
	part := 0
	for i, n := range b.live {
		if n < b.live[part] {
			part = i
		}
	}
	b.live[part]++
	b.mu.Unlock()
	c, err := b.parts[part].NewCache(maxLen)
	if err != nil {
		b.done(part)
		return nil, fmt.Errorf("replicas: backend %d: %w", part, err)
	}
	return &cache{b: b, part: part, inner: c}, nil
}

func (b *Backend) done(part int) {
	b.mu.Lock()
	b.live[part]--
	b.mu.Unlock()
}

// Forward runs each part's steps on that part, concurrently, and returns
// the outputs in the order of steps. On an error the caches of every step
// are in an unknown state, as with any backend's failed pass.
func (b *Backend) Forward(ctx context.Context, steps []model.Step) ([]model.Output, error) {
	byPart := make([][]int, len(b.parts))
	inner := make([]model.Step, len(steps))
	for i, s := range steps {
		c, ok := s.Cache.(*cache)
		if !ok || c.b != b {
			return nil, fmt.Errorf("replicas: step %d: cache from another backend", i)
		}
		inner[i] = s
		inner[i].Cache = c.inner
		byPart[c.part] = append(byPart[c.part], i)
	}
	outs := make([]model.Output, len(steps))
	errs := make([]error, len(b.parts))
	var wg sync.WaitGroup
	for part, idx := range byPart {
		if len(idx) == 0 {
			continue
		}
		wg.Go(func() {
			sub := make([]model.Step, len(idx))
			for k, i := range idx {
				sub[k] = inner[i]
			}
			res, err := b.parts[part].Forward(ctx, sub)
			if err == nil && len(res) != len(sub) {
				err = fmt.Errorf("%d outputs for %d steps", len(res), len(sub))
			}
			if err != nil {
				errs[part] = fmt.Errorf("replicas: backend %d: %w", part, err)
				return
			}
			for k, i := range idx {
				outs[i] = res[k]
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return outs, nil
}

// Close closes the parts that hold resources (io.Closer).
func (b *Backend) Close() error {
	var errs []error
	for _, p := range b.parts {
		if c, ok := p.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}

// cache is a part's cache, with the part it lives on. The part itself
// refuses a cache used after Release.
type cache struct {
	b        *Backend
	part     int
	inner    model.Cache
	released atomic.Bool
}

func (c *cache) Len() int { return c.inner.Len() }

// Fork copies the cache on its own part: a group's rollouts share its
// prompt's device.
func (c *cache) Fork() (model.Cache, error) {
	c.b.mu.Lock()
	c.b.live[c.part]++
	c.b.mu.Unlock()
	f, err := c.inner.Fork()
	if err != nil {
		c.b.done(c.part)
		return nil, err
	}
	return &cache{b: c.b, part: c.part, inner: f}, nil
}

func (c *cache) Release() {
	if c.released.CompareAndSwap(false, true) {
		c.inner.Release()
		c.b.done(c.part)
	}
}
