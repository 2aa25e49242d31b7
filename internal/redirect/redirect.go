// Package redirect is the one redirect policy for URLs that come from
// untrusted or announced places (miner endpoints, checkpoint URLs): follow
// a few, never off the origin asked.
package redirect

import (
	"errors"
	"fmt"
	"net/http"
)

// Max is the most redirects followed.
const Max = 3

// SameOrigin is an http.Client.CheckRedirect that follows at most Max
// redirects, each to the first request's scheme and host; whose names
// the URL's source in its error ("registered", "announced").
func SameOrigin(whose string) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= Max {
			return errors.New("more than 3 redirects")
		}
		if o := via[0].URL; req.URL.Scheme != o.Scheme || req.URL.Host != o.Host {
			return fmt.Errorf("redirect off the %s origin to %s://%s", whose, req.URL.Scheme, req.URL.Host)
		}
		return nil
	}
}
