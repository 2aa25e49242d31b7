package proofs

import (
	"fmt"

	"github.com/assaynet/assay/model"
)

// Params are the protocol parameters the prover and verifier share. The
// network's values come from the contract and docs/protocol.md.
type Params struct {
	GroupSize    int            // G: rollouts per problem
	MaxNewTokens int            // completion length cap
	Sampling     model.Sampling // the network's sampler
	K            int            // sketch positions opened per rollout

	// Opening: ceil(SampleNum/SampleDen · groups) groups, at most MaxOpenGroups,
	// and RolloutsPerGroup rollouts of each.
	SampleNum, SampleDen int
	MaxOpenGroups        int
	RolloutsPerGroup     int

	// Tolerances, chosen from measured honest drift (docs/protocol.md §7.6;
	// pinned by TestTolerancesPinned).
	SamplingMargin float64 // CDF margin for verifiable sampling
	LogProbTol     float64 // absolute log-probability tolerance
	MinEOSLogProb  float64 // EOS must have at least this raw log-probability

	Limits Limits
}

// DefaultParams are the protocol's defaults (docs/protocol.md).
var DefaultParams = Params{
	GroupSize:        16,
	MaxNewTokens:     48,
	Sampling:         model.Sampling{Temperature: 1},
	K:                32,
	SampleNum:        1,
	SampleDen:        4,
	MaxOpenGroups:    8,
	RolloutsPerGroup: 4,
	SamplingMargin:   1e-5,
	LogProbTol:       1e-3,
	MinEOSLogProb:    -20,
	Limits:           DefaultLimits,
}

// Validate reports parameters that cannot work.
func (p Params) Validate() error {
	switch {
	case p.GroupSize < 1 || p.GroupSize > 1024:
		return fmt.Errorf("proofs: group size %d", p.GroupSize)
	case p.MaxNewTokens < 1 || p.MaxNewTokens > p.Limits.MaxCompletion:
		return fmt.Errorf("proofs: max new tokens %d (limit %d)", p.MaxNewTokens, p.Limits.MaxCompletion)
	case p.K < 1:
		return fmt.Errorf("proofs: K %d", p.K)
	case p.SampleNum < 0 || p.SampleDen < 1 || p.SampleNum > p.SampleDen:
		return fmt.Errorf("proofs: sample rate %d/%d", p.SampleNum, p.SampleDen)
	case p.RolloutsPerGroup < 1:
		return fmt.Errorf("proofs: rollouts per group %d", p.RolloutsPerGroup)
	}
	return p.Sampling.Validate()
}
