#!/usr/bin/env python3
"""The reference trainer: GRPO updates from Assay's verified rollouts.

Reads rollouts exported by a validator (`assay validator run --export DIR
--export-format jsonl`, or `assay export`; Parquet too where pyarrow is
installed), takes clipped-ratio policy-gradient steps against the
behaviour log-probabilities the miners committed, and writes the updated
policy as an ordinary Hugging Face folder (config, tokenizer, one
model.safetensors) that `assay chain set-model` can announce.

Only PyTorch is needed (Debian's python3-torch works): the Llama/Qwen2
forward pass and the safetensors format are written out here, so the
trainer runs on the machines validators run on. The columns it reads are
documented in docs/export.md; docs/trainer.md explains the loss.
"""

import argparse
import glob
import json
import math
import os
import random
import shutil
import struct
import sys

import torch
import torch.nn.functional as F

# ---------------------------------------------------------------- data


def read_rollouts(paths):
    """Rows of the export files or folders given (*.jsonl, *.parquet)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(glob.glob(os.path.join(p, "*.jsonl")) + glob.glob(os.path.join(p, "*.parquet")))
        else:
            files.append(p)
    rows, seen = [], set()
    for f in files:
        if f.endswith(".parquet"):
            try:
                import pyarrow.parquet as pq
            except ImportError:
                sys.exit(f"trainer: {f}: reading Parquet needs pyarrow (or export with --export-format jsonl)")
            got = pq.read_table(f).to_pylist()
        else:
            with open(f) as fh:
                got = [json.loads(line) for line in fh if line.strip()]
        for r in got:
            # The same record in two files (an export re-run) counts once.
            if r["record_hash"] not in seen:
                seen.add(r["record_hash"])
                rows.append(r)
    return rows


# ------------------------------------------------------------ checkpoint

DTYPES = {"F32": torch.float32, "BF16": torch.bfloat16, "F16": torch.float16}
NAMES = {v: k for k, v in DTYPES.items()}


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    meta = header.pop("__metadata__", {}) or {}
    out = {}
    for name, h in header.items():
        b, e = h["data_offsets"]
        t = torch.frombuffer(bytearray(data[b:e]), dtype=DTYPES[h["dtype"]]) if e > b else torch.empty(0, dtype=DTYPES[h["dtype"]])
        out[name] = t.reshape(h["shape"])
    return out, meta


def save_safetensors(path, tensors, meta):
    header, blobs, off = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        raw = t.view(torch.int16).numpy().tobytes() if t.dtype == torch.bfloat16 else t.numpy().tobytes()
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [off, off + len(raw)]}
        blobs.append(raw)
        off += len(raw)
    if meta:
        header["__metadata__"] = meta
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


class Policy(torch.nn.Module):
    """A Llama / Qwen2 decoder, parameters named as the checkpoint names them."""

    def __init__(self, cfg, weights, meta):
        super().__init__()
        self.cfg = cfg
        self.stored = set(weights)
        self.heads = cfg["num_attention_heads"]
        self.kv = cfg.get("num_key_value_heads", self.heads)
        self.dim = cfg["hidden_size"] // self.heads
        self.eps = cfg.get("rms_norm_eps", 1e-6)
        self.theta = cfg.get("rope_theta", 10000.0)
        # Tied embeddings may be stored under one name only (metadata says which).
        aliases = {k: v for k, v in meta.items() if k in ("model.embed_tokens.weight", "lm_head.weight")}
        for a, b in aliases.items():
            if a not in weights and b in weights:
                weights[a] = weights[b]
        if "lm_head.weight" not in weights:
            weights["lm_head.weight"] = weights["model.embed_tokens.weight"]
        self.tied = cfg.get("tie_word_embeddings", False) or weights["lm_head.weight"] is weights["model.embed_tokens.weight"]
        self.p = torch.nn.ParameterDict()
        for name, t in weights.items():
            if self.tied and name == "lm_head.weight":
                continue
            self.p[name.replace(".", "/")] = torch.nn.Parameter(t.float().clone())

    def w(self, name):
        if self.tied and name == "lm_head.weight":
            name = "model.embed_tokens.weight"
        return self.p[name.replace(".", "/")]

    def has(self, name):
        return name.replace(".", "/") in self.p

    def norm(self, x, name):
        v = x.pow(2).mean(-1, keepdim=True)
        return x * torch.rsqrt(v + self.eps) * self.w(name)

    def lin(self, x, name):
        b = name + ".bias"
        return F.linear(x, self.w(name + ".weight"), self.w(b) if self.has(b) else None)

    def forward(self, ids, mask):
        """Log-probabilities of each next token: [batch, len-1] for ids [batch, len]."""
        B, T = ids.shape
        x = F.embedding(ids, self.w("model.embed_tokens.weight"))
        pos = torch.arange(T, dtype=torch.float64)
        inv = 1.0 / (self.theta ** (torch.arange(0, self.dim, 2, dtype=torch.float64) / self.dim))
        ang = torch.outer(pos, inv)
        cos = torch.cat([ang.cos(), ang.cos()], -1).float().to(x.device)
        sin = torch.cat([ang.sin(), ang.sin()], -1).float().to(x.device)

        def rope(t):
            h = t.shape[-1] // 2
            rot = torch.cat([-t[..., h:], t[..., :h]], -1)
            return t * cos + rot * sin

        causal = torch.ones(T, T, dtype=torch.bool, device=x.device).tril()
        attn_mask = causal[None, None] & mask[:, None, None, :].bool()
        for i in range(self.cfg["num_hidden_layers"]):
            L = f"model.layers.{i}."
            h = self.norm(x, L + "input_layernorm.weight")
            q = self.lin(h, L + "self_attn.q_proj").view(B, T, self.heads, self.dim).transpose(1, 2)
            k = self.lin(h, L + "self_attn.k_proj").view(B, T, self.kv, self.dim).transpose(1, 2)
            v = self.lin(h, L + "self_attn.v_proj").view(B, T, self.kv, self.dim).transpose(1, 2)
            q, k = rope(q), rope(k)
            rep = self.heads // self.kv
            k, v = k.repeat_interleave(rep, 1), v.repeat_interleave(rep, 1)
            s = (q @ k.transpose(-1, -2)) / math.sqrt(self.dim)
            s = s.masked_fill(~attn_mask, float("-inf"))
            a = torch.softmax(s, -1).nan_to_num(0.0) @ v
            x = x + self.lin(a.transpose(1, 2).reshape(B, T, -1), L + "self_attn.o_proj")
            h = self.norm(x, L + "post_attention_layernorm.weight")
            g = F.silu(self.lin(h, L + "mlp.gate_proj")) * self.lin(h, L + "mlp.up_proj")
            x = x + self.lin(g, L + "mlp.down_proj")
        x = self.norm(x, "model.norm.weight")
        logits = F.linear(x[:, :-1], self.w("lm_head.weight"))
        return torch.log_softmax(logits.float(), -1).gather(-1, ids[:, 1:, None]).squeeze(-1)

    def state(self, dtype):
        """The tensors to write, under the names the input stored."""
        out = {}
        for name in self.stored:
            src = "model.embed_tokens.weight" if self.tied and name == "lm_head.weight" else name
            out[name] = self.w(src).detach().to("cpu", dtype)
        return out


# ------------------------------------------------------------------ loss


DEVICE = torch.device("cpu")


def batch_of(rows):
    seqs = [r["prompt_ids"] + r["completion_ids"] for r in rows]
    T = max(len(s) for s in seqs)
    ids = torch.zeros(len(rows), T, dtype=torch.long)
    mask = torch.zeros(len(rows), T)
    comp = torch.zeros(len(rows), T - 1)  # over next-token positions
    old = torch.zeros(len(rows), T - 1)
    for i, (r, s) in enumerate(zip(rows, seqs)):
        ids[i, : len(s)] = torch.tensor(s)
        mask[i, : len(s)] = 1
        p, c = len(r["prompt_ids"]), len(r["completion_ids"])
        comp[i, p - 1 : p - 1 + c] = 1
        old[i, p - 1 : p - 1 + c] = torch.tensor(r["logprobs"], dtype=torch.float32)
    adv = torch.tensor([r["advantage"] for r in rows], dtype=torch.float32)
    return ids.to(DEVICE), mask.to(DEVICE), comp.to(DEVICE), old.to(DEVICE), adv.to(DEVICE)


def grpo_loss(policy, ref, rows, clip, kl_coef):
    """The clipped surrogate of GRPO, each sequence's tokens averaged (as
    in the GRPO paper), then the batch; plus kl_coef times the k3 estimate
    of KL(policy || ref) where a reference is given."""
    ids, mask, comp, old, adv = batch_of(rows)
    logp = policy(ids, mask)
    ratio = torch.exp(logp - old)
    a = adv[:, None]
    surr = torch.minimum(ratio * a, ratio.clamp(1 - clip, 1 + clip) * a)
    per_tok = -surr
    stats = {"ratio_mean": float((ratio.detach() * comp).sum() / comp.sum()),
             "clipped": float((((ratio.detach() - 1).abs() > clip).float() * comp).sum() / comp.sum())}
    if ref is not None and kl_coef > 0:
        with torch.no_grad():
            ref_logp = ref(ids, mask)
        d = ref_logp - logp
        kl = torch.exp(d) - d - 1
        per_tok = per_tok + kl_coef * kl
        stats["kl"] = float((kl.detach() * comp).sum() / comp.sum())
    loss = ((per_tok * comp).sum(-1) / comp.sum(-1).clamp(min=1)).mean()
    return loss, stats


def check_logprobs(policy, rows, tol, batch):
    """Drop the rollouts whose committed log-probabilities are not the
    policy's: validators verify them only at the opened positions, and the
    importance ratios are computed against them."""
    kept, bad, worst = [], 0, 0.0
    with torch.no_grad():
        for b in range(0, len(rows), batch):
            part = rows[b : b + batch]
            ids, mask, comp, old, _ = batch_of(part)
            diff = ((policy(ids, mask) - old).abs() * comp).amax(-1)
            for r, d in zip(part, diff.tolist()):
                worst = max(worst, d)
                if d > tol:
                    bad += 1
                else:
                    kept.append(r)
    if bad:
        print(f"trainer: dropped {bad} rollouts whose committed log-probabilities differ from the policy's by more than {tol}", flush=True)
    print(f"trainer: committed log-probabilities checked (largest difference {worst:.2e})", flush=True)
    return kept


# ------------------------------------------------------------------ main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rollouts", nargs="+", required=True, help="export files or folders (*.jsonl, *.parquet)")
    ap.add_argument("--model", required=True, help="Hugging Face folder of the policy that generated them")
    ap.add_argument("--out", required=True, help="folder to write the updated policy to")
    ap.add_argument("--ref", help="reference model folder for the KL term (default: --model)")
    ap.add_argument("--kl", type=float, default=0.0, help="KL coefficient (0: no reference pass)")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--clip", type=float, default=0.2, help="ratio clip epsilon")
    ap.add_argument("--epochs", type=int, default=2, help="passes over the rollouts")
    ap.add_argument("--batch", type=int, default=64, help="rollouts per optimizer step")
    ap.add_argument("--dtype", choices=["f32", "bf16"], default="f32", help="weights written (bf16 for the tensor-core path)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0, help="CPU threads (0: all cores)")
    ap.add_argument("--device", default="cpu", help="torch device to train on (cpu, cuda, cuda:1)")
    ap.add_argument("--model-id", help="only rollouts of this model id (default: all in the files)")
    ap.add_argument("--logprob-tolerance", type=float, default=0.01,
                    help="drop rollouts whose committed log-probabilities differ from the policy's by more (0: no check)")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads or os.cpu_count() or 1)
    global DEVICE
    DEVICE = torch.device(args.device)

    rows = read_rollouts(args.rollouts)
    if args.model_id:
        rows = [r for r in rows if r["model_id"] == args.model_id]
    if not rows:
        sys.exit("trainer: no rollouts in " + " ".join(args.rollouts))
    # Off-policy data (another model's rollouts) would make the ratios
    # meaningless: train only on one policy's rollouts.
    ids = sorted({r["model_id"] for r in rows})
    if len(ids) > 1:
        sys.exit(f"trainer: rollouts of {len(ids)} models ({', '.join(i[:12] for i in ids)}): pick one with --model-id")
    learn = [r for r in rows if r["advantage"] != 0 and r["completion_ids"]]

    with open(os.path.join(args.model, "config.json")) as f:
        cfg = json.load(f)
    weights, meta = load_safetensors(os.path.join(args.model, "model.safetensors"))
    policy = Policy(cfg, dict(weights), meta).to(DEVICE)
    ref = None
    if args.kl > 0:
        rw, rm = load_safetensors(os.path.join(args.ref or args.model, "model.safetensors"))
        ref = Policy(cfg, dict(rw), rm).to(DEVICE).requires_grad_(False)

    if args.logprob_tolerance > 0:
        learn = check_logprobs(policy, learn, args.logprob_tolerance, args.batch)
    mean_reward = sum(r["reward"] for r in rows) / len(rows)
    print(f"trainer: {len(rows)} rollouts of model {ids[0][:16]}… (mean reward {mean_reward:.4f}), "
          f"{len(learn)} with a non-zero advantage", flush=True)
    opt = torch.optim.AdamW(policy.parameters(), lr=args.lr, weight_decay=0.0)
    step = 0
    for epoch in range(args.epochs):
        random.shuffle(learn)
        for b in range(0, len(learn), args.batch):
            loss, st = grpo_loss(policy, ref, learn[b : b + args.batch], args.clip, args.kl)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
            opt.step()
            step += 1
            extra = "".join(f" {k} {v:.4f}" for k, v in st.items())
            print(f"trainer: epoch {epoch} step {step} loss {loss.item():.4f}{extra}", flush=True)

    os.makedirs(args.out, exist_ok=True)
    for f in os.listdir(args.model):
        if f != "model.safetensors" and os.path.isfile(os.path.join(args.model, f)):
            shutil.copy(os.path.join(args.model, f), os.path.join(args.out, f))
    dtype = torch.bfloat16 if args.dtype == "bf16" else torch.float32
    save_safetensors(os.path.join(args.out, "model.safetensors"), policy.state(dtype), meta)
    if "torch_dtype" in cfg:
        cfg["torch_dtype"] = "bfloat16" if args.dtype == "bf16" else "float32"
        with open(os.path.join(args.out, "config.json"), "w") as f:
            json.dump(cfg, f, indent=2)
    print(f"trainer: wrote {args.out} ({step} steps)", flush=True)


if __name__ == "__main__":
    main()
