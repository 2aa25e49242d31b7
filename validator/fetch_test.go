package validator

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sync/semaphore"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/score"
)

// fetchValidator is a validator with only what fetching needs; head is the
// chain head it reads.
func fetchValidator(t *testing.T, head func() uint64) *Validator {
	cfg := Config{Network: &network.Network{Seeds: challenge.Params{WindowLength: 10, SubmitGrace: 2}},
		DataDir: t.TempDir(), FetchTimeout: time.Second, FetchAttempts: 3, MaxFileBytes: 1 << 20, FetchConcurrency: 8, FetchBytes: 4 << 20}
	return &Validator{cfg: cfg, log: slog.New(slog.NewTextHandler(io.Discard, nil)), http: newFetchClient(cfg.FetchTimeout, false),
		bytes: semaphore.NewWeighted(cfg.FetchBytes), headOf: func(context.Context) (uint64, error) { return head(), nil }}
}

// trickling is a hostile endpoint: a byte every period, no length, until
// stop or the request ends.
func trickling(stop <-chan struct{}, every time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for {
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			case <-time.After(every):
				w.Write([]byte{'x'})
				w.(http.Flusher).Flush()
			}
		}
	}
}

// hanging is a hostile endpoint that never answers.
func hanging(stop <-chan struct{}) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	}
}

// Window 3 of that schedule: deadline 40, opening block 42.
const fetchWindow, fetchOpening = 3, 42

func TestFetch(t *testing.T) {
	var flakyHits, lateHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/flaky/windows/3", func(w http.ResponseWriter, r *http.Request) {
		if flakyHits.Add(1) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("payload"))
	})
	mux.HandleFunc("/late/windows/3", func(w http.ResponseWriter, r *http.Request) {
		if lateHits.Add(1) < 5 { // more 404s than FetchAttempts: published late
			http.NotFound(w, r)
			return
		}
		w.Write([]byte("late payload"))
	})
	mux.HandleFunc("/huge/windows/3", func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 1<<16)
		for range 1 << 10 { // 64 MiB offered, never read beyond the cap
			if _, err := w.Write(buf); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/redirect/windows/3", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/flaky/windows/3", http.StatusFound)
	})
	mux.HandleFunc("/away/windows/3", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.2:1/internal", http.StatusFound)
	})
	mux.HandleFunc("/windows/3", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery != "" {
			t.Errorf("fetched with a query: %s", r.URL)
		}
		w.Write([]byte("root payload"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close) // after the parallel subtests
	tests := []struct {
		name, endpoint string
		want           string // the body, or a fragment of the error
		ok             bool
	}{
		{"retried after errors", srv.URL + "/flaky", "payload", true},
		{"404s retried until published", srv.URL + "/late", "late payload", true},
		{"over the size cap", srv.URL + "/huge", "larger than", false},
		{"never published", srv.URL + "/none", "404", false},
		{"same-origin redirect followed", srv.URL + "/redirect/", "payload", true},
		{"redirect off the origin refused", srv.URL + "/away", "registered origin", false},
		{"query refused", srv.URL + "/?x=", "query or fragment", false},
		{"fragment refused", srv.URL + "/#x", "query or fragment", false},
		{"credentials refused", strings.Replace(srv.URL, "http://", "http://u:p@", 1), "credentials", false},
		{"not http", "ftp://x", "not an http", false},
		{"offline", "http://127.0.0.1:1", "connect", false},
		{"plain endpoint", srv.URL, "root payload", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var head atomic.Uint64
			head.Store(fetchOpening - 5)
			// Every read of the head moves the chain on, slowly: 404s
			// are retried until the opening block comes.
			v := fetchValidator(t, func() uint64 {
				h := head.Load()
				if h < fetchOpening-1 {
					head.Add(1)
				} else if tt.name == "never published" {
					head.Add(1)
				}
				return h
			})
			data, at, err := v.fetch(context.Background(), tt.endpoint, fetchWindow, make(chan struct{}, 1))
			switch {
			case tt.ok && (err != nil || string(data) != tt.want):
				t.Fatalf("got %q, %v; want %q", data, err, tt.want)
			case tt.ok && at >= fetchOpening:
				t.Fatalf("arrival %d at or after the opening block", at)
			case !tt.ok && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("got %q, %v; want an error with %q", data, err, tt.want)
			}
		})
	}
}

