#!/usr/bin/env python3
"""PyTorch's products at the shapes of cuda.BenchmarkTensorGEMM, the
same-run reference for what cuBLAS (through cuBLASLt's heuristics, as
PyTorch calls it) gives at each shape: out[n][m] = x[n][k] . w[m][k]^T with
bf16 inputs and f32 output where this PyTorch takes out_dtype (else bf16
output, said in the line).

    python3 scripts/gpu/gemm_reference.py > gemm-ref.log
"""
import sys
import time

import torch

LAYERS = [("qkv", 2048, 1536), ("o", 1536, 1536), ("gateUp", 17920, 1536), ("down", 1536, 8960), ("head", 151936, 1536)]
# As cuda/gemm_test.go's gemmLayers × term rows (the head only at decode).
SHAPES = [(name, m, n, k) for name, m, k in LAYERS
          for n in (3, 12, 48, 96, 192, 384, 768, 21840) if not (name == "head" and n > 768)]


def product(x, w):
    try:
        return torch.mm(x, w.t(), out_dtype=torch.float32), "f32"
    except (TypeError, RuntimeError):
        return torch.mm(x, w.t()), "bf16"


def main():
    torch.manual_seed(0)
    dev = torch.device("cuda")
    print(f"torch {torch.__version__}, {torch.cuda.get_device_name(0)}", flush=True)
    for name, m, n, k in SHAPES:
        w = torch.randn(m, k, device=dev).to(torch.bfloat16)
        x = torch.randn(n, k, device=dev).to(torch.bfloat16)
        _, kind = product(x, w)  # warm-up, heuristics
        torch.cuda.synchronize()
        reps = max(5, min(200, int(2e12 / (2 * m * n * k))))
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(reps):
            product(x, w)
        end.record()
        torch.cuda.synchronize()
        s = start.elapsed_time(end) / 1e3 / reps
        tb = (2 * (m + n) * k + 4 * m * n) / s / 1e12
        print(f"torch-gemm {name}/{m}x{n}x{k} out={kind}: {s * 1e6:.1f} us, {2 * m * n * k / s / 1e12:.1f} TFLOP/s, {tb:.2f} TB/s", flush=True)
        del w, x
    return 0


if __name__ == "__main__":
    sys.exit(main())
