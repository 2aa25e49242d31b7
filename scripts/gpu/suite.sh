#!/usr/bin/env bash
# One GPU session's measurements in one command, on the GPU machine with
# .gpu-in carried (`[BASE=<commit>] scripts/gpu/cuda_tests.sh prepare` here):
#
#   1. the CUDA test suite (parity with the CPU engine and transformers,
#      the sampler across backends, every tiling, the sketch kernel, faults;
#      ~5.5 min on the H200, after ~2 min generating the preset models),
#      with CALIBRATE=1 while scripts/gpu/calibrate_split.sh measures
#      tensor-core drift on the same GPU (neither is timed; the calibration
#      is long: see its budget note);
#   2. benchmarks: exact products (auto tiling, and w1x2 forced at batch 1),
#      tensor-core split-3, and, when .gpu-in/cuda-base.test exists, the
#      BASE commit's decode for a before/after in the same run;
#   3. transformers' generate on the same GPU and weights (bf16), the
#      reference BENCHMARKS.md compares against.
#
#   scripts/gpu/suite.sh [go test -run pattern]
# Everything lands in $OUT: cuda-test.log, calibrate-split.log and its JSON,
# bench.log, hf-speed.json, kernels.ptx (this machine's nvcc build of
# cuda/kernels.cu, the one every step used).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/out}
mkdir -p "$out"
export ASSAY_MODELS=${ASSAY_MODELS:-/tmp/assay-models}
tests=${1:-'SketchKernel|Parity|Golden|Faults|Sampler|Tilings'}
t0=$(date +%s)
stamp() { echo "[suite +$(($(date +%s) - t0)) s] $*" | tee -a "$out/suite.log"; }

# The preset models first, so the tests and the calibration never race to
# write them; the calibration waits for this machine's PTX.
[ -f .gpu-in/assay.gz ] && gunzip -f .gpu-in/assay.gz
for preset in qwen2.5-0.5b qwen2.5-1.5b; do
	dir=$ASSAY_MODELS/assay-$preset
	[ -f "$dir/config.json" ] || .gpu-in/assay model init --preset "$preset" --out "$dir" >/dev/null
done
stamp "tests: $tests"
scripts/gpu/cuda_tests.sh remote -test.run "$tests" >/dev/null 2>&1 &
tpid=$!
while [ ! -f "$out/kernels.ptx" ] && kill -0 $tpid 2>/dev/null; do sleep 2; done
if [ -n "${CALIBRATE:-}" ]; then
	stamp "calibration (tensor cores, split-3)"
	scripts/gpu/calibrate_split.sh 3 >/dev/null 2>&1
	stamp "calibration done"
fi
wait $tpid
stamp "tests done: $(grep -cE '^--- FAIL' "$out/cuda-test.log") failed"
grep -E '^(--- |PASS|FAIL|ok)' "$out/cuda-test.log" | grep -v '    ---' | tee -a "$out/suite.log"

export ASSAY_CUDA_PTX=$out/kernels.ptx ASSAY_SHARED=$PWD/.gpu-in/shared
bench() { # label, then env assignments and the binary's arguments
	local label=$1
	shift
	echo "== $label" >>"$out/bench.log"
	(cd cuda && env "$@" -test.run '^$' -test.benchtime 5x 2>&1) | grep -E '^(Benchmark|cpu:)' >>"$out/bench.log"
}
stamp "benchmarks"
# Exact prefill of 16 and 64 prompts takes 10 and 35 s a pass: batch 1 only.
bench "exact, auto tiling" ../.gpu-in/cuda.test -test.bench 'Forward/decode'
bench "exact, auto tiling" ../.gpu-in/cuda.test -test.bench 'Forward/prefill/batch=1$'
bench "exact, w1x2 forced (the previous batch-1 choice)" ASSAY_CUDA_TILE=w1x2 ../.gpu-in/cuda.test -test.bench 'Forward/decode/batch=1$'
bench "tensor cores, split-3" ASSAY_CUDA_SPLIT=3 ../.gpu-in/cuda.test -test.bench Forward
if [ -x .gpu-in/cuda-base.test ]; then
	bench "base commit (embedded PTX), decode" ASSAY_CUDA_PTX= ../.gpu-in/cuda-base.test -test.bench 'Forward/decode'
fi
cat "$out/bench.log" >>"$out/suite.log"
stamp "transformers reference"
python3 scripts/gpu/hf_cuda_reference.py /nonexistent "$out/hf-speed.json" --speed "$ASSAY_MODELS/assay-qwen2.5-1.5b" --bf16-only >"$out/hf-speed.log" 2>&1
tail -5 "$out/hf-speed.log" | tee -a "$out/suite.log"
stamp "done"
# At most 8 files come back from the machine: the small ones travel as one.
(cd "$out" && tar czf extra.tar.gz gpu.txt hf-speed.log calib-*.json 2>/dev/null && rm -f gpu.txt hf-speed.log calib-*.json)
ls "$out"
