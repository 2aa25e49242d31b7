package chain

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
)

// TestPermanentErrors: the node's refusals that a resend cannot change are
// not retried (a setWeights over the 128 KiB limit was retried nine
// times); transport trouble is.
func TestPermanentErrors(t *testing.T) {
	for _, tt := range []struct {
		err       error
		permanent bool
	}{
		{txpool.ErrOversizedData, true},
		{core.ErrIntrinsicGas, true},
		{core.ErrInsufficientFunds, true},
		{core.ErrGasLimitReached, true},
		{types.ErrTxTypeNotSupported, true},
		{txpool.ErrNegativeValue, false}, // not ours to send; not in the list either
		{fmt.Errorf("send: %w", txpool.ErrOversizedData), true},
		{errors.New("dial tcp 127.0.0.1:8545: connect: connection refused"), false},
		{errors.New("context deadline exceeded"), false},
		{errors.New("502 Bad Gateway"), false},
	} {
		if got := isPermanent(tt.err); got != tt.permanent {
			t.Errorf("isPermanent(%q) = %v, want %v", tt.err, got, tt.permanent)
		}
	}
}
