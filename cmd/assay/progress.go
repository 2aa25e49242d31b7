package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how far long work is (a download in bytes, or a count of
// groups, windows…): a progress bar where w is a terminal, else a log line
// every logEvery and one at the end (logs and pipes do not want carriage
// returns).
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	what     string
	log      *slog.Logger
	tty      bool
	bytes    bool
	bar      *progressbar.ProgressBar
	last     time.Time
	logEvery time.Duration
}

func newByteProgress(w io.Writer, what string, log *slog.Logger) *progress {
	return newProgress(w, what, log, true)
}

// newProgress is progress counted in bytes (shown as sizes and rates) or
// in items.
func newProgress(w io.Writer, what string, log *slog.Logger, bytes bool) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, what: what, log: log, bytes: bytes, tty: ok && term.IsTerminal(int(f.Fd())), logEvery: 10 * time.Second}
}

// Update implements checkpoint.Progress.
func (p *progress) Update(done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		if p.bar == nil {
			p.bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(p.what),
				progressbar.OptionShowBytes(p.bytes), progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetPredictTime(true),
				progressbar.OptionOnCompletion(func() { io.WriteString(p.w, "\n") }))
		}
		if p.bar.GetMax64() != total {
			p.bar.ChangeMax64(total)
		}
		p.bar.Set64(done)
		return
	}
	if now := time.Now(); done == total || now.Sub(p.last) >= p.logEvery {
		p.last = now
		unit := "done"
		if p.bytes {
			unit = "bytes"
		}
		p.log.Info(p.what, unit, done, "of", total, "percent", percent(done, total))
	}
}

// windowProgress reports work counted per window (label has a %d for the
// window): a fresh bar or log series each time the window changes.
func windowProgress(w io.Writer, label string, log *slog.Logger) func(window uint64, done, total int) {
	var mu sync.Mutex
	var cur *progress
	var at uint64
	return func(window uint64, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if cur == nil || window != at {
			cur, at = newProgress(w, fmt.Sprintf(label, window), log, false), window
		}
		cur.Update(int64(done), int64(total))
	}
}

func percent(done, total int64) int64 {
	if total == 0 {
		return 100
	}
	return done * 100 / total
}
