package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/audit"
	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
	"github.com/assaynet/assay/miner"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/validator"
)

var roleFlags = []cli.Flag{
	&cli.StringFlag{Name: "network", EnvVars: envs("network"), Category: "Chain", Usage: "network file written by `assay chain dev` (rpc, contract, chain id)"},
	&cli.StringFlag{Name: "key", EnvVars: envs("key"), Category: "Identity", Usage: "secp256k1 private key, hex: set ASSAY_KEY, since a flag's value is readable in /proc/PID/cmdline"},
	&cli.StringFlag{Name: "key-file", EnvVars: envs("key_file"), Category: "Identity", Usage: "file holding the private key in hex (mode 0600)"},
	&cli.StringFlag{Name: "keystore", EnvVars: envs("keystore"), Category: "Identity", Usage: "encrypted keystore file instead of --key"},
	&cli.StringFlag{Name: "password-file", EnvVars: envs("password_file"), Category: "Identity", Usage: "file holding the keystore password"},
	&cli.StringFlag{Name: "model", EnvVars: envs("model"), Category: "Model", Usage: "Hugging Face model folder (the network's model)"},
	&cli.IntFlag{Name: "threads", EnvVars: envs("threads"), Category: "Model", Usage: "CPU threads (0 = all cores)"},
	deviceFlag,
	&cli.IntFlag{Name: "max-new-tokens", Value: network.DefaultProtocol.MaxNewTokens, EnvVars: envs("max_new_tokens"), Category: "Network", Usage: "protocol completion cap"},
	&cli.StringFlag{Name: "log-format", Value: "text", EnvVars: envs("log_format"), Usage: "text or json"},
}

