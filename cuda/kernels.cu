// Assay's CUDA kernels: the transformer forward pass under the precision
// contract (weights as stored — bf16 or f32 —, every activation, accumulation,
// norm, softmax, logit and KV entry in f32 or wider) and the protocol sampler.
//
// The kernels reproduce the CPU engine's (model/cpu.go) arithmetic order:
// matrix products accumulate in the canonical 256-sum order (model.matDot),
// attention scores use the CPU's eight-sum dot product, the softmax sum
// runs in f64 in ascending position order, and nothing is fused into an FMA
// (the PTX is built with -fmad=false, as Go on amd64 never fuses either). So
// the CUDA backend matches the CPU backend bit for bit except where a libm
// function (exp, cos, sin in f64) rounds its last bit differently.
//
// Regenerate kernels.ptx with `make ptx` (needs nvcc; the committed PTX is
// what builds use).

typedef unsigned short bf16_t;
typedef unsigned long long u64;

// pdl_enter starts every kernel. The backend launches kernels with
// programmatic stream serialization (Config.NoPDL off, sm_90): a kernel's
// blocks may then be placed on the multiprocessors while the kernel before
// it still runs, and griddepcontrol.wait holds them until that kernel has
// finished and its writes are visible — so nothing is read or written
// early and the arithmetic is unchanged; what overlaps is the launch and
// the placement of blocks. launch_dependents right after lets the next
// kernel be placed in turn (only after this one's predecessor finished,
// so at most two kernels overlap). Without the launch attribute both are
// no-ops.
__device__ __forceinline__ void pdl_enter() {
#if __CUDA_ARCH__ >= 900
#ifdef PDL_EARLY // measured variant (run 60: 0.94–1.0× the default): the next kernel placed before this one waits
    asm volatile("griddepcontrol.launch_dependents;" ::: "memory");
    asm volatile("griddepcontrol.wait;" ::: "memory");
#else
    asm volatile("griddepcontrol.wait;" ::: "memory");
    asm volatile("griddepcontrol.launch_dependents;" ::: "memory");
#endif
#endif
}

__device__ __forceinline__ float bf16_to_f32(bf16_t v) {
    return __uint_as_float(((unsigned int)v) << 16);
}

__device__ __forceinline__ float load_w(const bf16_t* w, long i) { return bf16_to_f32(__ldg(w + i)); }
__device__ __forceinline__ float load_w(const float* w, long i) { return __ldg(w + i); }

// ---------------------------------------------------------------------------
// Embedding gather: out[r, :] = table[tokens[r], :].
template <typename W>
__device__ void embed_impl(float* out, const W* table, const int* tokens, int R, int H) {
    int r = blockIdx.x;
    if (r >= R) return;
    long base = (long)tokens[r] * H;
    for (int i = threadIdx.x; i < H; i += blockDim.x) out[(long)r * H + i] = load_w(table, base + i);
}
extern "C" __global__ void embed_bf16(float* out, const bf16_t* table, const int* tokens, int R, int H) { pdl_enter(); embed_impl(out, table, tokens, R, H); }
extern "C" __global__ void embed_f32(float* out, const float* table, const int* tokens, int R, int H) { pdl_enter(); embed_impl(out, table, tokens, R, H); }

// ---------------------------------------------------------------------------
// RMSNorm per row: out = w * (x * inv), inv = f32(1/sqrt(mean(x²) + eps)),
// mean accumulated in f64 (block-parallel; the CPU sums sequentially — a
// square of an f32 is exact in f64, so the sums differ only where one
// needs more than 53 bits, and then inv by an ulp at most, rarely).
// The row and the weights are loaded once, up to NORM_HOLD values a thread
// kept in registers (hidden sizes up to 8,192; larger ones re-read the
// rest), so a norm costs one round trip to memory: it was ~12 µs a row
// with a shared-memory tree and a second pass over x and w (run 23), 57
// times a step.
#define NORM_THREADS 256
#define NORM_HOLD 32
// rmsnorm_row normalizes one row for the block, thread t taking elements
// t, t + NORM_THREADS, … in that order: src.hold(xv, H) fills the first
// HOLD of them (0 past H) with every load issued before any arithmetic
// (a sum between a value's loads and the next value's made
// combine_norm_split wait for each in turn: ~18 µs a row block at 16 rows,
// runs 33–34); past the held part src.first(i) gives element i (once),
// src.keep(i, v) is told it, src.again(i) gives it again; dst(i, v) takes
// the normed value. rmsnorm and combine_norm_split share it so their sums,
// inv and products are the same instructions in the same order (HOLD only
// sets how many are held: the held slots past H add +0 to the sum).
// block_max is the largest m of the block's threads, for every thread
// (NaN-free inputs: magnitudes). Ends with the block synchronized.
__device__ __forceinline__ float block_max(float m) {
    __shared__ float part[32];
    for (int o = 16; o > 0; o >>= 1) m = fmaxf(m, __shfl_xor_sync(0xffffffff, m, o));
    __syncthreads(); // part may still be read by an earlier call
    if ((threadIdx.x & 31) == 0) part[threadIdx.x >> 5] = m;
    __syncthreads();
    float r = 0.0f;
    for (int k = 0; k < (int)(blockDim.x + 31) / 32; k++) r = fmaxf(r, part[k]);
    return r;
}

template <int HOLD, class Src, class Dst>
__device__ __forceinline__ void rmsnorm_row(Src& src, Dst& dst, const float* w, int H, double eps) {
    __shared__ double part[NORM_THREADS / 32];
    const int t = threadIdx.x;
    float xv[HOLD], wv[HOLD];
#pragma unroll
    for (int k = 0; k < HOLD; k++) {
        int i = t + k * NORM_THREADS;
        wv[k] = i < H ? w[i] : 0.0f;
    }
    src.hold(xv, H);
    double ss = 0;
#pragma unroll
    for (int k = 0; k < HOLD; k++) {
        double v = xv[k];
        ss += v * v;
    }
    for (int i = t + HOLD * NORM_THREADS; i < H; i += NORM_THREADS) {
        float f = src.first(i);
        src.keep(i, f);
        double v = f;
        ss += v * v;
    }
    for (int o = 16; o > 0; o >>= 1) ss += __shfl_xor_sync(0xffffffff, ss, o);
    if ((t & 31) == 0) part[t >> 5] = ss;
    __syncthreads();
    // Every thread adds the warps' sums in the same order: one inv for all.
    double total = 0;
#pragma unroll
    for (int k = 0; k < NORM_THREADS / 32; k++) total += part[k];
    const float inv = (float)(1.0 / sqrt(total / (double)H + eps));
    if (Dst::needsMax) {
        // The same products as below, for the row's largest magnitude.
        float m = 0.0f;
#pragma unroll
        for (int k = 0; k < HOLD; k++) m = fmaxf(m, fabsf(wv[k] * (xv[k] * inv)));
        for (int i = t + HOLD * NORM_THREADS; i < H; i += NORM_THREADS) m = fmaxf(m, fabsf(w[i] * (src.again(i) * inv)));
        dst.begin(block_max(m));
    }
#pragma unroll
    for (int k = 0; k < HOLD; k++) {
        int i = t + k * NORM_THREADS;
        if (i < H) dst(i, wv[k] * (xv[k] * inv));
    }
    for (int i = t + HOLD * NORM_THREADS; i < H; i += NORM_THREADS) dst(i, w[i] * (src.again(i) * inv));
}

struct RowSrc {
    const float* row;
    template <int HOLD>
    __device__ __forceinline__ void hold(float (&xv)[HOLD], int H) const {
#pragma unroll
        for (int k = 0; k < HOLD; k++) {
            int i = threadIdx.x + k * NORM_THREADS;
            xv[k] = i < H ? row[i] : 0.0f;
        }
    }
    __device__ float first(int i) const { return row[i]; }
    __device__ void keep(int, float) const {}
    __device__ float again(int i) const { return row[i]; }
};

struct RowDst {
    static constexpr bool needsMax = false;
    float* row;
    __device__ void begin(float) {}
    __device__ void operator()(int i, float v) const { row[i] = v; }
};

extern "C" __global__ void __launch_bounds__(NORM_THREADS) rmsnorm(float* out, const float* x, const float* w, int H, double eps) {
    pdl_enter();
    const int r = blockIdx.x;
    RowSrc src{x + (long)r * H};
    RowDst dst{out + (long)r * H};
    rmsnorm_row<NORM_HOLD>(src, dst, w, H, eps);
}

// ---------------------------------------------------------------------------
// Matrix product out[r, o] = Σ_k x[r, k]·w[o, k] (+ bias[o]) in the canonical
// order of model.matDot (docs/protocol.md §6.2): element k goes to partial
// sum k mod 256 in ascending k; each run of 8 sums is reduced by halving,
// then the 32 results by halving.
//
// A block of 256 threads computes a tile of RB activation rows by C output
// columns, and thread t is partial sum t: it walks k = t, t+256, … in order
// for every (row, column) of the tile, so the order is the definition read
// literally, while every warp's loads are coalesced and a column is spread
// over 256 threads (enough parallelism even for the 256-column K/V
// projections at batch 1). Reduction: runs of 8 by shuffles within a warp
// (xor 4, 2, 1 is exactly the halving of 8), the 32 results through shared
// memory and a butterfly (xor 16 … 1) in one warp. With add set the result
// is added to what out holds (the residual connection, as x = x + W·a on the
// CPU), which saves a launch per residual.
#define LIN_THREADS 256
template <typename W, int RB, int C>
__device__ void linear_impl(float* __restrict__ out, const float* __restrict__ x, const W* __restrict__ w,
                            const float* __restrict__ bias, int R, int K, int N, int add) {
    __shared__ float part[RB * C][32];
    const int t = threadIdx.x;
    // Column tiles vary fastest across blocks (blockIdx.x), row tiles by
    // blockIdx.y. (Rows fastest, so that blocks running together share a
    // weight tile, measured 12–40% slower at 200 rows: cuda-bench-v3.log.)
    const long col0 = (long)blockIdx.x * C;
    const int r0 = blockIdx.y * RB;
    const W* wc[C];
#pragma unroll
    for (int c = 0; c < C; c++) wc[c] = w + min(col0 + c, (long)N - 1) * K;
    const float* xr[RB];
#pragma unroll
    for (int r = 0; r < RB; r++) xr[r] = x + (long)min(r0 + r, R - 1) * K;
    float acc[RB][C];
#pragma unroll
    for (int r = 0; r < RB; r++)
#pragma unroll
        for (int c = 0; c < C; c++) acc[r][c] = 0.f;
#pragma unroll 4
    for (int k = t; k < K; k += LIN_THREADS) {
        float wv[C];
#pragma unroll
        for (int c = 0; c < C; c++) wv[c] = load_w(wc[c], k);
#pragma unroll
        for (int r = 0; r < RB; r++) {
            float xv = __ldg(xr[r] + k);
#pragma unroll
            for (int c = 0; c < C; c++) acc[r][c] = acc[r][c] + wv[c] * xv;
        }
    }
    const int lane = t & 31, warp = t >> 5;
#pragma unroll
    for (int r = 0; r < RB; r++)
#pragma unroll
        for (int c = 0; c < C; c++) {
            float v = acc[r][c];
            v = v + __shfl_xor_sync(0xffffffff, v, 4);
            v = v + __shfl_xor_sync(0xffffffff, v, 2);
            v = v + __shfl_xor_sync(0xffffffff, v, 1);
            if ((lane & 7) == 0) part[r * C + c][warp * 4 + (lane >> 3)] = v;
        }
    __syncthreads();
    for (int o = warp; o < RB * C; o += LIN_THREADS / 32) {
        float v = part[o][lane];
        v = v + __shfl_xor_sync(0xffffffff, v, 16);
        v = v + __shfl_xor_sync(0xffffffff, v, 8);
        v = v + __shfl_xor_sync(0xffffffff, v, 4);
        v = v + __shfl_xor_sync(0xffffffff, v, 2);
        v = v + __shfl_xor_sync(0xffffffff, v, 1);
        int r = r0 + o / C;
        long col = col0 + o % C;
        if (lane == 0 && r < R && col < N) {
            if (bias) v = v + bias[col];
            if (add) v = out[(long)r * N + col] + v;
            out[(long)r * N + col] = v;
        }
    }
}
// prefetch_rows asks L2 for the first PREFETCH_BYTES of weight rows c0 …
// c0 + n − 1 (clipped to N), the rows a block of a product is about to
// stream. Called before pdl_enter: weights are never written by a pass, so
// fetching them while the kernel before still runs is safe. A hint: results
// do not depend on it. Off (0) by default: with 16 KiB every decode batch
// ran 1–7% slower than without on the H100 (run 60; build with
// -DPREFETCH_BYTES=16384 to measure it again).
#ifndef PREFETCH_BYTES
#define PREFETCH_BYTES 0
#endif
template <typename W>
__device__ __forceinline__ void prefetch_rows(const W* w, int K, int N, long c0, int n) {
#if PREFETCH_BYTES > 0
    if (blockIdx.y != 0 || c0 >= N) return;
    n = (int)min((long)n, (long)N - c0);
    const char* p = (const char*)(w + c0 * K);
    const long bytes = min((long)n * K * (long)sizeof(W), (long)PREFETCH_BYTES);
    for (long off = (long)threadIdx.x * 128; off < bytes; off += (long)blockDim.x * 128)
        asm volatile("prefetch.global.L2 [%0];" ::"l"(p + off));
#endif
}

