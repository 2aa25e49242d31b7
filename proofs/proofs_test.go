package proofs

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env/sat"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/sketch"
)

// fixture is an honest miner's window on the tiny model, CPU backend.
type fixture struct {
	ck       *model.Checkpoint
	tk       *tokenizer.Tokenizer
	backend  *model.CPU
	params   Params
	key      *ecdsa.PrivateKey
	prover   *Prover
	verifier *Verifier
	groups   [][]*Record
	eos      []int
}

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error
)

func testParams() Params {
	p := DefaultParams
	p.GroupSize = 4
	p.MaxNewTokens = 24
	p.K = 8
	return p
}

func initModel(dir string, seed uint64) (*model.Checkpoint, *tokenizer.Tokenizer, []int, error) {
	if _, err := os.Stat(filepath.Join(dir, "model.safetensors")); err != nil {
		if err := model.Init(model.InitConfig{Preset: "tiny", Seed: seed, Out: dir}); err != nil {
			return nil, nil, nil, err
		}
	}
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	tk, err := tokenizer.Load(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	gc, err := model.LoadGenerationConfig(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	return ck, tk, gc.EOS, nil
}

func getFixture(t *testing.T) *fixture {
	t.Helper()
	fixOnce.Do(func() {
		dir, err := os.MkdirTemp("", "assay-proofs-")
		if err != nil {
			fixErr = err
			return
		}
		ck, tk, eos, err := initModel(filepath.Join(dir, "tiny"), 0)
		if err != nil {
			fixErr = err
			return
		}
		b, _ := model.NewCPU(ck, model.CPUConfig{Threads: 2})
		key, _ := crypto.ToECDSA(challenge.PRF("test/miner-key", 32))
		ws := challenge.PRF32("test/window-seed")
		os := challenge.PRF32("test/opening-seed")
		f := &fixture{ck: ck, tk: tk, backend: b, params: testParams(), key: key, eos: eos}
		f.prover = &Prover{Backend: b, Tokenizer: tk, Env: sat.New(sat.DefaultParams), Params: f.params, ModelID: ck.ModelID(),
			EOS: eos, Key: key, Window: 7, WindowSeed: ws}
		vb, _ := model.NewCPU(ck, model.CPUConfig{Threads: 3})
		f.verifier = &Verifier{Backend: vb, Tokenizer: tk, Env: sat.New(sat.DefaultParams), Params: f.params, ModelID: ck.ModelID(),
			EOS: eos, Window: 7, WindowSeed: ws, OpeningSeed: os}
		for j := uint64(0); j < 3; j++ {
			g, err := f.prover.Group(context.Background(), j)
			if err != nil {
				fixErr = err
				return
			}
			f.groups = append(f.groups, g)
		}
		fix = f
	})
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

func clone(r *Record) *Record {
	c, err := Decode(r.Encode(), DefaultLimits)
	if err != nil {
		panic(err)
	}
	return c
}

// cloneGroup deep-copies a group so attacks never touch the fixture.
func cloneGroup(g []*Record) []*Record {
	out := make([]*Record, len(g))
	for i, r := range g {
		out[i] = clone(r)
	}
	return out
}

func TestHonestRolloutsVerify(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	for _, g := range f.groups {
		for _, r := range g {
			res, err := f.verifier.Verify(context.Background(), r, g)
			if err != nil {
				t.Fatalf("honest rollout rejected: %v", err)
			}
			if res.MaxSketchDist != 0 || res.MaxLogProbDiff != 0 {
				t.Fatalf("CPU vs CPU drift: sketch %d logprob %g", res.MaxSketchDist, res.MaxLogProbDiff)
			}
		}
	}
}

// TestHonestAcrossThreadsAndBatches regenerates a group with other thread
// counts and checks the records are byte-identical (so they verify).
func TestHonestAcrossThreadsAndBatches(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	for _, threads := range []int{1, 4} {
		b, _ := model.NewCPU(f.ck, model.CPUConfig{Threads: threads})
		p := *f.prover
		p.Backend = b
		g, err := p.Group(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		for i := range g {
			if !g[i].Equal(f.groups[1][i]) {
				t.Fatalf("threads=%d rollout %d differs from the 2-thread group", threads, i)
			}
		}
	}
	// Group size 1 (no batching): the same rollout 0.
	p := *f.prover
	p.Params.GroupSize = 1
	g, err := p.Group(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(g[0].Completion, g[0].LogProbs, g[0].Sketches) != fmt.Sprint(f.groups[1][0].Completion, f.groups[1][0].LogProbs, f.groups[1][0].Sketches) {
		t.Fatal("unbatched rollout differs from the batched group's")
	}
}

// resign recomputes rewards, advantages and signatures after an attack
// edited the records, as a cheater would.
func resign(t *testing.T, f *fixture, g []*Record, key *ecdsa.PrivateKey) {
	for _, r := range g {
		r.Miner = crypto.PubkeyToAddress(key.PublicKey)
		if err := r.Sign(key); err != nil {
			t.Fatal(err)
		}
	}
}

// refill replaces logprobs and sketches with one prefill on the right model
// (the prefill-fill attack's second half) and recomputes rewards/advantages.
func refill(t *testing.T, f *fixture, g []*Record) {
	task, _, _ := Task(f.prover.Env, f.tk, f.prover.WindowSeed, g[0].Miner, g[0].Problem)
	coeffs := sketchCoeffs(f)
	rewards := make([]float32, len(g))
	for i, r := range g {
		seq := append(u32s(r.Prompt), u32s(r.Completion)...)
		c, _ := f.backend.NewCache(len(seq))
		out, err := f.backend.Forward(context.Background(), []model.Step{{Cache: c, Tokens: seq, All: true}})
		if err != nil {
			t.Fatal(err)
		}
		P := len(r.Prompt)
		for k, tok := range r.Completion {
			r.LogProbs[k] = float32(model.LogSoftmaxAt(out[0].Logits[P-1+k], int(tok)))
			r.Sketches[k] = sketchOf(out[0].Hidden[P-1+k], coeffs)
		}
		text, _ := f.tk.Decode(u32s(r.Completion), true)
		r.Reward = task.Reward(text)
		rewards[i] = r.Reward
	}
	setAdvantages(t, g, rewards)
}

func u32s(v []uint32) []int {
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(x)
	}
	return out
}

type attack struct {
	name string
	// build returns the cheating group and the index of the record checked.
	build func(t *testing.T, f *fixture) ([]*Record, int)
	want  []error // accepted reasons (the first is the expected one)
}

func attacks() []attack {
	other := func(t *testing.T, f *fixture, mutate func(*model.Checkpoint) model.Backend) []*Record {
		b := mutate(f.ck)
		p := *f.prover
		p.Backend = b
		g, err := p.Group(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	return []attack{
		{"constant zero sketch", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			for i := range g[0].Sketches {
				g[0].Sketches[i] = 0
			}
			resign(t, f, g, f.key)
			return g, 0
		}, []error{ErrSketch}},
		{"prefill-fill: tokens from another model, commitments from the right one", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(other(t, f, otherSeedBackend))
			refill(t, f, g)
			resign(t, f, g, f.key)
			return g, 0
		}, []error{ErrSampling}},
		{"greedy passed off as sampling", func(t *testing.T, f *fixture) ([]*Record, int) {
			p := *f.prover
			p.Params.Sampling = model.Sampling{}
			g, err := p.Group(context.Background(), 0)
			if err != nil {
				t.Fatal(err)
			}
			return g, 0
		}, []error{ErrSampling}},
		{"different model, honest about its id", func(t *testing.T, f *fixture) ([]*Record, int) {
			b := otherSeedBackend(f.ck)
			p := *f.prover
			p.Backend = b
			p.ModelID = [32]byte{1}
			g, _ := p.Group(context.Background(), 0)
			return g, 0
		}, []error{ErrModel}},
		{"different model claiming the network's id", func(t *testing.T, f *fixture) ([]*Record, int) {
			return other(t, f, otherSeedBackend), 0
		}, []error{ErrSketch, ErrLogProb, ErrSampling}},
		{"weights perturbed by 1e-2 relative noise", func(t *testing.T, f *fixture) ([]*Record, int) {
			return other(t, f, func(ck *model.Checkpoint) model.Backend { return perturbedBackend(ck, 1e-2) }), 0
		}, []error{ErrSketch, ErrLogProb, ErrSampling}},
		{"one layer removed", func(t *testing.T, f *fixture) ([]*Record, int) {
			return other(t, f, droppedLayerBackend), 0
		}, []error{ErrSketch, ErrLogProb, ErrSampling}},
		{"token tampered at one position, not re-signed", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			g[1].Completion[2] ^= 1
			return g, 1
		}, []error{ErrSignature}},
		{"token tampered at one position, re-signed", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			g[1].Completion[2] ^= 1
			resign(t, f, g, f.key)
			return g, 1
		}, []error{ErrLogProb, ErrSketch, ErrSampling}},
		{"logprobs rescaled", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			for i := range g[2].LogProbs {
				g[2].LogProbs[i] *= 0.5
			}
			resign(t, f, g, f.key)
			return g, 2
		}, []error{ErrLogProb}},
		{"sketches copied from another rollout", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			for i := range g[0].Sketches {
				g[0].Sketches[i] = f.groups[1][0].Sketches[i%len(f.groups[1][0].Sketches)]
			}
			resign(t, f, g, f.key)
			return g, 0
		}, []error{ErrSketch}},
		{"record replayed from another window", func(t *testing.T, f *fixture) ([]*Record, int) {
			p := *f.prover
			p.Window = 6
			g, _ := p.Group(context.Background(), 0)
			return g, 0
		}, []error{ErrWindow}},
		{"re-signed by another miner", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			k2, _ := crypto.ToECDSA(challenge.PRF("test/other-key", 32))
			resign(t, f, g, k2)
			return g, 0
		}, []error{ErrPrompt}},
		{"forged signature", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			k2, _ := crypto.ToECDSA(challenge.PRF("test/other-key", 32))
			h := g[0].SigningHash()
			sig, _ := crypto.Sign(h[:], k2)
			copy(g[0].Signature[:], sig)
			return g, 0
		}, []error{ErrSignature}},
		{"prompt of another problem", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[1])
			for _, r := range g {
				r.Problem = 2
			}
			resign(t, f, g, f.key)
			return g, 0
		}, []error{ErrPrompt}},
		{"reward inflated", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			g[3].Reward = 1
			if f.groups[0][3].Reward == 1 {
				g[3].Reward = 0
			}
			rewards := []float32{g[0].Reward, g[1].Reward, g[2].Reward, g[3].Reward}
			setAdvantages(t, g, rewards)
			resign(t, f, g, f.key)
			return g, 3
		}, []error{ErrReward}},
		{"advantages that do not match the group", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])
			g[0].Advantage += 0.5
			resign(t, f, g, f.key)
			return g, 0
		}, []error{ErrAdvantage}},
		{"group missing a rollout", func(t *testing.T, f *fixture) ([]*Record, int) {
			g := cloneGroup(f.groups[0])[:3]
			return g, 0
		}, []error{ErrAdvantage}},
	}
}

