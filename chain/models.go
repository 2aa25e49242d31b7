package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/assaynet/assay/chain/bindings"
)

// ScheduledModel is one entry of the contract's model schedule: the model
// that governs windows from FromWindow on (until the next entry), and where
// the owner said it can be fetched.
type ScheduledModel struct {
	FromWindow uint64
	ID         [32]byte
	URL        string // a checkpoint server's URL for the model; "" where none was announced
}

// Models is the model schedule in window order: one entry per parameter
// change (the ParamsSet events, a complete history: the contract schedules
// one change at a time, PARAMS_DELAY windows ahead), each with the URL its
// ModelAnnounced event gave.
func (c *Client) Models(ctx context.Context) ([]ScheduledModel, error) {
	return readLogs(ctx, func() ([]ScheduledModel, error) { return c.models(ctx) })
}

func (c *Client) models(ctx context.Context) ([]ScheduledModel, error) {
	var out []ScheduledModel
	err := eachEvent(c, &bind.FilterOpts{Context: ctx}, c.abi.UnpackParamsSetEvent, func(e *bindings.SubnetParamsSet) error {
		out = append(out, ScheduledModel{FromWindow: e.FromWindow, ID: e.ModelId})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("chain: model schedule: %w", err)
	}
	urls := map[uint64]string{}
	err = eachEvent(c, &bind.FilterOpts{Context: ctx}, c.abi.UnpackModelAnnouncedEvent, func(e *bindings.SubnetModelAnnounced) error {
		urls[e.FromWindow] = e.Url
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("chain: model schedule: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("chain: no ParamsSet event (the log index may trail the head)")
	}
	for i := range out {
		out[i].URL = urls[out[i].FromWindow]
	}
	return out, nil
}

// ModelAt is the schedule's entry governing window w.
func (c *Client) ModelAt(ctx context.Context, w uint64) (ScheduledModel, error) {
	ms, err := c.Models(ctx)
	if err != nil {
		return ScheduledModel{}, err
	}
	var m ScheduledModel
	found := false
	for _, e := range ms {
		if e.FromWindow <= w {
			m, found = e, true
		}
	}
	if !found {
		return ScheduledModel{}, fmt.Errorf("chain: no model governs window %d", w)
	}
	return m, nil
}

// ModelURL is the URL the schedule gives for model id (its latest
// announcement with one).
func (c *Client) ModelURL(ctx context.Context, id [32]byte) (string, error) {
	ms, err := c.Models(ctx)
	if err != nil {
		return "", err
	}
	url := ""
	for _, m := range ms {
		if m.ID == id && m.URL != "" {
			url = m.URL
		}
	}
	if url == "" {
		return "", fmt.Errorf("chain: the contract announces no URL for model %x (assay chain models)", id)
	}
	return url, nil
}

// SetModel schedules a new model and its URL (owner only) for the current
// window + PARAMS_DELAY, the other parameters unchanged; it returns that
// first window.
func (c *Client) SetModel(ctx context.Context, key *ecdsa.PrivateKey, id [32]byte, url string) (uint64, error) {
	r, err := c.transact(ctx, key, c.abi.PackSetModel(id, url), "set model")
	if err != nil {
		return 0, err
	}
	for _, l := range r.Logs {
		if e, err := c.abi.UnpackModelAnnouncedEvent(l); err == nil {
			return e.FromWindow, nil
		}
	}
	return 0, fmt.Errorf("chain: set model: no ModelAnnounced event in tx %s", r.TxHash)
}
