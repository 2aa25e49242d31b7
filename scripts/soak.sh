#!/usr/bin/env bash
# make soak: kill -9 at random moments over many windows, on the embedded
# defaults (a dev chain, the local beacon, the `tiny` model): two honest
# miners, one cheater (another model claiming the network's), one
# validator. For SOAK_SECONDS (default 600) a victim drawn at random — the
# validator half the time, else one of the miners — is killed with SIGKILL
# after a random 1–12 s and restarted over the same data after a random
# 0–3 s; the draws come from SOAK_SEED (printed), so a failing run can be
# repeated. Then the validator runs undisturbed until it has caught up.
#
# Exits 0 only if
#   - no window was lost: the decided windows run without a gap from the
#     first to the last (the stale limit is set past the run's length);
#   - every decision is recorded as posted, and posted on chain exactly once;
#   - a crash never turned into a verdict: an honest miner is paid or
#     "missing" in every window, never failed for a verification reason
#     (a miner killed mid-window must leave no file that fails), and every
#     run of it that committed a file in a decided window was paid in one
#     (the share of committed windows paid is printed: a miner down while
#     the validator fetched is "missing", which is fair);
#   - the cheater is paid in no window and fails for a verification reason
#     in at least one;
#   - an auditor's replay agrees with every decided window's posted weights
#     (SOAK_AUDIT=0 skips it).
set -euo pipefail
ASSAY=${1:-bin/assay}
D=${ASSAY_SOAK_DIR:-soak-data}
PORT=${ASSAY_SOAK_PORT:-19345}
MPORT=$((PORT + 100))
SECONDS_TOTAL=${SOAK_SECONDS:-600}
SEED=${SOAK_SEED:-$(date +%s)}
RUN=$D/run
mkdir -p "$D"
rm -rf "$RUN"
mkdir -p "$RUN/logs"

fail() { echo "soak: FAILED (seed $SEED): $*" >&2; exit 1; }
. "$(dirname "$0")/demo-lib.sh" # pids, the EXIT trap that stops them, start_chain, key, addr

[ -f "$D/tiny/model.safetensors" ] || $ASSAY model init --preset tiny --out "$D/tiny"
[ -f "$D/tiny-other/model.safetensors" ] || $ASSAY model init --preset tiny --seed 1 --out "$D/tiny-other"
start_chain --window-length 6 --stale-windows 1000 --model "$D/tiny"
COMMON=(--network "$NET" --max-new-tokens 16 --log-format json)
RANDOM=$SEED
echo "== soak: ${SECONDS_TOTAL} s of random kill -9, seed $SEED (SOAK_SEED=$SEED repeats the draws)"

# Each role's command line and its current pid (by name).
declare -A cmd pid runs
cmd[miner1]="miner start ${COMMON[*]} --model $D/tiny --store $RUN/miner1 --listen 127.0.0.1:$((MPORT + 1)) --max-groups 2"
cmd[miner2]="miner start ${COMMON[*]} --model $D/tiny --store $RUN/miner2 --listen 127.0.0.1:$((MPORT + 2)) --max-groups 2"
cmd[cheater]="miner start ${COMMON[*]} --model $D/tiny-other --claim-model-id network --store $RUN/cheater --listen 127.0.0.1:$((MPORT + 3)) --max-groups 2"
cmd[validator]="validator run ${COMMON[*]} --stake 1 --model $D/tiny --datadir $RUN/validator"
declare -A keyn=([miner1]=1 [miner2]=2 [cheater]=3 [validator]=5)

start() { # name
  local n=$1
  runs[$n]=$((${runs[$n]:-0} + 1))
  # shellcheck disable=SC2086 # the command lines hold no spaces inside arguments
  ASSAY_KEY=$(key ${keyn[$n]}) $ASSAY ${cmd[$n]} > "$RUN/logs/$n-${runs[$n]}.log" 2>&1 &
  pid[$n]=$!
  pids+=($!)
}
for n in miner1 miner2 cheater validator; do start $n; done

decisions() { ls "$RUN/validator/decisions" 2>/dev/null | sed -n 's/window-\([0-9]*\).json/\1/p' | sort -n | tr '\n' ' '; }
kills=0
t0=$(date +%s)
while [ $(($(date +%s) - t0)) -lt "$SECONDS_TOTAL" ]; do
  sleep $((1 + RANDOM % 12))
  r=$((RANDOM % 6))
  case $r in 0|1|2) v=validator ;; 3) v=miner1 ;; 4) v=miner2 ;; 5) v=cheater ;; esac
  kill -0 "${pid[$v]}" 2>/dev/null || fail "$v (run ${runs[$v]}) exited by itself: see $RUN/logs/$v-${runs[$v]}.log"
  kill -9 "${pid[$v]}"
  wait "${pid[$v]}" 2>/dev/null || true
  kills=$((kills + 1))
  sleep $((RANDOM % 4))
  echo "   kill $kills: $v (run ${runs[$v]}) at +$(($(date +%s) - t0)) s; decisions $(decisions)"
  start $v
