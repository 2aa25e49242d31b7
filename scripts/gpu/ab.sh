#!/usr/bin/env bash
# Same-run comparisons on the GPU machine (.gpu-in carried): the CUDA tests
# matching $TESTS once, then scripts/gpu/bench.sh once per configuration,
# each a label and bench.sh's variables:
#
#   TESTS='TestGraphsAgree' MODEL=qwen2.5-1.5b DECODE_BATCHES="1 16" \
#     scripts/gpu/ab.sh graphs:GRAPHS=1 launches:GRAPHS=0 profile:PROFILE=1
#
# GEN_SEQS, VERIFY, ROLES and HF default to off here (set them to run
# those parts). The device tool returns at most 8 files, so everything is
# concatenated into $OUT/ab.log (tests, every table and benchmark log);
# $OUT/kernels.ptx is the machine's nvcc build of cuda/kernels.cu that
# every step used.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/out}
mkdir -p "$out"
export ASSAY_MODELS=${ASSAY_MODELS:-/tmp/assay-models}
export GEN_SEQS=${GEN_SEQS-} VERIFY=${VERIFY:-0} ROLES=${ROLES:-0} HF=${HF:-0}
log=$out/ab.log
t0=$(date +%s)
stamp() { echo "[ab +$(($(date +%s) - t0)) s] $*" | tee -a "$log"; }
. scripts/gpu/lib.sh
[ -f .gpu-in/assay.gz ] && gunzip -f .gpu-in/assay.gz
build_ptx "$out" || { echo "kernels.cu does not compile" | tee -a "$log"; exit 1; }
stamp "ptx built"
if [ -n "${TESTS:-}" ]; then
	export ASSAY_SHARED="$PWD/.gpu-in/shared"
	mkdir -p "$ASSAY_MODELS"
	(cd cuda && ../.gpu-in/cuda.test -test.v -test.run "$TESTS" 2>&1) >"$out/tests.log"
	grep -E '^(--- |    --- |PASS|FAIL|ok|panic)|_test.go:' "$out/tests.log" | tee -a "$log"
	stamp "tests done"
fi
for cfg in "$@"; do
	label=${cfg%%:*}
	vars=${cfg#*:}
	[ "$vars" = "$cfg" ] && vars=
	stamp "bench $label ($vars)"
	# The tests ran once above: not again in every configuration.
	(IFS=,; env -u TESTS $vars OUT="$out/$label" scripts/gpu/bench.sh) >>"$log" 2>&1
done
stamp "done"
for f in "$out"/*/ "$out"/tests.log; do rm -rf "$f"; done
