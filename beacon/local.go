package beacon

import (
	"context"
	"crypto/sha256"
	"fmt"
	"time"

	dcommon "github.com/drand/drand/v2/common"
	dchain "github.com/drand/drand/v2/common/chain"
	"github.com/drand/drand/v2/crypto"
	"github.com/drand/kyber"
)

// LocalConfig configures a local beacon for development and tests.
type LocalConfig struct {
	// Secret seeds the signing key (any bytes; hashed to a scalar). Anyone
	// who knows it can sign any round: a local beacon is for dev and tests.
	Secret []byte
	// Genesis is the Unix time of round 1.
	Genesis int64
	// Period is the time between rounds (whole seconds, at least 1 s).
	Period time.Duration
	// Now is the clock used to refuse future rounds (time.Now when nil).
	Now func() time.Time
}

// Local is a single-signer beacon with its own key and quicknet's scheme
// (bls-unchained-g1-rfc9380). Its rounds are verified by the same code path as
// a public chain's: Round signs, then verifies against the public key.
type Local struct {
	chain  *Chain
	secret kyber.Scalar
	now    func() time.Time
}

// NewLocal returns a local beacon.
func NewLocal(cfg LocalConfig) (*Local, error) {
	if len(cfg.Secret) == 0 {
		return nil, fmt.Errorf("%w: local beacon needs a secret", ErrMalformed)
	}
	if cfg.Period < time.Second || cfg.Period%time.Second != 0 {
		return nil, fmt.Errorf("%w: local beacon period %v must be whole seconds >= 1s", ErrMalformed, cfg.Period)
	}
	sch := crypto.NewPedersenBLSUnchainedG1()
	h := sha256.Sum256(append([]byte("assay/local-beacon-key"), cfg.Secret...))
	secret := sch.KeyGroup.Scalar().SetBytes(h[:])
	pub := sch.KeyGroup.Point().Mul(secret, nil)
	seed := sha256.Sum256(append([]byte("assay/local-beacon-seed"), cfg.Secret...))
	info := &dchain.Info{
		PublicKey:   pub,
		ID:          "assay-local",
		Period:      cfg.Period,
		Scheme:      sch.Name,
		GenesisTime: cfg.Genesis,
		GenesisSeed: seed[:],
	}
	c, err := newChain(info)
	if err != nil {
		return nil, err
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &Local{chain: c, secret: secret, now: now}, nil
}

// Chain is the local beacon's chain info (publish it so others can verify).
func (l *Local) Chain() *Chain { return l.chain }

// Sign produces round r's signature without the clock check; tests and the
// dev chain use it to pre-compute rounds.
func (l *Local) Sign(r uint64) ([]byte, error) {
	msg := l.chain.scheme.DigestBeacon(&dcommon.Beacon{Round: r})
	return l.chain.scheme.AuthScheme.Sign(l.secret, msg)
}

// Round signs round r and returns it verified, refusing rounds whose time has
// not come (a local beacon must be as unpredictable to miners as a real one).
func (l *Local) Round(ctx context.Context, r uint64) (Verified, error) {
	if err := ctx.Err(); err != nil {
		return Verified{}, err
	}
	if r == 0 {
		return Verified{}, fmt.Errorf("%w: round 0 is not a beacon", ErrMalformed)
	}
	if cur := l.chain.RoundAt(l.now().Unix()); r > cur {
		return Verified{}, fmt.Errorf("%w: round %d, local beacon is at %d", ErrFutureRound, r, cur)
	}
	sig, err := l.Sign(r)
	if err != nil {
		return Verified{}, fmt.Errorf("beacon: local sign round %d: %w", r, err)
	}
	return l.chain.Verify(r, sig, nil)
}