func TestAttackCatalogue(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	for _, a := range attacks() {
		t.Run(a.name, func(t *testing.T) {
			g, i := a.build(t, f)
			res, err := f.verifier.Verify(context.Background(), g[i], g)
			if err == nil {
				t.Fatalf("attack accepted (max sketch distance %d, max logprob diff %g)", res.MaxSketchDist, res.MaxLogProbDiff)
			}
			ok := false
			for _, w := range a.want {
				ok = ok || errors.Is(err, w)
			}
			if !ok {
				t.Fatalf("rejected for %q, want one of %v: %v", Reason(err), a.want, err)
			}
			t.Logf("rejected: %s (sketch dist %d, logprob diff %.3g)", Reason(err), res.MaxSketchDist, res.MaxLogProbDiff)
		})
	}
}

// TestGreedyFlaggedBySoftCheck: the soft statistic separates honest sampling
// from greedy decoding (which the hard check also catches).
func TestSoftDistributionCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	var honest []float64
	for _, g := range f.groups {
		for _, r := range g {
			res, err := f.verifier.Verify(context.Background(), r, g)
			if err != nil {
				t.Fatal(err)
			}
			honest = append(honest, res.Z)
		}
	}
	for _, z := range honest {
		if z > 6 || z < -6 {
			t.Fatalf("honest rollout has z = %.2f", z)
		}
	}
	t.Logf("honest z: %.2f", honest)
}

func TestWindowFileRoundTripAndFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	var all []*Record
	for _, g := range f.groups {
		all = append(all, g...)
	}
	dir := t.TempDir()
	path, err := WriteWindowFile(dir, f.key, 7, all)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	h, recs, err := ReadAllBytes(data, DefaultFileLimits)
	if err != nil {
		t.Fatal(err)
	}
	if h.Window != 7 || int(h.Count) != len(all) || len(recs) != len(all) {
		t.Fatalf("header %+v, %d records", h, len(recs))
	}
	for i := range recs {
		if !recs[i].Equal(all[i]) {
			t.Fatalf("record %d changed in the round trip", i)
		}
	}
	t.Logf("window file: %d records, %d completion tokens, %d bytes (%.1f bytes/token)", len(all), tokens(all), len(data), float64(len(data))/float64(tokens(all)))

	faults := []struct {
		name string
		data []byte
		lim  FileLimits
		want string
	}{
		{"truncated in the header", data[:40], DefaultFileLimits, "header"},
		{"truncated in the records", data[:len(data)-20], DefaultFileLimits, "record"},
		{"not a window file", append([]byte("GARBAGE!"), data[8:]...), DefaultFileLimits, "magic"},
		{"header tampered", flipAt(data, 20), DefaultFileLimits, "signature"},
		{"over the file size limit", data, FileLimits{MaxFileBytes: 100, MaxUncompressedBytes: 1 << 30, MaxRecords: 10, MaxRecordBytes: 1 << 20, Record: DefaultLimits}, "limit"},
		{"too many records", data, FileLimits{MaxFileBytes: 1 << 30, MaxUncompressedBytes: 1 << 30, MaxRecords: 2, MaxRecordBytes: 1 << 20, Record: DefaultLimits}, "exceed"},
		{"record over its size limit", data, FileLimits{MaxFileBytes: 1 << 30, MaxUncompressedBytes: 1 << 30, MaxRecords: 100, MaxRecordBytes: 64, Record: DefaultLimits}, "record 0"},
	}
	for _, ft := range faults {
		_, _, err := ReadAllBytes(ft.data, ft.lim)
		if !errors.Is(err, ErrFile) || !bytes.Contains([]byte(err.Error()), []byte(ft.want)) {
			t.Errorf("%s: err %v, want %q", ft.name, err, ft.want)
		}
	}
	// A file whose records were swapped after signing fails the digest.
	swapped := append([]*Record(nil), all...)
	swapped[0], swapped[1] = swapped[1], swapped[0]
	var buf bytes.Buffer
	EncodeWindowFile(&buf, f.key, 7, swapped)
	good := buf.Bytes()
	var orig bytes.Buffer
	EncodeWindowFile(&orig, f.key, 7, all)
	mixed := append(append([]byte(nil), orig.Bytes()[:8+4+headerLen+65]...), good[8+4+headerLen+65:]...)
	if _, _, err := ReadAllBytes(mixed, DefaultFileLimits); err == nil || !bytes.Contains([]byte(err.Error()), []byte("digest")) {
		t.Fatalf("swapped records: %v", err)
	}
	// A window file for another miner's key cannot be written.
	k2, _ := crypto.ToECDSA(challenge.PRF("test/other-key", 32))
	if _, err := WriteWindowFile(dir, k2, 7, all); err == nil {
		t.Fatal("wrote another miner's records")
	}
}