// Kernels linear_<weights>_<prefix><RB>x<C> for both weight types; the
// backend picks one by batch rows. COLS is the weight rows a block reads.
#define LINEAR_KERNELS(PREFIX, IMPL, RB, C, COLS)                                                              \
    extern "C" __global__ void linear_bf16_##PREFIX##RB##x##C(float* out, const float* x, const bf16_t* w,     \
                                                               const float* bias, int R, int K, int N,         \
                                                               int add) {                                      \
        prefetch_rows(w, K, N, (long)blockIdx.x * (COLS), COLS);                                               \
        pdl_enter();                                                                                           \
        IMPL<bf16_t, RB, C>(out, x, w, bias, R, K, N, add);                                                    \
    }                                                                                                          \
    extern "C" __global__ void linear_f32_##PREFIX##RB##x##C(float* out, const float* x, const float* w,       \
                                                              const float* bias, int R, int K, int N,          \
                                                              int add) {                                       \
        prefetch_rows(w, K, N, (long)blockIdx.x * (COLS), COLS);                                               \
        pdl_enter();                                                                                           \
        IMPL<float, RB, C>(out, x, w, bias, R, K, N, add);                                                     \
    }
#define LINEAR(RB, C) LINEAR_KERNELS(, linear_impl, RB, C, C)
LINEAR(1, 1)
LINEAR(1, 2)
LINEAR(1, 4)
LINEAR(2, 2)
LINEAR(2, 4)
LINEAR(4, 2)
LINEAR(4, 4)
LINEAR(8, 4)
LINEAR(8, 8)
LINEAR(16, 4)

// ---------------------------------------------------------------------------
// The same product with one warp per output column (the first kernel of this
// order, kept for comparison in scripts/gpu/cuda_tests.sh tiles): one warp computes C output columns for RB activation rows at a time. Lane
// l owns partial sums 8l … 8l+7: per 256-element block it loads 8
// consecutive weights (16 bytes of bf16; a warp reads 512 contiguous bytes)
// and adds each product to its own chain, so the warp streams weights at
// memory speed while every partial sum still sees its elements in ascending
// k. The in-lane tree and the shuffle butterfly (xor 16, 8, 4, 2, 1) are the
// canonical reduction. Columns are never split across warps: that would
// change the order.
__device__ __forceinline__ void load8(const bf16_t* __restrict__ p, float* f) {
    uint4 u = __ldg((const uint4*)p);
    f[0] = __uint_as_float(u.x << 16); f[1] = __uint_as_float(u.x & 0xffff0000u);
    f[2] = __uint_as_float(u.y << 16); f[3] = __uint_as_float(u.y & 0xffff0000u);
    f[4] = __uint_as_float(u.z << 16); f[5] = __uint_as_float(u.z & 0xffff0000u);
    f[6] = __uint_as_float(u.w << 16); f[7] = __uint_as_float(u.w & 0xffff0000u);
}
__device__ __forceinline__ void load8(const float* __restrict__ p, float* f) {
    float4 a = __ldg((const float4*)p), b = __ldg((const float4*)p + 1);
    f[0] = a.x; f[1] = a.y; f[2] = a.z; f[3] = a.w;
    f[4] = b.x; f[5] = b.y; f[6] = b.z; f[7] = b.w;
}

// With SILU (C = 2) the warp computes columns j and N + j of the fused
// gate/up matrix and writes silu(gate)·up to column j of an N-wide out,
// exactly as silu_mul does after the product: one launch and one round trip
// of the 2N-wide product less at batch 1.
template <typename W, int RB, int C, bool SILU>
__device__ void linear_warp_impl(float* __restrict__ out, const float* __restrict__ x, const W* __restrict__ w,
                            const float* __restrict__ bias, int R, int K, int N, int add) {
    const int lane = threadIdx.x & 31;
    const long warp = ((long)blockIdx.x * blockDim.x + threadIdx.x) >> 5;
    const long col0 = SILU ? warp : warp * C;
    if (col0 >= N) return; // warp-uniform
    // Vector loads need 16-byte aligned rows (K a multiple of 8); otherwise
    // every element takes the scalar path, in the same order.
    const int nb = (K & 7) == 0 ? K >> 8 : 0;
    const long kv = (long)nb << 8;
    const W* wc[C];
#pragma unroll
    for (int c = 0; c < C; c++) wc[c] = w + (SILU ? col0 + c * (long)N : min(col0 + c, (long)N - 1)) * K;
    for (int r0 = 0; r0 < R; r0 += RB) {
        float acc[C][RB][8];
#pragma unroll
        for (int c = 0; c < C; c++)
#pragma unroll
            for (int r = 0; r < RB; r++)
#pragma unroll
                for (int j = 0; j < 8; j++) acc[c][r][j] = 0.f;
        const float* xr[RB];
#pragma unroll
        for (int r = 0; r < RB; r++) xr[r] = x + (long)min(r0 + r, R - 1) * K;
#pragma unroll 4
        for (int b = 0; b < nb; b++) {
            const long kk = ((long)b << 8) + (lane << 3);
            float wf[C][8];
#pragma unroll
            for (int c = 0; c < C; c++) load8(wc[c] + kk, wf[c]);
#pragma unroll
            for (int r = 0; r < RB; r++) {
                if (r0 + r < R) {
                    float xf[8];
                    load8(xr[r] + kk, xf);
#pragma unroll
                    for (int c = 0; c < C; c++)
#pragma unroll
                        for (int j = 0; j < 8; j++) acc[c][r][j] = acc[c][r][j] + wf[c][j] * xf[j];
                }
            }
        }
        for (long k = kv + (lane << 3); k < K; k += 256) {
#pragma unroll
            for (int j = 0; j < 8; j++) {
                if (k + j < K) {
#pragma unroll
                    for (int c = 0; c < C; c++) {
                        float wv = load_w(wc[c], k + j);
#pragma unroll
                        for (int r = 0; r < RB; r++)
                            if (r0 + r < R) acc[c][r][j] = acc[c][r][j] + wv * xr[r][k + j];
                    }
                }
            }
        }
        if (SILU) {
#pragma unroll
            for (int r = 0; r < RB; r++) {
                if (r0 + r >= R) continue; // warp-uniform
                float v[2];
#pragma unroll
                for (int c = 0; c < 2; c++) {
                    float* g = acc[c][r];
                    v[c] = ((g[0] + g[4]) + (g[2] + g[6])) + ((g[1] + g[5]) + (g[3] + g[7]));
                    v[c] = v[c] + __shfl_xor_sync(0xffffffff, v[c], 16);
                    v[c] = v[c] + __shfl_xor_sync(0xffffffff, v[c], 8);
                    v[c] = v[c] + __shfl_xor_sync(0xffffffff, v[c], 4);
                    v[c] = v[c] + __shfl_xor_sync(0xffffffff, v[c], 2);
                    v[c] = v[c] + __shfl_xor_sync(0xffffffff, v[c], 1);
                }
                if (lane == (r & 31)) {
                    const float e = (float)exp(-(double)v[0]);
                    out[(long)(r0 + r) * N + col0] = v[0] / (1.0f + e) * v[1];
                }
            }
            continue;
        }
#pragma unroll
        for (int c = 0; c < C; c++) {
#pragma unroll
            for (int r = 0; r < RB; r++) {
                if (r0 + r >= R) continue; // warp-uniform
                float* g = acc[c][r];
                float v = ((g[0] + g[4]) + (g[2] + g[6])) + ((g[1] + g[5]) + (g[3] + g[7]));
                v = v + __shfl_xor_sync(0xffffffff, v, 16);
                v = v + __shfl_xor_sync(0xffffffff, v, 8);
                v = v + __shfl_xor_sync(0xffffffff, v, 4);
                v = v + __shfl_xor_sync(0xffffffff, v, 2);
                v = v + __shfl_xor_sync(0xffffffff, v, 1);
                long col = col0 + c;
                if (lane == ((c * RB + r) & 31) && col < N) {
                    if (bias) v = v + bias[col];
                    if (add) v = out[(long)(r0 + r) * N + col] + v;
                    out[(long)(r0 + r) * N + col] = v;
                }
            }
        }
    }
}
template <typename W, int RB, int C> __device__ void linear_warp_plain(float* out, const float* x, const W* w, const float* bias, int R, int K, int N, int add) {
    linear_warp_impl<W, RB, C, false>(out, x, w, bias, R, K, N, add);
}
#define LINEAR_WARP(RB, C) LINEAR_KERNELS(w, linear_warp_plain, RB, C, 4 * (C))
LINEAR_WARP(1, 1)
LINEAR_WARP(1, 2)
// The same product with a column group's 256 partial sums split over two
// warps (sums 0–127 and 128–255 of every 256-element block): lane l of
// warp half h owns sums 128h + 4l … 128h + 4l + 3 and loads their four
// consecutive weights (8 bytes of bf16). Twice the warps of the kernel
// above for a long, narrow product (the MLP's down projection at batch 1:
// K = 8,960 and only 768 column pairs, too few warps to keep enough loads
// in flight). Each run of 8 sums lies in a lane pair, reduced by halving
// with one shuffle; the 32 run results meet in shared memory for the
// canonical butterfly.
__device__ __forceinline__ void load4(const bf16_t* __restrict__ p, float* f) {
    uint2 u = __ldg((const uint2*)p);
    f[0] = __uint_as_float(u.x << 16); f[1] = __uint_as_float(u.x & 0xffff0000u);
    f[2] = __uint_as_float(u.y << 16); f[3] = __uint_as_float(u.y & 0xffff0000u);
}
__device__ __forceinline__ void load4(const float* __restrict__ p, float* f) {
    float4 a = __ldg((const float4*)p);
    f[0] = a.x; f[1] = a.y; f[2] = a.z; f[3] = a.w;
}
template <typename W, int RB, int C>
__device__ void linear_split_impl(float* __restrict__ out, const float* __restrict__ x, const W* __restrict__ w,
                                  const float* __restrict__ bias, int R, int K, int N, int add) {
    __shared__ float part[4][C][16]; // [warp of the block][column][run]
    const int lane = threadIdx.x & 31, wib = threadIdx.x >> 5, half = wib & 1;
    const long col0 = (((long)blockIdx.x * 4 + wib) >> 1) * C;
    const bool live = col0 < N; // block-wide syncs below: no early return
    const int nb = (K & 7) == 0 ? K >> 8 : 0;
    const long kv = (long)nb << 8;
    const int p0 = (half << 7) + (lane << 2); // the lane's first partial sum
    const W* wc[C];
#pragma unroll
    for (int c = 0; c < C; c++) wc[c] = w + min(col0 + c, (long)N - 1) * K;
    for (int r = 0; r < R; r++) {
        float acc[C][4];
#pragma unroll
        for (int c = 0; c < C; c++)
#pragma unroll
            for (int j = 0; j < 4; j++) acc[c][j] = 0.f;
        const float* xr = x + (long)r * K;
        if (live) {
#pragma unroll 8
            for (int b = 0; b < nb; b++) {
                const long kk = ((long)b << 8) + p0;
                float wf[C][4], xf[4];
#pragma unroll
                for (int c = 0; c < C; c++) load4(wc[c] + kk, wf[c]);
                load4(xr + kk, xf);
#pragma unroll
                for (int c = 0; c < C; c++)
#pragma unroll
                    for (int j = 0; j < 4; j++) acc[c][j] = acc[c][j] + wf[c][j] * xf[j];
            }
            for (long k = kv + p0; k < K; k += 256) {
#pragma unroll
                for (int j = 0; j < 4; j++) {
                    if (k + j < K) {
#pragma unroll
                        for (int c = 0; c < C; c++) acc[c][j] = acc[c][j] + load_w(wc[c], k + j) * xr[k + j];
                    }
                }
            }
        }
#pragma unroll
        for (int c = 0; c < C; c++) {
            // Lanes 2m and 2m+1 hold sums 0–3 and 4–7 of a run: both form
            // g_j + g_{j+4} (the same value), then the run's halving.
            float t[4];
#pragma unroll
            for (int j = 0; j < 4; j++) t[j] = acc[c][j] + __shfl_xor_sync(0xffffffff, acc[c][j], 1);
            const float v = (t[0] + t[2]) + (t[1] + t[3]);
            if ((lane & 1) == 0) part[wib][c][lane >> 1] = v;
        }
        __syncthreads();
        if (half == 0 && live) {
#pragma unroll
            for (int c = 0; c < C; c++) {
                float v = lane < 16 ? part[wib][c][lane] : part[wib + 1][c][lane - 16];
                v = v + __shfl_xor_sync(0xffffffff, v, 16);
                v = v + __shfl_xor_sync(0xffffffff, v, 8);
                v = v + __shfl_xor_sync(0xffffffff, v, 4);
                v = v + __shfl_xor_sync(0xffffffff, v, 2);
                v = v + __shfl_xor_sync(0xffffffff, v, 1);
                const long col = col0 + c;
                if (lane == 0 && col < N) {
                    if (bias) v = v + bias[col];
                    if (add) v = out[(long)r * N + col] + v;
                    out[(long)r * N + col] = v;
                }
            }
        }
        __syncthreads(); // part is reused by the next row
    }
}
#define LINEAR_SPLIT(RB, C) LINEAR_KERNELS(s, linear_split_impl, RB, C, 2 * (C))
LINEAR_SPLIT(1, 1)
LINEAR_SPLIT(1, 2)

