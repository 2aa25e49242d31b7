// Assay's CUDA kernels: the transformer forward pass under the precision
// contract (weights as stored — bf16 or f32 —, every activation, accumulation,
// norm, softmax, logit and KV entry in f32 or wider) and the protocol sampler.
//
// The kernels reproduce the CPU engine's (model/cpu.go) arithmetic order
// wherever that order is cheap to keep: matrix products accumulate each
// output in the CPU's eight interleaved partial sums with the same final
// reduction tree, attention scores use the same dot product, the softmax sum
// runs in f64 in ascending position order, and nothing is fused into an FMA
// (the PTX is built with -fmad=false, as Go on amd64 never fuses either). So
// the CUDA backend matches the CPU backend bit for bit except where a libm
// function (exp, cos, sin in f64) rounds its last bit differently.
//
// Regenerate kernels.ptx with `make ptx` (needs nvcc; the committed PTX is
// what builds use).

typedef unsigned short bf16_t;
typedef unsigned long long u64;

__device__ __forceinline__ float bf16_to_f32(bf16_t v) {
    return __uint_as_float(((unsigned int)v) << 16);
}

__device__ __forceinline__ float load_w(const bf16_t* w, long i) { return bf16_to_f32(w[i]); }
__device__ __forceinline__ float load_w(const float* w, long i) { return w[i]; }

// ---------------------------------------------------------------------------
// Embedding gather: out[r, :] = table[tokens[r], :].
template <typename W>
__device__ void embed_impl(float* out, const W* table, const int* tokens, int R, int H) {
    int r = blockIdx.x;
    if (r >= R) return;
    long base = (long)tokens[r] * H;
    for (int i = threadIdx.x; i < H; i += blockDim.x) out[(long)r * H + i] = load_w(table, base + i);
}
extern "C" __global__ void embed_bf16(float* out, const bf16_t* table, const int* tokens, int R, int H) { embed_impl(out, table, tokens, R, H); }
extern "C" __global__ void embed_f32(float* out, const float* table, const int* tokens, int R, int H) { embed_impl(out, table, tokens, R, H); }

// ---------------------------------------------------------------------------
// RMSNorm per row: out = w * (x * inv), inv = f32(1/sqrt(mean(x²) + eps)),
// mean accumulated in f64 (block-parallel; the CPU sums sequentially, which
// in f64 moves inv by an ulp at most rarely).
extern "C" __global__ void rmsnorm(float* out, const float* x, const float* w, int H, double eps) {
    __shared__ double part[256];
    int r = blockIdx.x;
    const float* row = x + (long)r * H;
    double ss = 0;
    for (int i = threadIdx.x; i < H; i += blockDim.x) {
        double v = row[i];
        ss += v * v;
    }
    part[threadIdx.x] = ss;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) part[threadIdx.x] += part[threadIdx.x + s];
        __syncthreads();
    }
    float inv = (float)(1.0 / sqrt(part[0] / (double)H + eps));
    float* o = out + (long)r * H;
    for (int i = threadIdx.x; i < H; i += blockDim.x) o[i] = w[i] * (row[i] * inv);
}

// ---------------------------------------------------------------------------
// Matrix product out[r, o] = Σ_i x[r, i]·w[o, i] (+ bias[o]).
//
// Eight lanes own one output column: lane j accumulates the partial sum
// s_j = Σ_m x[8m+j]·w[8m+j] in ascending m, exactly like model.dot; the tail
// (K mod 8) goes into s_0; the eight sums are combined by butterfly shuffles
// in the CPU's tree ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)). A lane keeps up to
// LIN_ROWS rows' partial sums, so a weight element is read once per LIN_ROWS
// rows of activations.
#define LIN_ROWS 16

