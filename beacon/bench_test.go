package beacon

import (
	"encoding/hex"
	"testing"
)

func benchBeacon(b *testing.B) (*Chain, []byte, uint64) {
	f := loadFixture(b, "quicknet")
	c, _ := ParseChainInfo(f.Info)
	return c, mustHex(b, f.Beacons[0].Signature), f.Beacons[0].Round
}

// BenchmarkVerifyDrand is the verifier every beacon goes through.
func BenchmarkVerifyDrand(b *testing.B) {
	c, sig, r := benchBeacon(b)
	for i := 0; i < b.N; i++ {
		if _, err := c.Verify(r, sig, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyGnark is the independent cross-check on gnark-crypto.
func BenchmarkVerifyGnark(b *testing.B) {
	c, sig, r := benchBeacon(b)
	pub, _ := hex.DecodeString(c.PublicKeyHex())
	for i := 0; i < b.N; i++ {
		if err := VerifyUnchainedG1(pub, r, sig); err != nil {
			b.Fatal(err)
		}
	}
}
