package main

import (
	"bytes"
	"encoding/hex"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/chain"
)

// beaconChainCommands are `assay chain set-beacon-key`, `submit-beacon`
// and `beacon-randomness`: beacon rounds verified and stored by the
// contract (EIP-2537), docs/protocol.md §3.
func beaconChainCommands() []*cli.Command {
	keyed := keyedChainFlags(beaconFlags...)
	roundFlag := &cli.Uint64Flag{Name: "round", Required: true, Usage: "beacon round"}
	return []*cli.Command{
		{
			Name:      "set-beacon-key",
			Usage:     "set the beacon chain's public key on the contract, once (owner only), from the --beacon source's chain info",
			UsageText: "assay chain set-beacon-key --network FILE --beacon quicknet",
			Flags:     keyed,
			Action: func(c *cli.Context) error {
				b, err := beaconFromFlags(c)
				if err != nil {
					return err
				}
				key, cl, err := signingClient(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				p, err := cl.Params(c.Context)
				if err != nil {
					return err
				}
				if b.Chain().Hash() != p.BeaconChain {
					return fmt.Errorf("--beacon %s is chain %s; the contract's beacon chain is %x", c.String("beacon"), b.Chain().HashHex(), p.BeaconChain)
				}
				pub, err := hex.DecodeString(b.Chain().PublicKeyHex())
				if err != nil {
					return err
				}
				r, err := cl.SetBeaconKey(c.Context, key, pub)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "beacon key of chain %s set (%d gas)\n", b.Chain().HashHex(), r.GasUsed)
				return nil
			},
		},
		{
			Name:      "submit-beacon",
			Usage:     "fetch and verify a beacon round, then have the contract verify it and store its randomness",
			UsageText: "assay chain submit-beacon --network FILE --beacon quicknet --round N",
			Flags:     append(keyed, roundFlag),
			Action: func(c *cli.Context) error {
				b, err := beaconFromFlags(c)
				if err != nil {
					return err
				}
				v, err := b.Round(c.Context, c.Uint64("round"))
				if err != nil {
					return err
				}
				key, cl, err := signingClient(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				if stored, err := cl.BeaconRandomness(c.Context, v.Round); err == nil && stored != ([32]byte{}) {
					if stored != v.Randomness {
						return fmt.Errorf("round %d: the contract stores randomness %x, the beacon says %x", v.Round, stored, v.Randomness)
					}
					fmt.Fprintf(c.App.Writer, "round %d already on chain: randomness %x\n", v.Round, stored)
					return nil
				}
				r, err := cl.SubmitBeacon(c.Context, key, v.Round, v.Signature)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.App.Writer, "round %d verified on chain: randomness %x (%d gas)\n", v.Round, v.Randomness, r.GasUsed)
				return nil
			},
		},
		{
			Name:      "beacon-randomness",
			Usage:     "print a round's randomness as the contract stores it (zero: not submitted)",
			UsageText: "assay chain beacon-randomness --network FILE --round N",
			Flags:     chainFlagsWith(roundFlag),
			Action: func(c *cli.Context) error {
				cl, err := dialChain(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				r, err := cl.BeaconRandomness(c.Context, c.Uint64("round"))
				if err != nil {
					return err
				}
				if bytes.Equal(r[:], make([]byte, 32)) {
					return fmt.Errorf("round %d: %w", c.Uint64("round"), chain.ErrNoBeacon)
				}
				fmt.Fprintf(c.App.Writer, "%x\n", r)
				return nil
			},
		},
	}
}
