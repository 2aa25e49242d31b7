#!/usr/bin/env bash
# make demo: the whole network on loopback, on the embedded defaults — an
# embedded go-ethereum dev chain, the local drand-scheme beacon, the `tiny`
# model (generated if missing), three honest miners, one cheating miner (it
# runs another model and claims the network's), one validator — for a few
# windows; then the on-chain weights table and an audit replay that must
# agree. Exits 0 only if all of that happened, with the cheater at zero.
set -euo pipefail
ASSAY=${1:-bin/assay}
D=${ASSAY_DEMO_DIR:-demo-data}
PORT=${ASSAY_DEMO_PORT:-18545}
MPORT=$((PORT + 100))
WINDOWS=${ASSAY_DEMO_WINDOWS:-4}
RUN=$D/run
mkdir -p "$D"
rm -rf "$RUN"
mkdir -p "$RUN/logs"

fail() { echo "demo: FAILED: $*" >&2; exit 1; }
. "$(dirname "$0")/demo-lib.sh" # pids, the EXIT trap that stops them, start_chain, key, addr

[ -f "$D/tiny/model.safetensors" ] || $ASSAY model init --preset tiny --out "$D/tiny"
[ -f "$D/tiny-other/model.safetensors" ] || $ASSAY model init --preset tiny --seed 1 --out "$D/tiny-other"
echo "== network model $($ASSAY model id --model "$D/tiny")"

start_chain --window-length 6 --stale-windows 4 --model "$D/tiny"
head -1 "$RUN/logs/chain.log"

# The network's model on a checkpoint server, announced on chain by the
# owner (account 0): miner 3 gets no model flag and fetches it from the URL
# the contract announces (by the model id on chain, verified).
$ASSAY checkpoint serve --listen 127.0.0.1:$((MPORT + 60)) "$D/tiny" > "$RUN/logs/checkpoint.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 40); do grep -q http "$RUN/logs/checkpoint.log" && break; sleep 0.25; done
MODEL_URL=$(grep -o 'http://[^ ]*' "$RUN/logs/checkpoint.log" | head -1)
[ -n "$MODEL_URL" ] || { cat "$RUN/logs/checkpoint.log"; fail "checkpoint server did not start"; }
echo "== checkpoint server: $MODEL_URL"
printf %s "$(key 0)" > "$RUN/owner.key" && chmod 600 "$RUN/owner.key"
$ASSAY chain set-model --network "$NET" --key-file "$RUN/owner.key" --model "$D/tiny" --url "$MODEL_URL" | sed 's/^/   /' ||
  fail "the owner could not announce the model's URL"
$ASSAY chain models --network "$NET" | sed 's/^/   /'

# Beacon rounds as chain facts: the validator submits each round it uses to
# the contract (verified there with EIP-2537), every role reads them there.
COMMON=(--network "$NET" --max-new-tokens 24 --log-format json --beacon-on-chain)
for i in 1 2 3; do
  MODEL=(--model "$D/tiny") NOTE=""
  [ $i = 3 ] && MODEL=(--model-cache "$RUN/model-cache") NOTE=", its model fetched from the URL on chain"
  ASSAY_KEY=$(key $i) $ASSAY miner start "${COMMON[@]}" "${MODEL[@]}" --store "$RUN/miner$i" \
    --listen 127.0.0.1:$((MPORT + i)) --max-groups 3 > "$RUN/logs/miner$i.log" 2>&1 &
  pids+=($!)
  echo "== honest miner $i: $(addr $i) on 127.0.0.1:$((MPORT + i))$NOTE"
done
ASSAY_KEY=$(key 4) $ASSAY miner start "${COMMON[@]}" --model "$D/tiny-other" --claim-model-id network \
  --store "$RUN/miner4" --listen 127.0.0.1:$((MPORT + 4)) --max-groups 3 > "$RUN/logs/miner4.log" 2>&1 &
pids+=($!)
CHEATER=$(addr 4)
echo "== cheating miner: $CHEATER (runs another model, claims the network's)"

echo "== validator: $(addr 5), deciding $WINDOWS windows (killed with SIGKILL after its first decision, then restarted)"
ASSAY_KEY=$(key 5) $ASSAY validator run "${COMMON[@]}" --stake 1 --model "$D/tiny" --datadir "$RUN/validator" \
  > "$RUN/logs/validator-killed.log" 2>&1 &
