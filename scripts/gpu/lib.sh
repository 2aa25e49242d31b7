# Shared by the GPU machine's scripts (sourced, not run).

# build_ptx OUT: where the machine has nvcc, compiles cuda/kernels.cu to
# OUT/kernels.ptx (written whole, for whoever waits on it) and points the
# binaries at it (ASSAY_CUDA_PTX), so a run tests the .cu source and leaves
# the PTX for committing. Fails when the source does not compile.
build_ptx() {
	command -v nvcc >/dev/null || return 0
	# Built already by the script that called this one (ab.sh, suite.sh).
	[ -n "${ASSAY_CUDA_PTX:-}" ] && [ -f "$ASSAY_CUDA_PTX" ] && return 0
	nvcc -ptx -arch=sm_90 -O3 -fmad=false -o "$1/kernels.ptx.tmp" cuda/kernels.cu || return 1
	mv "$1/kernels.ptx.tmp" "$1/kernels.ptx"
	export ASSAY_CUDA_PTX=$1/kernels.ptx
}

# gpu_env: $out (OUT, default /tmp/out, created), where generated models go
# (ASSAY_MODELS) and the carried shared data (ASSAY_SHARED); the assay
# binary unpacked.
gpu_env() {
	out=${OUT:-/tmp/out}
	mkdir -p "$out"
	export ASSAY_MODELS=${ASSAY_MODELS:-/tmp/assay-models} ASSAY_SHARED=$PWD/.gpu-in/shared
	[ -f .gpu-in/assay.gz ] && gunzip -f .gpu-in/assay.gz
	return 0
}

# model_ready PRESET: the preset's random checkpoint under $ASSAY_MODELS,
# generated once.
model_ready() {
	local dir=$ASSAY_MODELS/assay-$1
	[ -f "$dir/config.json" ] || .gpu-in/assay model init --preset "$1" --out "$dir" >/dev/null
}
