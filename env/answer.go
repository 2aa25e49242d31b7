package env

import (
	"math/big"
	"regexp"
	"strings"
)

// maxAnswerBytes bounds how much of a completion answer extraction reads:
// the final answer is at the end, and the regexps stay linear anyway.
const maxAnswerBytes = 16 << 10

var (
	reNumber = `(-?\$?\s?\d[\d,]*(?:\.\d+)?)`
	reHashes = regexp.MustCompile(`####\s*` + reNumber)
	reBoxed  = regexp.MustCompile(`\\boxed\{\s*` + reNumber + `\s*\}`)
	rePhrase = regexp.MustCompile(`(?i)answer(?:\s+is)?\s*[:=]?\s*` + reNumber)
	reAny    = regexp.MustCompile(reNumber)
	rePlain  = regexp.MustCompile(`^-?\d+(?:\.\d+)?$`)
)

// ExtractAnswer finds the final numeric answer in a completion and returns it
// as a canonical rational (see CanonicalNumber). Precedence: the last
// "#### N", else the last "\boxed{N}", else the last "answer is N", else the
// last number in the text. Text before a closing </think> is ignored. ok is
// false when no number is found.
func ExtractAnswer(text string) (string, bool) {
	if i := strings.LastIndex(text, "</think>"); i >= 0 {
		text = text[i+len("</think>"):]
	}
	if len(text) > maxAnswerBytes {
		text = text[len(text)-maxAnswerBytes:]
	}
	for _, re := range []*regexp.Regexp{reHashes, reBoxed, rePhrase, reAny} {
		m := re.FindAllStringSubmatch(text, -1)
		if len(m) == 0 {
			continue
		}
		if c, ok := CanonicalNumber(m[len(m)-1][1]); ok {
			return c, true
		}
	}
	return "", false
}

// CanonicalNumber normalizes a written number: "$1,234.50" and "1234.5"
// both become "2469/2"; integers print as plain integers ("-12"). Commas,
// "$" and spaces are dropped; what remains must be a plain decimal of at most
// 64 characters. ok is false for anything else.
func CanonicalNumber(s string) (string, bool) {
	s = strings.NewReplacer(",", "", "$", "", " ", "").Replace(strings.TrimSpace(s))
	if s == "" || s == "-" {
		return "", false
	}
	// Only plain decimals: big.Rat would also take exponents ("1e999999999"),
	// which is a memory bomb on untrusted text.
	if len(s) > 64 || !rePlain.MatchString(s) {
		return "", false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", false
	}
	return r.RatString(), true
}

// RewardExact is 1 when the completion's extracted answer equals truth
// (both canonicalized), else 0.
func RewardExact(truth, completion string) float32 {
	want, ok := CanonicalNumber(truth)
	if !ok {
		return 0
	}
	got, ok := ExtractAnswer(completion)
	if ok && got == want {
		return 1
	}
	return 0
}
