package audit

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/score"
)

func TestCompare(t *testing.T) {
	d := &score.Decision{Window: 4, Miners: []score.MinerResult{
		{UID: 0, Address: common.Address{1}, Weight: 40000},
		{UID: 1, Address: common.Address{2}, Weight: 25535},
		{UID: 2, Address: common.Address{3}, Weight: 0, Failure: "sketch", Detail: "position 3: distance 900"},
	}}
	v := common.Address{9}
	agree := chain.Post{Validator: v, UIDs: []uint32{0, 1, 2}, Weights: []uint16{40000, 25535, 0}}
	if m := Compare(d, []chain.Post{agree}); len(m) != 0 {
		t.Fatalf("agreeing post reported: %+v", m)
	}
	// The validator paid the cheater (uid 2) and a validator uid (5).
	bad := chain.Post{Validator: v, UIDs: []uint32{0, 1, 2, 5}, Weights: []uint16{30000, 25535, 9000, 1000}}
	m := Compare(d, []chain.Post{bad})
	if len(m) != 3 {
		t.Fatalf("mismatches %+v", m)
	}
	if m[1].UID != 2 || m[1].Posted != 9000 || !strings.Contains(m[1].Reason, "sketch") {
		t.Fatalf("cheater mismatch %+v", m[1])
	}
	if m[2].UID != 5 || !strings.Contains(m[2].Reason, "not a miner") {
		t.Fatalf("non-miner mismatch %+v", m[2])
	}
	// A miner missing from the post counts as posted 0.
	short := chain.Post{Validator: v, UIDs: []uint32{0}, Weights: []uint16{40000}}
	if m := Compare(d, []chain.Post{short}); len(m) != 1 || m[0].UID != 1 {
		t.Fatalf("omitted miner: %+v", m)
	}
}
