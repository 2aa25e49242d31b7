package score

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestStoredWindows: the decided and fetched windows of a data dir, in
// numeric order, whatever else lies there.
func TestStoredWindows(t *testing.T) {
	dir := t.TempDir()
	decisions, files := filepath.Join(dir, "decisions"), filepath.Join(dir, "files")
	if ws, err := DecidedWindows(decisions); err != nil || ws != nil {
		t.Fatalf("no folder: %v, %v", ws, err)
	}
	if ws, err := FetchedWindows(files); err != nil || ws != nil {
		t.Fatalf("no folder: %v, %v", ws, err)
	}
	for _, name := range []string{"window-10.json", "window-9.json", "window-x.json", "window-3.json.tmp", "notes.txt"} {
		if err := os.MkdirAll(decisions, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(decisions, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range []uint64{12, 2, 100} {
		if err := os.MkdirAll(FilesDir(files, w), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(files, "window-7"), nil, 0o644); err != nil { // a file, not a folder
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		list func(string) ([]uint64, error)
		dir  string
		want []uint64
	}{
		{"decided", DecidedWindows, decisions, []uint64{9, 10}},
		{"fetched", FetchedWindows, files, []uint64{2, 12, 100}},
	} {
		got, err := tc.list(tc.dir)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v (%v), want %v", tc.name, got, err, tc.want)
		}
	}
}
