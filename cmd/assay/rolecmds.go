package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
)

// identityFlags name the account a command signs with (loadKey).
var identityFlags = []cli.Flag{
	&cli.StringFlag{Name: "key", EnvVars: envs("key"), Category: "Identity", Usage: "secp256k1 private key, hex: set ASSAY_KEY, since a flag's value is readable in /proc/PID/cmdline"},
	&cli.StringFlag{Name: "key-file", EnvVars: envs("key_file"), Category: "Identity", Usage: "file holding the private key in hex (mode 0600)"},
	&cli.StringFlag{Name: "keystore", EnvVars: envs("keystore"), Category: "Identity", Usage: "encrypted keystore file instead of --key"},
	&cli.StringFlag{Name: "password-file", EnvVars: envs("password_file"), Category: "Identity", Usage: "file holding the keystore password"},
}

// The roles' shared flags and set-up (key, chain, model); each role's
// command is in its own file: minercmd.go, validatorcmd.go, auditcmd.go.
var roleFlags = slices.Concat([]cli.Flag{
	&cli.StringFlag{Name: "network", EnvVars: envs("network"), Category: "Chain", Usage: "network file written by `assay chain dev` (rpc, contract, chain id)"},
}, identityFlags, []cli.Flag{
	&cli.StringFlag{Name: "model", EnvVars: envs("model"), Category: "Model", Usage: "Hugging Face model folder to start with (the network's model now); later models are fetched from the URLs the contract announces"},
	&cli.StringFlag{Name: "model-url", EnvVars: envs("model_url"), Category: "Model", Usage: "instead of --model: fetch the network's model (its id on chain) from this checkpoint server URL (http://host:port/<id>/) into --model-cache; with neither, from the URL the contract announces (assay chain models)"},
	modelCacheFlag,
	&cli.IntFlag{Name: "threads", EnvVars: envs("threads"), Category: "Model", Usage: "CPU threads (0 = all cores)"},
	deviceFlag,
	&cli.IntFlag{Name: "max-new-tokens", Value: network.DefaultProtocol.MaxNewTokens, EnvVars: envs("max_new_tokens"), Category: "Network", Usage: "protocol completion cap"},
	&cli.StringFlag{Name: "log-format", Value: "text", EnvVars: envs("log_format"), Usage: "text or json"},
})

func roleFlagsWith(extra ...cli.Flag) []cli.Flag {
	f := append([]cli.Flag{}, extra...)
	f = append(f, roleFlags...)
	f = append(f, envFlags...)
	// beacon flags and the seed parameters that are not on-chain
	f = append(f, beaconFlags...)
	f = append(f, beaconOnChainFlag, rpcFlag, chainIDFlag, contractFlag, submitGraceFlag, beaconDelayFlag)
	return f
}

var beaconOnChainFlag = &cli.BoolFlag{Name: "beacon-on-chain", EnvVars: envs("beacon-on-chain"), Category: "Randomness",
	Usage: "read each round's randomness from the contract (verified there with EIP-2537); a round it lacks is verified from --beacon, and the validator submits it"}

// onChainBeacon wraps the role's beacon so rounds come from the contract
// (--beacon-on-chain); key, where given, submits the rounds it lacks.
func onChainBeacon(c *cli.Context, s *roleSetup, key *ecdsa.PrivateKey) error {
	if !c.Bool("beacon-on-chain") {
		return nil
	}
	log := logger(c)
	b, err := chain.NewOnChainBeacon(c.Context, chain.OnChainBeaconConfig{Client: s.net.Chain, Source: s.beacon, Submitter: key,
		Submitted: func(round uint64, err error) {
			if err != nil {
				log.Warn("beacon round not submitted", "round", round, "err", err)
				return
			}
			log.Info("beacon round submitted to the contract", "round", round)
		}})
	if err != nil {
		return fmt.Errorf("--beacon-on-chain: %w", err)
	}
	s.beacon = b
	return nil
}

func logger(c *cli.Context) *slog.Logger {
	var h slog.Handler
	if c.String("log-format") == "json" {
		h = slog.NewJSONHandler(c.App.ErrWriter, nil)
	} else {
		h = slog.NewTextHandler(c.App.ErrWriter, nil)
	}
	return slog.New(h)
}

func loadKey(c *cli.Context) (*ecdsa.PrivateKey, error) {
	if ks := c.String("keystore"); ks != "" {
		data, err := os.ReadFile(ks)
		if err != nil {
			return nil, err
		}
		pw, err := os.ReadFile(c.String("password-file"))
		if err != nil {
			return nil, fmt.Errorf("--password-file: %w", err)
		}
		k, err := keystore.DecryptKey(data, strings.TrimRight(string(pw), "\r\n"))
		if err != nil {
			return nil, fmt.Errorf("keystore %s: %w", ks, err)
		}
		return k.PrivateKey, nil
	}
	h := strings.TrimPrefix(c.String("key"), "0x")
	if kf := c.String("key-file"); kf != "" {
		data, err := os.ReadFile(kf)
		if err != nil {
			return nil, fmt.Errorf("--key-file: %w", err)
		}
		h = strings.TrimPrefix(strings.TrimSpace(string(data)), "0x")
	} else if h != "" && os.Getenv("ASSAY_KEY") == "" {
		// Given as a flag: every user of the machine can read it.
		logger(c).Warn("the private key was given with --key, which other users can read in /proc/PID/cmdline: use ASSAY_KEY, --key-file or --keystore")
	}
	if h == "" {
		return nil, fmt.Errorf("no identity: set ASSAY_KEY, --key-file or --keystore")
	}
	k, err := crypto.HexToECDSA(h)
	if err != nil {
		return nil, fmt.Errorf("--key: %w", err)
	}
	return k, nil
}

