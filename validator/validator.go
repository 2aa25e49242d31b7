// Package validator runs a validator: for every closed window it fetches
// each registered miner's window file, waits for the opening, judges the
// files (package score: the same function an auditor replays) and posts
// the weights to the subnet contract.
package validator

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/sync/semaphore"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/dashboard"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/export"
	"github.com/assaynet/assay/internal/ctxsleep"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/score"
)

// Config configures a validator.
type Config struct {
	Network *network.Network
	// Models gives each window the model its parameters name
	// (network.ModelSet: a model stays loaded while windows it governs
	// are being decided, the next announced one loads ahead).
	Models network.Models
	Env    env.Environment
	Key    *ecdsa.PrivateKey
	Beacon challenge.Beacon
	// DataDir holds decisions (decisions/window-N.json) and the files each
	// decision used (files/window-N/UID.assay), so a restart resumes and an
	// auditor can replay from a copy.
	DataDir string
	// Lookback is the number of earlier windows whose hard failures gate a
	// miner to zero.
	Lookback int
	// Fetch bounds: per request timeout, attempts (404s are retried until
	// the opening block without counting) and the least time failures are
	// retried for (FetchPatience: a committed miner restarting is down for
	// seconds; negative: attempts only), size cap, miners fetched at once
	// and the bytes held by downloads in progress.
	FetchTimeout  time.Duration
	FetchAttempts int
	FetchPatience time.Duration
	// StoreRetry is the wait before trying again when the data dir cannot
	// be written (ErrStore).
	StoreRetry       time.Duration
	MaxFileBytes     int64
	FetchConcurrency int
	FetchBytes       int64
	// PublicEndpointsOnly refuses endpoints whose address is loopback,
	// private, link-local or otherwise not public (ErrPrivateEndpoint), as
	// a production validator should: a registered endpoint is anyone's
	// input, and otherwise it can aim the validator at its own network.
	// Off by default, since dev chains and the demo run on loopback.
	PublicEndpointsOnly bool
	Poll                time.Duration
	Listen              string // /metrics and /healthz ("" for none)
	Logger              *slog.Logger
	// Windows stops after this many windows were posted (0: run until ctx ends).
	Windows int
	// From is the first window to decide (0: the next window at a first
	// start, the one after the last stored decision at a restart).
	From uint64
	// PauseAt, for fault tests, is a step of a window at which Run stops
	// until ctx ends, logging "paused for a fault test", so that a harness
	// can kill the process exactly there: PauseFetching (the miners known,
	// the window's files folder made, no file fetched), PauseVerifying (a
	// miner of the window verified, the decision not stored), PauseDecided
	// (stored, not posted), PausePosted (posted, the post not recorded).
	// Empty in production.
	PauseAt string
	// Export, when set, is a folder where every decided window's verified
	// rollouts are written as training data (package export), in
	// ExportFormat ("parquet" when empty, or "jsonl"): window-N.parquet.
	Export       string
	ExportFormat string
	// Progress, when set, is told how many of window w's miners are
	// verified (done of total), after each one.
	Progress func(w uint64, done, total int)
	// Stake is the bonded stake (wei) the validator keeps: at start it
	// bonds what is missing. The contract refuses weights from a validator
	// without bonded stake, so Run fails at start when there is none.
	Stake *big.Int
}

// Validator is a running validator.
type Validator struct {
	cfg       Config
	addr      common.Address
	log       *slog.Logger
	http      *http.Client
	bytes     *semaphore.Weighted // bytes of downloads in progress
	headOf    func(context.Context) (uint64, error)
	reg       *prometheus.Registry
	outcomes  *prometheus.CounterVec
	posted    prometheus.Counter
	decisions prometheus.Counter
	health    health

	judging atomic.Pointer[[32]byte] // the model of the last window judged
}

