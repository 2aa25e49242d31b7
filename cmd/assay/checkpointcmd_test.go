package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assaynet/assay/checkpoint"
	"github.com/assaynet/assay/model"
)

// TestCheckpointFetchCommand: `assay checkpoint fetch` brings a served
// model into the cache and prints its folder; a wrong id or URL is a
// clear error and leaves nothing under the id.
func TestCheckpointFetchCommand(t *testing.T) {
	dir := initTiny(t)
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	id := ck.ModelID().String()
	ck.Close()
	s, err := checkpoint.NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	cache := t.TempDir()
	out, err := run(t, "checkpoint", "fetch", "--url", srv.URL+"/"+id+"/", "--model-id", id, "--model-cache", cache)
	want := filepath.Join(cache, id)
	if err != nil || !strings.HasSuffix(strings.TrimSpace(out), want) {
		t.Fatalf("fetch: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(want, "model.safetensors")); err != nil {
		t.Fatal(err)
	}
	other := strings.Repeat("ab", 32)
	for _, tc := range []struct{ url, id, want string }{
		{srv.URL + "/" + id + "/", other, "model id mismatch"},
		{srv.URL + "/" + id + "/", "12", "64 hex"},
		{"ftp://host/x", other, "not an http(s) URL"},
	} {
		_, err := run(t, "checkpoint", "fetch", "--url", tc.url, "--model-id", tc.id, "--model-cache", cache)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("fetch %s as %s: %v, want %q", tc.url, tc.id, err, tc.want)
		}
		if _, err := os.Stat(filepath.Join(cache, other)); err == nil {
			t.Errorf("a folder appeared under %s", other)
		}
	}
}
