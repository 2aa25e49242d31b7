#!/usr/bin/env python3
"""A second, deliberately plain implementation of the PRF and seed
constructions of docs/protocol.md, checked against challenge/testdata/vectors.json.

Run: python3 scripts/check_vectors.py   (make vectors-check)
"""
import hashlib
import json
import struct
import sys


def prf(label: str, parts, n: int) -> bytes:
    pre = struct.pack(">I", len(label)) + label.encode()
    for p in parts:
        pre += struct.pack(">I", len(p)) + p
    out, c = b"", 0
    while len(out) < n:
        out += hashlib.sha256(pre + struct.pack(">I", c)).digest()
        c += 1
    return out[:n]


def main(path: str) -> int:
    v = json.load(open(path))
    n = 0
    for p in v["prf"]:
        got = prf(p["label"], [bytes.fromhex(x) for x in p["parts_hex"]], p["n"]).hex()
        assert got == p["out_hex"], ("prf", p)
        n += 1
    labels = {"window": b"assay/window", "open": b"assay/open"}
    for s in v["seeds"]:
        msg = (labels[s["kind"]] + struct.pack(">Q", s["chain_id"]) + bytes.fromhex(s["contract_hex"])
               + bytes.fromhex(s["block_hash_hex"]) + bytes.fromhex(s["beacon_randomness_hex"]))
        assert hashlib.sha256(msg).hexdigest() == s["seed_hex"], ("seed", s)
        # The beacon round: the first scheduled strictly after the block's
        # time plus the delay (round r is at genesis + (r-1)*period).
        t = s["block_time"] + s["beacon_delay"]
        assert s["beacon_round"] == (t - s["beacon_genesis"]) // s["beacon_period"] + 2, ("round", s)
        n += 1
    for p in v["problem_seeds"]:
        parts = [bytes.fromhex(p["window_seed_hex"]), bytes.fromhex(p["miner_hex"]), struct.pack(">Q", p["j"])]
        assert prf("problem", parts, 32).hex() == p["problem_seed_hex"], ("problem", p)
        n += 1
    print(f"check_vectors: {n} vectors agree with {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "challenge/testdata/vectors.json"))
