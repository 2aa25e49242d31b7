// Package beacon fetches drand randomness and verifies it before anyone uses
// it.
//
// Every value this package returns has passed BLS signature verification
// against the chain's public key with drand's own scheme implementations
// (github.com/drand/drand/v2/crypto). There is no unverified mode: a beacon
// that fails verification is an error, never a fallback. See docs/protocol.md,
// section "Randomness".
package beacon

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	dcommon "github.com/drand/drand/v2/common"
	dchain "github.com/drand/drand/v2/common/chain"
	"github.com/drand/drand/v2/crypto"
)

// Errors callers branch on.
var (
	// ErrUnverified is returned when a beacon's signature does not verify
	// against the chain's public key, or its randomness is not the hash of
	// its signature.
	ErrUnverified = errors.New("beacon: verification failed")
	// ErrFutureRound is returned for a round that the chain has not produced
	// yet according to the caller's clock.
	ErrFutureRound = errors.New("beacon: round is in the future")
	// ErrWrongRound is returned when a relay answers with another round than
	// the one asked for.
	ErrWrongRound = errors.New("beacon: relay answered another round")
	// ErrUnknownChain is returned for a chain name or hash this build does
	// not know.
	ErrUnknownChain = errors.New("beacon: unknown chain")
	// ErrMalformed is returned for a beacon or chain info that cannot be
	// decoded (bad hex, wrong lengths, bad JSON).
	ErrMalformed = errors.New("beacon: malformed input")
)

// Verified is a beacon round whose signature has been checked. Only this
// package constructs it; the zero value is not a verified beacon.
type Verified struct {
	ChainHash  [32]byte
	Round      uint64
	Signature  []byte
	Randomness [32]byte // SHA-256(Signature), as drand defines it
}

// Chain is the public information needed to verify a drand chain's beacons.
// It wraps drand's chain.Info, whose JSON decoder checks that the advertised
// chain hash matches the public key, period, genesis and seed.
type Chain struct {
	info   *dchain.Info
	scheme *crypto.Scheme
	hash   [32]byte
}

// ParseChainInfo decodes a drand /info JSON document (v1 or v2 relay format)
// and checks its chain hash.
func ParseChainInfo(data []byte) (*Chain, error) {
	info := new(dchain.Info)
	if err := json.Unmarshal(data, info); err != nil {
		return nil, fmt.Errorf("%w: chain info: %v", ErrMalformed, err)
	}
	return newChain(info)
}

func newChain(info *dchain.Info) (*Chain, error) {
	if info.Period < time.Second {
		return nil, fmt.Errorf("%w: chain info: period %v below one second", ErrMalformed, info.Period)
	}
	sch, err := crypto.SchemeFromName(info.Scheme)
	if err != nil {
		return nil, fmt.Errorf("%w: chain info: %v", ErrMalformed, err)
	}
	c := &Chain{info: info, scheme: sch}
	copy(c.hash[:], info.Hash())
	return c, nil
}

// Hash is the chain hash that identifies the chain.
func (c *Chain) Hash() [32]byte { return c.hash }

// HashHex is Hash in lower-case hex, as drand relays spell it in URLs.
func (c *Chain) HashHex() string { return hex.EncodeToString(c.hash[:]) }

// Scheme is the name of the chain's signature scheme.
func (c *Chain) Scheme() string { return c.scheme.Name }

// Period is the time between rounds.
func (c *Chain) Period() time.Duration { return c.info.Period }

// Genesis is the Unix time of round 1.
func (c *Chain) Genesis() int64 { return c.info.GenesisTime }

// PublicKeyHex is the chain's group public key in hex.
func (c *Chain) PublicKeyHex() string {
	b, _ := c.info.PublicKey.MarshalBinary()
	return hex.EncodeToString(b)
}

// InfoJSON is the chain info in drand's v2 JSON format.
func (c *Chain) InfoJSON() ([]byte, error) { return json.Marshal(c.info) }

// RoundAt is the latest round whose scheduled time is at or before unix
// second t (round 1 at genesis). Times before genesis give round 0, which no
// chain produces.
func (c *Chain) RoundAt(t int64) uint64 {
	if t < c.info.GenesisTime {
		return 0
	}
	return dcommon.CurrentRound(t, c.info.Period, c.info.GenesisTime)
}

// TimeOf is the Unix time at which round r is scheduled.
func (c *Chain) TimeOf(r uint64) int64 {
	return dcommon.TimeOfRound(c.info.Period, c.info.GenesisTime, r)
}

// Verify checks a beacon for round against the chain's public key. prev is
// the previous round's signature and is needed only on chained schemes
// (drand's "default" chain); unchained schemes ignore it.
func (c *Chain) Verify(round uint64, sig, prev []byte) (Verified, error) {
	if round == 0 {
		return Verified{}, fmt.Errorf("%w: round 0 is not a beacon", ErrMalformed)
	}
	want := c.scheme.SigGroup.PointLen()
	if len(sig) != want {
		return Verified{}, fmt.Errorf("%w: round %d: signature is %d bytes, scheme %s wants %d",
			ErrMalformed, round, len(sig), c.scheme.Name, want)
	}
	b := &dcommon.Beacon{Round: round, Signature: sig, PreviousSig: prev}
	if err := c.scheme.VerifyBeacon(b, c.info.PublicKey); err != nil {
		return Verified{}, fmt.Errorf("%w: chain %s round %d: %v", ErrUnverified, c.HashHex()[:16], round, err)
	}
	v := Verified{ChainHash: c.hash, Round: round, Signature: append([]byte(nil), sig...)}
	v.Randomness = sha256.Sum256(sig)
	return v, nil
}

// VerifyJSON decodes a relay's beacon JSON ({"round","randomness",
// "signature","previous_signature"}) and verifies it. When the document
// carries randomness, it must equal SHA-256 of the signature.
func (c *Chain) VerifyJSON(data []byte) (Verified, error) {
	var raw struct {
		Round      uint64 `json:"round"`
		Randomness string `json:"randomness"`
		Signature  string `json:"signature"`
		Previous   string `json:"previous_signature"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Verified{}, fmt.Errorf("%w: beacon json: %v", ErrMalformed, err)
	}
	sig, err := hex.DecodeString(raw.Signature)
	if err != nil {
		return Verified{}, fmt.Errorf("%w: round %d: signature hex: %v", ErrMalformed, raw.Round, err)
	}
	prev, err := hex.DecodeString(raw.Previous)
	if err != nil {
		return Verified{}, fmt.Errorf("%w: round %d: previous signature hex: %v", ErrMalformed, raw.Round, err)
	}
	v, err := c.Verify(raw.Round, sig, prev)
	if err != nil {
		return Verified{}, err
	}
	if raw.Randomness != "" {
		r, err := hex.DecodeString(raw.Randomness)
		if err != nil || len(r) != 32 {
			return Verified{}, fmt.Errorf("%w: round %d: randomness is not 32 hex bytes", ErrMalformed, raw.Round)
		}
		if [32]byte(r) != v.Randomness {
			return Verified{}, fmt.Errorf("%w: round %d: randomness is not SHA-256 of the signature", ErrUnverified, raw.Round)
		}
	}
	return v, nil
}
