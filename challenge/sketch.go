package challenge

import "github.com/assaynet/assay/sketch"

// SketchCoefficients derives a window's sketch coefficients from its seed
// (docs/protocol.md §7.2): r_i = Below(255) − 127 for i = 0..15 from
// Stream(PRF32("sketch", S_w)).
func SketchCoefficients(windowSeed [32]byte) sketch.Coefficients {
	s := NewStream(PRF32("sketch", windowSeed[:]))
	var r sketch.Coefficients
	for i := range r {
		r[i] = int8(int64(s.Below(255)) - 127)
	}
	return r
}
