package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes the CLI in-process and returns stdout and the error.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	app := newApp()
	var out bytes.Buffer
	app.Writer = &out
	app.ErrWriter = &out
	err := app.Run(append([]string{"assay"}, args...))
	return out.String(), err
}

const (
	qnRound   = "12040883"
	qnSig     = "929906c959032ab363c9f26570d215d66f5c06cb0c44fe508c12bb5839f04ec895bb6868e5b9ff13ab289bdb5266b394"
	minerAddr = "0x1111111111111111111111111111111111111111"
)

func TestBeaconVerify(t *testing.T) {
	out, err := run(t, "beacon", "verify", "--chain", "quicknet", "--round", qnRound, "--signature", qnSig)
	if err != nil || !strings.Contains(out, "randomness=173df1f57805453a8d2015268205d68147de12cafc2f451f7bc6adadca3571b3") {
		t.Fatalf("real beacon: %v %q", err, out)
	}
	bad := []struct {
		name string
		args []string
		want string
	}{
		{"wrong round", []string{"--chain", "quicknet", "--round", "12040884", "--signature", qnSig}, "verification failed"},
		{"bad hex", []string{"--chain", "quicknet", "--round", qnRound, "--signature", "zz"}, "not hex"},
		{"short signature", []string{"--chain", "quicknet", "--round", qnRound, "--signature", qnSig[:90]}, "bytes"},
		{"other chain", []string{"--chain", "default", "--round", qnRound, "--signature", qnSig}, "bytes"},
		{"unknown chain", []string{"--chain", "fastnet", "--round", qnRound, "--signature", qnSig}, "unknown chain"},
		{"missing round", []string{"--signature", qnSig}, "round"},
	}
	for _, b := range bad {
		if _, err := run(t, append([]string{"beacon", "verify"}, b.args...)...); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: err %v, want %q", b.name, err, b.want)
		}
	}
}

