package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/score"
)

// decided is a window judged by score.Decide: two honest miners, a miner
// serving junk, and the files.
type decided struct {
	d      *score.Decision
	files  score.MapFiles
	tok    *tokenizer.Tokenizer
	params proofs.Params
	recs   map[uint32][]*proofs.Record
}

func decide(t *testing.T) decided {
	t.Helper()
	dir := t.TempDir()
	if err := model.Init(model.InitConfig{Preset: "tiny", Out: dir}); err != nil {
		t.Fatal(err)
	}
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	b, err := model.NewCPU(ck, model.CPUConfig{Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := proofs.DefaultParams
	p.GroupSize, p.MaxNewTokens, p.K = 4, 10, 8
	const w = 3
	ws, os := challenge.PRF32("export-w"), challenge.PRF32("export-o")
	e := sat.New(sat.DefaultParams)
	out := decided{files: score.MapFiles{}, tok: tok, params: p, recs: map[uint32][]*proofs.Record{}}
	var miners []score.Miner
	for uid := range uint32(3) {
		key := sim.DevKey(200 + int(uid))
		m := score.Miner{UID: uid, Address: crypto.PubkeyToAddress(key.PublicKey)}
		if uid == 2 {
			out.files[uid] = []byte("not a window file")
			m.Commitment = [32]byte{2}
			miners = append(miners, m)
			continue
		}
		pr := &proofs.Prover{Backend: b, Tokenizer: tok, Env: e, Params: p, ModelID: ck.ModelID(), EOS: ck.Config.EOSTokens(), Key: key, Window: w, WindowSeed: ws}
		var recs []*proofs.Record
		for j := range uint64(2) {
			g, err := pr.Group(context.Background(), j)
			if err != nil {
				t.Fatal(err)
			}
			recs = append(recs, g...)
		}
		var buf bytes.Buffer
		if err := proofs.EncodeWindowFile(&buf, key, w, recs); err != nil {
			t.Fatal(err)
		}
		out.files[uid], out.recs[uid] = buf.Bytes(), recs
		m.Commitment = proofs.Digest(recs)
		miners = append(miners, m)
	}
	v := &proofs.Verifier{Backend: b, Tokenizer: tok, Env: e, Params: p, ModelID: ck.ModelID(), EOS: ck.Config.EOSTokens(), Window: w, WindowSeed: ws, OpeningSeed: os}
	if out.d, err = score.Decide(context.Background(), score.Input{Verifier: v, Miners: miners, Files: out.files}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWindow exports the rollouts of the passing files only, each as its
// record says, once.
func TestWindow(t *testing.T) {
	dc := decide(t)
	if Passed(dc.d.Miners[2]) || !Passed(dc.d.Miners[0]) || !Passed(dc.d.Miners[1]) {
		t.Fatalf("decision %+v: want miners 0 and 1 passed, 2 failed", dc.d.Miners)
	}
	e := New()
	rows, err := e.Window(Source{Decision: dc.d, Files: dc.files, Tokenizer: dc.tok, Env: "sat", Params: dc.params})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 16 {
		t.Fatalf("%d rows, want 2 miners × 2 groups × 4", len(rows))
	}
	for i, r := range rows {
		uid := uint32(i / 8)
		rec := dc.recs[uid][i%8]
		h := rec.Hash()
		switch {
		case r.UID != uid || r.Window != 3 || r.Problem != rec.Problem || r.Rollout != rec.Rollout || r.DataSource != "sat":
			t.Fatalf("row %d: identity %+v", i, r)
		case r.Reward != rec.Reward || r.Advantage != rec.Advantage || !reflect.DeepEqual(r.LogProbs, rec.LogProbs):
			t.Fatalf("row %d: claims differ from the record", i)
		case len(r.PromptIDs) != len(rec.Prompt) || len(r.CompletionIDs) != len(rec.Completion) || r.CompletionIDs[0] != int32(rec.Completion[0]):
			t.Fatalf("row %d: token ids differ from the record", i)
		case r.Prompt == "" || r.GroupID == "" || r.RecordHash != hex.EncodeToString(h[:]):
			t.Fatalf("row %d: %+v", i, r)
		}
		if want, _ := dc.tok.Decode(ints(rec.Completion), true); r.Completion != want {
			t.Fatalf("row %d: completion %q, want %q", i, r.Completion, want)
		}
	}
	if rows[0].GroupID == rows[4].GroupID || rows[0].GroupID != rows[3].GroupID {
		t.Fatal("a group's rows must share one group id, and only they")
	}
	again, err := e.Window(Source{Decision: dc.d, Files: dc.files, Tokenizer: dc.tok, Env: "sat", Params: dc.params})
	if err != nil || len(again) != 0 {
		t.Fatalf("exporting the same window again: %d rows, %v; want none (copies removed)", len(again), err)
	}
}

// TestWindowRefusesChangedFiles: a kept file that is not the decided one
// (or is gone) is an error, not a partial export.
func TestWindowRefusesChangedFiles(t *testing.T) {
	dc := decide(t)
	changed := score.MapFiles{0: append([]byte{}, dc.files[1]...), 1: dc.files[1]}
	if _, err := New().Window(Source{Decision: dc.d, Files: changed, Tokenizer: dc.tok, Params: dc.params}); err == nil || !strings.Contains(err.Error(), "not the one decided") {
		t.Fatalf("changed kept file: %v", err)
	}
	if _, err := New().Window(Source{Decision: dc.d, Files: score.MapFiles{1: dc.files[1]}, Tokenizer: dc.tok, Params: dc.params}); err == nil || !strings.Contains(err.Error(), "not kept") {
		t.Fatalf("missing kept file: %v", err)
	}
}

// TestWindowByModel: over windows of several models each record is
// decoded with its own model's tokenizer; one whose model was not given
// is an error, not text decoded by a stranger's tokenizer.
func TestWindowByModel(t *testing.T) {
	dc := decide(t)
	id := dc.recs[0][0].ModelID
	src := Source{Decision: dc.d, Files: dc.files, Env: "sat", Params: dc.params}
	src.ByModel = map[[32]byte]*tokenizer.Tokenizer{{1}: dc.tok}
	if _, err := New().Window(src); err == nil || !strings.Contains(err.Error(), "whose tokenizer was not given") {
		t.Fatalf("a record of a model not given: %v", err)
	}
	src.ByModel[id] = dc.tok
	rows, err := New().Window(src)
	if err != nil || len(rows) != 16 || rows[0].Completion == "" {
		t.Fatalf("by model: %d rows, %v", len(rows), err)
	}
}

// TestWriteRoundTrip writes both formats and reads them back.
func TestWriteRoundTrip(t *testing.T) {
	dc := decide(t)
	rows, err := New().Window(Source{Decision: dc.d, Files: dc.files, Tokenizer: dc.tok, Env: "sat", Params: dc.params})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pq := filepath.Join(dir, "w.parquet")
	if err := Write(pq, "parquet", rows); err != nil {
		t.Fatal(err)
	}
	back, err := ReadParquet(pq)
	if err != nil || !reflect.DeepEqual(back, rows) {
		t.Fatalf("parquet round trip: %v (%d rows back of %d)", err, len(back), len(rows))
	}
	jl := filepath.Join(dir, "w.jsonl")
	if err := Write(jl, "jsonl", rows); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(jl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []Row
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r Row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if !reflect.DeepEqual(got, rows) {
		t.Fatal("jsonl round trip differs")
	}
	if err := Write(filepath.Join(dir, "w.csv"), "csv", rows); err == nil {
		t.Fatal("unknown format accepted")
	}
	if err := Write(filepath.Join(dir, "no-such-dir", "w.parquet"), "parquet", rows); err == nil {
		t.Fatal("write into a missing folder succeeded")
	}
}