// TestFetchAfterOpening: a committed file fetched once the opening block
// exists still counts (its commitment, mined before the deadline, fixed it
// before the opening seed existed), and its arrival head is reported.
func TestFetchAfterOpening(t *testing.T) {
	var head atomic.Uint64
	head.Store(fetchOpening - 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		head.Store(fetchOpening + 1) // the chain moves on while the request is held
		w.Write([]byte("the committed file"))
	}))
	defer srv.Close()
	v := fetchValidator(t, head.Load)
	data, at, err := v.fetch(context.Background(), srv.URL, fetchWindow, make(chan struct{}, 1))
	if err != nil || string(data) != "the committed file" || at != fetchOpening+1 {
		t.Fatalf("got %q at %d, %v; want the file, arriving at %d", data, at, err, fetchOpening+1)
	}
}

// TestFetchOnlyCommitted: a miner without a commitment is not asked for
// its file at all (it counts as missing whatever it would serve).
func TestFetchOnlyCommitted(t *testing.T) {
	var asked atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.Write([]byte("file"))
	}))
	defer srv.Close()
	v := fetchValidator(t, func() uint64 { return fetchOpening - 1 })
	arrivals, err := v.fetchAll(context.Background(), fetchWindow, []score.Miner{{UID: 0, Endpoint: srv.URL}, {UID: 1, Endpoint: srv.URL, Commitment: [32]byte{1}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := arrivals[0]; ok || asked.Load() != 1 {
		t.Fatalf("arrivals %v after %d requests: want only the committed miner fetched", arrivals, asked.Load())
	}
}

// TestFetchNoMinerDelaysAnother: an endpoint that trickles a byte at a time
// and one that never answers cost the honest miners behind them in uid
// order nothing: their files arrive while the others time out, long before
// the opening block.
func TestFetchNoMinerDelaysAnother(t *testing.T) {
	start := time.Now()
	stop := make(chan struct{})
	defer close(stop)
	trickle := httptest.NewServer(trickling(stop, 100*time.Millisecond))
	defer trickle.Close()
	silent := httptest.NewServer(hanging(stop))
	defer silent.Close()
	honest := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("file")) }))
	defer honest.Close()
	// The opening block comes 2.5 s in: a validator fetching in uid order,
	// 3 attempts of 1 s for each bad endpoint, would reach uid 2 after it.
	v := fetchValidator(t, func() uint64 {
		if time.Since(start) > 2500*time.Millisecond {
			return fetchOpening
		}
		return fetchOpening - 1
	})
	c := [32]byte{1}
	miners := []score.Miner{{UID: 0, Endpoint: trickle.URL, Commitment: c}, {UID: 1, Endpoint: silent.URL, Commitment: c}, {UID: 2, Endpoint: honest.URL, Commitment: c}, {UID: 3, Endpoint: honest.URL, Commitment: c}}
	arrivals, err := v.fetchAll(context.Background(), fetchWindow, miners)
	if err != nil {
		t.Fatal(err)
	}
	files := score.DirFiles(score.FilesDir(FilesRoot(v.cfg.DataDir), fetchWindow))
	for _, uid := range []uint32{2, 3} {
		if data, ok := files.File(uid); !ok || string(data) != "file" {
			t.Fatalf("honest uid %d: file %q kept %v", uid, data, ok)
		}
		if arrivals[uid] >= fetchOpening {
			t.Fatalf("uid %d arrival %d", uid, arrivals[uid])
		}
	}
	for _, uid := range []uint32{0, 1} {
		if _, ok := files.File(uid); ok {
			t.Fatalf("bad endpoint uid %d has a kept file", uid)
		}
	}
}

// TestFetchKeepsOnlyWhatIsJudged: a response that is not the miner's window
// file for the window is kept only as far as its verdict reads (its
// header), and that verdict is the same on what is kept.
func TestFetchKeepsOnlyWhatIsJudged(t *testing.T) {
	junk := bytes.Repeat([]byte("<html>not a window file</html>"), 1<<14) // 480 KiB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(junk) }))
	defer srv.Close()
	v := fetchValidator(t, func() uint64 { return fetchOpening - 1 })
	miner := score.Miner{UID: 7, Address: crypto.PubkeyToAddress(key(0).PublicKey), Endpoint: srv.URL, Commitment: [32]byte{1}}
	if _, err := v.fetchAll(context.Background(), fetchWindow, []score.Miner{miner}); err != nil {
		t.Fatal(err)
	}
	kept, ok := score.DirFiles(score.FilesDir(FilesRoot(v.cfg.DataDir), fetchWindow)).File(miner.UID)
	if !ok || len(kept) != keptJunk {
		t.Fatalf("kept %d bytes (%v), want the first %d", len(kept), ok, keptJunk)
	}
	_, full := score.ReadFile(junk, fetchWindow, miner.Address, testNetwork([32]byte{}).Proofs)
	_, cut := score.ReadFile(kept, fetchWindow, miner.Address, testNetwork([32]byte{}).Proofs)
	if full == nil || cut == nil || full.Error() != cut.Error() {
		t.Fatalf("verdict on the response %v, on what was kept %v", full, cut)
	}
	if info, err := os.Stat(score.FilePath(FilesRoot(v.cfg.DataDir), fetchWindow, miner.UID)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("kept file mode %v (%v), want 0600", info.Mode().Perm(), err)
	}
}