// New checks the configuration.
func New(cfg Config) (*Validator, error) {
	if cfg.Network == nil || cfg.Models == nil || cfg.Key == nil || cfg.Beacon == nil || cfg.Env == nil || cfg.DataDir == "" {
		return nil, errors.New("validator: network, model, key, beacon, env and data dir are required")
	}
	if cfg.FetchTimeout == 0 {
		cfg.FetchTimeout = 10 * time.Second
	}
	if cfg.FetchAttempts == 0 {
		cfg.FetchAttempts = 3
	}
	if cfg.FetchPatience == 0 {
		cfg.FetchPatience = 15 * time.Second
	}
	if cfg.StoreRetry <= 0 {
		cfg.StoreRetry = 10 * time.Second
	}
	if cfg.MaxFileBytes == 0 {
		cfg.MaxFileBytes = proofs.DefaultFileLimits.MaxFileBytes
	}
	if cfg.FetchConcurrency == 0 {
		cfg.FetchConcurrency = 32
	}
	if cfg.FetchBytes == 0 {
		cfg.FetchBytes = 4 * cfg.MaxFileBytes
	}
	cfg.FetchBytes = max(cfg.FetchBytes, cfg.MaxFileBytes) // room for one file at the cap
	switch cfg.PauseAt {
	case "", PauseFetching, PauseVerifying, PauseDecided, PausePosted:
	default:
		return nil, fmt.Errorf("validator: pause step %q: want %s, %s, %s or %s", cfg.PauseAt, PauseFetching, PauseVerifying, PauseDecided, PausePosted)
	}
	if cfg.Poll == 0 {
		cfg.Poll = time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Export != "" {
		if cfg.ExportFormat != "" && !slices.Contains(export.Formats, cfg.ExportFormat) {
			return nil, fmt.Errorf("validator: export format %q: want parquet or jsonl", cfg.ExportFormat)
		}
		if err := os.MkdirAll(cfg.Export, 0o755); err != nil {
			return nil, fmt.Errorf("validator: export folder: %w", err)
		}
	}
	for _, d := range []string{DecisionsDir(cfg.DataDir), FilesRoot(cfg.DataDir)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("validator: data dir: %w", err)
		}
	}
	v := &Validator{cfg: cfg, addr: crypto.PubkeyToAddress(cfg.Key.PublicKey), log: cfg.Logger,
		http: newFetchClient(cfg.FetchTimeout, cfg.PublicEndpointsOnly), bytes: semaphore.NewWeighted(cfg.FetchBytes), reg: prometheus.NewRegistry()}
	v.headOf = v.head
	v.outcomes = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "assay_validator_miner_outcomes_total", Help: "Per-miner window outcomes by reason (ok or the failure)."}, []string{"reason"})
	v.posted = prometheus.NewCounter(prometheus.CounterOpts{Name: "assay_validator_weights_posted_total", Help: "Weight vectors posted."})
	v.decisions = prometheus.NewCounter(prometheus.CounterOpts{Name: "assay_validator_decisions_total", Help: "Windows decided."})
	v.reg.MustRegister(v.outcomes, v.posted, v.decisions)
	return v, nil
}

// DecisionsDir holds the decisions (score.DecisionFile: window-N.json).
func DecisionsDir(dataDir string) string { return filepath.Join(dataDir, "decisions") }

// FilesRoot holds the files each decision used, a folder a window
// (score.FilesDir), so an auditor can replay from a copy.
func FilesRoot(dataDir string) string { return filepath.Join(dataDir, "files") }

// LoadDecision reads a stored decision (os.ErrNotExist when absent).
func LoadDecision(dataDir string, w uint64) (*score.Decision, error) {
	return score.ReadDecision(score.DecisionFile(DecisionsDir(dataDir), w))
}

func saveDecision(dataDir string, d *score.Decision) error {
	return score.WriteDecision(DecisionsDir(dataDir), d)
}

