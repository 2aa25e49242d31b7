//go:build !amd64 || purego

package model

// axpy adds p·v into o elementwise (each product rounded, then added).
func axpy(o, v []float32, p float32) {
	v = v[:len(o)]
	for i := range o {
		o[i] += float32(p * v[i])
	}
}
