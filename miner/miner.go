// Package miner runs a miner: it follows the chain window by window, derives
// its problems from the window seed, generates GRPO groups on its backend,
// writes the signed window file and commits its digest on chain before the
// deadline, and serves its files over HTTP at the endpoint it registered
// on-chain.
package miner

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/proofs"
)

// Config configures a miner.
type Config struct {
	Network *network.Network
	// Models gives each window the model its parameters name
	// (network.ModelSet, which also loads the next announced one while
	// this one serves; network.Fixed runs one model whatever the window).
	Models network.Models
	// ClaimNetworkModel makes the records claim the window's network model
	// whatever model generated them (the demo's cheater, tests); otherwise
	// they claim the model that ran.
	ClaimNetworkModel bool
	Env               env.Environment
	Key               *ecdsa.PrivateKey
	Beacon            challenge.Beacon
	// Store is the folder where window files are written.
	Store string
	// Listen is the HTTP address serving files and /metrics ("" for none);
	// Endpoint is the public URL registered on-chain (defaults to
	// http://Listen).
	Listen, Endpoint string
	// MaxGroups caps problems per window (0: as many as fit before the deadline).
	MaxGroups int
	// MaxSequences bounds the rollouts generated together (continuous
	// batching over groups; model.GenerateGroups). 0: one group at a time,
	// which suits the CPU engine; a GPU wants hundreds.
	MaxSequences int
	// Poll is how often the chain head is read (1 s when 0).
	Poll   time.Duration
	Logger *slog.Logger
	// Progress receives a live status line (nil: none).
	Progress func(string)
	// Windows stops after this many windows were written (0: run until ctx ends).
	Windows int
	// WriteTimeout bounds one HTTP response (0: 2 minutes).
	WriteTimeout time.Duration
}

// Miner is a running miner.
type Miner struct {
	cfg                     Config
	addr                    common.Address
	log                     *slog.Logger
	reg                     *prometheus.Registry
	rollouts, tokens, files prometheus.Counter
	tokPerSec               prometheus.Gauge

	mu        sync.Mutex
	running   [32]byte // the model of the last window generated
	committed *uint64  // the last window written and committed
	lastErr   string   // why the last window attempted produced no committed file ("" when it did)
}

// healthReport is /healthz's body.
type healthReport struct {
	Status        string  `json:"status"` // "ok", "starting" or "failing"
	LastCommitted *uint64 `json:"last_committed,omitempty"`
	Error         string  `json:"error,omitempty"`
}

// healthz answers 200 while the last window attempted was written and
// committed (or none was attempted yet), 503 with the reason when it was
// not: validators count such a window missing.
func (m *Miner) healthz(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	rep := healthReport{Status: "ok", LastCommitted: m.committed, Error: m.lastErr}
	m.mu.Unlock()
	code := http.StatusOK
	switch {
	case rep.Error != "":
		rep.Status, code = "failing", http.StatusServiceUnavailable
	case rep.LastCommitted == nil:
		rep.Status = "starting"
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(rep)
}

// switched logs the first window a model generates.
func (m *Miner) switched(w uint64, id [32]byte) {
	m.mu.Lock()
	prev := m.running
	m.running = id
	m.mu.Unlock()
	if prev != id {
		m.log.Info("generating with model", "window", w, "model", fmt.Sprintf("%x", id), "previous", fmt.Sprintf("%x", prev))
	}
}

// noted records the outcome of window w for /healthz.
func (m *Miner) noted(w uint64, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err != nil {
		m.lastErr = fmt.Sprintf("window %d: %v", w, err)
		return
	}
	m.committed, m.lastErr = &w, ""
}

// New checks the configuration.
func New(cfg Config) (*Miner, error) {
	if cfg.Network == nil || cfg.Models == nil || cfg.Key == nil || cfg.Beacon == nil || cfg.Env == nil || cfg.Store == "" {
		return nil, errors.New("miner: network, model, key, beacon, env and store are required")
	}
	if cfg.Poll == 0 {
		cfg.Poll = time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if err := os.MkdirAll(cfg.Store, 0o755); err != nil {
		return nil, fmt.Errorf("miner: store: %w", err)
	}
	m := &Miner{cfg: cfg, addr: crypto.PubkeyToAddress(cfg.Key.PublicKey), log: cfg.Logger}
	m.reg = prometheus.NewRegistry()
	m.rollouts = prometheus.NewCounter(prometheus.CounterOpts{Name: "assay_miner_rollouts_total", Help: "Rollouts generated."})
	m.tokens = prometheus.NewCounter(prometheus.CounterOpts{Name: "assay_miner_tokens_total", Help: "Completion tokens generated."})
	m.files = prometheus.NewCounter(prometheus.CounterOpts{Name: "assay_miner_window_files_total", Help: "Window files written."})
	m.tokPerSec = prometheus.NewGauge(prometheus.GaugeOpts{Name: "assay_miner_tokens_per_second", Help: "Generation speed over the last window."})
	m.reg.MustRegister(m.rollouts, m.tokens, m.files, m.tokPerSec)
	return m, nil
}

// Address is the miner's account.
func (m *Miner) Address() common.Address { return m.addr }

// server is the miner's HTTP server. A client that stops reading must not
// hold a connection for ever: WriteTimeout (Config.WriteTimeout, 2 min by
// default) bounds a whole response, 64 MiB at ~0.5 MB/s.
func (m *Miner) server() *http.Server {
	wt := m.cfg.WriteTimeout
	if wt <= 0 {
		wt = 2 * time.Minute
	}
	return &http.Server{Handler: m.Handler(), ReadHeaderTimeout: 5 * time.Second, WriteTimeout: wt, IdleTimeout: time.Minute}
}

// Handler serves GET /windows/{w} (the window file), /healthz and /metrics.
func (m *Miner) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /windows/{w}", func(w http.ResponseWriter, r *http.Request) {
		win, err := strconv.ParseUint(r.PathValue("w"), 10, 64)
		if err != nil {
			http.Error(w, "bad window", http.StatusBadRequest)
			return
		}
		http.ServeFile(w, r, filepath.Join(m.cfg.Store, proofs.FileName(win, m.addr)))
	})
	mux.HandleFunc("GET /healthz", m.healthz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	return mux
}

