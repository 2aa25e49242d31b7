package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/chain/sim"
	"github.com/assaynet/assay/internal/atomicfile"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/settle"
)

var chainCommand = &cli.Command{
	Name:  "chain",
	Usage: "the subnet's EVM chain and contract",
	Subcommands: append(append(append(append(stakeCommands(), modelScheduleCommands()...), beaconChainCommands()...), settlementChainCommands()...), []*cli.Command{
		{
			Name:      "dev",
			Usage:     "run the embedded dev chain (go-ethereum in process) with the subnet contract",
			UsageText: "assay chain dev --http 127.0.0.1:8545 --datadir DIR [--block-time 2s] [--model DIR]",
			Description: `Serves standard Ethereum JSON-RPC on --http, mines a block every --block-time
even without transactions, deploys the subnet contract at start-up (once per
--datadir) and prints its address and the funded dev accounts; writes the same
as JSON to DATADIR/network.json for the other processes. Runs until
interrupted. State survives a restart with the same --datadir.`,
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "http", Value: "127.0.0.1:8545", EnvVars: envs("http"), Usage: "JSON-RPC listen address"},
				&cli.StringFlag{Name: "datadir", EnvVars: envs("datadir"), Usage: "chain data folder (empty: in memory)"},
				&cli.DurationFlag{Name: "block-time", Value: 2 * time.Second, EnvVars: envs("block-time"), Usage: "block period"},
				&cli.IntFlag{Name: "accounts", Value: 8, Usage: "funded dev accounts"},
				&cli.StringFlag{Name: "emission", Value: "1", EnvVars: envs("emission"), Usage: "ether an epoch pays (settlement; the owner funds the pool with 100 epochs of it)"},
				&cli.Float64Flag{Name: "miner-share", Value: 0.5, EnvVars: envs("miner-share"), Usage: "miners' part of an epoch's emission (validators share the rest)"},
			}, paramFlags...),
			Action: chainDev,
		},
		{
			Name:      "deploy",
			Usage:     "deploy the subnet contract on a chain (any JSON-RPC node) and write the network file",
			UsageText: "assay chain deploy --rpc URL --chain-id ID --key-file OWNER --model DIR --beacon quicknet --window-length 30 --out network.json",
			Description: `Deploys the subnet contract from the key's account (it becomes the owner,
who schedules parameter changes) with the given network parameters, waits
for it to be mined, and writes the network file (rpc, chain id, contract,
parameters; no keys) that miners, validators and auditors take as --network.
The window length and beacon chain are fixed at deployment.`,
			Flags: append(append([]cli.Flag{
				rpcFlag, chainIDFlag,
				&cli.StringFlag{Name: "out", Required: true, Usage: "network file to write"},
				&cli.StringFlag{Name: "emission", Usage: "ether an epoch pays: deploys the settlement verifier of the default shape and configures settlement (empty: no settlement)"},
				&cli.Float64Flag{Name: "miner-share", Value: 0.5, Usage: "miners' part of an epoch's emission (with --emission)"},
			}, identityFlags...), paramFlags...),
			Action: chainDeploy,
		},
		{
			Name:      "weights",
			Usage:     "print the weights posted for a window",
			UsageText: "assay chain weights --network FILE --window W",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "network", EnvVars: envs("network"), Usage: "network file"},
				rpcFlag, chainIDFlag, contractFlag,
				&cli.Uint64Flag{Name: "window", Required: true, Usage: "window"},
			},
			Action: func(c *cli.Context) error {
				cl, err := dialChain(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				w := c.Uint64("window")
				posts, err := cl.Posts(c.Context, w)
				if err != nil {
					return err
				}
				if len(posts) == 0 {
					return fmt.Errorf("no weights posted for window %d", w)
				}
				ns, err := cl.Neurons(c.Context)
				if err != nil {
					return err
				}
				out := c.App.Writer
				for _, p := range posts {
					fmt.Fprintf(out, "on-chain weights, window %d, posted by %s in block %d (tx %s)\n", w, p.Validator.Hex(), p.Block, p.TxHash.Hex())
					tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
					fmt.Fprintln(tw, "uid\tminer\tendpoint\tweight\tshare")
					// Every registered miner, with 0 where the post names
					// none (posts carry nonzero weights only).
					posted := map[uint32]uint16{}
					for i, u := range p.UIDs {
						posted[u] = p.Weights[i]
					}
					for _, nr := range ns {
						if nr.Validator {
							continue
						}
						wt := posted[nr.UID]
						fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%.2f%%\n", nr.UID, nr.Account.Hex(), printable(nr.Endpoint), wt, 100*float64(wt)/65535)
						delete(posted, nr.UID)
					}
					for _, u := range p.UIDs { // weights for non-miners: shown, they are the poster's error
						if wt, ok := posted[u]; ok {
							fmt.Fprintf(tw, "%d\t(not a miner)\t\t%d\t%.2f%%\n", u, wt, 100*float64(wt)/65535)
						}
					}
					tw.Flush()
				}
				return nil
			},
		},
	}...),
}

