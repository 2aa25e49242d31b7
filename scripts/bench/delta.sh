#!/usr/bin/env bash
# Checkpoint delta vs whole fetch over loopback at a preset's size: model A
# (random weights), model B = A with FRACTION of its bf16 weights changed in
# the last mantissa bit (what an RL step at a small learning rate does:
# BENCHMARKS.md measured 2.4% changed at lr 1e-5 on TinyStories). B is served
# with --delta-base A; B is fetched into a cache holding A, and into an empty
# one; curl of B's weights file is the bare-download reference.
# Usage: scripts/bench/delta.sh [PRESET] [FRACTION]   (bin/assay built)
set -euo pipefail
PRESET=${1:-qwen2.5-1.5b}
FRACTION=${2:-0.024}
W=${ASSAY_BENCH_DIR:-/tmp/assay-delta}
A=bin/assay
# REUSE=1 keeps the models of an earlier run (their making takes minutes).
if [ "${REUSE:-0}" = 1 ] && [ -f "$W/b/model.safetensors" ]; then
  rm -rf "$W/patches"
else
rm -rf "$W" && mkdir -p "$W"
$A model init --preset "$PRESET" --out "$W/a" >/dev/null
cp -r "$W/a" "$W/b"
python3 - "$W/b/model.safetensors" "$FRACTION" <<'PY'
import json, mmap, random, struct, sys
path, frac = sys.argv[1], float(sys.argv[2])
with open(path, "r+b") as f:
    n = struct.unpack("<Q", f.read(8))[0]
    start = 8 + n
    m = mmap.mmap(f.fileno(), 0)
    elems = (len(m) - start) // 2
    rng = random.Random(1)
    k = int(elems * frac)
    for i in rng.sample(range(elems), k):
        m[start + 2 * i] ^= 1   # low byte of a little-endian bf16: its last mantissa bit
    m.flush()
print(f"changed {k} of {elems} bf16 weights ({100 * frac:.1f}%)")
PY
fi
IDA=$($A model id --model "$W/a")
IDB=$($A model id --model "$W/b")
t0=$(date +%s.%N)
$A checkpoint serve --listen 127.0.0.1:18998 --delta-base "$W/a" --delta-dir "$W/patches" "$W/b" > "$W/serve.log" 2>&1 &
SP=$!
trap 'kill $SP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q "http://" "$W/serve.log" && break; sleep 0.2; done
t1=$(date +%s.%N)
grep "delta offered\|no delta" "$W/serve.log" | sed 's/^time=[^ ]* //'
echo "server ready (ids, digests, patches): $(awk "BEGIN {print $t1 - $t0}") s"
URL=http://127.0.0.1:18998/$IDB/
for run in 1 2; do
  rm -rf "$W/cache-delta" "$W/cache-full" "$W/curl.bin"
  mkdir -p "$W/cache-delta" && cp -r "$W/a" "$W/cache-delta/$IDA"
  sync
  s=$(date +%s.%N); $A checkpoint fetch --url "$URL" --model-id "$IDB" --model-cache "$W/cache-delta" > /dev/null 2> "$W/fetch-delta.log"; e=$(date +%s.%N)
  d=$(awk "BEGIN {print $e - $s}")
  s=$(date +%s.%N); $A checkpoint fetch --url "$URL" --model-id "$IDB" --model-cache "$W/cache-full" > /dev/null 2> "$W/fetch-full.log"; e=$(date +%s.%N)
  f=$(awk "BEGIN {print $e - $s}")
  s=$(date +%s.%N); curl -sf -o "$W/curl.bin" "${URL}files/model.safetensors"; e=$(date +%s.%N)
  c=$(awk "BEGIN {print $e - $s}")
  echo "run $run: fetch with delta $d s ($(grep -o 'downloaded=[0-9]*' "$W/fetch-delta.log")), whole fetch $f s ($(grep -o 'downloaded=[0-9]*' "$W/fetch-full.log")), curl of the weights $c s"
done
cmp "$W/cache-delta/$IDB/model.safetensors" "$W/b/model.safetensors" && echo "the delta-built folder is the model, byte for byte"
