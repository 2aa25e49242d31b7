#!/usr/bin/env bash
# The performance issue's standard GPU suite for one model, and its table
# (scripts/gpu/table.py). `make bench-gpu` runs it where Go and a GPU are on
# one machine; with the build and the GPU on two (the device tool), build
# with `make gpu-in` here and run this script there with .gpu-in carried.
#
#   MODEL=qwen2.5-1.5b COMPLETION=1024 scripts/gpu/bench.sh
#
# In one run, on the same binary, weights and GPU: the decode step at
# DECODE_BATCHES (BenchmarkForward), the miner's continuous-batching decode
# at GEN_SEQS sequences (BenchmarkGenerateBatch), the validator's pass
# (BenchmarkVerifyPass), the roles end to end (BenchmarkRoles: the miner
# with and without commitments ROLES_COUNT times, interleaved, then the
# validator), transformers' bf16 generate at HF_BATCHES (HF=0 skips it) and
# the copy bandwidth. SPLIT is the default fast mode (split-3 tensor cores).
# DECODE=0, VERIFY=0, ROLES=0, HF=0 or GEN_SEQS= leave a part out; TESTS
# runs those CUDA tests first; PROFILE=1 logs the per-stage device times;
# ATTN forces an attention kernel (cuda.Config.Attention: head, group,
# twopass; empty lets the backend choose by the pass); GRAPHS=0 launches
# every kernel instead of replaying CUDA graphs (cuda.Config.NoGraphs).
# Logs and bench.json go to $OUT; the table is printed and written to
# $OUT/table.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/gpu/lib.sh
out=${OUT:-/tmp/out}
mkdir -p "$out"
model=${MODEL:-qwen2.5-1.5b}
comp=${COMPLETION:-1024}
split=${SPLIT:-3}
export ASSAY_MODELS=${ASSAY_MODELS:-/tmp/assay-models} ASSAY_SHARED=$PWD/.gpu-in/shared
export ASSAY_BENCH_MODEL=$model ASSAY_BENCH_COMPLETION=$comp ASSAY_CUDA_SPLIT=$split ASSAY_CUDA_PROFILE=${PROFILE:-0} ASSAY_CUDA_ATTN=${ATTN:-} ASSAY_CUDA_GRAPHS=${GRAPHS:-1}
bin=.gpu-in
t0=$(date +%s)
stamp() { echo "[bench +$(($(date +%s) - t0)) s] $*" | tee -a "$out/bench-steps.log"; }
[ -f $bin/assay.gz ] && gunzip -f $bin/assay.gz
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gpu.txt"
build_ptx "$out" || exit 1
dir=$ASSAY_MODELS/assay-$model
if [ ! -f "$dir/config.json" ]; then
	s=$(date +%s%N)
	$bin/assay model init --preset "$model" --out "$dir" >/dev/null || exit 1
	echo "model init $model: $((($(date +%s%N) - s) / 1000000)) ms, $(du -sb "$dir/model.safetensors" | cut -f1) bytes" | tee -a "$out/bench-steps.log"
fi
stamp "model ready"
if [ -n "${TESTS:-}" ]; then # CUDA tests first, same binary (log cuda-test.log)
	(cd cuda && ../$bin/cuda.test -test.v -test.run "$TESTS" 2>&1) >"$out/cuda-test.log"
	grep -E '^(--- |PASS|FAIL|ok|panic)|_test.go:' "$out/cuda-test.log" | tail -40
	stamp "tests done"
fi
log=$out/bench.log
: >"$log"
bench() { # package, benchmark pattern, benchtime, extra env...
	local pkg=$1 pat=$2 bt=$3
	shift 3
	echo "== $pkg $pat $*" >>"$log"
	(cd "$pkg" && env "$@" "../$bin/$pkg.test" -test.run '^$' -test.bench "$pat" -test.benchtime "$bt" -test.v 2>&1) |
		grep -E '^(Benchmark|--- FAIL|panic|\s+\S+_test.go)' | tee -a "$log"
}
[ "${DECODE:-1}" = 1 ] && bench cuda 'Forward/decode' 64x ASSAY_BENCH_BATCHES="${DECODE_BATCHES:-1 16 64}"
stamp "decode done"
for s in ${GEN_SEQS-16 64 256}; do
	bench cuda GenerateBatch 1x ASSAY_BENCH_SEQS="$s"
done
stamp "generate done"
[ "${VERIFY:-1}" = 1 ] && bench cuda 'VerifyPass/device-stats/rollouts=16' 3x
stamp "verify done"
if [ "${ROLES:-1}" = 1 ]; then
	echo "== proofs Roles" >>"$log"
	(cd proofs && ASSAY_BENCH_SEQS=${ROLES_SEQS:-256} ASSAY_BENCH_RAW_SEQS=${ROLES_SEQS:-256} ASSAY_BENCH_GROUPS=${ROLES_GROUPS:-16} \
		../$bin/proofs.test -test.run '^$' -test.bench Roles -test.benchtime 1x -test.count "${ROLES_COUNT:-2}" -test.v 2>&1) |
		grep -E '^(Benchmark|--- FAIL|panic|\s+\S+_test.go)' | tee -a "$log"
	stamp "roles done"
fi
if [ "${HF:-1}" = 1 ]; then
	HF_NEW=$comp HF_BATCHES=${HF_BATCHES:-256} PYTHONUNBUFFERED=1 python3 scripts/gpu/hf_cuda_reference.py /nonexistent "$out/hf-speed.json" \
		--speed "$dir" --bf16-only >"$out/hf-speed.log" 2>&1 || tail -5 "$out/hf-speed.log"
	stamp "transformers done"
fi
python3 scripts/gpu/table.py --model-dir "$dir" --log "$log" --hf "$out/hf-speed.json" --completion "$comp" \
	--gpu "$(cat "$out/gpu.txt")" | tee "$out/table.md"
