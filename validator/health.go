package validator

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/assaynet/assay/challenge"
)

// health is what the decision loop tells /healthz: the window it waits
// for or decides, and the last one it decided.
type health struct {
	mu        sync.Mutex
	window    uint64
	decided   uint64
	decidedAt time.Time
	started   bool
	store     error // the data dir failing to be written (ErrStore), nil once it works
}

func (h *health) storeFailing(err error) {
	h.mu.Lock()
	h.store = err
	h.mu.Unlock()
}

func (h *health) at(w uint64) {
	h.mu.Lock()
	h.window, h.started = w, true
	h.mu.Unlock()
}

func (h *health) done(w uint64, t time.Time) {
	h.mu.Lock()
	h.decided, h.decidedAt = w, t
	h.mu.Unlock()
}

// healthReport is /healthz's body.
type healthReport struct {
	Status        string     `json:"status"` // "ok", "starting", "behind", "no chain" or "store failing"
	Window        uint64     `json:"window"` // the window being waited for or decided
	ChainWindow   uint64     `json:"chain_window"`
	LastDecided   *uint64    `json:"last_decided,omitempty"`
	LastDecidedAt *time.Time `json:"last_decided_at,omitempty"`
	Error         string     `json:"error,omitempty"`
}

// healthHandler answers 200 while the loop keeps up with the chain and 503
// when it does not: when the chain is more than one window past the window
// being worked on (that window's deadline passed a whole window ago, so the
// validator is stalled or cannot verify as fast as windows come), when the
// chain's head cannot be read, or while the data dir cannot be written.
func healthHandler(h *health, head func(context.Context) (uint64, error), seeds challenge.Params) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		h.mu.Lock()
		rep := healthReport{Status: "ok", Window: h.window}
		if !h.decidedAt.IsZero() {
			d, at := h.decided, h.decidedAt
			rep.LastDecided, rep.LastDecidedAt = &d, &at
		}
		started, store := h.started, h.store
		h.mu.Unlock()
		code := http.StatusOK
		switch b, err := head(ctx); {
		case err != nil:
			rep.Status, rep.Error, code = "no chain", err.Error(), http.StatusServiceUnavailable
		case store != nil:
			rep.ChainWindow, rep.Status, rep.Error, code = seeds.WindowOf(b), "store failing", store.Error(), http.StatusServiceUnavailable
		case !started:
			rep.ChainWindow, rep.Status = seeds.WindowOf(b), "starting"
		default:
			rep.ChainWindow = seeds.WindowOf(b)
			if rep.ChainWindow > rep.Window+1 {
				rep.Status, code = "behind", http.StatusServiceUnavailable
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(rep)
	})
}
