#!/usr/bin/env bash
# make kill-test: the validator killed with SIGKILL at every step of a
# window, on the embedded defaults (a dev chain, the local beacon, the
# `tiny` model, two honest miners). Each run is started with
# ASSAY_PAUSE_AT=<step> (validator.Config.PauseAt: it stops exactly there,
# logging "paused for a fault test"), killed, and the next run resumes over
# the same data dir: fetching (miners known, no file fetched), verifying (a
# miner verified, nothing stored), decided (stored, not posted), posted
# (posted, the post not recorded). Then a last run decides three windows.
# Exits 0 only if no window was lost (the decided windows run without a
# gap, every killed window among them), every decision is recorded as
# posted, and no window was posted twice.
set -euo pipefail
ASSAY=${1:-bin/assay}
D=${ASSAY_KILL_DIR:-killtest-data}
PORT=${ASSAY_KILL_PORT:-18945}
MPORT=$((PORT + 100))
RUN=$D/run
mkdir -p "$D"
rm -rf "$RUN"
mkdir -p "$RUN/logs"

fail() { echo "kill-test: FAILED: $*" >&2; exit 1; }
. "$(dirname "$0")/demo-lib.sh" # pids, the EXIT trap that stops them, start_chain, key, addr

[ -f "$D/tiny/model.safetensors" ] || $ASSAY model init --preset tiny --out "$D/tiny"
# A stale limit no restart here reaches: every window must be decided.
start_chain --window-length 6 --stale-windows 100 --model "$D/tiny"
COMMON=(--network "$NET" --max-new-tokens 16 --log-format json)
MODEL_DIR=$D/tiny start_miners 2
VAL=(validator run "${COMMON[@]}" --stake 1 --model "$D/tiny" --datadir "$RUN/validator")
decisions() { ls "$RUN/validator/decisions" 2>/dev/null | sed -n 's/window-\([0-9]*\).json/\1/p' | sort -n | tr '\n' ' '; }

killed=()
for step in fetching verifying decided posted; do
  log="$RUN/logs/validator-$step.log"
  : > "$log"
  ASSAY_KEY=$(key 5) ASSAY_PAUSE_AT=$step $ASSAY "${VAL[@]}" > "$log" 2>&1 &
  vpid=$!
  pids+=($vpid)
  for _ in $(seq 1 360); do
    grep -q '"paused for a fault test"' "$log" && break
    kill -0 "$vpid" 2>/dev/null || { tail -20 "$log"; fail "the validator stopped before reaching step $step"; }
    sleep 0.5
  done
  grep -q '"paused for a fault test"' "$log" || { tail -20 "$log"; fail "the validator never reached step $step"; }
  kill -9 "$vpid"
  wait "$vpid" 2>/dev/null || true
  w=$(grep '"paused for a fault test"' "$log" | head -1 | grep -o '"window":[0-9]*' | cut -d: -f2)
  killed+=("$w")
  echo "== killed the validator (kill -9) at step $step of window $w; decisions stored: $(decisions)"
done

echo "== restarted: deciding 3 more windows"
if ! ASSAY_KEY=$(key 5) timeout 300 $ASSAY "${VAL[@]}" --windows 3 > "$RUN/logs/validator-final.log" 2>&1; then
  tail -20 "$RUN/logs/validator-final.log"; fail "the restarted validator did not finish"
fi
ws=($(decisions))
echo "   decisions stored: ${ws[*]}"
[ ${#ws[@]} -ge 4 ] || fail "only ${#ws[@]} windows decided"
for ((i = 1; i < ${#ws[@]}; i++)); do
  [ $((ws[i])) = $((ws[i - 1] + 1)) ] || fail "windows ${ws[i - 1]} and ${ws[i]} decided with a gap between: a window was lost"
done
for w in "${killed[@]}"; do
  [ -f "$RUN/validator/decisions/window-$w.json" ] || fail "window $w, killed, was never decided"
done
for w in "${ws[@]}"; do
  f="$RUN/validator/decisions/window-$w.json"
  grep -q '"posted": true' "$f" || fail "window $w's decision is not recorded as posted"
  n=$($ASSAY chain weights --network "$NET" --window "$w" 2>/dev/null | grep -c "posted by" || true)
  miners=$(grep -c '"address":' "$f" || true)
  [ "$n" -le 1 ] || fail "window $w posted $n times"
  [ "$miners" = 0 ] || [ "$n" = 1 ] || fail "window $w judged $miners miners but has $n posts"
done
echo "kill-test: OK — killed at ${#killed[@]} steps (windows ${killed[*]}), no window lost, each posted once"
