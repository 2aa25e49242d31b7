package gsm8k

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assaynet/assay/challenge"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json")

const sharedTest = "../../../shared/data/gsm8k/test.jsonl"

func loadShared(t *testing.T) *Env {
	if _, err := os.Stat(sharedTest); err != nil {
		t.Skipf("GSM8K not found at %s (the ../shared data folder is absent): %v", sharedTest, err)
	}
	e, err := Load(sharedTest)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestSharedDataset(t *testing.T) {
	e := loadShared(t)
	if e.Len() != 1319 {
		t.Fatalf("test.jsonl has %d problems, want 1319", e.Len())
	}
	type golden struct {
		Index int
		Truth string
		Start string
	}
	var got []golden
	for i := 0; i < 5; i++ {
		task, err := e.Generate(challenge.PRF32("test/gsm8k", challenge.U64(uint64(i))))
		if err != nil {
			t.Fatal(err)
		}
		p := task.(*Problem)
		if p.Reward(p.Solution) != 1 {
			t.Fatalf("row %d: the reference solution does not score 1", p.Index)
		}
		got = append(got, golden{p.Index, p.Truth(), p.Question[:40]})
	}
	path := filepath.Join("testdata", "golden.json")
	if *update {
		js, _ := json.MarshalIndent(map[string]any{"dataset_sha256": e.Hash(), "draws": got}, "", " ")
		_ = os.WriteFile(path, append(js, '\n'), 0o644)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Hash  string   `json:"dataset_sha256"`
		Draws []golden `json:"draws"`
	}
	_ = json.Unmarshal(data, &want)
	if want.Hash != e.Hash() {
		t.Skipf("shared test.jsonl is a different file (sha256 %s, golden for %s)", e.Hash(), want.Hash)
	}
	if fmt.Sprint(got) != fmt.Sprint(want.Draws) {
		t.Fatalf("draws changed:\n got %v\nwant %v", got, want.Draws)
	}
	// Every reference solution scores 1 under the extractor.
	for i, it := range e.items {
		if (&Problem{Item: it}).Reward(it.Solution) != 1 {
			t.Fatalf("row %d: reference solution %q scores 0", i, it.Solution)
		}
	}
}

func TestBadDatasets(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty", "", "no problems"},
		{"not json", "{oops\n", "line 1"},
		{"no answer", `{"question":"q","answer":"42"}` + "\n", "line 1"},
		{"bad number", `{"question":"q","answer":"x #### ten"}` + "\n", "line 1"},
		{"second line bad", `{"question":"q","answer":"#### 1"}` + "\n[]\n", "line 2"},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.data))
		if !errors.Is(err, ErrDataset) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
	}
	e, err := Read(strings.NewReader(`{"question":"q","answer":"so #### 1,000"}` + "\n\n"))
	if err != nil || e.Len() != 1 || e.items[0].Answer != "1000" {
		t.Fatalf("good one-line dataset: %v", err)
	}
}
