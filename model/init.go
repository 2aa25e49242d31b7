package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"github.com/assaynet/assay/internal/atomicfile"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
)

// Preset is a named model shape for `assay model init`.
type Preset struct {
	Name          string
	Config        Config
	TokenizerSize int // tokens of the generated tokenizer (≤ Config.VocabSize)
	// VocabFromTokenizer sets vocab_size to the generated tokenizer's size,
	// so a random model can only sample decodable tokens (tiny). The
	// benchmark shapes keep Qwen's padded 151936 rows.
	VocabFromTokenizer bool
}

func qwenPreset(name string, hidden, layers, heads, kv, inter, vocab, tok, maxPos int) Preset {
	return Preset{Name: name, TokenizerSize: tok, Config: Config{
		Arch: ArchQwen2, HiddenSize: hidden, Layers: layers, Heads: heads, KVHeads: kv, HeadDim: hidden / heads,
		IntermediateSize: inter, VocabSize: vocab, MaxPositions: maxPos, RMSNormEps: 1e-6, RopeTheta: 1e6,
		TieWordEmbeddings: true, HiddenAct: "silu", DType: "bfloat16",
	}}
}

func tinyPreset() Preset {
	p := qwenPreset("tiny", 128, 4, 4, 2, 384, 0, 1024, 2048)
	p.VocabFromTokenizer = true
	return p
}

// Presets are the shapes `assay model init` writes. tiny is the demo and
// test model (a few MB); the qwen2.5 shapes are for benchmarks.
var Presets = map[string]Preset{
	"tiny":         tinyPreset(),
	"qwen2.5-0.5b": qwenPreset("qwen2.5-0.5b", 896, 24, 14, 2, 4864, 151936, 1024, 32768),
	"qwen2.5-1.5b": qwenPreset("qwen2.5-1.5b", 1536, 28, 12, 2, 8960, 151936, 1024, 32768),
	"qwen2.5-7b":   untied(qwenPreset("qwen2.5-7b", 3584, 28, 28, 4, 18944, 152064, 1024, 32768)),
}

// untied gives a preset its own output matrix (Qwen2.5-7B does not tie it to
// the embeddings).
func untied(p Preset) Preset {
	p.Config.TieWordEmbeddings = false
	return p
}

