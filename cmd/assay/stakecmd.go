package main

import (
	"crypto/ecdsa"
	"fmt"
	"maps"
	"math"
	"math/big"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/score"
)

// weiPerEther converts the CLI's ether amounts.
var weiPerEther = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// parseEther reads a decimal amount of ether ("1", "0.25") as wei, exactly:
// at most 18 decimals, nothing negative.
func parseEther(s string) (*big.Int, error) {
	s = strings.TrimSpace(s)
	whole, frac, _ := strings.Cut(s, ".")
	if s == "" || len(frac) > 18 || strings.ContainsAny(s, "+-eE") {
		return nil, fmt.Errorf("amount %q: want a decimal number of ether with at most 18 decimals", s)
	}
	digits := whole + frac + strings.Repeat("0", 18-len(frac))
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("amount %q: want a decimal number of ether", s)
	}
	return v, nil
}

// formatEther prints wei as ether without losing digits.
func formatEther(wei *big.Int) string {
	q, r := new(big.Int).QuoRem(wei, weiPerEther, new(big.Int))
	if r.Sign() == 0 {
		return q.String()
	}
	return strings.TrimRight(fmt.Sprintf("%s.%018s", q, r), "0")
}

var stakeFlag = &cli.StringFlag{Name: "stake", EnvVars: envs("stake"), Category: "Identity",
	Usage: "bonded stake to keep, in ether (the validator bonds what is missing at start; the contract refuses weights from unstaked validators)"}

// chainFlagsWith is the flags that reach the contract, then extra.
func chainFlagsWith(extra ...cli.Flag) []cli.Flag {
	f := []cli.Flag{&cli.StringFlag{Name: "network", EnvVars: envs("network"), Usage: "network file"}, rpcFlag, chainIDFlag, contractFlag}
	return append(f, extra...)
}

// keyedChainFlags adds the identity flags for commands that send
// transactions.
func keyedChainFlags(extra ...cli.Flag) []cli.Flag {
	return chainFlagsWith(append(append([]cli.Flag{}, identityFlags...), extra...)...)
}

