package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/export"
	"github.com/assaynet/assay/model"
	"github.com/assaynet/assay/model/tokenizer"
	"github.com/assaynet/assay/network"
	"github.com/assaynet/assay/proofs"
	"github.com/assaynet/assay/score"
	"github.com/assaynet/assay/validator"
)

var exportCommand = &cli.Command{
	Name:      "export",
	Usage:     "write the verified rollouts of decided windows as training data",
	UsageText: "assay export --data VALIDATOR_DATADIR --from W1 --to W2 --out DIR --model DIR [--format parquet|jsonl]",
	Description: `Reads a validator's decisions and the files they judged (its --datadir, or a
copy) and writes every rollout of every file that passed verification —
not failed, not a copy, not gated — to DIR/rollouts-W1-W2.parquet (or
.jsonl): prompt and completion as text and token ids, the committed
log-probabilities of the behaviour policy, reward, advantage, group, window,
miner and model id (docs/export.md). Windows without a decision are listed
and skipped. --model gives the tokenizer: the model the rollouts were
generated with; repeat it for a range over which the network switched
models (each window is decoded with its own), or give one with
--same-tokenizer when every model of the range shares its tokenizer (a
trainer's updates do).`,
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "data", Required: true, EnvVars: envs("datadir"), Usage: "validator data folder (decisions/ and files/)"},
		&cli.Uint64Flag{Name: "from", Required: true, Usage: "first window"},
		&cli.Uint64Flag{Name: "to", Required: true, Usage: "last window (inclusive)"},
		&cli.StringFlag{Name: "out", Required: true, Usage: "output folder"},
		&cli.StringSliceFlag{Name: "model", Required: true, EnvVars: envs("model"), Usage: "model folder (its tokenizer decodes the text); repeat for a range spanning several models"},
		&cli.BoolFlag{Name: "same-tokenizer", Usage: "decode every window with the first --model's tokenizer, whatever model generated it"},
		&cli.IntFlag{Name: "max-new-tokens", Value: network.DefaultProtocol.MaxNewTokens, EnvVars: envs("max_new_tokens"), Usage: "protocol completion cap (bounds decoding)"},
		&cli.StringFlag{Name: "format", Value: "parquet", EnvVars: envs("export_format"), Usage: "parquet or jsonl"},
		envFlags[0],
	},
	Action: runExport,
}

func runExport(c *cli.Context) error {
	from, to, format := c.Uint64("from"), c.Uint64("to"), c.String("format")
	if to < from {
		return fmt.Errorf("--to %d is before --from %d", to, from)
	}
	if !slices.Contains(export.Formats, format) {
		return fmt.Errorf("--format %q: want parquet or jsonl", format)
	}
	toks := map[[32]byte]*tokenizer.Tokenizer{}
	var first *tokenizer.Tokenizer
	for _, dir := range c.StringSlice("model") {
		tok, id, err := exportModel(dir)
		if err != nil {
			return err
		}
		toks[id] = tok
		if first == nil {
			first = tok
		}
	}
	if c.Bool("same-tokenizer") {
		toks = nil // Source.Tokenizer decodes every record
	}
	if err := os.MkdirAll(c.String("out"), 0o755); err != nil {
		return err
	}
	p := proofs.DefaultParams
	p.MaxNewTokens = c.Int("max-new-tokens")
	data := c.String("data")
	e := export.New()
	var rows []export.Row
	var missing []uint64
	prog := newProgress(c.App.ErrWriter, "export: windows read", logger(c), false)
	for w := from; w <= to; w++ {
		prog.Update(int64(w-from), int64(to-from+1))
		d, err := validator.LoadDecision(data, w)
		if errors.Is(err, fs.ErrNotExist) {
			missing = append(missing, w)
			continue
		}
		if err != nil {
			return err
		}
		got, err := e.Window(export.Source{Decision: d, Files: score.DirFiles(score.FilesDir(validator.FilesRoot(data), w)), Tokenizer: first, ByModel: toks, Env: c.String("env"), Params: p})
		if err != nil {
			return fmt.Errorf("%w (give the model that generated it with --model)", err)
		}
		rows = append(rows, got...)
	}
	prog.Update(int64(to-from+1), int64(to-from+1))
	if len(missing) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "no decision for window(s) %v in %s: skipped\n", missing, data)
	}
	if uint64(len(missing)) == to-from+1 {
		return fmt.Errorf("no decided window between %d and %d in %s", from, to, data)
	}
	out := filepath.Join(c.String("out"), fmt.Sprintf("rollouts-%d-%d.%s", from, to, format))
	if err := export.Write(out, format, rows); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "exported %d rollouts of windows %d..%d to %s\n", len(rows), from, to, out)
	return nil
}

// exportModel loads the tokenizer and id of a model folder.
func exportModel(dir string) (*tokenizer.Tokenizer, [32]byte, error) {
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		return nil, [32]byte{}, err
	}
	id := ck.ModelID()
	ck.Close()
	tok, err := tokenizer.Load(dir)
	if err != nil {
		return nil, [32]byte{}, err
	}
	return tok, id, nil
}