template <typename W>
__device__ void linear_impl(float* out, const float* x, const W* w, const float* bias, int R, int K, int N) {
    int lane = threadIdx.x & 7;
    int col = (blockIdx.x * blockDim.x + threadIdx.x) >> 3;
    bool active = col < N;
    int K8 = K & ~7;
    const W* wr = w + (long)(active ? col : 0) * K;
    for (int r0 = 0; r0 < R; r0 += LIN_ROWS) {
        int nr = min(LIN_ROWS, R - r0);
        float acc[LIN_ROWS];
#pragma unroll
        for (int r = 0; r < LIN_ROWS; r++) acc[r] = 0.f;
        const float* xb = x + (long)r0 * K;
        if (active) {
#pragma unroll 8
            for (int i = lane; i < K8; i += 8) {
                float wv = load_w(wr, i);
#pragma unroll
                for (int r = 0; r < LIN_ROWS; r++)
                    if (r < nr) acc[r] = acc[r] + wv * __ldg(xb + (long)r * K + i);
            }
            if (lane == 0) {
                for (int i = K8; i < K; i++) {
                    float wv = load_w(wr, i);
#pragma unroll
                    for (int r = 0; r < LIN_ROWS; r++)
                        if (r < nr) acc[r] = acc[r] + wv * xb[(long)r * K + i];
                }
            }
        }
#pragma unroll
        for (int r = 0; r < LIN_ROWS; r++) {
            float s = acc[r];
            s = s + __shfl_xor_sync(0xffffffff, s, 1);
            s = s + __shfl_xor_sync(0xffffffff, s, 2);
            s = s + __shfl_xor_sync(0xffffffff, s, 4);
            acc[r] = s;
        }
        if (active && lane == 0) {
            float b = bias ? bias[col] : 0.f;
            for (int r = 0; r < nr; r++) {
                float s = acc[r];
                if (bias) s = s + b;
                out[(long)(r0 + r) * N + col] = s;
            }
        }
    }
}
extern "C" __global__ void linear_bf16(float* out, const float* x, const bf16_t* w, const float* bias, int R, int K, int N) { linear_impl(out, x, w, bias, R, K, N); }
extern "C" __global__ void linear_f32(float* out, const float* x, const float* w, const float* bias, int R, int K, int N) { linear_impl(out, x, w, bias, R, K, N); }

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
extern "C" __global__ void rope_store(float* q, float* k, const float* v, const RowInfo* rows, const float* invFreq,
                                      int heads, int kvHeads, int headDim, int layer) {
    int r = blockIdx.x;
    RowInfo ri = rows[r];
    int half = headDim / 2;
    int qd = heads * headDim, kvd = kvHeads * headDim;
    float* qr = q + (long)r * qd;
    float* kr = k + (long)r * kvd;
    for (int t = threadIdx.x; t < (heads + kvHeads) * half; t += blockDim.x) {
        int h = t / half, i = t % half;
        float f = invFreq[i] * (float)ri.pos;
        float c = (float)cos((double)f);
        float s = (float)sin((double)f);
        float* vec = h < heads ? qr + h * headDim : kr + (h - heads) * headDim;
        float x1 = vec[i], x2 = vec[i + half];
        vec[i] = x1 * c - x2 * s;
        vec[i + half] = x2 * c + x1 * s;
    }
    __syncthreads();
    float* kc = (float*)ri.cache + ((long)layer * 2) * ri.maxLen * kvd;
    float* vc = kc + (long)ri.maxLen * kvd;
    const float* vr = v + (long)r * kvd;
    for (int i = threadIdx.x; i < kvd; i += blockDim.x) {
        kc[(long)ri.pos * kvd + i] = kr[i];
        vc[(long)ri.pos * kvd + i] = vr[i];
    }
}

// Causal grouped-query attention of one (row, head) over the row's cache
// positions 0..pos. Scores are f32 dot products in model.dot's order times
// the f32 scale; exp and the normalizing sum are f64, the sum in ascending
// position order; the weighted sum of values accumulates in f32 over
// ascending positions. Dynamic shared memory: (pos+1) doubles + headDim floats.
extern "C" __global__ void attention(float* out, const float* q, const RowInfo* rows, int heads, int kvHeads,
                                     int headDim, int layer, float scale) {
    extern __shared__ double sh[];
    int h = blockIdx.x, r = blockIdx.y;
    RowInfo ri = rows[r];
    int n = ri.pos + 1;
    int kvd = kvHeads * headDim;
    int kh = h / (heads / kvHeads);
    double* e = sh;
    float* qs = (float*)(sh + n);
    __shared__ double red[128];
    __shared__ double total;
    const float* qh = q + (long)r * heads * headDim + h * headDim;
    for (int i = threadIdx.x; i < headDim; i += blockDim.x) qs[i] = qh[i];
    __syncthreads();
    const float* kc = (const float*)ri.cache + ((long)layer * 2) * ri.maxLen * kvd + kh * headDim;
    const float* vc = kc + (long)ri.maxLen * kvd;
    int D8 = headDim & ~7;
    double mx = -1.0 / 0.0;
    for (int t = threadIdx.x; t < n; t += blockDim.x) {
        const float* kt = kc + (long)t * kvd;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int i = 0; i < D8; i += 8) {
            s0 = s0 + qs[i] * kt[i];
            s1 = s1 + qs[i + 1] * kt[i + 1];
            s2 = s2 + qs[i + 2] * kt[i + 2];
            s3 = s3 + qs[i + 3] * kt[i + 3];
            s4 = s4 + qs[i + 4] * kt[i + 4];
            s5 = s5 + qs[i + 5] * kt[i + 5];
            s6 = s6 + qs[i + 6] * kt[i + 6];
            s7 = s7 + qs[i + 7] * kt[i + 7];
        }
        for (int i = D8; i < headDim; i++) s0 = s0 + qs[i] * kt[i];
        float d = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        double sc = (double)(d * scale);
        e[t] = sc;
        mx = fmax(mx, sc);
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
    float* o = out + (long)r * heads * headDim + h * headDim;
    for (int i = threadIdx.x; i < headDim; i += blockDim.x) {
        float acc = 0;
        for (int t = 0; t < n; t++) {
            float p = (float)(e[t] / sum);
            acc = acc + p * vc[(long)t * kvd + i];
        }
        o[i] = acc;
    }
}

// ---------------------------------------------------------------------------
// Element-wise kernels.
extern "C" __global__ void add_inplace(float* x, const float* y, long n) {
    long i = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] = x[i] + y[i];
}

// gate = silu(gate) * up, as model/cpu.go: g / (1 + f32(exp(-g))) * up.
extern "C" __global__ void silu_mul(float* gate, const float* up, long n) {
    long i = (long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float g = gate[i];
        float e = (float)exp(-(double)g);
        gate[i] = g / (1.0f + e) * up[i];
    }
}

// out[j, :] = x[idx[j], :]
extern "C" __global__ void gather_rows(float* out, const float* x, const int* idx, int H) {
    int j = blockIdx.x;
    const float* src = x + (long)idx[j] * H;
    for (int i = threadIdx.x; i < H; i += blockDim.x) out[(long)j * H + i] = src[i];
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
        cw += exp(d / temp);
        craw += exp(d);
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
