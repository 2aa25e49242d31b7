package settle

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
)

// BenchmarkSettle compiles the circuit for the shapes the settlement issue
// asks about (uids × posts a window, 2 windows an epoch) and reports its
// constraints; where ASSAY_SETTLE_PROVE_MAX (constraints, default 2^21)
// allows, it also sets up keys (gnark's random set-up: the keys' values do
// not change the proving work) and times one proof of a random full epoch
// per iteration.
//
//	go test -run '^$' -bench Settle -benchtime 1x ./settle/
func BenchmarkSettle(b *testing.B) {
	limit := 1 << 21
	if v := os.Getenv("ASSAY_SETTLE_PROVE_MAX"); v != "" {
		fmt.Sscan(v, &limit)
	}
	for _, s := range []Shape{{2, 4, 16}, {2, 16, 16}, {2, 4, 256}, {2, 16, 256}, {2, 4, 1024}, {2, 16, 1024}} {
		b.Run(fmt.Sprintf("uids=%d/validators=%d", s.Uids, s.Validators), func(b *testing.B) {
			cc, err := Compile(s)
			if err != nil {
				b.Fatal(err)
			}
			n := cc.Constraints()
			b.Logf("%v: %d constraints", s, n)
			if n > limit {
				b.Skipf("%d constraints: over ASSAY_SETTLE_PROVE_MAX=%d, compiled only", n, limit)
			}
			pk, _, err := groth16.Setup(cc.cs)
			if err != nil {
				b.Fatal(err)
			}
			r := rand.New(rand.NewPCG(1, 2))
			// Every slot used, random weights: the most work a proof does.
			ep := Epoch{Windows: make([][]Post, s.Windows), Emission: maxStake(), MinerBps: 5000}
			for k := range ep.Windows {
				for j := 0; j < s.Validators; j++ {
					p := Post{UID: uint32(j), Stake: randBig(r, maxStake()), Weights: make([]uint16, s.Uids)}
					p.Stake.Add(p.Stake, big.NewInt(1))
					for u := range p.Weights {
						p.Weights[u] = uint16(r.IntN(65536))
					}
					ep.Windows[k] = append(ep.Windows[k], p)
				}
			}
			c, _, err := Assign(s, ep)
			if err != nil {
				b.Fatal(err)
			}
			w, err := frontend.NewWitness(c, ecc.BN254.ScalarField())
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := groth16.Prove(cc.cs, pk, w, backend.WithSolverOptions(solver.WithHints(divHint))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "constraints") // after the loop: ResetTimer drops reported metrics
		})
	}
}
