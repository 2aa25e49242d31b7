#!/usr/bin/env python3
"""Reference values from Hugging Face transformers (fp32 on the GPU) for the
Go engine's parity tests, and HF `tokenizers` ids for the tokenizer tests.

Run on the GPU machine through scripts/gpu/run_reference.sh. Inputs (carried
in .gpu-in/): model folders and tokenizer corpora. Outputs to $OUT:
  hf_golden.json  forward/greedy/sampled fixtures -> model/testdata/hf_golden.json
  hf_tokens.json  HF tokenizers ids of each corpus (compared by a Go test)
"""
import json
import math
import os
import sys
import time

import torch
import transformers
from transformers import AutoModelForCausalLM, PreTrainedTokenizerFast

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
torch.set_float32_matmul_precision("highest")
dev = "cuda" if torch.cuda.is_available() else "cpu"
IN = sys.argv[1] if len(sys.argv) > 1 else ".gpu-in"
OUT = os.environ.get("OUT", "out")

PROMPTS = {
    "tinystories": ["Once upon a time", "Tom and Lily went to the park. They saw a big", ""],
    "tiny": ["Find true/false values for x1 #### 19", "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n", "héllo 😀 wörld"],
}
PROBE_IDS = list(range(0, 400, 25))


def uniform(rollout, t):
    # A public, simple formula both sides compute: the Weyl sequence.
    return math.fmod((rollout + 1) * 0.7548776662466927 + t * 0.5698402909980532, 1.0)


def sample(logits, temperature, u):
    w = torch.exp((logits.double() - logits.double().max()) / temperature).tolist()
    total = 0.0
    for x in w:
        total += x
    target = u * total
    cum = 0.0
    for i, x in enumerate(w):
        lo = cum
        cum += x
        if cum > target:
            return i, min(target - lo, cum - target) / total
    return len(w) - 1, 0.0


def run_model(name, path):
    tok = PreTrainedTokenizerFast(tokenizer_file=os.path.join(path, "tokenizer.json"))
    model = AutoModelForCausalLM.from_pretrained(path, torch_dtype=torch.float32, attn_implementation="eager").to(dev).eval()
    cfg = model.config
    bos = cfg.bos_token_id
    eos = cfg.eos_token_id
    out = {"model": name, "transformers": transformers.__version__, "torch": torch.__version__, "device": torch.cuda.get_device_name(0) if dev == "cuda" else "cpu", "prompts": []}
    for text in PROMPTS[name]:
        ids = tok(text)["input_ids"]
        if name == "tinystories" and not ids:
            ids = [bos]
        if name == "tinystories" and ids[0] != bos:
            ids = [bos] + ids
        with torch.no_grad():
            o = model(torch.tensor([ids], device=dev), output_hidden_states=True)
        logits = o.logits[0].float().cpu()
        hidden = o.hidden_states[-1][0].float().cpu()  # after the final norm in HF Llama/Qwen2
        pos = []
        for p in range(len(ids)):
            l = logits[p]
            top = torch.topk(l, 5)
            pos.append({
                "top_ids": top.indices.tolist(), "top_logits": top.values.tolist(),
                "logsumexp": torch.logsumexp(l.double(), 0).item(),
                "probe_logits": [l[i].item() for i in PROBE_IDS if i < l.shape[0]],
                "hidden_norm": torch.linalg.vector_norm(hidden[p].double()).item(),
                "hidden_head": hidden[p][:8].tolist(),
            })
        # Greedy continuation, full recompute each step (no cache subtleties).
        seq = list(ids)
        greedy, glp = [], []
        for _ in range(32):
            with torch.no_grad():
                l = model(torch.tensor([seq], device=dev)).logits[0, -1].float().cpu()
            t = int(torch.argmax(l))
            greedy.append(t)
            glp.append((l.double() - torch.logsumexp(l.double(), 0))[t].item())
            seq.append(t)
        # Sampled rollouts with the public uniforms, T = 1.
        sampled = []
        for r in range(3):
            seq = list(ids)
            toks, lps = [], []
            for t in range(24):
                with torch.no_grad():
                    l = model(torch.tensor([seq], device=dev)).logits[0, -1].float().cpu()
                k, _ = sample(l, 1.0, uniform(r, t))
                toks.append(k)
                lps.append((l.double() - torch.logsumexp(l.double(), 0))[k].item())
                seq.append(k)
            sampled.append({"tokens": toks, "logprobs": lps})
        out["prompts"].append({"text": text, "ids": ids, "positions": pos, "greedy": greedy, "greedy_logprobs": glp, "sampled": sampled})
    out["probe_ids"] = [i for i in PROBE_IDS if i < cfg.vocab_size]
    return out


def main():
    t0 = time.time()
    golden = {"generated_by": "scripts/gpu/hf_reference.py", "uniform": "fmod((rollout+1)*0.7548776662466927 + t*0.5698402909980532, 1)", "models": []}
    for name, folder in [("tinystories", "tinystories-656k"), ("tiny", "tiny")]:
        golden["models"].append(run_model(name, os.path.join(IN, folder)))
    with open(os.path.join(OUT, "hf_golden.json"), "w") as f:
        json.dump(golden, f)
    # Tokenizer ids from HF tokenizers (Rust) for each corpus.
    toks = {}
    corpus = json.load(open(os.path.join(IN, "corpus.json")))
    for name, path in [("qwen3", os.path.join(IN, "qwen3")), ("tinystories", os.path.join(IN, "tinystories-656k")), ("tiny", os.path.join(IN, "tiny"))]:
        tk = PreTrainedTokenizerFast(tokenizer_file=os.path.join(path, "tokenizer.json"))
        toks[name] = [tk(t)["input_ids"] for t in corpus]
    with open(os.path.join(OUT, "hf_tokens.json"), "w") as f:
        json.dump({"tokenizers": transformers.__version__, "corpus_size": len(corpus), "ids": toks}, f)
    print(f"hf_reference: done in {time.time() - t0:.1f}s on {dev}")


if __name__ == "__main__":
    main()
