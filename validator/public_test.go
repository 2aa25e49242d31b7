package validator

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"
)

func TestPublicAddr(t *testing.T) {
	for _, tc := range []struct {
		addr   string
		public bool
	}{
		{"8.8.8.8", true}, {"1.1.1.1", true}, {"2606:4700::1111", true},
		{"127.0.0.1", false}, {"::1", false}, {"10.1.2.3", false}, {"172.16.0.9", false}, {"192.168.1.1", false},
		{"100.64.0.1", false}, {"169.254.169.254", false}, {"fe80::1", false}, {"fc00::1", false},
		{"0.0.0.0", false}, {"::", false}, {"224.0.0.1", false}, {"255.255.255.255", false},
		{"::ffff:127.0.0.1", false}, {"::ffff:8.8.8.8", true},
	} {
		if got := publicAddr(netip.MustParseAddr(tc.addr)); got != tc.public {
			t.Errorf("publicAddr(%s) = %v, want %v", tc.addr, got, tc.public)
		}
	}
}

// TestPublicEndpointsOnly: under the option a loopback endpoint is refused
// with ErrPrivateEndpoint, at once (no retries), and the same endpoint is
// fetched without it.
func TestPublicEndpointsOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("file")) }))
	defer srv.Close()
	v := fetchValidator(t, func() uint64 { return 40 })
	if data, _, err := v.fetch(t.Context(), srv.URL, fetchWindow, make(chan struct{}, 1)); err != nil || string(data) != "file" {
		t.Fatalf("without the option: %q, %v", data, err)
	}
	v.http = newFetchClient(time.Second, true)
	start := time.Now()
	_, _, err := v.fetch(t.Context(), srv.URL, fetchWindow, make(chan struct{}, 1))
	if !errors.Is(err, ErrPrivateEndpoint) {
		t.Fatalf("loopback endpoint under PublicEndpointsOnly: %v, want ErrPrivateEndpoint", err)
	}
	if d := time.Since(start); d > 400*time.Millisecond {
		t.Errorf("refusal took %v: it should not be retried", d)
	}
}
