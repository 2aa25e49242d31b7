package redirect

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func req(t *testing.T, s string) *http.Request {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Request{URL: u}
}

func TestSameOrigin(t *testing.T) {
	check := SameOrigin("announced")
	first := req(t, "http://a.example:8700/x/")
	for _, tc := range []struct {
		to   string
		hops int
		want string // "" follows
	}{
		{"http://a.example:8700/y", 1, ""},
		{"http://a.example:8700/y", 3, "more than 3"},
		{"http://b.example:8700/y", 1, "announced origin"},
		{"https://a.example:8700/y", 1, "announced origin"},
		{"http://a.example:8701/y", 1, "announced origin"},
	} {
		via := []*http.Request{first}
		for len(via) < tc.hops {
			via = append(via, first)
		}
		err := check(req(t, tc.to), via)
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s after %d: %v, want %q", tc.to, tc.hops, err, tc.want)
		}
	}
}
