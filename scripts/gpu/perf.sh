#!/usr/bin/env bash
# The performance issue's GPU run in one command, on the GPU machine with
# .gpu-in carried (`scripts/gpu/cuda_tests.sh prepare` here first):
#
#   TESTS='StatsKernel' BENCH='VerifyPass|GenerateGroup' [ROLES=1] [HF=1] scripts/gpu/perf.sh
#
# 1. rebuilds kernels.ptx with the machine's nvcc (the run tests the .cu
#    source; the PTX lands in $OUT for committing) and generates the preset
#    models once;
# 2. runs the CUDA tests matching TESTS (log: cuda-test.log);
# 3. runs the benchmarks matching BENCH with exact products and again with
#    split-3 tensor cores (log: bench.log; BENCHTIME, default 3x);
# 5. with HF=1, transformers' bf16 generate on the same weights and GPU
#    (hf-speed.json), the same-run reference.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/gpu/lib.sh
gpu_env
t0=$(date +%s)
stamp() { echo "[perf +$(($(date +%s) - t0)) s] $*" | tee -a "$out/perf.log"; }
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.mem --format=csv,noheader | tee -a "$out/perf.log"
build_ptx "$out" || exit 1
for preset in ${PRESETS:-qwen2.5-0.5b qwen2.5-1.5b}; do
	model_ready "$preset"
done
stamp "models ready"
cd cuda
if [ -n "${TESTS:-}" ]; then
	../.gpu-in/cuda.test -test.v -test.run "$TESTS" 2>&1 | tee "$out/cuda-test.log" | grep -E '^(--- |PASS|FAIL|ok|panic)|_test.go' | grep -v '^=== '
	stamp "tests done"
fi
if [ -n "${BENCH:-}" ]; then
	# SPLITS and VARIANTS (attention:mlp, attention auto (empty), group, head
	# or twopass — cuda.Config.Attention —, mlp fused or unfused —
	# cuda.Config.Unfused) list the variants, run in that order;
	# PROFILE=1 adds the per-stage device times.
	for split in ${SPLITS:-0 3}; do
		for variant in ${VARIANTS:-:fused}; do
			IFS=: read -r attn mlp <<<"$variant"
			echo "== ASSAY_CUDA_SPLIT=$split ASSAY_CUDA_ATTN=$attn ASSAY_CUDA_MLP=$mlp" | tee -a "$out/bench.log"
			ASSAY_CUDA_SPLIT=$split ASSAY_CUDA_ATTN=$attn ASSAY_CUDA_MLP=$mlp ASSAY_CUDA_PROFILE=${PROFILE:-0} \
				../.gpu-in/cuda.test -test.run '^$' -test.bench "$BENCH" -test.benchtime "${BENCHTIME:-3x}" 2>&1 |
				grep -E '^(Benchmark|cpu:|--- FAIL|panic|\s+\S+_test.go)' | tee -a "$out/bench.log"
		done
	done
	stamp "benchmarks done"
fi
cd ..
# 4. The roles end to end (proofs' BenchmarkRoles): the miner at several
#    batch sizes and the validator on its records; ROLES_SEQS is a list of
#    split:sequences:groups ("0:16,256:8 3:64,256:16").
if [ -n "${ROLES:-}" ]; then
	for spec in ${ROLES_SEQS:-0:16,256:8 3:64,256:16}; do
		IFS=: read -r split seqs groups <<<"$spec"
		echo "== roles, ASSAY_CUDA_SPLIT=$split, sequences $seqs, $groups groups" | tee -a "$out/roles.log"
		(cd proofs && ASSAY_CUDA_SPLIT=$split ASSAY_CUDA_ATTN=${ROLES_ATTN:-} ASSAY_BENCH_SEQS=$seqs ASSAY_BENCH_GROUPS=$groups ../.gpu-in/proofs.test -test.run '^$' -test.bench Roles -test.benchtime 1x -test.v 2>&1) |
			grep -E '^(Benchmark|cpu:|--- FAIL|panic|\s+\S+_test.go|\s+roles_cuda)' | tee -a "$out/roles.log"
	done
	stamp "roles done"
fi
if [ -n "${HF:-}" ]; then
	PYTHONUNBUFFERED=1 python3 scripts/gpu/hf_cuda_reference.py /nonexistent "$out/hf-speed.json" --speed "$ASSAY_MODELS/assay-qwen2.5-1.5b" --bf16-only >"$out/hf-speed.log" 2>&1
	tail -5 "$out/hf-speed.log" | tee -a "$out/perf.log"
	stamp "transformers done"
fi
