package miner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/network/networktest"
	"github.com/assaynet/assay/proofs"
)

// failing is a backend whose device is lost after `after` forward passes.
type failing struct {
	model.Backend
	after int64
	calls atomic.Int64
}

func (f *failing) Forward(ctx context.Context, steps []model.Step) ([]model.Output, error) {
	if f.calls.Add(1) > f.after {
		return nil, fmt.Errorf("cuda: launch: %w", model.ErrDevice)
	}
	return f.Backend.Forward(ctx, steps)
}

// TestDeviceLostMidWindow: when the backend fails with model.ErrDevice the
// miner stops with that error and keeps a valid window file holding the
// groups it finished.
func TestDeviceLostMidWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a dev chain")
	}
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := model.Init(model.InitConfig{Preset: "tiny", Out: dir}); err != nil {
		t.Fatal(err)
	}
	m, err := network.LoadModel(dir, network.CPU(2))
	if err != nil {
		t.Fatal(err)
	}
	// A group of 4 rollouts × ≤8 tokens is one prefill and ≤8 decode steps:
	// the device dies inside the third group.
	m.Backend = &failing{Backend: m.Backend, after: 20}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tn := networktest.Start(ctx, t, networktest.Config{ModelID: m.ID, Accounts: 3, WindowLength: 40, BlockEvery: 200 * time.Millisecond})
	net, lb, ch := tn.Network, tn.Beacon, tn.Chain
	store := t.TempDir()
	mn, err := New(Config{Network: net, Models: network.Fixed{M: m}, Env: sat.New(sat.DefaultParams), Key: ch.Keys()[1],
		Beacon: lb, Store: store, Poll: 50 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	err = mn.Run(ctx)
	if !errors.Is(err, model.ErrDevice) {
		t.Fatalf("Run: %v, want a device error", err)
	}
	files, _ := filepath.Glob(filepath.Join(store, "window-*.assay"))
	if len(files) != 1 {
		t.Fatalf("window files %v, want the one with the finished groups", files)
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, recs, err := proofs.ReadAll(f, proofs.DefaultFileLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 8 {
		t.Fatalf("%d records kept, want the 2 finished groups of 4", len(recs))
	}
}

// TestServerDropsStalledReaders: a client that stops reading a window file
// loses its connection after the write timeout instead of holding it (the
// server had none).
func TestServerDropsStalledReaders(t *testing.T) {
	dir := t.TempDir()
	key, _ := crypto.ToECDSA(bytes.Repeat([]byte{7}, 32))
	m := &Miner{cfg: Config{Store: dir, WriteTimeout: 200 * time.Millisecond}, addr: crypto.PubkeyToAddress(key.PublicKey)}
	big := bytes.Repeat([]byte{1}, 64<<20) // far more than the socket buffers hold
	if err := os.WriteFile(filepath.Join(dir, proofs.FileName(3, m.addr)), big, 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := m.server()
	go srv.Serve(ln)
	defer srv.Close()
	resp, err := http.Get("http://" + ln.Addr().String() + "/windows/3")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	time.Sleep(time.Second) // a stalled reader, past the write timeout
	n, err := io.Copy(io.Discard, resp.Body)
	if err == nil && n == int64(len(big)) {
		t.Fatalf("a reader stalled past the write timeout still got all %d bytes", n)
	}
}

// TestHealthz: starting until a window is committed, ok after, 503 with
// the reason once a window produced no committed file.
func TestHealthz(t *testing.T) {
	m := &Miner{}
	get := func() (int, healthReport) {
		rec := httptest.NewRecorder()
		m.healthz(rec, httptest.NewRequest("GET", "/healthz", nil))
		var rep healthReport
		if err := json.NewDecoder(rec.Body).Decode(&rep); err != nil {
			t.Fatal(err)
		}
		return rec.Code, rep
	}
	if code, rep := get(); code != 200 || rep.Status != "starting" {
		t.Fatalf("fresh: %d %+v", code, rep)
	}
	m.noted(7, nil)
	if code, rep := get(); code != 200 || rep.Status != "ok" || *rep.LastCommitted != 7 {
		t.Fatalf("committed: %d %+v", code, rep)
	}
	m.noted(8, errors.New("commit: node unreachable"))
	if code, rep := get(); code != 503 || rep.Status != "failing" || *rep.LastCommitted != 7 || rep.Error != "window 8: commit: node unreachable" {
		t.Fatalf("failed window: %d %+v", code, rep)
	}
	m.noted(9, nil)
	if code, _ := get(); code != 200 {
		t.Fatalf("recovered: %d", code)
	}
}
