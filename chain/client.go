package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/assaynet/assay/chain/bindings"
	"github.com/assaynet/assay/internal/ctxsleep"
)

// Errors callers branch on.
var (
	// ErrReverted wraps a transaction the contract rejected; the message
	// carries the contract's reason string.
	ErrReverted = errors.New("chain: transaction reverted")
	// ErrWrongChain is returned when the node serves another chain id.
	ErrWrongChain = errors.New("chain: wrong chain id")
	// ErrNoContract is returned when no subnet contract is at the address.
	ErrNoContract = errors.New("chain: no contract at address")
)

// Params are the network parameters the contract holds.
type Params struct {
	ModelID      [32]byte
	WindowLength uint64
	GroupSize    uint32
	K            uint32
	SampleNum    uint32
	SampleDen    uint32
	BeaconChain  [32]byte
	StaleWindows uint64
}

// Neuron is a registered miner or validator.
type Neuron struct {
	UID       uint32
	Account   common.Address
	Endpoint  string
	Validator bool
}

// Post is one WeightsSet event.
type Post struct {
	Validator common.Address
	Window    uint64
	UIDs      []uint32
	Weights   []uint16
	Block     uint64
	TxHash    common.Hash
}

// Client talks to the subnet contract through any Ethereum JSON-RPC node.
// It is safe for concurrent use.
type Client struct {
	eth      *ethclient.Client
	chainID  *big.Int
	addr     common.Address
	abi      *bindings.Subnet
	contract *bind.BoundContract
	retry    time.Duration
}

// ClientConfig configures Dial.
type ClientConfig struct {
	URL      string
	Contract common.Address
	// ChainID, when non-zero, must equal the node's chain id.
	ChainID uint64
	// RetryBase is the first retry delay of SetWeights (500 ms when 0).
	RetryBase time.Duration
}

// Dial connects, checks the chain id and that a contract exists.
func Dial(ctx context.Context, cfg ClientConfig) (*Client, error) {
	ec, err := ethclient.DialContext(ctx, cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("chain: dial %s: %w", cfg.URL, err)
	}
	c, err := newClient(ctx, ec, cfg)
	if err != nil {
		ec.Close()
		return nil, err
	}
	return c, nil
}

func newClient(ctx context.Context, ec *ethclient.Client, cfg ClientConfig) (*Client, error) {
	id, err := ec.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain: chain id from %s: %w", cfg.URL, err)
	}
	if cfg.ChainID != 0 && id.Uint64() != cfg.ChainID {
		return nil, fmt.Errorf("%w: node %s is chain %v, expected %d", ErrWrongChain, cfg.URL, id, cfg.ChainID)
	}
	code, err := ec.CodeAt(ctx, cfg.Contract, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: code at %s: %w", cfg.Contract, err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("%w: %s on chain %v", ErrNoContract, cfg.Contract, id)
	}
	s := bindings.NewSubnet()
	c := &Client{eth: ec, chainID: id, addr: cfg.Contract, abi: s, contract: s.Instance(ec, cfg.Contract), retry: cfg.RetryBase}
	if c.retry == 0 {
		c.retry = 500 * time.Millisecond
	}
	return c, nil
}

// Close closes the connection.
func (c *Client) Close() { c.eth.Close() }

// ChainID is the node's chain id.
func (c *Client) ChainID() uint64 { return c.chainID.Uint64() }

// Contract is the subnet contract's address.
func (c *Client) Contract() common.Address { return c.addr }

// Eth is the underlying client (block source, balances).
func (c *Client) Eth() *ethclient.Client { return c.eth }

// Blocks is a block source over the same node.
func (c *Client) Blocks() *Blocks { return NewBlocks(c.eth) }

// BlockNumber is the node's head.
func (c *Client) BlockNumber(ctx context.Context) (uint64, error) { return c.eth.BlockNumber(ctx) }

func call[T any](ctx context.Context, c *Client, data []byte, unpack func([]byte) (T, error)) (T, error) {
	return bind.Call(c.contract, &bind.CallOpts{Context: ctx}, data, unpack)
}

