package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestBeaconDelay checks where a role's beacon delay comes from: the flag
// when set, else the network file's beacon_delay, else the flag's default.
func TestBeaconDelay(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const base = `"rpc": "http://127.0.0.1:1", "chain_id": 1, "contract": "0x0000000000000000000000000000000000000001"`
	zero := write("zero.json", `{`+base+`, "beacon_delay": 0}`)
	none := write("none.json", `{`+base+`}`)
	tests := []struct {
		name string
		args []string
		want uint64
	}{
		{"default", nil, 12},
		{"network file", []string{"--network", zero}, 0},
		{"network file without one", []string{"--network", none}, 12},
		{"flag over the file", []string{"--network", zero, "--beacon-delay", "30"}, 30},
		{"flag", []string{"--beacon-delay", "5"}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got uint64
			app := &cli.App{
				Flags: []cli.Flag{&cli.StringFlag{Name: "network"}, beaconDelayFlag},
				Action: func(c *cli.Context) (err error) {
					got, err = beaconDelay(c)
					return err
				},
			}
			if err := app.Run(append([]string{"assay"}, tt.args...)); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("delay %d, want %d", got, tt.want)
			}
		})
	}
}
