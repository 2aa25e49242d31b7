package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// specDot is docs/protocol.md §6.2's matrix-product order written from the
// text, as plainly as possible: element k into sum k mod 256, ascending k;
// runs of 8 by halving; the 32 results by halving.
func specDot(w, x []float32) float32 {
	var a [256]float32
	for k := range w {
		a[k%256] += float32(w[k] * x[k]) // rounded: never fused, on any machine
	}
	for l := 0; l < 32; l++ {
		for s := 4; s > 0; s /= 2 {
			for j := 0; j < s; j++ {
				a[8*l+j] += a[8*l+j+s]
			}
		}
	}
	b := make([]float32, 32)
	for l := range b {
		b[l] = a[8*l]
	}
	for s := 16; s > 0; s /= 2 {
		for l := 0; l < s; l++ {
			b[l] += b[l+s]
		}
	}
	return b[0]
}

// nastyVector mixes magnitudes over 60 binades, signs, zeros and subnormals,
// so that any change of summation order shows in the result.
func nastyVector(rng *rand.Rand, n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		switch rng.IntN(16) {
		case 0:
			v[i] = 0
		case 1:
			v[i] = float32(math.Copysign(0, -1))
		case 2:
			v[i] = math.Float32frombits(rng.Uint32() & 0x807fffff) // subnormal
		default:
			e := rng.IntN(60) - 30
			v[i] = float32(rng.NormFloat64() * math.Ldexp(1, e))
		}
	}
	return v
}

func TestMatDotOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	lengths := []int{0, 1, 7, 8, 9, 15, 16, 17, 33, 64, 100, 128, 255, 256, 257, 384, 511, 512, 896, 1536 + 3, 4864, 8960}
	orderMatters := 0
	for _, n := range lengths {
		for trial := 0; trial < 20; trial++ {
			w, x := nastyVector(rng, n), nastyVector(rng, n)
			want := specDot(w, x)
			if got := matDot(w, x); math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("n=%d trial %d: matDot %g (%08x), spec %g (%08x)", n, trial, got, math.Float32bits(got), want, math.Float32bits(want))
			}
			for _, k := range matDotKernels() {
				if n == 0 {
					break
				}
				if got := k.fn(&w[0], &x[0], n); math.Float32bits(got) != math.Float32bits(want) {
					t.Fatalf("n=%d trial %d: %s kernel %g (%08x), spec %g (%08x)", n, trial, k.name, got, math.Float32bits(got), want, math.Float32bits(want))
				}
			}
			if got := matDotGo(w, x); math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("n=%d trial %d: portable path %g, spec %g", n, trial, got, want)
			}
			if math.Float32bits(dot(w, x)) != math.Float32bits(want) {
				orderMatters++
			}
		}
	}
	// The check above can only fail if order is visible in these inputs.
	if orderMatters == 0 {
		t.Fatal("the 8-sum attention order agreed with the matrix order on every input: the vectors do not exercise summation order")
	}
	var names []string
	for _, k := range matDotKernels() {
		names = append(names, k.name)
	}
	t.Logf("kernels checked: %v (matDot uses %s); the 8-sum order differed on %d inputs", names, MatDotKernel(), orderMatters)
}

func FuzzMatDot(f *testing.F) {
	f.Add(uint64(1), 300)
	f.Fuzz(func(t *testing.T, seed uint64, n int) {
		if n < 0 || n > 20000 {
			return
		}
		rng := rand.New(rand.NewPCG(seed, 7))
		w, x := nastyVector(rng, n), nastyVector(rng, n)
		want := specDot(w, x)
		if got := matDot(w, x); math.Float32bits(got) != math.Float32bits(want) {
			t.Fatalf("matDot %g, spec %g", got, want)
		}
		for _, k := range matDotKernels() {
			if n == 0 {
				break
			}
			if got := k.fn(&w[0], &x[0], n); math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("%s kernel %g, spec %g", k.name, got, want)
			}
		}
	})
}

// TestAxpy checks attention's value sum against the scalar loop, bit for
// bit, at lengths around the vector width.
func TestAxpy(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 1))
	for n := 0; n <= 40; n++ {
		o, v := nastyVector(rng, n), nastyVector(rng, n)
		want := append([]float32(nil), o...)
		p := float32(rng.NormFloat64())
		for i := range want {
			want[i] += float32(p * v[i])
		}
		axpy(o, v, p)
		for i := range o {
			if math.Float32bits(o[i]) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d i=%d: %g, want %g", n, i, o[i], want[i])
			}
		}
	}
}
