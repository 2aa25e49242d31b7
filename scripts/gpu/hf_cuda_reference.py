#!/usr/bin/env python3
"""Recompute the CUDA backend's rollouts with Hugging Face transformers.

Usage (GPU machine): hf_cuda_reference.py DUMP_DIR OUT_JSON [--speed MODEL_DIR [--bf16-only]]

DUMP_DIR holds the JSON files the Go test TestSamplerCrossBackend writes when
ASSAY_DUMP is set: per model, rollouts sampled on the CUDA backend (prompt,
tokens, the uniform u of every position, the committed log-probability).
For every completion position this script recomputes, with transformers:

  * fp32 (TF32 off) on the same weights: |Δ logprob| against the committed
    value, and the protocol sampler's check — u inside the committed token's
    inverse-CDF interval, widened by the margin — with the smallest slack;
  * bf16 activations (model cast to bf16: what common inference engines do,
    and what the precision contract excludes): the same figures.

--speed times transformers' generate on MODEL_DIR (bf16 weights, as stored)
at batch 1/16/64 (HF_BATCHES=1,16,64,256 for others), prompt HF_PROMPT (200)
tokens, HF_NEW (256) new tokens, and the device copy bandwidth
for the roofline; bf16 weights in fp32 too unless --bf16-only.
"""
import glob
import json
import math
import os
import sys
import time

import numpy as np
import torch
from transformers import AutoModelForCausalLM

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
MARGIN = 1e-5


def interval(z, tok, temp):
    z = z.astype(np.float64)
    w = np.exp((z - z.max()) / temp)
    c = np.cumsum(w)
    total = c[-1]
    lo = c[tok - 1] / total if tok > 0 else 0.0
    return lo, c[tok] / total, float(z[tok] - z.max() - np.log(np.exp(z - z.max()).sum()))


def recompute(model, dump, dtype):
    temp = dump["temperature"]
    dl, slacks, outside, picks = [], [], 0, 0
    n = 0
    with torch.no_grad():
        for r in dump["rollouts"]:
            seq = r["prompt"] + r["tokens"][:-1]
            ids = torch.tensor([seq], device="cuda")
            logits = model(ids).logits[0].float().cpu().numpy()
            P = len(r["prompt"])
            for k, tok in enumerate(r["tokens"]):
                z = logits[P - 1 + k]
                lo, hi, lp = interval(z, tok, temp)
                u = r["u"][k]
                s = min(u - lo, hi - u)
                slacks.append(s)
                if s < -MARGIN:
                    outside += 1
                if s < 0:
                    picks += 1
                dl.append(abs(lp - r["logprobs"][k]))
                n += 1
    dl = np.array(dl)
    return {
        "activations": dtype, "positions": n, "rollouts": len(dump["rollouts"]),
        "logprob_absdiff_max": float(dl.max()), "logprob_absdiff_p999": float(np.quantile(dl, 0.999)),
        "rejected_at_margin_1e-5": outside, "pick_differs": picks, "smallest_slack": float(min(slacks)),
    }


def parity(dump_dir):
    out = []
    for path in sorted(glob.glob(os.path.join(dump_dir, "*.json"))):
        dump = json.load(open(path))
        model = AutoModelForCausalLM.from_pretrained(dump["model_dir"], torch_dtype=torch.float32,
                                                     attn_implementation="eager").cuda().eval()
        res = {"model": dump["model"], "fp32": recompute(model, dump, "fp32")}
        model = model.to(torch.bfloat16)
        res["bf16"] = recompute(model, dump, "bf16")
        print(json.dumps(res), flush=True)
        out.append(res)
        del model
        torch.cuda.empty_cache()
    return out


def bandwidth():
    x = torch.empty(2 << 30, dtype=torch.uint8, device="cuda")
    y = torch.empty_like(x)
    for _ in range(3):
        y.copy_(x)
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(10):
        y.copy_(x)
    torch.cuda.synchronize()
    dt = (time.perf_counter() - t) / 10
    del x, y
    return 2 * (2 << 30) / dt  # bytes read + written per second


PROMPT = int(os.environ.get("HF_PROMPT", "200"))
NEW = int(os.environ.get("HF_NEW", "256"))


def speed(model_dir, dtypes=(torch.bfloat16, torch.float32)):
    res = {"bandwidth_bytes_per_s": bandwidth(), "runs": []}
    for dtype in dtypes:
        model = AutoModelForCausalLM.from_pretrained(model_dir, torch_dtype=dtype).cuda().eval()
        V = model.config.vocab_size
        for batch in [int(b) for b in os.environ.get("HF_BATCHES", "1,16,64").split(",")]:
            g = torch.Generator(device="cuda").manual_seed(0)
            ids = torch.randint(0, V, (batch, PROMPT), device="cuda", generator=g)
            with torch.no_grad():
                model(ids)  # warm-up
                torch.cuda.synchronize()
                t = time.perf_counter()
                model(ids)
                torch.cuda.synchronize()
                prefill = time.perf_counter() - t
                model.generate(ids, max_new_tokens=8, min_new_tokens=8, do_sample=True)
                torch.cuda.synchronize()
                t = time.perf_counter()
                out = model.generate(ids, max_new_tokens=NEW, min_new_tokens=NEW, do_sample=True,
                                     attention_mask=torch.ones_like(ids))
                torch.cuda.synchronize()
                total = time.perf_counter() - t
            new = out.shape[1] - PROMPT
            r = {"dtype": str(dtype).split(".")[1], "batch": batch, "prompt": PROMPT, "new": new, "prefill_tok_s": batch * PROMPT / prefill,
                 "generate_new_tok_s": batch * new / total, "decode_tok_s": batch * new / max(total - prefill, 1e-9)}
            print(json.dumps(r), flush=True)
            res["runs"].append(r)
        del model
        torch.cuda.empty_cache()
    return res


def main():
    dump_dir, out_path = sys.argv[1], sys.argv[2]
    report = {"transformers": __import__("transformers").__version__, "torch": torch.__version__,
              "device": torch.cuda.get_device_name(0), "margin": MARGIN}
    if "--speed" in sys.argv:
        dtypes = (torch.bfloat16,) if "--bf16-only" in sys.argv else (torch.bfloat16, torch.float32)
        report["speed"] = speed(sys.argv[sys.argv.index("--speed") + 1], dtypes)
    else:
        report["parity"] = parity(dump_dir)
    json.dump(report, open(out_path, "w"), indent=1)


if __name__ == "__main__":
    main()
