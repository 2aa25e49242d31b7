package beacon

import (
	"context"
	"encoding/hex"
	"testing"
	"time"
)

// TestIndependentVerifierAgrees checks drand's verifier against the
// gnark-crypto one on real quicknet beacons, local-beacon rounds and
// tampered twins: both must accept the same beacons and reject the same.
func TestIndependentVerifierAgrees(t *testing.T) {
	type tc struct {
		pub   []byte
		round uint64
		sig   []byte
		chain *Chain
	}
	var cases []tc
	f := loadFixture(t, "quicknet")
	q, _ := ParseChainInfo(f.Info)
	qpub, _ := hex.DecodeString(q.PublicKeyHex())
	for _, b := range f.Beacons {
		sig := mustHex(t, b.Signature)
		cases = append(cases, tc{qpub, b.Round, sig, q}, tc{qpub, b.Round + 1, sig, q}, tc{qpub, b.Round, flip(sig, 7), q})
	}
	l, _ := NewLocal(LocalConfig{Secret: []byte("x"), Genesis: 1, Period: time.Second})
	lpub, _ := hex.DecodeString(l.Chain().PublicKeyHex())
	for r := uint64(1); r < 4; r++ {
		v, err := l.Round(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, tc{lpub, r, v.Signature, l.Chain()}, tc{qpub, r, v.Signature, q})
	}
	accepted := 0
	for i, c := range cases {
		_, errDrand := c.chain.Verify(c.round, c.sig, nil)
		if c.chain == q && string(c.pub) != string(qpub) {
			t.Fatal("bad case")
		}
		errGnark := VerifyUnchainedG1(c.pub, c.round, c.sig)
		if (errDrand == nil) != (errGnark == nil) {
			t.Fatalf("case %d (round %d): drand says %v, gnark-crypto says %v", i, c.round, errDrand, errGnark)
		}
		if errDrand == nil {
			accepted++
		}
	}
	if accepted != len(f.Beacons)+3 {
		t.Fatalf("accepted %d beacons, want %d", accepted, len(f.Beacons)+3)
	}
}