// Run registers if needed and answers windows until ctx ends (or
// cfg.Windows files were written). It returns only after the HTTP server
// has stopped.
func (m *Miner) Run(ctx context.Context) error {
	cfg := m.cfg
	var srv *http.Server
	errc := make(chan error, 1)
	if cfg.Listen != "" {
		ln, err := net.Listen("tcp", cfg.Listen)
		if err != nil {
			return fmt.Errorf("miner: listen: %w", err)
		}
		srv = m.server()
		go func() { errc <- srv.Serve(ln) }()
		if cfg.Endpoint == "" {
			cfg.Endpoint = "http://" + ln.Addr().String()
		}
		defer func() {
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			srv.Shutdown(sctx)
			<-errc
		}()
	}
	if err := m.register(ctx, cfg.Endpoint); err != nil {
		return err
	}
	c := cfg.Network.Chain
	seeds := cfg.Network.Seeds
	head, err := c.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("miner: head: %w", err)
	}
	// Start with the next window: joining mid-window could not finish in time.
	w := seeds.WindowOf(head) + 1
	done := 0
	for {
		if err := m.waitBlock(ctx, seeds.FirstBlock(w)); err != nil {
			return network.IgnoreCanceled(err)
		}
		err := m.window(ctx, w)
		if ctx.Err() == nil {
			m.noted(w, err)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, model.ErrDevice) {
				// A lost GPU does not come back by itself: stop, having
				// kept the groups finished so far (see window).
				return fmt.Errorf("miner: stopping: %w", err)
			}
			m.log.Error("window failed", "window", w, "err", err)
		} else {
			done++
		}
		if cfg.Windows > 0 && done >= cfg.Windows {
			return nil
		}
		head, err := c.BlockNumber(ctx)
		if err != nil {
			m.log.Warn("chain head", "err", err)
			head = seeds.FirstBlock(w + 1)
		}
		w = max(w+1, seeds.WindowOf(head))
	}
}

func (m *Miner) register(ctx context.Context, endpoint string) error {
	c := m.cfg.Network.Chain
	uid, ok, err := c.UIDOf(ctx, m.addr)
	if err != nil {
		return err
	}
	if ok {
		ns, err := c.Neurons(ctx)
		if err == nil && int(uid) < len(ns) && ns[uid].Endpoint == endpoint && !ns[uid].Validator {
			m.log.Info("registered", "uid", uid, "endpoint", endpoint)
			return nil
		}
	}
	uid, err = c.Register(ctx, m.cfg.Key, endpoint, false)
	if err != nil {
		return fmt.Errorf("miner: register: %w", err)
	}
	m.log.Info("registered", "uid", uid, "endpoint", endpoint, "address", m.addr)
	return nil
}

// waitBlock waits until block n exists; chain errors are retried.
func (m *Miner) waitBlock(ctx context.Context, n uint64) error {
	return network.WaitBlock(ctx, m.cfg.Network.Chain, n, m.cfg.Poll, m.log)
}

// seed derives the window seed, waiting while the beacon round is not out.
func (m *Miner) seed(ctx context.Context, w uint64) (challenge.Seed, error) {
	return network.Seed(ctx, m.cfg.Network.Seeds, m.cfg.Network.Chain.Blocks(), m.cfg.Beacon, w, challenge.WindowSeed, m.cfg.Poll, m.log)
}

// commitBlocks is how many blocks before the deadline generation stops:
// one to write the file and send its commitment, one for it to be mined.
const commitBlocks = 2

// commit posts the window file's digest on chain; without it validators
// count the miner missing.
func (m *Miner) commit(ctx context.Context, w uint64, records []*proofs.Record) error {
	d := proofs.Digest(records)
	r, err := m.cfg.Network.Chain.Commit(ctx, m.cfg.Key, w, d)
	if err != nil {
		m.log.Error("window file not committed: validators will count this window missing", "window", w, "err", err)
		return fmt.Errorf("window %d: commit: %w", w, err)
	}
	if r != nil {
		m.log.Info("window file committed", "window", w, "digest", fmt.Sprintf("%x", d[:8]), "block", r.BlockNumber, "gas", r.GasUsed)
	}
	return nil
}

