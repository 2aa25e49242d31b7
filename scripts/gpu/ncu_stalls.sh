#!/usr/bin/env bash
# One kernel's instruction counts and warp stalls: Nsight Compute's
# SourceCounters, WarpStateStats, occupancy and launch sections for KERNEL
# inside BENCH (PTX built with -lineinfo), plus ptxas' registers, spills
# and shared memory for the kernel (on the GPU machine, .gpu-in carried):
#
#   KERNEL=attention_decode BENCH='Forward/decode/batch=16$' SKIP=470 \
#       scripts/gpu/ncu_stalls.sh ASSAY_BENCH_BATCHES=16 ASSAY_CUDA_SPLIT=3
#
# $OUT/ncu-KERNEL.txt holds the report, $OUT/ptxas-KERNEL.txt ptxas' lines.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/gpu/lib.sh
gpu_env
k=${KERNEL:?KERNEL=name}
nvcc -ptx -arch=sm_90 -O3 -fmad=false -lineinfo -o "$out/lineinfo.ptx" cuda/kernels.cu 2>/dev/null || exit 1
nvcc -cubin -arch=sm_90 -O3 -fmad=false -Xptxas -v -o /tmp/kernels.cubin cuda/kernels.cu 2>&1 | grep -A2 "entry function '$k'" >"$out/ptxas-$k.txt"
export ASSAY_CUDA_PTX=$out/lineinfo.ptx ASSAY_BENCH_MODEL=${MODEL:-qwen2.5-1.5b}
model_ready "$ASSAY_BENCH_MODEL" || exit 1
cd cuda
env "$@" ncu --clock-control none --kernel-name "$k" --launch-skip "${SKIP:-0}" --launch-count "${COUNT:-1}" --import-source yes \
	--section SpeedOfLight --section Occupancy --section LaunchStats --section WarpStateStats --section SourceCounters \
	-o "$out/ncu-$k" -f ../.gpu-in/cuda.test -test.run '^$' -test.bench "${BENCH:?BENCH=benchmark pattern}" -test.benchtime "${BENCHTIME:-4x}" >/dev/null 2>&1
ncu -i "$out/ncu-$k.ncu-rep" --print-details all >"$out/ncu-$k.txt" 2>&1
rm -f "$out/ncu-$k.ncu-rep" "$out/lineinfo.ptx"
