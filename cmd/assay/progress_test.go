package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestProgressOffTerminal: where the output is no terminal, progress is a
// log line at the start, at most one per interval, and one at the end —
// not a bar's carriage returns.
func TestProgressOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, "export: windows read", slog.New(slog.NewTextHandler(&buf, nil)), false)
	for i := int64(0); i <= 100; i++ {
		p.Update(i, 100)
	}
	out := buf.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || strings.Contains(out, "\r") {
		t.Fatalf("want 2 log lines without carriage returns, got %d:\n%s", len(lines), out)
	}
	if !strings.Contains(lines[0], "done=0 of=100 percent=0") || !strings.Contains(lines[1], "done=100 of=100 percent=100") {
		t.Fatalf("lines %q", lines)
	}
	var b2 bytes.Buffer
	newByteProgress(&b2, "fetching", slog.New(slog.NewTextHandler(&b2, nil))).Update(5, 5)
	if !strings.Contains(b2.String(), "bytes=5 of=5") {
		t.Fatalf("byte progress: %q", b2.String())
	}
}

// TestWindowProgress: each window gets its own series, labelled with the
// window, and a window's end is logged whatever the interval.
func TestWindowProgress(t *testing.T) {
	var buf bytes.Buffer
	report := windowProgress(&buf, "validator: window %d: miners verified", slog.New(slog.NewTextHandler(&buf, nil)))
	for _, w := range []uint64{7, 8} {
		for i := 0; i <= 3; i++ {
			report(w, i, 3)
		}
	}
	out := buf.String()
	for _, want := range []string{"window 7: miners verified\" done=0 of=3", "window 7: miners verified\" done=3 of=3",
		"window 8: miners verified\" done=0 of=3", "window 8: miners verified\" done=3 of=3"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != 4 {
		t.Errorf("want 4 lines (start and end of each window), got %d:\n%s", n, out)
	}
}