func (m *Miner) window(ctx context.Context, w uint64) error {
	cfg := m.cfg
	s, err := m.seed(ctx, w)
	if err != nil {
		return err
	}
	// The window's own parameters: a change takes effect at a scheduled
	// window boundary.
	net, err := cfg.Network.At(ctx, w)
	if err != nil {
		return err
	}
	mdl, release, err := cfg.Models.Acquire(ctx, net.Params.ModelID)
	if err != nil {
		return fmt.Errorf("window %d: %w", w, err)
	}
	defer release()
	m.switched(w, mdl.ID)
	// The next announced model loads while this window generates.
	net.PrepareNext(ctx, w, cfg.Models, m.log)
	claim := mdl.ID
	if cfg.ClaimNetworkModel {
		claim = net.Params.ModelID
	}
	if claim != net.Params.ModelID || claim != mdl.ID {
		m.log.Warn("these records claim a model that did not generate them or is not this window's network model: validators will reject them",
			"window", w, "network", fmt.Sprintf("%x", net.Params.ModelID[:8]), "claimed", fmt.Sprintf("%x", claim[:8]), "ran", fmt.Sprintf("%x", mdl.ID[:8]))
	}
	p := &proofs.Prover{Backend: mdl.Backend, Tokenizer: mdl.Tokenizer, Env: cfg.Env, Params: net.Proofs,
		ModelID: claim, EOS: mdl.EOS, Key: cfg.Key, Window: w, WindowSeed: s.Value}
	deadline := cfg.Network.Seeds.DeadlineBlock(w)
	var records []*proofs.Record
	start := time.Now()
	var toks int
	// Stop two blocks before the deadline: the file's commitment must be
	// mined before it (the transaction sent at block deadline−2 lands in
	// deadline−1 at the earliest). Groups start while the head allows;
	// those still in flight when it arrives are cut off (genCtx), and the
	// file holds the finished prefix.
	stop := deadline - min(deadline, commitBlocks)
	genCtx, stopGen := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		if err := m.waitBlock(genCtx, stop); err == nil {
			stopGen()
		}
	}()
	defer func() {
		stopGen()
		<-watched
	}()
	more := func(j uint64) bool {
		if cfg.MaxGroups > 0 && int(j) >= cfg.MaxGroups {
			return false
		}
		h, err := cfg.Network.Chain.BlockNumber(genCtx)
		if err == nil && h >= stop {
			m.log.Info("window truncated at the deadline", "window", w, "groups", j)
			return false
		}
		return genCtx.Err() == nil
	}
	seqs := cfg.MaxSequences
	if seqs <= 0 {
		seqs = net.Proofs.GroupSize
	}
	gerr := p.Groups(genCtx, 0, seqs, more, func(j uint64, g []*proofs.Record) error {
		records = append(records, g...)
		for _, r := range g {
			toks += len(r.Completion)
		}
		m.rollouts.Add(float64(len(g)))
		if cfg.Progress != nil {
			el := time.Since(start).Seconds()
			cfg.Progress(fmt.Sprintf("window %d  problems %d  rollouts %d  %.0f tok/s", w, j+1, len(records), float64(toks)/max(el, 1e-9)))
		}
		return nil
	})
	switch {
	case gerr == nil:
	case ctx.Err() != nil:
		return ctx.Err()
	case genCtx.Err() != nil:
		m.log.Info("window cut at the deadline", "window", w, "groups", len(records)/net.Proofs.GroupSize)
	default:
		// A failing backend (a GPU lost mid-window) stops the miner, but
		// the groups already finished are a valid, gap-free file: keep it.
		if len(records) > 0 {
			if path, werr := proofs.WriteWindowFile(cfg.Store, cfg.Key, w, records); werr == nil {
				m.log.Warn("backend failed; kept the groups finished so far", "window", w, "groups", len(records)/net.Proofs.GroupSize, "file", path)
				m.commit(ctx, w, records)
			}
		}
		return fmt.Errorf("window %d: %w", w, gerr)
	}
	if len(records) == 0 {
		return fmt.Errorf("window %d: no group finished before the deadline", w)
	}
	path, err := proofs.WriteWindowFile(cfg.Store, cfg.Key, w, records)
	if err != nil {
		return fmt.Errorf("window %d: %w", w, err)
	}
	if err := m.commit(ctx, w, records); err != nil {
		return err
	}
	el := time.Since(start).Seconds()
	m.tokens.Add(float64(toks))
	m.files.Inc()
	m.tokPerSec.Set(float64(toks) / max(el, 1e-9))
	m.log.Info("window file written", "window", w, "groups", len(records)/net.Proofs.GroupSize, "rollouts", len(records),
		"tokens", toks, "tok_per_s", int(float64(toks)/max(el, 1e-9)), "file", path)
	return nil
}
