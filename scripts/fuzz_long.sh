#!/usr/bin/env bash
# Long fuzz runs (issue 21: each target ≥ 10 minutes, results recorded):
# the targets given as "PKG TARGET" pairs, JOBS at a time (one fuzz worker
# each), FUZZTIME each (default 10m); each target's last progress line and
# result go to $LOG (default scripts/bench/fuzz-<date>.log), the machine
# first. A crasher stays under PKG/testdata/fuzz/TARGET/ as go test writes
# it: commit it as a regression case with the fix.
#
#   scripts/fuzz_long.sh "./proofs FuzzReadWindowFile" "./beacon FuzzVerifyJSON"
set -uo pipefail
cd "$(dirname "$0")/.."
LOG=${LOG:-scripts/bench/fuzz-$(date +%F).log}
JOBS=${JOBS:-2}
T=${FUZZTIME:-10m}
{
  echo "# $(date -u +%FT%TZ) go test -fuzz, -fuzztime $T, -parallel 1, $JOBS at a time"
  echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; $(go version)"
} >>"$LOG"
run() {
  local pkg=$1 target=$2 out
  out=$(go test "$pkg" -run '^$' -fuzz "^$target\$" -fuzztime "$T" -parallel 1 2>&1)
  local rc=$?
  {
    echo "== $pkg $target: exit $rc"
    echo "$out" | grep -E '^fuzz: elapsed' | tail -1
    echo "$out" | grep -E '^(ok|FAIL|--- FAIL)|Failing input|testdata/fuzz' | head -5
  } >>"$LOG"
}
n=0
for t in "$@"; do
  set -- $t
  run "$1" "$2" &
  n=$((n + 1))
  if [ $((n % JOBS)) = 0 ]; then wait; fi
done
wait
