// OpenBLAS sgemm at the shape of model.BenchmarkMatmulEngine (16×896 times
// 896×4864, weights row-major [out, in] as the engine stores them), the CPU
// reference BENCHMARKS.md compares the engine's matrix product against.
// Build and run: scripts/bench/sgemm_ref.sh (Debian's libopenblas-dev,
// unpacked under /tmp; nothing is installed system-wide).
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
    const int R = 16, K = 896, N = 4864, iters = 2000;
    float *x = malloc(sizeof(float) * R * K), *w = malloc(sizeof(float) * N * K), *y = malloc(sizeof(float) * R * N);
    for (int i = 0; i < R * K; i++) x[i] = (float)(i % 17) / 17.0f - 0.5f;
    for (int i = 0; i < N * K; i++) w[i] = (float)(i % 13) / 13.0f - 0.5f;
    // y[R, N] = x[R, K] · w[N, K]ᵀ
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, R, N, K, 1.0f, x, K, w, K, 0.0f, y, N);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int it = 0; it < iters; it++)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, R, N, K, 1.0f, x, K, w, K, 0.0f, y, N);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
    printf("sgemm %dx%d·%dx%dT: %.1f GFLOP/s (%s)\n", R, K, N, K, 2.0 * R * K * N * iters / s / 1e9, openblas_get_corename());
    return 0;
}