// Run decides and posts windows until ctx ends (or cfg.Windows were posted).
// A restart resumes after the last stored decision (cfg.From unset): a
// stored decision is never recomputed and a posted one never re-posted; a
// decision stored but not posted is posted.
func (v *Validator) Run(ctx context.Context) error {
	cfg := v.cfg
	if cfg.Listen != "" {
		ln, err := net.Listen("tcp", cfg.Listen)
		if err != nil {
			return fmt.Errorf("validator: listen: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", promhttp.HandlerFor(v.reg, promhttp.HandlerOpts{}))
		mux.Handle("GET /healthz", healthHandler(&v.health, v.headOf, cfg.Network.Seeds))
		mux.Handle("GET /", dashboard.Handler(dashboard.Dir(DecisionsDir(cfg.DataDir)), "validator "+v.addr.Hex()))
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
		errc := make(chan error, 1)
		go func() { errc <- srv.Serve(ln) }()
		defer func() {
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			srv.Shutdown(sctx)
			<-errc
		}()
	}
	if err := v.register(ctx); err != nil {
		return err
	}
	if err := v.bond(ctx); err != nil {
		return err
	}
	// A decision stored before a crash but not posted is posted first.
	if err := v.resumeUnposted(ctx); err != nil {
		return err
	}
	seeds := cfg.Network.Seeds
	w := cfg.From
	if w == 0 {
		head, err := v.head(ctx)
		if err != nil {
			return network.IgnoreCanceled(err)
		}
		// Start with the next window, as miners do: the current one may
		// have started before anyone could answer it. After a restart, with
		// the windows since the last decided one (a kill mid-window loses
		// none) as far back as a post is still accepted.
		w = seeds.WindowOf(head) + 1
		if first, err := v.resumeAfter(ctx, seeds.WindowOf(head)); err != nil {
			return err
		} else if first < w {
			w = first
		}
	}
	// Fetching runs on its own, window after window at each deadline, so
	// that a long verification delays no window's fetch.
	f := newFetcher()
	f.deadline = func(ctx context.Context, w uint64) error { return v.waitBlock(ctx, seeds.DeadlineBlock(w)) }
	f.miners = func(ctx context.Context, w uint64) ([]score.Miner, error) {
		return score.MinersAt(ctx, cfg.Network.Chain, seeds, w)
	}
	f.fetchAll = v.fetchAll
	// The loop's own test for a stored decision (decideFetched): a
	// decision file that does not load is decided afresh, so it is fetched.
	f.decided = func(w uint64) bool {
		_, err := LoadDecision(cfg.DataDir, w)
		return err == nil
	}
	fctx, stopFetching := context.WithCancel(ctx)
	var fetching sync.WaitGroup
	fetching.Go(func() { f.run(fctx, w) })
	defer fetching.Wait()
	defer stopFetching()
	posted := 0
	for ; ; w++ {
		v.health.at(w)
		d, err := v.decideFetched(ctx, f, w)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			v.log.Error("window not decided", "window", w, "err", err)
			continue
		}
		v.health.done(w, time.Now())
		if !d.Posted {
			if err := v.postStored(ctx, d); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				v.log.Error("weights not posted", "window", w, "err", err)
				continue
			}
		}
		posted++
		if cfg.Windows > 0 && posted >= cfg.Windows {
			return nil
		}
	}
}

func (v *Validator) resumeUnposted(ctx context.Context) error {
	ws, err := score.DecidedWindows(DecisionsDir(v.cfg.DataDir))
	if err != nil {
		return err
	}
	for _, w := range ws {
		d, err := LoadDecision(v.cfg.DataDir, w)
		if err != nil {
			return err
		}
		if d.Posted {
			continue
		}
		v.log.Info("posting a decision stored before a restart", "window", w)
		if err := v.postStored(ctx, d); err != nil {
			v.log.Error("could not post a stored decision", "window", w, "err", err)
		}
	}
	return nil
}

// Fault-test steps (Config.PauseAt).
const (
	PauseFetching  = "fetching"
	PauseVerifying = "verifying"
	PauseDecided   = "decided"
	PausePosted    = "posted"
)

// pause waits for ctx to end where Config.PauseAt names step.
func (v *Validator) pause(ctx context.Context, step string, w uint64) {
	if v.cfg.PauseAt != step {
		return
	}
	v.log.Warn("paused for a fault test", "step", step, "window", w)
	<-ctx.Done()
}

