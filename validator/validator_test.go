package validator

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/export"
	"github.com/assaynet/assay/grpo"
	"github.com/assaynet/assay/miner"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/network/networktest"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/score"
	"github.com/assaynet/assay/sketch"
)

var (
	modelsOnce sync.Once
	honestDir  string
	otherDir   string
	modelsErr  error
)

func models(t *testing.T) (*network.Model, *network.Model) {
	modelsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "assay-validator-")
		if err != nil {
			modelsErr = err
			return
		}
		honestDir, otherDir = filepath.Join(dir, "tiny"), filepath.Join(dir, "other")
		if modelsErr = model.Init(model.InitConfig{Preset: "tiny", Out: honestDir}); modelsErr == nil {
			modelsErr = model.Init(model.InitConfig{Preset: "tiny", Seed: 1, Out: otherDir})
		}
	})
	if modelsErr != nil {
		t.Fatal(modelsErr)
	}
	h, err := network.LoadModel(honestDir, network.CPU(2))
	if err != nil {
		t.Fatal(err)
	}
	o, err := network.LoadModel(otherDir, network.CPU(2))
	if err != nil {
		t.Fatal(err)
	}
	return h, o
}

func testNetwork(modelID [32]byte) *network.Network {
	p := proofs.DefaultParams
	p.GroupSize, p.MaxNewTokens, p.K = 4, 10, 8
	return &network.Network{Params: chain.Params{ModelID: modelID}, Proofs: p}
}

func key(i int) *ecdsa.PrivateKey { return sim.DevKey(100 + i) }

