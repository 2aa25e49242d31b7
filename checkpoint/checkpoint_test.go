package checkpoint

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/assaynet/assay/model"
)

// tinyModel writes the tiny preset (seed picks the weights) and returns
// its folder and id.
func tinyModel(t *testing.T, seed uint64) (string, model.ID) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "m")
	if err := model.Init(model.InitConfig{Preset: "tiny", Seed: seed, Out: dir}); err != nil {
		t.Fatal(err)
	}
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	return dir, ck.ModelID()
}

func serve(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	ents, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		x, _ := os.ReadFile(filepath.Join(a, e.Name()))
		y, err := os.ReadFile(filepath.Join(b, e.Name()))
		if err != nil || string(x) != string(y) {
			t.Fatalf("%s differs after the fetch (%v)", e.Name(), err)
		}
	}
}

type lastProgress struct {
	mu          sync.Mutex
	done, total int64
	calls       int
}

func (p *lastProgress) Update(done, total int64) {
	p.mu.Lock()
	p.done, p.total = done, total
	p.calls++
	p.mu.Unlock()
}

func TestServeAndFetch(t *testing.T) {
	dir, id := tinyModel(t, 1)
	s, err := NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Models(); len(got) != 1 || got[0] != id.String() {
		t.Fatalf("served %v, want [%s]", got, id)
	}
	srv := serve(t, s)
	cache := t.TempDir()
	var p lastProgress
	got, err := Fetch(context.Background(), srv.URL+"/"+id.String(), id, FetchConfig{Cache: cache, Progress: &p})
	if err != nil {
		t.Fatal(err)
	}
	if got != filepath.Join(cache, id.String()) {
		t.Fatalf("fetched into %s", got)
	}
	sameFiles(t, dir, got)
	total := s.Manifest(id.String()).Bytes()
	if p.done != total || p.total != total || p.calls == 0 {
		t.Fatalf("progress %d/%d after %d updates, want %d/%d", p.done, p.total, p.calls, total, total)
	}
	if _, err := os.Stat(got + ".partial"); !os.IsNotExist(err) {
		t.Fatalf("staging folder left behind: %v", err)
	}
	// A cached model needs no server.
	srv.Close()
	again, err := Fetch(context.Background(), srv.URL+"/"+id.String(), id, FetchConfig{Cache: cache})
	if err != nil || again != got {
		t.Fatalf("cached fetch: %s, %v", again, err)
	}
}

// TestFetchResumes: a download cut off mid-file resumes from the bytes on
// disk with a range request, and ends with the same files.
func TestFetchResumes(t *testing.T) {
	dir, id := tinyModel(t, 2)
	s, err := NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var ranges []string
	cut := true
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/model.safetensors") {
			mu.Lock()
			ranges = append(ranges, r.Header.Get("Range"))
			c := cut
			cut = false
			mu.Unlock()
			if c { // half the file, then the connection drops
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, r)
				body := rec.Body.Bytes()
				w.Header().Set("Content-Length", itoa(len(body)))
				w.WriteHeader(http.StatusOK)
				w.Write(body[:len(body)/2])
				panic(http.ErrAbortHandler)
			}
		}
		s.ServeHTTP(w, r)
	})
	srv := serve(t, h)
	cache := t.TempDir()
	_, err = Fetch(context.Background(), srv.URL+"/"+id.String(), id, FetchConfig{Cache: cache})
	if err == nil || !strings.Contains(err.Error(), "resume") {
		t.Fatalf("cut download: err %v, want an error saying to resume", err)
	}
	part, err := os.Stat(filepath.Join(cache, id.String()+".partial", "model.safetensors"))
	if err != nil || part.Size() == 0 {
		t.Fatalf("no partial file kept: %v", err)
	}
	got, err := Fetch(context.Background(), srv.URL+"/"+id.String(), id, FetchConfig{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, dir, got)
	if len(ranges) != 2 || ranges[0] != "" || ranges[1] != "bytes="+itoa(int(part.Size()))+"-" {
		t.Fatalf("range headers %q, want none then from %d", ranges, part.Size())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFetchBadServers: what a wrong or hostile server gets.
func TestFetchBadServers(t *testing.T) {
	dir, id := tinyModel(t, 3)
	other, otherID := tinyModel(t, 4)
	s, err := NewServer(dir, other)
	if err != nil {
		t.Fatal(err)
	}
	manifest := func(m *Manifest) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/manifest.json") {
				w.Write(mustJSON(t, m))
				return
			}
			s.ServeHTTP(w, r)
		}
	}
	good := *s.Manifest(id.String())
	for _, tc := range []struct {
		name string
		h    http.Handler
		want error
		path string // the URL's path after the server
	}{
		{"announced id differs from the one asked", s, ErrModelMismatch, otherID.String()},
		{"unknown model", s, nil, strings.Repeat("ab", 32)},
		{"manifest claims the id, files are another model's", otherFiles(s, swapFiles(good, s.Manifest(otherID.String())), id, otherID), ErrModelMismatch, id.String()},
		{"a file's bytes differ from the manifest", manifest(tamperDigest(good)), ErrDigest, id.String()},
		{"path traversal in a file name", manifest(rename(good, "../escape")), ErrManifest, id.String()},
		{"too large", manifest(grow(good)), ErrTooLarge, id.String()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := serve(t, tc.h)
			cache := t.TempDir()
			_, err := Fetch(context.Background(), srv.URL+"/"+tc.path, id, FetchConfig{Cache: cache, MaxBytes: 1 << 30})
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Fatalf("err %v, want %v", err, tc.want)
			}
			if _, err := os.Stat(filepath.Join(cache, id.String())); !os.IsNotExist(err) {
				t.Fatalf("a folder appeared under the id: %v", err)
			}
			if errors.Is(tc.want, ErrModelMismatch) && tc.path == id.String() {
				if _, err := os.Stat(filepath.Join(cache, id.String()+".partial")); !os.IsNotExist(err) {
					t.Fatalf("the mismatched download was kept: %v", err)
				}
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(cache), "escape")); err == nil {
				t.Fatal("a file was written outside the cache")
			}
		})
	}
}

