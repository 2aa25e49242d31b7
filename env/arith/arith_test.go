package arith

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/assaynet/assay/challenge"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json")

func gen(t testing.TB, i int) *Problem {
	task, err := New().Generate(challenge.PRF32("test/math", challenge.U64(uint64(i))))
	if err != nil {
		t.Fatal(err)
	}
	return task.(*Problem)
}

var reInt = regexp.MustCompile(`\d+`)

// TestAnswersRecomputed re-derives each answer from the numbers in the text
// by the template's own formula, independently of Generate's arithmetic.
func TestAnswersRecomputed(t *testing.T) {
	seen := map[int]int{}
	for i := 0; i < 500; i++ {
		p := gen(t, i)
		seen[p.Template]++
		var x []int64
		for _, m := range reInt.FindAllString(p.Text, -1) {
			v, _ := strconv.ParseInt(m, 10, 64)
			x = append(x, v)
		}
		var want int64
		switch p.Template {
		case 0:
			want = x[0] + x[1]*x[2] - x[3]
		case 1:
			want = x[2] - x[0]*x[1]
		case 2:
			want = x[0] + x[0]*x[1] + x[0]*x[1] - x[2]
		case 3:
			if (x[0]-x[1])%x[2] != 0 {
				t.Fatalf("problem %d: inexact division: %s", i, p.Text)
			}
			want = (x[0] - x[1]) / x[2]
		case 4:
			want = x[0]*x[1]*x[2] - x[3]
		}
		if want != p.Answer || p.Answer < 0 {
			t.Fatalf("problem %d (template %d): answer %d, recomputed %d: %s", i, p.Template, p.Answer, want, p.Text)
		}
		if p.Reward("... so the result is\n#### "+p.Truth()) != 1 || p.Reward("#### "+strconv.FormatInt(p.Answer+1, 10)) != 0 {
			t.Fatalf("problem %d: reward check", i)
		}
	}
	if len(seen) != numTemplates {
		t.Fatalf("templates used: %v", seen)
	}
}

func TestGolden(t *testing.T) {
	type golden struct {
		Prompt, Truth string
	}
	var got []golden
	for i := 0; i < 5; i++ {
		p := gen(t, i)
		got = append(got, golden{p.Prompt(), p.Truth()})
	}
	path := filepath.Join("testdata", "golden.json")
	if *update {
		js, _ := json.MarshalIndent(got, "", " ")
		_ = os.WriteFile(path, append(js, '\n'), 0o644)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []golden
	_ = json.Unmarshal(data, &want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("math generation changed:\n got %v\nwant %v", got, want)
	}
}
