#!/usr/bin/env bash
# make demo: runs what the current build can do on the embedded defaults
# (local beacon, synthetic dev blocks, no network access). The full network
# demo (chain, miners, validator, audit) replaces this as those parts land.
set -euo pipefail
ASSAY=${1:-bin/assay}
MINER=0x1111111111111111111111111111111111111111

echo "== 1. verify a real recorded drand quicknet beacon (offline, drand's BLS verifier)"
$ASSAY beacon verify --chain quicknet --round 12040883 \
  --signature 929906c959032ab363c9f26570d215d66f5c06cb0c44fe508c12bb5839f04ec895bb6868e5b9ff13ab289bdb5266b394

echo "== 2. the same signature for the next round must fail"
if $ASSAY beacon verify --chain quicknet --round 12040884 \
  --signature 929906c959032ab363c9f26570d215d66f5c06cb0c44fe508c12bb5839f04ec895bb6868e5b9ff13ab289bdb5266b394; then
  echo "demo: a tampered beacon verified" >&2; exit 1
fi

echo "== 3. window 3's seeds from the local beacon and dev blocks"
$ASSAY challenge seed --window 3 --opening

for e in sat math; do
  echo "== 4. problem 0 of miner $MINER in window 3, env $e"
  $ASSAY challenge show --window 3 --miner $MINER --problem 0 --env $e
done

if [ -f ../shared/data/gsm8k/test.jsonl ]; then
  echo "== 5. a GSM8K problem drawn by the same seed"
  $ASSAY challenge show --window 3 --miner $MINER --problem 0 --env gsm8k --dataset ../shared/data/gsm8k/test.jsonl
else
  echo "== 5. skipped: ../shared/data/gsm8k/test.jsonl not present"
fi

echo
echo "demo: foundation only. Not built yet: model engine, commitments, chain contract,"
echo "miner/validator/audit roles (see README.md, Status)."
