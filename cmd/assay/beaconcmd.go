package main

import (
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/beacon"
)

var beaconCommand = &cli.Command{
	Name:  "beacon",
	Usage: "drand randomness: verify, fetch, describe",
	Subcommands: []*cli.Command{
		{
			Name:      "verify",
			Usage:     "verify one beacon's signature offline",
			UsageText: "assay beacon verify --chain quicknet --round N --signature HEX [--previous HEX]",
			Description: `Checks the BLS signature of a round against the chain's public key with
drand's own verifier, offline, and prints the round's randomness. Exits 1 when
it does not verify. --previous is needed only on the chained "default" chain.`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "chain", Value: "quicknet", EnvVars: envs("chain"), Usage: "quicknet, default, or a chain hash"},
				&cli.Uint64Flag{Name: "round", Required: true, Usage: "round number"},
				&cli.StringFlag{Name: "signature", Required: true, Usage: "signature, hex"},
				&cli.StringFlag{Name: "previous", Usage: "previous round's signature, hex (chained schemes)"},
			},
			Action: func(c *cli.Context) error {
				ch, err := beacon.KnownChain(c.String("chain"))
				if err != nil {
					return err
				}
				sig, err := hex.DecodeString(strings.TrimPrefix(c.String("signature"), "0x"))
				if err != nil {
					return fmt.Errorf("--signature: not hex: %w", err)
				}
				prev, err := hex.DecodeString(strings.TrimPrefix(c.String("previous"), "0x"))
				if err != nil {
					return fmt.Errorf("--previous: not hex: %w", err)
				}
				v, err := ch.Verify(c.Uint64("round"), sig, prev)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "ok chain=%s round=%d randomness=%x\n", ch.HashHex(), v.Round, v.Randomness)
				return nil
			},
		},
		{
			Name:      "get",
			Usage:     "fetch a round from a relay (or the local beacon) and verify it",
			UsageText: "assay beacon get --beacon quicknet --round N [--beacon-relay URL]",
			Flags:     append([]cli.Flag{&cli.Uint64Flag{Name: "round", Required: true, Usage: "round number"}}, beaconFlags...),
			Action: func(c *cli.Context) error {
				b, err := beaconFromFlags(c)
				if err != nil {
					return err
				}
				v, err := b.Round(c.Context, c.Uint64("round"))
				if err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "ok chain=%s round=%d signature=%x randomness=%x\n",
					b.Chain().HashHex(), v.Round, v.Signature, v.Randomness)
				return nil
			},
		},
		{
			Name:      "info",
			Usage:     "print a chain's info JSON (what others need to verify it)",
			UsageText: "assay beacon info --beacon quicknet|default|local",
			Flags:     beaconFlags,
			Action: func(c *cli.Context) error {
				b, err := beaconFromFlags(c)
				if err != nil {
					return err
				}
				js, err := b.Chain().InfoJSON()
				if err != nil {
					return err
				}
				fmt.Fprintln(c.App.Writer, string(js))
				return nil
			},
		},
	},
}
