package validator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/assaynet/assay/internal/atomicfile"
	"github.com/assaynet/assay/internal/ctxsleep"
	"github.com/assaynet/assay/internal/redirect"
	"github.com/assaynet/assay/score"
	"golang.org/x/sync/semaphore"
)

// keptJunk is how much of a response whose header is not a window file of
// the miner and window is kept: the header's verdict needs fewer than 200
// bytes, and nothing else of such a response is read.
const keptJunk = 4 << 10

// newFetchClient follows redirects only within the registered origin, so
// an endpoint cannot point the validator at anything else; with publicOnly
// it connects to public addresses only (publicOnlyTransport).
func newFetchClient(timeout time.Duration, publicOnly bool) *http.Client {
	var rt http.RoundTripper
	if publicOnly {
		rt = publicOnlyTransport()
	}
	// No Client.Timeout: get bounds the answer and the body apart, so
	// that waiting for download memory costs a miner none of its time.
	return &http.Client{Transport: rt, CheckRedirect: redirect.SameOrigin("registered")}
}

// fileURL is the one URL the protocol fetches for a window: ENDPOINT/windows/W.
// Endpoints with a query, fragment or credentials are refused.
func fileURL(endpoint string, w uint64) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", fmt.Errorf("endpoint %q: %w", endpoint, err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("endpoint %q is not an http(s) URL", endpoint)
	case u.Host == "":
		return "", fmt.Errorf("endpoint %q has no host", endpoint)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(endpoint, "#"):
		return "", fmt.Errorf("endpoint %q carries a query or fragment", endpoint)
	case u.User != nil:
		return "", fmt.Errorf("endpoint %q carries credentials", endpoint)
	}
	return strings.TrimRight(endpoint, "/") + fmt.Sprintf("/windows/%d", w), nil
}

// fetchAll gets the window file of every miner that committed one for w,
// concurrently (at most FetchConcurrency at once, the bytes of downloads
// in progress bounded by FetchBytes), keeps each in the window's files
// folder as it arrives and returns the chain head read after each arrival.
// A miner without a commitment is not fetched: it counts as missing
// whatever it serves. One miner's slow or hostile endpoint costs only its
// own slot. A file that arrived but could not be kept (the validator's
// disk full, say) is the validator's fault, not the miner's: the error,
// ErrStore, says the window cannot be judged from this fetch.
func (v *Validator) fetchAll(ctx context.Context, w uint64, miners []score.Miner) (map[uint32]uint64, error) {
	dir := score.FilesDir(FilesRoot(v.cfg.DataDir), w)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%w: files folder of window %d: %v", ErrStore, w, err)
	}
	v.pause(ctx, PauseFetching, w)
	var (
		mu       sync.Mutex
		storeErr error
	)
	arrivals := map[uint32]uint64{}
	slots := make(chan struct{}, v.cfg.FetchConcurrency)
	var wg sync.WaitGroup
	for _, m := range miners {
		if !m.Committed() {
			continue
		}
		wg.Go(func() {
			data, at, err := v.fetch(ctx, m.Endpoint, w, slots)
			if err != nil {
				v.log.Warn("no window file", "window", w, "uid", m.UID, "endpoint", m.Endpoint, "err", err)
				return
			}
			if _, err := score.OpenFile(data, w, m.Address); err != nil && len(data) > keptJunk {
				// Not this miner's file for w: its first bytes are all the
				// verdict reads, and all that is kept for the auditor.
				v.log.Warn("window file refused by its header", "window", w, "uid", m.UID, "bytes", len(data), "err", err)
				data = data[:keptJunk]
			}
			err = atomicfile.WriteBytes(score.FilePath(FilesRoot(v.cfg.DataDir), w, m.UID), 0o600, data)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				v.log.Error("window file arrived but cannot be kept", "window", w, "uid", m.UID, "err", err)
				if storeErr == nil {
					storeErr = fmt.Errorf("%w: keep the window %d file of uid %d: %v", ErrStore, w, m.UID, err)
				}
				return
			}
			arrivals[m.UID] = at
		})
	}
	wg.Wait()
	return arrivals, storeErr
}

