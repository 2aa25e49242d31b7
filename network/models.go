package network

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"
)

// ErrModelUnavailable wraps why a model a window needs could not be had
// (not announced with a URL, a failed fetch, a checkpoint that does not
// load): the role cannot take part in that window.
var ErrModelUnavailable = errors.New("network: model unavailable")

// Models gives a role the model a window's network parameters name. The
// release func must be called when the model is no longer used for that
// window: a model in use is never closed.
type Models interface {
	Acquire(ctx context.Context, id [32]byte) (*Model, func(), error)
}

// Fixed is a Models that always gives M, whatever id is asked for: a role
// run with one model (tests; the demo's cheater, which runs another model
// than the network's). Roles compare the id they asked for with M.ID.
type Fixed struct{ M *Model }

// Acquire gives f.M.
func (f Fixed) Acquire(context.Context, [32]byte) (*Model, func(), error) {
	return f.M, func() {}, nil
}

// ModelSetConfig configures a ModelSet.
type ModelSetConfig struct {
	// Locate returns the folder holding the model with this id, fetching
	// it first where needed (checkpoint.Fetch from the URL the contract
	// announces). It must verify the id: the set trusts the folder.
	Locate func(ctx context.Context, id [32]byte) (string, error)
	// Open builds the backend of a loaded model.
	Open OpenBackend
	// Keep is how many models stay loaded when not in use (2 when 0: the
	// current one and the next, or the previous one while its last windows
	// are decided). Models in use are never closed, so more may be loaded.
	Keep int
	// Progress, when set, is told about a model's loading (bytes read).
	Progress func(id [32]byte) Progress
	Logger   *slog.Logger
}

// ModelSet loads models by id on first use, prepares the next one in the
// background while the current one serves, and closes the least recently
// used beyond Keep once no window uses them.
type ModelSet struct {
	cfg    ModelSetConfig
	ctx    context.Context // ends with Close: stops background loads
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	entries map[[32]byte]*modelEntry
}

type modelEntry struct {
	ready chan struct{} // closed when m or err is set
	m     *Model
	err   error
	refs  int
	used  time.Time
}

// NewModelSet makes an empty set; Add puts in a model already loaded.
func NewModelSet(cfg ModelSetConfig) *ModelSet {
	if cfg.Keep <= 0 {
		cfg.Keep = 2
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &ModelSet{cfg: cfg, ctx: ctx, cancel: cancel, entries: map[[32]byte]*modelEntry{}}
}

// Add puts a loaded model in the set (the one a role started with).
func (s *ModelSet) Add(m *Model) {
	e := &modelEntry{ready: make(chan struct{}), m: m, used: time.Now()}
	close(e.ready)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.entries[m.ID]; !ok {
		s.entries[m.ID] = e
	}
}

// Acquire gives the model id, loading it (or waiting for its background
// load) first. A load that failed is tried again by the next Acquire or
// Prepare.
func (s *ModelSet) Acquire(ctx context.Context, id [32]byte) (*Model, func(), error) {
	e := s.entry(id)
	select {
	case <-e.ready:
	case <-ctx.Done():
		s.release(id, e)
		return nil, nil, ctx.Err()
	}
	if e.err == nil {
		var once sync.Once
		return e.m, func() { once.Do(func() { s.release(id, e) }) }, nil
	}
	err := e.err
	s.release(id, e)
	s.forget(id, e)
	return nil, nil, err
}

// Prepare starts loading id in the background (fetching it first where
// needed) so that Acquire finds it ready; it returns at once. Errors are
// logged and surface again at Acquire.
func (s *ModelSet) Prepare(id [32]byte) {
	e := s.entry(id)
	// Prepare holds no reference: drop the one entry took.
	s.release(id, e)
}

// LoadedDirs gives the folder of each model loaded now (a fetch may
// build the next model from them: checkpoint deltas).
func (s *ModelSet) LoadedDirs() map[[32]byte]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[[32]byte]string{}
	for id, e := range s.entries {
		if ready, ok := e.state(); ready && ok {
			out[id] = e.m.Dir
		}
	}
	return out
}

