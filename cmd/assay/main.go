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

	gnarklog "github.com/consensys/gnark/logger"
)

func main() {
	// SIGINT/SIGTERM cancel the context; long-running commands stop cleanly.
	// gnark logs each circuit compilation at info level; the settle
	// commands say what they do themselves.
	gnarklog.Disable()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newApp().RunContext(ctx, os.Args)
	stop()
	if err != nil {
		// One line: scripts read the last line of stderr.
		fmt.Fprintln(os.Stderr, "assay: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		os.Exit(1)
	}
}
