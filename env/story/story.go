// Package story is the "story" environment: short story openings for small
// story models (TinyStories), rewarded for keeping to the opening's topic.
//
// It exists so that the RL loop can be shown end to end on a CPU: a model
// of under a million parameters cannot do arithmetic or SAT, but it writes
// stories, and whether a story comes back to the thing its opening named
// is a reward it can learn within minutes of GRPO training. The reward is
// exact (a word count), so every validator recomputes it bit for bit.
package story

import (
	"fmt"
	"strings"

	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/env"
)

// Env is the story environment.
type Env struct{}

// New returns the story environment.
func New() *Env { return &Env{} }

var _ env.Environment = (*Env)(nil)

// Name is "story".
func (*Env) Name() string { return "story" }

// Opening is a generated story opening and the topic word it names.
type Opening struct {
	Text  string
	Topic string
}

// Prompt is the opening itself: story models continue raw text.
func (o *Opening) Prompt() string { return o.Text }

// Truth is the topic word.
func (o *Opening) Truth() string { return o.Topic }

// Reward is min(mentions of the topic, Target) / Target: a mention is a
// maximal run of ASCII letters, lowercased, equal to the topic or to the
// topic plus "s".
func (o *Opening) Reward(completion string) float32 {
	return float32(min(Mentions(completion, o.Topic), Target)) / float32(Target)
}

// Target is the number of mentions that earns the full reward.
const Target = 2

// maxBytes bounds how much of a completion is read, as the other
// environments' parsers do (the last 16 KiB).
const maxBytes = 16 << 10

// Mentions counts the words of text equal to topic or topic+"s".
func Mentions(text, topic string) int {
	if len(text) > maxBytes {
		text = text[len(text)-maxBytes:]
	}
	n := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isLetter(r) }) {
		w = strings.ToLower(w)
		if w == topic || w == topic+"s" {
			n++
		}
	}
	return n
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

var (
	names    = []string{"Lily", "Tom", "Sue", "Max", "Mia", "Ben", "Anna", "Tim"}
	subjects = []string{"girl", "boy", "dog", "cat", "bird", "bunny", "bear", "frog"}
	topics   = []string{"ball", "tree", "park", "cake", "flower", "boat", "kite", "toy"}
	verbs    = []string{"loved", "liked", "wanted", "had"}
)

func pick(s *challenge.Stream, list []string) string { return list[s.Below(uint64(len(list)))] }

// Generate builds the opening for seed: name, subject, verb, topic drawn
// in that order.
func (*Env) Generate(seed [32]byte) (env.Task, error) {
	s := challenge.NewStream(seed)
	name, subject, verb, topic := pick(s, names), pick(s, subjects), pick(s, verbs), pick(s, topics)
	return &Opening{
		Text:  fmt.Sprintf("Once upon a time, there was a little %s named %s. %s %s a %s. One day, %s", subject, name, name, verb, topic, name),
		Topic: topic,
	}, nil
}
