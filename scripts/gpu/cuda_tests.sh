#!/usr/bin/env bash
# GPU tests of the CUDA backend, in two halves.
#
#   scripts/gpu/cuda_tests.sh prepare   (here, on a CPU machine with Go)
#       builds the cuda-tagged test binary and assay binary (gzipped) into
#       .gpu-in/ (git-excluded) and copies the shared TinyStories model beside them;
#   scripts/gpu/cuda_tests.sh remote [go test flags...]   (on the GPU machine,
#       in the repository root, with .gpu-in carried)
#       unpacks .gpu-in/assay, rebuilds kernels.ptx with the machine's nvcc
#       when there is one (so the
#       run tests the .cu source; the PTX lands in $OUT for committing), runs
#       the test binary and writes the log to $OUT;
#   scripts/gpu/cuda_tests.sh tiles [tiling...]   (on the GPU machine, after
#       remote) benchmarks the decode and prefill passes once per
#       matrix-product tiling (cuda.Config.MatTile), log in $OUT/tiles.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/gpu/lib.sh
case "${1:-}" in
prepare)
	grep -qx '/.gpu-in/' .git/info/exclude || echo '/.gpu-in/' >>.git/info/exclude
	make -s cuda-sdk
	export CGO_CFLAGS="-I$PWD/.cache/cuda/include" CGO_LDFLAGS="-L$PWD/.cache/cuda/lib"
	mkdir -p .gpu-in/shared/models
	go test -c -tags cuda -ldflags="-s -w" -o .gpu-in/cuda.test ./cuda
	go test -c -tags cuda -ldflags="-s -w" -o .gpu-in/proofs.test ./proofs # the role benchmarks (perf.sh)
	# gzipped: the carried tree may hold 64 MiB; remote unpacks it.
	go build -tags cuda -ldflags="-s -w" -o .gpu-in/assay ./cmd/assay
	gzip -9f .gpu-in/assay
	# BASE=<commit>: also the test binary of that commit (its embedded PTX),
	# for same-run before/after benchmarks (scripts/gpu/suite.sh).
	rm -f .gpu-in/cuda-base.test
	if [ -n "${BASE:-}" ]; then
		rm -rf .cache/base-tree
		git worktree add -f --detach .cache/base-tree "$BASE" >/dev/null
		(cd .cache/base-tree && go test -c -tags cuda -ldflags="-s -w" -o ../../.gpu-in/cuda-base.test ./cuda)
		git worktree remove --force .cache/base-tree
	fi
	rm -rf .gpu-in/shared/models/tinystories-656k
	cp -r ../shared/models/tinystories-656k .gpu-in/shared/models/
	du -sh .gpu-in
	;;
remote)
	shift
	out=${OUT:-/tmp/out}
	mkdir -p "$out"
	[ -f .gpu-in/assay.gz ] && gunzip -f .gpu-in/assay.gz
	nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gpu.txt"
	build_ptx "$out"
	export ASSAY_SHARED="$PWD/.gpu-in/shared" ASSAY_MODELS=/tmp/assay-models
	mkdir -p "$ASSAY_MODELS"
	cd cuda
	set -o pipefail
	../.gpu-in/cuda.test -test.v "$@" 2>&1 | tee "$out/cuda-test.log"
	;;
tiles)
	shift
	out=${OUT:-/tmp/out}
	mkdir -p "$out"
	[ -f "$out/kernels.ptx" ] && export ASSAY_CUDA_PTX="$out/kernels.ptx"
	export ASSAY_SHARED="$PWD/.gpu-in/shared" ASSAY_MODELS=/tmp/assay-models
	mkdir -p "$ASSAY_MODELS"
	cd cuda
	for t in "${@:-auto}"; do
		echo "== tiling $t" | tee -a "$out/tiles.log"
		if [ "$t" = auto ]; then unset ASSAY_CUDA_TILE; else export ASSAY_CUDA_TILE=$t; fi
		../.gpu-in/cuda.test -test.run '^$' -test.bench "${BENCH:-Forward}" -test.benchtime "${BENCHTIME:-10x}" 2>&1 | tee -a "$out/tiles.log"
	done
	;;
*)
	echo "usage: $0 prepare | remote [test flags] | tiles [tiling...]" >&2
	exit 2
	;;
esac
