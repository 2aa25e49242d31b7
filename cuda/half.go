package cuda

import "math"

// Host side of the fp16 tensor-core mode (Config.TensorHalf): a bf16
// weight matrix becomes fp16 values scaled by a power of two chosen from
// the matrix's largest magnitude, so that the values use fp16's range
// from the top. Scaling by a power of two is exact; a bf16 value is exact
// in fp16 whenever its scaled magnitude is at least 2⁻¹⁷ (fp16's 11
// significant bits hold bf16's 8 down to the subnormal step 2⁻²⁴), that is
// down to about 2⁻³¹ of the matrix's largest entry. Smaller nonzero
// entries round to the nearest subnormal, an error below 2⁻²⁵ of the
// scale: far under the f32 accumulation of any product they enter.

// halfTop is the binary exponent the largest scaled magnitude gets
// (values in [2¹⁴, 2¹⁵): fp16's largest finite value is 65504); kernels.cu's
// HALF_TOP and half_exp are the same rule for activation rows.
const halfTop = 14

// halfExp is the power of two e such that max·2⁻ᵉ lies in [2¹⁴, 2¹⁵); 0
// for a max that is zero, NaN or infinite (nothing to scale).
func halfExp(max float32) int {
	if !(max > 0) || math.IsInf(float64(max), 0) {
		return 0
	}
	_, e := math.Frexp(float64(max)) // max = f·2ᵉ, f in [0.5, 1)
	return e - 1 - halfTop
}

// f16Bits is v rounded to the nearest fp16 (ties to even), as its bits:
// what PTX's cvt.rn.f16.f32 computes. Overflow gives ±Inf, NaN a quiet NaN.
func f16Bits(v float32) uint16 {
	b := math.Float32bits(v)
	sign := uint16(b>>16) & 0x8000
	exp := int(b>>23) & 0xff
	man := b & 0x7fffff
	switch {
	case exp == 0xff && man != 0:
		return sign | 0x7e00
	case exp == 0xff:
		return sign | 0x7c00
	}
	e := exp - 127 // unbiased; f32 subnormals (exp 0) are far below fp16's range
	if exp == 0 {
		return sign
	}
	m := man | 0x800000 // 24 significant bits
	var shift int       // bits of m dropped
	var he uint32       // biased fp16 exponent of the result before rounding carries
	if e >= -14 {
		shift, he = 13, uint32(e+15)
	} else {
		// Subnormal: the value is m·2^(e−23), the fp16 step 2⁻²⁴.
		shift, he = 13+(-14-e), 0
		if shift > 25 {
			return sign // below half the smallest subnormal
		}
	}
	q := m >> shift
	rem := m & (1<<shift - 1)
	half := uint32(1) << (shift - 1)
	if rem > half || (rem == half && q&1 == 1) {
		q++
	}
	// q holds the significand with its implicit bit (normal) or the
	// subnormal count; a carry past 11 bits moves into the exponent field,
	// which adding the fields handles (and ends at Inf past 65504).
	var out uint32
	if he == 0 {
		out = q // a carry to 0x400 is the smallest normal, as encoded
	} else {
		out = he<<10 + (q - 0x400)
	}
	if out >= 0x7c00 {
		return sign | 0x7c00
	}
	return sign | uint16(out)
}

// f16Value is the float32 value of fp16 bits h.
func f16Value(h uint16) float32 {
	sign := float32(1)
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1f
	man := float64(h & 0x3ff)
	switch exp {
	case 0:
		return sign * float32(math.Ldexp(man, -24))
	case 0x1f:
		if man != 0 {
			return float32(math.NaN())
		}
		return sign * float32(math.Inf(1))
	}
	return sign * float32(math.Ldexp(1024+man, exp-25))
}

// halfWeights converts bf16 weights (their bits, as stored) to fp16 bits
// scaled by 2⁻ᵉ, e = halfExp of their largest magnitude; inexact counts
// the entries that did not convert exactly.
func halfWeights(bf16 []uint16) (out []uint16, e int, inexact int) {
	var max float32
	for _, h := range bf16 {
		v := float32(math.Abs(float64(math.Float32frombits(uint32(h) << 16))))
		if v > max && !math.IsInf(float64(v), 0) {
			max = v
		}
	}
	e = halfExp(max)
	out = make([]uint16, len(bf16))
	for i, h := range bf16 {
		v := math.Float32frombits(uint32(h) << 16)
		s := float32(math.Ldexp(float64(v), -e)) // exact: f32 has the range
		out[i] = f16Bits(s)
		if f16Value(out[i]) != s && !(s != s) {
			inexact++
		}
	}
	return out, e, inexact
}