// otherFiles serves m as id's manifest and other's files under id's URL.
func otherFiles(s *Server, m *Manifest, id, other model.ID) http.HandlerFunc {
	js, _ := json.Marshal(m)
	return func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/manifest.json") {
			w.Write(js)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = strings.Replace(r.URL.Path, id.String(), other.String(), 1)
		s.ServeHTTP(w, r2)
	}
}

func swapFiles(m Manifest, o *Manifest) *Manifest {
	m.Files = o.Files
	return &m
}

func tamperDigest(m Manifest) *Manifest {
	m.Files = append([]File(nil), m.Files...)
	for i := range m.Files {
		if m.Files[i].Name == "config.json" {
			m.Files[i].SHA256 = strings.Repeat("0", 64)
		}
	}
	return &m
}

func rename(m Manifest, name string) *Manifest {
	m.Files = append(append([]File(nil), m.Files...), File{Name: name, Size: 1, SHA256: strings.Repeat("1", 64)})
	return &m
}

func grow(m Manifest) *Manifest {
	m.Files = append([]File(nil), m.Files...)
	m.Files[0].Size = 2 << 30
	return &m
}

// TestServerRanges: the server answers range requests and refuses names
// outside the manifest.
func TestServerRanges(t *testing.T) {
	dir, id := tinyModel(t, 5)
	s, err := NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, s)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/"+id.String()+"/files/config.json", nil)
	req.Header.Set("Range", "bytes=2-5")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want, _ := os.ReadFile(filepath.Join(dir, "config.json"))
	if resp.StatusCode != http.StatusPartialContent || string(body) != string(want[2:6]) {
		t.Fatalf("range: %s %q, want 206 %q", resp.Status, body, want[2:6])
	}
	for _, p := range []string{"/files/..%2Fconfig.json", "/files/.hidden", "/files/nope", "/manifest.jsonx"} {
		resp, err := http.Get(srv.URL + "/" + id.String() + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", p, resp.Status)
		}
	}
}

// TestConcurrentFetches: fetchers of one model into one cache at the same
// time download it once; the others wait and take the folder.
func TestConcurrentFetches(t *testing.T) {
	dir, id := tinyModel(t, 6)
	s, err := NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	gets := 0
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/model.safetensors") {
			mu.Lock()
			gets++
			mu.Unlock()
		}
		s.ServeHTTP(w, r)
	}))
	cache := t.TempDir()
	var wg sync.WaitGroup
	dirs := make([]string, 4)
	errs := make([]error, 4)
	for i := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dirs[i], errs[i] = Fetch(context.Background(), srv.URL+"/"+id.String(), id, FetchConfig{Cache: cache})
		}()
	}
	wg.Wait()
	for i := range dirs {
		if errs[i] != nil || dirs[i] != filepath.Join(cache, id.String()) {
			t.Fatalf("fetch %d: %s, %v", i, dirs[i], errs[i])
		}
	}
	if gets != 1 {
		t.Fatalf("model.safetensors requested %d times, want 1", gets)
	}
}

// TestFetchReplacesOversizedPartial: a partial file longer than the
// manifest's is not this file; it is rewritten, not appended to.
func TestFetchReplacesOversizedPartial(t *testing.T) {
	dir, id := tinyModel(t, 7)
	s, err := NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, s)
	cache := t.TempDir()
	staging := filepath.Join(cache, id.String()+".partial")
	if err := os.MkdirAll(staging, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(staging, "config.json"), []byte(strings.Repeat("x", 1<<16)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Fetch(context.Background(), srv.URL+"/"+id.String(), id, FetchConfig{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, dir, got)
}
