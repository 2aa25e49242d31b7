// Package gsm8k draws problems from a GSM8K-format JSONL file that the
// operator supplies: one {"question": ..., "answer": "...#### N"} object per
// line. The dataset's SHA-256 is part of its identity: validators and miners
// must load byte-identical files to derive identical problems.
package gsm8k

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
)

// ErrDataset is returned for a dataset file that cannot be used.
var ErrDataset = errors.New("gsm8k: bad dataset")

// Limits on a dataset file.
const (
	MaxFileBytes = 256 << 20
	MaxLineBytes = 1 << 20
)

// Item is one dataset row.
type Item struct {
	Question string
	Answer   string // canonical number after "####"
	Solution string // the full answer text
}

// Env is the GSM8K environment over one dataset.
type Env struct {
	items []Item
	hash  [32]byte
}

var _ env.Environment = (*Env)(nil)

// Load reads a GSM8K JSONL file.
func Load(path string) (*Env, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDataset, err)
	}
	defer f.Close()
	return Read(f)
}

// Read parses a GSM8K JSONL stream. Every line must parse and carry a
// numeric "#### N" answer; the error names the first bad line.
func Read(r io.Reader) (*Env, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDataset, err)
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrDataset, MaxFileBytes)
	}
	e := &Env{hash: sha256.Sum256(data)}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), MaxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var row struct {
			Question string `json:"question"`
			Answer   string `json:"answer"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrDataset, line, err)
		}
		i := strings.LastIndex(row.Answer, "####")
		if row.Question == "" || i < 0 {
			return nil, fmt.Errorf("%w: line %d: missing question or '####' answer", ErrDataset, line)
		}
		ans, ok := env.CanonicalNumber(row.Answer[i+4:])
		if !ok {
			return nil, fmt.Errorf("%w: line %d: answer %q is not a number", ErrDataset, line, strings.TrimSpace(row.Answer[i+4:]))
		}
		e.items = append(e.items, Item{Question: row.Question, Answer: ans, Solution: row.Answer})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %v", ErrDataset, line+1, err)
	}
	if len(e.items) == 0 {
		return nil, fmt.Errorf("%w: no problems", ErrDataset)
	}
	return e, nil
}

// Name is "gsm8k".
func (*Env) Name() string { return "gsm8k" }

// Len is the number of problems.
func (e *Env) Len() int { return len(e.items) }

// Hash is the SHA-256 of the dataset file, in hex.
func (e *Env) Hash() string { return hex.EncodeToString(e.hash[:]) }

// Problem is a drawn dataset row.
type Problem struct {
	Index int
	Item
}

// Prompt is the question with the answer-format instruction.
func (p *Problem) Prompt() string {
	return p.Question + "\nSolve it step by step, then give the final answer as a number after '####'."
}

// Truth is the canonical answer.
func (p *Problem) Truth() string { return p.Answer }

// Reward is 1 for the right final answer, else 0.
func (p *Problem) Reward(completion string) float32 { return env.RewardExact(p.Answer, completion) }

// Generate draws row Below(Len) of the seed's stream.
func (e *Env) Generate(seed [32]byte) (env.Task, error) {
	i := int(challenge.NewStream(seed).Below(uint64(len(e.items))))
	return &Problem{Index: i, Item: e.items[i]}, nil
}