// Params reads the network parameters.
func (c *Client) Params(ctx context.Context) (Params, error) {
	var p Params
	var err error
	get := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	get(func() (e error) { p.ModelID, e = call(ctx, c, c.abi.PackModelId(), c.abi.UnpackModelId); return })
	get(func() (e error) {
		p.WindowLength, e = call(ctx, c, c.abi.PackWindowLength(), c.abi.UnpackWindowLength)
		return
	})
	get(func() (e error) { p.GroupSize, e = call(ctx, c, c.abi.PackGroupSize(), c.abi.UnpackGroupSize); return })
	get(func() (e error) { p.K, e = call(ctx, c, c.abi.PackK(), c.abi.UnpackK); return })
	get(func() (e error) { p.SampleNum, e = call(ctx, c, c.abi.PackSampleNum(), c.abi.UnpackSampleNum); return })
	get(func() (e error) { p.SampleDen, e = call(ctx, c, c.abi.PackSampleDen(), c.abi.UnpackSampleDen); return })
	get(func() (e error) {
		p.BeaconChain, e = call(ctx, c, c.abi.PackBeaconChain(), c.abi.UnpackBeaconChain)
		return
	})
	get(func() (e error) {
		p.StaleWindows, e = call(ctx, c, c.abi.PackStaleWindows(), c.abi.UnpackStaleWindows)
		return
	})
	if err != nil {
		return Params{}, fmt.Errorf("chain: read params: %w", err)
	}
	return p, nil
}

// ParamsAt returns the parameters that govern window w: the last ParamsSet
// event whose first window is at or before w (the contract schedules every
// change PARAMS_DELAY windows ahead, one at a time, so the events are a
// complete history).
func (c *Client) ParamsAt(ctx context.Context, w uint64) (Params, error) {
	return readLogs(ctx, func() (Params, error) { return c.paramsAt(ctx, w) })
}

func (c *Client) paramsAt(ctx context.Context, w uint64) (Params, error) {
	it, err := bind.FilterEvents(c.contract, &bind.FilterOpts{Context: ctx}, c.abi.UnpackParamsSetEvent)
	if err != nil {
		return Params{}, fmt.Errorf("chain: filter ParamsSet: %w", err)
	}
	defer it.Close()
	var p Params
	found := false
	for it.Next() {
		e := it.Value()
		if e.FromWindow <= w {
			p = Params{ModelID: e.ModelId, WindowLength: e.WindowLength, GroupSize: e.GroupSize, K: e.K, SampleNum: e.SampleNum,
				SampleDen: e.SampleDen, BeaconChain: e.BeaconChain, StaleWindows: e.StaleWindows}
			found = true
		}
	}
	if err := it.Error(); err != nil {
		return Params{}, fmt.Errorf("chain: ParamsSet events: %w", err)
	}
	if !found {
		return Params{}, fmt.Errorf("chain: no ParamsSet event governs window %d (the log index may trail the head)", w)
	}
	return p, nil
}

// Neurons lists every registered neuron in uid order.
func (c *Client) Neurons(ctx context.Context) ([]Neuron, error) {
	n, err := call(ctx, c, c.abi.PackNeuronCount(), c.abi.UnpackNeuronCount)
	if err != nil {
		return nil, fmt.Errorf("chain: neuron count: %w", err)
	}
	out := make([]Neuron, 0, n.Int64())
	for uid := uint32(0); int64(uid) < n.Int64(); uid++ {
		o, err := call(ctx, c, c.abi.PackNeuron(uid), c.abi.UnpackNeuron)
		if err != nil {
			return nil, fmt.Errorf("chain: neuron %d: %w", uid, err)
		}
		out = append(out, Neuron{UID: uid, Account: o.Account, Endpoint: o.Endpoint, Validator: o.Validator})
	}
	return out, nil
}

// NeuronsAt lists the registry as it stood at block n (uid order), from
// the Registered events up to n: a window is judged with the registry of
// its deadline block, whatever changed since, and events stay readable
// where old state is pruned.
func (c *Client) NeuronsAt(ctx context.Context, n uint64) ([]Neuron, error) {
	return readLogs(ctx, func() ([]Neuron, error) { return c.neuronsAt(ctx, n) })
}

