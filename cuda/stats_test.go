//go:build cuda

package cuda

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/assaynet/assay/model"
)

// TestStatsKernel compares the device's per-position statistics
// (Step.Stats) with model.StatsAt on the same pass's logits, in a ragged
// batch of sequences, at temperatures 1 and 0.7; rows without a token and
// unsupported sampling (greedy) must fall back to logits.
func TestStatsKernel(t *testing.T) {
	for _, name := range []string{"tinystories", "qwen2.5-0.5b"} {
		t.Run(name, func(t *testing.T) {
			p := openPair(t, name, false)
			rng := rand.New(rand.NewPCG(5, 5))
			V := p.cfg.VocabSize
			for _, temp := range []float64{1, 0.7} {
				s := model.Sampling{Temperature: temp}
				var seqs [][]int
				var wants [][]int
				for _, n := range []int{1, 37, 120} {
					seqs = append(seqs, randomTokens(rng, n, V))
					w := randomTokens(rng, n, V)
					w[0] = -1 // a prompt row: no statistics
					wants = append(wants, w)
				}
				run := func(stats bool) []model.Output {
					steps := make([]model.Step, len(seqs))
					for i, seq := range seqs {
						c, err := p.gpu.NewCache(len(seq))
						if err != nil {
							t.Fatal(err)
						}
						defer c.Release()
						steps[i] = model.Step{Cache: c, Tokens: seq, All: true, Sampling: s}
						if stats {
							steps[i].Stats = wants[i]
						}
					}
					outs, err := p.gpu.Forward(context.Background(), steps)
					if err != nil {
						t.Fatal(err)
					}
					return outs
				}
				dev, host := run(true), run(false)
				var worst [6]float64
				f32Equal, n := 0, 0
				for i := range seqs {
					if dev[i].Logits != nil || len(dev[i].Stats) != len(seqs[i]) {
						t.Fatalf("sequence %d: %d logit rows and %d statistics, want none and %d", i, len(dev[i].Logits), len(dev[i].Stats), len(seqs[i]))
					}
					for r, tok := range wants[i] {
						got := dev[i].Stats[r]
						if tok < 0 {
							if got != (model.PositionStats{}) {
								t.Fatalf("row without a token has statistics %+v", got)
							}
							continue
						}
						want := model.StatsAt(host[i].Logits[r], s, tok)
						if !got.In {
							t.Fatal("token outside the kept set without truncation")
						}
						g := [6]float64{got.LogProb, got.Lo, got.Hi, got.Entropy, got.Variance, got.TemperedLogProb}
						w := [6]float64{want.LogProb, want.Lo, want.Hi, want.Entropy, want.Variance, want.TemperedLogProb}
						for k := range g {
							d := math.Abs(g[k]-w[k]) / math.Max(1, math.Abs(w[k]))
							if !(d <= 1e-11) {
								t.Fatalf("sequence %d row %d value %d: device %v, StatsAt %v", i, r, k, g[k], w[k])
							}
							worst[k] = math.Max(worst[k], d)
						}
						n++
						if float32(got.LogProb) == float32(want.LogProb) {
							f32Equal++
						}
					}
				}
				t.Logf("T=%g: %d positions; largest relative difference lp %.2g lo %.2g hi %.2g H %.2g var %.2g lpT %.2g; float32(lp) equal at %d",
					temp, n, worst[0], worst[1], worst[2], worst[3], worst[4], worst[5], f32Equal)
			}
			// Greedy is not on the device: logits come back instead.
			c, _ := p.gpu.NewCache(4)
			defer c.Release()
			outs, err := p.gpu.Forward(context.Background(), []model.Step{{Cache: c, Tokens: []int{1, 2, 3}, All: true, Stats: []int{1, 2, 3}}})
			if err != nil {
				t.Fatal(err)
			}
			if outs[0].Stats != nil || len(outs[0].Logits) != 3 {
				t.Fatalf("greedy: %d statistics, %d logit rows; want logits", len(outs[0].Stats), len(outs[0].Logits))
			}
		})
	}
}

