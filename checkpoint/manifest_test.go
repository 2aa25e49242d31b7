package checkpoint

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseManifest(t *testing.T) {
	h := strings.Repeat("ab", 32)
	ok := func(m *Manifest) { m.Version, m.ModelID = 1, h }
	for _, tc := range []struct {
		name string
		edit func(*Manifest)
		bad  bool
	}{
		{"valid", func(m *Manifest) {}, false},
		{"version", func(m *Manifest) { m.Version = 2 }, true},
		{"model id", func(m *Manifest) { m.ModelID = "00" }, true},
		{"no files", func(m *Manifest) { m.Files = nil }, true},
		{"no config", func(m *Manifest) { m.Files[0].Name = "other.json" }, true},
		{"slash", func(m *Manifest) { m.Files = append(m.Files, File{"a/b", 1, h}) }, true},
		{"dot dot", func(m *Manifest) { m.Files = append(m.Files, File{"..", 1, h}) }, true},
		{"hidden", func(m *Manifest) { m.Files = append(m.Files, File{".x", 1, h}) }, true},
		{"twice", func(m *Manifest) { m.Files = append(m.Files, m.Files[0]) }, true},
		{"negative size", func(m *Manifest) { m.Files[0].Size = -1 }, true},
		{"digest", func(m *Manifest) { m.Files[0].SHA256 = "zz" }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &Manifest{Files: []File{{"config.json", 10, h}, {"model.safetensors", 100, h}}}
			ok(m)
			tc.edit(m)
			_, err := ParseManifest(mustJSON(t, m))
			if tc.bad != (err != nil) || (err != nil && !errors.Is(err, ErrManifest)) {
				t.Fatalf("err %v, want bad=%v (ErrManifest)", err, tc.bad)
			}
		})
	}
}

func FuzzParseManifest(f *testing.F) {
	h := strings.Repeat("ab", 32)
	f.Add(mustJSON(f, &Manifest{Version: 1, ModelID: h, Files: []File{{"config.json", 10, h}}}))
	f.Add([]byte(`{"version":1,"files":[{"name":"../x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest(data)
		if err != nil {
			return
		}
		for _, fl := range m.Files {
			if !validName(fl.Name) || strings.ContainsAny(fl.Name, `/\`) || fl.Size < 0 {
				t.Fatalf("accepted file %+v", fl)
			}
		}
	})
}
