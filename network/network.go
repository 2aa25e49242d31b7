// Package network assembles what every role needs from the chain and the
// local model: the subnet contract's parameters (by window) turned into
// seed parameters and proof parameters, a window's verifier, the loaded
// model, and the waits on chain and beacon the roles share. The beacon
// itself is built by the caller (cmd: the --beacon flags).
package network

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/proofs"
)

// File is what `assay chain dev` writes for the other processes.
type File struct {
	RPC      string       `json:"rpc"`
	ChainID  uint64       `json:"chain_id"`
	Contract string       `json:"contract"`
	Accounts []Account    `json:"accounts"`
	Params   chain.Params `json:"params"`
	// BeaconDelay, when present, is the network's beacon delay (seconds,
	// Protocol.BeaconDelay) for roles that do not set --beacon-delay: the
	// dev chain writes 0, since it seals every block at its timestamp.
	BeaconDelay *uint64 `json:"beacon_delay,omitempty"`
}

// Account is a funded dev account (keys are public knowledge).
type Account struct {
	Address string `json:"address"`
	Key     string `json:"key"`
}

// ReadFile loads a network file.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("network file: %w", err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("network file %s: %w", path, err)
	}
	if !common.IsHexAddress(f.Contract) || f.RPC == "" {
		return nil, fmt.Errorf("network file %s: missing rpc or contract", path)
	}
	return &f, nil
}

// Protocol holds the off-chain protocol parameters every participant must
// share (docs/protocol.md §8.2); the on-chain ones come from the contract.
// The environment is chosen apart (env.New), since it is more than a name.
type Protocol struct {
	SubmitGrace  uint64
	BeaconDelay  uint64 // seconds; challenge.Params.BeaconDelay
	MaxNewTokens int
}

// DefaultProtocol are the off-chain defaults: the one place the completion
// cap's default lives (proofs.DefaultParams').
var DefaultProtocol = Protocol{SubmitGrace: 2, BeaconDelay: DefaultBeaconDelay, MaxNewTokens: proofs.DefaultParams.MaxNewTokens}

// DefaultBeaconDelay is the default challenge.Params.BeaconDelay: one
// Ethereum L1 slot, since a proposer may publish its block several seconds
// into the slot that its timestamp names. A chain that seals blocks at
// their timestamps (the embedded dev chain) can run with 0.
const DefaultBeaconDelay = 12

// Network is the resolved network a role runs against.
type Network struct {
	Chain    *chain.Client
	Params   chain.Params
	Seeds    challenge.Params
	Proofs   proofs.Params
	Protocol Protocol
}

// Load reads the contract's parameters in force now and resolves the
// network.
func Load(ctx context.Context, c *chain.Client, p Protocol) (*Network, error) {
	cp, err := c.Params(ctx)
	if err != nil {
		return nil, err
	}
	n := &Network{Chain: c, Protocol: p}
	n.Seeds = challenge.Params{ChainID: c.ChainID(), Contract: c.Contract(), WindowLength: cp.WindowLength,
		SubmitGrace: p.SubmitGrace, BeaconChain: cp.BeaconChain, BeaconDelay: p.BeaconDelay}
	if err := n.Seeds.Validate(); err != nil {
		return nil, err
	}
	return n, n.resolve(cp)
}

// At is the network as it governs window w: the contract's parameters of
// that window (a change takes effect at a scheduled window boundary, so a
// role judges each window by its own parameters, an audit as well). The
// window length and beacon chain never change.
func (n *Network) At(ctx context.Context, w uint64) (*Network, error) {
	if n.Chain == nil {
		return n, nil
	}
	cp, err := n.Chain.ParamsAt(ctx, w)
	if err != nil {
		return nil, err
	}
	if cp.WindowLength != n.Seeds.WindowLength || cp.BeaconChain != n.Seeds.BeaconChain {
		return nil, fmt.Errorf("network: window %d: window length or beacon chain differ from the deployment's", w)
	}
	at := *n
	return &at, at.resolve(cp)
}

// Verifier checks the records of window w (this network's parameters for
// it, model m, environment e, the window's seeds).
func (n *Network) Verifier(m *Model, e env.Environment, w uint64, windowSeed, openingSeed [32]byte) *proofs.Verifier {
	return &proofs.Verifier{Backend: m.Backend, Tokenizer: m.Tokenizer, Env: e, Params: n.Proofs, ModelID: n.Params.ModelID,
		EOS: m.EOS, Window: w, WindowSeed: windowSeed, OpeningSeed: openingSeed}
}