// Close stops background loads and closes every model's backend.
func (s *ModelSet) Close() error {
	s.cancel()
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for id, e := range s.entries {
		if e.err == nil && e.m != nil {
			errs = append(errs, closeModel(e.m))
		}
		delete(s.entries, id)
	}
	return errors.Join(errs...)
}

// entry returns id's entry with one reference taken, starting its load
// when it is new.
func (s *ModelSet) entry(id [32]byte) *modelEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[id]
	if ok && e.refs == 0 {
		if ready, loaded := e.state(); ready && !loaded {
			ok = false // a failed load: try again
		}
	}
	if !ok {
		e = &modelEntry{ready: make(chan struct{})}
		s.entries[id] = e
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			m, err := s.load(id)
			s.mu.Lock()
			e.m, e.err, e.used = m, err, time.Now()
			close(e.ready)
			s.mu.Unlock()
			s.evict()
		}()
	}
	e.refs++
	e.used = time.Now()
	return e
}

// state says whether e's load has finished and, if so, whether it
// succeeded.
func (e *modelEntry) state() (ready, ok bool) {
	select {
	case <-e.ready:
		return true, e.err == nil
	default:
		return false, false
	}
}

func (s *ModelSet) load(id [32]byte) (*Model, error) {
	start := time.Now()
	s.cfg.Logger.Info("preparing model", "model", fmt.Sprintf("%x", id))
	dir, err := s.cfg.Locate(s.ctx, id)
	if err != nil {
		s.cfg.Logger.Warn("model not prepared", "model", fmt.Sprintf("%x", id), "err", err)
		return nil, fmt.Errorf("%w: %x: %w", ErrModelUnavailable, id[:8], err)
	}
	var p Progress
	if s.cfg.Progress != nil {
		p = s.cfg.Progress(id)
	}
	m, err := LoadModelProgress(dir, s.cfg.Open, p)
	if err == nil && m.ID != id {
		closeModel(m)
		err = fmt.Errorf("folder %s holds model %x", dir, m.ID[:8])
	}
	if err != nil {
		s.cfg.Logger.Warn("model not prepared", "model", fmt.Sprintf("%x", id), "dir", dir, "err", err)
		return nil, fmt.Errorf("%w: %x: %w", ErrModelUnavailable, id[:8], err)
	}
	s.cfg.Logger.Info("model ready", "model", fmt.Sprintf("%x", id), "dir", dir, "seconds", time.Since(start).Seconds())
	return m, nil
}

func (s *ModelSet) release(id [32]byte, e *modelEntry) {
	s.mu.Lock()
	e.refs--
	e.used = time.Now()
	s.mu.Unlock()
	s.evict()
}

// forget drops a failed entry so that the next Acquire loads again.
func (s *ModelSet) forget(id [32]byte, e *modelEntry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.entries[id] == e && e.refs == 0 {
		delete(s.entries, id)
	}
}

// evict closes the least recently used loaded models beyond Keep that no
// window uses.
func (s *ModelSet) evict() {
	s.mu.Lock()
	var victims []*Model
	for {
		var oldest [32]byte
		var oe *modelEntry
		loaded := 0
		for id, e := range s.entries {
			if ready, ok := e.state(); !ready || !ok {
				continue
			}
			loaded++
			if e.refs == 0 && (oe == nil || e.used.Before(oe.used)) {
				oldest, oe = id, e
			}
		}
		if loaded <= s.cfg.Keep || oe == nil {
			break
		}
		delete(s.entries, oldest)
		victims = append(victims, oe.m)
	}
	s.mu.Unlock()
	for _, m := range victims {
		s.cfg.Logger.Info("model unloaded", "model", fmt.Sprintf("%x", m.ID))
		closeModel(m)
	}
}

// closeModel frees a backend that holds more than Go memory (a GPU's).
func closeModel(m *Model) error {
	if c, ok := m.Backend.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