// gate_up_silu_bf16/_f32: out[r, j] = silu(x·gate_j)·(x·up_j), N = I, one
// warp a column, four warps a block.
extern "C" __global__ void gate_up_silu_bf16(float* out, const float* x, const bf16_t* w, int R, int K, int N) {
    prefetch_rows(w, K, 2 * N, (long)blockIdx.x * 4, 4);     // gate rows
    prefetch_rows(w, K, 2 * N, N + (long)blockIdx.x * 4, 4); // up rows
    pdl_enter();
    linear_warp_impl<bf16_t, 1, 2, true>(out, x, w, nullptr, R, K, N, 0);
}
extern "C" __global__ void gate_up_silu_f32(float* out, const float* x, const float* w, int R, int K, int N) {
    prefetch_rows(w, K, 2 * N, (long)blockIdx.x * 4, 4);     // gate rows
    prefetch_rows(w, K, 2 * N, N + (long)blockIdx.x * 4, 4); // up rows
    pdl_enter();
    linear_warp_impl<float, 1, 2, true>(out, x, w, nullptr, R, K, N, 0);
}

// ---------------------------------------------------------------------------
// Per-row metadata of a batched pass: the row's position in its sequence and
// the base address of that sequence's KV cache, laid out as
// [layer][K|V][maxLen][kvDim] f32.
struct RowInfo {
    u64 cache;
    int pos;
    int maxLen;
};

// RoPE (rotate_half layout) on q and k, and the new k, v written to the cache.
// qkv holds each row's fused projection [q | k | v] (heads·headDim +
// 2·kvHeads·headDim floats). Grid (rows, ⌈items / blockDim⌉): one thread a
// rotated pair (q or k; a k pair goes to the cache as well) or a v element,
// so a batch-1 pass is spread over several multiprocessors and no thread
// waits for another. src(j) is the row's projection value j: what qkv holds
// (rope_store), or the sum of a tensor-core product's terms and the bias,
// written to qkv as well (combine_rope_store).
template <class Src>
__device__ __forceinline__ void rope_impl(float* qkv, const Src& src, const RowInfo* rows, const float* invFreq,
                                          int heads, int kvHeads, int headDim, int layer, bool store) {
    const int r = blockIdx.x;
    const int half = headDim / 2;
    const int qd = heads * headDim, kvd = kvHeads * headDim, pairs = (heads + kvHeads) * half;
    const int t = blockIdx.y * blockDim.x + threadIdx.x;
    if (t >= pairs + kvd) return;
    const RowInfo ri = rows[r];
    float* qr = qkv + (long)r * (qd + 2 * kvd);
    float* kc = (float*)ri.cache + ((long)layer * 2) * ri.maxLen * kvd + (long)ri.pos * kvd;
    if (t >= pairs) { // v
        const int i = t - pairs;
        const float v = src(r, qd + kvd + i);
        if (store) qr[qd + kvd + i] = v;
        kc[(long)ri.maxLen * kvd + i] = v;
        return;
    }
    const int h = t / half, i = t - h * half;
    const float f = invFreq[i] * (float)ri.pos;
    const float c = (float)cos((double)f);
    const float s = (float)sin((double)f);
    float* vec = qr + h * headDim; // q heads, then the k heads right after them
    const float x1 = src(r, h * headDim + i), x2 = src(r, h * headDim + i + half);
    const float y1 = x1 * c - x2 * s, y2 = x2 * c + x1 * s;
    vec[i] = y1;
    vec[i + half] = y2;
    if (h >= heads) {
        const int j = (h - heads) * headDim + i;
        kc[j] = y1;
        kc[j + half] = y2;
    }
}

struct ProjSrc {
    const float* qkv;
    int N;
    __device__ float operator()(int r, int j) const { return qkv[(long)r * N + j]; }
};

extern "C" __global__ void rope_store(float* qkv, const RowInfo* rows, const float* invFreq, int heads, int kvHeads,
                                      int headDim, int layer) {
    pdl_enter();
    ProjSrc src{qkv, (heads + 2 * kvHeads) * headDim};
    rope_impl(qkv, src, rows, invFreq, heads, kvHeads, headDim, layer, false);
}

// Causal grouped-query attention of one (row, head) over the row's cache
// positions 0..pos. Scores are f32 dot products in model.dot's order times
// the f32 scale; exp and the normalizing sum are f64, the sum in ascending
// position order; the weighted sum of values accumulates in f32 over
// ascending positions. Dynamic shared memory: (pos+1) doubles + headDim floats.
// Launched with ATT_THREADS threads per block.
// q is read from the fused projection (row stride heads·headDim +
// 2·kvHeads·headDim).
#define ATT_THREADS 256
extern "C" __global__ void attention(float* out, const float* q, const RowInfo* rows, int heads, int kvHeads,
                                     int headDim, int layer, float scale) {
    pdl_enter();
    extern __shared__ double sh[];
    int h = blockIdx.x, r = blockIdx.y;
    RowInfo ri = rows[r];
    int n = ri.pos + 1;
    int kvd = kvHeads * headDim;
    int kh = h / (heads / kvHeads);
    double* e = sh;
    float* qs = (float*)(sh + n);
    __shared__ double red[ATT_THREADS];
    __shared__ double total;
    const float* qh = q + (long)r * (heads + 2 * kvHeads) * headDim + h * headDim;
    for (int i = threadIdx.x; i < headDim; i += blockDim.x) qs[i] = qh[i];
    __syncthreads();
    const float* kc = (const float*)ri.cache + ((long)layer * 2) * ri.maxLen * kvd + kh * headDim;
    const float* vc = kc + (long)ri.maxLen * kvd;
    int D8 = headDim & ~7;
    double mx = -1.0 / 0.0;
    // Scores: eight lanes per position, lane j the partial sum s_j of
    // model.dot (elements j, j+8, …; the tail after the main run goes to
    // s_0), so a position's key is read in coalesced runs; the shuffle
    // tree xor 1, 2, 4 is dot's ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)).
    const int j = threadIdx.x & 7, grp = threadIdx.x >> 3, groups = ATT_THREADS >> 3;
    for (int t0 = 0; t0 < n; t0 += groups) {
        int t = t0 + grp;
        float sj = 0;
        if (t < n) {
            const float* kt = kc + (long)t * kvd;
            for (int i = j; i < D8; i += 8) sj = sj + qs[i] * kt[i];
            if (j == 0)
                for (int i = D8; i < headDim; i++) sj = sj + qs[i] * kt[i];
        }
        sj = sj + __shfl_xor_sync(0xffffffff, sj, 1);
        sj = sj + __shfl_xor_sync(0xffffffff, sj, 2);
        sj = sj + __shfl_xor_sync(0xffffffff, sj, 4);
        if (t < n && j == 0) {
            double sc = (double)(sj * scale);
            e[t] = sc;
            mx = fmax(mx, sc);
        }
    }
    red[threadIdx.x] = mx;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) red[threadIdx.x] = fmax(red[threadIdx.x], red[threadIdx.x + s]);
        __syncthreads();
    }
    mx = red[0];
    for (int t = threadIdx.x; t < n; t += blockDim.x) e[t] = exp(e[t] - mx);
    __syncthreads();
    if (threadIdx.x == 0) {
        double sum = 0;
        for (int t = 0; t < n; t++) sum += e[t];
        total = sum;
    }
    __syncthreads();
    double sum = total;
    // p_t = f32(e_t / sum), computed once per position (kept in e as a double
    // holding the f32 value exactly).
    for (int t = threadIdx.x; t < n; t += blockDim.x) e[t] = (double)(float)(e[t] / sum);
    __syncthreads();
    float* o = out + (long)r * heads * headDim + h * headDim;
    for (int i = threadIdx.x; i < headDim; i += blockDim.x) {
        float acc = 0;
        for (int t = 0; t < n; t++) acc = acc + (float)e[t] * vc[(long)t * kvd + i];
        o[i] = acc;
    }
}

// Causal grouped-query attention of one (row, KV head) for hpb of the
// query heads that share the KV head (hpb divides heads / kvHeads; grid x
// is kvHeads · heads / kvHeads / hpb), so each key and value is read from
// the cache once for hpb heads instead of once per head. The backend picks
// hpb by the pass's size: all of a KV head's query heads for long passes
// (traffic falls by that factor, six for a 1.5B Qwen), fewer when there
// are too few blocks to fill the device. Every (row, head)
// result is computed in exactly the order of `attention` above (same dot
// product lanes and shuffle tree, f64 exp, the f64 sum in ascending
// position order, f32 values accumulated in ascending order), so the two
// kernels agree bit for bit; only which thread does what changes.
//
// Shared memory (dynamic): G·n f32 scores (a score is an f32 product, so
// f32 holds it exactly; the exponentials are recomputed where needed, and
// exp of the same argument is the same number), G·ATT_CHUNK f64
// exponentials of the chunk being summed, G·headDim f32 queries — the
// backend's attnGroupSmem, G = hpb. Requirements the backend checks
// (attnGroupFits): G ≤ ATT_GMAX, headDim ≤ ATT_HDMAX and divides ATT_THREADS.
#define ATT_GMAX 8
#define ATT_CHUNK 128
#define ATT_HDMAX 128 // largest headDim taken
#define ATT_KP 2      // positions a lane group scores per iteration
#define ATT_VB 16     // values loaded ahead per thread
// att_probabilities turns the f32 scores sc[h][t] of G heads over n
// positions (mx: a thread's running maxima) into probabilities in place, in
// `attention`'s order: the maximum, f64 exponentials, their f64 sum in
// ascending position order (a chunk's exponentials in parallel into ex
// [G][ATT_CHUNK], then one thread per head adds them in order), p =
// f32(e / sum). Every thread of the block calls it; it ends with the
// probabilities written by this thread, not yet synchronized.
__device__ __forceinline__ void att_probabilities(float* sc, double* ex, const float* mx, int G, int n) {
    __shared__ float redm[ATT_THREADS / 32][ATT_GMAX];
    __shared__ double mxs[ATT_GMAX], sums[ATT_GMAX];
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
#pragma unroll
    for (int h = 0; h < ATT_GMAX; h++) {
        float m = mx[h];
        for (int o = 16; o > 0; o >>= 1) m = fmaxf(m, __shfl_xor_sync(0xffffffff, m, o));
        if (lane == 0) redm[warp][h] = m;
    }
    __syncthreads();
    if (threadIdx.x < G) {
        float m = redm[0][threadIdx.x];
        for (int w = 1; w < ATT_THREADS / 32; w++) m = fmaxf(m, redm[w][threadIdx.x]);
        mxs[threadIdx.x] = (double)m;
        sums[threadIdx.x] = 0;
    }
    __syncthreads();
    for (int c0 = 0; c0 < n; c0 += ATT_CHUNK) {
        const int cn = min(ATT_CHUNK, n - c0);
        for (int k = threadIdx.x; k < G * cn; k += ATT_THREADS) {
            const int h = k / cn, t = k % cn;
            ex[h * ATT_CHUNK + t] = exp((double)sc[h * n + c0 + t] - mxs[h]);
        }
        __syncthreads();
        if (threadIdx.x < G) {
            double s = sums[threadIdx.x];
            const double* e = ex + threadIdx.x * ATT_CHUNK;
#pragma unroll 8
            for (int t = 0; t < cn; t++) s += e[t];
            sums[threadIdx.x] = s;
        }
        __syncthreads();
    }
    for (int k = threadIdx.x; k < G * n; k += ATT_THREADS) {
        const int h = k / n;
        sc[k] = (float)(exp((double)sc[k] - mxs[h]) / sums[h]);
    }
}

