package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"testing"
)

// forwardBits is the SHA-256 of every logit and hidden value (f32 bits,
// little-endian) of one 64-token prefill of the tiny preset: the CPU
// engine's arithmetic is fixed by the protocol to the bit (products
// rounded, never fused; the canonical matrix order), so every machine and
// kernel gives this — amd64 with AVX-512, AVX2 or plain Go, and arm64
// (checked under qemu-aarch64: `GOARCH=arm64 go test -c ./model`). Before
// the products were written with explicit conversions, arm64 builds fused
// them and gave another value.
const forwardBits = "a0ab522aeb6c8d808ee15fe74528d193fe19c060872b7397e404878f87b51f42"

func TestForwardBits(t *testing.T) {
	_, cpu, _, _ := openTiny(t)
	toks := make([]int, 64)
	for i := range toks {
		toks[i] = (i*37 + 11) % cpu.Config().VocabSize
	}
	c, err := cpu.NewCache(len(toks))
	if err != nil {
		t.Fatal(err)
	}
	out, err := cpu.Forward(t.Context(), []Step{{Cache: c, Tokens: toks, All: true}})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	var b [4]byte
	for r := range out[0].Logits {
		for _, rows := range [][]float32{out[0].Logits[r], out[0].Hidden[r]} {
			for _, v := range rows {
				binary.LittleEndian.PutUint32(b[:], math.Float32bits(v))
				h.Write(b[:])
			}
		}
	}
	got := hex.EncodeToString(h.Sum(nil))
	t.Logf("kernel %s: %s", MatDotKernel(), got)
	if got != forwardBits {
		t.Fatalf("forward bits %s, want %s", got, forwardBits)
	}
}