func tokens(rs []*Record) int {
	n := 0
	for _, r := range rs {
		n += len(r.Completion)
	}
	return n
}

func flipAt(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x40
	return c
}

func TestOpening(t *testing.T) {
	p := testParams()
	seed := challenge.PRF32("x")
	miner := crypto.PubkeyToAddress(mustKey(t).PublicKey)
	o := Opening(seed, miner, 10, p)
	if len(o) != 3 { // ceil(10/4)
		t.Fatalf("opened %d groups", len(o))
	}
	for _, g := range o {
		if len(g.Rollouts) != p.RolloutsPerGroup || g.Problem >= 10 {
			t.Fatalf("%+v", g)
		}
	}
	if len(Opening(seed, miner, 1000, p)) != p.MaxOpenGroups || Opening(seed, miner, 0, p) != nil {
		t.Fatal("cap or empty")
	}
	pos := OpenPositions(seed, [32]byte{1}, 100, 8)
	if len(pos) != 8 || fmt.Sprint(pos) != fmt.Sprint(OpenPositions(seed, [32]byte{1}, 100, 8)) {
		t.Fatal("positions not deterministic")
	}
	if fmt.Sprint(pos) == fmt.Sprint(OpenPositions(seed, [32]byte{2}, 100, 8)) {
		t.Fatal("positions ignore the record hash")
	}
	if len(OpenPositions(seed, [32]byte{1}, 5, 8)) != 5 {
		t.Fatal("short completion")
	}
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(challenge.PRF("test/miner-key", 32))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func FuzzDecodeRecord(f *testing.F) {
	fx := &Record{Version: 1, Prompt: []uint32{1, 2}, Completion: []uint32{3}, LogProbs: []float32{-1}, Sketches: []uint32{5}}
	f.Add(fx.Encode())
	f.Add([]byte{0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Decode(data, DefaultLimits)
		if err != nil {
			return
		}
		if !bytes.Equal(r.Encode(), data) {
			t.Fatal("decode accepted a non-canonical encoding")
		}
	})
}

func FuzzReadWindowFile(f *testing.F) {
	key, _ := crypto.ToECDSA(challenge.PRF("test/miner-key", 32))
	r := &Record{Version: 1, Window: 3, Miner: crypto.PubkeyToAddress(key.PublicKey), Prompt: []uint32{1}, Completion: []uint32{2}, LogProbs: []float32{-0.5}, Sketches: []uint32{9}}
	r.Sign(key)
	var buf bytes.Buffer
	EncodeWindowFile(&buf, key, 3, []*Record{r, r})
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := DefaultFileLimits
		lim.MaxUncompressedBytes = 1 << 20
		_, _, _ = ReadAllBytes(data, lim) // must not panic or hang
	})
}