func (c *Client) neuronsAt(ctx context.Context, n uint64) ([]Neuron, error) {
	var out []Neuron
	err := eachEvent(c, &bind.FilterOpts{Context: ctx, End: &n}, c.abi.UnpackRegisteredEvent, func(e *bindings.SubnetRegistered) error {
		nr := Neuron{UID: e.Uid, Account: e.Account, Endpoint: e.Endpoint, Validator: e.Validator}
		switch {
		case int(e.Uid) < len(out): // a later registration of the same account
			out[e.Uid] = nr
		case int(e.Uid) == len(out):
			out = append(out, nr)
		default:
			return fmt.Errorf("chain: Registered events skip from uid %d to %d", len(out), e.Uid)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UIDOf returns an account's uid; ok is false when it is not registered.
func (c *Client) UIDOf(ctx context.Context, a common.Address) (uint32, bool, error) {
	o, err := call(ctx, c, c.abi.PackUidOf(a), c.abi.UnpackUidOf)
	if err != nil {
		return 0, false, fmt.Errorf("chain: uid of %s: %w", a, err)
	}
	return o.Uid, o.Registered, nil
}

// LastPost is a validator's latest post: its window, whether it ever
// posted, and keccak256(abi.encode(uids, weights)).
func (c *Client) LastPost(ctx context.Context, validator common.Address) (window uint64, posted bool, hash [32]byte, err error) {
	o, err := call(ctx, c, c.abi.PackLastPost(validator), c.abi.UnpackLastPost)
	if err != nil {
		return 0, false, [32]byte{}, fmt.Errorf("chain: last post of %s: %w", validator, err)
	}
	return o.Window, o.Posted, o.Hash, nil
}

// WeightsOf returns a validator's latest post, dense by uid.
func (c *Client) WeightsOf(ctx context.Context, validator common.Address) (uint64, []uint16, error) {
	o, err := call(ctx, c, c.abi.PackWeightsOf(validator), c.abi.UnpackWeightsOf)
	if err != nil {
		return 0, nil, fmt.Errorf("chain: weights of %s: %w", validator, err)
	}
	return o.Window, o.Weights, nil
}

// ErrCommitted reports a window the miner already committed to another
// digest: the contract keeps the first.
var ErrCommitted = errors.New("window already committed to another digest")

// Commit posts a miner's window-file commitment (the records digest) for
// the current window; the transaction must be mined before the window's
// deadline block. Committing the same digest again is a no-op.
func (c *Client) Commit(ctx context.Context, key *ecdsa.PrivateKey, window uint64, digest [32]byte) (*types.Receipt, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	if got, err := c.CommitmentOf(ctx, from, window); err == nil && got != ([32]byte{}) {
		if got == digest {
			return nil, nil
		}
		return nil, fmt.Errorf("chain: commit window %d: %w (%x)", window, ErrCommitted, got[:8])
	}
	r, err := c.transact(ctx, key, c.abi.PackCommit(window, digest), fmt.Sprintf("commit window %d", window))
	if errors.Is(err, ErrReverted) {
		// As in SetWeights: the same commitment, sent before a restart, landed first.
		if got, cerr := c.CommitmentOf(ctx, from, window); cerr == nil && got != ([32]byte{}) && got == digest {
			return nil, nil
		}
	}
	return r, err
}

// CommitmentOf is a miner's commitment for a window (zero: none).
func (c *Client) CommitmentOf(ctx context.Context, miner common.Address, window uint64) ([32]byte, error) {
	d, err := call(ctx, c, c.abi.PackCommitmentOf(miner, window), c.abi.UnpackCommitmentOf)
	if err != nil {
		return d, fmt.Errorf("chain: commitment of %s for window %d: %w", miner, window, err)
	}
	return d, nil
}

// Commitments returns every miner's commitment for window, from the
// Committed events (one query however many miners there are).
func (c *Client) Commitments(ctx context.Context, window uint64) (map[common.Address][32]byte, error) {
	return readLogs(ctx, func() (map[common.Address][32]byte, error) {
		out := map[common.Address][32]byte{}
		err := eachEvent(c, &bind.FilterOpts{Context: ctx}, c.abi.UnpackCommittedEvent, func(e *bindings.SubnetCommitted) error {
			if e.Window == window {
				out[e.Miner] = e.Digest
			}
			return nil
		}, nil, []any{window})
		return out, err
	})
}

// Posts returns the WeightsSet events for window (every validator).
func (c *Client) Posts(ctx context.Context, window uint64) ([]Post, error) {
	return readLogs(ctx, func() ([]Post, error) { return c.posts(ctx, window) })
}

// readLogs runs a read of event logs again a few times on failure: a
// node's log index can trail its head by a block, and a filter that reaches
// the unindexed block fails ("failed to retrieve log value pointer ... not
// found", seen with go-ethereum 1.17 while the dev chain seals).
func readLogs[T any](ctx context.Context, read func() (T, error)) (T, error) {
	for attempt := 1; ; attempt++ {
		out, err := read()
		if err == nil || attempt == 5 {
			return out, err
		}
		if err := ctxsleep.Sleep(ctx, time.Duration(attempt)*200*time.Millisecond); err != nil {
			var zero T
			return zero, err
		}
	}
}

func (c *Client) posts(ctx context.Context, window uint64) ([]Post, error) {
	var out []Post
	err := eachEvent(c, &bind.FilterOpts{Context: ctx}, c.abi.UnpackWeightsSetEvent, func(e *bindings.SubnetWeightsSet) error {
		out = append(out, Post{Validator: e.Validator, Window: e.Window, UIDs: e.Uids, Weights: e.Weights, Block: e.Raw.BlockNumber, TxHash: e.Raw.TxHash})
		return nil
	}, nil, []any{window})
	return out, err
}

// eachEvent calls fn on every event of one kind the filter matches, in
// chain order, stopping at fn's first error.
func eachEvent[T bind.ContractEvent](c *Client, opts *bind.FilterOpts, unpack func(*types.Log) (*T, error), fn func(*T) error, topics ...[]any) error {
	it, err := bind.FilterEvents(c.contract, opts, unpack, topics...)
	if err != nil {
		var ev T
		return fmt.Errorf("chain: filter %s: %w", ev.ContractEventName(), err)
	}
	defer it.Close()
	for it.Next() {
		if err := fn(it.Value()); err != nil {
			return err
		}
	}
	return it.Error()
}

func addressOf(key *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(key.PublicKey) }

func (c *Client) opts(ctx context.Context, key *ecdsa.PrivateKey) *bind.TransactOpts {
	o := bind.NewKeyedTransactor(key, c.chainID)
	o.Context = ctx
	return o
}

// transact sends data and waits for its receipt; a revert is ErrReverted
// with the contract's reason.
func (c *Client) transact(ctx context.Context, key *ecdsa.PrivateKey, data []byte, what string) (*types.Receipt, error) {
	return c.send(ctx, c.opts(ctx, key), data, what)
}

// send is transact with the caller's options (a value to send, say).
func (c *Client) send(ctx context.Context, opts *bind.TransactOpts, data []byte, what string) (*types.Receipt, error) {
	tx, err := bind.Transact(c.contract, opts, data)
	if err != nil {
		return nil, wrapRevert(what, err)
	}
	r, err := bind.WaitMined(ctx, c.eth, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("chain: %s: wait for %s: %w", what, tx.Hash(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("%w: %s: tx %s failed", ErrReverted, what, tx.Hash())
	}
	return r, nil
}

func wrapRevert(what string, err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "execution reverted"); i >= 0 {
		return fmt.Errorf("%w: %s: %s", ErrReverted, what, msg[i:])
	}
	return fmt.Errorf("chain: %s: %w", what, err)
}

// Register registers the key's account (or updates its endpoint and role)
// and returns its uid.
func (c *Client) Register(ctx context.Context, key *ecdsa.PrivateKey, endpoint string, validator bool) (uint32, error) {
	if _, err := c.transact(ctx, key, c.abi.PackRegister(endpoint, validator), "register"); err != nil {
		return 0, err
	}
	uid, ok, err := c.UIDOf(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fmt.Errorf("chain: registered but no uid for %s", crypto.PubkeyToAddress(key.PublicKey))
	}
	return uid, nil
}

// SetParams schedules new network parameters (owner only): they govern
// windows from the current one + PARAMS_DELAY (2) on; the window length
// and beacon chain cannot change.
// It returns the first window the new parameters govern.
func (c *Client) SetParams(ctx context.Context, key *ecdsa.PrivateKey, p Params) (uint64, error) {
	r, err := c.transact(ctx, key, c.abi.PackSetParams(p.ModelID, p.WindowLength, p.GroupSize, p.K, p.SampleNum, p.SampleDen, p.BeaconChain, p.StaleWindows), "set params")
	if err != nil {
		return 0, err
	}
	for _, l := range r.Logs {
		if e, err := c.abi.UnpackParamsSetEvent(l); err == nil {
			return e.FromWindow, nil
		}
	}
	return 0, fmt.Errorf("chain: set params: no ParamsSet event in tx %s", r.TxHash)
}

// SetWeights posts a validator's weights for a closed window and returns
// the receipt. It never double-posts: a post already on chain for the window
// with the same content returns (nil, nil); the transaction is signed once and
// the same bytes are re-sent, with backoff, while the node is unreachable.
func (c *Client) SetWeights(ctx context.Context, key *ecdsa.PrivateKey, window uint64, uids []uint32, weights []uint16) (*types.Receipt, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	want := PostHashOf(uids, weights)
	// landed: this very post is on chain already (an earlier send of it, by
	// this process or one killed before its receipt came back).
	landed := func() bool {
		w, posted, h, err := c.LastPost(ctx, from)
		return err == nil && posted && w == window && h == want
	}
	if w, posted, h, err := c.LastPost(ctx, from); err == nil && posted && w == window {
		if h == want {
			return nil, nil
		}
		return nil, fmt.Errorf("%w: set weights: window %d already posted with other weights", ErrReverted, window)
	}
	data := c.abi.PackSetWeights(window, uids, weights)
	opts := c.opts(ctx, key)
	opts.NoSend = true
	tx, err := bind.Transact(c.contract, opts, data)
	if err != nil {
		return nil, wrapRevert("set weights", err)
	}
	delay := c.retry
	for attempt := 0; ; attempt++ {
		err := c.eth.SendTransaction(ctx, tx)
		if err == nil || isKnown(err) {
			break
		}
		if strings.Contains(err.Error(), "execution reverted") || strings.Contains(err.Error(), "nonce too low") {
			// nonce too low: an earlier send of this very transaction landed.
			if landed() {
				return nil, nil
			}
			return nil, wrapRevert("set weights", err)
		}
		if isPermanent(err) {
			return nil, fmt.Errorf("chain: set weights window %d: %w: %w", window, ErrRejected, err)
		}
		if attempt >= 8 || ctx.Err() != nil {
			return nil, fmt.Errorf("chain: set weights window %d: giving up after %d attempts: %w", window, attempt+1, err)
		}
		if err := ctxsleep.Sleep(ctx, delay); err != nil {
			return nil, err
		}
		delay = min(2*delay, 30*time.Second)
	}
	r, err := bind.WaitMined(ctx, c.eth, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("chain: set weights: wait for %s: %w", tx.Hash(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		// A post this validator sent before a restart (its process killed
		// while waiting for the receipt) can land first: this repeat then
		// reverts, and the window is posted with these weights all the same.
		if landed() {
			return nil, nil
		}
		return r, fmt.Errorf("%w: set weights window %d: tx %s failed", ErrReverted, window, tx.Hash())
	}
	return r, nil
}

// ErrRejected means the node refused a transaction for a reason a retry
// cannot change (too large, out of gas limits, unfunded, invalid).
var ErrRejected = errors.New("transaction rejected by the node")

// permanentErrors are go-ethereum's transaction-pool and validation errors
// that the same transaction gets again however often it is sent.
var permanentErrors = []string{
	"oversized data", "exceeds block gas limit", "intrinsic gas too low", "insufficient funds",
	"invalid sender", "transaction type not supported", "gas limit reached", "max initcode size exceeded",
}

func isPermanent(err error) bool {
	s := err.Error()
	for _, p := range permanentErrors {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func isKnown(err error) bool {
	s := err.Error()
	return strings.Contains(s, "already known") || strings.Contains(s, "known transaction")
}

// PostHashOf is keccak256(abi.encode(uids, weights)), as the contract stores it.
func PostHashOf(uids []uint32, weights []uint16) [32]byte {
	enc, err := postArgs.Pack(uids, weights)
	if err != nil {
		panic(err) // the types are fixed: packing cannot fail
	}
	return crypto.Keccak256Hash(enc)
}

// postArgs is abi.encode's layout for (uint32[], uint16[]).
var postArgs = func() abi.Arguments {
	u32, _ := abi.NewType("uint32[]", "", nil)
	u16, _ := abi.NewType("uint16[]", "", nil)
	return abi.Arguments{{Type: u32}, {Type: u16}}
}()

// Deploy deploys the subnet contract with p and returns its address.
func Deploy(ctx context.Context, backend bind.ContractBackend, wait bind.DeployBackend, key *ecdsa.PrivateKey, chainID *big.Int, p Params) (common.Address, error) {
	s := bindings.NewSubnet()
	return deploy(ctx, backend, wait, key, chainID, "deploy", common.FromHex(bindings.SubnetMetaData.Bin),
		s.PackConstructor(p.ModelID, p.WindowLength, p.GroupSize, p.K, p.SampleNum, p.SampleDen, p.BeaconChain, p.StaleWindows))
}

// deploy sends bytecode with its constructor input from key's account and
// waits until the contract exists.
func deploy(ctx context.Context, backend bind.ContractBackend, wait bind.DeployBackend, key *ecdsa.PrivateKey, chainID *big.Int, what string, bin, input []byte) (common.Address, error) {
	opts := bind.NewKeyedTransactor(key, chainID)
	opts.Context = ctx
	addr, tx, err := bind.DeployContract(opts, bin, backend, input)
	if err != nil {
		return common.Address{}, wrapRevert(what, err)
	}
	if _, err := bind.WaitDeployed(ctx, wait, tx.Hash()); err != nil {
		return common.Address{}, fmt.Errorf("chain: %s: %w", what, err)
	}
	return addr, nil
}

// NewClientFrom wraps an existing connection (in-process dev chain).
func NewClientFrom(ctx context.Context, ec *ethclient.Client, cfg ClientConfig) (*Client, error) {
	return newClient(ctx, ec, cfg)
}
