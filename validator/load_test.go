package validator

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/assaynet/assay/score"
)

// TestFetchLoad256 fetches one window from 256 miners, a quarter of them
// hostile — endpoints that never answer, trickle bytes with no length,
// announce more than the cap, or answer 500 — with the production
// concurrency and memory budget: every honest file must arrive (a file may
// arrive after the opening block: its commitment fixed it before), and the
// heap must stay within the download budget plus what the HTTP stack holds.
// It logs how many arrived before the opening block (2.5 s in) and when
// the last did: hostile endpoints can still delay honest files (their
// reservations of download memory queue the others), not cost them.
func TestFetchLoad256(t *testing.T) {
	if testing.Short() {
		t.Skip("256 endpoints")
	}
	const each = 256 << 10
	stop := make(chan struct{})
	body := bytes.Repeat([]byte{'f'}, each)
	huge := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(1<<30))
		w.Write(body)
	}
	broken := func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusInternalServerError) }
	good := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body)
	}
	kinds := []http.HandlerFunc{hanging(stop), trickling(stop, 50*time.Millisecond), huge, broken}
	var miners []score.Miner
	var servers []*httptest.Server
	for uid := range uint32(256) {
		h := http.HandlerFunc(good)
		if uid%4 == 0 { // hostile endpoints spread over the uids, the first ones included
			h = kinds[(uid/4)%4]
		}
		srv := httptest.NewServer(h)
		servers = append(servers, srv)
		miners = append(miners, score.Miner{UID: uid, Endpoint: srv.URL, Commitment: [32]byte{1}})
	}
	defer func() {
		close(stop)
		for _, s := range servers {
			s.Close()
		}
	}()
	start := time.Now()
	v := fetchValidator(t, func() uint64 {
		if time.Since(start) > 2500*time.Millisecond {
			return fetchOpening
		}
		return fetchOpening - 1
	})
	// Production proportions: 32 at once, a budget of 4 files at the cap.
	v.cfg.FetchConcurrency, v.cfg.MaxFileBytes, v.cfg.FetchBytes = 32, 1<<20, 4<<20
	v.bytes = semaphore.NewWeighted(v.cfg.FetchBytes)

	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
		}
	})
	arrivals, err := v.fetchAll(context.Background(), fetchWindow, miners)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	close(done)
	wg.Wait()
	late, missing := 0, 0
	for _, m := range miners {
		if m.UID%4 == 0 {
			if _, ok := arrivals[m.UID]; ok {
				t.Errorf("hostile uid %d has an arrival", m.UID)
			}
			continue
		}
		if at, ok := arrivals[m.UID]; !ok {
			missing++
		} else if at >= fetchOpening {
			late++
		}
	}
	growth := int64(peak.Load()) - int64(base.HeapInuse)
	t.Logf("256 miners (64 hostile): all 192 honest files of %d KiB by %v (hostile retries included), %d before the opening block (2.5 s); heap grew %.1f MiB at most",
		each>>10, took.Round(time.Millisecond), 192-late-missing, float64(growth)/(1<<20))
	if missing > 0 {
		t.Fatalf("%d honest miners' files missing (%d more after the opening block)", missing, late)
	}
	// Downloads in progress hold at most FetchBytes; the buffers the HTTP
	// stack and the 32 workers hold come on top.
	if limit := v.cfg.FetchBytes*3 + 48<<20; growth > limit {
		t.Fatalf("heap grew %d bytes, more than %d", growth, limit)
	}
}
