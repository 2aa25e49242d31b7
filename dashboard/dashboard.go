// Package dashboard serves the weights page: per window, every miner's
// weight (a chart over time), outcome and failure reason, and the
// verification throughput, read from a folder of decisions — a running
// validator's, or an auditor's replayed ones (`assay audit replay --out`).
// The page is one static HTML file with its script inline; its data comes
// from GET api/windows.
package dashboard

import (
	_ "embed"
	"encoding/json"
	"html/template"
	"net/http"
	"strconv"

	"github.com/assaynet/assay/score"
)

//go:embed page.html
var pageHTML string

var page = template.Must(template.New("page").Parse(pageHTML))

// Decisions is where the page reads decided windows.
type Decisions interface {
	// Windows lists the decided windows, ascending.
	Windows() ([]uint64, error)
	// Load reads one window's decision.
	Load(w uint64) (*score.Decision, error)
}

// Dir is a folder of window-N.json decisions (a validator's
// DATADIR/decisions, or audit replay's --out).
type Dir string

// Windows lists the decided windows.
func (d Dir) Windows() ([]uint64, error) { return score.DecidedWindows(string(d)) }

// Load reads window w's decision.
func (d Dir) Load(w uint64) (*score.Decision, error) {
	return score.ReadDecision(score.DecisionFile(string(d), w))
}

// maxWindows bounds what one request reads, however long the history.
const maxWindows = 500

// Window is one window as the page shows it.
type Window struct {
	Window        uint64  `json:"window"`
	Posted        bool    `json:"posted"`
	VerifySeconds float64 `json:"verify_seconds"`
	Verified      int     `json:"verified"` // rollouts verified with the model
	Miners        []Miner `json:"miners"`
}

// Miner is one miner's outcome in a window.
type Miner struct {
	UID     uint32 `json:"uid"`
	Address string `json:"address"`
	Weight  uint16 `json:"weight"`
	Score   uint64 `json:"score"`
	Outcome string `json:"outcome"` // "ok", a failure reason, "copycat" or "gated"
	Detail  string `json:"detail,omitempty"`
}

func view(d *score.Decision) Window {
	w := Window{Window: d.Window, Posted: d.Posted, VerifySeconds: d.VerifySeconds}
	for _, m := range d.Miners {
		out := "ok"
		switch {
		case m.Failure != "":
			out = m.Failure
		case m.Copycat:
			out = "copycat"
		case m.Gated:
			out = "gated"
		}
		w.Verified += m.Verified
		w.Miners = append(w.Miners, Miner{UID: m.UID, Address: m.Address.Hex(), Weight: m.Weight, Score: m.Score, Outcome: out, Detail: m.Detail})
	}
	return w
}

// Handler serves the page at / and its data at /api/windows?last=N (the
// last N decided windows, 50 by default, at most 500). A decision that
// cannot be read is an error of the request, named; the page shows it.
func Handler(src Decisions, title string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/windows", func(w http.ResponseWriter, r *http.Request) {
		last := 50
		if s := r.URL.Query().Get("last"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				http.Error(w, "last: want a positive number of windows", http.StatusBadRequest)
				return
			}
			last = min(n, maxWindows)
		}
		ws, err := src.Windows()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ws = ws[max(0, len(ws)-last):]
		out := make([]Window, 0, len(ws))
		for _, win := range ws {
			d, err := src.Load(win)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			out = append(out, view(d))
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		json.NewEncoder(w).Encode(out)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
		page.Execute(w, struct{ Title string }{title})
	})
	return mux
}
