#!/usr/bin/env bash
# The tensor-core product alone, in one run on one GPU: the backend's
# cuBLAS products at qwen2.5-1.5b's layer shapes (cuda.BenchmarkTensorGEMM)
# and PyTorch's products at the same shapes
# (gemm_reference.py), with .gpu-in carried:
#
#   OUT=/tmp/out scripts/gpu/gemm.sh    # $OUT/gemm.log, $OUT/gemm-ref.log
#
# BENCHTIME is go test's -benchtime (default 200x).
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/gpu/lib.sh
gpu_env
build_ptx "$out" || { echo "kernels.cu does not compile"; exit 1; }
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gemm.log"
(cd cuda && ../.gpu-in/cuda.test -test.run '^$' -test.bench 'BenchmarkTensorGEMM' -test.benchtime "${BENCHTIME:-200x}" 2>&1) >>"$out/gemm.log"
python3 scripts/gpu/gemm_reference.py >"$out/gemm-ref.log" 2>&1
grep -c '^Benchmark' "$out/gemm.log"
