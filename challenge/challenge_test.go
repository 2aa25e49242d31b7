package challenge

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/assaynet/assay/beacon"
)

func TestBelowUniformAndBounded(t *testing.T) {
	s := NewStream(PRF32("test/below"))
	for _, n := range []uint64{1, 2, 3, 7, 10, 1000, 1<<63 + 5} {
		for i := 0; i < 2000; i++ {
			if v := s.Below(n); v >= n {
				t.Fatalf("Below(%d) = %d", n, v)
			}
		}
	}
	// A coarse uniformity check: 60k draws over 6 buckets, each within 5% of 10k.
	var counts [6]int
	for i := 0; i < 60000; i++ {
		counts[s.Below(6)]++
	}
	for b, c := range counts {
		if c < 9500 || c > 10500 {
			t.Fatalf("bucket %d has %d of 60000", b, c)
		}
	}
	for i := 0; i < 1000; i++ {
		if v := s.Range(-3, 3); v < -3 || v > 3 {
			t.Fatalf("Range(-3,3) = %d", v)
		}
		if f := s.Float64(); f < 0 || f >= 1 {
			t.Fatalf("Float64 = %v", f)
		}
	}
}

func TestWindowMath(t *testing.T) {
	n := Params{WindowLength: 30, SubmitGrace: 3}
	tests := []struct{ block, window uint64 }{{0, 0}, {29, 0}, {30, 1}, {899, 29}}
	for _, tt := range tests {
		if got := n.WindowOf(tt.block); got != tt.window {
			t.Errorf("WindowOf(%d) = %d, want %d", tt.block, got, tt.window)
		}
	}
	if n.FirstBlock(2) != 60 || n.DeadlineBlock(2) != 90 || n.OpeningBlock(2) != 93 {
		t.Fatalf("window 2 blocks: %d %d %d", n.FirstBlock(2), n.DeadlineBlock(2), n.OpeningBlock(2))
	}
	if err := (Params{WindowLength: 0, SubmitGrace: 1}).Validate(); !errors.Is(err, ErrBadParams) {
		t.Fatal("W=0 accepted")
	}
	if err := (Params{WindowLength: 3}).Validate(); !errors.Is(err, ErrBadParams) {
		t.Fatal("grace 0 accepted")
	}
}

func TestSeedErrors(t *testing.T) {
	ctx := context.Background()
	n, blocks, rec := vectorSetup(t)

	t.Run("beacon from another chain", func(t *testing.T) {
		other := n
		other.BeaconChain[0] ^= 1
		if _, err := WindowSeed(ctx, other, blocks, rec, 7); !errors.Is(err, ErrWrongBeaconChain) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("missing block", func(t *testing.T) {
		if _, err := WindowSeed(ctx, n, blocks, rec, 8); !errors.Is(err, ErrNoBlock) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("block before beacon genesis", func(t *testing.T) {
		early := StaticBlocks{210: {Number: 210, Time: 1000}}
		if _, err := WindowSeed(ctx, n, early, rec, 7); !errors.Is(err, ErrBeforeGenesis) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("round not recorded", func(t *testing.T) {
		b := blocks[n.FirstBlock(7)]
		b.Time += 60
		if _, err := WindowSeed(ctx, n, StaticBlocks{b.Number: b}, rec, 7); err == nil {
			t.Fatal("seed derived without a beacon")
		}
	})
	t.Run("future round on local beacon", func(t *testing.T) {
		genesis := int64(1_700_000_000)
		l, _ := beacon.NewLocal(beacon.LocalConfig{Secret: []byte("s"), Genesis: genesis, Period: time.Second,
			Now: func() time.Time { return time.Unix(genesis+100, 0) }})
		ln := n
		ln.BeaconChain = l.Chain().Hash()
		dev := DevBlocks{Genesis: uint64(genesis), Interval: 2}
		if _, err := WindowSeed(ctx, ln, dev, l, 1); err != nil { // block 30 at +60 s: in the past
			t.Fatal(err)
		}
		if _, err := WindowSeed(ctx, ln, dev, l, 2); !errors.Is(err, beacon.ErrFutureRound) { // +120 s
			t.Fatalf("err %v", err)
		}
	})
}

func TestSeedsDiffer(t *testing.T) {
	ctx := context.Background()
	n, blocks, rec := vectorSetup(t)
	s, _ := WindowSeed(ctx, n, blocks, rec, 7)
	o, _ := OpeningSeed(ctx, n, blocks, rec, 7)
	if s.Value == o.Value {
		t.Fatal("window and opening seeds coincide")
	}
	other := n
	other.ChainID++
	s2, _ := WindowSeed(ctx, other, blocks, rec, 7)
	if s2.Value == s.Value {
		t.Fatal("seed ignores chain id")
	}
}

// TestBeaconRound pins the version-3 round rule: the first round scheduled
// strictly after the block's timestamp plus the delay, at and around a
// round's boundary, and no round before genesis.
func TestBeaconRound(t *testing.T) {
	_, _, rec := vectorSetup(t)
	c := rec.Chain()
	g, r0 := uint64(c.Genesis()), uint64(1000)
	at := uint64(c.TimeOf(r0)) // round r0's scheduled time
	tests := []struct {
		name  string
		t     uint64
		delay uint64
		want  uint64
	}{
		{"on a round's time", at, 0, r0 + 1},
		{"a second before it", at - 1, 0, r0},
		{"a second after it", at + 1, 0, r0 + 1},
		{"delay crosses a round", at - 1, 1, r0 + 1},
		{"delay of 12 s (4 quicknet rounds)", at, 12, r0 + 5},
		{"at genesis", g, 0, 2},
		{"before genesis", g - 1, 0, 0},
		{"before genesis, delayed past it", g - 1, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Params{BeaconDelay: tt.delay}
			got := n.BeaconRound(c, tt.t)
			if got != tt.want {
				t.Fatalf("BeaconRound(t=%d, D=%d) = %d, want %d", tt.t, tt.delay, got, tt.want)
			}
			if got != 0 && uint64(c.TimeOf(got)) <= tt.t+tt.delay {
				t.Fatalf("round %d at %d is not after %d", got, c.TimeOf(got), tt.t+tt.delay)
			}
		})
	}
}
