// Command assay runs the roles of the Assay verifiable-inference network:
// miner, validator and auditor, plus tools for beacons, challenges, models
// and the chain. Run "assay --help" for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	// SIGINT/SIGTERM cancel the context; long-running commands stop cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newApp().RunContext(ctx, os.Args)
	stop()
	if err != nil {
		// One line: scripts read the last line of stderr.
		fmt.Fprintln(os.Stderr, "assay: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		os.Exit(1)
	}
}