extern "C" __global__ void __launch_bounds__(ATT_THREADS, 4) attention_group(float* out, const float* q, const RowInfo* rows, int heads, int kvHeads,
                                           int headDim, int layer, float scale, int hpb) {
    pdl_enter();
    extern __shared__ double shg[];
    // Block x covers query heads first … first+G−1 of KV head kh.
    const int G = hpb, split = heads / kvHeads / hpb;
    const int kh = blockIdx.x / split, r = blockIdx.y;
    const int first = kh * (heads / kvHeads) + (blockIdx.x % split) * hpb;
    const RowInfo ri = rows[r];
    const int n = ri.pos + 1;
    const int kvd = kvHeads * headDim;
    double* ex = shg;                             // [G][ATT_CHUNK]
    float* qs = (float*)(shg + G * ATT_CHUNK);    // [G][headDim]
    float* sc = qs + G * headDim;                 // [G][n]
    const float* qrow = q + (long)r * (heads + 2 * kvHeads) * headDim + (long)first * headDim;
    for (int i = threadIdx.x; i < G * headDim; i += blockDim.x) qs[i] = qrow[i];
    __syncthreads();
    const float* kc = (const float*)ri.cache + ((long)layer * 2) * ri.maxLen * kvd + kh * headDim;
    const float* vc = kc + (long)ri.maxLen * kvd;
    const int D8 = headDim & ~7;
    const int j = threadIdx.x & 7, grp = threadIdx.x >> 3, groups = ATT_THREADS >> 3;
    float mx[ATT_GMAX];
#pragma unroll
    for (int h = 0; h < ATT_GMAX; h++) mx[h] = -1.0f / 0.0f;
    // Each group of eight lanes scores ATT_KP positions an iteration, their
    // key loads unrolled so that they are in flight together (the kernel is
    // bound by load latency, not bandwidth).
    for (int t0 = 0; t0 < n; t0 += groups * ATT_KP) {
        float sj[ATT_KP][ATT_GMAX];
#pragma unroll
        for (int p = 0; p < ATT_KP; p++) {
#pragma unroll
            for (int h = 0; h < ATT_GMAX; h++) sj[p][h] = 0;
        }
#pragma unroll
        for (int p = 0; p < ATT_KP; p++) {
            int t = t0 + p * groups + grp;
            if (t < n) {
                const float* kt = kc + (long)t * kvd;
                float kv[ATT_HDMAX / 8];
#pragma unroll
                for (int u = 0; u < ATT_HDMAX / 8; u++) kv[u] = j + 8 * u < D8 ? kt[j + 8 * u] : 0.0f;
#pragma unroll
                for (int u = 0; u < ATT_HDMAX / 8; u++) {
                    if (j + 8 * u < D8) {
#pragma unroll
                        for (int h = 0; h < ATT_GMAX; h++)
                            if (h < G) sj[p][h] = sj[p][h] + qs[h * headDim + j + 8 * u] * kv[u];
                    }
                }
                if (j == 0)
                    for (int i = D8; i < headDim; i++) {
                        float k = kt[i];
#pragma unroll
                        for (int h = 0; h < ATT_GMAX; h++)
                            if (h < G) sj[p][h] = sj[p][h] + qs[h * headDim + i] * k;
                    }
            }
        }
#pragma unroll
        for (int p = 0; p < ATT_KP; p++) {
            int t = t0 + p * groups + grp;
#pragma unroll
            for (int h = 0; h < ATT_GMAX; h++) {
                if (h < G) {
                    float v = sj[p][h];
                    v = v + __shfl_xor_sync(0xffffffff, v, 1);
                    v = v + __shfl_xor_sync(0xffffffff, v, 2);
                    v = v + __shfl_xor_sync(0xffffffff, v, 4);
                    if (t < n && j == 0) {
                        float s = v * scale;
                        sc[h * n + t] = s;
                        mx[h] = fmaxf(mx[h], s);
                    }
                }
            }
        }
    }
    att_probabilities(sc, ex, mx, G, n);
    __syncthreads();
    // Values: thread owns dimension i of heads h0, h0+hs, … (hs = threads
    // per headDim), each accumulated over ascending positions.
    const int hs = ATT_THREADS / headDim, i = threadIdx.x % headDim, h0 = threadIdx.x / headDim;
    float acc[ATT_GMAX];
#pragma unroll
    for (int a = 0; a < ATT_GMAX; a++) acc[a] = 0;
    const float* vi = vc + i;
    int t = 0;
    // ATT_VB positions' values loaded together, then added in order.
    for (; t + ATT_VB <= n; t += ATT_VB) {
        float v[ATT_VB];
#pragma unroll
        for (int u = 0; u < ATT_VB; u++) v[u] = vi[(long)(t + u) * kvd];
#pragma unroll
        for (int u = 0; u < ATT_VB; u++) {
#pragma unroll
            for (int a = 0; a < ATT_GMAX; a++) {
                int h = h0 + a * hs;
                if (a * hs < ATT_GMAX && h < G) acc[a] = acc[a] + sc[h * n + t + u] * v[u];
            }
        }
    }
    for (; t < n; t++) {
        float v = vi[(long)t * kvd];
#pragma unroll
        for (int a = 0; a < ATT_GMAX; a++) {
            int h = h0 + a * hs;
            if (a * hs < ATT_GMAX && h < G) acc[a] = acc[a] + sc[h * n + t] * v;
        }
    }
    float* o = out + (long)r * heads * headDim + (long)first * headDim;
#pragma unroll
    for (int a = 0; a < ATT_GMAX; a++) {
        int h = h0 + a * hs;
        if (a * hs < ATT_GMAX && h < G) o[h * headDim + i] = acc[a];
    }
}

// ---------------------------------------------------------------------------
// Decode attention: `attention`'s numbers, bit for bit, for G of a KV head's
// query heads a block (grid x kvHeads · heads / kvHeads / G, y the rows),
// built so that a block is not a chain of load round trips. The per-head
// and grouped kernels read keys and values from global memory a few
// positions at a time and wait on each batch (run 39's ncu: 61% of the
// per-head kernel's issue slots waiting on L1/L2, DRAM at 5%); here every
// key and value chunk of ADC_T positions streams through a ring of ADC_S
// shared-memory slots by cp.async, the keys first and then the values, so
// that ADC_S − 1 chunks are in flight while one is used and the first
// values arrive while the softmax runs. Each (row, head) result is
// computed as `attention` computes it: lane j of eight sums q·k over
// elements j, j+8, … in ascending order, the shuffle tree xor 1, 2, 4
// (model.dot's), times the f32 scale; f64 exponentials, their f64 sum in
// ascending position order; p = f32(e / sum); values accumulated in f32
// over ascending positions.
//
// Dynamic shared memory (the backend's attnDecodeSmem): the ring, ADC_S ·
// ADC_T rows of headDim + 8 floats (the padding puts a warp's four
// positions on different banks); G · ATT_CHUNK f64 exponentials; G ·
// headDim f32 queries; G · n f32 scores, then probabilities. Requirements
// the backend checks (attnDecodeFits): G ≤ ATT_GMAX, headDim ≤ ATT_HDMAX,
// a multiple of 8 dividing ATT_THREADS.
#define ADC_T 32 // positions a chunk: one per lane group
#define ADC_S 4  // ring slots
__device__ __forceinline__ void adc_cp16(float* smem, const float* gmem, int bytes) {
    unsigned s = (unsigned)__cvta_generic_to_shared(smem);
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(s), "l"(gmem), "r"(bytes));
}
// A chunk's scores for G heads: lane j of position group grp sums its
// eight-strided elements, then the shuffle tree. G is a template
// parameter so that the head loops carry no per-head guards (with G at
// run time they were most of the kernel's instructions: run 48's ncu).
template <int G>
__device__ __forceinline__ void adc_scores(float* sc, float* mx, const float* kt, const float* qs, int headDim, int j, int t,
                                           int n, float scale) {
    float sj[G];
#pragma unroll
    for (int h = 0; h < G; h++) sj[h] = 0;
#pragma unroll 4
    for (int i = j; i < headDim; i += 8) {
        const float k = kt[i];
#pragma unroll
        for (int h = 0; h < G; h++) sj[h] = sj[h] + qs[h * headDim + i] * k;
    }
#pragma unroll
    for (int h = 0; h < G; h++) {
        float v = sj[h];
        v = v + __shfl_xor_sync(0xffffffff, v, 1);
        v = v + __shfl_xor_sync(0xffffffff, v, 2);
        v = v + __shfl_xor_sync(0xffffffff, v, 4);
        if (t < n && j == 0) {
            const float s = v * scale;
            sc[h * n + t] = s;
            mx[h] = fmaxf(mx[h], s);
        }
    }
}

// A chunk's values for a thread's NA heads: acc[a] += p[a][t] · v[t] over
// ascending t.
template <int NA>
__device__ __forceinline__ void adc_values(float* acc, const float* vs, const float* const* pr, int cn, int ld) {
#pragma unroll 8
    for (int t = 0; t < cn; t++) {
        const float v = vs[t * ld];
#pragma unroll
        for (int a = 0; a < NA; a++) acc[a] = acc[a] + pr[a][t] * v;
    }
}

extern "C" __global__ void __launch_bounds__(ATT_THREADS) attention_decode(float* out, const float* q, const RowInfo* rows, int heads, int kvHeads,
                                                                          int headDim, int layer, float scale, int hpb) {
    pdl_enter();
    extern __shared__ __align__(16) float sdc[];
    const int G = hpb, split = heads / kvHeads / hpb;
    const int kh = blockIdx.x / split, r = blockIdx.y;
    const int first = kh * (heads / kvHeads) + (blockIdx.x % split) * hpb;
    const RowInfo ri = rows[r];
    const int n = ri.pos + 1;
    const int kvd = kvHeads * headDim, ld = headDim + 8;
    float* ring = sdc;                                         // [ADC_S][ADC_T][ld]
    double* ex = (double*)(ring + ADC_S * ADC_T * ld);         // [G][ATT_CHUNK]
    float* qs = (float*)(ex + G * ATT_CHUNK);                  // [G][headDim]
    float* sc = qs + G * headDim;                              // [G][n]
    const float* kc = (const float*)ri.cache + ((long)layer * 2) * ri.maxLen * kvd + kh * headDim;
    const float* vc = kc + (long)ri.maxLen * kvd;
    const int nt = (n + ADC_T - 1) / ADC_T, quads = headDim / 4;
    // Thread e copies 16 bytes at column (e mod quads)·4 of rows e / quads,
    // + ATT_THREADS / quads, … (quads divides ATT_THREADS).
    const int crow = threadIdx.x / quads, ccol = (threadIdx.x % quads) * 4, cstep = ATT_THREADS / quads;
    // Chunk c < nt is keys t ∈ [c·ADC_T, …), then values; past n zero-filled.
    auto issue = [&](int c) {
        if (c < 2 * nt) {
            const float* base = (c < nt ? kc : vc) + ccol;
            const int t0 = (c < nt ? c : c - nt) * ADC_T;
            float* dst = ring + (c % ADC_S) * ADC_T * ld + ccol;
            for (int row = crow; row < ADC_T; row += cstep) {
                const int t = t0 + row;
                const bool ok = t < n;
                adc_cp16(dst + row * ld, ok ? base + (long)t * kvd : base, ok ? 16 : 0);
            }
        }
        asm volatile("cp.async.commit_group;\n" ::);
    };
#pragma unroll
    for (int c = 0; c < ADC_S - 1; c++) issue(c);
    const float* qrow = q + (long)r * (heads + 2 * kvHeads) * headDim + (long)first * headDim;
    for (int i = threadIdx.x; i < G * headDim; i += ATT_THREADS) qs[i] = qrow[i];
    const int j = threadIdx.x & 7, grp = threadIdx.x >> 3;
    float mx[ATT_GMAX];
#pragma unroll
    for (int h = 0; h < ATT_GMAX; h++) mx[h] = -1.0f / 0.0f;
    for (int c = 0; c < nt; c++) {
        asm volatile("cp.async.wait_group %0;\n" ::"n"(ADC_S - 2));
        __syncthreads(); // chunk c is in; every thread is done with chunk c−1's slot
        issue(c + ADC_S - 1);
        const float* kt = ring + (c % ADC_S) * ADC_T * ld + grp * ld;
        const int t = c * ADC_T + grp;
        switch (G) {
        case 1: adc_scores<1>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        case 2: adc_scores<2>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        case 3: adc_scores<3>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        case 4: adc_scores<4>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        case 5: adc_scores<5>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        case 6: adc_scores<6>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        case 7: adc_scores<7>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        default: adc_scores<8>(sc, mx, kt, qs, headDim, j, t, n, scale); break;
        }
    }
    att_probabilities(sc, ex, mx, G, n);
    // Values: thread (h0, i) owns dimension i of heads h0, h0 + hs, … (na
    // of them; a warp's threads share h0, so idle warps skip whole).
    const int hs = ATT_THREADS / headDim, i = threadIdx.x % headDim, h0 = threadIdx.x / headDim;
    const int na = h0 < G ? (G - h0 + hs - 1) / hs : 0;
    float acc[ATT_GMAX];
#pragma unroll
    for (int a = 0; a < ATT_GMAX; a++) acc[a] = 0;
    for (int c = nt; c < 2 * nt; c++) {
        asm volatile("cp.async.wait_group %0;\n" ::"n"(ADC_S - 2));
        __syncthreads(); // as above; the first time also the probabilities
        issue(c + ADC_S - 1);
        const float* vs = ring + (c % ADC_S) * ADC_T * ld + i;
        const int t0 = (c - nt) * ADC_T, cn = min(ADC_T, n - t0);
        const float* pr[ATT_GMAX];
#pragma unroll
        for (int a = 0; a < ATT_GMAX; a++) pr[a] = sc + (long)min(h0 + a * hs, G - 1) * n + t0;
        switch (na) {
        case 0: break;
        case 1: adc_values<1>(acc, vs, pr, cn, ld); break;
        case 2: adc_values<2>(acc, vs, pr, cn, ld); break;
        case 3: adc_values<3>(acc, vs, pr, cn, ld); break;
        case 4: adc_values<4>(acc, vs, pr, cn, ld); break;
        default: adc_values<ATT_GMAX>(acc, vs, pr, cn, ld); break;
        }
    }
    asm volatile("cp.async.wait_group 0;\n" ::);
    float* o = out + (long)r * heads * headDim + (long)first * headDim;
#pragma unroll
    for (int a = 0; a < ATT_GMAX; a++)
        if (a < na) o[(h0 + a * hs) * headDim + i] = acc[a];
}

