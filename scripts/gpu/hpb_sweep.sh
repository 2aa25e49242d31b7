#!/usr/bin/env bash
# Attention heads-per-block sweep (cuda.Config.AttentionHeadsPerBlock), on
# the GPU machine after scripts/gpu/perf.sh has built the PTX into $OUT and
# generated the models:
#
#   HPBS='0 6 3 2 1' scripts/gpu/hpb_sweep.sh
#
# split-3 decode at 256 sequences (BenchmarkGenerateBatch) and the
# validator's pass (BenchmarkVerifyPass, 16 rollouts) per value, exact decode
# of one group (BenchmarkGenerateGroup) at 0 and 1 and with the per-head
# kernel; log in $OUT/hpb.log.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/out}
export ASSAY_CUDA_PTX=$out/kernels.ptx ASSAY_MODELS=${ASSAY_MODELS:-/tmp/assay-models} ASSAY_SHARED=$PWD/.gpu-in/shared ASSAY_CUDA_PROFILE=1
cd cuda
bench() {
	echo "== $*" | tee -a "$out/hpb.log"
	env "$@" ../.gpu-in/cuda.test -test.run '^$' -test.bench "$B" -test.benchtime 1x 2>&1 |
		grep -E '^(Benchmark|--- FAIL|panic)|profile: (attention|[0-9.]+ ms of)' | tee -a "$out/hpb.log"
}
for h in ${HPBS:-0 6 3 2 1}; do
	B='GenerateBatch|VerifyPass/device-stats/rollouts=16' bench ASSAY_CUDA_SPLIT=3 ASSAY_CUDA_HPB=$h
done
B=GenerateGroup bench ASSAY_CUDA_SPLIT=0 ASSAY_CUDA_ATTN=head
for h in 0 1; do B=GenerateGroup bench ASSAY_CUDA_SPLIT=0 ASSAY_CUDA_HPB=$h; done
# The crossover: 64 decode rows (128 blocks of the grouped kernel).
if [ -n "${CROSSOVER:-}" ]; then
	B=GenerateBatch bench ASSAY_CUDA_SPLIT=3 ASSAY_BENCH_SEQS=64 ASSAY_CUDA_ATTN=head
	B=GenerateBatch bench ASSAY_CUDA_SPLIT=3 ASSAY_BENCH_SEQS=64 ASSAY_CUDA_HPB=6
	B=GenerateBatch bench ASSAY_CUDA_SPLIT=3 ASSAY_BENCH_SEQS=128 ASSAY_CUDA_ATTN=head
	B=GenerateBatch bench ASSAY_CUDA_SPLIT=3 ASSAY_BENCH_SEQS=128 ASSAY_CUDA_HPB=6
fi
