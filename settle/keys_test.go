package settle

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProveAndReload: the development set-up is deterministic (two runs,
// the same verifying key), a proof of a random epoch verifies, and keys
// saved for one shape are refused for another or after tampering.
func TestProveAndReload(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (two key set-ups of ~15 s): runs in the full, non-race pass of make test")
	}
	ctx := context.Background()
	cc, err := Compile(small)
	if err != nil {
		t.Fatal(err)
	}
	k, err := cc.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := cc.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d1, _ := k.VerifyingKeyDigest()
	d2, _ := k2.VerifyingKeyDigest()
	if d1 != d2 {
		t.Fatalf("the set-up is not reproducible: verifying keys %s and %s", d1, d2)
	}
	ep := randomEpoch(rand.New(rand.NewPCG(3, 4)), small)
	pr, res, err := k.Prove(ep)
	if err != nil {
		t.Fatal(err)
	}
	if len(pr.Public) != small.NumPublic() || pr.Public[3+1].Cmp(res.Payouts[1]) != 0 {
		t.Fatalf("public inputs %v do not carry the payouts %v", pr.Public, res.Payouts)
	}
	dir := t.TempDir()
	if err := k.Save(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := cc.Load(dir); err != nil {
		t.Fatal(err)
	}
	other, err := Compile(Shape{Windows: 1, Validators: 3, Uids: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Load(dir); !errors.Is(err, ErrKeys) {
		t.Fatalf("keys for another shape: %v, want ErrKeys", err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "vk.bin"))
	b[len(b)-1] ^= 1
	os.WriteFile(filepath.Join(dir, "vk.bin"), b, 0o644)
	if _, err := cc.Load(dir); !errors.Is(err, ErrKeys) {
		t.Fatalf("a tampered verifying key: %v, want ErrKeys", err)
	}
	var sol bytes.Buffer
	if err := k.ExportVerifier(&sol); err != nil || !strings.Contains(sol.String(), "function verifyProof(") {
		t.Fatalf("solidity verifier: %v", err)
	}
}

// TestCommittedVerifier: the Solidity verifier the dev chain deploys
// (chain/contracts/SettleVerifier.sol) is the export of this build's
// circuit under the development set-up, so keys and verifier move with
// the circuit: a changed circuit fails here until `make contracts`.
func TestCommittedVerifier(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (a minute's key set-up on first use): runs in the full, non-race pass of make test")
	}
	cc, err := Compile(DefaultShape)
	if err != nil {
		t.Fatal(err)
	}
	k, err := cc.LoadOrSetup(context.Background(), "", func(m string) { t.Log(m) })
	if err != nil {
		t.Fatal(err)
	}
	var sol bytes.Buffer
	if err := k.ExportVerifier(&sol); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../chain/contracts/SettleVerifier.sol")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(sol.Bytes(), committed) {
		t.Fatalf("chain/contracts/SettleVerifier.sol is not the verifier of this circuit's keys (circuit %s); run `make contracts`", k.ID)
	}
}