// ---------------------------------------------------------------------------
// Two-pass attention: the same numbers as `attention` and `attention_group`,
// bit for bit, with the work cut so that small passes fill the device. The
// single-kernel versions give a (row, head) one block, which at batch 1 is
// 12 blocks for a 1.5B Qwen on 132 multiprocessors, each waiting on its own
// loads one after another (32 µs a layer at ~330 positions: run 18). Here
//   attention_scores: grid (KV heads, rows, position tiles of ATT_ST): every
//     score of a KV head's G query heads, in model.dot's lane order and
//     shuffle tree exactly as attention_group computes it, to a global
//     buffer sc[row][head][ldS];
//   attention_softmax: grid (query heads, rows): one row of scores turned
//     into probabilities in place — the maximum, the f64 exponentials, their
//     f64 sum in ascending position order, p = f32(e / sum) — once, where
//     every values block used to recompute it (13–16 µs a layer at batch 1,
//     issue-bound: run 22's ncu);
//   attention_values: grid (KV heads, rows, headDim / ds): one slice of ds
//     value dimensions of the G heads: thread (h, d) accumulates its value
//     in f32 over ascending positions from chunks of probabilities and
//     values staged in shared memory, the next chunk loaded into registers
//     while the current one is summed.
// Requirements the backend checks (twoPassSlice): G ≤ ATT_GMAX, headDim ≤
// ATT_HDMAX, ds a power of two dividing headDim with G·ds ≤ ATT_THREADS.
// Shared memory is fixed (no dependence on the context length), so a
// captured CUDA graph replays for every step of a length bucket.
#define ATT_SP 4  // positions a block scores at once: 8 lanes × 8 heads each
#define ATT_SI 4  // such rounds a block, their key loads in flight together
#define ATT_ST (ATT_SP * ATT_SI) // positions a scores block takes
#define ATT_VC 128 // positions of values a chunk stages
extern "C" __global__ void __launch_bounds__(ATT_THREADS) attention_scores(float* sc, const float* q, const RowInfo* rows, int heads,
                                                                          int kvHeads, int headDim, int layer, float scale, int ldS) {
    pdl_enter();
    const int G = heads / kvHeads, kh = blockIdx.x, r = blockIdx.y;
    const RowInfo ri = rows[r];
    const int n = ri.pos + 1, t0 = blockIdx.z * ATT_ST;
    if (t0 >= n) return; // block-uniform
    // Thread (slot, h, j): lane j of the eight of model.dot for head h at
    // position slot of the round; its query elements j, j+8, … stay in
    // registers. A position's 64 threads are two whole warps, so the
    // shuffle tree runs on whole warps.
    const int j = threadIdx.x & 7, h = (threadIdx.x >> 3) & 7, slot = threadIdx.x >> 6;
    const bool active = h < G;
    const int kvd = kvHeads * headDim, D8 = headDim & ~7;
    const float* qh = q + (long)r * (heads + 2 * kvHeads) * headDim + ((long)kh * G + (active ? h : 0)) * headDim;
    float qv[ATT_HDMAX / 8];
#pragma unroll
    for (int u = 0; u < ATT_HDMAX / 8; u++) qv[u] = j + 8 * u < D8 ? qh[j + 8 * u] : 0.0f;
    const float* kc = (const float*)ri.cache + ((long)layer * 2) * ri.maxLen * kvd + kh * headDim;
    float kv[ATT_SI][ATT_HDMAX / 8];
#pragma unroll
    for (int it = 0; it < ATT_SI; it++) {
        const int t = t0 + it * ATT_SP + slot;
        const float* kt = kc + (long)min(t, n - 1) * kvd;
#pragma unroll
        for (int u = 0; u < ATT_HDMAX / 8; u++) kv[it][u] = j + 8 * u < D8 ? kt[j + 8 * u] : 0.0f;
    }
    float* out = sc + ((long)r * heads + (long)kh * G + (active ? h : 0)) * ldS;
#pragma unroll
    for (int it = 0; it < ATT_SI; it++) {
        const int t = t0 + it * ATT_SP + slot;
        float v = 0;
#pragma unroll
        for (int u = 0; u < ATT_HDMAX / 8; u++)
            if (j + 8 * u < D8) v = v + qv[u] * kv[it][u];
        if (j == 0 && t < n) {
            const float* kt = kc + (long)t * kvd;
            for (int i = D8; i < headDim; i++) v = v + qh[i] * kt[i];
        }
        v = v + __shfl_xor_sync(0xffffffff, v, 1);
        v = v + __shfl_xor_sync(0xffffffff, v, 2);
        v = v + __shfl_xor_sync(0xffffffff, v, 4);
        if (active && j == 0 && t < n) out[t] = v * scale;
    }
}

