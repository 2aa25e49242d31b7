package model

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"unsafe"
)

var (
	benchModels sync.Map
)

// benchModel initializes a preset once per process.
func benchModel(b *testing.B, preset string) *CPU {
	if v, ok := benchModels.Load(preset); ok {
		return v.(*CPU)
	}
	dir := filepath.Join(os.TempDir(), "assay-bench-"+preset)
	if preset == "tinystories" { // the real checkpoint, from ../shared
		dir = tinyStories
		if _, err := os.Stat(filepath.Join(dir, "config.json")); err != nil {
			b.Skipf("TinyStories not found at %s (../shared/models): %v", dir, err)
		}
	} else if _, err := os.Stat(filepath.Join(dir, "model.safetensors")); err != nil {
		if err := Init(InitConfig{Preset: preset, Out: dir}); err != nil {
			b.Fatal(err)
		}
	}
	ck, err := OpenCheckpoint(dir)
	if err != nil {
		b.Fatal(err)
	}
	cpu, err := NewCPU(ck, CPUConfig{})
	if err != nil {
		b.Fatal(err)
	}
	ck.Close()
	benchModels.Store(preset, cpu)
	return cpu
}

func benchPrefill(b *testing.B, preset string, n int) {
	cpu := benchModel(b, preset)
	toks := make([]int, n)
	for i := range toks {
		toks[i] = (i*7 + 3) % 256
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, _ := cpu.NewCache(n)
		if _, err := cpu.Forward(b.Context(), []Step{{Cache: c, Tokens: toks}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tok/s")
}

// benchDecode measures one batched decode step of a GRPO group after a
// 32-token prompt.
func benchDecode(b *testing.B, preset string, group int) {
	cpu := benchModel(b, preset)
	prompt := make([]int, 32)
	// Caches of at most the model's context: when they fill, the group
	// starts again from the prompt (off the clock).
	maxLen := min(32+1+b.N, cpu.Config().MaxPositions)
	base, _ := cpu.NewCache(maxLen)
	if _, err := cpu.Forward(b.Context(), []Step{{Cache: base, Tokens: prompt}}); err != nil {
		b.Fatal(err)
	}
	caches := make([]Cache, group)
	fork := func() {
		for i := range caches {
			caches[i], _ = base.Fork()
		}
	}
	fork()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if caches[0].Len() == maxLen {
			b.StopTimer()
			fork()
			b.StartTimer()
		}
		steps := make([]Step, group)
		for g := range steps {
			steps[g] = Step{Cache: caches[g], Tokens: []int{(i + g) % 256}}
		}
		if _, err := cpu.Forward(b.Context(), steps); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(group*b.N)/b.Elapsed().Seconds(), "tok/s")
}

func BenchmarkPrefillTiny128(b *testing.B)        { benchPrefill(b, "tiny", 128) }
func BenchmarkDecodeTinyG16(b *testing.B)         { benchDecode(b, "tiny", 16) }
func BenchmarkPrefillTinyStories128(b *testing.B) { benchPrefill(b, "tinystories", 128) }
func BenchmarkDecodeTinyStoriesG16(b *testing.B)  { benchDecode(b, "tinystories", 16) }
func BenchmarkPrefillQwen05B32(b *testing.B)      { benchPrefill(b, "qwen2.5-0.5b", 32) }
func BenchmarkDecodeQwen05BG1(b *testing.B)       { benchDecode(b, "qwen2.5-0.5b", 1) }
func BenchmarkDecodeQwen05BG16(b *testing.B)      { benchDecode(b, "qwen2.5-0.5b", 16) }

// The same-run baseline: the engine's matmul against a naive triple loop on
// a Qwen2.5-0.5B MLP shape (16 rows × 896 → 4864).
const mmR, mmIn, mmOut = 16, 896, 4864

func mmData() (x, w, out []float32) {
	x = make([]float32, mmR*mmIn)
	w = make([]float32, mmOut*mmIn)
	for i := range x {
		x[i] = float32(i%13) * 0.01
	}
	for i := range w {
		w[i] = float32(i%7) * 0.001
	}
	return x, w, make([]float32, mmR*mmOut)
}

func BenchmarkMatmulEngine(b *testing.B) {
	x, w, out := mmData()
	cpu := &CPU{threads: 0}
	cpu.threads = max(1, cpuThreads())
	for i := 0; i < b.N; i++ {
		cpu.matmul(out, x, w, mmR, mmIn, mmOut, nil)
	}
	b.ReportMetric(2*mmR*mmIn*mmOut*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkMatmulKernels is BenchmarkMatmulEngine's product once per
// kernel this machine can run (the AVX2 kernel on an AVX-512 machine too),
// and the plain-Go order: same shape, threads and loop as CPU.matmul.
func BenchmarkMatmulKernels(b *testing.B) {
	x, w, out := mmData()
	cpu := &CPU{threads: max(1, cpuThreads())}
	goDot := func(w, x *float32, n int) float32 { return matDotGo(unsafe.Slice(w, n), unsafe.Slice(x, n)) }
	for _, k := range append(matDotKernels(), matDotKernel{"go", goDot}) {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				cpu.parallelRange(mmOut, func(lo, hi int) {
					for o := lo; o < hi; o++ {
						wr := w[o*mmIn : (o+1)*mmIn]
						for r := 0; r < mmR; r++ {
							out[r*mmOut+o] = k.fn(&wr[0], &x[r*mmIn], mmIn)
						}
					}
				})
			}
			b.ReportMetric(2*mmR*mmIn*mmOut*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}

func BenchmarkMatmulNaive(b *testing.B) {
	x, w, out := mmData()
	for i := 0; i < b.N; i++ {
		for r := 0; r < mmR; r++ {
			for o := 0; o < mmOut; o++ {
				var s float32
				for k := 0; k < mmIn; k++ {
					s += x[r*mmIn+k] * w[o*mmIn+k]
				}
				out[r*mmOut+o] = s
			}
		}
	}
	b.ReportMetric(2*mmR*mmIn*mmOut*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}
