package proofs

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Version is the protocol version this package implements.
const Version = 3

// Record is one rollout with its commitments.
type Record struct {
	Version    uint16
	Window     uint64
	Miner      common.Address
	Problem    uint64
	Rollout    uint32
	ModelID    [32]byte
	Prompt     []uint32
	Completion []uint32
	LogProbs   []float32 // raw model log-probability of each completion token
	Sketches   []uint32  // hidden-state sketch of each completion position
	Reward     float32
	Advantage  float32
	Signature  [65]byte
}

// Limits bound what a decoder accepts.
type Limits struct {
	MaxPrompt     int
	MaxCompletion int
}

// DefaultLimits are protocol v1's record limits.
var DefaultLimits = Limits{MaxPrompt: 4096, MaxCompletion: 4096}

// Errors of decoding and signing.
var (
	ErrEncoding = errors.New("proofs: malformed record encoding")
)

// recordFixed is a record encoding's size apart from its tokens: the body's
// fixed fields and the signature.
const recordFixed = 2 + 8 + 20 + 8 + 4 + 32 + 4 + 4 + 8 + 65

// MaxRecordBytes is the largest record encoding a window with parameters p
// admits (prompt and completion at their caps).
func MaxRecordBytes(p Params) int { return recordFixed + 4*p.Limits.MaxPrompt + 12*p.MaxNewTokens }

// Body is the canonical encoding without the signature.
func (r *Record) Body() []byte {
	n := recordFixed - 65 + 4*len(r.Prompt) + 12*len(r.Completion)
	b := make([]byte, 0, n)
	b = binary.BigEndian.AppendUint16(b, r.Version)
	b = binary.BigEndian.AppendUint64(b, r.Window)
	b = append(b, r.Miner[:]...)
	b = binary.BigEndian.AppendUint64(b, r.Problem)
	b = binary.BigEndian.AppendUint32(b, r.Rollout)
	b = append(b, r.ModelID[:]...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(r.Prompt)))
	for _, t := range r.Prompt {
		b = binary.BigEndian.AppendUint32(b, t)
	}
	b = binary.BigEndian.AppendUint32(b, uint32(len(r.Completion)))
	for _, t := range r.Completion {
		b = binary.BigEndian.AppendUint32(b, t)
	}
	for _, f := range r.LogProbs {
		b = binary.BigEndian.AppendUint32(b, math.Float32bits(f))
	}
	for _, s := range r.Sketches {
		b = binary.BigEndian.AppendUint32(b, s)
	}
	b = binary.BigEndian.AppendUint32(b, math.Float32bits(r.Reward))
	b = binary.BigEndian.AppendUint32(b, math.Float32bits(r.Advantage))
	return b
}

// Encode is the full canonical encoding, signature last.
func (r *Record) Encode() []byte { return append(r.Body(), r.Signature[:]...) }

// Hash is H(record) over the full encoding.
func (r *Record) Hash() [32]byte { return sha256.Sum256(r.Encode()) }

// SigningHash is SHA-256("assay/record/v1" || body).
func (r *Record) SigningHash() [32]byte {
	return sha256.Sum256(append([]byte("assay/record/v1"), r.Body()...))
}

// Sign fills the signature with key (the miner's address must match it).
func (r *Record) Sign(key *ecdsa.PrivateKey) error {
	if crypto.PubkeyToAddress(key.PublicKey) != r.Miner {
		return fmt.Errorf("proofs: signing key is not the record's miner %s", r.Miner)
	}
	h := r.SigningHash()
	sig, err := crypto.Sign(h[:], key)
	if err != nil {
		return err
	}
	copy(r.Signature[:], sig)
	return nil
}

// Signer recovers the address that signed the record.
func (r *Record) Signer() (common.Address, error) {
	h := r.SigningHash()
	return recoverAddress(h, r.Signature)
}

func recoverAddress(h [32]byte, sig [65]byte) (common.Address, error) {
	r := new(big.Int).SetBytes(sig[:32])
	s := new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64], r, s, true) {
		return common.Address{}, fmt.Errorf("%w: signature values out of range or high S", ErrSignature)
	}
	pub, err := crypto.SigToPub(h[:], sig[:])
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// Decode parses one record strictly.
func Decode(b []byte, lim Limits) (*Record, error) {
	d := decoder{b: b}
	r := &Record{}
	r.Version = d.u16()
	r.Window = d.u64()
	copy(r.Miner[:], d.take(20))
	r.Problem = d.u64()
	r.Rollout = d.u32()
	copy(r.ModelID[:], d.take(32))
	np := d.u32()
	if d.err == nil && int(np) > lim.MaxPrompt {
		return nil, fmt.Errorf("%w: prompt of %d tokens exceeds %d", ErrEncoding, np, lim.MaxPrompt)
	}
	r.Prompt = d.u32s(int(np))
	nc := d.u32()
	if d.err == nil && int(nc) > lim.MaxCompletion {
		return nil, fmt.Errorf("%w: completion of %d tokens exceeds %d", ErrEncoding, nc, lim.MaxCompletion)
	}
	r.Completion = d.u32s(int(nc))
	lp := d.u32s(int(nc))
	r.LogProbs = make([]float32, len(lp))
	for i, v := range lp {
		r.LogProbs[i] = math.Float32frombits(v)
	}
	r.Sketches = d.u32s(int(nc))
	r.Reward = math.Float32frombits(d.u32())
	r.Advantage = math.Float32frombits(d.u32())
	copy(r.Signature[:], d.take(65))
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrEncoding, len(d.b))
	}
	if err := r.checkFloats(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Record) checkFloats() error {
	bad := func(f float32) bool { return math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) }
	for i, f := range r.LogProbs {
		if bad(f) || f > 0 {
			return fmt.Errorf("%w: logprob %d is %v", ErrEncoding, i, f)
		}
	}
	if bad(r.Reward) || bad(r.Advantage) {
		return fmt.Errorf("%w: reward %v / advantage %v not finite", ErrEncoding, r.Reward, r.Advantage)
	}
	return nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return make([]byte, n)
	}
	if n < 0 || len(d.b) < n {
		d.err = fmt.Errorf("%w: truncated (need %d bytes, have %d)", ErrEncoding, n, len(d.b))
		return make([]byte, max(n, 0))
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}
func (d *decoder) u16() uint16 { return binary.BigEndian.Uint16(d.take(2)) }
func (d *decoder) u32() uint32 { return binary.BigEndian.Uint32(d.take(4)) }
func (d *decoder) u64() uint64 { return binary.BigEndian.Uint64(d.take(8)) }
func (d *decoder) u32s(n int) []uint32 {
	if d.err != nil || n*4 > len(d.b) {
		d.take(n * 4)
		return nil
	}
	raw := d.take(4 * n)
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.BigEndian.Uint32(raw[4*i:])
	}
	return out
}

// Equal reports byte equality of two records.
func (r *Record) Equal(o *Record) bool { return bytes.Equal(r.Encode(), o.Encode()) }
