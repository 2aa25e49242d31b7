package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env/arith"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/proofs"
)

func TestProofsInspect(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := model.Init(model.InitConfig{Preset: "tiny", Out: dir}); err != nil {
		t.Fatal(err)
	}
	ck, _ := model.OpenCheckpoint(dir)
	defer ck.Close()
	tk, _ := tokenizer.Load(dir)
	b, _ := model.NewCPU(ck, model.CPUConfig{})
	key, _ := crypto.ToECDSA(challenge.PRF("cli/key", 32))
	p := proofs.DefaultParams
	p.GroupSize, p.MaxNewTokens = 2, 8
	pr := &proofs.Prover{Backend: b, Tokenizer: tk, Env: arith.New(), Params: p, ModelID: ck.ModelID(), Key: key, Window: 4}
	g, err := pr.Group(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	path, err := proofs.WriteWindowFile(t.TempDir(), key, 4, g)
	if err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "proofs", "inspect", path)
	if err != nil || !strings.Contains(out, "records 2") || strings.Count(out, " ok\n") != 2 {
		t.Fatalf("inspect: %v\n%s", err, out)
	}
	js, err := run(t, "proofs", "inspect", "--json", path)
	if err != nil || strings.Count(js, "\n") != 3 {
		t.Fatalf("inspect --json: %v\n%s", err, js)
	}
	data, _ := os.ReadFile(path)
	bad := filepath.Join(t.TempDir(), "bad.assay")
	os.WriteFile(bad, data[:len(data)-10], 0o644)
	if _, err := run(t, "proofs", "inspect", bad); err == nil || !strings.Contains(err.Error(), "record") {
		t.Fatalf("truncated file: %v", err)
	}
}
