package miner

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/assaynet/assay/proofs"
)

// FuzzHandler sends the miner's HTTP handler arbitrary paths, methods and
// Range headers: it must never panic, and whatever it serves with 200 or
// 206 is a part of the one window file in its store — never the secret
// file beside the store, never another miner's file.
func FuzzHandler(f *testing.F) {
	root := f.TempDir()
	store := filepath.Join(root, "store")
	if err := os.Mkdir(store, 0o700); err != nil {
		f.Fatal(err)
	}
	addr := common.HexToAddress("0x1111111111111111111111111111111111111111")
	other := common.HexToAddress("0x2222222222222222222222222222222222222222")
	file := bytes.Repeat([]byte("window-5-file "), 40)
	secret := []byte("SECRET beside the store")
	for _, w := range []struct {
		path string
		data []byte
	}{
		{filepath.Join(store, proofs.FileName(5, addr)), file},
		{filepath.Join(store, proofs.FileName(5, other)), secret},
		{filepath.Join(root, "secret"), secret},
	} {
		if err := os.WriteFile(w.path, w.data, 0o600); err != nil {
			f.Fatal(err)
		}
	}
	m := &Miner{cfg: Config{Store: store}, addr: addr, reg: prometheus.NewRegistry()}
	h := m.Handler()
	for _, seed := range []struct{ method, path, rng string }{
		{"GET", "/windows/5", ""}, {"GET", "/windows/5", "bytes=0-9"}, {"GET", "/windows/6", ""},
		{"GET", "/windows/../secret", ""}, {"GET", "/windows/%2e%2e%2fsecret", ""}, {"HEAD", "/windows/5", "bytes=-3"},
		{"GET", "/windows/5", "bytes=1-2,4-5"}, {"GET", "/healthz", ""}, {"POST", "/windows/5", ""},
	} {
		f.Add(seed.method, seed.path, seed.rng)
	}
	f.Fuzz(func(t *testing.T, method, path, rng string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n\t") || strings.ContainsAny(method, " \r\n\t/") || method == "" {
			return // not a request line a server would parse
		}
		req, err := http.NewRequest(method, "http://miner"+path, nil)
		if err != nil {
			return
		}
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.Bytes()
		if bytes.Contains(body, []byte("SECRET")) {
			t.Fatalf("%s %s (Range %q) served the secret: %d %q", method, path, rng, rec.Code, body)
		}
		if rec.Code == http.StatusOK && req.URL.Path == "/windows/5" && method == "GET" && !bytes.Equal(body, file) {
			t.Fatalf("%s %s: 200 with %d bytes that are not the window file", method, path, len(body))
		}
	})
}