func TestChallengeShow(t *testing.T) {
	out, err := run(t, "challenge", "show", "--window", "3", "--miner", minerAddr, "--problem", "2", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if got["env"] != "sat" || !strings.Contains(got["prompt"].(string), "3-SAT") {
		t.Fatalf("unexpected: %v", got)
	}
	// Deterministic: the same inputs give the same problem; another j does not.
	out2, _ := run(t, "challenge", "show", "--window", "3", "--miner", minerAddr, "--problem", "2", "--json")
	out3, _ := run(t, "challenge", "show", "--window", "3", "--miner", minerAddr, "--problem", "3", "--json")
	if out != out2 || out == out3 {
		t.Fatal("challenge show is not a function of its inputs")
	}
	t.Setenv("ASSAY_ENV", "math")
	out4, err := run(t, "challenge", "show", "--window", "3", "--miner", minerAddr, "--json")
	if err != nil || !strings.Contains(out4, `"env":"math"`) {
		t.Fatalf("ASSAY_ENV fallback: %v %q", err, out4)
	}
}

func TestChallengeShowBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"short miner", []string{"--window", "1", "--miner", "0x11"}, "20-byte"},
		{"future window", []string{"--window", "99999999", "--miner", minerAddr}, "future"},
		{"unknown env", []string{"--window", "1", "--miner", minerAddr, "--env", "chess"}, "unknown environment"},
		{"gsm8k without dataset", []string{"--window", "1", "--miner", minerAddr, "--env", "gsm8k"}, "--dataset"},
		{"missing recording", []string{"--window", "1", "--miner", minerAddr, "--beacon", "/nonexistent.json"}, "recording"},
		{"zero window length", []string{"--window", "1", "--miner", minerAddr, "--window-length", "0"}, "window length"},
		{"bad contract", []string{"--window", "1", "--miner", minerAddr, "--contract", "nope"}, "--contract"},
	}
	for _, tt := range tests {
		if _, err := run(t, append([]string{"challenge", "show"}, tt.args...)...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestChallengeShowRecorded derives a problem from a real quicknet beacon and
// a block list, fully offline: the auditor's path.
func TestChallengeShowRecorded(t *testing.T) {
	dir := t.TempDir()
	blocks := filepath.Join(dir, "blocks.json")
	// Block 30 (window 1) at a time whose first round strictly after it
	// plus the default beacon delay (12 s) is quicknet round 12040883
	// (scheduled at 1728926013).
	if err := os.WriteFile(blocks, []byte(`[{"number":30,"hash":"0x`+strings.Repeat("ab", 32)+`","timestamp":1728925999}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "challenge", "show", "--window", "1", "--miner", minerAddr, "--json",
		"--beacon", "../../beacon/testdata/quicknet.json", "--blocks", blocks)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"beacon_round":12040883`) {
		t.Fatalf("did not use the recorded round: %s", out)
	}
}

func TestRoleCommandsExplainMissingInput(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"miner", "start"}, "store"},
		{[]string{"validator", "run"}, "datadir"},
		{[]string{"audit", "replay"}, "window"},
		{[]string{"miner", "start", "--store", t.TempDir()}, "no identity"},
		// No --model is no local mistake: the model may come from the URL
		// the contract announces, so the chain is asked first.
		{[]string{"validator", "run", "--datadir", t.TempDir(), "--key", strings.Repeat("01", 32)}, "no chain"},
		{[]string{"validator", "run", "--datadir", t.TempDir(), "--key", strings.Repeat("01", 32), "--model", "m"}, "no chain"},
		{[]string{"miner", "start", "--store", t.TempDir(), "--key", "zz"}, "--key"},
		// Local flags are checked before any chain is dialled.
		{[]string{"validator", "run", "--datadir", t.TempDir(), "--key", strings.Repeat("01", 32), "--model", "m", "--device", "gpu9"}, "device"},
	}
	for _, tt := range tests {
		if _, err := run(t, tt.args...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: err %v, want %q", tt.args, err, tt.want)
		}
	}
	// A key on the command line is readable by every user of the machine:
	// it works, with a warning; a key file carries none.
	t.Setenv("ASSAY_KEY", "")
	out, err := run(t, "validator", "run", "--datadir", t.TempDir(), "--key", strings.Repeat("01", 32), "--model", "m")
	if err == nil || !strings.Contains(out, "/proc/PID/cmdline") {
		t.Errorf("--key: no warning in %q (%v)", out, err)
	}
	kf := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(kf, []byte(strings.Repeat("01", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "validator", "run", "--datadir", t.TempDir(), "--key-file", kf, "--model", "m")
	if err == nil || !strings.Contains(err.Error(), "no chain") || strings.Contains(out, "cmdline") {
		t.Errorf("--key-file: %q, %v; want past the key, no warning", out, err)
	}
}

// initTiny writes the tiny preset through `assay model init` into a
// temporary folder and returns it.
func initTiny(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	if _, err := run(t, "model", "init", "--preset", "tiny", "--out", dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestModelCommands(t *testing.T) {
	dir := initTiny(t)
	id, err := run(t, "model", "id", "--model", dir)
	if err != nil || len(strings.TrimSpace(id)) != 64 || strings.Count(id, "\n") != 1 {
		t.Fatalf("model id: %v %q", err, id)
	}
	toks, err := run(t, "model", "tokenize", "--model", dir, "--text", "x1=1 <|im_end|>")
	var ids []int
	if err != nil || json.Unmarshal([]byte(toks), &ids) != nil || len(ids) < 3 {
		t.Fatalf("tokenize: %v %q", err, toks)
	}
	out, err := run(t, "model", "generate", "--model", dir, "--prompt", "hello", "--max-new-tokens", "5", "--temperature", "0", "--format", "json")
	var g struct {
		Tokens   []int     `json:"tokens"`
		Text     string    `json:"text"`
		LogProbs []float64 `json:"logprobs"`
	}
	if err != nil || json.Unmarshal([]byte(out), &g) != nil || len(g.LogProbs) != 5 || len(g.Tokens) < 6 {
		t.Fatalf("generate: %v %q", err, out)
	}
	// Greedy is deterministic.
	out2, _ := run(t, "model", "generate", "--model", dir, "--prompt", "hello", "--max-new-tokens", "5", "--temperature", "0", "--format", "json")
	if out != out2 {
		t.Fatal("greedy generation not deterministic")
	}
	for _, bad := range [][]string{
		{"model", "id", "--model", t.TempDir()},
		{"model", "init", "--preset", "nope", "--out", t.TempDir()},
		{"model", "generate", "--model", dir, "--temperature", "-1"},
		{"model", "generate", "--model", dir, "--max-new-tokens", "100000"},
	} {
		if _, err := run(t, bad...); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}

func TestModelGenerateTinyStories(t *testing.T) {
	dir := "../../../shared/models/tinystories-656k"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("TinyStories not found at %s: %v", dir, err)
	}
	out, err := run(t, "model", "generate", "--model", dir, "--prompt", "", "--max-new-tokens", "12", "--temperature", "0", "--format", "json")
	if err != nil || !strings.Contains(out, `"text":"Once upon a time, there was a little girl named Lily`) || !strings.Contains(out, `"tokens":[1,`) {
		t.Fatalf("greedy from BOS: %v %s", err, out)
	}
}

// TestModelConvert: `model convert` writes a bf16 folder that `model id`
// reads, refuses another dtype and an existing folder.
func TestModelConvert(t *testing.T) {
	dir := initTiny(t)
	out := filepath.Join(t.TempDir(), "bf16")
	got, err := run(t, "model", "convert", "--model", dir, "--out", out)
	if err != nil || !strings.Contains(got, "model id") {
		t.Fatalf("convert: %q %v", got, err)
	}
	if _, err := run(t, "model", "id", "--model", out); err != nil {
		t.Fatalf("id of the converted folder: %v", err)
	}
	if _, err := run(t, "model", "convert", "--model", dir, "--out", out); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("second convert into the same folder: %v", err)
	}
	if _, err := run(t, "model", "convert", "--model", dir, "--out", out+"2", "--dtype", "f16"); err == nil || !strings.Contains(err.Error(), "bf16") {
		t.Fatalf("--dtype f16: %v", err)
	}
}

func TestExportBadInput(t *testing.T) {
	dir := initTiny(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--from", "5", "--to", "4"}, "before --from"},
		{[]string{"--from", "1", "--to", "2", "--format", "csv"}, "want parquet or jsonl"},
		{[]string{"--from", "1", "--to", "2"}, "no decided window"},
	} {
		args := append([]string{"export", "--data", t.TempDir(), "--out", t.TempDir(), "--model", dir}, c.args...)
		if _, err := run(t, args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("export %v: %v, want %q", c.args, err, c.want)
		}
	}
}