// dialChain connects from --network or --rpc/--contract/--chain-id.
func dialChain(c *cli.Context) (*chain.Client, error) {
	url, contract, id := c.String("rpc"), c.String("contract"), c.Uint64("chain-id")
	if nf := c.String("network"); nf != "" {
		f, err := network.ReadFile(nf)
		if err != nil {
			return nil, err
		}
		url, contract, id = f.RPC, f.Contract, f.ChainID
	}
	if url == "" || !common.IsHexAddress(contract) {
		return nil, fmt.Errorf("no chain: set --network FILE, or --rpc URL and --contract ADDR")
	}
	ctx, cancel := context.WithTimeout(c.Context, 30*time.Second)
	defer cancel()
	return chain.Dial(ctx, chain.ClientConfig{URL: url, Contract: common.HexToAddress(contract), ChainID: id})
}

// beaconDelay is --beacon-delay where it is set, else the network file's
// beacon_delay where it has one, else the flag's default.
func beaconDelay(c *cli.Context) (uint64, error) {
	if nf := c.String("network"); nf != "" && !c.IsSet("beacon-delay") {
		f, err := network.ReadFile(nf)
		if err != nil {
			return 0, err
		}
		if f.BeaconDelay != nil {
			return *f.BeaconDelay, nil
		}
	}
	return c.Uint64("beacon-delay"), nil
}

type roleSetup struct {
	net    *network.Network
	model  *network.Model // the one loaded at start: the network's model then
	models *network.ModelSet
	env    env.Environment
	beacon challenge.Beacon
}

// setupRole resolves what every role needs: the chain and its parameters,
// the model, the environment and the verified beacon.
func setupRole(c *cli.Context) (*roleSetup, error) {
	s, err := setupChainModel(c)
	if err != nil {
		return nil, err
	}
	if s.env, err = envFromFlags(c); err != nil {
		return nil, err
	}
	if s.beacon, err = beaconFromFlags(c); err != nil {
		return nil, err
	}
	return s, nil
}

func setupChainModel(c *cli.Context) (*roleSetup, error) {
	// Local mistakes first: a typo in --device or a missing --model shows
	// before any chain is dialled.
	if _, err := parseDevice(c.String("device")); err != nil {
		return nil, err
	}
	cl, err := dialChain(c)
	if err != nil {
		return nil, err
	}
	delay, err := beaconDelay(c)
	if err != nil {
		return nil, err
	}
	proto := network.Protocol{SubmitGrace: c.Uint64("submit-grace"), BeaconDelay: delay, MaxNewTokens: c.Int("max-new-tokens")}
	n, err := network.Load(c.Context, cl, proto)
	if err != nil {
		return nil, err
	}
	dir := c.String("model")
	if dir == "" {
		if dir, err = fetchNetworkModel(c, cl, model.ID(n.Params.ModelID)); err != nil {
			return nil, err
		}
	}
	m, err := network.LoadModelProgress(dir, loggedOpener(c), newByteProgress(c.App.ErrWriter, "loading model", logger(c)))
	if err != nil {
		return nil, err
	}
	s := &roleSetup{net: n, model: m}
	s.models = roleModels(c, n.Chain, m)
	return s, nil
}

// roleModels is the set of models a role runs as the schedule changes:
// the one it started with, then each announced one, fetched from its
// announced URL into --model-cache and loaded ahead of its first window.
func roleModels(c *cli.Context, cl *chain.Client, first *network.Model) *network.ModelSet {
	log := logger(c)
	var set *network.ModelSet
	set = network.NewModelSet(network.ModelSetConfig{
		Open:   loggedOpener(c),
		Logger: log,
		Locate: func(ctx context.Context, id [32]byte) (string, error) {
			url, err := cl.ModelURL(ctx, id)
			if err != nil {
				return "", err
			}
			log.Info("fetching an announced model", "model", model.ID(id).String(), "url", printable(url))
			// The models loaded now may be the base of a delta.
			bases := map[model.ID]string{}
			for lid, dir := range set.LoadedDirs() {
				bases[model.ID(lid)] = dir
			}
			return fetchModel(ctx, c, url, model.ID(id), bases)
		},
		Progress: func(id [32]byte) network.Progress {
			return newByteProgress(c.App.ErrWriter, "loading model "+model.ID(id).String()[:12], log)
		},
	})
	set.Add(first)
	return set
}

// fetchNetworkModel brings the network's model into the cache
// (checkpoint.Fetch: resumed, verified against the id on chain) from
// --model-url, or else from the URL the contract's schedule announces for
// it (assay chain set-model).
func fetchNetworkModel(c *cli.Context, cl *chain.Client, id model.ID) (string, error) {
	url := c.String("model-url")
	if url == "" {
		var err error
		if url, err = cl.ModelURL(c.Context, id); err != nil {
			return "", fmt.Errorf("no --model folder, no --model-url, and %w", err)
		}
	}
	logger(c).Info("fetching the network's model", "model", id.String(), "url", printable(url))
	dir, err := fetchModel(c.Context, c, url, id, nil)
	if err != nil {
		return "", fmt.Errorf("network model from %s: %w", printable(url), err)
	}
	return dir, nil
}
