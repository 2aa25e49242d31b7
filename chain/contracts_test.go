package chain

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/assaynet/assay/chain/bindings"
)

// TestArtifactsFresh fails when Subnet.sol changed without `make contracts`,
// or when the bindings do not embed the committed ABI and bytecode.
func TestArtifactsFresh(t *testing.T) {
	src, err := os.ReadFile("contracts/Subnet.sol")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := os.ReadFile("contracts/build/Subnet.source")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(rec)), "\n")
	sum := sha256.Sum256(src)
	if len(lines) != 2 || lines[1] != hex.EncodeToString(sum[:]) {
		t.Fatalf("contracts/Subnet.sol changed since the artifacts were built (%s); run `make contracts`", lines)
	}
	if !strings.HasPrefix(lines[0], "solc 0.8.37") {
		t.Fatalf("artifacts built with %q, the pinned compiler is solc 0.8.37", lines[0])
	}
	abi, _ := os.ReadFile("contracts/build/Subnet.abi")
	bin, _ := os.ReadFile("contracts/build/Subnet.bin")
	if strings.TrimSpace(string(abi)) != bindings.SubnetMetaData.ABI {
		t.Fatal("chain/bindings/subnet.go embeds another ABI than contracts/build/Subnet.abi; run `make contracts`")
	}
	if "0x"+strings.TrimSpace(string(bin)) != bindings.SubnetMetaData.Bin {
		t.Fatal("chain/bindings/subnet.go embeds other bytecode than contracts/build/Subnet.bin; run `make contracts`")
	}
	vsrc, err := os.ReadFile("contracts/SettleVerifier.sol")
	if err != nil {
		t.Fatal(err)
	}
	vrec, err := os.ReadFile("contracts/build/SettleVerifier.source")
	if err != nil {
		t.Fatal(err)
	}
	vl := strings.Split(strings.TrimSpace(string(vrec)), "\n")
	vsum := sha256.Sum256(vsrc)
	if len(vl) != 2 || vl[1] != hex.EncodeToString(vsum[:]) || !strings.HasPrefix(vl[0], "solc 0.8.37") {
		t.Fatalf("contracts/SettleVerifier.sol changed since its artifacts were built (%s); run `make contracts`", vl)
	}
	vabi, err := os.ReadFile("contracts/build/SettleVerifier.abi")
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(verifierBin) == "" || !strings.Contains(string(vabi), "verifyProof") {
		t.Fatal("the embedded settlement verifier is empty; run `make contracts`")
	}
}
