package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/checkpoint"
	"github.com/assaynet/assay/model"
)

// TestCheckpointFetchCommand: `assay checkpoint fetch` brings a served
// model into the cache and prints its folder; a wrong id or URL is a
// clear error and leaves nothing under the id.
func TestCheckpointFetchCommand(t *testing.T) {
	dir := initTiny(t)
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	id := ck.ModelID().String()
	ck.Close()
	s, err := checkpoint.NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	cache := t.TempDir()
	out, err := run(t, "checkpoint", "fetch", "--url", srv.URL+"/"+id+"/", "--model-id", id, "--model-cache", cache)
	want := filepath.Join(cache, id)
	if err != nil || !strings.HasSuffix(strings.TrimSpace(out), want) {
		t.Fatalf("fetch: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(want, "model.safetensors")); err != nil {
		t.Fatal(err)
	}
	other := strings.Repeat("ab", 32)
	for _, tc := range []struct{ url, id, want string }{
		{srv.URL + "/" + id + "/", other, "model id mismatch"},
		{srv.URL + "/" + id + "/", "12", "64 hex"},
		{"ftp://host/x", other, "not an http(s) URL"},
	} {
		_, err := run(t, "checkpoint", "fetch", "--url", tc.url, "--model-id", tc.id, "--model-cache", cache)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("fetch %s as %s: %v, want %q", tc.url, tc.id, err, tc.want)
		}
		if _, err := os.Stat(filepath.Join(cache, other)); err == nil {
			t.Errorf("a folder appeared under %s", other)
		}
	}
}

// TestChainSetModel: the owner announces a served model; `chain models`
// lists it with its URL; a URL serving another model, or a non-owner, is
// refused.
func TestChainSetModel(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	ctx := context.Background()
	dir := initTiny(t)
	s, err := checkpoint.NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	id := s.Models()[0]
	p := chain.Params{WindowLength: 200, GroupSize: 4, K: 8, SampleNum: 1, SampleDen: 1, StaleWindows: 10}
	c, err := sim.Start(ctx, sim.Config{Params: p, Accounts: 2, HTTP: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	defer c.MineEvery(20 * time.Millisecond)()
	keyFile := func(i int) string {
		kf := filepath.Join(t.TempDir(), "key")
		if err := os.WriteFile(kf, []byte(hex.EncodeToString(crypto.FromECDSA(c.Keys()[i]))), 0o600); err != nil {
			t.Fatal(err)
		}
		return kf
	}
	chainArgs := []string{"--rpc", c.URL(), "--contract", c.Contract().Hex(), "--chain-id", fmt.Sprint(sim.ChainID)}
	cmd := func(name string, extra ...string) (string, error) {
		return run(t, append(append([]string{"chain", name}, chainArgs...), extra...)...)
	}
	url := srv.URL + "/" + id + "/"
	if _, err := cmd("set-model", "--key-file", keyFile(0), "--model-id", strings.Repeat("cd", 32), "--url", url); err == nil || !strings.Contains(err.Error(), "model id mismatch") {
		t.Errorf("announcing a URL that serves another model: %v", err)
	}
	if _, err := cmd("set-model", "--key-file", keyFile(1), "--model", dir, "--url", url); err == nil || !strings.Contains(err.Error(), "only the owner") {
		t.Errorf("a non-owner's announcement: %v", err)
	}
	out, err := cmd("set-model", "--key-file", keyFile(0), "--model", dir, "--url", url)
	if err != nil || !strings.Contains(out, "governs from window 2") {
		t.Fatalf("set-model: %v\n%s", err, out)
	}
	out, err = cmd("models")
	if err != nil || !strings.Contains(out, id+"  "+url) || !strings.Contains(out, "2 ") {
		t.Fatalf("models: %v\n%s", err, out)
	}
}
