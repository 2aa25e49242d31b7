// Package sim runs the embedded development chain: a real go-ethereum node
// (EVM, state, JSON-RPC) in process, in developer mode, producing a block
// every period even without transactions, with the subnet contract deployed
// at start-up and deterministic funded dev accounts. Separate processes
// (miners, validator, auditor) share it over JSON-RPC on loopback.
package sim

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/internal/atomicfile"
)

// ChainID is the dev chain's id (go-ethereum's developer-mode default).
const ChainID = 1337

// Config configures the dev chain.
type Config struct {
	// HTTP is the JSON-RPC listen address ("127.0.0.1:8545"); empty for
	// in-process use only.
	HTTP string
	// DataDir persists the chain; empty keeps it in memory.
	DataDir string
	// BlockTime is the block period (whole seconds, ≥ 1). Zero mines only
	// when Mine is called (tests).
	BlockTime time.Duration
	// Accounts is the number of funded dev accounts (default 8).
	Accounts int
	// Params are the subnet contract's constructor parameters.
	Params chain.Params
	// Logs shows go-ethereum's own logs (quiet by default).
	Logs bool
}

// Chain is a running dev chain.
type Chain struct {
	mineMu   sync.Mutex // the simulated beacon's Commit is not safe for concurrent use
	stack    *node.Node
	beacon   *catalyst.SimulatedBeacon
	backend  *eth.Ethereum
	client   *ethclient.Client
	keys     []*ecdsa.PrivateKey
	contract common.Address
	url      string
}

// DevKey is dev account i's key: SHA-256("assay/dev-account" || i) as a
// secp256k1 scalar. Public knowledge: dev accounts hold no real value.
func DevKey(i int) *ecdsa.PrivateKey {
	for ctr := 0; ; ctr++ {
		h := crypto.Keccak256([]byte("assay/dev-account/" + strconv.Itoa(i) + "/" + strconv.Itoa(ctr)))
		if k, err := crypto.ToECDSA(h); err == nil {
			return k
		}
	}
}

type state struct {
	Contract common.Address `json:"contract"`
}

