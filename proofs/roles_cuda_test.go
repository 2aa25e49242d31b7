//go:build cuda

package proofs

// End-to-end role benchmarks on the GPU (build tag cuda; run through
// scripts/gpu/perf.sh): the miner's real path (continuous batching,
// sketches and log-probabilities on the device, rewards, signatures) and the
// validator's (batched ragged passes, statistics on the device) on the same
// backend and records.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/cuda"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/model/tokenizer"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkRoles: ASSAY_MODELS/assay-ASSAY_BENCH_MODEL (default
// qwen2.5-1.5b), groups of 16 with ASSAY_BENCH_COMPLETION new tokens
// (default 256; a random model never samples EOS, so every rollout runs to
// the cap), ASSAY_BENCH_GROUPS problems (default 8), ASSAY_BENCH_SEQS
// sequences in flight (default "16,64,256"), ASSAY_CUDA_SPLIT tensor cores.
func BenchmarkRoles(b *testing.B) {
	name := os.Getenv("ASSAY_BENCH_MODEL")
	if name == "" {
		name = "qwen2.5-1.5b"
	}
	dir := filepath.Join(os.Getenv("ASSAY_MODELS"), "assay-"+name)
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		b.Skipf("no model at %s (scripts/gpu/perf.sh generates it): %v", dir, err)
	}
	tk, err := tokenizer.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	split := envInt("ASSAY_CUDA_SPLIT", 0)
	if os.Getenv("ASSAY_CUDA_SPLIT") == "0" {
		split = 0
	}
	id := ck.ModelID()
	gpu, err := cuda.Open(ck, cuda.Config{PTXFile: os.Getenv("ASSAY_CUDA_PTX"), TensorSplit: split, Attention: os.Getenv("ASSAY_CUDA_ATTN")})
	ck.Close()
	if err != nil {
		b.Fatal(err)
	}
	defer gpu.(interface{ Close() error }).Close()
	params := DefaultParams
	params.MaxNewTokens = envInt("ASSAY_BENCH_COMPLETION", 256)
	groups := envInt("ASSAY_BENCH_GROUPS", 8)
	key, _ := crypto.ToECDSA(challenge.PRF("bench/miner-key", 32))
	ws := challenge.PRF32("bench/window-seed")
	prover := &Prover{Backend: gpu, Tokenizer: tk, Env: sat.New(sat.DefaultParams), Params: params, ModelID: id,
		Key: key, Window: 1, WindowSeed: ws}
	ctx := context.Background()
	var window [][]*Record
	seqList := os.Getenv("ASSAY_BENCH_SEQS")
	if seqList == "" {
		seqList = "16,64,256"
	}
	for _, f := range strings.Split(seqList, ",") {
		seqs, _ := strconv.Atoi(f)
		b.Run(fmt.Sprintf("miner/seqs=%d", seqs), func(b *testing.B) {
			toks, prompt := 0, 0
			for b.Loop() {
				window = window[:0]
				err := prover.Groups(ctx, 0, seqs, func(j uint64) bool { return j < uint64(groups) }, func(_ uint64, recs []*Record) error {
					window = append(window, recs)
					for _, r := range recs {
						toks += len(r.Completion)
						prompt = len(r.Prompt)
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(groups*params.GroupSize*b.N)/b.Elapsed().Seconds(), "rollouts/s")
			b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tok/s")
			b.ReportMetric(float64(prompt), "prompt-tokens")
		})
	}
	// The same generation without commitments (no sketches, no rewards or
	// signatures): what the commitments cost.
	seqs := envInt("ASSAY_BENCH_RAW_SEQS", 256)
	if os.Getenv("ASSAY_BENCH_RAW") != "0" {
		b.Run(fmt.Sprintf("generate-only/seqs=%d", seqs), func(b *testing.B) {
			_, prompt, _ := Task(prover.Env, tk, ws, crypto.PubkeyToAddress(key.PublicKey), 0)
			ids := make([]int, len(prompt))
			for i, t := range prompt {
				ids[i] = int(t)
			}
			toks := 0
			for b.Loop() {
				err := model.GenerateGroups(ctx, gpu, model.ScheduleConfig{
					GenerateConfig: model.GenerateConfig{MaxNewTokens: params.MaxNewTokens, Sampling: params.Sampling},
					MaxSequences:   seqs,
					Next: func(j int) (model.GroupRequest, bool) {
						return model.GroupRequest{Prompt: ids, N: params.GroupSize, U: func(i, t int) float64 { return float64((i*7919+t*104729+j)%1000) / 1000 }}, j < groups
					},
					Done: func(_ int, rs []model.Rollout) error {
						for _, r := range rs {
							toks += len(r.Tokens)
						}
						return nil
					},
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(groups*params.GroupSize*b.N)/b.Elapsed().Seconds(), "rollouts/s")
			b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tok/s")
		})
	}
	if len(window) == 0 {
		return
	}
	// Every rollout of the last miner run verified, as an opened sample is,
	// and then RolloutsPerGroup of every group (what an opening takes of a
	// group: fewer rollouts share each prompt's prefill).
	v := &Verifier{Backend: gpu, Tokenizer: tk, Env: prover.Env, Params: params, ModelID: id, Window: 1,
		WindowSeed: ws, OpeningSeed: challenge.PRF32("bench/opening-seed")}
	var all, opened []Item
	for _, g := range window {
		for i, r := range g {
			all = append(all, Item{r, g})
			if i < params.RolloutsPerGroup {
				opened = append(opened, Item{r, g})
			}
		}
	}
	for _, c := range []struct {
		name  string
		items []Item
	}{{"all", all}, {"per-group", opened}} {
		b.Run(fmt.Sprintf("validator-%s/rollouts=%d", c.name, len(c.items)), func(b *testing.B) {
			positions, rejected := 0, 0
			var first error
			for b.Loop() {
				// VerifyAll stops at a failure; go on past it to count them.
				for rest := c.items; len(rest) > 0; {
					outs := v.VerifyAll(ctx, rest)
					for _, o := range outs {
						if o.Err != nil {
							rejected++
							first = o.Err
						} else {
							positions += o.Result.Positions
						}
					}
					rest = rest[len(outs):]
				}
			}
			if first != nil {
				b.Logf("%d rejected; last: %v", rejected, first)
			}
			b.ReportMetric(float64(len(c.items)*b.N)/b.Elapsed().Seconds(), "rollouts/s")
			b.ReportMetric(float64(positions)/b.Elapsed().Seconds(), "positions/s")
			b.ReportMetric(float64(rejected)/float64(b.N), "rejected")
		})
	}
}
