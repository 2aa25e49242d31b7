#!/usr/bin/env bash
# Tensor-core drift at scale (docs/protocol.md §6.2.1), on the GPU machine
# after `scripts/gpu/cuda_tests.sh prepare` here and with .gpu-in carried:
# rollouts generated with every matrix product on tensor cores
# (--device cuda+split3, ASSAY_CUDA_SPLIT_MIN_ROWS=1) on random bf16 Qwen-shape
# checkpoints and verified at every
# position by the exact CUDA backend, which scripts/gpu/cuda_tests.sh checks
# bit for bit against the CPU engine in the same session. Reports and plots
# land in $OUT.
#
#   scripts/gpu/calibrate_split.sh [split]     (2, 3 or f16x2; default 3)
#
# (f16x2: the two fp16 terms with row scales, --device cuda+f16x2.)
#
# TINYSTORIES=N first runs N rollouts on the real TinyStories checkpoint
# (.gpu-in/shared, as scripts/gpu/cuda_tests.sh prepare copies it) re-stored
# in bf16 without loss (`assay model convert`), the contract's calibration
# on a real checkpoint; PRESETS= (empty) skips the random Qwen shapes;
# Q05_ROLLOUTS / Q15_ROLLOUTS set the presets' rollout counts. SEEDS (words)
# repeats each calibration once per seed text (other prompts and uniforms,
# a report each: calib-NAME-splitS-SEED.json), and LIMIT=N ends the script
# within N seconds (a seed still running then is cut and reports nothing;
# later ones do not start while fewer than MIN_LEFT seconds, default 30,
# remain), so a calibration larger than one device call
# allows adds up over calls with distinct seeds. ONLY_BATCH=B reruns one
# batch size of each seed with the prompts and uniforms of the full run
# (calibrate --only-batch), to re-check a batch that rejected.
set -euo pipefail
cd "$(dirname "$0")/../.."
split=${1:-3}
opt=split$split
[ "$split" = f16x2 ] && opt=f16x2
out=${OUT:-/tmp/out}
mkdir -p "$out"
[ -f .gpu-in/assay.gz ] && gunzip -f .gpu-in/assay.gz
A=$PWD/.gpu-in/assay
[ -f "$out/kernels.ptx" ] && export ASSAY_CUDA_PTX="$out/kernels.ptx"
export ASSAY_CUDA_SPLIT_MIN_ROWS=1
models=${ASSAY_MODELS:-/tmp/assay-models}
mkdir -p "$models"
t0=$(date +%s)
run() { # name model rollouts prompt-max
	local name=$1 dir=$2 n=$3 pmax=$4 seed suffix
	for seed in ${SEEDS:-assay-calibrate}; do
		local left=$((${LIMIT:-86400} - ($(date +%s) - t0)))
		if [ "$left" -lt "${MIN_LEFT:-30}" ]; then
			echo "== $name: seed $seed not started (${LIMIT:-} s limit)" | tee -a "$out/calibrate-split.log"
			continue
		fi
		suffix=
		[ -n "${SEEDS:-}" ] && suffix=-$seed
		echo "== $name: $n rollouts, $opt, seed $seed ($(date -u +%FT%TZ))" | tee -a "$out/calibrate-split.log"
		/usr/bin/time -f "%e s" timeout "$left" "$A" calibrate --model "$dir" --backends "cuda,cuda+$opt" --generators "cuda+$opt" \
			--batches 16,64 --rollouts "$n" --max-new 64 --prompt-max "$pmax" --seed "$seed" ${ONLY_BATCH:+--only-batch "$ONLY_BATCH"} \
			--out "$out/calib-$name-$opt$suffix.json" 2>&1 | grep -v '^calibrate: group' | tee -a "$out/calibrate-split.log" || true
	done
}
# Random bf16 checkpoints of the Qwen shapes (TinyStories stores f32
# weights, which tensor cores cannot take: cuda.Open refuses +split there).
# Budget: on the H200 a 1.5B preset takes ~100 s to generate, and verifying
# 2,048 rollouts of qwen2.5-0.5b took longer than 7 minutes (run 3 of
# 2026-11-30 was cut there), so the defaults are small; raise them where the
# device time allows.
if [ -n "${TINYSTORIES:-}" ]; then
	dir=$models/tinystories-bf16
	[ -f "$dir/config.json" ] || "$A" model convert --model .gpu-in/shared/models/tinystories-656k --dtype bf16 --out "$dir"
	run tinystories-bf16 "$dir" "$TINYSTORIES" 128
fi
for preset in ${PRESETS-qwen2.5-0.5b qwen2.5-1.5b}; do
	dir=$models/assay-$preset
	[ -f "$dir/config.json" ] || "$A" model init --preset "$preset" --out "$dir" >/dev/null
	n=${Q05_ROLLOUTS:-256}
	[ "$preset" = qwen2.5-1.5b ] && n=${Q15_ROLLOUTS:-128}
	[ "$preset" = qwen2.5-7b ] && n=${Q7_ROLLOUTS:-64}
	run "$preset" "$dir" "$n" 64
done