// Start boots the node, starts block production and deploys the subnet
// contract unless the data dir already holds one.
func Start(ctx context.Context, cfg Config) (*Chain, error) {
	if cfg.Accounts <= 0 {
		cfg.Accounts = 8
	}
	if cfg.BlockTime%time.Second != 0 {
		return nil, fmt.Errorf("sim: block time %v must be whole seconds", cfg.BlockTime)
	}
	if !cfg.Logs {
		log.SetDefault(log.NewLogger(log.DiscardHandler()))
	}
	nc := node.DefaultConfig
	nc.DataDir = cfg.DataDir
	nc.IPCPath = ""
	nc.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""}
	nc.Name = "assay-dev"
	if cfg.HTTP != "" {
		host, port, err := net.SplitHostPort(cfg.HTTP)
		if err != nil {
			return nil, fmt.Errorf("sim: --http %q: %w", cfg.HTTP, err)
		}
		p, err := strconv.Atoi(port)
		if err != nil {
			return nil, fmt.Errorf("sim: --http port %q: %w", port, err)
		}
		nc.HTTPHost, nc.HTTPPort = host, p
		nc.HTTPModules = []string{"eth", "net", "web3"}
		nc.HTTPVirtualHosts = []string{"*"}
	}
	stack, err := node.New(&nc)
	if err != nil {
		return nil, fmt.Errorf("sim: node: %w", err)
	}
	keys := make([]*ecdsa.PrivateKey, cfg.Accounts)
	genesis := core.DeveloperGenesisBlock(60_000_000, nil)
	funds, _ := new(big.Int).SetString("1000000000000000000000000", 10) // 1e6 ether each
	for i := range keys {
		keys[i] = DevKey(i)
		genesis.Alloc[crypto.PubkeyToAddress(keys[i].PublicKey)] = types.Account{Balance: funds}
	}
	ec := ethconfig.Defaults
	ec.Genesis = genesis
	ec.SyncMode = ethconfig.FullSync
	ec.Miner.PendingFeeRecipient = crypto.PubkeyToAddress(keys[0].PublicKey)
	ec.TxPool.NoLocals = true
	backend, err := eth.New(stack, &ec)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("sim: eth service: %w", err)
	}
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
	beacon, err := catalyst.NewSimulatedBeacon(uint64(cfg.BlockTime/time.Second), ec.Miner.PendingFeeRecipient, backend)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("sim: beacon: %w", err)
	}
	stack.RegisterLifecycle(beacon)
	if err := stack.Start(); err != nil {
		stack.Close()
		return nil, fmt.Errorf("sim: start: %w", err)
	}
	c := &Chain{stack: stack, beacon: beacon, backend: backend, keys: keys, client: ethclient.NewClient(stack.Attach())}
	if cfg.HTTP != "" {
		c.url = stack.HTTPEndpoint()
	}
	if err := c.ensureContract(ctx, cfg); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func (c *Chain) ensureContract(ctx context.Context, cfg Config) error {
	statePath := ""
	if cfg.DataDir != "" {
		statePath = filepath.Join(cfg.DataDir, "assay-dev.json")
		if data, err := os.ReadFile(statePath); err == nil {
			var st state
			if err := json.Unmarshal(data, &st); err != nil {
				return fmt.Errorf("sim: %s: %w", statePath, err)
			}
			code, err := c.client.CodeAt(ctx, st.Contract, nil)
			if err == nil && len(code) > 0 {
				c.contract = st.Contract
				return nil
			}
		}
	}
	// Deployment needs a block; mine on demand when there is no period.
	// (With a period the beacon mines by itself: extra blocks here would push
	// block timestamps ahead of the wall clock, and with them the beacon
	// rounds that seeds read.)
	done := make(chan struct{})
	var wg sync.WaitGroup
	defer func() { close(done); wg.Wait() }()
	if cfg.BlockTime == 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				case <-time.After(50 * time.Millisecond):
					c.Mine()
				}
			}
		}()
	}
	addr, err := chain.Deploy(ctx, c.client, c.client, c.keys[0], big.NewInt(ChainID), cfg.Params)
	if err != nil {
		return err
	}
	c.contract = addr
	if statePath != "" {
		js, _ := json.Marshal(state{Contract: addr})
		if err := atomicfile.WriteBytes(statePath, 0o644, js); err != nil {
			return err
		}
	}
	return nil
}

// Mine seals a block now (for tests without a block period).
func (c *Chain) Mine() common.Hash {
	c.mineMu.Lock()
	defer c.mineMu.Unlock()
	return c.beacon.Commit()
}

// MineEvery seals a block every d on its own goroutine (tests without a
// block period) until the returned stop is called; stop waits for it.
func (c *Chain) MineEvery(d time.Duration) (stop func()) {
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-quit:
				return
			case <-time.After(d):
				c.Mine()
			}
		}
	}()
	return func() { close(quit); <-done }
}

// URL is the JSON-RPC endpoint ("" without HTTP).
func (c *Chain) URL() string { return c.url }

// Contract is the subnet contract's address.
func (c *Chain) Contract() common.Address { return c.contract }

// Keys are the funded dev accounts; key 0 owns the contract.
func (c *Chain) Keys() []*ecdsa.PrivateKey { return c.keys }

// Eth is an in-process client.
func (c *Chain) Eth() *ethclient.Client { return c.client }

// Client returns a subnet client over the in-process connection.
func (c *Chain) Client(ctx context.Context) (*chain.Client, error) {
	return chain.NewClientFrom(ctx, c.client, chain.ClientConfig{Contract: c.contract, ChainID: ChainID})
}

// Close stops block production and the node.
func (c *Chain) Close() error {
	var errs []error
	if c.client != nil {
		c.client.Close()
	}
	errs = append(errs, c.stack.Close())
	return errors.Join(errs...)
}
