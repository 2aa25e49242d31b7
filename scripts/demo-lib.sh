# Shared by scripts/demo.sh, demo-rl.sh, killtest.sh, soak.sh and fulldisk.sh (sourced): the
# background processes and their stopping at exit, the embedded dev chain
# and the dev accounts it funds. Needs ASSAY, RUN, PORT and fail() from the
# sourcing script.

# pids are the background processes; every one is stopped at exit.
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# start_chain ARGS...: `assay chain dev` on 127.0.0.1:PORT with its data in
# RUN/chain and its log in RUN/logs/chain.log; waits for the network file
# and sets NET to it.
start_chain() {
  $ASSAY chain dev --http 127.0.0.1:$PORT --datadir "$RUN/chain" --block-time 1s --accounts 8 "$@" \
    > "$RUN/logs/chain.log" 2>&1 &
  local pid=$!
  pids+=($pid)
  for _ in $(seq 1 60); do
    [ -f "$RUN/chain/network.json" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  [ -f "$RUN/chain/network.json" ] || { cat "$RUN/logs/chain.log"; fail "dev chain did not start"; }
  NET="$RUN/chain/network.json"
}

# key N / addr N: dev account N's private key and address (network file).
key() { grep -o '"key": "[0-9a-f]*"' "$NET" | sed -n "$(( $1 + 1 ))p" | cut -d'"' -f4; }
addr() { grep -o '"address": "0x[0-9a-fA-F]*"' "$NET" | sed -n "$(( $1 + 1 ))p" | cut -d'"' -f4; }

# start_miners N: honest miners 1..N on the network model (MODEL_DIR), dev
# accounts 1..N, stores under RUN, ports MPORT+i, flags COMMON, two groups
# a window; logs in RUN/logs/minerI.log.
start_miners() {
  local i
  for i in $(seq 1 "$1"); do
    ASSAY_KEY=$(key $i) $ASSAY miner start "${COMMON[@]}" --model "$MODEL_DIR" --store "$RUN/miner$i" \
      --listen 127.0.0.1:$((MPORT + i)) --max-groups 2 > "$RUN/logs/miner$i.log" 2>&1 &
    pids+=($!)
  done
}

# judged FILE prints "address failure weight" per miner of a decision
# (address in lower case, failure "-" for none).
judged() {
  awk -F'"' '/"address":/ {a=tolower($4); f="-"} /"failure":/ {f=$4} /"weight":/ {w=$3; gsub(/[^0-9]/, "", w); print a, f, w}' "$1"
}