// BenchmarkVerifyPass is the validator's forward work for a batch of opened
// rollouts (prompt 200, completion ASSAY_BENCH_COMPLETION, default 256):
// one ragged pass with sketches, per-position statistics on the device
// ("device-stats"), against the previous path in the same run ("host-stats":
// one rollout a pass, every row of logits to the host, StatsAt on all
// cores).
func BenchmarkVerifyPass(b *testing.B) {
	p, comp := benchRollouts(b)
	V := p.cfg.VocabSize
	const promptLen = 200
	s := model.Sampling{Temperature: 1}
	ctx := context.Background()
	rollout := func(rng *rand.Rand) ([]int, []int) {
		seq := randomTokens(rng, promptLen+comp-1, V)
		want := randomTokens(rng, len(seq), V)
		for r := 0; r < promptLen-1; r++ {
			want[r] = -1
		}
		return seq, want
	}
	pass := func(b *testing.B, seqs, wants [][]int, stats bool) []model.Output {
		steps := make([]model.Step, len(seqs))
		for i := range seqs {
			c, err := p.gpu.NewCache(len(seqs[i]))
			if err != nil {
				b.Fatal(err)
			}
			steps[i] = model.Step{Cache: c, Tokens: seqs[i], All: true, Sampling: s, Sketch: &testCoeffs}
			if stats {
				steps[i].Stats = wants[i]
			}
		}
		outs, err := p.gpu.Forward(ctx, steps)
		if err != nil {
			b.Fatal(err)
		}
		for _, st := range steps {
			st.Cache.Release()
		}
		return outs
	}
	for _, batch := range []int{1, 8, 16} {
		b.Run(fmt.Sprintf("device-stats/rollouts=%d", batch), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(2, 2))
			seqs, wants := make([][]int, batch), make([][]int, batch)
			for i := range seqs {
				seqs[i], wants[i] = rollout(rng)
			}
			pass(b, seqs, wants, true) // warm-up: cuBLAS loads its kernels at first use
			p.gpu.(*Backend).KernelTimes()
			for b.Loop() {
				pass(b, seqs, wants, true)
			}
			logKernelTimes(b, p.gpu)
			b.ReportMetric(float64(batch*b.N)/b.Elapsed().Seconds(), "rollouts/s")
			b.ReportMetric(float64(batch*comp*b.N)/b.Elapsed().Seconds(), "positions/s")
		})
	}
	b.Run("host-stats/rollouts=1", func(b *testing.B) {
		rng := rand.New(rand.NewPCG(2, 2))
		seq, want := rollout(rng)
		for b.Loop() {
			outs := pass(b, [][]int{seq}, [][]int{want}, false)
			rows := outs[0].Logits[promptLen-1:]
			var wg sync.WaitGroup
			next := make(chan int, len(rows))
			for r := range rows {
				next <- r
			}
			close(next)
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for r := range next {
						model.StatsAt(rows[r], s, want[promptLen-1+r])
					}
				})
			}
			wg.Wait()
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rollouts/s")
		b.ReportMetric(float64(comp*b.N)/b.Elapsed().Seconds(), "positions/s")
	})
}

// BenchmarkGenerateGroup is the miner's generation of one GRPO group of 16
// (prompt 200, ASSAY_BENCH_COMPLETION new tokens, T = 1, no EOS, sketches
// on the device) through model.GenerateGroup: what verifying a rollout is
// compared with.
func BenchmarkGenerateGroup(b *testing.B) {
	p, comp := benchRollouts(b)
	rng := rand.New(rand.NewPCG(3, 3))
	prompt := randomTokens(rng, 200, p.cfg.VocabSize)
	gc := model.GenerateConfig{MaxNewTokens: comp, Sampling: model.Sampling{Temperature: 1}, Sketch: &testCoeffs}
	warm := gc
	warm.MaxNewTokens = 2
	if _, err := model.GenerateGroup(context.Background(), p.gpu, prompt, 16, warm, rolloutUniform(7)); err != nil {
		b.Fatal(err)
	}
	p.gpu.(*Backend).KernelTimes()
	for b.Loop() {
		if _, err := model.GenerateGroup(context.Background(), p.gpu, prompt, 16, gc, rolloutUniform(7)); err != nil {
			b.Fatal(err)
		}
	}
	logKernelTimes(b, p.gpu)
	b.ReportMetric(float64(16*b.N)/b.Elapsed().Seconds(), "rollouts/s")
	b.ReportMetric(float64(16*comp*b.N)/b.Elapsed().Seconds(), "tok/s")
}