#define ATT_SMX 2048 // exponentials a softmax block keeps; longer rows recompute them
extern "C" __global__ void __launch_bounds__(ATT_THREADS) attention_softmax(float* sc, const RowInfo* rows, int heads, int ldS) {
    pdl_enter();
    __shared__ double ex[ATT_SMX];
    __shared__ float redm[ATT_THREADS / 32];
    __shared__ double total;
    const int r = blockIdx.y;
    const int n = rows[r].pos + 1;
    float* s = sc + ((long)r * heads + blockIdx.x) * ldS;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    float m = -1.0f / 0.0f;
    for (int t = threadIdx.x; t < n; t += ATT_THREADS) m = fmaxf(m, s[t]);
    for (int o = 16; o > 0; o >>= 1) m = fmaxf(m, __shfl_xor_sync(0xffffffff, m, o));
    if (lane == 0) redm[warp] = m;
    __syncthreads();
#pragma unroll
    for (int w = 0; w < ATT_THREADS / 32; w++) m = fmaxf(m, redm[w]);
    const double md = (double)m;
    // One thread adds the exponentials in ascending order, a chunk at a
    // time, while nothing else can run ahead of it: that chain is the
    // kernel's floor.
    double sum = 0;
    for (int c0 = 0; c0 < n; c0 += ATT_SMX) {
        const int cn = min(ATT_SMX, n - c0);
        for (int t = threadIdx.x; t < cn; t += ATT_THREADS) ex[t] = exp((double)s[c0 + t] - md);
        __syncthreads();
        if (threadIdx.x == 0) {
#pragma unroll 8
            for (int t = 0; t < cn; t++) sum += ex[t];
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) total = sum;
    __syncthreads();
    const double tot = total;
    if (n <= ATT_SMX) {
        for (int t = threadIdx.x; t < n; t += ATT_THREADS) s[t] = (float)(ex[t] / tot);
    } else {
        for (int t = threadIdx.x; t < n; t += ATT_THREADS) s[t] = (float)(exp((double)s[t] - md) / tot);
    }
}

#define ATT_VPT (ATT_VC * 32 / ATT_THREADS)        // staged values a thread loads, at most (ds ≤ 32)
#define ATT_PPT (ATT_VC * ATT_GMAX / ATT_THREADS)  // staged probabilities a thread loads, at most
extern "C" __global__ void __launch_bounds__(ATT_THREADS) attention_values(float* out, const float* sc, const RowInfo* rows, int heads,
                                                                          int kvHeads, int headDim, int layer, int ldS, int dsShift) {
    pdl_enter();
    __shared__ float pb[ATT_GMAX * ATT_VC]; // [G][ATT_VC] a chunk's probabilities
    __shared__ float vb[ATT_VC * 32];       // [ATT_VC][ds] a chunk's values
    const int ds = 1 << dsShift;
    const int G = heads / kvHeads, kh = blockIdx.x, r = blockIdx.y, d0 = blockIdx.z * ds;
    const RowInfo ri = rows[r];
    const int n = ri.pos + 1;
    const int kvd = kvHeads * headDim;
    const int h = threadIdx.x >> dsShift, d = threadIdx.x & (ds - 1);
    const bool active = h < G;
    const float* vc = (const float*)ri.cache + ((long)layer * 2 + 1) * ri.maxLen * kvd + kh * headDim + d0;
    const float* ps = sc + ((long)r * heads + (long)kh * G) * ldS;
    const int per = ATT_VC << dsShift, pper = G * ATT_VC;
    float nv[ATT_VPT], np[ATT_PPT];
    // Element e of a chunk's values is position e >> dsShift, dimension
    // e & (ds − 1); of its probabilities, head e / ATT_VC, position
    // e % ATT_VC (ATT_VC a power of two).
#define ATT_LOAD(c0)                                                                          \
    _Pragma("unroll") for (int u = 0; u < ATT_VPT; u++) {                                     \
        const int e = threadIdx.x + u * ATT_THREADS, t = (c0) + (e >> dsShift);                \
        nv[u] = e < per && t < n ? vc[(long)t * kvd + (e & (ds - 1))] : 0.0f;                 \
    }                                                                                         \
    _Pragma("unroll") for (int u = 0; u < ATT_PPT; u++) {                                     \
        const int e = threadIdx.x + u * ATT_THREADS, t = (c0) + (e & (ATT_VC - 1));            \
        np[u] = e < pper && t < n ? ps[(long)(e / ATT_VC) * ldS + t] : 0.0f;                  \
    }
    ATT_LOAD(0)
    float acc = 0;
    const float* ph = pb + (active ? h : 0) * ATT_VC;
    for (int c0 = 0; c0 < n; c0 += ATT_VC) {
        __syncthreads(); // the last chunk is summed
#pragma unroll
        for (int u = 0; u < ATT_VPT; u++) {
            const int e = threadIdx.x + u * ATT_THREADS;
            if (e < per) vb[e] = nv[u];
        }
#pragma unroll
        for (int u = 0; u < ATT_PPT; u++) {
            const int e = threadIdx.x + u * ATT_THREADS;
            if (e < pper) pb[e] = np[u];
        }
        __syncthreads();
        ATT_LOAD(c0 + ATT_VC)
        if (active) {
            const int cn = min(ATT_VC, n - c0);
#pragma unroll 8
            for (int t = 0; t < cn; t++) acc = acc + ph[t] * vb[(t << dsShift) + d];
        }
    }
#undef ATT_LOAD
    if (active) out[(long)r * heads * headDim + ((long)kh * G + h) * headDim + d0 + d] = acc;
}

// ---------------------------------------------------------------------------
// Tiled attention for long passes (prefills, a verifier's ragged passes):
// the same numbers as the kernels above, bit for bit, with each key and
// value read once for a tile of query rows instead of once per row. The
// other kernels give a (row, KV head) its own pass over the row's prefix,
// so a pass of R rows over n positions reads ~R·n keys and values from L2
// and issues a shared-memory load per product; at a verifier's 16 rollouts
// of 1,224 positions that was 59% of the pass (run 28). Here a tile is up
// to ATT_TQ consecutive rows of one sequence (the backend's tile table:
// first row, row count), and
//   attention_scores_tiled: grid (KV heads, 2 · tiles, position blocks of
//     ATT_TP · ATT_TR): warp w scores row w of the half tile against 32
//     positions a round, lane l position l, every head of the KV head; the
//     lane runs model.dot's eight partial sums itself (sum j takes elements
//     j, j+8, … in order) and then its tree ((s0+s1)+(s2+s3))+((s4+s5)+
//     (s6+s7)), times the f32 scale — attention_scores' numbers, to the
//     same buffer layout sc[row − r0][head][ldS];
//   attention_softmax_warps (below) turns each row of scores into
//     probabilities, as attention_softmax does;
//   attention_values_tiled: grid (KV heads, tiles): thread (q, g) sums the
//     values of eight dimensions (4g…4g+3 and headDim/2 + 4g…+3) for every
//     head of row q of the tile, each in f32 over ascending positions up to
//     the row's own, from chunks of ATT_TVC positions' values and
//     probabilities staged in shared memory.
// The backend runs a pass in chunks of whole tiles whose scores fit its
// buffer (r0: the chunk's first row). Requirements it checks (tiledFits):
// G ≤ ATT_GMAX, headDim ≤ ATT_HDMAX and a multiple of 16 (values blocks of whole warps), and the scores
// kernel's dynamic shared memory (tiledScoreSmem: ATT_TQS·G·headDim f32
// queries, ATT_TP·(headDim + 4) f32 keys).
#define ATT_TQ 16  // rows a tile (values block)
#define ATT_TQS 8  // rows a scores block: one a warp
#define ATT_TP 32  // positions a scores round: one a lane
#define ATT_TR 4   // rounds a scores block
#define ATT_TVC 32 // positions of values a chunk stages
struct Tile {
    int first, count;
};

extern "C" __global__ void __launch_bounds__(ATT_THREADS) attention_scores_tiled(float* sc, const float* q, const RowInfo* rows,
                                                                                const Tile* tiles, int heads, int kvHeads, int headDim,
                                                                                int layer, float scale, int ldS, int r0) {
    pdl_enter();
    extern __shared__ float4 sht4[];
    float* sht = (float*)sht4;
    const int G = heads / kvHeads, kh = blockIdx.x;
    const Tile tile = tiles[blockIdx.y >> 1];
    const int first = tile.first + (blockIdx.y & 1) * ATT_TQS;
    const int qn = min(ATT_TQS, tile.first + tile.count - first);
    if (qn <= 0) return; // block-uniform, as every return below
    const RowInfo last = rows[first + qn - 1];
    const int nmax = last.pos + 1, tb = blockIdx.z * ATT_TP * ATT_TR;
    if (tb >= nmax) return;
    const int kvd = kvHeads * headDim, hs = headDim + 4, gd = G * headDim;
    float* qs = sht;            // [ATT_TQS][G][headDim]
    float* ks = sht + ATT_TQS * gd; // [ATT_TP][headDim + 4]
    const long qstride = (long)(heads + 2 * kvHeads) * headDim;
    for (int e = threadIdx.x; e < qn * gd; e += ATT_THREADS) {
        const int r = e / gd;
        qs[e] = q[(first + r) * qstride + (long)kh * gd + (e - r * gd)];
    }
    const float* kc = (const float*)last.cache + ((long)layer * 2) * last.maxLen * kvd + kh * headDim;
    const int lane = threadIdx.x & 31, w = threadIdx.x >> 5;
    const int pos = rows[first + min(w, qn - 1)].pos;
    const float* qrow = qs + w * gd;
    float* orow = sc + ((long)(first + w - r0) * heads + (long)kh * G) * ldS;
    // A round's keys: thread e stages elements e, e + ATT_THREADS, … of
    // the ATT_TP × headDim tile (position tt, dimension d, stepped without
    // a division). (Loading the next round's keys into registers while
    // this one is scored was slower: run 30.)
    const int d0 = threadIdx.x % headDim, tt0 = threadIdx.x / headDim;
    const int stepT = ATT_THREADS / headDim, stepD = ATT_THREADS % headDim;
    for (int round = 0; round < ATT_TR; round++) {
        const int t0 = tb + round * ATT_TP;
        if (t0 >= nmax) break;
        __syncthreads(); // the last round's keys are used (and the queries stored)
        for (int d = d0, tt = tt0; tt < ATT_TP;) {
            ks[tt * hs + d] = kc[(long)min(t0 + tt, nmax - 1) * kvd + d];
            d += stepD;
            tt += stepT;
            if (d >= headDim) {
                d -= headDim;
                tt++;
            }
        }
        __syncthreads();
        if (w >= qn) continue;
        float s[ATT_GMAX][8];
#pragma unroll
        for (int h = 0; h < ATT_GMAX; h++) {
#pragma unroll
            for (int j = 0; j < 8; j++) s[h][j] = 0;
        }
        const float* kt = ks + lane * hs;
#pragma unroll 2
        for (int u = 0; u < headDim; u += 8) {
            const float4 k0 = *(const float4*)(kt + u), k1 = *(const float4*)(kt + u + 4);
#pragma unroll
            for (int h = 0; h < ATT_GMAX; h++) {
                if (h < G) {
                    const float4 q0 = *(const float4*)(qrow + h * headDim + u), q1 = *(const float4*)(qrow + h * headDim + u + 4);
                    s[h][0] = s[h][0] + q0.x * k0.x;
                    s[h][1] = s[h][1] + q0.y * k0.y;
                    s[h][2] = s[h][2] + q0.z * k0.z;
                    s[h][3] = s[h][3] + q0.w * k0.w;
                    s[h][4] = s[h][4] + q1.x * k1.x;
                    s[h][5] = s[h][5] + q1.y * k1.y;
                    s[h][6] = s[h][6] + q1.z * k1.z;
                    s[h][7] = s[h][7] + q1.w * k1.w;
                }
            }
        }
        const int t = t0 + lane;
        if (t <= pos) {
#pragma unroll
            for (int h = 0; h < ATT_GMAX; h++) {
                if (h < G) orow[(long)h * ldS + t] = (((s[h][0] + s[h][1]) + (s[h][2] + s[h][3])) + ((s[h][4] + s[h][5]) + (s[h][6] + s[h][7]))) * scale;
            }
        }
    }
}

#define ATT_TPS (ATT_TQ * 8 + 4) // a staged position's probabilities: [row][8 heads], padded
extern "C" __global__ void __launch_bounds__(ATT_THREADS) attention_values_tiled(float* out, const float* sc, const RowInfo* rows,
                                                                                const Tile* tiles, int heads, int kvHeads, int headDim,
                                                                                int layer, int ldS, int r0) {
    pdl_enter();
    __shared__ float4 vb4[ATT_TVC * ATT_HDMAX / 4]; // [position][headDim]
    __shared__ float4 pb4[ATT_TVC * ATT_TPS / 4];   // [position][row][head]
    float* vb = (float*)vb4;
    float* pb = (float*)pb4;
    const int G = heads / kvHeads, kh = blockIdx.x;
    const Tile tile = tiles[blockIdx.y];
    const int first = tile.first, qn = tile.count;
    const RowInfo last = rows[first + qn - 1];
    const int nmax = last.pos + 1;
    const int groups = headDim >> 3; // threads a row: blockDim = ATT_TQ · groups
    const int qi = threadIdx.x / groups, g = threadIdx.x - qi * groups;
    const bool active = qi < qn;
    const int pos = rows[first + min(qi, qn - 1)].pos;
    const int kvd = kvHeads * headDim, half = headDim >> 1;
    const float* vc = (const float*)last.cache + ((long)layer * 2 + 1) * last.maxLen * kvd + kh * headDim;
    const float* ps = sc + ((long)(first - r0) * heads + (long)kh * G) * ldS;
    const int vd = threadIdx.x < headDim ? threadIdx.x : threadIdx.x - headDim, vt0 = threadIdx.x < headDim ? 0 : 1;
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, warps = blockDim.x >> 5;
    const int pr0 = warp / G, ph0 = warp - pr0 * G;
    float acc[ATT_GMAX][8];
#pragma unroll
    for (int h = 0; h < ATT_GMAX; h++) {
#pragma unroll
        for (int d = 0; d < 8; d++) acc[h][d] = 0;
    }
    for (int c0 = 0; c0 < nmax; c0 += ATT_TVC) {
        const int cn = min(ATT_TVC, nmax - c0);
        __syncthreads(); // the last chunk is summed
        // blockDim is 2·headDim: thread (t0, d) stages dimension d of
        // positions t0, t0 + 2, …; warp k the probabilities of (row, head)
        // pairs k, k + warps, … at position lane.
        for (int t = vt0; t < cn; t += 2) vb[t * headDim + vd] = vc[(long)(c0 + t) * kvd + vd];
        if (lane < cn) {
            int r = pr0, h = ph0;
            for (int qh = warp; qh < qn * G; qh += warps) {
                pb[lane * ATT_TPS + r * 8 + h] = ps[((long)r * heads + h) * ldS + c0 + lane];
                h += warps;
                while (h >= G) {
                    h -= G;
                    r++;
                }
            }
        }
        __syncthreads();
        if (!active) continue;
        const int lim = min(cn, pos + 1 - c0);
        const float* pr = pb + qi * 8;
        const float* v0p = vb + 4 * g;
        const float* v1p = vb + half + 4 * g;
        for (int t = 0; t < lim; t++) {
            const float4 v0 = *(const float4*)(v0p + t * headDim), v1 = *(const float4*)(v1p + t * headDim);
            const float4 p0 = *(const float4*)(pr + t * ATT_TPS), p1 = *(const float4*)(pr + t * ATT_TPS + 4);
            const float p[8] = {p0.x, p0.y, p0.z, p0.w, p1.x, p1.y, p1.z, p1.w};
#pragma unroll
            for (int h = 0; h < ATT_GMAX; h++) {
                if (h < G) {
                    acc[h][0] = acc[h][0] + p[h] * v0.x;
                    acc[h][1] = acc[h][1] + p[h] * v0.y;
                    acc[h][2] = acc[h][2] + p[h] * v0.z;
                    acc[h][3] = acc[h][3] + p[h] * v0.w;
                    acc[h][4] = acc[h][4] + p[h] * v1.x;
                    acc[h][5] = acc[h][5] + p[h] * v1.y;
                    acc[h][6] = acc[h][6] + p[h] * v1.z;
                    acc[h][7] = acc[h][7] + p[h] * v1.w;
                }
            }
        }
    }
    if (!active) return;
    float* o = out + (long)(first + qi) * heads * headDim + (long)kh * G * headDim;
#pragma unroll
    for (int h = 0; h < ATT_GMAX; h++) {
        if (h < G) {
#pragma unroll
            for (int d = 0; d < 4; d++) {
                o[h * headDim + 4 * g + d] = acc[h][d];
                o[h * headDim + half + 4 * g + d] = acc[h][4 + d];
            }
        }
    }
}

// attention_softmax for many rows (the tiled passes): the same numbers
// with a warp, not a block, per (row, head). The sum's f64 chain in
// ascending position order is serial whoever runs it; a block-wide
// softmax leaves 255 threads waiting on it and holds 8 chains a
// multiprocessor (70 ms of a verifier's 697 ms pass, run 29), a warp each
// lets 64 run side by side while the exponentials stay coalesced. (One
// thread per (row, head), every chain at once, was slower: its loads were
// not coalesced, run 30.) Grid ⌈rows · heads / 8⌉ of ATT_THREADS threads.
#define ATT_SWC 256 // exponentials a warp keeps at a time
extern "C" __global__ void __launch_bounds__(ATT_THREADS) attention_softmax_warps(float* sc, const RowInfo* rows, int heads, int ldS, int R) {
    pdl_enter();
    __shared__ double ex[ATT_THREADS / 32][ATT_SWC];
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const long i = (long)blockIdx.x * (ATT_THREADS / 32) + warp;
    if (i >= (long)R * heads) return; // warp-uniform: only warp barriers follow
    const int n = rows[i / heads].pos + 1;
    float* s = sc + i * ldS;
    double* e = ex[warp];
    float m = -1.0f / 0.0f;
    for (int t = lane; t < n; t += 32) m = fmaxf(m, s[t]);
    for (int o = 16; o > 0; o >>= 1) m = fmaxf(m, __shfl_xor_sync(0xffffffff, m, o));
    const double md = (double)m;
    double sum = 0;
    for (int c0 = 0; c0 < n; c0 += ATT_SWC) {
        const int cn = min(ATT_SWC, n - c0);
        for (int t = lane; t < cn; t += 32) e[t] = exp((double)s[c0 + t] - md);
        __syncwarp();
        if (lane == 0) {
#pragma unroll 8
            for (int t = 0; t < cn; t++) sum += e[t];
        }
        __syncwarp();
    }
    sum = __shfl_sync(0xffffffff, sum, 0);
    if (n <= ATT_SWC) {
        for (int t = lane; t < n; t += 32) s[t] = (float)(e[t] / sum);
    } else {
        for (int t = lane; t < n; t += 32) s[t] = (float)(exp((double)s[t] - md) / sum);
    }
}

// ---------------------------------------------------------------------------
// Element-wise kernels.

// out = silu(gate) * up, as model/cpu.go: g / (1 + f32(exp(-g))) * up, from
// the fused projection: row r of gu is [gate (I) | up (I)].
extern "C" __global__ void silu_mul(float* out, const float* gu, int I, long n) {
    pdl_enter();
    long i = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        long r = i / I, c = i % I;
        const float* row = gu + r * 2 * I;
        float g = row[c];
        float e = (float)exp(-(double)g);
        out[i] = g / (1.0f + e) * row[I + c];
    }
}

