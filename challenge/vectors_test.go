package challenge

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assaynet/assay/beacon"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

// Vectors is the published test-vector file (testdata/vectors.json), mirrored
// in docs/protocol.md. A second implementation checks itself against it.
type Vectors struct {
	PRF     []PRFVector     `json:"prf"`
	Stream  []StreamVector  `json:"stream"`
	Seeds   []SeedVector    `json:"seeds"`
	Problem []ProblemVector `json:"problem_seeds"`
}

type PRFVector struct {
	Label string   `json:"label"`
	Parts []string `json:"parts_hex"`
	N     int      `json:"n"`
	Out   string   `json:"out_hex"`
}

type StreamVector struct {
	Key     string    `json:"key_hex"`
	Uint64  []string  `json:"first_uint64"`
	Below10 []uint64  `json:"below_10_after"`
	Float64 []float64 `json:"float64_after"`
}

type SeedVector struct {
	Kind       string `json:"kind"`
	ChainID    uint64 `json:"chain_id"`
	Contract   string `json:"contract_hex"`
	Window     uint64 `json:"window"`
	W          uint64 `json:"window_length"`
	Grace      uint64 `json:"submit_grace"`
	Delay      uint64 `json:"beacon_delay"`
	Genesis    int64  `json:"beacon_genesis"`
	Period     int64  `json:"beacon_period"`
	Block      uint64 `json:"block"`
	BlockHash  string `json:"block_hash_hex"`
	BlockTime  uint64 `json:"block_time"`
	Round      uint64 `json:"beacon_round"`
	Randomness string `json:"beacon_randomness_hex"`
	Seed       string `json:"seed_hex"`
}

type ProblemVector struct {
	WindowSeed string `json:"window_seed_hex"`
	Miner      string `json:"miner_hex"`
	J          uint64 `json:"j"`
	Seed       string `json:"problem_seed_hex"`
}

func h(b []byte) string { return hex.EncodeToString(b) }

// vectorBlocks places the window's first block and its opening block so
// that, after the beacon delay, their rounds are the two recorded quicknet
// rounds: the vectors use real beacons. The first block's time plus the
// delay falls 1 s before round 5928395's time (so that round is the first
// strictly after it), the opening block's exactly on round 12040882's (the
// boundary: that round is not strictly after, the next one is).
func vectorSetup(t testing.TB) (Params, StaticBlocks, *beacon.Recorded) {
	rec, err := beacon.LoadRecorded(filepath.Join("testdata", "quicknet-beacons.json"))
	if err != nil {
		t.Fatal(err)
	}
	n := Params{ChainID: 31337, WindowLength: 30, SubmitGrace: 5, BeaconChain: rec.Chain().Hash(), BeaconDelay: 12}
	for i := range n.Contract {
		n.Contract[i] = byte(0xa0 + i)
	}
	w := uint64(7)
	blocks := StaticBlocks{
		n.FirstBlock(w):   {Number: n.FirstBlock(w), Hash: PRF32("vector/block", U64(n.FirstBlock(w))), Time: uint64(rec.Chain().TimeOf(5928395)) - 12 - 1},
		n.OpeningBlock(w): {Number: n.OpeningBlock(w), Hash: PRF32("vector/block", U64(n.OpeningBlock(w))), Time: uint64(rec.Chain().TimeOf(12040882)) - 12},
	}
	return n, blocks, rec
}

