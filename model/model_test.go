package model

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/assaynet/assay/model/tokenizer"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tinyDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := Init(InitConfig{Preset: "tiny", Out: dir}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func openTiny(t testing.TB) (*Checkpoint, *CPU, *tokenizer.Tokenizer, string) {
	t.Helper()
	dir := tinyDir(t)
	ck, err := OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ck.Close() })
	b, err := NewCPU(ck, CPUConfig{})
	if err != nil {
		t.Fatal(err)
	}
	tk, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ck, b, tk, dir
}

func TestInitDeterministic(t *testing.T) {
	a, b := tinyDir(t), tinyDir(t)
	ca, _ := OpenCheckpoint(a)
	cb, _ := OpenCheckpoint(b)
	defer ca.Close()
	defer cb.Close()
	if ca.ModelID() != cb.ModelID() {
		t.Fatal("same preset and seed gave different models")
	}
	c := filepath.Join(t.TempDir(), "seed1")
	if err := Init(InitConfig{Preset: "tiny", Seed: 1, Out: c}); err != nil {
		t.Fatal(err)
	}
	cc, _ := OpenCheckpoint(c)
	defer cc.Close()
	if cc.ModelID() == ca.ModelID() {
		t.Fatal("seed does not change the model")
	}
	if err := Init(InitConfig{Preset: "tiny", Out: a}); err == nil {
		t.Fatal("init overwrote an existing model")
	}
	if err := Init(InitConfig{Preset: "gpt-5", Out: t.TempDir()}); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("unknown preset: %v", err)
	}
}

// TestModelIDIndependentOfSharding re-writes the tiny model as two shards
// with an index and checks the id is unchanged, and that one flipped weight
// bit changes it.
func TestModelIDIndependentOfSharding(t *testing.T) {
	ck, _, _, dir := openTiny(t)
	want := ck.ModelID()
	sharded := t.TempDir()
	for _, f := range []string{"config.json", "tokenizer.json"} {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		os.WriteFile(filepath.Join(sharded, f), data, 0o644)
	}
	var s1, s2 []TensorSource
	index := map[string]string{}
	i := 0
	for name, tt := range ck.Tensors {
		src := TensorSource{Name: name, DType: tt.DType, Shape: tt.Shape, Fill: func(w io.Writer) error { _, err := w.Write(tt.Data); return err }}
		if i%2 == 0 {
			s1 = append(s1, src)
			index[name] = "model-00001-of-00002.safetensors"
		} else {
			s2 = append(s2, src)
			index[name] = "model-00002-of-00002.safetensors"
		}
		i++
	}
	if err := WriteSafetensors(filepath.Join(sharded, "model-00001-of-00002.safetensors"), s1, nil); err != nil {
		t.Fatal(err)
	}
	if err := WriteSafetensors(filepath.Join(sharded, "model-00002-of-00002.safetensors"), s2, nil); err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(map[string]any{"weight_map": index})
	os.WriteFile(filepath.Join(sharded, "model.safetensors.index.json"), js, 0o644)
	ck2, err := OpenCheckpoint(sharded)
	if err != nil {
		t.Fatal(err)
	}
	defer ck2.Close()
	if ck2.ModelID() != want {
		t.Fatal("sharding changed the model id")
	}
	// One bit of one weight.
	path := filepath.Join(dir, "model.safetensors")
	data, _ := os.ReadFile(path)
	data[len(data)-3] ^= 1
	flipped := t.TempDir()
	for _, f := range []string{"config.json", "tokenizer.json"} {
		d, _ := os.ReadFile(filepath.Join(dir, f))
		os.WriteFile(filepath.Join(flipped, f), d, 0o644)
	}
	os.WriteFile(filepath.Join(flipped, "model.safetensors"), data, 0o644)
	ck3, err := OpenCheckpoint(flipped)
	if err != nil {
		t.Fatal(err)
	}
	defer ck3.Close()
	if ck3.ModelID() == want {
		t.Fatal("a flipped weight bit kept the model id")
	}
}

// safetensorsBytes builds a one-tensor file with a custom header.
func safetensorsBytes(header string, body int) []byte {
	b := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	b = append(b, header...)
	return append(b, make([]byte, body)...)
}

func TestSafetensorsBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"header longer than file", binary.LittleEndian.AppendUint64(nil, 1<<20), "exceeds"},
		{"bad json", safetensorsBytes(`{"a":`, 0), "header JSON"},
		{"unknown dtype", safetensorsBytes(`{"w":{"dtype":"I4","shape":[2],"data_offsets":[0,1]}}`, 1), "dtype"},
		{"offsets past the end", safetensorsBytes(`{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}`, 8), "outside"},
		{"size lies", safetensorsBytes(`{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}}`, 16), "bytes for shape"},
		{"negative dim", safetensorsBytes(`{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}`, 0), "dimension"},
		{"overlap", safetensorsBytes(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}`, 12), "overlap"},
		{"reversed offsets", safetensorsBytes(`{"w":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}}`, 8), "outside"},
	}
	for _, tt := range tests {
		_, err := ParseSafetensors("x.safetensors", tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestCheckpointBadInput(t *testing.T) {
	_, _, _, dir := openTiny(t)
	copyDir := func() string {
		d := t.TempDir()
		for _, f := range []string{"config.json", "tokenizer.json", "model.safetensors"} {
			data, _ := os.ReadFile(filepath.Join(dir, f))
			os.WriteFile(filepath.Join(d, f), data, 0o644)
		}
		return d
	}
	t.Run("truncated weights", func(t *testing.T) {
		d := copyDir()
		p := filepath.Join(d, "model.safetensors")
		data, _ := os.ReadFile(p)
		os.WriteFile(p, data[:len(data)/2], 0o644)
		if _, err := OpenCheckpoint(d); !errors.Is(err, ErrCheckpoint) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("config missing a field", func(t *testing.T) {
		d := copyDir()
		var cfg map[string]any
		data, _ := os.ReadFile(filepath.Join(d, "config.json"))
		json.Unmarshal(data, &cfg)
		delete(cfg, "hidden_size")
		js, _ := json.Marshal(cfg)
		os.WriteFile(filepath.Join(d, "config.json"), js, 0o644)
		if _, err := OpenCheckpoint(d); !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "hidden_size") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("config does not match the weights", func(t *testing.T) {
		d := copyDir()
		data, _ := os.ReadFile(filepath.Join(d, "config.json"))
		os.WriteFile(filepath.Join(d, "config.json"), []byte(strings.Replace(string(data), `"intermediate_size": 384`, `"intermediate_size": 512`, 1)), 0o644)
		_, err := OpenCheckpoint(d)
		if !errors.Is(err, ErrCheckpoint) || !strings.Contains(err.Error(), "mlp") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("unsupported architecture", func(t *testing.T) {
		if _, err := ParseConfig([]byte(`{"model_type":"gpt2"}`)); !errors.Is(err, ErrUnsupported) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("missing folder", func(t *testing.T) {
		if _, err := OpenCheckpoint(filepath.Join(t.TempDir(), "nope")); err == nil {
			t.Fatal("opened a missing folder")
		}
	})
}

func TestTokenizerBadInput(t *testing.T) {
	_, _, tk, _ := openTiny(t)
	if _, err := tk.Decode([]int{1 << 20}, false); !errors.Is(err, tokenizer.ErrTokenizer) {
		t.Fatalf("decode of an unknown id: %v", err)
	}
}

func TestTokenizerRoundTrip(t *testing.T) {
	_, _, tk, _ := openTiny(t)
	for _, s := range []string{"", "plain ascii", "日本語 😀 e\u0301 \t\n\r\n  x", "<|im_start|>user\nhi<|im_end|>"} {
		ids := tk.Encode(s)
		got, err := tk.Decode(ids, false)
		if err != nil || got != s {
			t.Errorf("%q: round trip %q (%v)", s, got, err)
		}
	}
	// Invalid UTF-8 is encoded byte for byte; decoding to text replaces each
	// maximal ill-formed subpart with U+FFFD, as the reference does.
	got, _ := tk.Decode(tk.Encode("\xff\xfe ok \xe2\x82"), false)
	if got != "\uFFFD\uFFFD ok \uFFFD" {
		t.Errorf("invalid UTF-8 decodes to %q", got)
	}
}

func TestChatFormat(t *testing.T) {
	_, _, tk, _ := openTiny(t)
	got := tk.FormatChat("sys", "hi")
	want := "<|im_start|>system\nsys<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
	if got != want || tk.Family() != tokenizer.ChatML {
		t.Fatalf("chatml: %q", got)
	}
	ids := tk.Encode(got)
	im, _ := tk.TokenID("<|im_start|>")
	if ids[0] != im {
		t.Fatal("chat markup not encoded as special tokens")
	}
}

// TestCPUThreadsAndBatchingBitIdentical checks that results do not depend on
// thread count, on batching a group together, or on prefilling at once vs
// token by token.
func TestCPUThreadsAndBatchingBitIdentical(t *testing.T) {
	ck, _, tk, _ := openTiny(t)
	prompt := tk.Encode("Find true/false values for x1 #### 19")
	gc := GenerateConfig{MaxNewTokens: 12, Sampling: Sampling{Temperature: 1}, Hidden: true}
	var ref []Rollout
	for _, threads := range []int{1, 2, 3, 8} {
		b, _ := NewCPU(ck, CPUConfig{Threads: threads})
		rs, err := GenerateGroup(t.Context(), b, prompt, 4, gc, hfUniform)
		if err != nil {
			t.Fatal(err)
		}
		if ref == nil {
			ref = rs
			continue
		}
		for i := range rs {
			if fmt.Sprint(rs[i].Tokens, rs[i].LogProbs, rs[i].Hidden) != fmt.Sprint(ref[i].Tokens, ref[i].LogProbs, ref[i].Hidden) {
				t.Fatalf("threads=%d rollout %d differs", threads, i)
			}
		}
	}
	// Rollout i generated alone equals rollout i of the batched group.
	b, _ := NewCPU(ck, CPUConfig{Threads: 2})
	for i := range ref {
		one, err := GenerateGroup(t.Context(), b, prompt, 1, gc, func(_, tt int) float64 { return hfUniform(i, tt) })
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(one[0].LogProbs, one[0].Hidden) != fmt.Sprint(ref[i].LogProbs, ref[i].Hidden) {
			t.Fatalf("rollout %d alone differs from the batched group", i)
		}
	}
	// One forward over prompt+completion (the validator's pass) reproduces
	// every committed logprob exactly.
	full := append(append([]int(nil), prompt...), ref[0].Tokens...)
	c, _ := b.NewCache(0)
	out, err := b.Forward(t.Context(), []Step{{Cache: c, Tokens: full, All: true}})
	if err != nil {
		t.Fatal(err)
	}
	for k, tok := range ref[0].Tokens {
		lp := float32(LogSoftmaxAt(out[0].Logits[len(prompt)-1+k], tok))
		if lp != ref[0].LogProbs[k] {
			t.Fatalf("position %d: prefill logprob %v, decode %v", k, lp, ref[0].LogProbs[k])
		}
	}
}

func TestContextLimit(t *testing.T) {
	ck, b, _, _ := openTiny(t)
	long := make([]int, ck.Config.MaxPositions+1)
	if _, err := GenerateGroup(t.Context(), b, long, 1, GenerateConfig{MaxNewTokens: 1}, hfUniform); !errors.Is(err, ErrContext) {
		t.Fatalf("err %v", err)
	}
	c, _ := b.NewCache(4)
	if _, err := b.Forward(t.Context(), []Step{{Cache: c, Tokens: []int{1, 2, 3, 4, 5}}}); !errors.Is(err, ErrContext) {
		t.Fatalf("err %v", err)
	}
	c, _ = b.NewCache(4)
	if _, err := b.Forward(t.Context(), []Step{{Cache: c, Tokens: []int{ck.Config.VocabSize}}}); err == nil {
		t.Fatal("out-of-vocabulary token accepted")
	}
}

func TestPick(t *testing.T) {
	logits := []float32{0, float32(math.Log(3)), 0, float32(math.Log(4))} // probs 1/9, 3/9, 1/9, 4/9
	tests := []struct {
		u    float64
		s    Sampling
		want int
	}{
		{0, Sampling{Temperature: 1}, 0},
		{0.10, Sampling{Temperature: 1}, 0},
		{0.12, Sampling{Temperature: 1}, 1},
		{0.50, Sampling{Temperature: 1}, 2},
		{0.99, Sampling{Temperature: 1}, 3},
		{0.5, Sampling{}, 3},                          // greedy
		{0.0, Sampling{Temperature: 1, TopK: 2}, 1},   // kept {1, 3}
		{0.9, Sampling{Temperature: 1, TopK: 2}, 3},   //
		{0.3, Sampling{Temperature: 1, TopP: 0.5}, 1}, // 4/9 < 0.5: keeps {1, 3}, CDF in id order
		{0.5, Sampling{Temperature: 1, TopP: 0.5}, 3},
	}
	for _, tt := range tests {
		got, margin := Pick(logits, tt.s, tt.u)
		if got != tt.want {
			t.Errorf("Pick(u=%v, %+v) = %d, want %d", tt.u, tt.s, got, tt.want)
		}
		if tt.s.Temperature > 0 {
			lo, hi, ok := Interval(logits, tt.s, got)
			if !ok || tt.u < lo || tt.u >= hi {
				t.Errorf("u=%v outside its token's interval [%v,%v)", tt.u, lo, hi)
			}
			if math.Abs(math.Min(tt.u-lo, hi-tt.u)-margin) > 1e-12 {
				t.Errorf("margin %v, interval says %v", margin, math.Min(tt.u-lo, hi-tt.u))
			}
		}
	}
	if lp := SampleLogProb(logits, Sampling{Temperature: 1, TopK: 1}, 1); !math.IsInf(lp, -1) {
		t.Fatalf("truncated token has logprob %v", lp)
	}
	if lp := LogSoftmaxAt(logits, 3); math.Abs(lp-math.Log(4.0/9)) > 1e-6 {
		t.Fatalf("logprob %v", lp)
	}
	// Equal logits: ties resolve to the lower id.
	if tok, _ := Pick([]float32{1, 1, 1}, Sampling{}, 0); tok != 0 {
		t.Fatal("greedy tie")
	}
}

func FuzzParseSafetensors(f *testing.F) {
	f.Add(safetensorsBytes(`{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, 8))
	f.Add(safetensorsBytes(`{"__metadata__":{"a":"b"},"w":{"dtype":"BF16","shape":[1,2],"data_offsets":[0,4]}}`, 4))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseSafetensors("fuzz", data)
		if err != nil {
			return
		}
		for _, tt := range st.Tensors {
			if len(tt.Data) != tt.Numel()*tt.DType.Size() {
				t.Fatalf("tensor %s: %d bytes for %v", tt.Name, len(tt.Data), tt.Shape)
			}
			_ = tt.Float32()
		}
	})
}

