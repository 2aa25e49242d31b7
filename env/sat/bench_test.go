package sat

import (
	"testing"

	"github.com/assaynet/assay/challenge"
)

func BenchmarkGenerate(b *testing.B) {
	e := New(DefaultParams)
	for i := 0; i < b.N; i++ {
		if _, err := e.Generate(challenge.PRF32("bench", challenge.U64(uint64(i)))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReward(b *testing.B) {
	inst := gen(b, 1)
	text := "Let me think... " + inst.Truth()
	for i := 0; i < b.N; i++ {
		_ = inst.Reward(text)
	}
}
