// Package grpo computes group-relative advantages for GRPO rollout groups.
//
// The computation is specified operation by operation in float64 (each
// product and sum rounded before the next, no fused multiply-add) and the
// results rounded to float32, so that a validator's recomputation equals the
// miner's bit for bit on any IEEE-754 machine.
package grpo

import (
	"errors"
	"fmt"
	"math"
)

// Epsilon is added to the standard deviation before dividing.
const Epsilon = 1e-6

// ErrBadReward is returned for a NaN or infinite reward.
var ErrBadReward = errors.New("grpo: reward is not finite")

// Advantages returns (r_i - mean) / (std + Epsilon) for each reward, where
// mean is the left-to-right float64 sum divided by n and std is the
// population standard deviation (divide by n) of the same values. When every
// reward is identical the result is all zeros (no signal, and no rounding
// noise from the mean). An empty group gives an empty result.
func Advantages(rewards []float32) ([]float32, error) {
	n := len(rewards)
	out := make([]float32, n)
	if n == 0 {
		return out, nil
	}
	for i, r := range rewards {
		if math.IsNaN(float64(r)) || math.IsInf(float64(r), 0) {
			return nil, fmt.Errorf("%w: rollout %d: %v", ErrBadReward, i, r)
		}
	}
	same := true
	for _, r := range rewards[1:] {
		if r != rewards[0] {
			same = false
			break
		}
	}
	if same {
		return out, nil
	}
	var sum float64
	for _, r := range rewards {
		sum += float64(r)
	}
	mean := sum / float64(n)
	var ss float64
	for _, r := range rewards {
		d := float64(r) - mean
		sq := float64(d * d) // explicit conversion forbids fusing into the add
		ss += sq
	}
	std := math.Sqrt(ss / float64(n))
	den := std + Epsilon
	for i, r := range rewards {
		out[i] = float32((float64(r) - mean) / den)
	}
	return out, nil
}
