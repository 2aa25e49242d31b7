package validator

import (
	"bytes"
	"errors"
	"runtime"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/proofs"
)

// TestReadFileHeaderFirst: a file signed for one miner and window, served
// to a validator judging another, is refused from its header, before any
// of its (here ~50 MB of) records is inflated — one static file cannot
// cost every sybil's validator its decompression.
func TestReadFileHeaderFirst(t *testing.T) {
	k := key(0)
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
	p := testNetwork([32]byte{}).Proofs
	for _, tt := range []struct {
		name   string
		window uint64
		miner  [20]byte
	}{
		{"another miner", 5, crypto.PubkeyToAddress(key(1).PublicKey)},
		{"another window", 6, miner},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := readFile(buf.Bytes(), tt.window, tt.miner, p)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, proofs.ErrFile) {
			t.Fatalf("%s: %v, want a window-file failure", tt.name, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
			t.Fatalf("%s: %d bytes allocated for a %d-byte file refused by its header", tt.name, alloc, buf.Len())
		}
	}
	// The right miner and window: the records are read.
	if got, err := readFile(buf.Bytes(), 5, miner, p); err != nil || len(got) != len(recs) {
		t.Fatalf("own file: %d records, %v", len(got), err)
	}
}