// paramFlags are the network parameters a deployment fixes (chain dev,
// chain deploy).
var paramFlags = append([]cli.Flag{
	&cli.StringFlag{Name: "model", EnvVars: envs("model"), Usage: "model folder whose id the contract records"},
	&cli.StringFlag{Name: "model-id", Usage: "model id (64 hex) instead of --model"},
	&cli.Uint64Flag{Name: "stale-windows", Value: 64, Usage: "windows after which a post is stale"},
	&cli.UintFlag{Name: "group-size", Value: 16, Usage: "G"},
	&cli.UintFlag{Name: "k", Value: 32, Usage: "opened sketch positions per rollout"},
	&cli.StringFlag{Name: "sample", Value: "1/4", Usage: "fraction of groups opened"},
	windowLengthFlag,
}, beaconFlags...)

// modelIDFromFlags is the model id of --model (a folder) or --model-id
// (64 hex), and whether either was given.
func modelIDFromFlags(c *cli.Context) (model.ID, bool, error) {
	switch {
	case c.String("model") != "":
		ck, err := model.OpenCheckpoint(c.String("model"))
		if err != nil {
			return model.ID{}, false, err
		}
		defer ck.Close()
		return ck.ModelID(), true, nil
	case c.String("model-id") != "":
		id, err := model.ParseID(c.String("model-id"))
		if err != nil {
			return model.ID{}, false, fmt.Errorf("--model-id: %w", err)
		}
		return id, true, nil
	}
	return model.ID{}, false, nil
}

// paramsFromFlags reads the network parameters of paramFlags.
func paramsFromFlags(c *cli.Context) (chain.Params, error) {
	mid, _, err := modelIDFromFlags(c)
	if err != nil {
		return chain.Params{}, err
	}
	var num, den uint32
	if _, err := fmt.Sscanf(c.String("sample"), "%d/%d", &num, &den); err != nil {
		return chain.Params{}, fmt.Errorf("--sample %q: want N/D", c.String("sample"))
	}
	b, err := beaconFromFlags(c)
	if err != nil {
		return chain.Params{}, err
	}
	p := chain.Params{ModelID: mid, WindowLength: c.Uint64("window-length"), GroupSize: uint32(c.Uint("group-size")), K: uint32(c.Uint("k")),
		SampleNum: num, SampleDen: den, BeaconChain: b.Chain().Hash(), StaleWindows: c.Uint64("stale-windows")}
	if p.WindowLength == 0 {
		p.WindowLength = 30
	}
	return p, nil
}

// chainDeploy deploys the contract through a JSON-RPC node.
func chainDeploy(c *cli.Context) error {
	p, err := paramsFromFlags(c)
	if err != nil {
		return err
	}
	if p.ModelID == ([32]byte{}) {
		return fmt.Errorf("no network model: set --model DIR or --model-id")
	}
	key, err := loadKey(c)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(c.Context, 5*time.Minute)
	defer cancel()
	ec, err := ethclient.DialContext(ctx, c.String("rpc"))
	if err != nil {
		return fmt.Errorf("--rpc %s: %w", c.String("rpc"), err)
	}
	defer ec.Close()
	id, err := ec.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("--rpc %s: chain id: %w", c.String("rpc"), err)
	}
	if id.Uint64() != c.Uint64("chain-id") {
		return fmt.Errorf("the node at %s serves chain %d, not --chain-id %d", c.String("rpc"), id, c.Uint64("chain-id"))
	}
	addr, err := chain.Deploy(ctx, ec, ec, key, id, p)
	if err != nil {
		return err
	}
	if c.String("emission") != "" {
		cl, err := chain.Dial(ctx, chain.ClientConfig{URL: c.String("rpc"), Contract: addr, ChainID: id.Uint64()})
		if err != nil {
			return err
		}
		defer cl.Close()
		if err := setUpSettlement(c, cl, ec, key, id, 0); err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "settlement configured (%v, %s ether an epoch; fund it with `assay chain fund`; the development keys are not a ceremony)\n", settle.DefaultShape, c.String("emission"))
	}
	nf := network.File{RPC: c.String("rpc"), ChainID: id.Uint64(), Contract: addr.Hex(), Params: p}
	js, _ := json.MarshalIndent(nf, "", "  ")
	if err := atomicfile.WriteBytes(c.String("out"), 0o644, js); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "subnet contract %s on chain %d (owner %s); network file %s\n", addr.Hex(), id, crypto.PubkeyToAddress(key.PublicKey).Hex(), c.String("out"))
	return nil
}

