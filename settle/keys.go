package settle

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/constraint"
	csbn254 "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
)

// DevChallenge seeds the development set-up's only contribution. It is
// public, so the keys it gives protect nothing: anyone can derive their
// toxic waste and forge proofs. They exist so that a fresh machine can
// settle on a dev chain with keys that are the same everywhere.
const DevChallenge = "assay settlement development set-up v1 (not a ceremony)"

// ErrKeys is a key set that does not belong to the circuit it is used
// with (another shape, another version of the circuit, a damaged file).
var ErrKeys = errors.New("settle: keys do not match the circuit")

// Compiled is the circuit of one shape, compiled once for everything that
// needs it (the key directory's name, the set-up, loading keys, proving):
// a large shape takes minutes to compile.
type Compiled struct {
	Shape Shape
	cs    constraint.ConstraintSystem
	// ID is sha256 of the compiled constraint system: keys are versioned
	// with it.
	ID string
}

// Keys are a compiled circuit with its proving and verifying keys.
type Keys struct {
	*Compiled
	pk groth16.ProvingKey
	vk groth16.VerifyingKey
}

// manifest is what a key directory says about itself.
type manifest struct {
	Shape       Shape  `json:"shape"`
	CircuitID   string `json:"circuit_id"`
	Challenge   string `json:"challenge"`
	Constraints int    `json:"constraints"`
	VKSHA256    string `json:"vk_sha256"`
	PKSHA256    string `json:"pk_sha256"`
	Note        string `json:"note"`
}

// Compile builds the circuit of shape s and its id.
func Compile(s Shape) (*Compiled, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	cs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, NewCircuit(s))
	if err != nil {
		return nil, fmt.Errorf("settle: compile %v: %w", s, err)
	}
	h := sha256.New()
	if _, err := cs.WriteTo(h); err != nil {
		return nil, fmt.Errorf("settle: hash the circuit: %w", err)
	}
	return &Compiled{Shape: s, cs: cs, ID: hex.EncodeToString(h.Sum(nil))}, nil
}

// Constraints is the circuit's number of constraints.
func (c *Compiled) Constraints() int { return c.cs.GetNbConstraints() }

// Setup runs the deterministic development set-up for the circuit: gnark's
// MPC set-up (phases 1 and 2) with no contribution but the final beacon
// one, seeded by DevChallenge. The same shape and gnark version give the
// same keys on every machine.
func (c *Compiled) Setup(ctx context.Context) (*Keys, error) {
	r, ok := c.cs.(*csbn254.R1CS)
	if !ok {
		return nil, fmt.Errorf("settle: compiled circuit is %T, not a BN254 R1CS", c.cs)
	}
	n := ecc.NextPowerOfTwo(uint64(r.GetNbConstraints()))
	p1 := mpcsetup.NewPhase1(n)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	commons := p1.Seal([]byte(DevChallenge))
	var p2 mpcsetup.Phase2
	evals := p2.Initialize(r, &commons)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pk, vk := p2.Seal(&commons, &evals, []byte(DevChallenge))
	return &Keys{Compiled: c, pk: pk, vk: vk}, nil
}

// Save writes the keys to dir (pk.bin, vk.bin, manifest.json). None of
// them is secret: a Groth16 proving key is public by design.
func (k *Keys) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("settle: keys directory: %w", err)
	}
	var pkb, vkb bytes.Buffer
	if _, err := k.pk.WriteTo(&pkb); err != nil {
		return fmt.Errorf("settle: encode proving key: %w", err)
	}
	if _, err := k.vk.WriteTo(&vkb); err != nil {
		return fmt.Errorf("settle: encode verifying key: %w", err)
	}
	m := manifest{Shape: k.Shape, CircuitID: k.ID, Challenge: DevChallenge, Constraints: k.Constraints(),
		VKSHA256: digestHex(vkb.Bytes()), PKSHA256: digestHex(pkb.Bytes()),
		Note: "development set-up: its toxic waste is public, these keys are not a trusted ceremony"}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{"pk.bin": pkb.Bytes(), "vk.bin": vkb.Bytes()} {
		if err := writeAtomic(filepath.Join(dir, name), b); err != nil {
			return err
		}
	}
	return writeAtomic(filepath.Join(dir, "manifest.json"), append(mb, '\n'))
}

