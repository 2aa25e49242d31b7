#!/usr/bin/env bash
# Installs what `make build-cuda` needs on a machine without a GPU or a CUDA
# toolkit, under .cache/cuda (git-ignored):
#   include/cuda.h  from Debian bookworm's non-free nvidia-cuda-dev 11.8,
#                   fetched through a scratch apt configuration (the
#                   machine's own sources are neither read nor changed);
#   lib/libcuda.so  a link stub with soname libcuda.so.1 that defines every
#                   driver entry point named in cuda.h, so the binary links
#                   dynamically against the real driver where it runs.
# Nothing from CUDA 11.8 is linked or needed at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
dst=.cache/cuda
if [ -f "$dst/include/cuda.h" ] && [ -f "$dst/lib/libcuda.so" ]; then exit 0; fi
for t in apt-get dpkg-deb gcc; do command -v $t >/dev/null || { echo "cuda-sdk: $t not found" >&2; exit 1; }; done
apt=$(mktemp -d)
trap 'rm -rf "$apt"' EXIT
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$dst/include" "$dst/lib"
echo 'deb http://deb.debian.org/debian bookworm main non-free' >"$apt/sources.list"
o=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
   -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Architecture=amd64 -o APT::Sandbox::User=root)
apt-get "${o[@]}" -qq update
(cd "$apt" && apt-get "${o[@]}" -qq download nvidia-cuda-dev)
dpkg-deb --fsys-tarfile "$apt"/nvidia-cuda-dev_*.deb | tar -x -C "$apt" ./usr/include/cuda.h
cp "$apt/usr/include/cuda.h" "$dst/include/cuda.h"
# Every cuXxx identifier of the header (the _v2 names the macros select too)
# becomes a stub symbol; the real library provides them at run time.
grep -oE '\bcu[A-Z][A-Za-z0-9_]*\b' "$dst/include/cuda.h" | sort -u |
  awk '{printf "void %s(void) {}\n", $1}' >"$apt/stub.c"
gcc -shared -fPIC -o "$dst/lib/libcuda.so" -Wl,-soname,libcuda.so.1 "$apt/stub.c"
echo "cuda-sdk: $dst ready ($(grep -c . "$apt/stub.c") stub symbols)"
