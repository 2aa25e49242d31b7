// Package depcheck enforces the import graph: cmd → roles → protocol →
// compute. Protocol packages never import roles or cmd; nothing imports cmd.
package depcheck

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/assaynet/assay"

// layer ranks packages; a package may import only packages of a lower or
// equal layer.
func layer(pkg string) int {
	rel := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
	top := strings.SplitN(rel, "/", 2)[0]
	switch top {
	case "cmd":
		return 4
	case "miner", "validator", "audit", "network", "calibrate":
		return 3
	case "challenge", "sketch", "proofs", "chain", "beacon", "env", "grpo":
		return 2
	case "model", "cuda":
		return 1
	default:
		return 0 // internal helpers and anything new: checked by name below
	}
}

func TestImportGraph(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	checked := 0
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			if strings.HasPrefix(imp, module+"/cmd") {
				t.Errorf("%s imports %s: nothing imports cmd", p.ImportPath, imp)
			}
			if layer(imp) > layer(p.ImportPath) {
				t.Errorf("%s (layer %d) imports %s (layer %d): imports flow cmd → roles → protocol → compute",
					p.ImportPath, layer(p.ImportPath), imp, layer(imp))
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d packages listed", checked)
	}
}