vpid=$!
pids+=($vpid)
for _ in $(seq 1 240); do
  ls "$RUN/validator/decisions" 2>/dev/null | grep -q json && break
  kill -0 "$vpid" 2>/dev/null || break
  sleep 0.5
done
ls "$RUN/validator/decisions" 2>/dev/null | grep -q json || { tail -20 "$RUN/logs/validator-killed.log"; fail "validator made no decision"; }
kill -9 "$vpid"; wait "$vpid" 2>/dev/null || true
echo "   killed the validator (kill -9) after deciding: $(ls "$RUN/validator/decisions" | tr '\n' ' ')"
if ! ASSAY_KEY=$(key 5) timeout 300 $ASSAY validator run "${COMMON[@]}" --stake 1 --model "$D/tiny" --datadir "$RUN/validator" \
    --windows "$WINDOWS" --listen 127.0.0.1:$((MPORT + 50)) > "$RUN/logs/validator.log" 2>&1; then
  tail -20 "$RUN/logs/validator.log"; fail "restarted validator did not finish $WINDOWS windows"
fi
for f in $(ls "$RUN/validator/decisions" | sed 's/window-\([0-9]*\).json/\1/'); do
  n=$($ASSAY chain weights --network "$NET" --window "$f" 2>/dev/null | grep -c "posted by" || true)
  [ "$n" -le 1 ] || fail "window $f was posted $n times after the restart"
done
echo "   restart resumed: every window posted at most once"
nb=$(cat "$RUN/logs/validator-killed.log" "$RUN/logs/validator.log" | grep -c "beacon round submitted to the contract" || true)
[ "$nb" -ge 1 ] || fail "the validator submitted no beacon round to the contract (--beacon-on-chain)"
echo "   the validator submitted $nb beacon rounds to the contract, which verified them; every role read rounds there first"

# The last decided window that shows what the demo claims: every honest
# miner paid, the cheater at zero for a verification reason (not missing).
W=""
for f in $(ls "$RUN/validator/decisions" | sed 's/window-\([0-9]*\).json/\1/' | sort -n); do
  j=$(judged "$RUN/validator/decisions/window-$f.json")
  ok=1
  for i in 1 2 3; do
    echo "$j" | grep -qi "^$(addr $i) - [1-9]" || ok=0
  done
  echo "$j" | grep -qi "^$CHEATER [a-z-]* 0$" || ok=0
  echo "$j" | grep -qi "^$CHEATER \(-\|missing\) " && ok=0
  [ $ok = 1 ] && W=$f && LAST="$j"
done
[ -n "$W" ] || fail "no decided window paid every honest miner and rejected the cheater for a verification reason (see $RUN/validator/decisions)"
CHEAT_REASON=$(echo "$LAST" | grep -i "^$CHEATER " | awk '{print $2}')

echo
$ASSAY chain weights --network "$NET" --window "$W" | tee "$RUN/weights.txt"
grep -qi "weight" "$RUN/weights.txt" || fail "no weights table"
cw=$(grep -i "$CHEATER" "$RUN/weights.txt" | awk '{print $4}')
[ "$cw" = "0" ] || fail "the cheating miner has weight '$cw' in window $W"
honest=$(awk 'NR>2 && $4+0 > 0' "$RUN/weights.txt" | wc -l)
[ "$honest" -ge 3 ] || fail "only $honest honest miners have weight on chain in window $W"
NETID=$($ASSAY model id --model "$D/tiny")
grep -q '"msg":"checkpoint fetched"' "$RUN/logs/miner3.log" && [ -f "$RUN/model-cache/$NETID/model.safetensors" ] ||
  fail "miner 3 did not fetch the network's model $NETID from the URL announced on chain"
echo "   miner 3 ran the model it fetched from the URL announced on chain (verified as $NETID)"
reason=$(grep -o '"failure": "[a-z-]*"' "$RUN/validator/decisions/window-$W.json" | sort | uniq -c | tr '\n' ' ')
echo "validator's failure reasons in window $W: ${reason:-none}"

echo
if ! $ASSAY audit replay --window "$W" --network "$NET" --model "$D/tiny" --files "$RUN/validator/files" --beacon-on-chain \
    --max-new-tokens 24 --out "$RUN/audited" | tee "$RUN/audit.txt"; then
  fail "audit replay disagrees with the posted weights"
fi
grep -q "audit: window $W agrees" "$RUN/audit.txt" || fail "audit replay did not report agreement"
grep -qi "post by validator $(addr 5) .*agrees with the replay" "$RUN/audit.txt" || fail "the audit did not name the validator whose post it checked"