done

echo "== $kills kills; the validator now runs until it has caught up"
kill -9 "${pid[validator]}"; wait "${pid[validator]}" 2>/dev/null || true
before=$(decisions | wc -w)
if ! ASSAY_KEY=$(key 5) timeout 600 $ASSAY ${cmd[validator]} --windows 2 > "$RUN/logs/validator-final.log" 2>&1; then
  tail -20 "$RUN/logs/validator-final.log"; fail "the validator did not finish after the soak"
fi
ws=($(decisions))
echo "   decisions stored: ${ws[*]} (${#ws[@]}; $before before the last run)"
[ ${#ws[@]} -ge 4 ] || fail "only ${#ws[@]} windows decided"
for ((i = 1; i < ${#ws[@]}; i++)); do
  [ $((ws[i])) = $((ws[i - 1] + 1)) ] || fail "windows ${ws[i - 1]} and ${ws[i]} decided with a gap between: a window was lost"
done

lc() { echo "$1" | tr 'A-F' 'a-f'; }
# committed LOG: the windows a run's log says it committed.
committed() { grep '"msg":"window file committed"' "$1" | grep -o '"window":[0-9]*' | cut -d: -f2 | tr '\n' ' '; }
decided() { [ -f "$RUN/validator/decisions/window-$1.json" ]; }
paid() { judged "$RUN/validator/decisions/window-$2.json" | grep -qi "^$1 - [1-9]"; }
cheat_failed=0
for w in "${ws[@]}"; do
  f="$RUN/validator/decisions/window-$w.json"
  grep -q '"posted": true' "$f" || fail "window $w's decision is not recorded as posted"
  n=$($ASSAY chain weights --network "$NET" --window "$w" 2>/dev/null | grep -c "posted by" || true)
  [ "$n" = 1 ] || fail "window $w has $n posts on chain, want exactly 1"
  j=$(judged "$f")
  for i in 1 2; do
    a=$(lc "$(addr $i)")
    line=$(echo "$j" | grep -i "^$a " || true)
    [ -z "$line" ] && continue # not registered yet in that window
    case $(echo "$line" | awk '{print $2}') in
      -|missing) ;;
      *) fail "window $w: honest miner $i judged '$line' — a crash turned into a verdict" ;;
    esac
  done
  line=$(echo "$j" | grep -i "^$(lc "$(addr 3)") " || true)
  if [ -n "$line" ]; then
    [ "$(echo "$line" | awk '{print $3}')" = 0 ] || fail "window $w: the cheater was paid ($line)"
    case $(echo "$line" | awk '{print $2}') in -|missing) ;; *) cheat_failed=$((cheat_failed + 1)) ;; esac
  fi
done
[ "$cheat_failed" -ge 1 ] || fail "the cheater never failed verification in ${#ws[@]} windows"
stats=""
for i in 1 2; do
  a=$(lc "$(addr $i)")
  ok=0 all=0
  for ((r = 1; r <= ${runs[miner$i]}; r++)); do
    run_paid=0 run_decided=0
    for w in $(committed "$RUN/logs/miner$i-$r.log"); do
      decided "$w" || continue
      run_decided=1 all=$((all + 1))
      if paid "$a" "$w"; then ok=$((ok + 1)) run_paid=1; fi
    done
    [ $run_decided = 0 ] || [ $run_paid = 1 ] || fail "honest miner $i, run $r: committed files in decided windows, paid in none"
  done
  stats="$stats miner $i paid in $ok of its $all committed decided windows ($((${runs[miner$i]} - 1)) restarts);"
done
echo "  $stats"
echo "   every window posted exactly once; honest miners paid or missing in every window, every run that committed paid; the cheater failed verification in $cheat_failed windows, paid in none"

if [ "${SOAK_AUDIT:-1}" != 0 ]; then
  for w in "${ws[@]}"; do
    $ASSAY audit replay --window "$w" --network "$NET" --model "$D/tiny" --files "$RUN/validator/files" \
      --max-new-tokens 16 --out "$RUN/audited" > "$RUN/logs/audit-$w.txt" 2>&1 ||
      { tail -5 "$RUN/logs/audit-$w.txt"; fail "audit replay of window $w disagrees"; }
    grep -q "audit: window $w agrees" "$RUN/logs/audit-$w.txt" || fail "audit of window $w did not report agreement"
  done
  echo "   the audit replay agrees with all ${#ws[@]} windows"
fi
echo "soak: OK — $kills random kills (seed $SEED) over windows ${ws[0]}–${ws[-1]}, no window lost, each posted once, no crash judged as cheating, audit agrees"
