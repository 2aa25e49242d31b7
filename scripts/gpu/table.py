#!/usr/bin/env python3
"""The table of scripts/gpu/bench.sh: throughput, the bandwidth roofline and
the same-run ratios, from its bench.log and transformers' hf-speed.json.

Roofline of a decode step of B sequences at mean context c: the weights a
step reads (every tensor once, less the embedding table when the output
matrix is separate: only its rows are gathered) plus B·c positions of the
f32 KV cache, over the copy bandwidth measured in the same run.
"""
import argparse
import json
import os
import re
import statistics
import sys

LINE = re.compile(r"^Benchmark(\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$")


def parse(log):
    """Rows of (section header, benchmark name, {unit: value})."""
    rows, header = [], ""
    for line in open(log):
        if line.startswith("== "):
            header = line[3:].strip()
            continue
        m = LINE.match(line.strip())
        if not m:
            continue
        vals, f = {}, m.group(3).split()
        for i in range(0, len(f) - 1, 2):
            try:
                vals[f[i + 1]] = float(f[i])
            except ValueError:
                pass
        rows.append((header, m.group(1), vals))
    return rows


def weights_bytes(model_dir, cfg):
    size = os.path.getsize(os.path.join(model_dir, "model.safetensors"))
    if not cfg.get("tie_word_embeddings", False):
        size -= cfg["vocab_size"] * cfg["hidden_size"] * 2
    return size


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--hf", default="")
    ap.add_argument("--completion", type=int, default=256)
    ap.add_argument("--gpu", default="")
    a = ap.parse_args()
    cfg = json.load(open(os.path.join(a.model_dir, "config.json")))
    head_dim = cfg.get("head_dim") or cfg["hidden_size"] // cfg["num_attention_heads"]
    kv_pos = cfg["num_hidden_layers"] * 2 * cfg["num_key_value_heads"] * head_dim * 4
    W = weights_bytes(a.model_dir, cfg)
    hf = json.load(open(a.hf))["speed"] if a.hf and os.path.exists(a.hf) else None
    bw = hf["bandwidth_bytes_per_s"] if hf else None
    hf_by_batch = {r["batch"]: r for r in hf["runs"]} if hf else {}
    rows = parse(a.log)

    def roof(batch, ctx):
        return batch * bw / (W + batch * ctx * kv_pos) if bw else None

    def pct(v, r):
        return f"{100 * v / r:.1f}%" if r else "—"

    name = cfg.get("assay_preset", os.path.basename(a.model_dir))
    print(f"### {name}: {a.gpu}")
    print()
    print(f"weights read a step {W / 1e9:.2f} GB, KV cache {kv_pos / 1e3:.1f} kB a position (f32), "
          + (f"copy bandwidth {bw / 1e12:.2f} TB/s (same run)" if bw else "bandwidth not measured (HF=0)"))
    print()
    print("| what | tok/s (or positions/s) | rollouts/s | roofline tok/s | share of roofline | vs transformers bf16 |")
    print("|---|---|---|---|---|---|")
    gen, miner, raw, val = {}, [], [], {}
    for header, bench, v in rows:
        m = re.match(r"Forward/decode/batch=(\d+)", bench)
        if m:
            B = int(m.group(1))
            r = roof(B, 200 + 32)
            print(f"| decode step, batch {B} (prompt 200) | {v.get('tok/s', 0):,.0f} | | {r and f'{r:,.0f}' or '—'} | {pct(v.get('tok/s', 0), r)} | |")
            continue
        if bench == "GenerateBatch":
            s = int(re.search(r"ASSAY_BENCH_SEQS=(\d+)", header).group(1))
            gen[s] = v
            r = roof(s, 200 + a.completion / 2)
            h = hf_by_batch.get(s)
            ratio = f"{v['tok/s'] / h['generate_new_tok_s']:.1f}×" if h else "—"
            print(f"| miner decode, {s} sequences, {a.completion} new (GenerateBatch) | {v['tok/s']:,.0f} | {v['rollouts/s']:.2f} | {r and f'{r:,.0f}' or '—'} | {pct(v['tok/s'], r)} | {ratio} |")
            continue
        m = re.match(r"VerifyPass/device-stats/rollouts=(\d+)", bench)
        if m:
            print(f"| validator pass, {m.group(1)} rollouts (VerifyPass) | {v['positions/s']:,.0f} positions/s | {v['rollouts/s']:.2f} | | | |")
            continue
        m = re.match(r"Roles/(miner|generate-only)/seqs=(\d+)", bench)
        if m:
            (miner if m.group(1) == "miner" else raw).append((int(m.group(2)), v))
            continue
        m = re.match(r"Roles/validator-(all|per-group)/rollouts=(\d+)", bench)
        if m:
            val.setdefault(m.group(1), []).append((int(m.group(2)), v))
    for label, runs in (("miner end to end (sketches, log-probs, rewards, signatures)", miner), ("generation only (no commitments)", raw)):
        if not runs:
            continue
        s = runs[0][0]
        prompt = (miner or runs)[0][1].get("prompt-tokens", 200)
        tps = [v["tok/s"] for _, v in runs]
        rps = statistics.mean(v["rollouts/s"] for _, v in runs)
        h = hf_by_batch.get(s)
        ratio = f"{statistics.mean(tps) / h['generate_new_tok_s']:.1f}×" if h else "—"
        r = roof(s, prompt + a.completion / 2)
        print(f"| {label}, {s} sequences, prompts of {prompt:.0f} tokens, {len(runs)} runs | {statistics.mean(tps):,.0f} ({min(tps):,.0f}–{max(tps):,.0f}) | {rps:.2f} | {r and f'{r:,.0f}' or '—'} | {pct(statistics.mean(tps), r)} | {ratio} |")
    for s, h in sorted(hf_by_batch.items()):
        print(f"| transformers bf16 generate, batch {s}, prompt {h.get('prompt', 200)}, {h.get('new', 256)} new | {h['generate_new_tok_s']:,.0f} | | | | 1 |")
    miner_rps = statistics.mean(v["rollouts/s"] for _, v in miner) if miner else None
    for kind, runs in sorted(val.items()):
        n = runs[0][0]
        rps = statistics.mean(v["rollouts/s"] for _, v in runs)
        pps = statistics.mean(v["positions/s"] for _, v in runs)
        rej = sum(v.get("rejected", 0) for _, v in runs)
        cost = f"; verifying costs {miner_rps / rps:.2f}× generating" if miner_rps else ""
        print(f"| validator end to end, {kind} ({n} rollouts), {len(runs)} runs, {rej:.0f} rejected | {pps:,.0f} positions/s | {rps:.2f} | | | {cost.lstrip('; ')} |")
    if miner and raw:
        pairs = [m[1]["tok/s"] / r[1]["tok/s"] for m, r in zip(miner, raw)]
        print()
        print(f"Commitments: end-to-end miner over generation-only tok/s, per run: "
              + ", ".join(f"{p:.3f}" for p in pairs) + f" (cost {100 * (1 - statistics.mean(pairs)):+.1f}%)")


if __name__ == "__main__":
    sys.exit(main())
