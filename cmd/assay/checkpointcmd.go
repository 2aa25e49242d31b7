package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/assaynet/assay/checkpoint"
	"github.com/assaynet/assay/model"
)

var checkpointCommand = &cli.Command{
	Name:  "checkpoint",
	Usage: "publish and fetch model checkpoints by model id",
	Subcommands: []*cli.Command{
		{
			Name:      "serve",
			Usage:     "serve checkpoint folders over HTTP (manifest, byte ranges)",
			UsageText: "assay checkpoint serve [--listen ADDR] DIR...",
			Description: `Publishes each folder under its model id: GET /<id>/manifest.json lists its
files with their sizes and SHA-256, GET /<id>/files/<name> serves one with
range requests (docs/checkpoints.md). Every byte is read once at start to
compute the id and the digests; the folders must not change while served.
--delta-base PREV (repeatable) also offers each folder as a delta from the
checkpoint PREV: a fetcher whose cache holds PREV downloads only patches of
the files that changed (offered where they save at least half the bytes).`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "listen", Value: "127.0.0.1:8700", EnvVars: envs("checkpoint_listen"), Usage: "address to serve on"},
				&cli.StringSliceFlag{Name: "delta-base", Usage: "a previous checkpoint folder to offer deltas from"},
				&cli.StringFlag{Name: "delta-dir", Usage: "folder for the patches (default: a temporary folder, removed at exit)"},
			},
			Action: runCheckpointServe,
		},
		{
			Name:      "fetch",
			Usage:     "download a checkpoint into the cache, resuming and verifying it",
			UsageText: "assay checkpoint fetch --url URL --model-id ID [--cache DIR]",
			Description: `Downloads the model from URL (a server's http://host:port/<id>/) into
CACHE/<id>, resuming an interrupted download, checking every file's SHA-256
against the manifest and the folder's model id against --model-id before it
appears there (a mismatch deletes the download). Prints the folder.`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "url", Required: true, Usage: "the model's URL on a checkpoint server"},
				&cli.StringFlag{Name: "model-id", Required: true, Usage: "model id (64 hex) the folder must have"},
				modelCacheFlag,
			},
			Action: runCheckpointFetch,
		},
	},
}

// modelCacheFlag is where fetched checkpoints live (checkpoint fetch and
// the roles' --model-url).
var modelCacheFlag = &cli.StringFlag{Name: "model-cache", EnvVars: envs("model_cache"), Usage: "folder of fetched checkpoints, one per model id (default: the user cache folder's assay/models)"}

func modelCache(c *cli.Context) (string, error) {
	if d := c.String("model-cache"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no --model-cache and no user cache folder: %w", err)
	}
	return filepath.Join(d, "assay", "models"), nil
}

func runCheckpointServe(c *cli.Context) error {
	if c.NArg() == 0 {
		return errors.New("give at least one checkpoint folder")
	}
	log := logger(c)
	log.Info("reading checkpoints (model ids and digests)", "folders", c.NArg())
	s, err := checkpoint.NewServer(c.Args().Slice()...)
	if err != nil {
		return err
	}
	if bases := c.StringSlice("delta-base"); len(bases) > 0 {
		dir := c.String("delta-dir")
		if dir == "" {
			if dir, err = os.MkdirTemp("", "assay-patches-"); err != nil {
				return err
			}
			defer os.RemoveAll(dir)
		}
		offered, err := s.OfferDeltas(bases, dir)
		if err != nil {
			return err
		}
		for _, id := range s.Models() {
			for _, d := range s.Manifest(id).Deltas {
				var n int64
				for _, p := range d.Patches {
					n += p.Size
				}
				log.Info("delta offered", "model", id, "from", d.From, "patch_bytes", n, "unchanged_files", len(d.Same), "model_bytes", s.Manifest(id).Bytes())
			}
			if len(offered[id]) == 0 {
				log.Info("no delta offered (it would not save half the bytes, or no base has these files)", "model", id)
			}
		}
	}
	ln, err := net.Listen("tcp", c.String("listen"))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-c.Context.Done()
		srv.Close()
	}()
	for i, id := range s.Models() {
		fmt.Fprintf(c.App.Writer, "%s http://%s/%s/ (%d bytes)\n", c.Args().Get(i), ln.Addr(), id, s.Manifest(id).Bytes())
	}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func runCheckpointFetch(c *cli.Context) error {
	id, err := model.ParseID(c.String("model-id"))
	if err != nil {
		return fmt.Errorf("--model-id: %w", err)
	}
	start := time.Now()
	dir, err := fetchModel(c.Context, c, c.String("url"), id, nil)
	if err != nil {
		return err
	}
	logger(c).Info("checkpoint ready", "dir", dir, "seconds", time.Since(start).Seconds())
	fmt.Fprintln(c.App.Writer, dir)
	return nil
}

// fetchModel brings model id from url into --model-cache (checkpoint.Fetch:
// resumed, verified against id), with progress on the error stream.
// bases, where given, are local folders a delta may start from.
func fetchModel(ctx context.Context, c *cli.Context, url string, id model.ID, bases map[model.ID]string) (string, error) {
	cache, err := modelCache(c)
	if err != nil {
		return "", err
	}
	log := logger(c)
	return checkpoint.Fetch(ctx, url, id, checkpoint.FetchConfig{
		Cache: cache, Log: log, Progress: newByteProgress(c.App.ErrWriter, "fetching model "+id.String()[:12], log), Bases: bases,
	})
}
