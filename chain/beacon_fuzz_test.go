package chain

import (
	"bytes"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
)

// FuzzEIP2537 feeds arbitrary bytes to the point converters: they must
// refuse what is no point and, for what is one, give 128 / 256 bytes whose
// field elements are 16 zero bytes then the point's coordinates.
func FuzzEIP2537(f *testing.F) {
	_, _, g1, g2 := bls.Generators()
	c1, c2 := g1.Bytes(), g2.Bytes()
	f.Add(c1[:])
	f.Add(c2[:])
	f.Add([]byte{0xc0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if enc, err := G1ForEIP2537(b); err == nil {
			var p bls.G1Affine
			p.SetBytes(b)
			x := p.X.Bytes()
			if len(enc) != 128 || !bytes.Equal(enc[:16], make([]byte, 16)) || !bytes.Equal(enc[16:64], x[:]) {
				t.Fatalf("G1 %x: encoding %x", b, enc)
			}
		}
		if enc, err := G2ForEIP2537(b); err == nil {
			var p bls.G2Affine
			p.SetBytes(b)
			a0 := p.X.A0.Bytes()
			if len(enc) != 256 || !bytes.Equal(enc[:16], make([]byte, 16)) || !bytes.Equal(enc[16:64], a0[:]) {
				t.Fatalf("G2 %x: encoding %x", b, enc)
			}
		}
	})
}