// resumeAfter is the first window to decide after a restart in window
// cur: the one after the last stored decision (before any decision, the
// first whose fetching began), or the oldest the contract still takes a
// post for (staleWindows back, one spared for deciding it) when that is
// later; cur + 1 at a first start.
func (v *Validator) resumeAfter(ctx context.Context, cur uint64) (uint64, error) {
	ws, err := score.DecidedWindows(DecisionsDir(v.cfg.DataDir))
	if err != nil {
		return 0, err
	}
	var first uint64
	if len(ws) > 0 {
		first = ws[len(ws)-1] + 1
	} else {
		fetched, err := score.FetchedWindows(FilesRoot(v.cfg.DataDir))
		if err != nil || len(fetched) == 0 {
			return cur + 1, err
		}
		first = fetched[0]
	}
	if first > cur {
		return cur + 1, nil
	}
	if c := v.cfg.Network.Chain; c != nil {
		p, err := c.Params(ctx)
		if err != nil {
			return 0, fmt.Errorf("validator: resume: %w", err)
		}
		if oldest := cur + 1 - min(cur, p.StaleWindows); first < oldest {
			v.log.Warn("windows since the last decision are past the stale limit: not decided", "from", first, "to", oldest-1)
			first = oldest
		}
	}
	v.log.Info("resuming after the last decided window", "window", first)
	return first, nil
}

func (v *Validator) register(ctx context.Context) error {
	c := v.cfg.Network.Chain
	uid, ok, err := c.UIDOf(ctx, v.addr)
	if err != nil {
		return err
	}
	if ok {
		ns, err := c.Neurons(ctx)
		if err == nil && int(uid) < len(ns) && ns[uid].Validator {
			return nil
		}
	}
	if _, err := c.Register(ctx, v.cfg.Key, "", true); err != nil {
		return fmt.Errorf("validator: register: %w", err)
	}
	return nil
}

// exportWindow writes a decided window's verified rollouts to the export
// folder. A failure (a full disk) is logged, not fatal: the decision and
// its files are kept, so `assay export` can write the window later.
func (v *Validator) exportWindow(d *score.Decision, m *network.Model, p proofs.Params) {
	format := v.cfg.ExportFormat
	if format == "" {
		format = "parquet"
	}
	rows, err := export.New().Window(export.Source{Decision: d, Files: score.DirFiles(score.FilesDir(FilesRoot(v.cfg.DataDir), d.Window)),
		Tokenizer: m.Tokenizer, Env: v.cfg.Env.Name(), Params: p})
	path := filepath.Join(v.cfg.Export, fmt.Sprintf("window-%d.%s", d.Window, format))
	if err == nil {
		err = export.Write(path, format, rows)
	}
	if err != nil {
		v.log.Error("export failed (the decision and files are kept: assay export can retry)", "window", d.Window, "err", err)
		return
	}
	v.log.Info("exported", "window", d.Window, "rollouts", len(rows), "file", path)
}

// ErrStore means the validator's data dir could not be written (a full
// disk, say): a window is then neither judged from what it could not keep
// nor skipped; the loop waits (Config.StoreRetry) and tries again, and
// /healthz says so.
var ErrStore = errors.New("validator: the data dir cannot be written")

// ErrNoStake means the validator has no bonded stake, so the contract
// would refuse every weight it posts.
var ErrNoStake = errors.New("validator: no bonded stake (the contract refuses weights from unstaked validators): start with a stake to bond")

// bond tops the bonded stake up to Config.Stake.
func (v *Validator) bond(ctx context.Context) error {
	c := v.cfg.Network.Chain
	st, err := c.StakeOf(ctx, v.addr)
	if err != nil {
		return err
	}
	if want := v.cfg.Stake; want != nil && st.Bonded.Cmp(want) < 0 {
		add := new(big.Int).Sub(want, st.Bonded)
		if _, err := c.AddStake(ctx, v.cfg.Key, add); err != nil {
			return fmt.Errorf("validator: stake: %w", err)
		}
		st.Bonded = want
		v.log.Info("staked", "added_wei", add, "bonded_wei", want)
	}
	if st.Bonded.Sign() == 0 {
		return ErrNoStake
	}
	return nil
}

func (v *Validator) head(ctx context.Context) (uint64, error) {
	return network.Head(ctx, v.cfg.Network.Chain, v.cfg.Poll, v.log)
}

