package env

import (
	"regexp"
	"testing"
)

var reCanonical = regexp.MustCompile(`^-?\d+(/\d+)?$`)

func TestExtractAnswer(t *testing.T) {
	tests := []struct {
		text, want string
		ok         bool
	}{
		{"so 3+4 = 7\n#### 7", "7", true},
		{"#### 1,234", "1234", true},
		{"#### $18", "18", true},
		{"The answer is -5.", "-5", true},
		{"answer: 12.50 dollars", "25/2", true},
		{"\\boxed{42} and then 7", "42", true},
		{"first 3 then 9", "9", true},
		{"#### 5 ... later #### 6", "6", true},
		{"<think>#### 1</think>#### 2", "2", true},
		{"no digits here", "", false},
		{"", "", false},
		{"#### 10.0", "10", true},
	}
	for _, tt := range tests {
		got, ok := ExtractAnswer(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%q: got %q %v, want %q %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRewardExact(t *testing.T) {
	if RewardExact("18", "She makes 9*2 = $18 a day.\n#### 18") != 1 {
		t.Fatal("right answer scored 0")
	}
	if RewardExact("18", "#### 19") != 0 {
		t.Fatal("wrong answer scored 1")
	}
	if RewardExact("1,000", "#### 1000") != 1 {
		t.Fatal("comma formatting")
	}
	if RewardExact("not a number", "#### 1") != 0 {
		t.Fatal("bad truth")
	}
}

func FuzzExtractAnswer(f *testing.F) {
	for _, s := range []string{"#### 7", "\\boxed{1,2}", "answer is $-3.5", "1e9999", "--1", "$,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, ok := ExtractAnswer(text)
		if ok && !reCanonical.MatchString(got) {
			t.Fatalf("extracted %q is not canonical", got)
		}
		if r := RewardExact("7", text); r != 0 && r != 1 {
			t.Fatalf("reward %v", r)
		}
	})
}

func TestCanonicalNumberRejectsExponents(t *testing.T) {
	for _, s := range []string{"1e9", "1e999999999", "0x10", "1/2", "--1", "1.", ".5"} {
		if c, ok := CanonicalNumber(s); ok {
			t.Errorf("%q accepted as %q", s, c)
		}
	}
}
