package checkpoint

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assaynet/assay/model"
)

func TestPatchRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := make([]byte, 3<<20+17) // several read blocks, not a multiple
	for i := range base {
		base[i] = byte(rng.Uint32())
	}
	for _, c := range []struct {
		name   string
		change func(b []byte)
	}{
		{"same", func(b []byte) {}},
		{"first byte", func(b []byte) { b[0]++ }},
		{"last byte", func(b []byte) { b[len(b)-1]++ }},
		{"runs closer than the merge gap", func(b []byte) { b[100]++; b[102]++; b[103]++ }},
		{"block edge", func(b []byte) { b[1<<20-1]++; b[1<<20]++ }},
		{"scattered", func(b []byte) {
			for range 5000 {
				b[rng.IntN(len(b))] ^= 0x5a
			}
		}},
		{"all", func(b []byte) {
			for i := range b {
				b[i] ^= 0xff
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			target := append([]byte{}, base...)
			c.change(target)
			bp, tp := filepath.Join(dir, "base"), filepath.Join(dir, "target")
			os.WriteFile(bp, base, 0o644)
			os.WriteFile(tp, target, 0o644)
			var patch bytes.Buffer
			n, err := MakePatch(bp, tp, &patch)
			if err != nil || n != int64(patch.Len()) {
				t.Fatalf("MakePatch: %d, %v", n, err)
			}
			out, err := os.Create(filepath.Join(dir, "out"))
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			if err := ApplyPatch(bp, bytes.NewReader(patch.Bytes()), out); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(out.Name())
			if !bytes.Equal(got, target) {
				t.Fatal("the patched file is not the target")
			}
			if c.name == "same" && n != int64(len(patchMagic)) {
				t.Fatalf("a patch between equal files has %d bytes", n)
			}
		})
	}
}

// FuzzApplyPatch: any patch either applies inside the base file's bounds
// or is refused; none panics or writes past the end.
func FuzzApplyPatch(f *testing.F) {
	f.Add(append(append([]byte{}, patchMagic...), 3, 2, 'a', 'b'))
	f.Add(append(append([]byte{}, patchMagic...), 200, 1, 'x'))
	f.Add([]byte("not a patch"))
	dir := f.TempDir()
	base := filepath.Join(dir, "base")
	os.WriteFile(base, bytes.Repeat([]byte{7}, 64), 0o644)
	f.Fuzz(func(t *testing.T, patch []byte) {
		out, err := os.Create(filepath.Join(t.TempDir(), "out"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := ApplyPatch(base, bytes.NewReader(patch), out); err != nil {
			return
		}
		if st, _ := out.Stat(); st.Size() != 64 {
			t.Fatalf("a patch changed the file's size to %d", st.Size())
		}
	})
}

// updated writes a copy of dir whose weights differ in a few bytes (an RL
// step that left most bf16 weights unchanged) and returns it and its id.
func updated(t *testing.T, dir string) (string, model.ID) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "m2")
	os.MkdirAll(out, 0o755)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if e.Name() == "model.safetensors" {
			for i := len(data) - 1; i > len(data)/2; i -= 4099 { // weights, past the header
				data[i] ^= 1
			}
		}
		os.WriteFile(filepath.Join(out, e.Name()), data, 0o644)
	}
	ck, err := model.OpenCheckpoint(out)
	if err != nil {
		t.Fatal(err)
	}
	defer ck.Close()
	return out, ck.ModelID()
}