// fetch downloads a committed window file of w and returns it with the
// head read right after it arrived. It may arrive at any time: the
// commitment, on chain before the deadline, fixed what the file must be
// before the opening seed existed, so a late fetch (a validator busy
// verifying) still counts. Errors are retried FetchAttempts times and for
// at least FetchPatience after the first (a committed miner that restarts
// is down for seconds, and its file is as good after); a 404 is retried
// without counting until the opening block exists. Each
// attempt holds one of slots, not the waits between attempts: a miner
// that keeps failing holds no slot another could use meanwhile.
func (v *Validator) fetch(ctx context.Context, endpoint string, w uint64, slots chan struct{}) ([]byte, uint64, error) {
	u, err := fileURL(endpoint, w)
	if err != nil {
		return nil, 0, err
	}
	opening := v.cfg.Network.Seeds.OpeningBlock(w)
	var (
		last      error
		firstFail time.Time
	)
	failures := 0
	failed := func(err error) {
		last = err
		failures++
		if firstFail.IsZero() {
			firstFail = time.Now()
		}
	}
	more := func() bool {
		return failures < v.cfg.FetchAttempts || time.Since(firstFail) < v.cfg.FetchPatience
	}
	for attempt := 0; more(); attempt++ {
		if attempt > 0 {
			if err := ctxsleep.Sleep(ctx, min(time.Duration(attempt)*500*time.Millisecond, 2*time.Second)); err != nil {
				return nil, 0, err
			}
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil, 0, ctx.Err()
		}
		data, err := v.get(ctx, u)
		<-slots
		if errors.Is(err, errNotFound) {
			last = err
			if h, herr := v.headOf(ctx); herr != nil {
				return nil, 0, herr
			} else if h >= opening {
				failed(err)
			}
			continue
		}
		if errors.Is(err, ErrPrivateEndpoint) {
			return nil, 0, fmt.Errorf("%s: %w", u, err) // no retry would change the address
		}
		if err != nil {
			failed(err)
			continue
		}
		h, err := v.headOf(ctx)
		if err != nil {
			return nil, 0, err
		}
		return data, h, nil
	}
	return nil, 0, last
}

var errNotFound = errors.New("no file (404)")

// get is one attempt: the answer's headers within FetchTimeout, then its
// body within FetchTimeout. The bytes a download holds come out of the
// shared budget, so downloads in progress never hold more than
// FetchBytes. A body of announced length takes its whole share before it
// is read, and waiting for it is not counted against the miner: other
// miners' downloads decide it. A body of no announced length takes its
// share as its bytes arrive (unsizedStep at a time), so one that trickles
// holds what it sent rather than a whole MaxFileBytes that honest
// downloads would queue behind; its waits count against its own body
// timeout, which also keeps downloads that hold part of the budget and
// wait for more from waiting on each other for good.
func (v *Validator) get(ctx context.Context, u string) ([]byte, error) {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	timer := time.AfterFunc(v.cfg.FetchTimeout, cancel)
	defer timer.Stop()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := v.http.Do(req)
	if err != nil {
		if ctx.Err() == nil && rctx.Err() != nil {
			return nil, fmt.Errorf("%s: no answer within %v", u, v.cfg.FetchTimeout)
		}
		return nil, err
	}
	defer resp.Body.Close()
	if !timer.Stop() {
		return nil, fmt.Errorf("%s: no answer within %v", u, v.cfg.FetchTimeout)
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("%s: %w", u, errNotFound)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%s: %s", u, resp.Status)
	case resp.ContentLength > v.cfg.MaxFileBytes:
		return nil, fmt.Errorf("%s: file larger than %d bytes", u, v.cfg.MaxFileBytes)
	}
	var body io.Reader
	if need := resp.ContentLength; need >= 0 {
		if err := v.bytes.Acquire(ctx, need); err != nil {
			return nil, fmt.Errorf("%s: waiting for download memory: %w", u, err)
		}
		defer v.bytes.Release(need)
		body = io.LimitReader(resp.Body, need) // the client reads no more than announced
	} else {
		br := &budgetReader{ctx: rctx, r: resp.Body, limit: v.cfg.MaxFileBytes, budget: v.bytes}
		defer br.release()
		body = br
	}
	timer.Reset(v.cfg.FetchTimeout)
	data, err := io.ReadAll(body)
	switch {
	case errors.Is(err, errTooLarge):
		return nil, fmt.Errorf("%s: file larger than %d bytes", u, v.cfg.MaxFileBytes)
	case err != nil && ctx.Err() == nil && rctx.Err() != nil:
		return nil, fmt.Errorf("%s: body not received within %v", u, v.cfg.FetchTimeout)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	return data, nil
}

// unsizedStep is how much of the download budget a body of no announced
// length takes at a time.
const unsizedStep = 64 << 10

// budgetReader lets up to limit bytes through, each only once the budget
// holds room for it (taken unsizedStep at a time, never past limit);
// a byte past limit is errTooLarge. release gives back what it took.
type budgetReader struct {
	ctx          context.Context
	r            io.Reader
	limit        int64
	budget       *semaphore.Weighted
	held, passed int64
}

var errTooLarge = errors.New("body past the size limit")

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.passed == b.limit {
		var probe [1]byte // one byte, not worth a share of the budget
		n, err := io.ReadFull(b.r, probe[:])
		if n > 0 {
			return 0, errTooLarge
		}
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		return 0, err
	}
	if b.passed == b.held {
		step := min(unsizedStep, b.limit-b.held)
		if err := b.budget.Acquire(b.ctx, step); err != nil {
			return 0, fmt.Errorf("waiting for download memory: %w", err)
		}
		b.held += step
	}
	p = p[:min(int64(len(p)), b.held-b.passed)]
	n, err := b.r.Read(p)
	b.passed += int64(n)
	return n, err
}

func (b *budgetReader) release() { b.budget.Release(b.held) }