// out[j, :] = x[idx[j], :]
extern "C" __global__ void gather_rows(float* out, const float* x, const int* idx, int H) {
    pdl_enter();
    int j = blockIdx.x;
    const float* src = x + (long)idx[j] * H;
    for (int i = threadIdx.x; i < H; i += blockDim.x) out[(long)j * H + i] = src[i];
}

// ---------------------------------------------------------------------------
// The rank order behind the protocol's hidden-state sketch (package sketch,
// docs/protocol.md §7.2) of one row per block, so hidden states never leave
// the device: the SKETCH_RANKED entries of largest |h| (NaN counts as 0,
// ties to the lower index) in rank order. The host computes the sketch set
// from them (sketch.FromRanked), so the rule that turns a ranking into
// accepted sketches is written once, in Go. The entries are found in
// rounds of a block-wide arg-max, each round over the entries that rank
// below the previous pick in the order (|h| descending, index ascending),
// so nothing needs marking.
#define SKETCH_THREADS 128
#define SKETCH_RANKED 20

// a ranks before b: larger magnitude, or equal magnitude and lower index.
__device__ __forceinline__ bool sketch_before(float ma, int ia, float mb, int ib) {
    return ma > mb || (ma == mb && ia < ib);
}

// One block a row: out[row·2·SKETCH_RANKED + 2k] is the index ranked k
// (0-based; 0xffffffff past the row's end), out[… + 2k + 1] the bits of its
// value as stored (sign and NaN kept: the sketch's bucket reads them).
extern "C" __global__ void sketch_rank(unsigned int* out, const float* h, int H) {
    pdl_enter();
    __shared__ float wm[SKETCH_THREADS / 32];
    __shared__ int wi[SKETCH_THREADS / 32];
    const int row = blockIdx.x, tid = threadIdx.x, lane = tid & 31, warp = tid >> 5;
    const float* x = h + (long)row * H;
    unsigned int* o = out + (long)row * 2 * SKETCH_RANKED;
    const int rounds = min(SKETCH_RANKED, H);
    float pm = 1.0f / 0.0f; // previous pick; everything ranks below (+Inf, −1)
    int pi = -1;
    for (int round = 0; round < rounds; round++) {
        float bm = -1.0f;
        int bi = 0x7fffffff;
        for (int i = tid; i < H; i += SKETCH_THREADS) {
            float m = fabsf(x[i]);
            if (m != m) m = 0.0f;
            if (sketch_before(pm, pi, m, i) && sketch_before(m, i, bm, bi)) { bm = m; bi = i; }
        }
        for (int s = 16; s > 0; s >>= 1) {
            float om = __shfl_xor_sync(0xffffffff, bm, s);
            int oi = __shfl_xor_sync(0xffffffff, bi, s);
            if (sketch_before(om, oi, bm, bi)) { bm = om; bi = oi; }
        }
        if (lane == 0) { wm[warp] = bm; wi[warp] = bi; }
        __syncthreads();
        if (tid == 0) {
            for (int w = 1; w < SKETCH_THREADS / 32; w++)
                if (sketch_before(wm[w], wi[w], wm[0], wi[0])) { wm[0] = wm[w]; wi[0] = wi[w]; }
            o[2 * round] = (unsigned int)wi[0];
            o[2 * round + 1] = __float_as_uint(x[wi[0]]);
        }
        __syncthreads();
        pm = wm[0];
        pi = wi[0];
        __syncthreads();
    }
    for (int k = rounds + tid; k < SKETCH_RANKED; k += SKETCH_THREADS) {
        o[2 * k] = 0xffffffffu;
        o[2 * k + 1] = 0;
    }
}

// ---------------------------------------------------------------------------
// The protocol sampler (model.Pick with temperature T > 0 and no top-k/top-p)
// for one query per block: row = logits row, u = the uniform. Weights
// w_i = exp((z_i − max)/T) in f64, CDF in ascending token id. Each thread
// owns a contiguous chunk of the vocabulary; chunk sums are scanned in order,
// and the thread whose chunk holds u·total walks it. Results per query:
// res[4q..4q+3] = log p(token) raw, log p(token) tempered, margin, and the
// token id (as a double).
#define SAMPLE_THREADS 1024
extern "C" __global__ void sample(double* res, const float* logits, const int* rowOf, const double* us, int V,
                                  double temp) {
    pdl_enter();
    __shared__ double red[SAMPLE_THREADS];
    __shared__ double red2[SAMPLE_THREADS];
    __shared__ double mxs;
    __shared__ int found;
    int qi = blockIdx.x;
    const float* z = logits + (long)rowOf[qi] * V;
    double u = us[qi];
    int tid = threadIdx.x;
    int chunk = (V + SAMPLE_THREADS - 1) / SAMPLE_THREADS;
    int lo = tid * chunk, hi = min(V, lo + chunk);
    double mx = -1.0 / 0.0;
    for (int i = lo; i < hi; i++) mx = fmax(mx, (double)z[i]);
    red[tid] = mx;
    __syncthreads();
    for (int s = SAMPLE_THREADS / 2; s > 0; s >>= 1) {
        if (tid < s) red[tid] = fmax(red[tid], red[tid + s]);
        __syncthreads();
    }
    if (tid == 0) { mxs = red[0]; found = 0; }
    __syncthreads();
    mx = mxs;
    double cw = 0, craw = 0;
    for (int i = lo; i < hi; i++) {
        double d = (double)z[i] - mx;
        double ed = exp(d);
        craw += ed;
        cw += temp == 1.0 ? ed : exp(d / temp); // d/1 is d: the same value, one exp
    }
    __syncthreads();
    red[tid] = cw;
    red2[tid] = craw;
    __syncthreads();
    // Inclusive scan of chunk sums in thread order (Hillis-Steele keeps
    // every partial a sum of consecutive chunks).
    for (int s = 1; s < SAMPLE_THREADS; s <<= 1) {
        double a = tid >= s ? red[tid - s] : 0;
        double b = tid >= s ? red2[tid - s] : 0;
        __syncthreads();
        red[tid] += a;
        red2[tid] += b;
        __syncthreads();
    }
    double total = red[SAMPLE_THREADS - 1];
    double totalRaw = red2[SAMPLE_THREADS - 1];
    double before = tid > 0 ? red[tid - 1] : 0;
    double target = u * total;
    if (lo < hi && before <= target && target < red[tid]) {
        double cum = before;
        for (int i = lo; i < hi; i++) {
            double l = cum;
            double wi = exp(((double)z[i] - mx) / temp);
            cum += wi;
            if (cum > target || i == hi - 1) {
                double m = fmin(target - l, cum - target) / total;
                if (!(cum > target)) { m = 0; }
                res[4 * qi + 0] = (double)z[i] - mx - log(totalRaw);
                res[4 * qi + 1] = log(wi) - log(total);
                res[4 * qi + 2] = fmax(m, 0.0);
                res[4 * qi + 3] = (double)i;
                found = 1;
                break;
            }
        }
    }
    __syncthreads();
    if (tid == 0 && !found) {
        // u·total rounded onto the top edge: the last token, margin 0.
        int i = V - 1;
        double wi = exp(((double)z[i] - mx) / temp);
        res[4 * qi + 0] = (double)z[i] - mx - log(totalRaw);
        res[4 * qi + 1] = log(wi) - log(total);
        res[4 * qi + 2] = 0;
        res[4 * qi + 3] = (double)i;
    }
}

// ---------------------------------------------------------------------------
// The verifier's per-position statistics (model.StatsAt, docs/protocol.md
// §7.5) for query q: row rowOf[q] of logits scored at token toks[q], with
// y = (z − max)/temp, w = exp(y):
//   res[6q..6q+5] = log p_raw(token), lo = Σ_{i<token} w / Σ w,
//                   hi = lo + w_token / Σ w, H, Var, log p_T(token)
// from five sums (Σ exp(z − max), Σ w, Σ_{i<token} w, Σ w·y, Σ w·y²) in one
// pass after the maximum. Threads stride the row (coalesced; the interval
// needs only a prefix sum, not an ordered scan), sums reduce in f64 by warp
// shuffles and one warp over the block's partials. The reduction order is
// not the CPU's ascending one, so values may differ from StatsAt's in the
// last bits; lo and hi exactly as the CPU only where every term is exact.
#define STATS_THREADS 512
__device__ __forceinline__ double warp_sum(double v) {
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

extern "C" __global__ void position_stats(double* res, const float* logits, const int* rowOf, const int* toks, int V,
                                          double temp) {
    pdl_enter();
    __shared__ float wmax[STATS_THREADS / 32];
    __shared__ double part[5][STATS_THREADS / 32];
    int q = blockIdx.x, tid = threadIdx.x, lane = tid & 31, warp = tid >> 5;
    const float* z = logits + (long)rowOf[q] * V;
    int tok = toks[q];
    float m = -1.0f / 0.0f;
    for (int i = tid; i < V; i += STATS_THREADS) m = fmaxf(m, z[i]);
    for (int o = 16; o > 0; o >>= 1) m = fmaxf(m, __shfl_xor_sync(0xffffffffu, m, o));
    if (lane == 0) wmax[warp] = m;
    __syncthreads();
    m = wmax[0];
    for (int i = 1; i < STATS_THREADS / 32; i++) m = fmaxf(m, wmax[i]);
    double mx = (double)m;
    double raw = 0, total = 0, before = 0, s1 = 0, s2 = 0;
    for (int i = tid; i < V; i += STATS_THREADS) {
        double d = (double)z[i] - mx;
        double e = exp(d);
        double y = d, w = e;
        if (temp != 1.0) { // d/1 is d: one exp serves both sums
            y = d / temp;
            w = exp(y);
        }
        raw += e;
        total += w;
        if (i < tok) before += w;
        if (w != 0) {
            s1 += w * y;
            s2 += w * y * y;
        }
    }
    double v[5] = {raw, total, before, s1, s2};
    for (int k = 0; k < 5; k++) {
        v[k] = warp_sum(v[k]);
        if (lane == 0) part[k][warp] = v[k];
    }
    __syncthreads();
    if (warp != 0) return;
    for (int k = 0; k < 5; k++) v[k] = warp_sum(lane < STATS_THREADS / 32 ? part[k][lane] : 0.0);
    if (lane != 0) return;
    raw = v[0], total = v[1], before = v[2], s1 = v[3], s2 = v[4];
    double dt = (double)z[tok] - mx;
    double yt = temp == 1.0 ? dt : dt / temp;
    double wt = temp == 1.0 ? exp(dt) : exp(yt);
    double logTotal = log(total), mean = s1 / total;
    double* r = res + 6 * (long)q;
    r[0] = dt - log(raw);
    r[1] = before / total;
    r[2] = (before + wt) / total;
    r[3] = logTotal - mean;
    r[4] = fmax(s2 / total - mean * mean, 0.0);
    r[5] = yt - logTotal;
}

// ---------------------------------------------------------------------------
// Tensor-core products under the contract (cuda.Config.TensorSplit): each f32
// activation becomes S bf16 terms, x ≈ t0 + t1 (+ t2), t_i = rne(x − Σ_{j<i}
// t_j); one bf16 GEMM per term with f32 accumulation (bf16 products are exact
// in f32, the weights exact in bf16); the term results are summed smallest
// first. Not the canonical order: results drift within the tolerances
// instead of matching the CPU bit for bit.
__device__ __forceinline__ bf16_t f32_to_bf16_rne(float v) {
    unsigned int u = __float_as_uint(v);
    if ((u & 0x7f800000u) == 0x7f800000u) return (bf16_t)(u >> 16); // Inf, NaN
    u += 0x7fffu + ((u >> 16) & 1u);
    return (bf16_t)(u >> 16);
}

// The fp16 mode (cuda.Config.TensorHalf): two fp16 terms of x·2⁻ᵉ, e a
// power of two chosen per activation row from its largest magnitude so the
// row fills fp16's range from the top (half_exp; the host's halfExp), and
// weights in fp16 scaled the same way per matrix (exponent ce). A
// product's value is then (y1 + y0)·2^(e + ce): the scalings are exact,
// the terms hold 22 of f32's 24 significant bits (2 × 11) where bf16's
// three hold 24 (3 × 8), at two GEMMs instead of three. Row exponents live
// in one int a row (es), written by each split and read by the combine
// after the product.
#define HALF_TOP 14
__device__ __forceinline__ int half_exp(float m) {
    if (!(m > 0.0f) || isinf(m)) return 0;
    int e;
    frexpf(m, &e);
    return e - 1 - HALF_TOP;
}
__device__ __forceinline__ unsigned short f32_to_f16_rne(float v) {
    unsigned short h;
    asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(v));
    return h;
}
__device__ __forceinline__ float f16_to_f32(unsigned short h) {
    float v;
    asm("cvt.f32.f16 %0, %1;" : "=f"(v) : "h"(h));
    return v;
}
// split_store_h writes the two fp16 terms of v·2⁻ᵉ: out[i], out[n + i].
__device__ __forceinline__ void split_store_h(bf16_t* out, long n, long i, float v, int e) {
    const float s = ldexpf(v, -e);
    const unsigned short h0 = f32_to_f16_rne(s);
    out[i] = h0;
    out[n + i] = f32_to_f16_rne(s - f16_to_f32(h0));
}
// scaled is a combined product value of a row with exponent e (rows' es
// plus the weights' ce) in the fp16 mode, v itself in the bf16 mode.
__device__ __forceinline__ float scaled(float v, const int* es, long r, int ce) { return es ? ldexpf(v, es[r] + ce) : v; }

