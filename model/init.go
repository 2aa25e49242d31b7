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
	"runtime"
	"sort"
	"sync"
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
// rounded to bf16 (norm weights 1), each chunk of 2^20 weights of a tensor
// drawn from its own ChaCha8 stream (initKey), so the weights are a function
// of (preset, seed) alone and are drawn on every core.
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
	var tensors []TensorSource
	for name, shape := range cfg.expected() {
		if name == "lm_head.weight" && cfg.TieWordEmbeddings { // stored once, as Qwen2.5 small models do
			continue
		}
		ones := len(shape) == 1 && (filepath.Ext(name) == ".weight")
		tensors = append(tensors, TensorSource{Name: name, DType: BF16, Shape: shape,
			Fill: initFill(initKey(p.Name, ic.Seed, name), numel(shape), ones)})
	}
	sort.Slice(tensors, func(i, j int) bool { return tensors[i].Name < tensors[j].Name })
	return WriteSafetensors(filepath.Join(ic.Out, "model.safetensors"), tensors, map[string]string{"format": "pt"})
}

// initChunk is how many weights one ChaCha8 stream draws: every chunk of
// every tensor has its own stream, so chunks are drawn on all cores (a 7B
// checkpoint in seconds rather than minutes) and the result does not depend
// on how many there are.
const initChunk = 1 << 20

// initKey is the key prefix of a tensor's streams: SHA-256("assay/model-init/v2"
// || preset || uint64be(seed) || tensor name); chunk c's stream is keyed by
// SHA-256(prefix || uint64be(c)).
func initKey(preset string, seed uint64, tensor string) [32]byte {
	b := append([]byte("assay/model-init/v2"), preset...)
	b = binary.BigEndian.AppendUint64(b, seed)
	return sha256.Sum256(append(b, tensor...))
}

// initFill writes n bf16 weights (all 1 for norm weights, else N(0, 0.02)),
// drawing GOMAXPROCS chunks at a time concurrently and writing them in order.
func initFill(key [32]byte, n int, ones bool) func(io.Writer) error {
	return func(w io.Writer) error {
		chunks := (n + initChunk - 1) / initChunk
		bufs := make([][]byte, min(runtime.GOMAXPROCS(0), chunks))
		for first := 0; first < chunks; first += len(bufs) {
			batch := bufs[:min(len(bufs), chunks-first)]
			var wg sync.WaitGroup
			for i := range batch {
				c := first + i
				wg.Go(func() { batch[i] = drawChunk(key, c, min(initChunk, n-c*initChunk), ones) })
			}
			wg.Wait()
			for _, buf := range batch {
				if _, err := w.Write(buf); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// drawChunk draws chunk c of a tensor: Box-Muller pairs (cos, then sin) from
// two 53-bit uniforms each, scaled by 0.02 and rounded to bf16.
func drawChunk(key [32]byte, c, n int, ones bool) []byte {
	buf := make([]byte, 2*n)
	if ones {
		for i := range n {
			binary.LittleEndian.PutUint16(buf[2*i:], BF16Round(1))
		}
		return buf
	}
	rng := rand.NewChaCha8(sha256.Sum256(binary.BigEndian.AppendUint64(key[:], uint64(c))))
	for i := 0; i < n; i += 2 {
		u1 := (float64(rng.Uint64()>>11) + 0.5) * 0x1p-53
		u2 := float64(rng.Uint64()>>11) * 0x1p-53
		r := math.Sqrt(-2 * math.Log(u1))
		s, co := math.Sincos(2 * math.Pi * u2)
		binary.LittleEndian.PutUint16(buf[2*i:], BF16Round(float32(0.02*r*co)))
		if i+1 < n {
			binary.LittleEndian.PutUint16(buf[2*i+2:], BF16Round(float32(0.02*r*s)))
		}
	}
	return buf
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
