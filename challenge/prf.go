// Package challenge derives everything a window asks of a miner from public
// randomness: the PRF, window and opening seeds, per-problem seeds and the
// deterministic random streams that generate problem instances.
//
// Nothing here reads a clock or a global: every function is a pure function
// of its inputs (plus, for seeds, a verified beacon and a block source), so an
// auditor re-derives the same bytes years later. The byte layouts are
// normative; docs/protocol.md mirrors them with test vectors.
package challenge

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/rand/v2"
)

// PRF returns n bytes of SHA-256 in counter mode:
//
//	block_c = SHA-256(len32(label) || label || len32(p1) || p1 || ... || uint32be(c))
//
// for c = 0, 1, ... concatenated and truncated to n bytes. len32 is a 4-byte
// big-endian length. The label is length-prefixed like every part, so no
// (label, parts) pair can collide with another by moving bytes across a
// boundary.
func PRF(label string, n int, parts ...[]byte) []byte {
	if n < 0 {
		panic("challenge: PRF with negative length")
	}
	h := sha256.New()
	var prefix []byte
	prefix = binary.BigEndian.AppendUint32(prefix, uint32(len(label)))
	prefix = append(prefix, label...)
	for _, p := range parts {
		prefix = binary.BigEndian.AppendUint32(prefix, uint32(len(p)))
		prefix = append(prefix, p...)
	}
	out := make([]byte, 0, n+sha256.Size)
	var ctr [4]byte
	for c := uint32(0); len(out) < n; c++ {
		h.Reset()
		h.Write(prefix)
		binary.BigEndian.PutUint32(ctr[:], c)
		h.Write(ctr[:])
		out = h.Sum(out)
	}
	return out[:n]
}

// PRF32 is PRF with n = 32, as a fixed-size key.
func PRF32(label string, parts ...[]byte) [32]byte {
	return [32]byte(PRF(label, 32, parts...))
}

// U64 encodes v as 8 big-endian bytes, the protocol's integer part encoding.
func U64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// Stream is the protocol's deterministic generator: ChaCha8 as specified by
// C2SP chacha8rand (Go's math/rand/v2.ChaCha8), keyed by a 32-byte PRF
// output. Derived values use only Uint64 and the documented reductions
// below, so another language reproduces them from the chacha8rand spec.
type Stream struct {
	c *rand.ChaCha8
}

// NewStream returns the stream keyed by key.
func NewStream(key [32]byte) *Stream { return &Stream{c: rand.NewChaCha8(key)} }

// Uint64 returns the next 64-bit word of the stream.
func (s *Stream) Uint64() uint64 { return s.c.Uint64() }

// Below returns a uniform integer in [0, n) by rejection: draw x; accept when
// x < 2^64 - (2^64 mod n), return x mod n. n must be positive.
func (s *Stream) Below(n uint64) uint64 {
	if n == 0 {
		panic("challenge: Below(0)")
	}
	if n&(n-1) == 0 {
		return s.Uint64() & (n - 1)
	}
	// limit = 2^64 - (2^64 mod n); (2^64 mod n) = (2^64 - n) mod n.
	rem := (-n) % n
	for {
		x := s.Uint64()
		if x <= math.MaxUint64-rem {
			return x % n
		}
	}
}

// Range returns a uniform integer in [lo, hi] (inclusive).
func (s *Stream) Range(lo, hi int64) int64 {
	if hi < lo {
		panic("challenge: Range with hi < lo")
	}
	span := uint64(hi - lo)
	if span == math.MaxUint64 {
		return lo + int64(s.Uint64())
	}
	return lo + int64(s.Below(span+1))
}

// Float64 returns a uniform float64 in [0, 1): the top 53 bits of the next
// word times 2^-53.
func (s *Stream) Float64() float64 {
	return float64(s.Uint64()>>11) * 0x1p-53
}

// Bool returns the lowest bit of the next word.
func (s *Stream) Bool() bool { return s.Uint64()&1 == 1 }

// Shuffle permutes n elements with Fisher-Yates from the top: for i = n-1
// down to 1, swap(i, Below(i+1)).
func (s *Stream) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, int(s.Below(uint64(i+1))))
	}
}

// TokenUniforms is the sampler's randomness for one rollout: u(t) is the
// Float64 made from word t of Stream(PRF32("token", S_w, miner,
// uint64be(problem), uint64be(rollout))). It is addressable by t, so a
// verifier computes any position without replaying the rollout.
type TokenUniforms struct {
	s     *Stream
	cache []float64
}

// NewTokenUniforms keys a rollout's uniforms.
func NewTokenUniforms(windowSeed [32]byte, miner [20]byte, problem, rollout uint64) *TokenUniforms {
	return &TokenUniforms{s: NewStream(PRF32("token", windowSeed[:], miner[:], U64(problem), U64(rollout)))}
}

// At returns u(t) in [0, 1).
func (u *TokenUniforms) At(t int) float64 {
	for len(u.cache) <= t {
		u.cache = append(u.cache, u.s.Float64())
	}
	return u.cache[t]
}
