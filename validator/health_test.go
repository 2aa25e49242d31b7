package validator

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/assaynet/assay/challenge"
)

func TestHealthz(t *testing.T) {
	seeds := challenge.Params{WindowLength: 10, SubmitGrace: 2}
	var headBlock uint64
	var headErr error
	head := func(context.Context) (uint64, error) { return headBlock, headErr }
	var h health
	srv := httptest.NewServer(healthHandler(&h, head, seeds))
	defer srv.Close()
	get := func() (int, healthReport) {
		t.Helper()
		resp, err := http.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var rep healthReport
		if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, rep
	}
	decidedAt := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		setup  func()
		code   int
		status string
	}{
		{"before the loop starts", func() { headBlock = 35 }, 200, "starting"},
		{"waiting for the current window", func() { h.at(3) }, 200, "ok"},
		{"deciding just after the deadline", func() { headBlock = 41 }, 200, "ok"},
		{"a whole window past the deadline", func() { headBlock = 50 }, 503, "behind"},
		{"caught up", func() { h.done(3, decidedAt); h.at(4) }, 200, "ok"},
		{"chain unreachable", func() { headErr = errors.New("dial tcp: connection refused") }, 503, "no chain"},
	} {
		tc.setup()
		code, rep := get()
		if code != tc.code || rep.Status != tc.status {
			t.Errorf("%s: %d %+v, want %d %q", tc.name, code, rep, tc.code, tc.status)
		}
	}
	headErr = nil
	if _, rep := get(); rep.LastDecided == nil || *rep.LastDecided != 3 || !rep.LastDecidedAt.Equal(decidedAt) || rep.Window != 4 || rep.ChainWindow != 5 {
		t.Errorf("report %+v", rep)
	}
}
