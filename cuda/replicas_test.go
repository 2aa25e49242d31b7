//go:build cuda

package cuda

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"

	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/replicas"
)

// openReplicas opens n backends of one checkpoint on device 0 (what
// --device cuda:0,cuda:0 does) and returns them spread, with one more
// backend alone for comparison.
func openReplicas(t testing.TB, name string, n int, c Config) (alone model.Backend, spread *replicas.Backend) {
	ck, err := model.OpenCheckpoint(modelDir(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	c.PTXFile = os.Getenv("ASSAY_CUDA_PTX")
	open := func() model.Backend {
		g, err := Open(ck, c)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { g.(*Backend).Close() })
		return g
	}
	alone = open()
	parts := make([]model.Backend, n)
	for i := range parts {
		parts[i] = open()
	}
	if spread, err = replicas.New(parts); err != nil {
		t.Fatal(err)
	}
	return alone, spread
}

// replicaGroups generates groups of 16 (prompts of 40–110 tokens, 48 new
// tokens, T = 1, sketches) with up to 64 sequences in flight.
func replicaGroups(t testing.TB, b model.Backend, groups int) [][]model.Rollout {
	rng := rand.New(rand.NewPCG(5, 5))
	prompts := make([][]int, groups)
	for i := range prompts {
		prompts[i] = randomTokens(rng, 40+rng.IntN(70), b.Config().VocabSize)
	}
	out := make([][]model.Rollout, groups)
	err := model.GenerateGroups(context.Background(), b, model.ScheduleConfig{
		GenerateConfig: model.GenerateConfig{MaxNewTokens: 48, Sampling: model.Sampling{Temperature: 1}, Sketch: &testCoeffs},
		MaxSequences:   64,
		Next: func(j int) (model.GroupRequest, bool) {
			if j >= groups {
				return model.GroupRequest{}, false
			}
			return model.GroupRequest{Prompt: prompts[j], N: 16, U: rolloutUniform(uint64(j))}, true
		},
		Done: func(j int, rs []model.Rollout) error { out[j] = rs; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReplicasAgree generates the same groups on one backend and on two
// and three backends of the same device spread by package replicas: with
// exact products the rollouts are identical, since no result depends on
// the batch a pass is given.
func TestReplicasAgree(t *testing.T) {
	for _, name := range []string{"tiny", "qwen2.5-0.5b"} {
		for _, n := range []int{2, 3} {
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				if testing.Short() && name != "tiny" {
					t.Skip("large shapes skipped in -short")
				}
				alone, spread := openReplicas(t, name, n, Config{})
				want := replicaGroups(t, alone, 8)
				got := replicaGroups(t, spread, 8)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("rollouts spread over %d backends differ from one backend's", n)
				}
				t.Logf("%s: 8 groups of 16 identical on 1 and %d backends", name, n)
			})
		}
	}
}
