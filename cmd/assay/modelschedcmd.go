package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/checkpoint"
	"github.com/assaynet/assay/model"
)

// modelScheduleCommands are `assay chain models` and `assay chain
// set-model`: the contract's model schedule and the owner's announcements.
func modelScheduleCommands() []*cli.Command {
	return []*cli.Command{
		{
			Name:      "models",
			Usage:     "print the model schedule: from which window each model governs, and where to fetch it",
			UsageText: "assay chain models --network FILE",
			Flags:     chainFlagsWith(),
			Action: func(c *cli.Context) error {
				cl, err := dialChain(c)
				if err != nil {
					return err
				}
				defer cl.Close()
				ms, err := cl.Models(c.Context)
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(c.App.Writer, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "from window\tmodel id\turl")
				for _, m := range ms {
					u := printable(m.URL)
					if u == "" {
						u = "-"
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\n", m.FromWindow, model.ID(m.ID), u)
				}
				return tw.Flush()
			},
		},
		{
			Name:      "set-model",
			Usage:     "announce the next model and where to fetch it (contract owner)",
			UsageText: "assay chain set-model --network FILE --key-file OWNER (--model DIR | --model-id ID) --url http://host:8700/<id>/",
			Description: `Schedules the model for the window PARAMS_DELAY (2) windows after the
current one, the other parameters unchanged, with the URL of a checkpoint
server publishing it (assay checkpoint serve). The URL is checked first: its
manifest must name the same model id (--no-check skips that, for a server
not up yet). Prints the first window the model governs.`,
			Flags: keyedChainFlags(
				&cli.StringFlag{Name: "model", Usage: "model folder whose id to announce"},
				&cli.StringFlag{Name: "model-id", Usage: "model id (64 hex) instead of --model"},
				&cli.StringFlag{Name: "url", Required: true, Usage: "checkpoint server URL of the model (http://host:port/<id>/)"},
				&cli.BoolFlag{Name: "no-check", Usage: "announce without reading the URL's manifest"},
			),
			Action: chainSetModel,
		},
	}
}

func chainSetModel(c *cli.Context) error {
	id, given, err := modelIDFromFlags(c)
	if err != nil {
		return err
	}
	if !given {
		return fmt.Errorf("set --model DIR or --model-id")
	}
	url := c.String("url")
	if !c.Bool("no-check") {
		m, err := checkpoint.RemoteManifest(c.Context, url, nil)
		if err != nil {
			return fmt.Errorf("--url: %w (--no-check announces anyway)", err)
		}
		if m.ModelID != id.String() {
			return fmt.Errorf("--url serves model %s, not %s: %w", m.ModelID, id, checkpoint.ErrModelMismatch)
		}
	}
	key, err := loadKey(c)
	if err != nil {
		return err
	}
	cl, err := dialChain(c)
	if err != nil {
		return err
	}
	defer cl.Close()
	from, err := cl.SetModel(c.Context, key, id, url)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "model %s governs from window %d (fetch: %s)\n", id, from, printable(url))
	return nil
}