func (v *Validator) waitBlock(ctx context.Context, n uint64) error {
	return network.WaitBlock(ctx, v.cfg.Network.Chain, n, v.cfg.Poll, v.log)
}

// decideFetched returns the stored decision of w, or takes w's fetch from
// the fetcher and decides it.
func (v *Validator) decideFetched(ctx context.Context, f *fetcher, w uint64) (*score.Decision, error) {
	if d, err := LoadDecision(v.cfg.DataDir, w); err == nil {
		// Not fetched (fetcher.decided); posted no earlier than a fresh
		// decision would be.
		if err := v.waitBlock(ctx, v.cfg.Network.Seeds.DeadlineBlock(w)); err != nil {
			return nil, err
		}
		return d, nil
	}
	got, err := f.take(ctx, w)
	if err != nil {
		return nil, err
	}
	// Files that arrived but could not be kept: the validator's own disk.
	// The miners' files are still theirs to serve and their commitments on
	// chain, so fetch again rather than judge them missing or lose the window.
	if errors.Is(got.err, ErrStore) {
		got.err = v.untilStored(ctx, w, got.err, func() (err error) {
			got.arrivals, err = v.fetchAll(ctx, w, got.miners)
			return err
		})
	}
	if got.err != nil {
		return nil, got.err
	}
	return v.decide(ctx, w, got.miners, got.arrivals)
}

// untilStored waits while a write of window w's data fails (err, the first
// attempt's result, then retry's every Config.StoreRetry): the window
// waits, said in the log and /healthz, rather than go on without what it
// could not keep. Only ctx ending stops it.
func (v *Validator) untilStored(ctx context.Context, w uint64, err error, retry func() error) error {
	for err != nil {
		v.health.storeFailing(err)
		v.log.Error("window waits: the data dir cannot be written (no miner is judged for it)", "window", w, "err", err, "retry_in", v.cfg.StoreRetry)
		if serr := ctxsleep.Sleep(ctx, v.cfg.StoreRetry); serr != nil {
			return serr
		}
		err = retry()
	}
	v.health.storeFailing(nil)
	return nil
}

// decide verifies window w's fetched files once its opening block exists,
// judges the window and stores the decision.
func (v *Validator) decide(ctx context.Context, w uint64, miners []score.Miner, arrivals map[uint32]uint64) (*score.Decision, error) {
	cfg := v.cfg
	if err := v.waitBlock(ctx, cfg.Network.Seeds.OpeningBlock(w)); err != nil {
		return nil, err
	}
	ws, err := v.seed(ctx, w, challenge.WindowSeed)
	if err != nil {
		return nil, err
	}
	opening, err := v.seed(ctx, w, challenge.OpeningSeed)
	if err != nil {
		return nil, err
	}
	gated, err := GatedFromDecisions(cfg.DataDir, w, cfg.Lookback)
	if err != nil {
		return nil, err
	}
	// The window is judged by its own parameters (a change takes effect at
	// a scheduled boundary), with the model they name.
	net, mdl, release, err := cfg.Network.JudgeAt(ctx, w, cfg.Models)
	if err != nil {
		return nil, err
	}
	defer release()
	if prev := v.judging.Swap(&mdl.ID); prev == nil || *prev != mdl.ID {
		v.log.Info("judging with model", "window", w, "model", fmt.Sprintf("%x", mdl.ID))
	}
	net.PrepareNext(ctx, w, cfg.Models, v.log)
	start := time.Now()
	progress := func(done, total int) {
		if cfg.Progress != nil {
			cfg.Progress(w, done, total)
		}
		if done > 0 {
			v.pause(ctx, PauseVerifying, w)
		}
	}
	d, err := score.Decide(ctx, score.Input{Verifier: net.Verifier(mdl, cfg.Env, w, ws.Value, opening.Value), Miners: miners,
		Files: score.DirFiles(score.FilesDir(FilesRoot(cfg.DataDir), w)), Arrivals: arrivals, Gated: gated, Progress: progress})
	if err != nil {
		return nil, err
	}
	d.VerifySeconds = time.Since(start).Seconds()
	// Stored before anything else happens to it; the verification is not
	// repeated while the disk refuses it.
	save := func() error {
		if err := saveDecision(cfg.DataDir, d); err != nil {
			return fmt.Errorf("%w: decision of window %d: %v", ErrStore, w, err)
		}
		return nil
	}
	if err := v.untilStored(ctx, w, save(), save); err != nil {
		return nil, err
	}
	v.pause(ctx, PauseDecided, w)
	v.decisions.Inc()
	if cfg.Export != "" {
		v.exportWindow(d, mdl, net.Proofs)
	}
	for _, m := range d.Miners {
		reason := m.Failure
		if reason == "" {
			reason = "ok"
		}
		v.outcomes.WithLabelValues(reason).Inc()
		v.log.Info("miner decided", "window", w, "uid", m.UID, "address", m.Address, "opened", m.Opened, "verified", m.Verified,
			"unique", m.Unique, "failure", m.Failure, "copycat", m.Copycat, "score", m.Score, "weight", m.Weight)
	}
	return d, nil
}

