package sim

import (
	"context"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/assaynet/assay/beacon"
	"github.com/assaynet/assay/chain"
)

// TestBeaconOnChain: the contract verifies real quicknet rounds (recorded
// beacons) with the EIP-2537 precompiles and stores the randomness drand
// defines; a forged, misplaced or repeated round, a second key and a key
// from anyone but the owner are refused with their reasons. Gas is logged.
func TestBeaconOnChain(t *testing.T) {
	rec, err := beacon.LoadRecorded("../../beacon/testdata/quicknet.json")
	if err != nil {
		t.Fatal(err)
	}
	c := startChain(t, 2, "")
	autoMine(t, c)
	ctx := context.Background()
	cl, err := c.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	owner, other := c.Keys()[0], c.Keys()[1]
	pub, err := hex.DecodeString(rec.Chain().PublicKeyHex())
	if err != nil {
		t.Fatal(err)
	}
	a, err := rec.Round(ctx, 5928395)
	if err != nil {
		t.Fatal(err)
	}
	b, err := rec.Round(ctx, 12040883)
	if err != nil {
		t.Fatal(err)
	}
	reverts := func(name string, err error, reason string) {
		t.Helper()
		if !errors.Is(err, chain.ErrReverted) || !strings.Contains(err.Error(), reason) {
			t.Errorf("%s: err %v, want a revert %q", name, err, reason)
		}
	}
	_, err = cl.SubmitBeacon(ctx, other, a.Round, a.Signature)
	reverts("before the key", err, "no beacon key set")
	_, err = cl.SetBeaconKey(ctx, other, pub)
	reverts("key from another account", err, "only the owner")
	r, err := cl.SetBeaconKey(ctx, owner, pub)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("setBeaconKey: %d gas", r.GasUsed)
	_, err = cl.SetBeaconKey(ctx, owner, pub)
	reverts("second key", err, "already set")

	// b's signature for a's round: a valid point, the wrong message.
	_, err = cl.SubmitBeacon(ctx, other, a.Round, b.Signature)
	reverts("another round's signature", err, "bad beacon signature")
	for _, v := range []beacon.Verified{a, b} {
		r, err := cl.SubmitBeacon(ctx, other, v.Round, v.Signature)
		if err != nil {
			t.Fatalf("round %d: %v", v.Round, err)
		}
		t.Logf("submitBeacon round %d: %d gas", v.Round, r.GasUsed)
		got, err := cl.BeaconRandomness(ctx, v.Round)
		if err != nil {
			t.Fatal(err)
		}
		if got != v.Randomness {
			t.Fatalf("round %d: on chain %x, drand's randomness %x", v.Round, got, v.Randomness)
		}
	}
	_, err = cl.SubmitBeacon(ctx, other, a.Round, a.Signature)
	reverts("the same round again", err, "already stored")
	if got, _ := cl.BeaconRandomness(ctx, a.Round+1); got != ([32]byte{}) {
		t.Fatalf("an unsubmitted round has randomness %x", got)
	}
	// A signature that is no curve point never reaches the contract.
	bad := append([]byte(nil), a.Signature...)
	bad[5] ^= 1
	if _, err := cl.SubmitBeacon(ctx, other, a.Round+1, bad); err == nil || errors.Is(err, chain.ErrReverted) {
		t.Errorf("a corrupted signature: err %v, want a decoding error", err)
	}
}
