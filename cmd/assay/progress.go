package main

import (
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// byteProgress shows how far a download is: a progress bar where w is a
// terminal, else a log line every logEvery and one at the end (logs and
// pipes do not want carriage returns).
type byteProgress struct {
	mu       sync.Mutex
	w        io.Writer
	what     string
	log      *slog.Logger
	tty      bool
	bar      *progressbar.ProgressBar
	last     time.Time
	logEvery time.Duration
}

func newByteProgress(w io.Writer, what string, log *slog.Logger) *byteProgress {
	f, ok := w.(*os.File)
	return &byteProgress{w: w, what: what, log: log, tty: ok && term.IsTerminal(int(f.Fd())), logEvery: 10 * time.Second}
}

// Update implements checkpoint.Progress.
func (p *byteProgress) Update(done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		if p.bar == nil {
			p.bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(p.what),
				progressbar.OptionShowBytes(true), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetPredictTime(true),
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
		p.log.Info(p.what, "bytes", done, "of", total, "percent", percent(done, total))
	}
}

func percent(done, total int64) int64 {
	if total == 0 {
		return 100
	}
	return done * 100 / total
}
