#!/usr/bin/env bash
# Tensor-core drift at scale (docs/protocol.md §6.2.1), on the GPU machine
# after `scripts/gpu/cuda_tests.sh prepare` here and with .gpu-in carried:
# rollouts generated with every matrix product on tensor cores
# (--device cuda+split3, ASSAY_CUDA_SPLIT_MIN_ROWS=1) and verified at every
# position by the exact CUDA backend, which scripts/gpu/cuda_tests.sh checks
# bit for bit against the CPU engine in the same session. Reports and plots
# land in $OUT.
#
#   scripts/gpu/calibrate_split.sh [split]     (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
split=${1:-3}
out=${OUT:-/tmp/out}
mkdir -p "$out"
[ -f .gpu-in/assay.gz ] && gunzip -f .gpu-in/assay.gz
A=$PWD/.gpu-in/assay
[ -f "$out/kernels.ptx" ] && export ASSAY_CUDA_PTX="$out/kernels.ptx"
export ASSAY_CUDA_SPLIT_MIN_ROWS=1
models=${ASSAY_MODELS:-/tmp/assay-models}
mkdir -p "$models"
run() { # name model rollouts prompt-max
	local name=$1 dir=$2 n=$3 pmax=$4
	echo "== $name: $n rollouts, split-$split" | tee -a "$out/calibrate-split.log"
	/usr/bin/time -f "%e s" "$A" calibrate --model "$dir" --backends "cuda,cuda+split$split" --generators "cuda+split$split" \
		--batches 16,64 --rollouts "$n" --max-new 64 --prompt-max "$pmax" \
		--out "$out/calib-$name-split$split.json" 2>&1 | grep -v '^calibrate: group' | tee -a "$out/calibrate-split.log" || true
}
run tinystories .gpu-in/shared/models/tinystories-656k "${TS_ROLLOUTS:-10240}" 128
for preset in qwen2.5-0.5b qwen2.5-1.5b; do
	dir=$models/assay-$preset
	[ -f "$dir/config.json" ] || "$A" model init --preset "$preset" --out "$dir" >/dev/null
	n=${Q05_ROLLOUTS:-2048}
	[ "$preset" = qwen2.5-1.5b ] && n=${Q15_ROLLOUTS:-512}
	run "$preset" "$dir" "$n" 64
done
