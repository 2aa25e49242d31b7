// Package export turns decided windows into training data: every rollout
// of every window file that passed verification, with its prompt and
// completion as text and token ids, the behaviour policy's committed
// log-probabilities, its reward and GRPO advantage, and where it came from
// (docs/export.md is the schema). Files of miners that failed, copied or
// were gated are left out, and a record is exported once however many
// decisions hold it.
//
// The columns are the ones RL trainers read without conversion code:
// prompt / completion / reward for TRL- and OpenRLHF-style datasets,
// data_source / prompt for verl, and token ids with log-probabilities for
// trainers that compute importance ratios against the behaviour policy.
package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"

	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/score"
)

// Row is one exported rollout.
type Row struct {
	DataSource    string    `parquet:"data_source" json:"data_source"` // the environment
	Window        uint64    `parquet:"window" json:"window"`
	Miner         string    `parquet:"miner" json:"miner"` // 0x-hex address
	UID           uint32    `parquet:"uid" json:"uid"`
	Problem       uint64    `parquet:"problem" json:"problem"`
	Rollout       uint32    `parquet:"rollout" json:"rollout"`
	GroupID       string    `parquet:"group_id" json:"group_id"` // window:miner:problem, one per GRPO group
	ModelID       string    `parquet:"model_id" json:"model_id"` // hex: the policy that generated it
	Prompt        string    `parquet:"prompt" json:"prompt"`
	Completion    string    `parquet:"completion" json:"completion"`
	PromptIDs     []int32   `parquet:"prompt_ids,list" json:"prompt_ids"`
	CompletionIDs []int32   `parquet:"completion_ids,list" json:"completion_ids"`
	LogProbs      []float32 `parquet:"logprobs,list" json:"logprobs"` // behaviour log p of each completion token
	Reward        float32   `parquet:"reward" json:"reward"`
	Advantage     float32   `parquet:"advantage" json:"advantage"`
	RecordHash    string    `parquet:"record_hash" json:"record_hash"` // hex SHA-256 of the signed record
}

// Source is what a window's export reads: its decision, the files it
// judged, and the tokenizer of the window's model.
type Source struct {
	Decision  *score.Decision
	Files     score.Files
	Tokenizer *tokenizer.Tokenizer
	// Env names the environment (the data_source column).
	Env string
	// Params bound the files' decoding as the window's verification did.
	Params proofs.Params
}

// Exporter turns windows into rows, remembering the records it has
// already exported.
type Exporter struct {
	seen map[[32]byte]bool
}

// New returns an Exporter that has exported nothing.
func New() *Exporter { return &Exporter{seen: map[[32]byte]bool{}} }

// Passed reports whether a miner's file of a decision is training data:
// verified, not a copy, not gated.
func Passed(m score.MinerResult) bool {
	return m.Failure == "" && !m.Copycat && !m.Gated && m.Records > 0
}

// Window returns the rows of one decided window, in uid then file order.
// A passing file that cannot be read back, or whose decoded records do
// not match the decision (its kept copy changed), is an error: exporting
// part of what was judged would be silently wrong.
func (e *Exporter) Window(src Source) ([]Row, error) {
	d := src.Decision
	var rows []Row
	for _, m := range d.Miners {
		if !Passed(m) {
			continue
		}
		data, ok := src.Files.File(m.UID)
		if !ok {
			return nil, fmt.Errorf("export: window %d uid %d: the decision passed its file, which is not kept", d.Window, m.UID)
		}
		if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != m.File {
			return nil, fmt.Errorf("export: window %d uid %d: the kept file is not the one decided (sha256 %x, decision %s)", d.Window, m.UID, got[:8], m.File)
		}
		recs, err := score.ReadFile(data, d.Window, m.Address, src.Params)
		if err != nil {
			return nil, fmt.Errorf("export: window %d uid %d: %w", d.Window, m.UID, err)
		}
		if len(recs) != m.Records {
			return nil, fmt.Errorf("export: window %d uid %d: %d records, the decision judged %d", d.Window, m.UID, len(recs), m.Records)
		}
		for _, r := range recs {
			h := r.Hash()
			if e.seen[h] {
				continue
			}
			row, err := rowOf(src, m, r, h)
			if err != nil {
				return nil, err
			}
			e.seen[h] = true
			rows = append(rows, row)
		}
	}
	return rows, nil
}

func rowOf(src Source, m score.MinerResult, r *proofs.Record, h [32]byte) (Row, error) {
	prompt, err := src.Tokenizer.Decode(ints(r.Prompt), false)
	if err != nil {
		return Row{}, fmt.Errorf("export: window %d miner %s problem %d: prompt: %w", r.Window, r.Miner, r.Problem, err)
	}
	// As the reward saw it (proofs.Prover: special tokens skipped).
	completion, err := src.Tokenizer.Decode(ints(r.Completion), true)
	if err != nil {
		return Row{}, fmt.Errorf("export: window %d miner %s problem %d rollout %d: completion: %w", r.Window, r.Miner, r.Problem, r.Rollout, err)
	}
	miner := m.Address.Hex()
	return Row{
		DataSource: src.Env, Window: r.Window, Miner: miner, UID: m.UID, Problem: r.Problem, Rollout: r.Rollout,
		GroupID: fmt.Sprintf("%d:%s:%d", r.Window, miner, r.Problem), ModelID: hex.EncodeToString(r.ModelID[:]),
		Prompt: prompt, Completion: completion, PromptIDs: int32s(r.Prompt), CompletionIDs: int32s(r.Completion),
		LogProbs: r.LogProbs, Reward: r.Reward, Advantage: r.Advantage,
		RecordHash: hex.EncodeToString(h[:]),
	}, nil
}

func ints(ts []uint32) []int {
	out := make([]int, len(ts))
	for i, t := range ts {
		out[i] = int(t)
	}
	return out
}

// int32s keeps token ids as the signed 32-bit integers data loaders
// expect; ids are below the vocabulary size, far under 2^31.
func int32s(ts []uint32) []int32 {
	out := make([]int32, len(ts))
	for i, t := range ts {
		if t > math.MaxInt32 {
			panic(fmt.Sprintf("export: token id %d", t)) // the verifier bounds ids by the vocabulary
		}
		out[i] = int32(t)
	}
	return out
}
