package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/audit"
	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/settle"
)

var keysFlag = &cli.StringFlag{Name: "keys", EnvVars: envs("settle-keys"),
	Usage: "folder of settlement keys (default: the user's cache, by shape and circuit id; set up there when absent)"}

var settleCommand = &cli.Command{
	Name:      "settle",
	Usage:     "prove an epoch's consensus and emission with gnark and credit them on chain",
	UsageText: "assay settle --network FILE --epoch E [--keys DIR]\n   assay settle setup [--shape W,V,U] [--keys DIR] [--solidity FILE]",
	Description: `Reads the epoch's posts as the contract hashed them (their stakes and weights),
checks that they reproduce the contract's window states, computes every
uid's payout by the consensus rule (docs/protocol.md §8.4–8.5), proves it
with Groth16 on BN254 and submits the proof; the contract verifies it and
credits the balances, which owners claim with 'assay chain claim'. Anyone may
settle; the epoch must be past the stale limit (no post can still arrive).`,
	Flags: chainFlagsWith(append(append([]cli.Flag{}, identityFlags...),
		&cli.Uint64Flag{Name: "epoch", Usage: "epoch to settle (windows epoch·E … epoch·E+E−1; required)"},
		keysFlag)...),
	Action: runSettle,
	Subcommands: []*cli.Command{{
		Name:      "setup",
		Usage:     "the deterministic development set-up of the settlement keys (NOT a trusted ceremony)",
		UsageText: "assay settle setup [--shape W,V,U] [--keys DIR] [--solidity FILE]",
		Description: `Runs gnark's Groth16 MPC set-up with no contribution but its final beacon
step, seeded by a public string, so every machine derives the same keys —
and anyone can derive their toxic waste: proofs made with them protect
nothing of value. For development and the embedded chain only; a deployment
paying real value runs a ceremony (gnark's mpcsetup with contributions).
--solidity writes gnark's Solidity verifier of the verifying key.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "shape", Value: shapeString(settle.DefaultShape), Usage: "windows an epoch, posts a window, uids"},
			keysFlag,
			&cli.StringFlag{Name: "solidity", Usage: "write the Solidity verifier here"},
		},
		Action: runSettleSetup,
	}},
}

func shapeString(s settle.Shape) string {
	return fmt.Sprintf("%d,%d,%d", s.Windows, s.Validators, s.Uids)
}

func parseShape(v string) (settle.Shape, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 3 {
		return settle.Shape{}, fmt.Errorf("--shape %q: want WINDOWS,VALIDATORS,UIDS", v)
	}
	var n [3]int
	for i, p := range parts {
		x, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return settle.Shape{}, fmt.Errorf("--shape %q: %w", v, err)
		}
		n[i] = x
	}
	s := settle.Shape{Windows: n[0], Validators: n[1], Uids: n[2]}
	return s, s.Validate()
}

// keysFor loads (or sets up) the keys of shape s from --keys, or from the
// circuit's cache directory.
func keysFor(ctx context.Context, c *cli.Context, s settle.Shape) (*settle.Keys, error) {
	cc, err := settle.Compile(s)
	if err != nil {
		return nil, err
	}
	return cc.LoadOrSetup(ctx, c.String("keys"), func(msg string) { fmt.Fprintln(c.App.ErrWriter, msg) })
}

func runSettleSetup(c *cli.Context) error {
	s, err := parseShape(c.String("shape"))
	if err != nil {
		return err
	}
	start := time.Now()
	cc, err := settle.Compile(s)
	if err != nil {
		return err
	}
	k, err := cc.Setup(c.Context)
	if err != nil {
		return err
	}
	dir := c.String("keys")
	if dir == "" {
		if dir, err = cc.KeyDir(); err != nil {
			return err
		}
	}
	if err := k.Save(dir); err != nil {
		return err
	}
	vk, err := k.VerifyingKeyDigest()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "settlement keys for %v in %s (%.1fs): circuit %s, verifying key sha256 %s\n", s, dir, time.Since(start).Seconds(), k.ID, vk)
	fmt.Fprintln(c.App.Writer, "development set-up: its toxic waste is public; not a trusted ceremony")
	if out := c.String("solidity"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		if err := k.ExportVerifier(f); err != nil {
			f.Close()
			return fmt.Errorf("export verifier: %w", err)
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "Solidity verifier: %s\n", out)
	}
	return nil
}

func runSettle(c *cli.Context) error {
	if !c.IsSet("epoch") {
		return fmt.Errorf("--epoch is required (see 'assay settle --help')")
	}
	key, cl, err := signingClient(c)
	if err != nil {
		return err
	}
	defer cl.Close()
	epoch := c.Uint64("epoch")
	ep, cfg, err := settle.FromChain(c.Context, cl, epoch)
	if err != nil {
		return err
	}
	k, err := keysFor(c.Context, c, settle.ShapeOf(cfg))
	if err != nil {
		return err
	}
	start := time.Now()
	proof, res, err := k.Prove(ep)
	if err != nil {
		return err
	}
	proved := time.Since(start)
	onChain, err := cl.EpochDigest(c.Context, epoch)
	if err != nil {
		return err
	}
	if onChain.Cmp(proof.Public[0]) != 0 {
		return fmt.Errorf("settle: epoch %d: the proof's digest %x is not the contract's %x", epoch, proof.Public[0], onChain)
	}
	r, err := cl.Settle(c.Context, key, epoch, proof.Words, res.Payouts)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "epoch %d settled in block %d (proof %.1fs, %d gas): credited %s of %s ether, %s carried\n",
		epoch, r.BlockNumber, proved.Seconds(), r.GasUsed, formatEther(settle.Sum(res.Payouts)), formatEther(ep.Emission), formatEther(res.Carried))
	ns, err := cl.Neurons(c.Context)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.App.Writer, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "uid\taccount\tcredited (ether)")
	for _, n := range ns {
		if int(n.UID) < len(res.Payouts) {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", n.UID, n.Account.Hex(), formatEther(res.Payouts[n.UID]))
		}
	}
	return tw.Flush()
}

// settlementChainCommands are `assay chain fund|balances|claim`.
func settlementChainCommands() []*cli.Command {
	keyed := keyedChainFlags
	return []*cli.Command{
		{
			Name: "fund", Usage: "add native value to the emission pool settlement pays from",
			UsageText: "assay chain fund --network FILE --amount ETHER",
			Flags:     keyed(&cli.StringFlag{Name: "amount", Required: true, Usage: "ether to add"}),
			Action: func(c *cli.Context) error {
				amount, err := parseEther(c.String("amount"))
				if err != nil {
					return err
				}
				key, cl, err := signingClient(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				if _, err := cl.Fund(c.Context, key, amount); err != nil {
					return err
				}
				s, err := cl.Settlement(c.Context)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "funded %s ether; the pool holds %s\n", formatEther(amount), formatEther(s.Pool))
				return nil
			},
		},
		{
			Name: "balances", Usage: "print every neuron's credited, unclaimed balance and the settlement configuration",
			UsageText: "assay chain balances --network FILE",
			Flags:     chainFlagsWith(),
			Action: func(c *cli.Context) error {
				cl, err := dialChain(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				s, err := cl.Settlement(c.Context)
				if err != nil {
					return err
				}
				if s.Verifier == ([20]byte{}) {
					return fmt.Errorf("%w", settle.ErrNotConfigured)
				}
				fmt.Fprintf(c.App.Writer, "settlement: verifier %s, epochs of %d windows from epoch %d, %d uids, %d posts a window, %s ether an epoch (miners %d bps), pool %s ether\n",
					s.Verifier.Hex(), s.EpochLength, s.FromEpoch, s.Uids, s.Validators, formatEther(s.EmissionPerEpoch), s.MinerBps, formatEther(s.Pool))
				ns, err := cl.Neurons(c.Context)
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(c.App.Writer, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "uid\taccount\trole\tbalance (ether)")
				for _, n := range ns {
					b, err := cl.BalanceOf(c.Context, n.Account)
					if err != nil {
						return err
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", n.UID, n.Account.Hex(), roleOf(n), formatEther(b))
				}
				return tw.Flush()
			},
		},
		{
			Name: "claim", Usage: "pay the key's account its credited balance",
			UsageText: "assay chain claim --network FILE",
			Flags:     keyed(),
			Action: func(c *cli.Context) error {
				key, cl, err := signingClient(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				b, err := cl.BalanceOf(c.Context, crypto.PubkeyToAddress(key.PublicKey))
				if err != nil {
					return err
				}
				if _, err := cl.Claim(c.Context, key); err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "claimed %s ether\n", formatEther(b))
				return nil
			},
		},
	}
}

// auditSettleCommand is `assay audit settle`.
var auditSettleCommand = &cli.Command{
	Name:      "settle",
	Usage:     "recompute an epoch's consensus and emission from the chain and compare every credit",
	UsageText: "assay audit settle --network FILE --epoch E",
	Description: `Reads the epoch's posts as the contract hashed them, applies the consensus
rule (score.ConsensusOf on every window, docs/protocol.md §8.5) and compares
each uid's Credited amount with it. Exits 1 naming the first uid whose credit
differs; says so when the epoch is not settled yet.`,
	Flags: chainFlagsWith(&cli.Uint64Flag{Name: "epoch", Required: true, Usage: "epoch to audit"}),
	Action: func(c *cli.Context) error {
		cl, err := dialChain(c)
		if err != nil {
			return err
		}
		defer cl.Close()
		a, err := audit.AuditSettlement(c.Context, cl, c.Uint64("epoch"))
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(c.App.Writer, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "uid\taccount\trole\trule pays (ether)\tcredited (ether)")
		for u, want := range a.Expected.Payouts {
			n, ok := a.Neurons[uint32(u)]
			if !ok {
				continue
			}
			got := "0"
			if x := a.Credited[uint32(u)]; x != nil {
				got = formatEther(x)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u, n.Account.Hex(), roleOf(n), formatEther(want), got)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		switch {
		case !a.Settled:
			return cli.Exit(fmt.Sprintf("epoch %d is not settled yet", a.Epoch), 1)
		case a.Mismatch != "":
			return cli.Exit(fmt.Sprintf("epoch %d: %s", a.Epoch, a.Mismatch), 1)
		}
		fmt.Fprintf(c.App.Writer, "epoch %d: every credit agrees with the rule (%s ether carried)\n", a.Epoch, formatEther(a.Expected.Carried))
		return nil
	},
}

// roleOf is how the tables name a neuron's role.
func roleOf(n chain.Neuron) string {
	if n.Validator {
		return "validator"
	}
	return "miner"
}
