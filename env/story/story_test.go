package story

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/assaynet/assay/challenge"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json")

func gen(t testing.TB, i int) *Opening {
	task, err := New().Generate(challenge.PRF32("test/story", challenge.U64(uint64(i))))
	if err != nil {
		t.Fatal(err)
	}
	return task.(*Opening)
}

func TestReward(t *testing.T) {
	o := &Opening{Topic: "ball"}
	for _, c := range []struct {
		text string
		want float32
	}{
		{"", 0},
		{"They played all day.", 0},
		{"The ball was red.", 0.5},
		{"Balls! The BALL, the ball.", 1},          // case-insensitive, capped at Target
		{"a football and a ballet and balloon", 0}, // whole words only
		{"ball1ball", 1},                           // digits separate words
		{"the ballss", 0},
		{"the béall", 0}, // a non-ASCII letter separates words: "b", "all"
	} {
		if got := o.Reward(c.text); got != c.want {
			t.Errorf("Reward(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	// Only the last 16 KiB are read.
	long := "ball ball " + strings.Repeat("x", maxBytes)
	if got := o.Reward(long); got != 0 {
		t.Errorf("a mention before the last 16 KiB counted: %v", got)
	}
}

func TestPromptNamesTopic(t *testing.T) {
	seen := map[string]bool{}
	for i := range 400 {
		o := gen(t, i)
		seen[o.Topic] = true
		if Mentions(o.Prompt(), o.Topic) != 1 || !strings.HasPrefix(o.Prompt(), "Once upon a time") {
			t.Fatalf("opening %d: %q (topic %q)", i, o.Prompt(), o.Topic)
		}
	}
	if len(seen) != len(topics) {
		t.Fatalf("topics drawn: %v", seen)
	}
}

func TestGolden(t *testing.T) {
	type golden struct{ Prompt, Truth string }
	var got []golden
	for i := range 6 {
		o := gen(t, i)
		got = append(got, golden{o.Prompt(), o.Truth()})
	}
	path := filepath.Join("testdata", "golden.json")
	if *update {
		js, _ := json.MarshalIndent(got, "", " ")
		if err := os.WriteFile(path, append(js, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []golden
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("story generation changed:\n got %v\nwant %v", got, want)
	}
}

func FuzzReward(f *testing.F) {
	f.Add("The ball was red. Balls!", "ball")
	f.Fuzz(func(t *testing.T, text, topic string) {
		r := (&Opening{Topic: topic}).Reward(text)
		if r < 0 || r > 1 || r != float32(min(Mentions(text, topic), Target))/Target {
			t.Fatalf("reward %v", r)
		}
	})
}