func buildVectors(t testing.TB) Vectors {
	var v Vectors
	prfCases := []struct {
		label string
		parts [][]byte
		n     int
	}{
		{"problem", nil, 32},
		{"problem", [][]byte{{}}, 32},
		{"problem", [][]byte{[]byte("ab"), []byte("c")}, 32},
		{"problem", [][]byte{[]byte("a"), []byte("bc")}, 32},
		{"sketch", [][]byte{make([]byte, 32)}, 80},
		{"token", [][]byte{U64(1), U64(2)}, 7},
	}
	for _, c := range prfCases {
		pv := PRFVector{Label: c.label, N: c.n, Out: h(PRF(c.label, c.n, c.parts...)), Parts: []string{}}
		for _, p := range c.parts {
			pv.Parts = append(pv.Parts, h(p))
		}
		v.PRF = append(v.PRF, pv)
	}
	for _, label := range []string{"vector/stream/0", "vector/stream/1"} {
		key := PRF32(label)
		s := NewStream(key)
		sv := StreamVector{Key: h(key[:])}
		for i := 0; i < 4; i++ {
			sv.Uint64 = append(sv.Uint64, fmt.Sprintf("%016x", s.Uint64()))
		}
		for i := 0; i < 6; i++ {
			sv.Below10 = append(sv.Below10, s.Below(10))
		}
		for i := 0; i < 2; i++ {
			sv.Float64 = append(sv.Float64, s.Float64())
		}
		v.Stream = append(v.Stream, sv)
	}
	n, blocks, rec := vectorSetup(t)
	ctx := context.Background()
	for _, kind := range []string{"window", "open"} {
		var s Seed
		var err error
		if kind == "window" {
			s, err = WindowSeed(ctx, n, blocks, rec, 7)
		} else {
			s, err = OpeningSeed(ctx, n, blocks, rec, 7)
		}
		if err != nil {
			t.Fatal(err)
		}
		v.Seeds = append(v.Seeds, SeedVector{
			Kind: kind, ChainID: n.ChainID, Contract: h(n.Contract[:]), Window: 7, W: n.WindowLength, Grace: n.SubmitGrace,
			Delay: n.BeaconDelay, Genesis: rec.Chain().Genesis(), Period: int64(rec.Chain().Period() / time.Second),
			Block: s.Block.Number, BlockHash: h(s.Block.Hash[:]), BlockTime: s.Block.Time,
			Round: s.Round, Randomness: h(s.Randomness[:]), Seed: h(s.Value[:]),
		})
	}
	ws, _ := hex.DecodeString(v.Seeds[0].Seed)
	var miner [20]byte
	for i := range miner {
		miner[i] = byte(i + 1)
	}
	for _, j := range []uint64{0, 1, 15, 1 << 40} {
		ps := ProblemSeed([32]byte(ws), miner, j)
		v.Problem = append(v.Problem, ProblemVector{WindowSeed: h(ws), Miner: h(miner[:]), J: j, Seed: h(ps[:])})
	}
	return v
}

func TestVectors(t *testing.T) {
	got := buildVectors(t)
	path := filepath.Join("testdata", "vectors.json")
	if *update {
		js, _ := json.MarshalIndent(got, "", " ")
		if err := os.WriteFile(path, append(js, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./challenge -update to create it)", err)
	}
	var want Vectors
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Fatalf("derived vectors differ from testdata/vectors.json:\n got %s\nwant %s", gj, wj)
	}
}

// TestPRFIndependentOfSplitting pins the property the length prefixes buy:
// moving bytes across a part boundary changes the output.
func TestPRFIndependentOfSplitting(t *testing.T) {
	a := PRF("x", 32, []byte("ab"), []byte("c"))
	b := PRF("x", 32, []byte("a"), []byte("bc"))
	c := PRF("xa", 32, []byte("b"), []byte("c"))
	if string(a) == string(b) || string(a) == string(c) {
		t.Fatal("PRF ambiguous under re-splitting")
	}
	long := PRF("x", 100, []byte("p"))
	short := PRF("x", 32, []byte("p"))
	if string(long[:32]) != string(short) {
		t.Fatal("PRF prefix property broken")
	}
}

// TestDocsCarryVectors keeps docs/protocol.md true: every output value of
// the vector file must appear in it.
func TestDocsCarryVectors(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "protocol.md"))
	if err != nil {
		t.Fatal(err)
	}
	v := buildVectors(t)
	var want []string
	for _, p := range v.PRF {
		want = append(want, p.Out)
	}
	for _, s := range v.Seeds {
		want = append(want, s.Seed, s.Randomness)
	}
	for _, p := range v.Problem {
		want = append(want, p.Seed)
	}
	for _, s := range v.Stream {
		want = append(want, s.Uint64...)
	}
	for _, w := range want {
		if !strings.Contains(string(doc), w) {
			t.Errorf("docs/protocol.md lacks vector %s (regenerate with python3 scripts/vectors_md.py)", w)
		}
	}
}
