package dashboard

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/score"
)

// writeDecisions stores windows 4..6: two paid miners, and a cheater
// failing "sketch" (its detail carries markup, which must stay text).
func writeDecisions(t *testing.T) string {
	dir := t.TempDir()
	for w := uint64(4); w <= 6; w++ {
		d := score.Decision{Window: w, Posted: true, VerifySeconds: 2, Miners: []score.MinerResult{
			{UID: 0, Address: common.HexToAddress("0x1111111111111111111111111111111111111111"), Verified: 8, Score: 40, Weight: 40000},
			{UID: 1, Address: common.HexToAddress("0x2222222222222222222222222222222222222222"), Verified: 8, Score: 30, Weight: 25535},
			{UID: 2, Address: common.HexToAddress("0x3333333333333333333333333333333333333333"), Verified: 0, Failure: "sketch", Detail: "<img src=x onerror=alert(1)>"},
		}}
		js, _ := json.Marshal(d)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("window-%d.json", w)), js, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a decision"), 0o644)
	return dir
}

func TestAPI(t *testing.T) {
	srv := httptest.NewServer(Handler(Dir(writeDecisions(t)), "test"))
	defer srv.Close()
	get := func(q string) (int, []Window) {
		resp, err := http.Get(srv.URL + "/api/windows" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var ws []Window
		json.NewDecoder(resp.Body).Decode(&ws)
		return resp.StatusCode, ws
	}
	code, ws := get("")
	if code != 200 || len(ws) != 3 || ws[0].Window != 4 || ws[2].Miners[2].Outcome != "sketch" || ws[2].Verified != 16 {
		t.Fatalf("%d %+v", code, ws)
	}
	if code, ws := get("?last=2"); code != 200 || len(ws) != 2 || ws[0].Window != 5 {
		t.Fatalf("last=2: %d %+v", code, ws)
	}
	if code, _ := get("?last=x"); code != http.StatusBadRequest {
		t.Fatalf("last=x: %d", code)
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "window-1.json"), []byte("{"), 0o644)
	srv2 := httptest.NewServer(Handler(Dir(bad), "test"))
	defer srv2.Close()
	if resp, err := http.Get(srv2.URL + "/api/windows"); err != nil || resp.StatusCode != 500 {
		t.Fatalf("a corrupt decision: %v %v, want 500", resp.StatusCode, err)
	}
	if ws, err := Dir(filepath.Join(bad, "absent")).Windows(); err != nil || ws != nil {
		t.Fatalf("absent folder: %v %v", ws, err)
	}
}

// TestPageInChromium loads the page in headless Chromium and checks what
// it rendered: a line per miner in the chart, the shares and the failure
// reason in the outcomes table, the throughput, and the miner-supplied
// detail kept as text.
func TestPageInChromium(t *testing.T) {
	bin := chromium(t)
	srv := httptest.NewServer(Handler(Dir(writeDecisions(t)), "validator 0xabc"))
	defer srv.Close()
	dom := dumpDOM(t, bin, srv.URL+"/")
	for _, want := range []string{
		`data-miner="0x1111111111111111111111111111111111111111"`,
		`data-miner="0x2222222222222222222222222222222222222222"`,
		`data-miner="0x3333333333333333333333333333333333333333"`,
		"3 decided windows (4–6); window 6: 2 of 3 miners paid",
		"61.0%", "39.0%", // 40000 and 25535 of 65535
		`<td class="fail" title="&lt;img src=x onerror=alert(1)&gt;">sketch</td>`,
		"<td>16</td><td>2.00</td><td>8.0</td><td>yes</td>", // rollouts, seconds, rollouts/s, posted
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	if strings.Contains(dom, "<img") {
		t.Error("a miner's failure detail was rendered as markup")
	}
	if strings.Count(dom, "<polyline") != 3 {
		t.Errorf("%d chart lines, want 3", strings.Count(dom, "<polyline"))
	}
	if t.Failed() {
		t.Logf("DOM:\n%s", dom)
	}
	// A folder the page cannot read says so on the page.
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "window-1.json"), []byte("{"), 0o644)
	srv2 := httptest.NewServer(Handler(Dir(bad), "broken"))
	defer srv2.Close()
	if dom := dumpDOM(t, bin, srv2.URL+"/"); !strings.Contains(dom, "cannot load the decisions: 500") {
		t.Errorf("the page does not report an unreadable decision:\n%s", dom)
	}
}

// chromium finds Debian's chromium (.ci/run installs it).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium is not installed (apt-get install chromium; .ci/run installs it): the page's browser test is skipped")
	return ""
}

// dumpDOM renders url in headless Chromium, letting its script run, and
// returns the resulting DOM.
func dumpDOM(t *testing.T, bin, url string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", url)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return string(out)
}
