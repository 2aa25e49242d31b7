package main

import (
	"strings"
	"testing"
)

// TestPrintable: registry strings cannot forge rows or colours in a table.
func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"http://127.0.0.1:9001", "http://127.0.0.1:9001"},
		{"http://x\n9\t0xdead\t65535\t100.00%", `"http://x\n9\t0xdead\t65535\t100.00%"`},
		{"\x1b[31mred", `"\x1b[31mred"`},
		{"http://ü", `"http://\u00fc"`},
		{"a b", `"a b"`},
	} {
		got := printable(tt.in)
		if got != tt.want || strings.ContainsAny(got, "\n\t\x1b") {
			t.Errorf("printable(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
