package beacon

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type fixtureBeacon struct {
	Round      uint64 `json:"round"`
	Randomness string `json:"randomness"`
	Signature  string `json:"signature"`
	Previous   string `json:"previous_signature,omitempty"`
}

type fixture struct {
	Chain   string          `json:"chain"`
	Info    json.RawMessage `json:"info"`
	Beacons []fixtureBeacon `json:"beacons"`
}

func loadFixture(t testing.TB, name string) fixture {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i%len(c)] ^= 0x01
	return c
}

// TestRecordedBeacons verifies real beacons of the public chains and checks
// that every tampered twin (flipped signature bit, wrong round, wrong
// previous signature on a chained scheme, other chain's key) fails.
func TestRecordedBeacons(t *testing.T) {
	for _, name := range []string{"quicknet", "default"} {
		f := loadFixture(t, name)
		chain, err := ParseChainInfo(f.Info)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		known, err := KnownChain(name)
		if err != nil {
			t.Fatal(err)
		}
		if known.Hash() != chain.Hash() {
			t.Fatalf("%s: built-in chain info differs from fixture", name)
		}
		other, _ := KnownChain(map[string]string{"quicknet": "default", "default": "quicknet"}[name])
		for _, b := range f.Beacons {
			sig := mustHex(t, b.Signature)
			prev := mustHex(t, b.Previous)
			t.Run(fmt.Sprintf("%s/%d", name, b.Round), func(t *testing.T) {
				v, err := chain.Verify(b.Round, sig, prev)
				if err != nil {
					t.Fatalf("real beacon rejected: %v", err)
				}
				if got := hex.EncodeToString(v.Randomness[:]); got != b.Randomness {
					t.Fatalf("randomness %s, want %s", got, b.Randomness)
				}
				bad := []struct {
					name  string
					round uint64
					sig   []byte
					prev  []byte
					on    *Chain
					want  error
				}{
					{"flipped first byte", b.Round, flip(sig, 1), prev, chain, ErrUnverified},
					{"flipped last byte", b.Round, flip(sig, len(sig)-1), prev, chain, ErrUnverified},
					{"next round", b.Round + 1, sig, prev, chain, ErrUnverified},
					{"previous round", b.Round - 1, sig, prev, chain, ErrUnverified},
					{"truncated", b.Round, sig[:len(sig)-1], prev, chain, ErrMalformed},
					{"other chain", b.Round, sig, prev, other, nil},
					{"round zero", 0, sig, prev, chain, ErrMalformed},
				}
				if len(prev) > 0 {
					bad = append(bad, struct {
						name  string
						round uint64
						sig   []byte
						prev  []byte
						on    *Chain
						want  error
					}{"tampered previous", b.Round, sig, flip(prev, 5), chain, ErrUnverified})
				}
				for _, c := range bad {
					_, err := c.on.Verify(c.round, c.sig, c.prev)
					if err == nil {
						t.Errorf("%s: accepted", c.name)
						continue
					}
					if c.want != nil && !errors.Is(err, c.want) {
						t.Errorf("%s: error %v, want %v", c.name, err, c.want)
					}
				}
			})
		}
	}
}

func TestVerifyJSON(t *testing.T) {
	f := loadFixture(t, "quicknet")
	chain, _ := ParseChainInfo(f.Info)
	b := f.Beacons[0]
	good := fmt.Sprintf(`{"round":%d,"randomness":"%s","signature":"%s"}`, b.Round, b.Randomness, b.Signature)
	if _, err := chain.VerifyJSON([]byte(good)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, doc string
		want      error
	}{
		{"randomness not hash of signature", strings.Replace(good, b.Randomness[:4], "ffff", 1), ErrUnverified},
		{"bad hex", strings.Replace(good, b.Signature[:2], "zz", 1), ErrMalformed},
		{"truncated json", good[:len(good)-10], ErrMalformed},
		{"empty", ``, ErrMalformed},
		{"short randomness", strings.Replace(good, b.Randomness, "abcd", 1), ErrMalformed},
	}
	for _, c := range cases {
		_, err := chain.VerifyJSON([]byte(c.doc))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err %v, want %v", c.name, err, c.want)
		}
	}
}

func TestRoundTime(t *testing.T) {
	q, _ := KnownChain("quicknet")
	tests := []struct {
		unix  int64
		round uint64
	}{
		{1692803366, 0},
		{1692803367, 1},
		{1692803369, 1},
		{1692803370, 2},
		{1692803367 + 3*12040882, 12040883},
	}
	for _, tt := range tests {
		if got := q.RoundAt(tt.unix); got != tt.round {
			t.Errorf("RoundAt(%d) = %d, want %d", tt.unix, got, tt.round)
		}
		if tt.round > 0 {
			if got := q.TimeOf(tt.round); got > tt.unix || tt.unix-got >= 3 {
				t.Errorf("TimeOf(%d) = %d, not within the period before %d", tt.round, got, tt.unix)
			}
		}
	}
}

func TestKnownChainByHash(t *testing.T) {
	c, err := KnownChain("52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971")
	if err != nil || c.Scheme() != "bls-unchained-g1-rfc9380" {
		t.Fatalf("by hash: %v %v", c, err)
	}
	if _, err := KnownChain("fastnet"); !errors.Is(err, ErrUnknownChain) {
		t.Fatalf("unknown chain: %v", err)
	}
}

func TestParseChainInfoRejectsWrongHash(t *testing.T) {
	f := loadFixture(t, "quicknet")
	bad := strings.Replace(string(f.Info), "52db9ba7", "52db9ba8", 1)
	if _, err := ParseChainInfo([]byte(bad)); !errors.Is(err, ErrMalformed) {
		t.Fatalf("lying chain hash accepted: %v", err)
	}
}

