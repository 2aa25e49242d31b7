package beacon

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
)

// Recorded serves beacons from a recorded file (auditors replaying old
// windows offline, tests). Every round is verified against the chain when it
// is served, exactly as a relay's answer would be: a recording is data, not a
// root of trust.
type Recorded struct {
	chain  *Chain
	rounds map[uint64]recordedRound
}

type recordedRound struct {
	sig, prev []byte
}

// RecordedFile is the JSON layout of a recording: the chain info and a list
// of beacons in relay format.
type RecordedFile struct {
	Info    json.RawMessage  `json:"info"`
	Beacons []RecordedBeacon `json:"beacons"`
}

// RecordedBeacon is one beacon in relay JSON format.
type RecordedBeacon struct {
	Round      uint64 `json:"round"`
	Randomness string `json:"randomness,omitempty"`
	Signature  string `json:"signature"`
	Previous   string `json:"previous_signature,omitempty"`
}

// LoadRecorded reads a recording from path.
func LoadRecorded(path string) (*Recorded, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("beacon: recording: %w", err)
	}
	return ParseRecorded(data)
}

// ParseRecorded decodes a recording. Malformed entries are errors here;
// signatures are checked when a round is served.
func ParseRecorded(data []byte) (*Recorded, error) {
	var f RecordedFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%w: recording: %v", ErrMalformed, err)
	}
	c, err := ParseChainInfo(f.Info)
	if err != nil {
		return nil, err
	}
	r := &Recorded{chain: c, rounds: make(map[uint64]recordedRound)}
	for i, b := range f.Beacons {
		sig, err1 := hex.DecodeString(b.Signature)
		prev, err2 := hex.DecodeString(b.Previous)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%w: recording entry %d (round %d): bad hex", ErrMalformed, i, b.Round)
		}
		r.rounds[b.Round] = recordedRound{sig: sig, prev: prev}
	}
	return r, nil
}

// Chain is the recording's chain.
func (r *Recorded) Chain() *Chain { return r.chain }

// Round verifies and returns a recorded round.
func (r *Recorded) Round(ctx context.Context, round uint64) (Verified, error) {
	if err := ctx.Err(); err != nil {
		return Verified{}, err
	}
	e, ok := r.rounds[round]
	if !ok {
		return Verified{}, fmt.Errorf("beacon: round %d is not in the recording", round)
	}
	return r.chain.Verify(round, e.sig, e.prev)
}