func roleFlagsWith(extra ...cli.Flag) []cli.Flag {
	f := append([]cli.Flag{}, extra...)
	f = append(f, roleFlags...)
	f = append(f, envFlags...)
	// beacon flags and the seed parameters that are not on-chain
	f = append(f, beaconFlags...)
	f = append(f, rpcFlag, chainIDFlag, contractFlag, submitGraceFlag)
	return f
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

type roleSetup struct {
	net    *network.Network
	model  *network.Model
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
	if c.String("model") == "" {
		return nil, fmt.Errorf("--model is required")
	}
	cl, err := dialChain(c)
	if err != nil {
		return nil, err
	}
	proto := network.Protocol{SubmitGrace: c.Uint64("submit-grace"), MaxNewTokens: c.Int("max-new-tokens")}
	n, err := network.Load(c.Context, cl, proto)
	if err != nil {
		return nil, err
	}
	m, err := network.LoadModel(c.String("model"), loggedOpener(c))
	if err != nil {
		return nil, err
	}
	return &roleSetup{net: n, model: m}, nil
}

var minerCommand = &cli.Command{
	Name:  "miner",
	Usage: "run a miner: generate and publish signed rollout groups",
	Subcommands: []*cli.Command{{
		Name:      "start",
		Usage:     "follow the chain and answer every window",
		UsageText: "assay miner start --network FILE --key HEX --model DIR --listen 127.0.0.1:9001 --store DIR",
		Description: `Registers (or updates) the miner's endpoint on the contract, then for every
window derives its problems from the window seed, generates GRPO groups on the
--device backend (cpu, or cuda in a make build-cuda binary), writes the signed window file before the deadline into --store and
serves it at ENDPOINT/windows/W (plus /metrics). A live status line goes to
stderr; --log-format json gives structured logs.`,
		Flags: roleFlagsWith(
			&cli.StringFlag{Name: "store", Required: true, EnvVars: envs("store"), Usage: "folder for window files"},
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1:9001", EnvVars: envs("listen"), Usage: "HTTP address serving files and /metrics"},
			&cli.StringFlag{Name: "endpoint", EnvVars: envs("endpoint"), Usage: "public URL registered on-chain (default http://LISTEN)"},
			&cli.IntFlag{Name: "max-groups", Value: 0, Usage: "problems per window at most (0: as many as fit)"},
			&cli.IntFlag{Name: "max-sequences", Value: 0, EnvVars: envs("max-sequences"),
				Usage: "rollouts generated together, over several groups (0: one group at a time; on a GPU try 256)"},
			&cli.IntFlag{Name: "windows", Usage: "stop after this many windows (0: run until interrupted)"},
			&cli.StringFlag{Name: "claim-model-id", Hidden: true, Usage: "demo cheater: claim this model id instead of the loaded model's"},
		),
		Action: func(c *cli.Context) error {
			key, err := loadKey(c)
			if err != nil {
				return err
			}
			s, err := setupRole(c)
			if err != nil {
				return err
			}
			e, b := s.env, s.beacon
			claim := s.model.ID
			if c.String("claim-model-id") == "network" {
				claim = s.net.Params.ModelID
			}
			log := logger(c)
			progress := func(line string) {
				if c.String("log-format") != "json" {
					fmt.Fprintf(c.App.ErrWriter, "\r%s   ", line)
				}
			}
			m, err := miner.New(miner.Config{Network: s.net, Model: s.model, ModelID: claim, Env: e, Key: key, Beacon: b,
				Store: c.String("store"), Listen: c.String("listen"), Endpoint: c.String("endpoint"), MaxGroups: c.Int("max-groups"),
				MaxSequences: c.Int("max-sequences"), Logger: log, Progress: progress, Windows: c.Int("windows")})
			if err != nil {
				return err
			}
			if s.model.ID != s.net.Params.ModelID {
				log.Warn("the loaded model is not the network's model: validators will reject these rollouts",
					"loaded", fmt.Sprintf("%x", s.model.ID[:8]), "network", fmt.Sprintf("%x", s.net.Params.ModelID[:8]))
			}
			return m.Run(c.Context)
		},
	}},
}

var validatorCommand = &cli.Command{
	Name:  "validator",
	Usage: "run a validator: spot-check miners and post weights",
	Subcommands: []*cli.Command{{
		Name:      "run",
		Usage:     "verify every closed window and post weights",
		UsageText: "assay validator run --network FILE --key HEX --model DIR --datadir DIR",
		Description: `For every closed window: fetches each registered miner's file (timeouts,
size cap, retries) before the opening block, verifies the PRF-chosen sample on
the --device backend, detects copycats, gates miners that failed within --lookback,
scores (unique verified completions, score^4, uint16 shares) and posts to the
contract. Decisions and the files they used are kept in --datadir, so a
restart resumes without re-posting and an auditor can replay.`,
		Flags: roleFlagsWith(
			&cli.StringFlag{Name: "datadir", Required: true, EnvVars: envs("datadir"), Usage: "decisions and kept files"},
			&cli.IntFlag{Name: "lookback", Value: 2, EnvVars: envs("lookback"), Usage: "windows of failure gating"},
			&cli.IntFlag{Name: "windows", Usage: "stop after posting this many windows (0: run until interrupted)"},
			&cli.Uint64Flag{Name: "from", Usage: "first window to decide (0: the current one)"},
			&cli.StringFlag{Name: "listen", EnvVars: envs("listen"), Usage: "HTTP address for /metrics (empty: none)"},
		),
		Action: func(c *cli.Context) error {
			key, err := loadKey(c)
			if err != nil {
				return err
			}
			s, err := setupRole(c)
			if err != nil {
				return err
			}
			if s.model.ID != s.net.Params.ModelID {
				return fmt.Errorf("--model %s is not the network's model (%x)", c.String("model"), s.net.Params.ModelID[:8])
			}
			v, err := validator.New(validator.Config{Network: s.net, Model: s.model, Env: s.env, Key: key, Beacon: s.beacon, DataDir: c.String("datadir"),
				Lookback: c.Int("lookback"), Listen: c.String("listen"), Logger: logger(c), Windows: c.Int("windows"), From: c.Uint64("from")})
			if err != nil {
				return err
			}
			return v.Run(c.Context)
		},
	}},
}

var auditCommand = &cli.Command{
	Name:  "audit",
	Usage: "replay past windows from public data",
	Subcommands: []*cli.Command{{
		Name:      "replay",
		Usage:     "re-derive a window's decisions and compare with the posted weights",
		UsageText: "assay audit replay --window W --network FILE --model DIR --files DIR",
		Description: `Re-derives the window and opening seeds from the chain and the beacon,
re-runs the validator's decision on the miners' files (--files: a folder of
window-N/UID.assay, e.g. a validator's files/ folder) and compares it with
every weight vector posted for the window. Prints a per-miner table; exits 1
naming the miner and the reason when a posted weight differs.`,
		Flags: roleFlagsWith(
			&cli.Uint64Flag{Name: "window", Required: true, Usage: "window to replay"},
			&cli.StringFlag{Name: "files", Required: true, EnvVars: envs("files"), Usage: "folder holding window-N/UID.assay"},
			&cli.IntFlag{Name: "lookback", Value: 2, Usage: "windows of failure gating (the validator's value)"},
		),
		Action: func(c *cli.Context) error {
			s, err := setupRole(c)
			if err != nil {
				return err
			}
			e, b := s.env, s.beacon
			w := c.Uint64("window")
			rep, err := audit.Replay(c.Context, audit.Config{Network: s.net, Model: s.model, Env: e, Beacon: b, FilesRoot: c.String("files"), Lookback: c.Int("lookback")}, w)
			if err != nil {
				return err
			}
			out := c.App.Writer
			fmt.Fprintf(out, "audit replay of window %d (window seed %s…, opening seed %s…)\n", w, rep.Decision.WindowSeed[:16], rep.Decision.OpeningSeed[:16])
			tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "uid\tminer\tgroups\topened\tverified\tunique\tfailure\tscore\treplayed weight")
			for _, m := range rep.Decision.Miners {
				f := m.Failure
				if m.Copycat {
					f += " copycat"
				}
				if m.Gated {
					f += " gated"
				}
				if f == "" {
					f = "-"
				}
				fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%d\t%s\t%d\t%d\n", m.UID, m.Address.Hex()[:10], m.Groups, m.Opened, m.Verified, m.Unique, f, m.Score, m.Weight)
			}
			tw.Flush()
			if len(rep.Posts) == 0 {
				return fmt.Errorf("audit: no weights were posted for window %d", w)
			}
			// Each post on its own line: a post is one validator's claim, and
			// any account may register as a validator (docs/security.md).
			bad := map[common.Address]int{}
			for _, mm := range rep.Mismatches {
				bad[mm.Validator]++
			}
			for _, p := range rep.Posts {
				verdict := "agrees with the replay"
				if n := bad[p.Validator]; n > 0 {
					verdict = fmt.Sprintf("DISAGREES at %d uid(s)", n)
				}
				fmt.Fprintf(out, "post by validator %s (block %d, tx %s): %s\n", p.Validator.Hex(), p.Block, p.TxHash.Hex(), verdict)
			}
			if len(rep.Mismatches) > 0 {
				for _, mm := range rep.Mismatches {
					fmt.Fprintf(out, "MISMATCH validator %s uid %d miner %s: posted %d, replay %d (%s)\n", mm.Validator.Hex(), mm.UID, mm.Miner.Hex(), mm.Posted, mm.Replayed, mm.Reason)
				}
				m := rep.Mismatches[0]
				return fmt.Errorf("audit: window %d: validator %s posted %d for miner %s (uid %d), replay gives %d: %s", w, m.Validator.Hex(), m.Posted, m.Miner.Hex(), m.UID, m.Replayed, m.Reason)
			}
			fmt.Fprintf(out, "audit: window %d agrees with %d posted weight vector(s)\n", w, len(rep.Posts))
			return nil
		},
	}},
}
