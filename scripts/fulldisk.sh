#!/usr/bin/env bash
# make full-disk (in CI): the validator's data dir on a real filesystem that fills
# up (a 16 MiB tmpfs; needs root for mount, skips with a message
# otherwise). On the embedded defaults (a dev chain, the local beacon, the
# `tiny` model, two honest miners): once the validator has decided a few
# windows, a file fills the disk (ENOSPC for every write); after FULL_SECONDS
# (default 20) it is removed. Exits 0 only if the validator said the store
# was failing (log and /healthz), decided no window past the one that
# waited while the disk was full, then went on: the decided windows run
# without a gap, each posted exactly once, and no honest miner was judged
# "committed, but no window file".
set -euo pipefail
ASSAY=${1:-bin/assay}
D=${ASSAY_FULLDISK_DIR:-fulldisk-data}
PORT=${ASSAY_FULLDISK_PORT:-19745}
MPORT=$((PORT + 100))
RUN=$D/run
MNT=$D/store
mkdir -p "$D"
rm -rf "$RUN"
mkdir -p "$RUN/logs" "$MNT"

fail() { echo "full-disk: FAILED: $*" >&2; exit 1; }
. "$(dirname "$0")/demo-lib.sh" # pids, the EXIT trap that stops them, start_chain, key, addr
if ! mount -t tmpfs -o size=16m tmpfs "$MNT" 2>/dev/null; then
  echo "full-disk: skipped: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)"
  exit 0
fi
trap 'cleanup; umount "$MNT" 2>/dev/null || true' EXIT

[ -f "$D/tiny/model.safetensors" ] || $ASSAY model init --preset tiny --out "$D/tiny"
start_chain --window-length 6 --stale-windows 1000 --model "$D/tiny"
COMMON=(--network "$NET" --max-new-tokens 16 --log-format json)
MODEL_DIR=$D/tiny start_miners 2
V=$MNT/validator
HEALTH=127.0.0.1:$((MPORT + 50))
ASSAY_KEY=$(key 5) $ASSAY validator run "${COMMON[@]}" --stake 1 --model "$D/tiny" --datadir "$V" --listen "$HEALTH" \
  > "$RUN/logs/validator.log" 2>&1 &
vpid=$!
pids+=($vpid)
decisions() { ls "$V/decisions" 2>/dev/null | sed -n 's/window-\([0-9]*\).json/\1/p' | sort -n | tr '\n' ' '; }
count() { decisions | wc -w; }
for _ in $(seq 1 240); do [ "$(count)" -ge 3 ] && break; kill -0 $vpid || fail "the validator stopped"; sleep 0.5; done
[ "$(count)" -ge 3 ] || fail "the validator decided fewer than 3 windows before the disk filled"

echo "== decided $(decisions); filling the disk"
dd if=/dev/zero of="$MNT/fill" bs=1M 2>/dev/null || true # ends at ENOSPC
df -h "$MNT" | tail -1
full=$(decisions)
sleep "${FULL_SECONDS:-20}"
# Whichever write the full disk hit first: a decision, its "posted" mark, a kept file.
grep -E '"msg":"(window waits: the data dir cannot be written|posted, but the data dir cannot record it)' "$RUN/logs/validator.log" > "$RUN/store-errors.log" ||
  fail "the validator never said its data dir could not be written"
grep -q 'no space left on device' "$RUN/store-errors.log" || fail "the failure logged is not ENOSPC"
echo "   the validator: $(head -1 "$RUN/store-errors.log" | grep -o '"msg":"[^"]*"')"
health=$(python3 -c 'import sys, urllib.request, urllib.error
try: print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())
except urllib.error.HTTPError as e: print(e.read().decode())' "http://$HEALTH/healthz" || true)
echo "   /healthz while full: $health"
echo "$health" | grep -q '"store failing"' || fail "/healthz did not say the store was failing"
during=$(decisions)
# At most the window that was being stored when the disk filled got through.
[ $(( $(echo "$during" | wc -w) - $(echo "$full" | wc -w) )) -le 1 ] || fail "windows decided while the disk was full: $full → $during"
rm -f "$MNT/fill"
echo "== disk freed after ${FULL_SECONDS:-20} s (decided then: $during); the validator goes on"
target=$(( $(count) + 4 ))
posted() { grep -l '"posted": true' "$V"/decisions/*.json 2>/dev/null | wc -l; }
for _ in $(seq 1 240); do [ "$(posted)" -ge $target ] && break; kill -0 $vpid || fail "the validator stopped"; sleep 0.5; done
[ "$(posted)" -ge $target ] || fail "only $(posted) windows posted after the disk was freed (want $target)"
ws=($(decisions))
[ ${#ws[@]} -ge $target ] || fail "only ${#ws[@]} windows decided after the disk was freed (want $target)"
for ((i = 1; i < ${#ws[@]}; i++)); do
  [ $((ws[i])) = $((ws[i - 1] + 1)) ] || fail "windows ${ws[i - 1]} and ${ws[i]} decided with a gap between: a window was lost"
done
kill $vpid; wait $vpid 2>/dev/null || true
ws=($(decisions)) # a window decided after the last posted one may be unposted: judge the posted ones
while [ ${#ws[@]} -gt 0 ] && ! grep -q '"posted": true' "$V/decisions/window-${ws[-1]}.json"; do unset 'ws[-1]'; done
for w in "${ws[@]}"; do
  f="$V/decisions/window-$w.json"
  grep -q '"posted": true' "$f" || fail "window $w's decision is not recorded as posted"
  grep -q 'committed, but no window file' "$f" && fail "window $w judged a committed miner missing"
  n=$($ASSAY chain weights --network "$NET" --window "$w" 2>/dev/null | grep -c "posted by" || true)
  [ "$n" = 1 ] || fail "window $w has $n posts on chain, want exactly 1"
done
echo "full-disk: OK — disk full for ${FULL_SECONDS:-20} s: the validator waited (ENOSPC logged, /healthz 'store failing'), then decided windows ${ws[0]}–${ws[-1]} without a gap, each posted once, no committed miner judged missing"
