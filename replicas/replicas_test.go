package replicas

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/sketch"
)

// tinyCPUs opens n CPU engines on one random tiny checkpoint.
func tinyCPUs(t *testing.T, n int) []model.Backend {
	t.Helper()
	dir := t.TempDir()
	if err := model.Init(model.InitConfig{Preset: "tiny", Seed: 7, Out: dir}); err != nil {
		t.Fatal(err)
	}
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	bs := make([]model.Backend, n)
	for i := range bs {
		if bs[i], err = model.NewCPU(ck, model.CPUConfig{Threads: 1}); err != nil {
			t.Fatal(err)
		}
	}
	return bs
}

// counting records how many steps a part was given.
type counting struct {
	model.Backend
	steps atomic.Int64
	fail  error
}

func (c *counting) Forward(ctx context.Context, steps []model.Step) ([]model.Output, error) {
	c.steps.Add(int64(len(steps)))
	if c.fail != nil {
		return nil, c.fail
	}
	return c.Backend.Forward(ctx, steps)
}

// otherConfig is a backend claiming another model's configuration.
type otherConfig struct {
	model.Backend
	cfg *model.Config
}

func (o otherConfig) Config() *model.Config { return o.cfg }

func uniform(seed uint64) model.Uniform {
	return func(rollout, t int) float64 {
		return rand.New(rand.NewPCG(seed, uint64(rollout)<<32|uint64(t))).Float64()
	}
}

// generate runs 6 groups of 4 through model.GenerateGroups on b.
func generate(t *testing.T, b model.Backend) [][]model.Rollout {
	t.Helper()
	coeffs := sketch.Coefficients{}
	for i := range coeffs {
		coeffs[i] = int8(i%5 - 2)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const groups = 6
	prompts := make([][]int, groups)
	for i := range prompts {
		prompts[i] = make([]int, 5+i*3)
		for k := range prompts[i] {
			prompts[i][k] = rng.IntN(b.Config().VocabSize)
		}
	}
	out := make([][]model.Rollout, groups)
	err := model.GenerateGroups(context.Background(), b, model.ScheduleConfig{
		GenerateConfig: model.GenerateConfig{MaxNewTokens: 12, Sampling: model.Sampling{Temperature: 1}, Sketch: &coeffs},
		MaxSequences:   12, // three groups in flight: new groups start as old ones finish
		Next: func(j int) (model.GroupRequest, bool) {
			if j >= groups {
				return model.GroupRequest{}, false
			}
			return model.GroupRequest{Prompt: prompts[j], N: 4, U: uniform(uint64(j))}, true
		},
		Done: func(j int, rs []model.Rollout) error { out[j] = rs; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSpreadMatchesOne generates the same groups on one CPU engine and on
// three replicas of it: the rollouts (tokens, log-probabilities, margins,
// sketches) must be identical, since the CPU engine's results do not depend
// on the batch, and every replica must have run part of the work.
func TestSpreadMatchesOne(t *testing.T) {
	bs := tinyCPUs(t, 4)
	want := generate(t, bs[0])
	parts := []*counting{{Backend: bs[1]}, {Backend: bs[2]}, {Backend: bs[3]}}
	r, err := New([]model.Backend{parts[0], parts[1], parts[2]})
	if err != nil {
		t.Fatal(err)
	}
	got := generate(t, r)
	if !reflect.DeepEqual(got, want) {
		t.Fatal("rollouts on three replicas differ from one backend's")
	}
	for i, p := range parts {
		if p.steps.Load() == 0 {
			t.Errorf("replica %d ran no steps", i)
		}
	}
	for i, n := range r.live {
		if n != 0 {
			t.Errorf("replica %d: %d caches still counted live after generation", i, n)
		}
	}
}

// TestNewCacheBalances places caches on the least-loaded part, keeps forks
// on their parent's part and counts a double release once.
func TestNewCacheBalances(t *testing.T) {
	r, err := New(tinyCPUs(t, 2))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := r.NewCache(32)
	b, _ := r.NewCache(32)
	if a.(*cache).part == b.(*cache).part {
		t.Fatal("two caches on one of two idle parts")
	}
	f, err := a.Fork()
	if err != nil {
		t.Fatal(err)
	}
	if f.(*cache).part != a.(*cache).part {
		t.Fatal("fork left its parent's part")
	}
	c, _ := r.NewCache(32) // a's part holds 2, b's 1
	if c.(*cache).part != b.(*cache).part {
		t.Fatal("new cache not on the least-loaded part")
	}
	for _, x := range []model.Cache{a, f, f, b, c, c} {
		x.Release()
	}
	if r.live[0] != 0 || r.live[1] != 0 {
		t.Fatalf("live caches after releases: %v", r.live)
	}
}

func TestErrors(t *testing.T) {
	bs := tinyCPUs(t, 3)
	t.Run("no parts", func(t *testing.T) {
		if _, err := New(nil); err == nil {
			t.Fatal("New(nil) succeeded")
		}
	})
	t.Run("mixed models", func(t *testing.T) {
		cfg := *bs[1].Config()
		cfg.Layers++
		if _, err := New([]model.Backend{bs[0], otherConfig{bs[1], &cfg}}); !errors.Is(err, ErrMixed) {
			t.Fatalf("mixed models: %v, want ErrMixed", err)
		}
	})
	t.Run("foreign cache", func(t *testing.T) {
		r, _ := New(bs[:2])
		c, _ := bs[2].NewCache(8)
		if _, err := r.Forward(context.Background(), []model.Step{{Cache: c, Tokens: []int{1}}}); err == nil {
			t.Fatal("a part's own cache accepted")
		}
	})
	t.Run("failing part", func(t *testing.T) {
		boom := errors.New("device lost")
		r, _ := New([]model.Backend{&counting{Backend: bs[0]}, &counting{Backend: bs[1], fail: boom}})
		a, _ := r.NewCache(8)
		b, _ := r.NewCache(8)
		_, err := r.Forward(context.Background(), []model.Step{{Cache: a, Tokens: []int{1}}, {Cache: b, Tokens: []int{2}}})
		if !errors.Is(err, boom) || !strings.Contains(err.Error(), "backend 1") {
			t.Fatalf("failing part: %v, want the part's error naming backend 1", err)
		}
	})
	t.Run("released cache", func(t *testing.T) {
		r, _ := New(bs[:2])
		c, _ := r.NewCache(8)
		c.Release()
		if _, err := r.Forward(context.Background(), []model.Step{{Cache: c, Tokens: []int{1}}}); err == nil {
			t.Fatal("a released cache accepted")
		}
	})
}
