package sim

import (
	"context"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/assaynet/assay/beacon"
	"github.com/assaynet/assay/chain"
)

// quicknetChain is recorded real quicknet rounds and a mining dev chain
// with two accounts.
func quicknetChain(t *testing.T) (*beacon.Recorded, *Chain, *chain.Client) {
	t.Helper()
	rec, err := beacon.LoadRecorded("../../beacon/testdata/quicknet.json")
	if err != nil {
		t.Fatal(err)
	}
	c := startChain(t, 2, "")
	autoMine(t, c)
	cl, err := c.Client(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rec, c, cl
}

// TestBeaconOnChain: the contract verifies real quicknet rounds (recorded
// beacons) with the EIP-2537 precompiles and stores the randomness drand
// defines; a forged, misplaced or repeated round, a second key and a key
// from anyone but the owner are refused with their reasons. Gas is logged.
func TestBeaconOnChain(t *testing.T) {
	rec, c, cl := quicknetChain(t)
	ctx := context.Background()
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

// TestOnChainBeacon: rounds become chain facts — a role with a key
// submits a round the contract lacks, a read-only role then gets the
// contract's copy (no signature, the same randomness), and a contract
// holding another chain's key, or none, is refused up front.
func TestOnChainBeacon(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (chain work): runs in the full, non-race pass of make test")
	}
	rec, c, cl := quicknetChain(t)
	ctx := context.Background()
	if _, err := chain.NewOnChainBeacon(ctx, chain.OnChainBeaconConfig{Client: cl, Source: rec}); !errors.Is(err, chain.ErrBeaconKey) {
		t.Fatalf("no key on the contract: %v, want ErrBeaconKey", err)
	}
	pub, _ := hex.DecodeString(rec.Chain().PublicKeyHex())
	if _, err := cl.SetBeaconKey(ctx, c.Keys()[0], pub); err != nil {
		t.Fatal(err)
	}
	local, err := beacon.NewLocal(beacon.LocalConfig{Secret: []byte("another chain"), Genesis: 1, Period: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chain.NewOnChainBeacon(ctx, chain.OnChainBeaconConfig{Client: cl, Source: local}); !errors.Is(err, chain.ErrBeaconKey) {
		t.Fatalf("another chain's beacon: %v, want ErrBeaconKey", err)
	}
	var submitted []uint64
	writer, err := chain.NewOnChainBeacon(ctx, chain.OnChainBeaconConfig{Client: cl, Source: rec, Submitter: c.Keys()[1],
		Submitted: func(r uint64, err error) {
			if err != nil {
				t.Errorf("submit round %d: %v", r, err)
			}
			submitted = append(submitted, r)
		}})
	if err != nil {
		t.Fatal(err)
	}
	reader, err := chain.NewOnChainBeacon(ctx, chain.OnChainBeaconConfig{Client: cl, Source: rec})
	if err != nil {
		t.Fatal(err)
	}
	const a, b = 5928395, 12040883
	want, _ := rec.Round(ctx, a)
	v, err := writer.Round(ctx, a)
	if err != nil || v.Randomness != want.Randomness || len(submitted) != 1 {
		t.Fatalf("writer: %+v %v, submitted %v", v, err, submitted)
	}
	v, err = reader.Round(ctx, a)
	if err != nil || v.Randomness != want.Randomness || len(v.Signature) != 0 || v.ChainHash != want.ChainHash {
		t.Fatalf("reader: %+v %v: want the contract's copy (no signature)", v, err)
	}
	if _, err := writer.Round(ctx, a); err != nil || len(submitted) != 1 {
		t.Fatalf("a stored round was submitted again: %v %v", submitted, err)
	}
	// A round nobody submitted: the reader verifies it from the source
	// and leaves the chain as it was.
	if v, err := reader.Round(ctx, b); err != nil || len(v.Signature) == 0 {
		t.Fatalf("reader, unstored round: %+v %v", v, err)
	}
	if got, _ := cl.BeaconRandomness(ctx, b); got != ([32]byte{}) {
		t.Fatal("a read-only beacon submitted a round")
	}
}
