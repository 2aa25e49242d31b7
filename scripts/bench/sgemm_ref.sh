#!/usr/bin/env bash
# The CPU reference for BenchmarkMatmulEngine: OpenBLAS sgemm on the same
# shape and thread count. Debian's OpenBLAS packages are downloaded and
# unpacked under /tmp (the machine's packages are not touched).
#   scripts/bench/sgemm_ref.sh [threads]    (default 2, as the Go benchmark)
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)/sgemm_ref.c
d=/tmp/assay-openblas
if [ ! -d "$d/root" ]; then
	mkdir -p "$d" && cd "$d"
	apt-get download libopenblas-dev libopenblas-pthread-dev libopenblas0-pthread libgfortran5 >/dev/null
	for f in *.deb; do dpkg -x "$f" root; done
fi
lib=$(dirname "$(find "$d/root" -name 'libopenblas.so.0' | head -1)")
inc=$(dirname "$(find "$d/root" -name cblas.h | head -1)")
gf=$(dirname "$(find "$d/root" -name 'libgfortran.so.5' | head -1)")
gcc -O2 -I"$inc" -o "$d/sgemm_ref" "$src" -L"$lib" -l:libopenblas.so.0 -Wl,-rpath,"$lib" -Wl,-rpath-link,"$gf" -Wl,-rpath,"$gf" -Wl,--disable-new-dtags # RPATH reaches libopenblas's own libgfortran
# OpenBLAS's kernel for this CPU (a virtual machine may report an old core
# type): SkylakeX where it has AVX-512, Haswell where it has AVX2 and FMA;
# OPENBLAS_CORETYPE set by the caller wins (Haswell on an AVX-512 machine is
# the reference for the engine's AVX2 kernel).
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
	if grep -qw avx512f /proc/cpuinfo; then OPENBLAS_CORETYPE=SkylakeX
	elif grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then OPENBLAS_CORETYPE=Haswell
	else OPENBLAS_CORETYPE=Prescott
	fi
fi
echo "OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE" >&2
OPENBLAS_NUM_THREADS=${1:-2} OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE OPENBLAS_L2_SIZE= "$d/sgemm_ref"