// relay serves recorded beacons; tamper modifies each answer.
func relay(t *testing.T, f fixture, tamper func(fixtureBeacon) fixtureBeacon) *httptest.Server {
	chain, _ := ParseChainInfo(f.Info)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, b := range f.Beacons {
			if r.URL.Path == fmt.Sprintf("/%s/public/%d", chain.HashHex(), b.Round) {
				if tamper != nil {
					b = tamper(b)
				}
				_ = json.NewEncoder(w).Encode(b)
				return
			}
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestHTTP(t *testing.T) {
	f := loadFixture(t, "quicknet")
	chain, _ := ParseChainInfo(f.Info)
	b := f.Beacons[0]
	now := func() time.Time { return time.Unix(chain.TimeOf(b.Round)+1, 0) }
	good := relay(t, f, nil)
	forged := relay(t, f, func(fb fixtureBeacon) fixtureBeacon {
		fb.Signature = hex.EncodeToString(flip(mustHex(t, fb.Signature), 3))
		return fb
	})
	otherRound := relay(t, f, func(fb fixtureBeacon) fixtureBeacon { return f.Beacons[1] })
	ctx := context.Background()

	t.Run("forged relay then honest relay", func(t *testing.T) {
		h, _ := NewHTTP(HTTPConfig{Chain: chain, Relays: []string{forged.URL, good.URL}, Now: now})
		v, err := h.Round(ctx, b.Round)
		if err != nil {
			t.Fatal(err)
		}
		if hex.EncodeToString(v.Randomness[:]) != b.Randomness {
			t.Fatal("wrong randomness")
		}
	})
	t.Run("only forged relays", func(t *testing.T) {
		h, _ := NewHTTP(HTTPConfig{Chain: chain, Relays: []string{forged.URL}, Now: now})
		if _, err := h.Round(ctx, b.Round); !errors.Is(err, ErrUnverified) {
			t.Fatalf("err %v, want ErrUnverified", err)
		}
	})
	t.Run("relay answers another round", func(t *testing.T) {
		h, _ := NewHTTP(HTTPConfig{Chain: chain, Relays: []string{otherRound.URL}, Now: now})
		if _, err := h.Round(ctx, b.Round); !errors.Is(err, ErrWrongRound) {
			t.Fatalf("err %v, want ErrWrongRound", err)
		}
	})
	t.Run("future round", func(t *testing.T) {
		h, _ := NewHTTP(HTTPConfig{Chain: chain, Relays: []string{good.URL}, Now: now})
		if _, err := h.Round(ctx, b.Round+2); !errors.Is(err, ErrFutureRound) {
			t.Fatalf("err %v, want ErrFutureRound", err)
		}
	})
	t.Run("relay down", func(t *testing.T) {
		h, _ := NewHTTP(HTTPConfig{Chain: chain, Relays: []string{"http://127.0.0.1:1"}, Now: now})
		if _, err := h.Round(ctx, b.Round); err == nil {
			t.Fatal("no error from a dead relay")
		}
	})
	t.Run("no chain", func(t *testing.T) {
		if _, err := NewHTTP(HTTPConfig{}); err == nil {
			t.Fatal("client without a root of trust")
		}
	})
}

func TestLocal(t *testing.T) {
	genesis := int64(1_700_000_000)
	clock := time.Unix(genesis+10, 0)
	l, err := NewLocal(LocalConfig{Secret: []byte("test"), Genesis: genesis, Period: 2 * time.Second,
		Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	v, err := l.Round(ctx, 6)
	if err != nil {
		t.Fatal(err)
	}
	// The same chain info, published as JSON, verifies the round elsewhere.
	js, err := l.Chain().InfoJSON()
	if err != nil {
		t.Fatal(err)
	}
	other, err := ParseChainInfo(js)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Verify(6, v.Signature, nil); err != nil {
		t.Fatalf("published local chain does not verify its own round: %v", err)
	}
	if _, err := other.Verify(7, v.Signature, nil); !errors.Is(err, ErrUnverified) {
		t.Fatalf("round 6 signature accepted for round 7: %v", err)
	}
	if _, err := l.Round(ctx, 7); !errors.Is(err, ErrFutureRound) {
		t.Fatalf("future round: %v", err)
	}
	// Determinism: the same secret gives the same key and signatures.
	l2, _ := NewLocal(LocalConfig{Secret: []byte("test"), Genesis: genesis, Period: 2 * time.Second,
		Now: func() time.Time { return clock }})
	v2, _ := l2.Round(ctx, 6)
	if v2.Randomness != v.Randomness {
		t.Fatal("local beacon not deterministic in its secret")
	}
	if _, err := NewLocal(LocalConfig{Secret: []byte("x"), Period: 1500 * time.Millisecond}); err == nil {
		t.Fatal("fractional period accepted")
	}
}

func FuzzVerifyJSON(f *testing.F) {
	fx := loadFixture(f, "quicknet")
	chain, _ := ParseChainInfo(fx.Info)
	for _, b := range fx.Beacons {
		js, _ := json.Marshal(b)
		f.Add(js)
	}
	f.Add([]byte(`{"round":1,"signature":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := chain.VerifyJSON(data)
		if err == nil && v.Round == 0 {
			t.Fatal("verified round 0")
		}
	})
}

func FuzzParseChainInfo(f *testing.F) {
	for _, n := range []string{"quicknet", "default"} {
		f.Add([]byte(loadFixture(f, n).Info))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseChainInfo(data)
		if err == nil && c.Period() < time.Second {
			t.Fatal("accepted sub-second period")
		}
	})
}