// TestForgeryRates measures how often cheap sketch forgeries pass one
// opened position, on the tiny model's real hidden states, and checks the
// analytic rate of a uniformly random sketch by simulation.
func TestForgeryRates(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy (model or chain work): runs in the full, non-race pass of make test")
	}
	f := getFixture(t)
	tol := uint64(2*254 + 1) // accepted residues around the true value
	// Uniform random sketches: analytic (2·tol+1)/P per position.
	analytic := float64(tol) / float64(2147483647)
	rng := rand.New(rand.NewPCG(3, 4))
	hits, trials := 0, 2_000_000
	var sketches []uint32
	for _, g := range f.groups {
		for _, r := range g {
			sketches = append(sketches, r.Sketches...)
		}
	}
	for i := 0; i < trials; i++ {
		s := uint32(rng.Uint64N(2147483647))
		if sketchValid(sketches[i%len(sketches)], s) {
			hits++
		}
	}
	if float64(hits) > 10*analytic*float64(trials)+5 {
		t.Fatalf("random sketches pass %d/%d, analytic rate %.2e", hits, trials, analytic)
	}
	// Constant sketch 0: passes where the true sketch is within tolerance of 0.
	zero := 0
	for _, s := range sketches {
		if sketchValid(s, 0) {
			zero++
		}
	}
	rate := float64(zero) / float64(len(sketches))
	t.Logf("random sketch: %d/%d passes (analytic %.2e per position, %.2e for K=8); constant 0: %d/%d positions (%.3f)",
		hits, trials, analytic, math.Pow(analytic, 8), zero, len(sketches), rate)
	if rate > 0.05 {
		t.Fatalf("constant-zero sketch passes %.1f%% of positions", 100*rate)
	}
}

func sketchValid(committed, recomputed uint32) bool {
	_, ok := sketch.Check(committed, sketch.Single(recomputed), 0)
	return ok
}
