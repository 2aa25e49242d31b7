package cuda

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// f16Reference rounds v to fp16 with big.Float (24 → 11 significant
// bits, ties to even, subnormals by their fixed step), the definition
// f16Bits must meet.
func f16Reference(v float32) float32 {
	if v != v || math.IsInf(float64(v), 0) {
		return v
	}
	a := math.Abs(float64(v))
	if a == 0 {
		return v
	}
	var r float64
	if a < math.Ldexp(1, -14) {
		// Subnormal range: round a·2²⁴ to an integer, ties to even.
		r = math.RoundToEven(a*math.Ldexp(1, 24)) * math.Ldexp(1, -24)
	} else {
		f := new(big.Float).SetPrec(11).SetMode(big.ToNearestEven)
		f.SetFloat64(a)
		r, _ = f.Float64()
	}
	if r > 65504 {
		r = math.Inf(1)
	}
	return float32(math.Copysign(r, float64(v)))
}

func TestF16Bits(t *testing.T) {
	// Every fp16 value converts back to itself.
	for h := 0; h < 1<<16; h++ {
		v := f16Value(uint16(h))
		if v != v {
			continue
		}
		if got := f16Bits(v); got != uint16(h) && !(v == 0 && got&0x7fff == 0) {
			t.Fatalf("f16Bits(f16Value(%#04x) = %g) = %#04x", h, v, got)
		}
	}
	// Random f32 values across fp16's range and beyond, ties and
	// boundaries included.
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []float32{65504, 65519.99, 65520, 1e6, math.Float32frombits(0x33000000), math.Float32frombits(0x33000001),
		math.Float32frombits(0x387fc000), 6.1035156e-05, 5.9604645e-08, 2.9802322e-08, 2.9802326e-08, 1e-10}
	for range 200000 {
		e := rng.IntN(50) - 30
		cases = append(cases, float32(math.Ldexp(rng.Float64()*2-1, e)))
	}
	for range 20000 { // exact ties: 12 significant bits, the last set
		m := float64(rng.IntN(1<<11) | 1<<11 | 1)
		cases = append(cases, float32(math.Ldexp(m, rng.IntN(30)-38)))
	}
	for _, v := range append(cases, -1.5, -65520) {
		want := f16Reference(v)
		if got := f16Value(f16Bits(v)); got != want && !(got == 0 && want == 0) {
			t.Fatalf("f16(%g = %#08x) = %g, want %g", v, math.Float32bits(v), got, want)
		}
	}
}

func TestHalfWeights(t *testing.T) {
	bf := func(v float32) uint16 { return uint16(math.Float32bits(v) >> 16) }
	in := []uint16{bf(0.5), bf(-0.0234375), bf(0), bf(1.5e-10), bf(-3.0517578e-05), bf(7)}
	out, e, inexact := halfWeights(in)
	if e != 3-1-halfTop { // max 7 = 0.875·2³
		t.Errorf("exponent %d, want %d", e, 3-1-halfTop)
	}
	if inexact != 1 { // 1.5e-10 scaled is 6.1e-7, finer than the subnormal step 2^-24
		t.Errorf("inexact %d, want 1", inexact)
	}
	for i, h := range in {
		v := math.Float32frombits(uint32(h) << 16)
		got := float32(math.Ldexp(float64(f16Value(out[i])), e))
		if i != 3 && got != v {
			t.Errorf("entry %d: %g back as %g", i, v, got)
		}
		if d := math.Abs(float64(got - v)); d > math.Ldexp(1, e-25) {
			t.Errorf("entry %d: error %g above 2^(e-25)", i, d)
		}
	}
	if _, e, _ := halfWeights([]uint16{0, 0}); e != 0 {
		t.Errorf("all-zero exponent %d", e)
	}
}