// TestUnsizedBodiesHoldWhatTheySent: bodies of no announced length take
// the download budget as their bytes arrive, so four tricklers against a
// budget of one file at the cap leave room for an honest sized file
// (before, each reserved the whole cap up front and the honest download
// waited out a trickler's body timeout); a body of no length larger than
// the cap is refused; everything taken is given back.
func TestUnsizedBodiesHoldWhatTheySent(t *testing.T) {
	stop := make(chan struct{})
	slow := httptest.NewServer(trickling(stop, 20*time.Millisecond))
	defer slow.Close()
	defer close(stop)
	file := bytes.Repeat([]byte{'f'}, 256<<10)
	sized := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(file)))
		w.Write(file)
	}))
	defer sized.Close()
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for range 5 { // 1.25 MiB in flushed pieces: no Content-Length
			w.Write(file)
			w.(http.Flusher).Flush()
		}
	}))
	defer big.Close()
	v := fetchValidator(t, func() uint64 { return 0 })
	v.cfg.FetchTimeout, v.cfg.FetchBytes = 3*time.Second, v.cfg.MaxFileBytes
	v.bytes = semaphore.NewWeighted(v.cfg.FetchBytes)
	v.http = newFetchClient(v.cfg.FetchTimeout, false)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := v.get(context.Background(), slow.URL); err == nil {
				t.Error("a trickler's body was accepted")
			}
		})
	}
	time.Sleep(300 * time.Millisecond) // the tricklers are sending
	start := time.Now()
	data, err := v.get(context.Background(), sized.URL)
	if err != nil || !bytes.Equal(data, file) {
		t.Fatalf("the sized file beside four tricklers: %d bytes, %v", len(data), err)
	}
	if took := time.Since(start); took > v.cfg.FetchTimeout/2 {
		t.Errorf("the sized file took %v: it waited on the tricklers' reservations", took)
	}
	wg.Wait() // the tricklers' body timeouts
	if _, err := v.get(context.Background(), big.URL); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a body of no length past the cap: %v, want it refused as too large", err)
	}

	if !v.bytes.TryAcquire(v.cfg.FetchBytes) {
		t.Error("downloads did not give back all of the budget")
	}
}

// TestFetchPatience: a committed miner down for longer than FetchAttempts
// quick retries take (a restart: the soak test's honest miner lost a
// window so) is retried for FetchPatience, and found; without patience it
// is not, and an endpoint down for good still ends.
func TestFetchPatience(t *testing.T) {
	var up atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "restarting", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("the committed file"))
	}))
	defer srv.Close()
	tests := []struct {
		name     string
		patience time.Duration
		upAfter  time.Duration // 0: never
		ok       bool
	}{
		{"down past the attempts, patient", 4 * time.Second, 2500 * time.Millisecond, true},
		{"down past the attempts, no patience", -1, 2500 * time.Millisecond, false},
		{"down for good", 2 * time.Second, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			up.Store(false)
			if tt.upAfter > 0 {
				timer := time.AfterFunc(tt.upAfter, func() { up.Store(true) })
				defer timer.Stop()
			}
			v := fetchValidator(t, func() uint64 { return fetchOpening + 1 })
			v.cfg.FetchPatience = tt.patience
			start := time.Now()
			data, _, err := v.fetch(context.Background(), srv.URL, fetchWindow, make(chan struct{}, 1))
			took := time.Since(start)
			if tt.ok != (err == nil) || (tt.ok && string(data) != "the committed file") {
				t.Fatalf("got %q, %v after %v; want ok=%v", data, err, took, tt.ok)
			}
			if !tt.ok && tt.patience > 0 && took < tt.patience {
				t.Fatalf("gave up after %v, inside the patience %v", took, tt.patience)
			}
			if took > max(tt.patience, 0)+5*time.Second {
				t.Fatalf("took %v: patience %v should end it", took, tt.patience)
			}
		})
	}
}
