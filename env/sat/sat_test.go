package sat

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/assaynet/assay/challenge"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json")

func gen(t testing.TB, i int) *Instance {
	t.Helper()
	task, err := New(DefaultParams).Generate(challenge.PRF32("test/sat", challenge.U64(uint64(i))))
	if err != nil {
		t.Fatal(err)
	}
	return task.(*Instance)
}

// bruteForce is an independent checker: it enumerates every assignment.
func bruteForce(inst *Instance) (solutions int) {
	for mask := 0; mask < 1<<inst.Vars; mask++ {
		ok := true
		for _, c := range inst.Clauses {
			sat := false
			for _, l := range c {
				v := mask&(1<<(l.Var-1)) != 0
				if v != l.Neg {
					sat = true
					break
				}
			}
			if !sat {
				ok = false
				break
			}
		}
		if ok {
			solutions++
		}
	}
	return solutions
}

func TestInstancesSatisfiableAndPlantedScoresOne(t *testing.T) {
	for i := 0; i < 200; i++ {
		inst := gen(t, i)
		if inst.Vars < DefaultParams.MinVars || inst.Vars > DefaultParams.MaxVars {
			t.Fatalf("instance %d: %d vars", i, inst.Vars)
		}
		if len(inst.Clauses) != DefaultParams.ClausesPerVar*inst.Vars {
			t.Fatalf("instance %d: %d clauses", i, len(inst.Clauses))
		}
		if bruteForce(inst) == 0 {
			t.Fatalf("instance %d unsatisfiable by brute force", i)
		}
		if r := inst.Reward(inst.Truth()); r != 1 {
			t.Fatalf("instance %d: planted assignment scores %v", i, r)
		}
		for _, c := range inst.Clauses {
			seen := map[int]bool{}
			for _, l := range c {
				if l.Var < 1 || l.Var > inst.Vars || seen[l.Var] {
					t.Fatalf("instance %d: bad clause %v", i, c)
				}
				seen[l.Var] = true
			}
		}
	}
}

func TestRewardFractions(t *testing.T) {
	inst := gen(t, 3)
	// The all-false/all-true assignments score exactly satisfied/total.
	for _, v := range []bool{false, true} {
		a := map[int]bool{}
		text := ""
		for i := 1; i <= inst.Vars; i++ {
			a[i] = v
			b := 0
			if v {
				b = 1
			}
			text += fmt.Sprintf("x%d=%d ", i, b)
		}
		want := float32(inst.Satisfied(a)) / float32(len(inst.Clauses))
		if got := inst.Reward(text); got != want {
			t.Fatalf("reward %v, want %v", got, want)
		}
		if want == 1 && bruteForce(inst) == 0 {
			t.Fatal("inconsistent")
		}
	}
	if got := inst.Reward("I don't know"); got != 0 {
		t.Fatalf("unparseable answer scores %v", got)
	}
}

func TestParseAssignment(t *testing.T) {
	tests := []struct {
		text string
		want map[int]bool
	}{
		{"x1=1, x2=0, x3=1", map[int]bool{1: true, 2: false, 3: true}},
		{"x1 = true\nx2 = False\nX3: T", map[int]bool{1: true, 2: false, 3: true}},
		{"x1 is false and x2 is yes", map[int]bool{1: false, 2: true}},
		{"v 1 -2 3 0", map[int]bool{1: true, 2: false, 3: true}},
		{"x1=1 then actually x1=0", map[int]bool{1: false}},
		{"x9=1 x0=1 x4=1", map[int]bool{4: true}},
		{"<think>x1=1</think> x1=0", map[int]bool{1: false}},
		{"", map[int]bool{}},
		{"x=1 xx1=0 x1==", map[int]bool{}},
	}
	for _, tt := range tests {
		got := ParseAssignment(tt.text, 5)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

type golden struct {
	Seed    string `json:"seed_hex"`
	Vars    int    `json:"vars"`
	Formula string `json:"formula"`
	Planted string `json:"planted"`
}

// TestGolden pins generation across machines and releases.
func TestGolden(t *testing.T) {
	var got []golden
	for i := 0; i < 5; i++ {
		seed := challenge.PRF32("test/sat", challenge.U64(uint64(i)))
		inst := gen(t, i)
		got = append(got, golden{fmt.Sprintf("%x", seed), inst.Vars, inst.Formula(), inst.Truth()})
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
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Fatalf("SAT generation changed:\n got %s\nwant %s", gj, wj)
	}
}

func FuzzParseAssignment(f *testing.F) {
	f.Add("x1=1, x2=0", 3)
	f.Add("v 1 -2 0", 2)
	f.Add("<think></think>x3 is true", 4)
	f.Fuzz(func(t *testing.T, text string, vars int) {
		if vars < 0 || vars > 10000 {
			return
		}
		for v := range ParseAssignment(text, vars) {
			if v < 1 || v > vars {
				t.Fatalf("variable %d outside 1..%d", v, vars)
			}
		}
	})
}

func FuzzReward(f *testing.F) {
	f.Add("x1=1")
	f.Fuzz(func(t *testing.T, text string) {
		inst := gen(t, 1)
		if r := inst.Reward(text); r < 0 || r > 1 {
			t.Fatalf("reward %v outside [0,1]", r)
		}
	})
}
