package model

import (
	"errors"
	"fmt"
	"github.com/assaynet/assay/model/tokenizer"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestConvertBF16: TinyStories (stored f32, every value bf16-exact) becomes
// a bf16 checkpoint that computes the same logits bit for bit under a new
// model id; a value bf16 cannot hold refuses the conversion and writes
// nothing that loads.
func TestConvertBF16(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "models", "tinystories-656k")
	if _, err := os.Stat(filepath.Join(dir, "config.json")); err != nil {
		t.Skipf("TinyStories not found under ../shared (%v)", err)
	}
	src, err := OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	out := filepath.Join(t.TempDir(), "bf16")
	if err := ConvertBF16(src, out); err != nil {
		t.Fatal(err)
	}
	dst, err := OpenCheckpoint(out)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	for n, tt := range dst.Tensors {
		if tt.DType != BF16 {
			t.Fatalf("%s stored as %s", n, tt.DType)
		}
	}
	if src.ModelID() == dst.ModelID() {
		t.Fatal("the model id did not change with the stored dtype")
	}
	a, _ := NewCPU(src, CPUConfig{Threads: 2})
	b, _ := NewCPU(dst, CPUConfig{Threads: 2})
	seq := []int{1, 50, 300, 7, 99, 2047, 5}
	la := prefillLogits(t, a, seq)
	lb := prefillLogits(t, b, seq)
	if fmt.Sprint(la) != fmt.Sprint(lb) {
		t.Fatal("the bf16 checkpoint computes other logits")
	}
	if _, err := tokenizer.Load(out); err != nil {
		t.Fatalf("tokenizer not copied: %v", err)
	}
	// One value bf16 cannot hold.
	bad := filepath.Join(t.TempDir(), "bad")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"config.json", "tokenizer.json", "tokenizer_config.json", "generation_config.json"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err == nil {
			os.WriteFile(filepath.Join(bad, f), data, 0o644)
		}
	}
	var ts []TensorSource
	for n, tt := range src.Tensors {
		v := append([]float32(nil), tt.Float32()...)
		if n == "model.norm.weight" {
			v[0] = float32(math.Nextafter32(v[0], 10))
		}
		ts = append(ts, TensorSource{Name: n, DType: F32, Shape: tt.Shape, Fill: func(w io.Writer) error {
			b := make([]byte, 4*len(v))
			for i, x := range v {
				u := math.Float32bits(x)
				b[4*i], b[4*i+1], b[4*i+2], b[4*i+3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
			}
			_, err := w.Write(b)
			return err
		}})
	}
	if err := WriteSafetensors(filepath.Join(bad, "model.safetensors"), ts, map[string]string{"format": "pt", "model.embed_tokens.weight": "lm_head.weight"}); err != nil {
		t.Fatal(err)
	}
	bck, err := OpenCheckpoint(bad)
	if err != nil {
		t.Fatal(err)
	}
	defer bck.Close()
	out2 := filepath.Join(t.TempDir(), "bad-bf16")
	if err := ConvertBF16(bck, out2); !errors.Is(err, ErrNotBF16Exact) {
		t.Fatalf("inexact value: %v, want ErrNotBF16Exact", err)
	}
	if _, err := OpenCheckpoint(out2); err == nil {
		t.Fatal("a refused conversion left a checkpoint behind")
	}
}

func prefillLogits(t *testing.T, b Backend, seq []int) [][]float32 {
	t.Helper()
	c, err := b.NewCache(len(seq))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	outs, err := b.Forward(t.Context(), []Step{{Cache: c, Tokens: seq, All: true}})
	if err != nil {
		t.Fatal(err)
	}
	return outs[0].Logits
}