func chainDev(c *cli.Context) error {
	p, err := paramsFromFlags(c)
	if err != nil {
		return err
	}
	dd := c.String("datadir")
	if dd != "" {
		if err := os.MkdirAll(dd, 0o755); err != nil {
			return err
		}
	}
	ch, err := sim.Start(c.Context, sim.Config{HTTP: c.String("http"), DataDir: dd, BlockTime: c.Duration("block-time"), Accounts: c.Int("accounts"), Params: p})
	if err != nil {
		return err
	}
	defer ch.Close()
	if err := devBeaconKey(c, ch); err != nil {
		return err
	}
	if err := devSettlement(c, ch); err != nil {
		return err
	}
	// The dev chain seals each block at its own timestamp: no one learns a
	// round before the block that names it, so its network needs no delay.
	var noDelay uint64
	nf := network.File{RPC: ch.URL(), ChainID: sim.ChainID, Contract: ch.Contract().Hex(), Params: p, BeaconDelay: &noDelay}
	w := c.App.Writer
	fmt.Fprintf(w, "assay dev chain %d  rpc %s  contract %s  block time %v\n", sim.ChainID, ch.URL(), ch.Contract().Hex(), c.Duration("block-time"))
	for i, k := range ch.Keys() {
		a := network.Account{Address: crypto.PubkeyToAddress(k.PublicKey).Hex(), Key: hex.EncodeToString(crypto.FromECDSA(k))}
		nf.Accounts = append(nf.Accounts, a)
		role := ""
		if i == 0 {
			role = " (contract owner)"
		}
		fmt.Fprintf(w, "account %d  %s  key %s%s\n", i, a.Address, a.Key, role)
	}
	if dd != "" {
		js, _ := json.MarshalIndent(nf, "", "  ")
		if err := atomicfile.WriteBytes(filepath.Join(dd, "network.json"), 0o644, js); err != nil {
			return err
		}
		fmt.Fprintf(w, "network file %s\n", filepath.Join(dd, "network.json"))
	}
	<-c.Context.Done()
	fmt.Fprintln(w, "assay dev chain: stopping")
	return nil
}

// printable is s for a terminal: a registry string anyone can set is
// quoted with escapes when it holds anything but printable ASCII, so it
// cannot forge rows, colours or columns.
func printable(s string) string {
	for _, r := range s {
		if r < 0x21 || r > 0x7e {
			return strconv.QuoteToASCII(s)
		}
	}
	return s
}

// devBeaconKey sets the dev beacon's public key on a fresh dev contract,
// so `assay chain submit-beacon` works against it out of the box.
func devBeaconKey(c *cli.Context, ch *sim.Chain) error {
	b, err := beaconFromFlags(c)
	if err != nil {
		return err
	}
	cl, err := ch.Client(c.Context)
	if err != nil {
		return err
	}
	if k, err := cl.BeaconKey(c.Context); err != nil || len(k) > 0 {
		return err
	}
	pub, err := hex.DecodeString(b.Chain().PublicKeyHex())
	if err != nil {
		return err
	}
	if c.Duration("block-time") == 0 {
		defer ch.MineEvery(50 * time.Millisecond)()
	}
	if _, err := cl.SetBeaconKey(c.Context, ch.Keys()[0], pub); err != nil {
		return fmt.Errorf("dev chain: beacon key: %w", err)
	}
	return nil
}

// devSettlement deploys the committed settlement verifier (the dev shape)
// on a fresh dev contract, configures settlement and funds 100 epochs of
// emission from the owner.
func devSettlement(c *cli.Context, ch *sim.Chain) error {
	cl, err := ch.Client(c.Context)
	if err != nil {
		return err
	}
	cur, err := cl.Settlement(c.Context)
	if err != nil || cur.Verifier != (common.Address{}) {
		return err
	}
	if c.Duration("block-time") == 0 {
		defer ch.MineEvery(50 * time.Millisecond)()
	}
	if err := setUpSettlement(c, cl, ch.Eth(), ch.Keys()[0], big.NewInt(sim.ChainID), 100); err != nil {
		return fmt.Errorf("dev chain: %w", err)
	}
	return nil
}

// setUpSettlement deploys the committed verifier of settle.DefaultShape,
// configures settlement with --emission and --miner-share and funds the
// pool with fundEpochs epochs of emission.
func setUpSettlement(c *cli.Context, cl *chain.Client, eth *ethclient.Client, owner *ecdsa.PrivateKey, chainID *big.Int, fundEpochs int64) error {
	emission, err := parseEther(c.String("emission"))
	if err != nil {
		return fmt.Errorf("--emission: %w", err)
	}
	share := c.Float64("miner-share")
	if !(share >= 0 && share <= 1) {
		return fmt.Errorf("--miner-share %v: want a fraction in [0, 1]", share)
	}
	ver, err := chain.DeployVerifier(c.Context, eth, eth, owner, chainID)
	if err != nil {
		return err
	}
	s := settle.DefaultShape
	if _, err := cl.ConfigureSettlement(c.Context, owner, chain.Settlement{Verifier: ver, EpochLength: uint64(s.Windows),
		Uids: uint32(s.Uids), Validators: uint32(s.Validators), EmissionPerEpoch: emission, MinerBps: uint32(math.Round(share * 10000))}); err != nil {
		return fmt.Errorf("settlement: %w", err)
	}
	if emission.Sign() > 0 && fundEpochs > 0 {
		if _, err := cl.Fund(c.Context, owner, new(big.Int).Mul(emission, big.NewInt(fundEpochs))); err != nil {
			return fmt.Errorf("fund the emission pool: %w", err)
		}
	}
	return nil
}