// Load reads keys saved in dir and checks they belong to the circuit: a
// manifest for another shape or circuit id, or key files whose digests
// differ from it, is ErrKeys.
func (c *Compiled) Load(dir string) (*Keys, error) {
	mb, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, fmt.Errorf("settle: keys in %s: %w (run `assay settle setup`)", dir, err)
	}
	var m manifest
	if err := json.Unmarshal(mb, &m); err != nil {
		return nil, fmt.Errorf("%w: %s/manifest.json: %v", ErrKeys, dir, err)
	}
	if m.Shape != c.Shape {
		return nil, fmt.Errorf("%w: %s holds keys for %v, the chain settles %v", ErrKeys, dir, m.Shape, c.Shape)
	}
	if m.CircuitID != c.ID {
		return nil, fmt.Errorf("%w: %s was set up for circuit %.16s…, this build's circuit is %.16s… (rerun `assay settle setup`)", ErrKeys, dir, m.CircuitID, c.ID)
	}
	k := &Keys{Compiled: c, pk: groth16.NewProvingKey(ecc.BN254), vk: groth16.NewVerifyingKey(ecc.BN254)}
	for name, into := range map[string]io.ReaderFrom{"pk.bin": k.pk, "vk.bin": k.vk} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("settle: %w", err)
		}
		want := m.PKSHA256
		if name == "vk.bin" {
			want = m.VKSHA256
		}
		if digestHex(b) != want {
			return nil, fmt.Errorf("%w: %s/%s differs from its manifest's digest", ErrKeys, dir, name)
		}
		if _, err := into.ReadFrom(bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("%w: %s/%s: %v", ErrKeys, dir, name, err)
		}
	}
	return k, nil
}

// ExportVerifier writes the Solidity verifier of k's verifying key
// (gnark's template: contract Verifier, verifyProof(uint256[8],
// uint256[NumPublic]) reverting on a bad proof).
func (k *Keys) ExportVerifier(w io.Writer) error {
	return k.vk.ExportSolidity(w, solidity.WithPragmaVersion("^0.8.24"))
}

// VerifyingKeyDigest is sha256 of the encoded verifying key.
func (k *Keys) VerifyingKeyDigest() (string, error) {
	var b bytes.Buffer
	if _, err := k.vk.WriteTo(&b); err != nil {
		return "", err
	}
	return digestHex(b.Bytes()), nil
}

// Proof is a settlement proof in the form the contract takes.
type Proof struct {
	Words  [8]*big.Int // A, B, C in EIP-197 order (gnark's MarshalSolidity)
	Public []*big.Int  // Public(...)
}

// Prove proves ep's settlement and checks the proof before returning it.
func (k *Keys) Prove(ep Epoch) (*Proof, *Result, error) {
	c, res, err := Assign(k.Shape, ep)
	if err != nil {
		return nil, nil, err
	}
	w, err := frontend.NewWitness(c, ecc.BN254.ScalarField())
	if err != nil {
		return nil, nil, fmt.Errorf("settle: witness: %w", err)
	}
	proof, err := groth16.Prove(k.cs, k.pk, w, backend.WithSolverOptions(solver.WithHints(divHint)))
	if err != nil {
		return nil, nil, fmt.Errorf("settle: prove: %w", err)
	}
	pub, err := w.Public()
	if err != nil {
		return nil, nil, err
	}
	if err := groth16.Verify(proof, k.vk, pub); err != nil {
		return nil, nil, fmt.Errorf("settle: the proof just made does not verify: %w", err)
	}
	bp, ok := proof.(*groth16bn254.Proof)
	if !ok {
		return nil, nil, fmt.Errorf("settle: proof is %T", proof)
	}
	raw := bp.MarshalSolidity()
	if len(raw) != 256 {
		return nil, nil, fmt.Errorf("settle: %d-byte proof, want 256 (a circuit with commitments?)", len(raw))
	}
	out := &Proof{Public: Public(c.Digest.(*big.Int), ep, res.Payouts)}
	for i := range out.Words {
		out.Words[i] = new(big.Int).SetBytes(raw[32*i : 32*i+32])
	}
	return out, res, nil
}

func digestHex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// writeAtomic writes b to path through a temporary file of its own, so
// processes setting up the same keys at once (tests in parallel packages)
// never see or rename each other's partial files.
func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("settle: write %s: %w", path, err)
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("settle: write %s: %w", path, err)
	}
	return nil
}