// combined_t is a product's value i summed over its T terms, the last term
// first: (y_{T−1} + … + y_1) + y_0, y_t = ys[t*n + i]. The term count is a
// template parameter so the loop unrolls and a thread's loads of several
// values are all in flight together (a runtime count left
// combine_norm_split waiting on each value's loads in turn: 17 µs a row
// block at 16 rows, run 33).
template <int T>
__device__ __forceinline__ float combined_t(const float* ys, long n, long i) {
    float s = ys[(long)(T - 1) * n + i];
#pragma unroll
    for (int t = T - 2; t >= 0; t--) s = s + ys[(long)t * n + i];
    return s;
}

// split_store_t writes the T bf16 terms of v: out[t*n + i] = term t.
template <int T>
__device__ __forceinline__ void split_store_t(bf16_t* out, long n, long i, float v) {
#pragma unroll
    for (int t = 0; t < T; t++) {
        bf16_t b = f32_to_bf16_rne(v);
        out[(long)t * n + i] = b;
        v = v - bf16_to_f32(b);
    }
}

// combined and split_store take the backend's term count (2 or 3, checked
// where the backend is configured).
__device__ __forceinline__ float combined(const float* ys, long n, long i, int terms) {
    return terms == 3 ? combined_t<3>(ys, n, i) : combined_t<2>(ys, n, i);
}
__device__ __forceinline__ void split_store(bf16_t* out, long n, long i, float v, int terms) {
    if (terms == 3)
        split_store_t<3>(out, n, i, v);
    else
        split_store_t<2>(out, n, i, v);
}

// out[t*n + i] = term t of x[i], for t < terms.
extern "C" __global__ void split_bf16(bf16_t* out, const float* x, long n, int terms) {
    pdl_enter();
    long i = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    split_store(out, n, i, x[i], terms);
}

// split_rows_h is split_bf16 in the fp16 mode: a block a row of K, its
// exponent into es[r], its terms at out[r·K + c] and out[R·K + r·K + c].
extern "C" __global__ void split_rows_h(bf16_t* out, int* es, const float* x, int R, int K) {
    pdl_enter();
    const int r = blockIdx.x;
    const float* xr = x + (long)r * K;
    float m = 0.0f;
    for (int c = threadIdx.x; c < K; c += blockDim.x) m = fmaxf(m, fabsf(xr[c]));
    const int e = half_exp(block_max(m));
    if (threadIdx.x == 0) es[r] = e;
    for (int c = threadIdx.x; c < K; c += blockDim.x) split_store_h(out, (long)R * K, (long)r * K + c, xr[c], e);
}

// combine_silu_split_h is combine_silu_split in the fp16 mode: a block a
// row; the row's activations go through shared memory (I floats, dynamic)
// because their exponent needs all of them before the first term is
// written. es[r] is the gate|up input's exponent on entry and the
// activation's on return.
extern "C" __global__ void combine_silu_split_h(bf16_t* out, int* es, const float* ys, int ce, int R, int I) {
    pdl_enter();
    extern __shared__ float act[];
    const int r = blockIdx.x;
    const long m = 2L * R * I, n = (long)R * I;
    const int ein = es[r] + ce;
    float mx = 0.0f;
    for (int c = threadIdx.x; c < I; c += blockDim.x) {
        const long gi = (long)r * 2 * I + c, ui = gi + I;
        const float g = ldexpf(combined_t<2>(ys, m, gi), ein), u = ldexpf(combined_t<2>(ys, m, ui), ein);
        const float e = (float)exp(-(double)g);
        const float v = g / (1.0f + e) * u;
        act[c] = v;
        mx = fmaxf(mx, fabsf(v));
    }
    const int eo = half_exp(block_max(mx)); // synchronized: every es[r] read is done
    if (threadIdx.x == 0) es[r] = eo;
    for (int c = threadIdx.x; c < I; c += blockDim.x) split_store_h(out, n, (long)r * I + c, act[c], eo);
}

// The MLP's middle on tensor cores in one pass: combine_terms of the
// gate|up product (no bias), silu_mul, then split_bf16 of the result for
// the down product — the same operations in the same order as the three
// kernels, so the same bits, without writing and re-reading the f32 gate|up
// and activation rows. ys holds the terms of the gate|up product (rows ×
// 2I each, term t at t·rows·2I); out gets the terms of the activation
// (rows × I each, term t at t·n), n = rows·I.
extern "C" __global__ void combine_silu_split(bf16_t* out, const float* ys, long n, int I, int terms) {
    pdl_enter();
    long i = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    long r = i / I, c = i % I, m = 2 * n;
    long gi = r * 2 * I + c, ui = gi + I;
    float g = combined(ys, m, gi, terms), u = combined(ys, m, ui, terms);
    float e = (float)exp(-(double)g);
    float v = g / (1.0f + e) * u;
    split_store(out, n, i, v, terms);
}

// out[i] = (y_{S−1} + … + y_1) + y_0 (+ bias[i mod N]) (+ out[i] when add),
// y_t = ys[t*n + i].
extern "C" __global__ void combine_terms(float* out, const float* ys, const float* bias, long n, int N, int terms,
                                         int add, const int* es, int ce) {
    pdl_enter();
    long i = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float s = scaled(combined(ys, n, i, terms), es, i / N, ce);
    if (bias) s = s + bias[i % N];
    if (add) s = out[i] + s;
    out[i] = s;
}

// CombineSrc is a row of x plus a tensor-core product's terms (the
// residual connection, combine_terms with add): keep(i, v) writes the sum
// back to x, again(i) reads it there.
template <int T>
struct CombineSrc {
    float* x;         // the row
    const float* ys;  // the product's T terms, nil for x as it is
    long n, off;      // term stride (rows·H), the row's offset in a term
    const int* es;    // the fp16 mode's row exponents (nil: bf16 terms)
    int e;            // this row's exponent plus the weights' (fp16 mode)
    // hold loads x and every term of the held elements first, then sums
    // them (combine_terms' order, the residual first) and stores x.
    template <int HOLD>
    __device__ __forceinline__ void hold(float (&xv)[HOLD], int H) const {
        float yv[HOLD][T];
#pragma unroll
        for (int k = 0; k < HOLD; k++) {
            int i = threadIdx.x + k * NORM_THREADS;
            xv[k] = i < H ? x[i] : 0.0f;
#pragma unroll
            for (int u = 0; u < T; u++) yv[k][u] = ys && i < H ? ys[(long)u * n + off + i] : 0.0f;
        }
        if (!ys) return;
#pragma unroll
        for (int k = 0; k < HOLD; k++) {
            int i = threadIdx.x + k * NORM_THREADS;
            float s = yv[k][T - 1];
#pragma unroll
            for (int u = T - 2; u >= 0; u--) s = s + yv[k][u];
            if (es) s = ldexpf(s, e);
            if (i < H) {
                xv[k] = xv[k] + s;
                x[i] = xv[k];
            }
        }
    }
    __device__ float first(int i) const {
        if (!ys) return x[i];
        float s = combined_t<T>(ys, n, off + i);
        if (es) s = ldexpf(s, e);
        return x[i] + s;
    }
    __device__ void keep(int i, float v) const {
        if (ys) x[i] = v;
    }
    __device__ float again(int i) const { return x[i]; }
};

template <int T>
struct SplitDst {
    static constexpr bool needsMax = false;
    bf16_t* xs;
    long n, off;
    __device__ void begin(float) {}
    __device__ void operator()(int i, float v) const { split_store_t<T>(xs, n, off + i, v); }
};

// SplitDstH is SplitDst in the fp16 mode: the row's exponent from its
// largest normed magnitude, written to es[r].
struct SplitDstH {
    static constexpr bool needsMax = true;
    bf16_t* xs;
    int* es;
    long n, off;
    int e;
    __device__ void begin(float m) {
        e = half_exp(m);
        if (threadIdx.x == 0) es[blockIdx.x] = e;
    }
    __device__ void operator()(int i, float v) const { split_store_h(xs, n, off + i, v, e); }
};

template <int T>
__device__ __forceinline__ void combine_norm_split_t(bf16_t* xs, float* x, const float* ys, const float* w, int H,
                                                     double eps, int R, int* es, int ce) {
    const int r = blockIdx.x;
    const long n = (long)R * H, off = (long)r * H;
    CombineSrc<T> src{x + off, ys, n, off, es, es ? es[r] + ce : 0};
    if (es) {
        SplitDstH dst{xs, es, n, off, 0};
        rmsnorm_row<16>(src, dst, w, H, eps);
        return;
    }
    SplitDst<T> dst{xs, n, off};
    rmsnorm_row<16>(src, dst, w, H, eps);
}

// A tensor-core layer's seam in one pass a row: combine_terms of the last
// product added into x (ys null: x as it is), rmsnorm of the row, and
// split_bf16 of the normed row for the next product — the same operations
// in the same order as the three kernels, so the same bits, two launches
// and the f32 normed rows' round trip fewer. xs gets term t of row r at
// t·R·H + r·H. Grid R, NORM_THREADS threads.
extern "C" __global__ void __launch_bounds__(NORM_THREADS) combine_norm_split(bf16_t* xs, float* x, const float* ys,
                                                                              const float* w, int H, double eps, int R,
                                                                              int terms, int* es, int ce) {
    pdl_enter();
    if (terms == 3)
        combine_norm_split_t<3>(xs, x, ys, w, H, eps, R, nullptr, 0);
    else
        combine_norm_split_t<2>(xs, x, ys, w, H, eps, R, es, ce);
}

// TermSrc is a tensor-core product's value plus its bias: combine_terms.
struct TermSrc {
    const float* ys;
    const float* bias;
    long n;
    int N, terms;
    const int* es; // the fp16 mode's row exponents (nil: bf16 terms)
    int ce;
    __device__ float operator()(int r, int j) const {
        float s = scaled(combined(ys, n, (long)r * N + j, terms), es, r, ce);
        if (bias) s = s + bias[j];
        return s;
    }
};

// combine_terms of the q|k|v product (with its bias) and rope_store in one
// pass: the same operations in the same order, so the same bits, a launch
// and the f32 projection's re-read fewer. Grid and block as rope_store.
extern "C" __global__ void combine_rope_store(float* qkv, const float* ys, const float* bias, const RowInfo* rows,
                                              const float* invFreq, int heads, int kvHeads, int headDim, int layer,
                                              int R, int terms, const int* es, int ce) {
    pdl_enter();
    const int N = (heads + 2 * kvHeads) * headDim;
    TermSrc src{ys, bias, (long)R * N, N, terms, es, ce};
    rope_impl(qkv, src, rows, invFreq, heads, kvHeads, headDim, layer, true);
}