func windowFile(t *testing.T, n *network.Network, m *network.Model, claim [32]byte, k *ecdsa.PrivateKey, w uint64, ws [32]byte, groups int) []byte {
	pr := &proofs.Prover{Backend: m.Backend, Tokenizer: m.Tokenizer, Env: sat.New(sat.DefaultParams), Params: n.Proofs, ModelID: claim,
		EOS: m.EOS, Key: k, Window: w, WindowSeed: ws}
	var recs []*proofs.Record
	for j := 0; j < groups; j++ {
		g, err := pr.Group(context.Background(), uint64(j))
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, g...)
	}
	var buf bytes.Buffer
	if err := proofs.EncodeWindowFile(&buf, k, w, recs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDecide scores an honest miner, a cheater on another model, a miner
// serving garbage, an absent miner and a copycat pair, deterministically.
func TestDecide(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	honest, other := models(t)
	n := testNetwork(honest.ID)
	ws, os := challenge.PRF32("w"), challenge.PRF32("o")
	const w = 5
	miners := []score.Miner{}
	for i := 0; i < 6; i++ {
		miners = append(miners, score.Miner{UID: uint32(i), Address: crypto.PubkeyToAddress(key(i).PublicKey)})
	}
	files := score.MapFiles{
		0: windowFile(t, n, honest, honest.ID, key(0), w, ws, 2),
		1: windowFile(t, n, honest, honest.ID, key(1), w, ws, 1),
		2: windowFile(t, n, other, honest.ID, key(2), w, ws, 1), // another model, claims the network's
		3: []byte("<html>not a window file</html>"),
		// 4: no file
	}
	// 5 copies miner 0's records under its own signature.
	_, recs, err := proofs.ReadAllBytes(files[0], proofs.DefaultFileLimits)
	if err != nil {
		t.Fatal(err)
	}
	miner5 := crypto.PubkeyToAddress(key(5).PublicKey)
	for _, r := range recs {
		r.Miner = miner5
		r.Sign(key(5))
	}
	var buf bytes.Buffer
	proofs.EncodeWindowFile(&buf, key(5), w, recs)
	files[5] = buf.Bytes()
	committed(miners, files)
	in := score.Input{Verifier: n.Verifier(honest, sat.New(sat.DefaultParams), w, ws, os), Miners: miners, Files: files}
	var progress [][2]int
	in.Progress = func(done, total int) { progress = append(progress, [2]int{done, total}) }
	d, err := score.Decide(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	// Progress is told after every miner, missing ones included, in order.
	if len(progress) != len(miners) {
		t.Fatalf("progress reported %d times for %d miners: %v", len(progress), len(miners), progress)
	}
	for i, p := range progress {
		if p != [2]int{i + 1, len(miners)} {
			t.Fatalf("progress call %d: %v, want %d of %d", i, p, i+1, len(miners))
		}
	}
	in.Progress = nil
	want := []struct {
		failure string
		scored  bool
	}{{"", true}, {"", true}, {"sketch", false}, {"window-file", false}, {"missing", false}, {"prompt", false}}
	var sum int
	for i, m := range d.Miners {
		if m.Failure != want[i].failure || (m.Score > 0) != want[i].scored {
			t.Errorf("miner %d: failure %q score %d (%s), want failure %q scored %v", i, m.Failure, m.Score, m.Detail, want[i].failure, want[i].scored)
		}
		sum += int(m.Weight)
	}
	if sum != score.WeightScale {
		t.Fatalf("weights sum to %d", sum)
	}
	// score^4: miner 0 has about twice miner 1's unique rollouts.
	if d.Miners[0].Weight <= d.Miners[1].Weight {
		t.Fatalf("weights %d vs %d", d.Miners[0].Weight, d.Miners[1].Weight)
	}
	// Determinism: the same input gives the same decision.
	d2, _ := score.Decide(context.Background(), in)
	if fmt.Sprint(d2.Miners) != fmt.Sprint(d.Miners) {
		t.Fatal("decision is not deterministic")
	}
	// Copycats: the same completions under two honest signatures.
	in.Files = score.MapFiles{0: files[0], 1: windowFile(t, n, honest, honest.ID, key(1), w, ws, 2)}
	in.Miners = miners[:2]
	// Re-sign miner 0's records as miner 1's at miner 1's problems is not
	// possible (prompts differ), so a copy must fail the prompt check; the
	// copycat rule covers completions shared across miners' valid files.
	d3, _ := score.Decide(context.Background(), in)
	if d3.Miners[0].Copycat || d3.Miners[1].Copycat {
		t.Fatal("independent honest miners flagged as copycats")
	}
}

// TestNetworkResumesAfterKill runs a dev chain, two honest miners and a
// validator in process; then restarts the validator over the same data dir
// (as after kill -9: everything it knows is on disk) and checks that nothing
// is posted twice, and that a decision stored but not posted is posted once.
func TestNetworkResumesAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a network for several windows")
	}
	ctx, tn, honest := honestNetwork(t)
	net, lb, ch := tn.Network, tn.Beacon, tn.Chain
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	dir, exp := t.TempDir(), t.TempDir()
	vcfg := Config{Network: net, Models: network.Fixed{M: honest}, Env: sat.New(sat.DefaultParams), Key: ch.Keys()[5], Beacon: lb, DataDir: dir,
		Poll: 50 * time.Millisecond, Logger: quiet, Windows: 3, Stake: big.NewInt(1e18), Export: exp}
	v, err := New(vcfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Run(ctx); err != nil {
		t.Fatal(err)
	}
	decided := decidedWindows(t, dir)
	if len(decided) < 3 {
		t.Fatalf("decided %v", decided)
	}
	positive := false
	for _, w := range decided {
		d, _ := LoadDecision(dir, w)
		records := 0
		for _, m := range d.Miners {
			positive = positive || m.Weight > 0
			if export.Passed(m) {
				records += m.Records
			}
		}
		// The continuous export holds every record of the passing files.
		rows, err := export.ReadParquet(filepath.Join(exp, fmt.Sprintf("window-%d.parquet", w)))
		if err != nil || len(rows) != records {
			t.Fatalf("window %d export: %d rows (%v), want the %d records of passing files", w, len(rows), err, records)
		}
	}
	if !positive {
		t.Fatal("no honest miner earned weight")
	}
	// Restart over the same data dir from the first decided window.
	vcfg.From, vcfg.Windows = decided[0], len(decided)
	v2, _ := New(vcfg)
	if err := v2.Run(ctx); err != nil {
		t.Fatal(err)
	}
	for _, w := range decided {
		posts, err := net.Chain.Posts(ctx, w)
		if err != nil || len(posts) != 1 {
			t.Fatalf("window %d: %d posts (%v)", w, len(posts), err)
		}
	}
	// Killed while verifying a window (its decision not stored): a restart
	// with no window given resumes after the last stored decision, so the
	// window is decided again (the same weights: its post stands, once).
	mid := decided[len(decided)-1]
	if err := os.Remove(score.DecisionFile(DecisionsDir(dir), mid)); err != nil {
		t.Fatal(err)
	}
	vcfg.From, vcfg.Windows = 0, 1
	v4, _ := New(vcfg)
	if err := v4.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if d, err := LoadDecision(dir, mid); err != nil || !d.Posted {
		t.Fatalf("window %d, killed mid-verification, not decided again after the restart: %v", mid, err)
	}
	if posts, _ := net.Chain.Posts(ctx, mid); len(posts) != 1 {
		t.Fatalf("window %d re-decided after a restart: %d posts", mid, len(posts))
	}
	// Killed between storing a decision and posting it: the next window's
	// decision is stored with Posted=false; the restart posts it once.
	last := decided[len(decided)-1]
	d, _ := LoadDecision(dir, last)
	d.Window = last + 1
	d.Posted = false
	saveDecision(dir, d)
	vcfg.From, vcfg.Windows = last+1, 1
	v3, _ := New(vcfg)
	if err := v3.Run(ctx); err != nil {
		t.Fatal(err)
	}
	posts, _ := net.Chain.Posts(ctx, last+1)
	if len(posts) != 1 {
		t.Fatalf("stored-but-unposted decision posted %d times", len(posts))
	}
	if d, _ := LoadDecision(dir, last+1); !d.Posted {
		t.Fatal("decision not marked posted")
	}
}

// runMiners starts honest miners with the accounts 1..n of tn, each with
// the model set models gives it, one group a window; the returned func
// stops them and waits.
// honestNetwork is a dev network of 6-block windows (a block every
// 300 ms) with two honest miners of the test model running until the test
// ends, and a context of three minutes.
func honestNetwork(t *testing.T) (context.Context, *networktest.Net, *network.Model) {
	t.Helper()
	return honestNetworkWith(t, networktest.Config{})
}

// honestNetworkWith is honestNetwork with cfg's other fields (its model,
// accounts, window and block period are honestNetwork's).
func honestNetworkWith(t *testing.T, cfg networktest.Config) (context.Context, *networktest.Net, *network.Model) {
	t.Helper()
	honest, _ := models(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	cfg.ModelID, cfg.Accounts, cfg.WindowLength, cfg.BlockEvery = honest.ID, 6, 6, 300*time.Millisecond
	tn := networktest.Start(ctx, t, cfg)
	t.Cleanup(runMiners(ctx, t, tn, 2, func() network.Models { return network.Fixed{M: honest} }))
	return ctx, tn, honest
}

func runMiners(ctx context.Context, t *testing.T, tn *networktest.Net, n int, models func() network.Models) (stop func()) {
	t.Helper()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	var wg sync.WaitGroup
	mctx, cancel := context.WithCancel(ctx)
	for i := 1; i <= n; i++ {
		m, err := miner.New(miner.Config{Network: tn.Network, Models: models(), Env: sat.New(sat.DefaultParams), Key: tn.Chain.Keys()[i],
			Beacon: tn.Beacon, Store: t.TempDir(), Listen: "127.0.0.1:0", MaxGroups: 1, Poll: 50 * time.Millisecond, Logger: quiet})
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		wg.Go(func() { m.Run(mctx) })
	}
	return func() { cancel(); wg.Wait() }
}

func decidedWindows(t *testing.T, dir string) []uint64 {
	ws, err := score.DecidedWindows(DecisionsDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

var _ = errors.Is
var _ common.Address

// TestCopierNotCopied: a miner that republishes an honest miner's
// completions in its own unopened slots (its prompts, rewards and
// signatures made right) is the one that fails; the honest miner keeps its
// weight. Under version 1 both were zeroed as copycats.
func TestCopierNotCopied(t *testing.T) {
	honest, n, ws, os := decideFixture(t)
	const w, groups = 5, 4
	G := n.Proofs.GroupSize
	victim, copier := key(0), key(1)
	va, ca := crypto.PubkeyToAddress(victim.PublicKey), crypto.PubkeyToAddress(copier.PublicKey)
	_, vrecs, err := proofs.ReadAllBytes(windowFile(t, n, honest, honest.ID, victim, w, ws, groups), proofs.DefaultFileLimits)
	if err != nil {
		t.Fatal(err)
	}
	_, crecs, err := proofs.ReadAllBytes(windowFile(t, n, honest, honest.ID, copier, w, ws, groups), proofs.DefaultFileLimits)
	if err != nil {
		t.Fatal(err)
	}
	opened := map[uint64]bool{}
	for _, o := range proofs.Opening(os, ca, groups, n.Proofs) {
		opened[o.Problem] = true
	}
	j := uint64(0)
	for opened[j] {
		j++
	}
	// The copier's group j takes the victim's completions (and their
	// commitments); rewards are recomputed for its own problem.
	task, _, err := proofs.Task(sat.New(sat.DefaultParams), honest.Tokenizer, ws, ca, j)
	if err != nil {
		t.Fatal(err)
	}
	g := crecs[j*uint64(G) : (j+1)*uint64(G)]
	rewards := make([]float32, G)
	coeffs := challenge.SketchCoefficients(ws)
	for i, r := range g {
		src := vrecs[i]
		// Commitments recomputed on the copier's own prompt (one prefill),
		// so only the sampler's binding to its uniforms can tell.
		r.Completion = src.Completion
		seq := make([]int, 0, len(r.Prompt)+len(r.Completion))
		for _, tok := range append(append([]uint32(nil), r.Prompt...), r.Completion...) {
			seq = append(seq, int(tok))
		}
		c, _ := honest.Backend.NewCache(len(seq))
		outs, err := honest.Backend.Forward(context.Background(), []model.Step{{Cache: c, Tokens: seq, All: true}})
		if err != nil {
			t.Fatal(err)
		}
		P := len(r.Prompt)
		r.LogProbs, r.Sketches = make([]float32, len(r.Completion)), make([]uint32, len(r.Completion))
		for k, tok := range r.Completion {
			r.LogProbs[k] = float32(model.LogSoftmaxAt(outs[0].Logits[P-1+k], int(tok)))
			r.Sketches[k] = sketch.Compute(outs[0].Hidden[P-1+k], coeffs)
		}
		ids := make([]int, len(r.Completion))
		for k, tok := range r.Completion {
			ids[k] = int(tok)
		}
		text, _ := honest.Tokenizer.Decode(ids, true)
		r.Reward = task.Reward(text)
		rewards[i] = r.Reward
	}
	adv, err := grpo.Advantages(rewards)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range g {
		r.Advantage = adv[i]
		r.Sign(copier)
	}
	var buf bytes.Buffer
	if err := proofs.EncodeWindowFile(&buf, copier, w, crecs); err != nil {
		t.Fatal(err)
	}
	var vbuf bytes.Buffer
	if err := proofs.EncodeWindowFile(&vbuf, victim, w, vrecs); err != nil {
		t.Fatal(err)
	}
	in := score.Input{Verifier: n.Verifier(honest, sat.New(sat.DefaultParams), w, ws, os), Miners: []score.Miner{{UID: 0, Address: va}, {UID: 1, Address: ca}}, Files: score.MapFiles{0: vbuf.Bytes(), 1: buf.Bytes()}}
	committed(in.Miners, in.Files.(score.MapFiles))
	d, err := score.Decide(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	vm, cm := d.Miners[0], d.Miners[1]
	if vm.Failure != "" || vm.Copycat || vm.Weight != score.WeightScale {
		t.Fatalf("victim: failure %q (%s) copycat %v weight %d; want paid in full", vm.Failure, vm.Detail, vm.Copycat, vm.Weight)
	}
	if cm.Failure != "sampling" || !cm.Copycat || cm.Weight != 0 {
		t.Fatalf("copier: failure %q copycat %v weight %d; want a sampling failure", cm.Failure, cm.Copycat, cm.Weight)
	}
	t.Logf("copier rejected: %s", cm.Detail)
}

// TestUncheckedRecordsDoNotCount: a file whose opened sample is honest but
// whose unopened records fail a check that needs no model scores nothing
// (issue: "nothing counts unless it was checked"). Each case edits one
// group the opening does not take, as a miner who knows the opening would.
func TestUncheckedRecordsDoNotCount(t *testing.T) {
	honest, n, ws, os := decideFixture(t)
	const w, groups = 5, 4
	k := key(0)
	addr := crypto.PubkeyToAddress(k.PublicKey)
	base := windowFile(t, n, honest, honest.ID, k, w, ws, groups)
	opened := map[uint64]bool{}
	for _, o := range proofs.Opening(os, addr, groups, n.Proofs) {
		opened[o.Problem] = true
	}
	junk := uint64(0)
	for opened[junk] {
		junk++
	}
	G := n.Proofs.GroupSize
	resign := func(g []*proofs.Record) {
		for _, r := range g {
			r.Sign(k)
		}
	}
	cases := []struct {
		name, want string
		edit       func(g, other []*proofs.Record)
	}{
		{"honest", "", func(g, _ []*proofs.Record) {}},
		{"zero signature", "signature", func(g, _ []*proofs.Record) { g[1].Signature = [65]byte{} }},
		{"another window", "window", func(g, _ []*proofs.Record) { g[0].Window = w + 1; resign(g) }},
		{"another model", "model", func(g, _ []*proofs.Record) { g[2].ModelID[0] ^= 1; resign(g) }},
		{"empty prompt", "schema", func(g, _ []*proofs.Record) { g[0].Prompt = nil; resign(g) }},
		{"another problem's prompt", "prompt", func(g, other []*proofs.Record) {
			for _, r := range g {
				r.Prompt = other[0].Prompt
			}
			resign(g)
		}},
		{"stopped early without EOS", "termination", func(g, _ []*proofs.Record) {
			for _, r := range g {
				if len(r.Completion) > 1 && !slices.Contains(honest.EOS, int(r.Completion[0])) {
					r.Completion, r.LogProbs, r.Sketches = r.Completion[:1], r.LogProbs[:1], r.Sketches[:1]
				}
			}
			resign(g)
		}},
		{"inflated reward", "reward", func(g, _ []*proofs.Record) {
			for _, r := range g {
				r.Reward, r.Advantage = 1, 0 // consistent advantages, false rewards
			}
			resign(g)
		}},
		{"wrong advantage", "advantage", func(g, _ []*proofs.Record) { g[0].Advantage += 0.5; resign(g) }},
		{"another miner's record", "window-file", func(g, _ []*proofs.Record) {
			g[3].Miner = crypto.PubkeyToAddress(key(1).PublicKey)
			g[3].Sign(key(1))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, recs, err := proofs.ReadAllBytes(base, proofs.DefaultFileLimits)
			if err != nil {
				t.Fatal(err)
			}
			other := recs[((junk+1)%groups)*uint64(G):]
			c.edit(recs[junk*uint64(G):(junk+1)*uint64(G)], other)
			var buf bytes.Buffer
			if err := proofs.EncodeWindowFileUnchecked(&buf, k, w, recs); err != nil {
				t.Fatal(err)
			}
			in := score.Input{Verifier: n.Verifier(honest, sat.New(sat.DefaultParams), w, ws, os), Miners: []score.Miner{{UID: 0, Address: addr}}, Files: score.MapFiles{0: buf.Bytes()}}
			committed(in.Miners, in.Files.(score.MapFiles))
			d, err := score.Decide(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			m := d.Miners[0]
			if m.Failure != c.want || (c.want != "") == (m.Score > 0) {
				t.Fatalf("failure %q (%s) score %d, want failure %q", m.Failure, m.Detail, m.Score, c.want)
			}
		})
	}
}

// decideFixture is what the Decide tests share: the honest model, its test
// network and a window's seeds (heavy: skipped under -short).
func decideFixture(t *testing.T) (*network.Model, *network.Network, [32]byte, [32]byte) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	honest, _ := models(t)
	return honest, testNetwork(honest.ID), challenge.PRF32("w"), challenge.PRF32("o")
}

// committed gives every miner the commitment of the file it serves, as an
// honest miner posts it: its header's digest (a file without a readable
// header, some nonzero digest).
func committed(miners []score.Miner, files score.MapFiles) {
	for i, m := range miners {
		data, ok := files[m.UID]
		if !ok {
			continue
		}
		miners[i].Commitment = [32]byte{0xc0}
		if rd, err := proofs.NewReader(bytes.NewReader(data), proofs.DefaultFileLimits); err == nil {
			miners[i].Commitment = rd.Header.Digest
		}
	}
}

// TestCommitmentsDecide: a file counts only as the one its miner committed
// on chain before the deadline. Serving another file (equivocation) is a
// hard failure; a file without a commitment, or a commitment without a
// file, is missing.
func TestCommitmentsDecide(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	honest, _ := models(t)
	n := testNetwork(honest.ID)
	ws, os := challenge.PRF32("w"), challenge.PRF32("o")
	const w = 5
	files := score.MapFiles{}
	miners := make([]score.Miner, 4)
	for i := range miners {
		miners[i] = score.Miner{UID: uint32(i), Address: crypto.PubkeyToAddress(key(i).PublicKey)}
		if i != 3 {
			files[uint32(i)] = windowFile(t, n, honest, honest.ID, key(i), w, ws, 1)
		}
	}
	committed(miners, files)
	// Miner 1 committed a two-group file but serves a one-group one (the
	// file another validator was given, say).
	two := windowFile(t, n, honest, honest.ID, key(1), w, ws, 2)
	committed(miners[1:2], score.MapFiles{1: two})
	miners[2].Commitment = [32]byte{}     // never committed
	miners[3].Commitment = [32]byte{0x3c} // committed, serves nothing
	in := score.Input{Verifier: n.Verifier(honest, sat.New(sat.DefaultParams), w, ws, os), Miners: miners, Files: files}
	d, err := score.Decide(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		failure, detail string
	}{{"", ""}, {"commitment", "committed"}, {score.Missing, "no commitment on chain"}, {score.Missing, "no window file"}}
	for i, m := range d.Miners {
		if m.Failure != want[i].failure || !strings.Contains(m.Detail, want[i].detail) {
			t.Errorf("miner %d: failure %q (%s), want %q with %q", i, m.Failure, m.Detail, want[i].failure, want[i].detail)
		}
	}
	if d.Miners[0].Weight != 65535 {
		t.Errorf("the committed honest miner has weight %d, want all of it", d.Miners[0].Weight)
	}
	if !d.Miners[1].HardFailure() || d.Miners[2].HardFailure() || d.Miners[3].HardFailure() {
		t.Error("only serving another file than the committed one is a hard failure")
	}
}

// TestRunRefusesWithoutStake: a validator with no bonded stake stops at
// start with ErrNoStake instead of verifying windows whose posts the
// contract would refuse; with a stake to bond it bonds it.
func TestRunRefusesWithoutStake(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a chain")
	}
	honest, _ := models(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tn := networktest.Start(ctx, t, networktest.Config{ModelID: honest.ID, Accounts: 2, WindowLength: 50, BlockEvery: 100 * time.Millisecond})
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg := Config{Network: tn.Network, Models: network.Fixed{M: honest}, Env: sat.New(sat.DefaultParams), Key: tn.Chain.Keys()[1], Beacon: tn.Beacon,
		DataDir: t.TempDir(), Poll: 50 * time.Millisecond, Logger: quiet}
	v, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Run(ctx); !errors.Is(err, ErrNoStake) {
		t.Fatalf("Run without stake: %v, want ErrNoStake", err)
	}
	cfg.Stake = big.NewInt(7)
	v, _ = New(cfg)
	if err := v.bond(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := tn.Network.Chain.StakeOf(ctx, v.addr)
	if err != nil || st.Bonded.Int64() != 7 {
		t.Fatalf("bonded %v (%v), want 7 wei", st.Bonded, err)
	}
}
