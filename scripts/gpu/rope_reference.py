#!/usr/bin/env python3
"""Reference logits from transformers (fp32, GPU) for a Llama model with
Llama-3 rope scaling: TinyStories' weights with rope_scaling rewritten (see
model/rope_test.go, which builds the same folder). Output: $OUT/hf_rope_llama3.json
Run: python3 scripts/gpu/rope_reference.py .gpu-in/llama3rope
"""
import json, os, sys
import torch
from transformers import AutoModelForCausalLM

torch.backends.cuda.matmul.allow_tf32 = False
torch.set_float32_matmul_precision("highest")
path = sys.argv[1]
model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager").to("cuda").eval()
ids = [1] + [(i * 37 + 11) % 2000 + 3 for i in range(299)]
with torch.no_grad():
    logits = model(torch.tensor([ids], device="cuda")).logits[0].float().cpu()
positions = [0, 10, 63, 64, 100, 200, 299]
out = {"config_rope_scaling": model.config.rope_scaling, "ids": ids, "positions": positions,
       "logits": {str(p): logits[p][:64].tolist() for p in positions},
       "argmax": {str(p): int(torch.argmax(logits[p])) for p in positions}}
json.dump(out, open(os.path.join(os.environ.get("OUT", "."), "hf_rope_llama3.json"), "w"))
print("rope reference done", model.config.rope_scaling)
