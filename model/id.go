package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"sort"
	"strings"
)

// ID is a model's identity: SHA-256 over a canonical serialization of the
// configuration and every tensor the architecture uses.
type ID [32]byte

// String is the 64-hex form.
func (id ID) String() string { return hex.EncodeToString(id[:]) }

// canonicalConfig lists, in a fixed order, the configuration fields the
// forward pass depends on. Cosmetic config.json fields do not enter the id.
type canonicalConfig struct {
	Arch             Arch         `json:"arch"`
	HiddenSize       int          `json:"hidden_size"`
	Layers           int          `json:"layers"`
	Heads            int          `json:"heads"`
	KVHeads          int          `json:"kv_heads"`
	HeadDim          int          `json:"head_dim"`
	IntermediateSize int          `json:"intermediate_size"`
	VocabSize        int          `json:"vocab_size"`
	MaxPositions     int          `json:"max_positions"`
	RMSNormEps       float64      `json:"rms_norm_eps"`
	RopeTheta        float64      `json:"rope_theta"`
	RopeScaling      *RopeScaling `json:"rope_scaling"`
	QKVBias          bool         `json:"qkv_bias"`
}

// ModelID computes the id:
//
//	H( "assay/model/v1" || len32(C) || C || for each tensor name N in sorted
//	   order: len32(N) || N || len32(dtype) || dtype || uint32be(ndim) ||
//	   uint64be(dim)... || uint64be(len(bytes)) || bytes )
//
// where C is the canonical JSON of the configuration and the tensors are the
// ones the architecture uses (aliases resolved: a tied lm_head hashes the
// embedding bytes under its own name). Sharding and storage layout do not
// change the id; dtype and every weight byte do.
func (c *Checkpoint) ModelID() ID {
	h := sha256.New()
	h.Write([]byte("assay/model/v1"))
	cc := canonicalConfig{
		Arch: c.Config.Arch, HiddenSize: c.Config.HiddenSize, Layers: c.Config.Layers, Heads: c.Config.Heads,
		KVHeads: c.Config.KVHeads, HeadDim: c.Config.HeadDim, IntermediateSize: c.Config.IntermediateSize,
		VocabSize: c.Config.VocabSize, MaxPositions: c.Config.MaxPositions, RMSNormEps: c.Config.RMSNormEps,
		RopeTheta: c.Config.RopeTheta, QKVBias: c.Config.QKVBias(),
	}
	if rs := c.Config.RopeScaling; rs != nil && rs.Type == "llama3" {
		cc.RopeScaling = rs
	}
	js, _ := json.Marshal(cc)
	writeLP(h, js)
	names := make([]string, 0)
	for n := range c.Config.expected() {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf [8]byte
	for _, n := range names {
		t, _ := c.Tensor(n)
		writeLP(h, []byte(n))
		writeLP(h, []byte(t.DType))
		binary.BigEndian.PutUint32(buf[:4], uint32(len(t.Shape)))
		h.Write(buf[:4])
		for _, d := range t.Shape {
			binary.BigEndian.PutUint64(buf[:], uint64(d))
			h.Write(buf[:])
		}
		binary.BigEndian.PutUint64(buf[:], uint64(len(t.Data)))
		h.Write(buf[:])
		h.Write(t.Data)
	}
	return ID(h.Sum(nil))
}

func writeLP(h hash.Hash, b []byte) {
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(b)))
	h.Write(l[:])
	h.Write(b)
}

// ParseID reads a model id written as 64 hex digits (a 0x prefix allowed).
func ParseID(s string) (ID, error) {
	var id ID
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(b) != len(id) {
		return id, fmt.Errorf("model id %q: want 64 hex digits", s)
	}
	copy(id[:], b)
	return id, nil
}
