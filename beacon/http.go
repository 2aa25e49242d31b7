package beacon

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// maxBeaconBytes caps a relay's answer; a real beacon is under 1 KiB.
const maxBeaconBytes = 64 << 10

// HTTPConfig configures an HTTP client for a drand chain.
type HTTPConfig struct {
	// Chain is the chain whose beacons are fetched and verified. Required:
	// the root of trust is the chain info, never what a relay says.
	Chain *Chain
	// Relays are base URLs tried in order (DefaultRelays when empty).
	Relays []string
	// Client is the HTTP client (a client with a 10 s timeout when nil).
	Client *http.Client
	// Now is the clock used to refuse future rounds (time.Now when nil).
	Now func() time.Time
}

// HTTP fetches beacons from drand HTTP relays and verifies each one.
// It is safe for concurrent use.
type HTTP struct {
	chain  *Chain
	relays []string
	client *http.Client
	now    func() time.Time
}

// NewHTTP returns a relay client for cfg.Chain.
func NewHTTP(cfg HTTPConfig) (*HTTP, error) {
	if cfg.Chain == nil {
		return nil, errors.New("beacon: http client needs chain info to verify against")
	}
	h := &HTTP{chain: cfg.Chain, relays: cfg.Relays, client: cfg.Client, now: cfg.Now}
	if len(h.relays) == 0 {
		h.relays = DefaultRelays
	}
	if h.client == nil {
		h.client = &http.Client{Timeout: 10 * time.Second}
	}
	if h.now == nil {
		h.now = time.Now
	}
	return h, nil
}

// Chain is the chain this client verifies against.
func (h *HTTP) Chain() *Chain { return h.chain }

// Round fetches round r from the first relay that answers with a beacon that
// verifies. A relay that answers with an unverifiable beacon is skipped and
// reported; if none verifies the error wraps ErrUnverified.
func (h *HTTP) Round(ctx context.Context, r uint64) (Verified, error) {
	if r == 0 {
		return Verified{}, fmt.Errorf("%w: round 0 is not a beacon", ErrMalformed)
	}
	if cur := h.chain.RoundAt(h.now().Unix()); r > cur {
		return Verified{}, fmt.Errorf("%w: round %d, chain is at %d", ErrFutureRound, r, cur)
	}
	var errs []error
	for _, relay := range h.relays {
		v, err := h.fetch(ctx, relay, r)
		if err == nil {
			return v, nil
		}
		if ctx.Err() != nil {
			return Verified{}, ctx.Err()
		}
		errs = append(errs, fmt.Errorf("%s: %w", relay, err))
	}
	return Verified{}, fmt.Errorf("beacon: round %d from %d relays: %w", r, len(h.relays), errors.Join(errs...))
}

func (h *HTTP) fetch(ctx context.Context, relay string, r uint64) (Verified, error) {
	url := fmt.Sprintf("%s/%s/public/%d", strings.TrimRight(relay, "/"), h.chain.HashHex(), r)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Verified{}, err
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return Verified{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Verified{}, fmt.Errorf("http status %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBeaconBytes+1))
	if err != nil {
		return Verified{}, err
	}
	if len(body) > maxBeaconBytes {
		return Verified{}, fmt.Errorf("%w: answer larger than %d bytes", ErrMalformed, maxBeaconBytes)
	}
	v, err := h.chain.VerifyJSON(body)
	if err != nil {
		return Verified{}, err
	}
	if v.Round != r {
		return Verified{}, fmt.Errorf("%w: asked %d, got %d", ErrWrongRound, r, v.Round)
	}
	return v, nil
}