func FuzzTokenizer(f *testing.F) {
	dir := tinyDir(f)
	tk, err := tokenizer.Load(dir)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("hello <|im_end|> 😀", []byte{1, 2, 3})
	f.Add("\xff\xfe", []byte{255, 0})
	f.Fuzz(func(t *testing.T, s string, raw []byte) {
		ids := tk.Encode(s)
		if _, err := tk.Decode(ids, false); err != nil {
			t.Fatalf("decode of encode(%q): %v", s, err)
		}
		var arbitrary []int
		for i := 0; i+1 < len(raw); i += 2 {
			arbitrary = append(arbitrary, int(binary.LittleEndian.Uint16(raw[i:])))
		}
		_, _ = tk.Decode(arbitrary, len(raw)%2 == 0) // must not panic
	})
}

func TestF16(t *testing.T) {
	tests := []struct {
		h    uint16
		want float32
	}{{0x3c00, 1}, {0xc000, -2}, {0x0001, float32(math.Ldexp(1, -24))}, {0x7bff, 65504}, {0x0000, 0}, {0x3555, 0.333251953125}}
	for _, tt := range tests {
		if got := f16ToF32(tt.h); got != tt.want {
			t.Errorf("f16 %#04x = %v, want %v", tt.h, got, tt.want)
		}
	}
	if !math.IsInf(float64(f16ToF32(0x7c00)), 1) || !math.IsNaN(float64(f16ToF32(0x7e00))) {
		t.Fatal("f16 inf/nan")
	}
}