// JudgeAt is At for a role that judges window w (a validator, an
// auditor), with the model the window's parameters name, taken from
// models; release gives it back. A model whose id is another (a Fixed set
// holding the wrong one) cannot judge the window, and is refused.
func (n *Network) JudgeAt(ctx context.Context, w uint64, models Models) (at *Network, m *Model, release func(), err error) {
	if at, err = n.At(ctx, w); err != nil {
		return nil, nil, nil, err
	}
	id := at.Params.ModelID
	if m, release, err = models.Acquire(ctx, id); err != nil {
		return nil, nil, nil, fmt.Errorf("window %d: %w", w, err)
	}
	if m.ID != id {
		release()
		return nil, nil, nil, fmt.Errorf("window %d: its network model is %x, the loaded one %x: load that model", w, id[:8], m.ID[:8])
	}
	return at, m, release, nil
}

// Preparer is a Models that can load a model ahead of its first window
// (ModelSet).
type Preparer interface{ Prepare(id [32]byte) }

// PrepareNext starts loading, in the background, the next model the
// schedule names after window w's (announced PARAMS_DELAY windows ahead),
// where models can; so a role switches at the boundary without waiting
// for a download. A schedule that cannot be read is only logged: the window's
// own model was resolved already.
func (n *Network) PrepareNext(ctx context.Context, w uint64, models Models, log *slog.Logger) {
	p, ok := models.(Preparer)
	if !ok || n.Chain == nil {
		return
	}
	ms, err := n.Chain.Models(ctx)
	if err != nil {
		log.Warn("model schedule not read", "err", err)
		return
	}
	for _, m := range ms {
		if m.FromWindow > w && m.ID != n.Params.ModelID {
			p.Prepare(m.ID)
			return
		}
	}
}

// resolve sets the contract parameters and the proofs parameters they give.
func (n *Network) resolve(cp chain.Params) error {
	n.Params = cp
	pp := proofs.DefaultParams
	pp.GroupSize = int(cp.GroupSize)
	pp.K = int(cp.K)
	pp.SampleNum, pp.SampleDen = int(cp.SampleNum), int(cp.SampleDen)
	pp.MaxNewTokens = n.Protocol.MaxNewTokens
	if err := pp.Validate(); err != nil {
		return fmt.Errorf("network parameters: %w", err)
	}
	n.Proofs = pp
	return nil
}

// Model is a loaded model with its backend.
type Model struct {
	Dir       string
	Tokenizer *tokenizer.Tokenizer
	Backend   model.Backend
	ID        [32]byte
	EOS       []int
}

// OpenBackend builds a backend for a checkpoint (the CPU engine, the CUDA
// backend).
type OpenBackend func(*model.Checkpoint) (model.Backend, error)

// CPU opens the pure-Go engine with the given thread count.
func CPU(threads int) OpenBackend {
	return func(ck *model.Checkpoint) (model.Backend, error) {
		return model.NewCPU(ck, model.CPUConfig{Threads: threads})
	}
}

// LoadModel opens a model folder on the backend open builds.
func LoadModel(dir string, open OpenBackend) (*Model, error) {
	return LoadModelProgress(dir, open, nil)
}

// Progress is told how far a long job is (a progress bar, log lines).
type Progress interface{ Update(done, total int64) }

// LoadModelProgress is LoadModel telling p (when not nil) how many bytes
// of weights the backend and then the model id have read: each stored
// tensor counts once in each of the two passes.
func LoadModelProgress(dir string, open OpenBackend, p Progress) (*Model, error) {
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		return nil, err
	}
	defer ck.Close()
	tk, err := tokenizer.Load(dir)
	if err != nil {
		return nil, err
	}
	var pass func()
	if p != nil {
		pass = watchLoad(ck, p)
	}
	b, err := open(ck)
	if err != nil {
		return nil, err
	}
	if pass != nil {
		pass()
		defer p.Update(2*ck.WeightBytes(), 2*ck.WeightBytes())
	}
	eos := ck.Config.EOSTokens()
	if gc, err := model.LoadGenerationConfig(dir); err == nil && len(gc.EOS) > 0 {
		eos = gc.EOS
	}
	return &Model{Dir: dir, Tokenizer: tk, Backend: b, ID: ck.ModelID(), EOS: eos}, nil
}

// watchLoad reports to p the bytes of distinct tensors ck hands out, over
// a total of two passes; the returned func starts the second pass.
func watchLoad(ck *model.Checkpoint, p Progress) (nextPass func()) {
	var mu sync.Mutex
	total := 2 * ck.WeightBytes()
	var done int64
	seen := map[*model.Tensor]bool{}
	p.Update(0, total)
	ck.OnTensor(func(t *model.Tensor) {
		mu.Lock()
		defer mu.Unlock()
		if seen[t] {
			return
		}
		seen[t] = true
		done = min(done+int64(len(t.Data)), total)
		p.Update(done, total)
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		seen = map[*model.Tensor]bool{}
		done = total / 2
	}
}