// PresetNames lists the presets, sorted.
func PresetNames() []string {
	var n []string
	for k := range Presets {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// InitConfig configures Init.
type InitConfig struct {
	Preset string
	Seed   uint64 // weights are a function of (preset, seed)
	Out    string // folder to create (must not hold a model already)
}

// Init writes a deterministic random-initialized checkpoint folder in
// Hugging Face layout: config.json, generation_config.json, model.safetensors
// (bf16), tokenizer.json, tokenizer_config.json. Weights are N(0, 0.02)
// rounded to bf16 (norm weights 1), drawn from a ChaCha8 stream keyed by
// SHA-256("assay/model-init" || preset || uint64be(seed)) tensor by tensor in
// name order.
func Init(ic InitConfig) error {
	p, ok := Presets[ic.Preset]
	if !ok {
		return fmt.Errorf("%w: preset %q (have %v)", ErrUnsupported, ic.Preset, PresetNames())
	}
	if _, err := os.Stat(filepath.Join(ic.Out, "model.safetensors")); err == nil {
		return fmt.Errorf("model: %s already holds a model.safetensors; choose an empty folder", ic.Out)
	}
	if err := os.MkdirAll(ic.Out, 0o755); err != nil {
		return err
	}
	padTo := 0
	if !p.VocabFromTokenizer {
		padTo = p.Config.VocabSize
	}
	tokJSON, vocab := generatedTokenizerJSON(p.TokenizerSize, padTo)
	cfg := p.Config
	if p.VocabFromTokenizer {
		cfg.VocabSize = len(vocab)
	}
	eos, pad := vocab["<|im_end|>"], vocab["<|endoftext|>"]
	cfgDoc := map[string]any{
		"architectures": []string{"Qwen2ForCausalLM"}, "model_type": "qwen2", "hidden_size": cfg.HiddenSize,
		"num_hidden_layers": cfg.Layers, "num_attention_heads": cfg.Heads, "num_key_value_heads": cfg.KVHeads,
		"intermediate_size": cfg.IntermediateSize, "vocab_size": cfg.VocabSize, "max_position_embeddings": cfg.MaxPositions,
		"max_window_layers": cfg.Layers, "use_sliding_window": false, "sliding_window": nil,
		"rms_norm_eps": cfg.RMSNormEps, "rope_theta": cfg.RopeTheta, "rope_scaling": nil, "tie_word_embeddings": cfg.TieWordEmbeddings,
		"hidden_act": "silu", "attention_dropout": 0.0, "initializer_range": 0.02, "use_cache": true,
		"bos_token_id": pad, "eos_token_id": eos, "torch_dtype": "bfloat16",
		"assay_preset": p.Name, "assay_seed": ic.Seed,
	}
	files := []struct {
		name string
		doc  any
	}{
		{"config.json", cfgDoc},
		{"generation_config.json", map[string]any{"bos_token_id": pad, "eos_token_id": []int{eos, pad}, "pad_token_id": pad}},
		{"tokenizer_config.json", map[string]any{"tokenizer_class": "PreTrainedTokenizerFast", "eos_token": "<|im_end|>",
			"pad_token": "<|endoftext|>", "bos_token": nil, "unk_token": nil, "model_max_length": cfg.MaxPositions,
			"clean_up_tokenization_spaces": false, "add_bos_token": false}},
	}
	for _, f := range files {
		js, _ := json.MarshalIndent(f.doc, "", "  ")
		if err := atomicfile.WriteBytes(filepath.Join(ic.Out, f.name), 0o644, append(js, '\n')); err != nil {
			return err
		}
	}
	if err := atomicfile.WriteBytes(filepath.Join(ic.Out, "tokenizer.json"), 0o644, tokJSON); err != nil {
		return err
	}
	key := sha256.Sum256(append(append([]byte("assay/model-init"), p.Name...), binary.BigEndian.AppendUint64(nil, ic.Seed)...))
	rng := rand.NewChaCha8(key)
	var tensors []TensorSource
	for name, shape := range cfg.expected() {
		if name == "lm_head.weight" && cfg.TieWordEmbeddings { // stored once, as Qwen2.5 small models do
			continue
		}
		ones := len(shape) == 1 && (filepath.Ext(name) == ".weight")
		tensors = append(tensors, TensorSource{Name: name, DType: BF16, Shape: shape, Fill: normalFill(shape, ones)})
	}
	// Fill order is the sorted order WriteSafetensors uses, so the single
	// stream gives a deterministic result.
	sort.Slice(tensors, func(i, j int) bool { return tensors[i].Name < tensors[j].Name })
	for i := range tensors {
		f := tensors[i].Fill
		tensors[i].Fill = func(w io.Writer) error { return withRNG(rng, f, w) }
	}
	return WriteSafetensors(filepath.Join(ic.Out, "model.safetensors"), tensors, map[string]string{"format": "pt"})
}

func withRNG(rng *rand.ChaCha8, f func(io.Writer) error, w io.Writer) error {
	return f(&rngWriter{w: w, rng: rng})
}

type rngWriter struct {
	w   io.Writer
	rng *rand.ChaCha8
}

func (r *rngWriter) Write(p []byte) (int, error) { return r.w.Write(p) }

func normalFill(shape []int, ones bool) func(io.Writer) error {
	return func(w io.Writer) error {
		rw := w.(*rngWriter)
		n := 1
		for _, d := range shape {
			n *= d
		}
		buf := make([]byte, 0, 1<<16)
		for i := 0; i < n; i++ {
			v := float32(1)
			if !ones {
				v = float32(0.02 * normal(rw.rng))
			}
			buf = binary.LittleEndian.AppendUint16(buf, BF16Round(v))
			if len(buf) == cap(buf) {
				if _, err := rw.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
		_, err := rw.Write(buf)
		return err
	}
}

// normal draws a standard normal by Box-Muller from two 53-bit uniforms.
func normal(r *rand.ChaCha8) float64 {
	u1 := (float64(r.Uint64()>>11) + 0.5) * 0x1p-53
	u2 := float64(r.Uint64()>>11) * 0x1p-53
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// BF16Round rounds an f32 to bf16 bits, round to nearest even (NaN stays NaN).
func BF16Round(f float32) uint16 {
	b := math.Float32bits(f)
	if b&0x7fffffff > 0x7f800000 {
		return uint16(b>>16) | 0x40
	}
	b += 0x7fff + (b>>16)&1
	return uint16(b >> 16)
}