func TestFetchFromDelta(t *testing.T) {
	baseDir, baseID := tinyModel(t, 1)
	nextDir, nextID := updated(t, baseDir)
	s, err := NewServer(nextDir)
	if err != nil {
		t.Fatal(err)
	}
	patches := t.TempDir()
	offered, err := s.OfferDeltas([]string{baseDir}, patches)
	if err != nil {
		t.Fatal(err)
	}
	if got := offered[nextID.String()]; len(got) != 1 || got[0] != baseID.String() {
		t.Fatalf("deltas offered %v", offered)
	}
	m := s.Manifest(nextID.String())
	d := m.Deltas[0]
	if len(d.Patches) != 1 || d.Patches[0].Name != "model.safetensors" || !containsAll(d.Same, "config.json", "tokenizer.json") {
		t.Fatalf("delta %+v", d)
	}
	// The published manifest parses with its delta.
	if _, err := ParseManifest(s.models[nextID.String()].manJSON); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, s)
	url := fmt.Sprintf("%s/%s/", srv.URL, nextID)

	fetch := func(cache string) (string, string) {
		var logs strings.Builder
		dir, err := Fetch(context.Background(), url, nextID, FetchConfig{Cache: cache, Log: testLogger(&logs)})
		if err != nil {
			t.Fatalf("fetch: %v\n%s", err, logs.String())
		}
		sameFiles(t, nextDir, dir)
		return dir, logs.String()
	}
	withBase := func() string {
		cache := t.TempDir()
		copyDir(t, baseDir, filepath.Join(cache, baseID.String()))
		return cache
	}
	// With the base in the cache only the patch comes over the network.
	_, logs := fetch(withBase())
	if !strings.Contains(logs, fmt.Sprintf("downloaded=%d", d.Patches[0].Size)) || !strings.Contains(logs, "from_delta=true") {
		t.Fatalf("fetch with the base cached: %s", logs)
	}
	if d.Patches[0].Size*10 > m.Bytes() {
		t.Fatalf("patch of %d bytes for a %d-byte model", d.Patches[0].Size, m.Bytes())
	}
	// The base given as a local folder (a role's loaded model) serves too.
	var lg strings.Builder
	if _, err := Fetch(context.Background(), url, nextID, FetchConfig{Cache: t.TempDir(), Log: testLogger(&lg),
		Bases: map[model.ID]string{baseID: baseDir}}); err != nil || !strings.Contains(lg.String(), "from_delta=true") {
		t.Fatalf("fetch with a local base: %v\n%s", err, lg.String())
	}
	// Without the base: the whole model.
	if _, logs := fetch(t.TempDir()); !strings.Contains(logs, "from_delta=false") {
		t.Fatalf("fetch without the base: %s", logs)
	}
	// A corrupted patch, or a cached base file that changed, costs a full
	// download of that file, never a wrong one.
	pf := filepath.Join(patches, nextID.String(), baseID.String(), "model.safetensors")
	good, _ := os.ReadFile(pf)
	bad := append([]byte{}, good...)
	bad[len(bad)-1] ^= 0xff
	os.WriteFile(pf, bad, 0o644)
	if _, logs := fetch(withBase()); !strings.Contains(logs, "not built from the delta") {
		t.Fatalf("corrupted patch: %s", logs)
	}
	os.WriteFile(pf, good, 0o644)
	cache := withBase()
	tk := filepath.Join(cache, baseID.String(), "tokenizer.json")
	os.WriteFile(tk, []byte(`{"changed": true}`), 0o644)
	if _, logs := fetch(cache); !strings.Contains(logs, "not built from the delta") {
		t.Fatalf("changed base file: %s", logs)
	}
}

// TestDeltaNotOffered: a model whose every weight changed gets no delta
// (it would not save half the bytes).
func TestDeltaNotOffered(t *testing.T) {
	a, _ := tinyModel(t, 1)
	b, bid := tinyModel(t, 2)
	s, err := NewServer(b)
	if err != nil {
		t.Fatal(err)
	}
	offered, err := s.OfferDeltas([]string{a}, t.TempDir())
	if err != nil || len(offered) != 0 || len(s.Manifest(bid.String()).Deltas) != 0 {
		t.Fatalf("offered %v (%v)", offered, err)
	}
}

func TestManifestDeltaChecks(t *testing.T) {
	id, from := strings.Repeat("a", 64), strings.Repeat("b", 64)
	sum := strings.Repeat("c", 64)
	base := `{"version":1,"model_id":"` + id + `","files":[{"name":"config.json","size":2,"sha256":"` + sum + `"}]`
	for _, c := range []struct{ deltas, want string }{
		{`[{"from":"` + from + `","same":["config.json"]}]`, ""},
		{`[{"from":"` + id + `","same":["config.json"]}]`, "delta from"},
		{`[{"from":"xyz"}]`, "delta from"},
		{`[{"from":"` + from + `","same":["other.json"]}]`, "file"},
		{`[{"from":"` + from + `","same":["config.json"],"patches":[{"name":"config.json","size":1,"sha256":"` + sum + `"}]}]`, "file"},
		{`[{"from":"` + from + `"},{"from":"` + from + `"}]`, "delta from"},
	} {
		_, err := ParseManifest([]byte(base + `,"deltas":` + c.deltas + `}`))
		if (c.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("deltas %s: %v, want %q", c.deltas, err, c.want)
		}
	}
}

func containsAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, l := range list {
			found = found || l == w
		}
		if !found {
			return false
		}
	}
	return true
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	os.MkdirAll(to, 0o755)
	ents, _ := os.ReadDir(from)
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(to, e.Name()), data, 0o644)
	}
}

func testLogger(w *strings.Builder) *slog.Logger {
	return slog.New(slog.NewTextHandler(&syncWriter{w: w}, nil))
}

type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
