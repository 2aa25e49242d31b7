package proofs

import "errors"

// Failure reasons of the verifier, in the order the checks run. Scoring and
// metrics branch on them with errors.Is; each is a hard failure.
var (
	ErrSchema      = errors.New("schema")      // lengths, limits, ranges
	ErrSignature   = errors.New("signature")   // not signed by the claimed miner
	ErrWindow      = errors.New("window")      // record for another window
	ErrVersion     = errors.New("version")     // unsupported protocol version
	ErrModel       = errors.New("model")       // model id is not the network's
	ErrPrompt      = errors.New("prompt")      // prompt is not the re-derived challenge
	ErrTokenRange  = errors.New("token-range") // token id outside the vocabulary
	ErrSketch      = errors.New("sketch")      // sketch distance over tolerance
	ErrLogProb     = errors.New("logprob")     // committed logprob differs from recomputed
	ErrSampling    = errors.New("sampling")    // token is not the sampler's pick under u(t)
	ErrTermination = errors.New("termination") // neither EOS nor the length cap
	ErrReward      = errors.New("reward")      // reward differs from recomputed
	ErrAdvantage   = errors.New("advantage")   // advantage differs from the group's
	ErrFile        = errors.New("window-file") // window file malformed or over limits
	ErrCommitment  = errors.New("commitment")  // window file is not the one committed on chain
)

// Reasons lists every failure reason, for metrics and tables.
var Reasons = []error{ErrSchema, ErrSignature, ErrWindow, ErrVersion, ErrModel, ErrPrompt, ErrTokenRange,
	ErrSketch, ErrLogProb, ErrSampling, ErrTermination, ErrReward, ErrAdvantage, ErrFile, ErrCommitment}

// Reason returns the reason name of an error from this package ("ok" for
// nil, "other" when none matches).
func Reason(err error) string {
	if err == nil {
		return "ok"
	}
	for _, r := range Reasons {
		if errors.Is(err, r) {
			return r.Error()
		}
	}
	return "other"
}
