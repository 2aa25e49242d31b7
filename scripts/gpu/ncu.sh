#!/usr/bin/env bash
# Nsight Compute's report, as text on stdout, of chosen kernels inside one
# CUDA benchmark (on the GPU machine, .gpu-in carried; kernels.ptx rebuilt
# from the .cu source where nvcc is):
#
#   KERNELS=regex:attention BENCH='Forward/decode/batch=1$' SKIP=60 COUNT=3 \
#       scripts/gpu/ncu.sh ASSAY_CUDA_ATTN=twopass ASSAY_BENCH_BATCHES=1
#
# SKIP launches of the matching kernels are passed over first (the
# benchmark's set-up prefills), then COUNT are profiled. Arguments are
# environment settings for the benchmark. PTXAS=1 first prints ptxas'
# registers, spills and shared memory per kernel. Clocks are left alone
# (--clock-control none: /work/.library/device/METHOD.md).
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/gpu/lib.sh
gpu_env
build_ptx "$out" >&2 || exit 1
if [ "${PTXAS:-0}" = 1 ]; then
	nvcc -cubin -arch=sm_90 -O3 -fmad=false -Xptxas -v -o "$out/kernels.cubin" cuda/kernels.cu 2>&1 |
		grep -A2 "Compiling entry function '${PTXAS_KERNELS:-attention}" || true
	rm -f "$out/kernels.cubin"
fi
export ASSAY_BENCH_MODEL=${MODEL:-qwen2.5-1.5b}
model_ready "$ASSAY_BENCH_MODEL" || exit 1
cd cuda
env "$@" ncu --clock-control none --kernel-name "${KERNELS:?KERNELS=regex:…}" --launch-skip "${SKIP:-0}" --launch-count "${COUNT:-3}" \
	--section SpeedOfLight --section Occupancy --section LaunchStats --section WarpStateStats --section MemoryWorkloadAnalysis \
	../.gpu-in/cuda.test -test.run '^$' -test.bench "${BENCH:?BENCH=benchmark pattern}" -test.benchtime "${BENCHTIME:-4x}"
