package validator

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateEndpoint marks a fetch refused because the endpoint's address
// (after DNS, or a redirect) is not a public unicast one, under
// Config.PublicEndpointsOnly.
var ErrPrivateEndpoint = errors.New("validator: endpoint address is not public")

// sharedAddressSpace is RFC 6598's carrier-grade NAT range, private in
// practice though netip does not call it so.
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// publicAddr reports whether a is a public unicast address: not loopback,
// private (RFC 1918, fc00::/7, shared 100.64/10), link-local, multicast or
// unspecified.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsValid() && a.IsGlobalUnicast() && !a.IsPrivate() && !sharedAddressSpace.Contains(a)
}

// publicOnlyTransport dials only public addresses. The check runs on the
// address actually connected to (net.Dialer.Control sees it after DNS), so
// a name that resolves to a private address, a rebinding DNS answer or a
// redirect to one cannot reach the validator's network; proxies are not
// used, since the check would then see the proxy's address.
func publicOnlyTransport() *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: %s", ErrPrivateEndpoint, address)
			}
			if !publicAddr(ap.Addr()) {
				return fmt.Errorf("%w: %s", ErrPrivateEndpoint, ap.Addr())
			}
			return nil
		}}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		return d.DialContext(ctx, network, addr)
	}
	return t
}
