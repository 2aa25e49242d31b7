package tokenizer

import (
	"errors"
	"strings"
	"testing"
)

// TestParseBadInput: malformed or unsupported tokenizer.json documents get
// a clear error naming what is wrong.
func TestParseBadInput(t *testing.T) {
	tests := []struct {
		doc, want   string
		unsupported bool
	}{
		{`{`, "tokenizer.json", false},
		{`{"model":{"type":"Unigram","vocab":[]}}`, "Unigram", true},
		{`{"model":{"type":"BPE","vocab":{}}}`, "vocab", false},
		{`{"model":{"type":"BPE","vocab":{"a":0},"merges":["a b"]}}`, "outside the vocab", false},
		{`{"model":{"type":"BPE","vocab":{"a":0}},"pre_tokenizer":{"type":"Split","pattern":{"Regex":"\\w+"},"behavior":"Isolated"}}`, "Split pattern", true},
		{`{"model":{"type":"BPE","vocab":{"a":0}},"normalizer":{"type":"NFKD"}}`, "NFKD", true},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.doc, err, tt.want)
		}
		if err != nil && errors.Is(err, ErrUnsupported) != tt.unsupported {
			t.Errorf("%s: %v: unsupported %v, want %v", tt.doc, err, errors.Is(err, ErrUnsupported), tt.unsupported)
		}
	}
}
