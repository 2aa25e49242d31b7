package proofs

import (
	"testing"

	"github.com/assaynet/assay/sketch"
)

// TestTolerancesPinned pins the verifier's tolerances to the values chosen
// from data in docs/protocol.md §7.6. Changing one is a protocol change:
// re-run `assay calibrate` and `assay forgery`, update the section, then
// this test.
func TestTolerancesPinned(t *testing.T) {
	p := DefaultParams
	for _, c := range []struct {
		name      string
		got, want float64
		why       string
	}{
		{"sampling margin", p.SamplingMargin, 1e-5, "10x the largest honest excursion measured for an fp32 implementation (1.0e-6)"},
		{"logprob tolerance", p.LogProbTol, 1e-3, "63x the largest fp32 difference (1.6e-5), 5x split-2 tensor cores (1.9e-4)"},
		{"EOS floor", p.MinEOSLogProb, -20, "an EOS must be a plausible pick"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %g, want %g (%s)", c.name, c.got, c.want, c.why)
		}
	}
	for _, pos := range []int{0, 1, 31, 63, 4095} {
		if got := sketch.Tolerance(pos); got != 254 {
			t.Errorf("sketch tolerance at %d = %d, want 254 (two single-bucket flips; honest CPU/CUDA distance measured 0)", pos, got)
		}
	}
	if p.K != 32 {
		t.Errorf("K = %d, want 32 (the forgery bounds in §7.7 assume it)", p.K)
	}
}
