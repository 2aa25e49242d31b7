// Command assay runs the roles of the Assay verifiable-inference network:
// miner, validator and auditor, plus tools for beacons, challenges, models
// and the chain. Run "assay --help" for the commands.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	if err := newApp().Run(os.Args); err != nil {
		// One line: scripts read the last line of stderr.
		fmt.Fprintln(os.Stderr, "assay: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		os.Exit(1)
	}
}
