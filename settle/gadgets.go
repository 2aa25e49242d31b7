package settle

import (
	"errors"
	"math/big"

	"github.com/consensys/gnark/frontend"
)

// gadgets are the bounded integer operations the circuit is built from.
// Every width is stated, so each value is an exact integer far below the
// BN254 scalar field (no operation can wrap).
type gadgets struct{ api frontend.API }

// bits constrains v to [0, 2^n) and returns its bits, least significant
// first.
func (g gadgets) bits(v frontend.Variable, n int) []frontend.Variable {
	return g.api.ToBinary(v, n)
}

// top is bit n−1 of v, v constrained to [0, 2^n).
func (g gadgets) top(v frontend.Variable, n int) frontend.Variable {
	return g.bits(v, n)[n-1]
}

// ge16 is [a ≥ b] for a, b in [0, 2^16).
func (g gadgets) ge16(a, b frontend.Variable) frontend.Variable {
	return g.top(g.api.Add(g.api.Sub(a, b), 1<<WeightBits), WeightBits+1)
}

// pack is the weights packed 15 to a field element, as packWeights.
func (g gadgets) pack(w []frontend.Variable) []frontend.Variable {
	var out []frontend.Variable
	for j := 0; j*weightsPerElement < len(w); j++ {
		e := frontend.Variable(0)
		for i := 0; i < weightsPerElement && j*weightsPerElement+i < len(w); i++ {
			e = g.api.Add(e, g.api.Mul(w[j*weightsPerElement+i], new(big.Int).Lsh(big.NewInt(1), uint(WeightBits*i))))
		}
		out = append(out, e)
	}
	return out
}

// div is ⌊num/d⌋ for a constant d > 0, the quotient constrained to
// [0, 2^qbits).
func (g gadgets) div(num frontend.Variable, d int, qbits int) frontend.Variable {
	out, err := g.api.Compiler().NewHint(divHint, 2, num, d)
	if err != nil {
		panic(err)
	}
	q, r := out[0], out[1]
	g.bits(q, qbits)
	g.bits(r, 32)
	g.bits(g.api.Sub(d-1, r), 32) // r < d
	g.api.AssertIsEqual(num, g.api.Add(g.api.Mul(q, d), r))
	return q
}

// share is ⌊pot·part/sum⌋, 0 when sum is 0, for pot < 2^96 and
// part ≤ sum < 2^sumBits (sumBits ≤ 131 for every valid shape): the
// quotient is at most pot, so q·sum + r < 2^228 and the equation holds
// over the integers.
func (g gadgets) share(pot, part, sum frontend.Variable, sumBits int) frontend.Variable {
	api := g.api
	num := api.Mul(pot, part)
	out, err := api.Compiler().NewHint(divHint, 2, num, sum)
	if err != nil {
		panic(err)
	}
	q, r := out[0], out[1]
	nz := api.Sub(1, api.IsZero(sum))
	g.bits(q, StakeBits)
	g.bits(r, sumBits)
	g.bits(api.Mul(nz, api.Sub(sum, r, 1)), sumBits) // r < sum where sum > 0
	api.AssertIsEqual(api.Mul(api.Sub(1, nz), q), 0)
	api.AssertIsEqual(api.Mul(api.Sub(1, nz), r), 0)
	api.AssertIsEqual(num, api.Add(api.Mul(q, sum), r))
	return q
}

// divHint returns ⌊a/b⌋ and a mod b, both 0 when b is 0.
func divHint(_ *big.Int, in, out []*big.Int) error {
	if len(in) != 2 || len(out) != 2 {
		return errors.New("settle: divHint takes 2 inputs and 2 outputs")
	}
	if in[1].Sign() == 0 {
		out[0].SetUint64(0)
		out[1].SetUint64(0)
		return nil
	}
	out[0].QuoRem(in[0], in[1], out[1])
	return nil
}
