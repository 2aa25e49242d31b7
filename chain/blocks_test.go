package chain

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/assaynet/assay/challenge"
)

// TestBlocksOnSimulatedChain reads real blocks from go-ethereum's in-process
// EVM and checks hash and time against the node's own headers.
func TestBlocksOnSimulatedChain(t *testing.T) {
	sim := simulated.NewBackend(types.GenesisAlloc{})
	defer sim.Close()
	var hashes []([32]byte)
	for i := 0; i < 3; i++ {
		hashes = append(hashes, sim.Commit())
	}
	src := NewBlocks(sim.Client())
	ctx := context.Background()
	for i, want := range hashes {
		b, err := src.BlockByNumber(ctx, uint64(i+1))
		if err != nil {
			t.Fatal(err)
		}
		if b.Hash != want || b.Number != uint64(i+1) || b.Time == 0 {
			t.Fatalf("block %d: %+v, want hash %x", i+1, b, want)
		}
	}
	if _, err := src.BlockByNumber(ctx, 99); !errors.Is(err, challenge.ErrNoBlock) {
		t.Fatalf("future block: %v", err)
	}
}