// BenchmarkGenerateBatch is the miner's decode at scale: ASSAY_BENCH_SEQS
// sequences in flight (default 256: 16 groups of 16) through
// model.GenerateGroups with continuous batching, prompt 200,
// ASSAY_BENCH_COMPLETION new tokens, T = 1, sketches on the device;
// ASSAY_BENCH_REPLICAS=n spreads them over n backends of device 0
// (package replicas, as --device cuda:0,cuda:0 does).
func BenchmarkGenerateBatch(b *testing.B) {
	p, comp := benchRollouts(b)
	gen := p.gpu
	if n := envInt("ASSAY_BENCH_REPLICAS"); n > 1 {
		_, gen = openReplicas(b, benchModel(), n, envConfig())
	}
	seqs, _ := strconv.Atoi(os.Getenv("ASSAY_BENCH_SEQS"))
	if seqs <= 0 {
		seqs = 256
	}
	groups := seqs / 16
	rng := rand.New(rand.NewPCG(3, 3))
	prompts := make([][]int, groups)
	for i := range prompts {
		prompts[i] = randomTokens(rng, 200, p.cfg.VocabSize)
	}
	sc := model.ScheduleConfig{
		GenerateConfig: model.GenerateConfig{MaxNewTokens: comp, Sampling: model.Sampling{Temperature: 1}, Sketch: &testCoeffs},
		MaxSequences:   seqs,
		Next: func(j int) (model.GroupRequest, bool) {
			if j >= groups {
				return model.GroupRequest{}, false
			}
			return model.GroupRequest{Prompt: prompts[j], N: 16, U: rolloutUniform(uint64(j))}, true
		},
		Done: func(int, []model.Rollout) error { return nil },
	}
	warm := sc
	warm.MaxNewTokens = 2
	if err := model.GenerateGroups(context.Background(), gen, warm); err != nil {
		b.Fatal(err)
	}
	p.gpu.(*Backend).KernelTimes()
	for b.Loop() {
		if err := model.GenerateGroups(context.Background(), gen, sc); err != nil {
			b.Fatal(err)
		}
	}
	logKernelTimes(b, p.gpu)
	b.ReportMetric(float64(16*groups*b.N)/b.Elapsed().Seconds(), "rollouts/s")
	b.ReportMetric(float64(16*groups*comp*b.N)/b.Elapsed().Seconds(), "tok/s")
}

// logKernelTimes logs the device time per forward stage of the benchmark's
// iterations (ASSAY_CUDA_PROFILE=1), a line per stage, with the share of the
// wall time.
func logKernelTimes(b *testing.B, g model.Backend) {
	kt := g.(*Backend).KernelTimes()
	if len(kt) == 0 {
		return
	}
	wall := b.Elapsed().Seconds() / float64(b.N)
	sum := 0.0
	for _, k := range kt {
		sum += k.Seconds
	}
	b.Logf("profile: %.2f ms of kernels per iteration over %.2f ms wall (%.0f%%)", 1e3*sum/float64(b.N), 1e3*wall, 100*sum/float64(b.N)/wall)
	for _, k := range kt {
		b.Logf("profile: %-18s %8.3f ms %5.1f%% %6d calls, longest %.3f ms", k.Stage, 1e3*k.Seconds/float64(b.N), 100*k.Seconds/float64(b.N)/wall, k.Calls/b.N, 1e3*k.Max)
	}
}

// benchRollouts opens ASSAY_BENCH_MODEL (default qwen2.5-1.5b) on the GPU
// and returns the completion length ASSAY_BENCH_COMPLETION (default 256).
func benchRollouts(b *testing.B) (*pair, int) {
	comp, _ := strconv.Atoi(os.Getenv("ASSAY_BENCH_COMPLETION"))
	if comp <= 0 {
		comp = 256
	}
	return openPair(b, benchModel(), false), comp
}

// benchModel is ASSAY_BENCH_MODEL, qwen2.5-1.5b by default.
func benchModel() string {
	if name := os.Getenv("ASSAY_BENCH_MODEL"); name != "" {
		return name
	}
	return "qwen2.5-1.5b"
}
