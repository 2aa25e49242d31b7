// Package stats holds the small order statistics that measurements report.
package stats

import (
	"math"
	"sort"
)

// Quantile is the q-quantile (nearest rank) of v; 0 for an empty v. v is
// not modified.
func Quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	i := int(math.Ceil(q*float64(len(s)))) - 1
	return s[max(0, min(len(s)-1, i))]
}
