package network

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assaynet/assay/model"
)

// closingBackend counts Close calls: the set must close a model only once
// no window uses it.
type closingBackend struct {
	model.Backend
	closed *int
	mu     *sync.Mutex
}

func (b closingBackend) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	*b.closed++
	return nil
}

type modelFolders struct {
	dirs  map[[32]byte]string
	mu    sync.Mutex
	asked map[[32]byte]int
	gate  chan struct{} // when set, Locate waits for it
}

func (f *modelFolders) locate(ctx context.Context, id [32]byte) (string, error) {
	f.mu.Lock()
	f.asked[id]++
	gate := f.gate
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	f.mu.Lock()
	d, ok := f.dirs[id]
	f.mu.Unlock()
	if !ok {
		return "", fmt.Errorf("not announced")
	}
	return d, nil
}

func (f *modelFolders) times(id [32]byte) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.asked[id]
}

func tinyModels(t *testing.T, n int) (*modelFolders, [][32]byte) {
	t.Helper()
	f := &modelFolders{dirs: map[[32]byte]string{}, asked: map[[32]byte]int{}}
	var ids [][32]byte
	for i := range n {
		dir := filepath.Join(t.TempDir(), fmt.Sprint(i))
		if err := model.Init(model.InitConfig{Preset: "tiny", Seed: uint64(i + 1), Out: dir}); err != nil {
			t.Fatal(err)
		}
		ck, err := model.OpenCheckpoint(dir)
		if err != nil {
			t.Fatal(err)
		}
		id := ck.ModelID()
		ck.Close()
		f.dirs[id] = dir
		ids = append(ids, id)
	}
	return f, ids
}

func TestModelSet(t *testing.T) {
	folders, ids := tinyModels(t, 3)
	var mu sync.Mutex
	closed := 0
	open := func(ck *model.Checkpoint) (model.Backend, error) {
		b, err := CPU(1)(ck)
		return closingBackend{Backend: b, closed: &closed, mu: &mu}, err
	}
	s := NewModelSet(ModelSetConfig{Locate: folders.locate, Open: open, Keep: 1})
	defer s.Close()
	ctx := context.Background()

	m0, rel0, err := s.Acquire(ctx, ids[0])
	if err != nil || m0.ID != ids[0] {
		t.Fatalf("acquire 0: %v", err)
	}
	// The next model is prepared while the first serves; it is not closed
	// although Keep is 1, nor is the one in use.
	s.Prepare(ids[1])
	m1, rel1, err := s.Acquire(ctx, ids[1])
	if err != nil || m1.ID != ids[1] {
		t.Fatalf("acquire 1: %v", err)
	}
	if n := folders.times(ids[1]); n != 1 {
		t.Fatalf("model 1 located %d times, want once (prepared, then found ready)", n)
	}
	mu.Lock()
	if closed != 0 {
		t.Fatalf("%d models closed while in use", closed)
	}
	mu.Unlock()
	// Released, the least recently used beyond Keep goes.
	rel0()
	rel0() // twice is harmless
	mu.Lock()
	if closed != 1 {
		t.Fatalf("closed %d after releasing model 0, want 1", closed)
	}
	mu.Unlock()
	if got := s.LoadedDirs(); len(got) != 1 || got[ids[1]] == "" {
		t.Fatalf("loaded %v, want only model 1", got)
	}
	rel1()
	// Asked again, an unloaded model is loaded again.
	m0b, rel, err := s.Acquire(ctx, ids[0])
	if err != nil || m0b.ID != ids[0] || m0b == m0 {
		t.Fatalf("reacquire 0: %v", err)
	}
	rel()
}

func TestModelSetErrors(t *testing.T) {
	folders, ids := tinyModels(t, 2)
	ctx := context.Background()
	// A folder holding another model than the id asked for is refused.
	lying := func(ctx context.Context, id [32]byte) (string, error) { return folders.dirs[ids[0]], nil }
	s := NewModelSet(ModelSetConfig{Locate: lying, Open: CPU(1)})
	if _, _, err := s.Acquire(ctx, ids[1]); !errors.Is(err, ErrModelUnavailable) {
		t.Fatalf("a folder with another model: %v, want ErrModelUnavailable", err)
	}
	s.Close()

	// A failed load is tried again.
	s = NewModelSet(ModelSetConfig{Locate: folders.locate, Open: CPU(1)})
	defer s.Close()
	var unknown [32]byte
	unknown[0] = 7
	s.Prepare(unknown)
	if _, _, err := s.Acquire(ctx, unknown); !errors.Is(err, ErrModelUnavailable) {
		t.Fatalf("unannounced model: %v", err)
	}
	folders.mu.Lock()
	folders.dirs[unknown] = folders.dirs[ids[0]] // now "announced", but the folder holds another id
	folders.mu.Unlock()
	before := folders.times(unknown)
	if _, _, err := s.Acquire(ctx, unknown); err == nil || !strings.Contains(err.Error(), "holds model") {
		t.Fatalf("a folder whose id differs: %v", err)
	}
	if folders.times(unknown) != before+1 {
		t.Fatalf("located %d times after %d: a failed load must be tried again", folders.times(unknown), before)
	}

	// Acquire gives up with its context; Close stops a load in flight.
	folders.mu.Lock()
	folders.gate = make(chan struct{})
	folders.mu.Unlock()
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, _, err := s.Acquire(cctx, ids[1]); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("acquire past its deadline: %v", err)
	}
	done := make(chan error)
	go func() { done <- s.Close() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not stop a load in flight")
	}
}