func TestBF16Round(t *testing.T) {
	tests := []struct {
		in   float32
		want uint16
	}{{1, 0x3f80}, {-2, 0xc000}, {math.Float32frombits(0x3f808000), 0x3f80}, {math.Float32frombits(0x3f818000), 0x3f82}, {math.Float32frombits(0x3f808001), 0x3f81}}
	for _, tt := range tests {
		if got := BF16Round(tt.in); got != tt.want {
			t.Errorf("BF16Round(%#08x) = %#04x, want %#04x", math.Float32bits(tt.in), got, tt.want)
		}
	}
}

// TestStepPicks: a step's Uniforms give one pick each at the last position,
// equal to PickAt on the returned logits; bad requests and released caches
// are errors.
func TestStepPicks(t *testing.T) {
	_, b, _, _ := openTiny(t)
	s := Sampling{Temperature: 0.8}
	c, _ := b.NewCache(0)
	us := []float64{0.1, 0.5, 0.999}
	out, err := b.Forward(t.Context(), []Step{{Cache: c, Tokens: []int{1, 2, 3}, Uniforms: us, Sampling: s}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out[0].Picks) != len(us) {
		t.Fatalf("%d picks for %d uniforms", len(out[0].Picks), len(us))
	}
	for i, u := range us {
		if want := PickAt(out[0].Logits[0], s, u); out[0].Picks[i] != want {
			t.Errorf("u=%v: pick %+v, want %+v", u, out[0].Picks[i], want)
		}
	}
	f, err := c.Fork()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []Step{
		{Cache: f, Tokens: []int{1}, Uniforms: []float64{1}, Sampling: s},
		{Cache: f, Tokens: []int{1}, Uniforms: []float64{0.5}, Sampling: Sampling{Temperature: -1}},
		{Cache: f, Uniforms: []float64{0.5}, Sampling: s},
	} {
		if _, err := b.Forward(t.Context(), []Step{bad}); err == nil {
			t.Errorf("accepted %+v", bad)
		}
	}
	f.Release()
	f.Release()
	if _, err := b.Forward(t.Context(), []Step{{Cache: f, Tokens: []int{1}}}); err == nil {
		t.Error("released cache accepted")
	}
}
