package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assaynet/assay/cuda"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/replicas"
)

func TestParseDevice(t *testing.T) {
	for _, tc := range []struct {
		in    string
		kind  string
		ord   int
		split int
		err   bool
	}{
		{"cpu", "cpu", 0, 0, false}, {"", "cpu", 0, 0, false}, {"CUDA", "cuda", 0, 0, false},
		{"cuda:3", "cuda", 3, 0, false}, {"gpu:1", "cuda", 1, 0, false},
		{"cuda+split3", "cuda", 0, 3, false}, {"cuda:2+split2", "cuda", 2, 2, false}, {"cuda:1+f16x2", "cuda", 1, 2, false},
		{"cuda:-1", "", 0, 0, true}, {"cuda:x", "", 0, 0, true}, {"cpu:1", "", 0, 0, true}, {"tpu", "", 0, 0, true},
		{"cuda+split4", "", 0, 0, true}, {"cuda+", "", 0, 0, true}, {"cpu+split3", "", 0, 0, true}, {"cuda+fast", "", 0, 0, true},
	} {
		d, err := parseDevice(tc.in)
		if (err != nil) != tc.err || d.kind != tc.kind || d.ordinal != tc.ord || d.split != tc.split {
			t.Errorf("parseDevice(%q) = %+v, %v", tc.in, d, err)
		}
	}
}

// Without the cuda build tag, --device cuda says how to get a CUDA binary.
func TestDeviceCUDAWithoutTag(t *testing.T) {
	if cuda.Built() {
		t.Skip("this binary has CUDA")
	}
	dir := initTiny(t)
	_, err := run(t, "model", "generate", "--model", dir, "--device", "cuda", "--max-new-tokens", "2")
	if !errors.Is(err, cuda.ErrNotBuilt) || !strings.Contains(err.Error(), "make build-cuda") {
		t.Fatalf("generate --device cuda: %v", err)
	}
	if _, err := run(t, "model", "generate", "--model", dir, "--device", "tpu", "--max-new-tokens", "2"); err == nil || !strings.Contains(err.Error(), "want cpu, cuda") {
		t.Fatalf("generate --device tpu: %v", err)
	}
}

func TestCalibrateAndForgeryCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the model")
	}
	dir := initTiny(t)
	png := filepath.Join(t.TempDir(), "d.png")
	out, err := run(t, "calibrate", "--model", dir, "--rollouts", "4", "--batches", "1,4", "--max-new", "6", "--prompt-max", "12", "--plot", png)
	if err != nil || !strings.Contains(out, "honest (inside the contract): 12 rollouts") {
		t.Fatalf("calibrate: %v\n%s", err, out)
	}
	if _, err := run(t, "calibrate", "--model", dir, "--backends", "cpu@0"); err == nil {
		t.Error("cpu@0 accepted")
	}
	if _, err := run(t, "calibrate", "--model", dir, "--backends", "cpu@1", "--generators", "cuda"); err == nil {
		t.Error("generator outside --backends accepted")
	}
	out, err = run(t, "forgery", "--model", dir, "--groups", "1", "--group-size", "4", "--max-new", "8")
	if err != nil || !strings.Contains(out, "tokens from int4 model") || !strings.Contains(out, "constant-0 forger") {
		t.Fatalf("forgery: %v\n%s", err, out)
	}
}

// A device list opens one backend per device and spreads them; the list
// must be of one kind and one kind of products.
func TestDeviceList(t *testing.T) {
	dir := initTiny(t)
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	b, err := openDevice("cpu,cpu", 1, false)(ck)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := b.(*replicas.Backend)
	if !ok || len(r.Parts()) != 2 {
		t.Fatalf("cpu,cpu opened %T", b)
	}
	for _, bad := range []string{"cpu,cuda", "cuda:0,cuda:1+split3", "cpu,tpu", "cpu,"} {
		if _, err := openDevice(bad, 1, false)(ck); err == nil {
			t.Errorf("--device %s accepted", bad)
		}
	}
	out, err := run(t, "model", "generate", "--model", dir, "--device", "cpu,cpu", "--max-new-tokens", "3")
	if err != nil {
		t.Fatalf("generate on cpu,cpu: %v\n%s", err, out)
	}
}