# What the window's emission pays under the stake-weighted consensus
# (computed from the chain; the settlement below credits it).
echo
$ASSAY chain consensus --network "$NET" --window "$W" --emission 1 | tee "$RUN/consensus.txt" || fail "consensus failed"
CU=$(grep -i "$CHEATER" "$RUN/weights.txt" | awk '{print $1}')
cp=$(awk -v u="$CU" '$1 == u && NF == 3 {print $3}' "$RUN/consensus.txt")
# (a miner no post weighs has no row: it is paid nothing)
[ -z "$cp" ] || [ "$cp" = "0" ] || fail "the cheater (uid $CU) would be paid '$cp'"
paidm=$(awk '/^miner uid/ {m=1; next} /^validator/ {m=0} m && $3+0 > 0' "$RUN/consensus.txt" | wc -l)
[ "$paidm" -ge 3 ] || fail "only $paidm miners would be paid by the consensus"

# The window's verified rollouts as training data: the three honest
# miners' records, none of the cheater's.
echo
$ASSAY export --data "$RUN/validator" --from "$W" --to "$W" --out "$RUN/export" --model "$D/tiny" --format jsonl \
  --max-new-tokens 24 | tee "$RUN/export.txt" || fail "export failed"
EXPORTED="$RUN/export/rollouts-$W-$W.jsonl"
# Records of the files that passed: no failure, not a copy, not gated.
want=$(awk '/"address":/ {r=0; bad=0} /"records":/ {gsub(/[^0-9]/, ""); r=$0} /"failure":|"copycat": true|"gated": true/ {bad=1} /"max_z":/ {if (!bad) s+=r} END {print s+0}' "$RUN/validator/decisions/window-$W.json")
got=$(wc -l <"$EXPORTED")
[ "$got" -gt 0 ] && [ "$got" = "$want" ] || fail "exported $got rollouts, the decision passed $want records"
grep -qi "\"miner\":\"$CHEATER\"" "$EXPORTED" && fail "the cheater's rollouts were exported"
echo "   $got verified rollouts of the 3 honest miners exported (none of the cheater's): $EXPORTED"
# Settlement: the epoch holding window W proven with gnark and credited on
# chain by an account that is no neuron (anyone may settle), once no post
# for it can arrive; the balances printed; the auditor recomputes every
# credit; an honest miner claims.
echo
E=$((W / 2))
LASTW=$(( (E + 1) * 2 - 1 ))
echo "== settling epoch $E (windows $((LASTW - 1))–$LASTW) once no post can arrive (the stale limit, 4 windows)"
printf %s "$(key 7)" > "$RUN/settler.key" && chmod 600 "$RUN/settler.key"
for _ in $(seq 1 120); do
  $ASSAY settle --network "$NET" --key-file "$RUN/settler.key" --epoch "$E" > "$RUN/settle.txt" 2> "$RUN/logs/settle.log" && break
  grep -q "can still receive posts" "$RUN/logs/settle.log" || { cat "$RUN/logs/settle.log"; fail "settlement of epoch $E failed"; }
  sleep 1
done
cat "$RUN/settle.txt"
grep -q "epoch $E settled" "$RUN/settle.txt" || fail "epoch $E was not settled"
$ASSAY chain balances --network "$NET" | tee "$RUN/balances.txt"
cb=$(grep -i "$CHEATER" "$RUN/balances.txt" | awk '{print $4}')
[ "$cb" = "0" ] || fail "the cheater was credited '$cb' ether"
for i in 1 2 3; do
  b=$(grep -i "$(addr $i)" "$RUN/balances.txt" | awk '{print $4}')
  [ -n "$b" ] && [ "$b" != "0" ] || fail "honest miner $i was credited '$b'"
done
$ASSAY audit settle --network "$NET" --epoch "$E" | tee "$RUN/audit-settle.txt" || fail "the settlement audit disagrees with the credits"
ASSAY_KEY=$(key 1) $ASSAY chain claim --network "$NET" | sed 's/^/   honest miner 1 /' || fail "miner 1 could not claim"
echo "   weights page: $ASSAY page --decisions $RUN/validator/decisions (or $RUN/audited, the replay)"
echo
echo "demo: OK — window $W weights on-chain, every honest miner paid, the cheater rejected for \"$CHEAT_REASON\", audit agrees, epoch $E settled with a gnark proof (the cheater credited nothing, the audit agrees), verified rollouts exported (logs in $RUN/logs)"
