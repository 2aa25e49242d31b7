package challenge

import (
	"crypto/sha256"
	"testing"
)

// BenchmarkPRF32 against BenchmarkSHA256Baseline: the PRF's cost over one
// plain SHA-256 of the same input is its length-prefix framing.
func BenchmarkPRF32(b *testing.B) {
	s := make([]byte, 32)
	m := make([]byte, 20)
	for i := 0; i < b.N; i++ {
		_ = PRF32("problem", s, m, U64(uint64(i)))
	}
}

func BenchmarkSHA256Baseline(b *testing.B) {
	buf := make([]byte, 4+7+4+32+4+20+4+8+4)
	for i := 0; i < b.N; i++ {
		_ = sha256.Sum256(buf)
	}
}

func BenchmarkStreamBelow(b *testing.B) {
	s := NewStream(PRF32("bench"))
	for i := 0; i < b.N; i++ {
		_ = s.Below(1000)
	}
}