func (v *Validator) seed(ctx context.Context, w uint64, f network.SeedFunc) (challenge.Seed, error) {
	var blocks challenge.BlockSource
	if v.cfg.Network.Chain != nil {
		blocks = v.cfg.Network.Chain.Blocks()
	}
	return network.Seed(ctx, v.cfg.Network.Seeds, blocks, v.cfg.Beacon, w, f, v.cfg.Poll, v.log)
}

func (v *Validator) post(ctx context.Context, d *score.Decision) error {
	uids, weights := d.Weights()
	if len(d.Miners) == 0 { // nothing to say; an all-zero decision is posted (empty)
		d.Posted = true
		return markPosted(v.cfg.DataDir, d)
	}
	r, err := v.cfg.Network.Chain.SetWeights(ctx, v.cfg.Key, d.Window, uids, weights)
	if err != nil {
		return err
	}
	d.Posted = true
	if r != nil {
		d.TxHash = r.TxHash.Hex()
	}
	v.posted.Inc()
	v.log.Info("weights posted", "window", d.Window, "miners", len(uids), "tx", d.TxHash)
	v.pause(ctx, PausePosted, d.Window)
	return markPosted(v.cfg.DataDir, d)
}

// postStored is post, tried again while recording it fails (ErrStore) or
// the chain cannot be reached: the next window's post would make this
// one's impossible, and a repeat is safe (chain.Client.SetWeights
// recognises weights already posted). A revert or a refusal the node
// would repeat ends it.
func (v *Validator) postStored(ctx context.Context, d *score.Decision) error {
	backoff := time.Second
	for {
		err := v.post(ctx, d)
		wait := v.cfg.StoreRetry
		switch {
		case err == nil || ctx.Err() != nil:
			v.health.storeFailing(nil)
			return err
		case errors.Is(err, ErrStore):
			v.health.storeFailing(err)
			v.log.Error("posted, but the data dir cannot record it; trying again", "window", d.Window, "err", err, "retry_in", wait)
		case errors.Is(err, chain.ErrReverted), errors.Is(err, chain.ErrRejected):
			return err
		default:
			wait, backoff = backoff, min(2*backoff, 30*time.Second)
			v.log.Warn("weights not posted yet: the chain did not answer; trying again", "window", d.Window, "err", err, "retry_in", wait)
		}
		if err := ctxsleep.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// markPosted records d as posted. Failing (ErrStore), the post stands on
// chain and a later post of the same decision is recognised there
// (chain.Client.SetWeights), so trying again is safe.
func markPosted(dataDir string, d *score.Decision) error {
	if err := saveDecision(dataDir, d); err != nil {
		return fmt.Errorf("%w: record window %d as posted: %v", ErrStore, d.Window, err)
	}
	return nil
}

// GatedFromDecisions returns the miners with a hard failure in the stored
// decisions of windows [w−lookback, w).
func GatedFromDecisions(dataDir string, w uint64, lookback int) (map[common.Address]bool, error) {
	var prev []*score.Decision
	for k := 1; k <= lookback && uint64(k) <= w; k++ {
		d, err := LoadDecision(dataDir, w-uint64(k))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		prev = append(prev, d)
	}
	return score.Gated(prev), nil
}
