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
// equal layer, and no role another role. -1: a top-level package nobody
// has placed yet, which fails the test until it is given a layer here.
func layer(pkg string) int {
	switch top(pkg) {
	case "cmd":
		return 5
	case "miner", "validator", "audit", "calibrate", "network", "trainer":
		return 4
	case "challenge", "proofs", "chain", "beacon", "env", "grpo", "score", "settle", "export", "dashboard", "checkpoint":
		return 3
	case "model", "cuda", "replicas":
		return 2
	case "sketch": // the protocol's sketch arithmetic, a leaf every backend computes
		return 1
	case "internal", "scripts":
		return 0
	default:
		return -1
	}
}

// roles import none of each other (what they share lives below them).
var roles = map[string]bool{"miner": true, "validator": true, "audit": true, "calibrate": true}

func top(pkg string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
	return strings.SplitN(rel, "/", 2)[0]
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
		if p.ImportPath != module && layer(p.ImportPath) < 0 {
			t.Errorf("%s: top-level package %q has no layer (add it to depcheck's layer)", p.ImportPath, top(p.ImportPath))
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			if strings.HasPrefix(imp, module+"/cmd") {
				t.Errorf("%s imports %s: nothing imports cmd", p.ImportPath, imp)
			}
			if a, b := top(p.ImportPath), top(imp); roles[a] && roles[b] && a != b {
				t.Errorf("%s imports %s: roles never import each other", p.ImportPath, imp)
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
