//go:build amd64 && !purego

package model

// axpyAVX2 is axpy's vector part (axpy_amd64.s).
//
//go:noescape
func axpyAVX2(o, v *float32, p float32, n int)

// axpy adds p·v into o elementwise (each product rounded, then added):
// attention's weighted sum of values, one position at a time.
func axpy(o, v []float32, p float32) {
	v = v[:len(o)]
	k := 0
	if hasAVX2 && len(o) >= 8 {
		k = len(o) &^ 7
		axpyAVX2(&o[0], &v[0], p, k)
	}
	for i := k; i < len(o); i++ {
		o[i] += float32(p * v[i])
	}
}