// stakeCommands are `assay chain stake|unstake|withdraw|stakes`.
func stakeCommands() []*cli.Command {
	chainFlags, keyed := chainFlagsWith, keyedChainFlags
	return []*cli.Command{
		{
			Name: "stake", Usage: "bond stake (native value) as a registered validator",
			UsageText: "assay chain stake --network FILE --amount ETHER",
			Flags:     keyed(&cli.StringFlag{Name: "amount", Required: true, Usage: "ether to bond"}),
			Action: func(c *cli.Context) error {
				return keyedTx(c, func(amount *big.Int) string { return "bonded " + formatEther(amount) + " ether" }, true)
			},
		},
		{
			Name: "unstake", Usage: "start unbonding stake (withdrawable after the contract's unbonding delay)",
			UsageText: "assay chain unstake --network FILE --amount ETHER",
			Flags:     keyed(&cli.StringFlag{Name: "amount", Required: true, Usage: "ether to unbond"}),
			Action: func(c *cli.Context) error {
				return keyedTx(c, func(amount *big.Int) string { return "unbonding " + formatEther(amount) + " ether" }, false)
			},
		},
		{
			Name: "withdraw", Usage: "withdraw stake whose unbonding delay is over",
			UsageText: "assay chain withdraw --network FILE",
			Flags:     keyed(),
			Action: func(c *cli.Context) error {
				key, cl, err := signingClient(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				a := crypto.PubkeyToAddress(key.PublicKey)
				before, err := cl.StakeOf(c.Context, a)
				if err != nil {
					return err
				}
				if _, err := cl.Withdraw(c.Context, key); err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "withdrew %s ether to %s\n", formatEther(before.Unbonding), a.Hex())
				return nil
			},
		},
		{
			Name: "consensus", Usage: "compute one window's stake-weighted consensus and what an emission would pay it (a preview: assay settle credits whole epochs)",
			UsageText: "assay chain consensus --network FILE --window W [--emission ETHER] [--miner-share 0.5]",
			Flags: chainFlags(
				&cli.Uint64Flag{Name: "window", Required: true, Usage: "window"},
				&cli.StringFlag{Name: "emission", Value: "1", Usage: "the window's emission, in ether"},
				&cli.Float64Flag{Name: "miner-share", Value: 0.5, Usage: "miners' part of the emission (validators share the rest)"},
			),
			Action: chainConsensus,
		},
		{
			Name: "stakes", Usage: "print every validator's stake",
			UsageText: "assay chain stakes --network FILE",
			Flags:     chainFlags(),
			Action: func(c *cli.Context) error {
				cl, err := dialChain(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				ns, err := cl.Neurons(c.Context)
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(c.App.Writer, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "uid\tvalidator\tbonded (ether)\tunbonding (ether)\treleased from window")
				for _, n := range ns {
					if !n.Validator {
						continue
					}
					st, err := cl.StakeOf(c.Context, n.Account)
					if err != nil {
						return err
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\n", n.UID, n.Account.Hex(), formatEther(st.Bonded), formatEther(st.Unbonding), st.ReleaseWindow)
				}
				return tw.Flush()
			},
		},
	}
}

// keyedTx runs stake (bond) or unstake of --amount with the role's key.
func keyedTx(c *cli.Context, done func(*big.Int) string, bond bool) error {
	amount, err := parseEther(c.String("amount"))
	if err != nil {
		return err
	}
	if amount.Sign() == 0 {
		return fmt.Errorf("--amount must be positive")
	}
	key, cl, err := signingClient(c)
	if err != nil {
		return err
	}
	defer cl.Close()
	if bond {
		_, err = cl.AddStake(c.Context, key, amount)
	} else {
		_, err = cl.Unstake(c.Context, key, amount)
	}
	if err != nil {
		return err
	}
	st, err := cl.StakeOf(c.Context, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "%s; bonded now %s ether, unbonding %s (released from window %d)\n", done(amount), formatEther(st.Bonded), formatEther(st.Unbonding), st.ReleaseWindow)
	return nil
}

// signingClient loads the command's key and dials its chain.
func signingClient(c *cli.Context) (*ecdsa.PrivateKey, *chain.Client, error) {
	key, err := loadKey(c)
	if err != nil {
		return nil, nil, err
	}
	cl, err := dialChain(c)
	if err != nil {
		return nil, nil, err
	}
	return key, cl, nil
}

// chainConsensus prints score.ConsensusOf over a window's staked posts.
func chainConsensus(c *cli.Context) error {
	total, err := parseEther(c.String("emission"))
	if err != nil {
		return fmt.Errorf("--emission: %w", err)
	}
	share := c.Float64("miner-share")
	if !(share >= 0 && share <= 1) {
		return fmt.Errorf("--miner-share %v: want a fraction in [0, 1]", share)
	}
	cl, err := dialChain(c)
	if err != nil {
		return err
	}
	defer cl.Close()
	p, err := cl.Params(c.Context)
	if err != nil {
		return err
	}
	w := c.Uint64("window")
	posts, err := score.PostsAt(c.Context, cl, challenge.Params{WindowLength: p.WindowLength}, w)
	if err != nil {
		return err
	}
	if len(posts) == 0 {
		return fmt.Errorf("no weights posted for window %d by a validator staked at its deadline", w)
	}
	res, err := score.ConsensusOf(posts, score.Emission{Total: total, MinerBps: uint32(math.Round(share * 10000))})
	if err != nil {
		return err
	}
	out := c.App.Writer
	fmt.Fprintf(out, "window %d: consensus of %d staked post(s); emission %s ether, %.2f%% to miners (a preview with stakes at the deadline block; assay settle credits epochs)\n",
		w, len(posts), formatEther(total), 100*share)
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "miner uid\tconsensus weight\tpayout (ether)")
	uids := slices.Sorted(maps.Keys(res.Weights))
	for _, u := range uids {
		pay := res.Miners[u]
		if pay == nil {
			pay = new(big.Int)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\n", u, res.Weights[u], formatEther(pay))
	}
	tw.Flush()
	tw = tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "validator\tstake (ether)\tpayout (ether)")
	for _, p := range posts {
		pay := res.Validators[p.Validator]
		if pay == nil {
			pay = new(big.Int)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Validator.Hex(), formatEther(p.Stake), formatEther(pay))
	}
	tw.Flush()
	fmt.Fprintf(out, "carried (rounding, or nobody to pay): %s ether\n", formatEther(res.Carried))
	return nil
}
