package model

import (
	"encoding/json"
	"fmt"
	"github.com/assaynet/assay/model/tokenizer"
	"slices"
	"sort"
)

// trainingText is the built-in corpus the generated tokenizer's merges are
// learned from: English prose plus the vocabulary of the network's
// environments (SAT formulas, arithmetic word problems, chat markup).
const trainingText = `Once upon a time there was a little model that wanted to learn. Every day it read stories about
the world, about numbers and about logic, and every day it answered a few more questions correctly.
Find true/false values for the variables x1..x10 that satisfy every clause of this 3-SAT formula.
Each line is one clause: an OR of literals, where ~ means NOT. (x1 | ~x2 | x3) (~x4 | x5 | ~x6)
(x7 | x8 | ~x9) (x10 | ~x1 | x2) Give your answer as one assignment per variable, for example:
x1=1, x2=0, x3=1, x4=0, x5=1, x6=0, x7=1, x8=0, x9=1, x10=0.
Ava has 12 apples. She buys 3 packs with 4 apples in each pack, then gives 5 apples to Ben.
How many apples does Ava have now? Solve it step by step, then give the final answer after '####'.
12 + 3 * 4 = 24, and 24 - 5 = 19. #### 19
At the bakery, one cookie costs $3. Chen buys 7 of them and pays with $40. How many dollars of change
does Chen get? 7 * 3 = 21, 40 - 21 = 19. The answer is 19.
Omar reads 26 pages on Monday, 3 times as many pages on Tuesday, and 10 fewer pages on Wednesday than
on Tuesday. How many pages does Omar read over the three days? 26 + 78 + 68 = 172. #### 172
A hall has 39 chairs. 1 chair is broken and taken away, and the rest are shared equally among 2
classrooms. How many chairs does each classroom get? (39 - 1) / 2 = 19. #### 19
The quick brown fox jumps over the lazy dog. She said, "I think so, but I'm not sure." They're here;
we'll see what you've done. It's 10:30 and the answer is 42.
system user assistant The user asks a question and the assistant answers it step by step.
`

// trainBPE learns byte-level BPE merges on text until the vocabulary (256
// byte tokens plus merges) reaches size. Ties between equally frequent pairs
// go to the pair whose concatenation sorts first, so training is
// deterministic.
func trainBPE(text string, size int) (vocab map[string]int, merges [][2]string) {
	vocab = map[string]int{}
	for b := 0; b < 256; b++ {
		vocab[string(tokenizer.ByteRune(byte(b)))] = b
	}
	type word struct {
		syms  []string
		count int
	}
	counts := map[string]int{}
	for _, w := range tokenizer.SplitQwen2(text) {
		counts[w]++
	}
	var words []word
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var syms []string
		for i := 0; i < len(k); i++ {
			syms = append(syms, string(tokenizer.ByteRune(k[i])))
		}
		words = append(words, word{syms, counts[k]})
	}
	for len(vocab) < size {
		pairs := map[[2]string]int{}
		for _, w := range words {
			for i := 0; i+1 < len(w.syms); i++ {
				pairs[[2]string{w.syms[i], w.syms[i+1]}] += w.count
			}
		}
		var best [2]string
		bestN := 1
		for p, n := range pairs {
			if n > bestN || (n == bestN && n > 1 && p[0]+"\x00"+p[1] < best[0]+"\x00"+best[1]) {
				best, bestN = p, n
			}
		}
		if bestN < 2 {
			break
		}
		merged := best[0] + best[1]
		if _, ok := vocab[merged]; !ok {
			vocab[merged] = len(vocab)
		}
		merges = append(merges, best)
		for wi := range words {
			s := words[wi].syms
			var out []string
			for i := 0; i < len(s); i++ {
				if i+1 < len(s) && s[i] == best[0] && s[i+1] == best[1] {
					out = append(out, merged)
					i++
				} else {
					out = append(out, s[i])
				}
			}
			words[wi].syms = out
		}
	}
	return vocab, merges
}

// Special tokens of the generated tokenizer (ChatML, as Qwen uses).
var generatedSpecials = []string{"<|endoftext|>", "<|im_start|>", "<|im_end|>"}

// generatedTokenizerJSON builds a byte-level BPE tokenizer.json with `merges`
// learned merges and ChatML specials, in the layout Hugging Face writes,
// and, up to padTo ids, reserved entries no merge produces: a random model
// samples from its whole vocabulary, and every id it can sample must decode
// (Qwen2.5's own vocabulary is likewise larger than its merges reach).
func generatedTokenizerJSON(size, padTo int) ([]byte, map[string]int) {
	vocab, merges := trainBPE(trainingText, size-len(generatedSpecials))
	var added []map[string]any
	for _, s := range generatedSpecials {
		id := len(vocab)
		vocab[s] = id
		added = append(added, map[string]any{"id": id, "content": s, "single_word": false, "lstrip": false,
			"rstrip": false, "normalized": false, "special": true})
	}
	for id := len(vocab); id < padTo; id++ {
		vocab[fmt.Sprintf("<reserved_%d>", id)] = id
	}
	base := map[string]int{}
	for k, v := range vocab {
		if !slices.Contains(generatedSpecials, k) {
			base[k] = v
		}
	}
	ml := make([][]string, len(merges))
	for i, m := range merges {
		ml[i] = []string{m[0], m[1]}
	}
	doc := map[string]any{
		"version":      "1.0",
		"truncation":   nil,
		"padding":      nil,
		"added_tokens": added,
		"normalizer":   nil,
		"pre_tokenizer": map[string]any{"type": "Sequence", "pretokenizers": []any{
			map[string]any{"type": "Split", "pattern": map[string]any{"Regex": tokenizer.PatternQwen2}, "behavior": "Isolated", "invert": false},
			map[string]any{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false},
		}},
		"post_processor": map[string]any{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false},
		"decoder":        map[string]any{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false},
		"model": map[string]any{"type": "BPE", "dropout": nil, "unk_token": nil, "continuing_subword_prefix": "",
			"end_of_word_suffix": "", "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
			"vocab": base, "merges": ml},
	}
	js, _ := json.MarshalIndent(doc, "", "  ")
	return js, vocab
}
