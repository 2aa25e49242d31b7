#!/usr/bin/env python3
"""Renders challenge/testdata/vectors.json as the Markdown tables of
docs/protocol.md (section 'Test vectors'). Run: python3 scripts/vectors_md.py"""
import json

v = json.load(open("challenge/testdata/vectors.json"))
print("PRF (label, parts in hex, n → output):\n")
print("| label | parts | n | output |\n|---|---|---|---|")
for p in v["prf"]:
    parts = ", ".join(("`" + x + "`") if x else "`(empty)`" for x in p["parts_hex"]) or "(none)"
    print("| `%s` | %s | %d | `%s` |" % (p["label"], parts, p["n"], p["out_hex"]))
print("\nStream (ChaCha8 keyed by key; first four Uint64, then six Below(10), then two Float64):\n")
for s in v["stream"]:
    print("- key `%s`: %s; Below(10): %s; Float64: %s" % (
        s["key_hex"], ", ".join("`" + x + "`" for x in s["first_uint64"]),
        " ".join(str(x) for x in s["below_10_after"]), ", ".join(repr(x) for x in s["float64_after"])))
print("\nSeeds (chain id %d, contract `%s`, W=%d, grace=%d, beacon delay %d s, window %d; real quicknet rounds, genesis %d, period %d s):\n" % (
    v["seeds"][0]["chain_id"], v["seeds"][0]["contract_hex"], v["seeds"][0]["window_length"],
    v["seeds"][0]["submit_grace"], v["seeds"][0]["beacon_delay"], v["seeds"][0]["window"],
    v["seeds"][0]["beacon_genesis"], v["seeds"][0]["beacon_period"]))
print("| kind | block | block hash | block time | beacon round | randomness | seed |\n|---|---|---|---|---|---|---|")
for s in v["seeds"]:
    print("| %s | %d | `%s` | %d | %d | `%s` | `%s` |" % (s["kind"], s["block"], s["block_hash_hex"], s["block_time"],
                                                       s["beacon_round"], s["beacon_randomness_hex"], s["seed_hex"]))
print("\nProblem seeds (window seed above, miner `%s`):\n" % v["problem_seeds"][0]["miner_hex"])
print("| j | problem seed |\n|---|---|")
for p in v["problem_seeds"]:
    print("| %d | `%s` |" % (p["j"], p["problem_seed_hex"]))
