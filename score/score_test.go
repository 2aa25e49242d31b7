package score

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/proofs"
)

func TestAssignWeights(t *testing.T) {
	ms := []MinerResult{{Score: 2}, {Score: 1}, {Score: 1}, {Score: 0}}
	Assign(ms)
	// 16:1:1 of 65535 → 58253, 3640, 3640 (+2 remainder to the top).
	if ms[0].Weight != 58255 || ms[1].Weight != 3640 || ms[2].Weight != 3640 || ms[3].Weight != 0 {
		t.Fatalf("weights %v", ms)
	}
	zero := []MinerResult{{}, {}}
	Assign(zero)
	if zero[0].Weight != 0 {
		t.Fatal("all-zero scores")
	}
	if u, w := (&Decision{Miners: zero}).Weights(); len(u) != 0 || len(w) != 0 {
		t.Fatalf("all-zero decision posts %v %v", u, w)
	}
}

// TestPostBounded: however many miners score, a post carries at most
// MaxPosted weights (the highest scores, lowest uid on ties), only nonzero
// ones, summing to 65535 — under version 1 a post named every miner and
// outgrew the 128 KiB transaction limit at ~2,044 neurons.
func TestPostBounded(t *testing.T) {
	const n = 3000
	ms := make([]MinerResult, n)
	for i := range ms {
		ms[i] = MinerResult{UID: uint32(i), Score: uint64(1 + i%5)}
	}
	Assign(ms)
	uids, weights := (&Decision{Miners: ms}).Weights()
	if len(uids) == 0 || len(uids) > MaxPosted {
		t.Fatalf("%d weights posted for %d scoring miners, bound %d", len(uids), n, MaxPosted)
	}
	sum, minPosted := 0, uint64(1<<63)
	posted := map[uint32]bool{}
	for i, u := range uids {
		if weights[i] == 0 || (i > 0 && u <= uids[i-1]) {
			t.Fatalf("entry %d: uid %d weight %d (zero, or uids not increasing)", i, u, weights[i])
		}
		sum += int(weights[i])
		posted[u] = true
		minPosted = min(minPosted, ms[u].Score)
	}
	if sum != WeightScale {
		t.Fatalf("weights sum to %d", sum)
	}
	for _, m := range ms {
		if !posted[m.UID] && m.Score > minPosted {
			t.Fatalf("uid %d (score %d) left out while a score of %d is posted", m.UID, m.Score, minPosted)
		}
	}
	// ABI calldata: two dynamic arrays of 32-byte words and their heads.
	if bytes := 4 + 32*3 + 64*len(uids) + 64; bytes > 128<<10 {
		t.Fatalf("a post of %d entries is %d bytes of calldata", len(uids), bytes)
	}
}

func TestShared(t *testing.T) {
	set := func(ids ...byte) map[[32]byte]bool {
		m := map[[32]byte]bool{}
		for _, i := range ids {
			m[[32]byte{i}] = true
		}
		return m
	}
	got := Shared([]map[[32]byte]bool{
		set(1, 2, 3),
		set(1, 11),
		set(21, 22), // independent
		nil,         // failed miner: not compared
		set(31, 2, 1),
	})
	want := []map[[32]byte]bool{set(1, 2), set(1), nil, nil, set(1, 2)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("shared %v, want %v", got, want)
	}
}

// TestReadFileHeaderFirst: a file signed for one miner and window, served
// to a validator judging another, is refused from its header, before any
// of its (here ~50 MB of) records is inflated — one static file cannot
// cost every sybil's validator its decompression.
func TestReadFileHeaderFirst(t *testing.T) {
	k, _ := crypto.ToECDSA(bytes.Repeat([]byte{1}, 32))
	miner := crypto.PubkeyToAddress(k.PublicKey)
	rec := &proofs.Record{Version: proofs.Version, Window: 5, Miner: miner, Prompt: make([]uint32, 4096),
		Completion: []uint32{1}, LogProbs: []float32{-1}, Sketches: []uint32{0}}
	if err := rec.Sign(k); err != nil {
		t.Fatal(err)
	}
	recs := make([]*proofs.Record, 3000)
	for i := range recs {
		recs[i] = rec
	}
	var buf bytes.Buffer
	if err := proofs.EncodeWindowFileUnchecked(&buf, k, 5, recs); err != nil {
		t.Fatal(err)
	}
	p := proofs.DefaultParams
	for _, tt := range []struct {
		name   string
		window uint64
		miner  [20]byte
	}{
		{"another miner", 5, [20]byte{1}},
		{"another window", 6, miner},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := ReadFile(buf.Bytes(), tt.window, tt.miner, p)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, proofs.ErrFile) {
			t.Fatalf("%s: %v, want a window-file failure", tt.name, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
			t.Fatalf("%s: %d bytes allocated for a %d-byte file refused by its header", tt.name, alloc, buf.Len())
		}
	}
	// The right miner and window: the records are read.
	if got, err := ReadFile(buf.Bytes(), 5, miner, p); err != nil || len(got) != len(recs) {
		t.Fatalf("own file: %d records, %v", len(got), err)
	}
}
