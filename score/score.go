package score

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/proofs"
)

// Protocol constants of scoring.
const (
	// CopiedCheck is how many of a miner's records that share a completion
	// with another verified file are verified with the model (in file
	// order): a copier's fail, since its tokens do not come from its own
	// uniforms; the miner it copied passes.
	CopiedCheck = 8
	// WeightScale is the sum of posted weights (uint16 shares).
	WeightScale = 65535
	// MaxPosted bounds the nonzero weights of a post: the MaxPosted
	// highest scores (lowest uid on ties) are weighted, the rest get 0. A
	// post carries only nonzero weights (the contract reads absent uids as
	// 0), so its size stays ~64 KiB of calldata however many identities
	// register, under go-ethereum's 128 KiB transaction limit.
	MaxPosted = 1024
)

// MinerResult is the decision about one miner in one window.
type MinerResult struct {
	UID      uint32         `json:"uid"`
	Address  common.Address `json:"address"`
	File     string         `json:"file_sha256,omitempty"` // "" when no file was obtained
	Records  int            `json:"records"`
	Groups   int            `json:"groups"`
	Opened   int            `json:"opened"`
	Verified int            `json:"verified"`
	Failure  string         `json:"failure,omitempty"` // reason of the first hard failure
	Detail   string         `json:"detail,omitempty"`
	Unique   int            `json:"unique"`
	Copycat  bool           `json:"copycat,omitempty"`
	Gated    bool           `json:"gated,omitempty"` // failed within the lookback
	Score    uint64         `json:"score"`
	Weight   uint16         `json:"weight"`
	MaxZ     float64        `json:"max_z"` // soft distribution statistic (flag only)
	// Arrival is the chain head read after the file's body arrived (0: not
	// fetched by this decision, as in an audit).
	Arrival uint64 `json:"arrival_block,omitempty"`
}

// Files gives Decide each miner's window file.
type Files interface {
	File(uid uint32) ([]byte, bool)
}

// MapFiles are files held in memory.
type MapFiles map[uint32][]byte

// File returns uid's file.
func (m MapFiles) File(uid uint32) ([]byte, bool) {
	d, ok := m[uid]
	return d, ok
}

// DirFiles reads a window's kept files (a FilesDir) as Decide asks for
// them.
type DirFiles string

// File returns uid's kept file.
func (d DirFiles) File(uid uint32) ([]byte, bool) {
	data, err := os.ReadFile(filepath.Join(string(d), keptName(uid)))
	return data, err == nil
}

// Decision is a validator's complete decision for one window.
type Decision struct {
	Window      uint64        `json:"window"`
	WindowSeed  string        `json:"window_seed"`
	OpeningSeed string        `json:"opening_seed"`
	Miners      []MinerResult `json:"miners"`
	Posted      bool          `json:"posted"`
	TxHash      string        `json:"tx_hash,omitempty"`
	// VerifySeconds is how long deciding took where it was decided (a
	// report for operators: not part of the decision, and not compared).
	VerifySeconds float64 `json:"verify_seconds,omitempty"`
}

// HardFailure reports a failure that gates the miner in later windows: any
// failure except a missing file, which is not evidence of cheating.
func (m *MinerResult) HardFailure() bool { return m.Failure != "" && m.Failure != Missing }

// Weights returns the uids and weights to post: the nonzero weights, uid
// order (at most MaxPosted).
func (d *Decision) Weights() ([]uint32, []uint16) {
	u, w := []uint32{}, []uint16{}
	for _, m := range d.Miners {
		if m.Weight > 0 {
			u = append(u, m.UID)
			w = append(w, m.Weight)
		}
	}
	return u, w
}

// Input is everything Decide reads. It is complete: the same input gives
// the same decision on any machine (the CPU engine is deterministic, and
// the CUDA backend computes the same bits).
type Input struct {
	// Verifier checks records of the window (its parameters, model, seeds).
	Verifier *proofs.Verifier
	// Miners are the window's miners (MinersAt), in uid order.
	Miners []Miner
	// Files gives a uid's window file bytes (absent: no file), read one
	// miner at a time so memory does not grow with the registry.
	Files Files
	// Arrivals are the chain heads read right after each file's body
	// arrived (reported, not scored: the commitment binds the file).
	Arrivals map[uint32]uint64
	// Gated are miners with a hard failure within the lookback.
	Gated map[common.Address]bool
	// Progress, when set, is told after each miner is checked (done of
	// total): verifying a window takes minutes on a CPU.
	Progress func(done, total int)
}

// Miner names a miner, where it publishes, and the window file it
// committed on chain (Decide reads all but Endpoint).
type Miner struct {
	UID      uint32
	Address  common.Address
	Endpoint string
	// Commitment is the records digest the miner committed for the window
	// before its deadline (zero: none, and the miner counts as missing
	// whatever it serves).
	Commitment [32]byte
}

// Committed reports whether the miner committed a file for the window.
func (m Miner) Committed() bool { return m.Commitment != [32]byte{} }

// Decide verifies every miner's sample and computes scores and weights.
func Decide(ctx context.Context, in Input) (*Decision, error) {
	v := in.Verifier
	d := &Decision{Window: v.Window, WindowSeed: hex.EncodeToString(v.WindowSeed[:]), OpeningSeed: hex.EncodeToString(v.OpeningSeed[:])}
	digests := make([]map[[32]byte]bool, len(in.Miners))
	for i, mr := range in.Miners {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res := MinerResult{UID: mr.UID, Address: mr.Address, Gated: in.Gated[mr.Address]}
		res.Arrival = in.Arrivals[mr.UID]
		var data []byte
		ok := false
		if in.Files != nil && mr.Committed() {
			data, ok = in.Files.File(mr.UID)
		}
		switch {
		case !mr.Committed():
			res.Failure, res.Detail = Missing, "no commitment on chain"
		case ok:
			sum := sha256.Sum256(data)
			res.File = hex.EncodeToString(sum[:])
			digests[i] = checkMiner(ctx, v, mr, data, &res)
			if res.Failure != "" {
				// Only verified files take part in copycat detection:
				// otherwise anyone could zero a miner by republishing its
				// completions in a file that fails.
				digests[i] = nil
			}
		default:
			res.Failure, res.Detail = Missing, "committed, but no window file"
		}
		d.Miners = append(d.Miners, res)
		if in.Progress != nil {
			in.Progress(i+1, len(in.Miners))
		}
	}
	// A cancellation cut some miner's checks short: no decision.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	judgeCopies(ctx, v, in, digests, d.Miners)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range d.Miners {
		m := &d.Miners[i]
		if m.Failure == "" && !m.Copycat && !m.Gated {
			m.Score = uint64(m.Unique)
		}
	}
	Assign(d.Miners)
	return d, nil
}

// Shared returns, per digest set (nil: not taking part), the digests it
// shares with any other set.
func Shared(digests []map[[32]byte]bool) []map[[32]byte]bool {
	owners := map[[32]byte]int{}
	for _, set := range digests {
		for h := range set {
			owners[h]++
		}
	}
	out := make([]map[[32]byte]bool, len(digests))
	for i, set := range digests {
		for h := range set {
			if owners[h] > 1 {
				if out[i] == nil {
					out[i] = map[[32]byte]bool{}
				}
				out[i][h] = true
			}
		}
	}
	return out
}

// judgeCopies settles completions shared between verified files: each
// side's shared records (up to CopiedCheck, in file order) are verified
// with the model. A side whose copies fail is a copier, a hard failure
// with the verifier's reason; a side whose copies pass keeps its score, so
// republishing an honest miner's completions costs only the copier (under
// version 1 both sides were zeroed).
func judgeCopies(ctx context.Context, v *proofs.Verifier, in Input, digests []map[[32]byte]bool, ms []MinerResult) {
	p := v.Params
	for i, shared := range Shared(digests) {
		if len(shared) == 0 || ctx.Err() != nil {
			continue
		}
		m := &ms[i]
		data, _ := in.Files.File(m.UID) // verified above, so kept
		recs, err := ReadFile(data, v.Window, m.Address, p)
		if err != nil {
			m.Failure, m.Detail = proofs.Reason(err), "re-reading for the copy check: "+err.Error()
			continue
		}
		var items []proofs.Item
		for k, r := range recs {
			if shared[completionDigest(r)] && len(items) < CopiedCheck {
				g := k / p.GroupSize * p.GroupSize
				items = append(items, proofs.Item{Rec: r, Group: recs[g : g+p.GroupSize]})
			}
		}
		for _, out := range v.VerifyAll(ctx, items) {
			if out.Err != nil && ctx.Err() == nil {
				m.Copycat = true
				m.Failure, m.Detail = proofs.Reason(out.Err), "a completion it shares with another miner does not verify as its own: "+out.Err.Error()
			}
		}
	}
}

// completionDigest is SHA-256 of a record's completion tokens (uint32
// big-endian), what copies are matched on.
func completionDigest(r *proofs.Record) [32]byte {
	b := make([]byte, 0, 4*len(r.Completion))
	for _, t := range r.Completion {
		b = append(b, byte(t>>24), byte(t>>16), byte(t>>8), byte(t))
	}
	return sha256.Sum256(b)
}

// checkMiner verifies one miner's file and returns its completion digests
// (nil when the file is unusable).
func checkMiner(ctx context.Context, v *proofs.Verifier, mr Miner, data []byte, res *MinerResult) map[[32]byte]bool {
	p := v.Params
	recs, err := readCommitted(data, v.Window, mr, p)
	if err != nil {
		res.Failure, res.Detail = proofs.Reason(err), err.Error()
		return nil
	}
	res.Records = len(recs)
	if len(recs) == 0 || len(recs)%p.GroupSize != 0 {
		res.Failure, res.Detail = "schema", fmt.Sprintf("%d records are not whole groups of %d", len(recs), p.GroupSize)
		return nil
	}
	res.Groups = len(recs) / p.GroupSize
	for i, r := range recs {
		if r.Problem != uint64(i/p.GroupSize) || int(r.Rollout) != i%p.GroupSize {
			res.Failure, res.Detail = "schema", fmt.Sprintf("record %d is problem %d rollout %d: problems must be 0..n-1 in order, rollouts 0..G-1", i, r.Problem, r.Rollout)
			return nil
		}
	}
	// Every record passes the checks that need no model before anything
	// counts (a file padded with unchecked records scores nothing).
	if err := v.CheckFile(ctx, mr.Address, recs); err != nil {
		if ctx.Err() != nil {
			return nil // Decide returns the cancellation
		}
		res.Failure, res.Detail = proofs.Reason(err), err.Error()
		return nil
	}
	digests := map[[32]byte]bool{}
	for _, r := range recs {
		digests[completionDigest(r)] = true
	}
	res.Unique = len(digests)
	// The opened sample in opening order, verified in batched passes; the
	// first failure in that order is the miner's, as if verified one by one.
	var items []proofs.Item
	for _, o := range proofs.Opening(v.OpeningSeed, mr.Address, res.Groups, p) {
		group := recs[int(o.Problem)*p.GroupSize : int(o.Problem+1)*p.GroupSize]
		for _, ri := range o.Rollouts {
			items = append(items, proofs.Item{Rec: group[ri], Group: group})
		}
	}
	for _, out := range v.VerifyAll(ctx, items) {
		if ctx.Err() != nil {
			return digests
		}
		res.Opened++
		if out.Err != nil {
			res.Failure, res.Detail = proofs.Reason(out.Err), out.Err.Error()
			return digests
		}
		res.Verified++
		res.MaxZ = max(res.MaxZ, out.Result.Z)
	}
	return digests
}

// readCommitted is ReadFile of the file the miner committed: a header
// digest other than the commitment is a hard failure, found before any
// record is inflated (ReadFile then checks the records against it).
func readCommitted(data []byte, w uint64, mr Miner, p proofs.Params) ([]*proofs.Record, error) {
	rd, err := OpenFile(data, w, mr.Address)
	if err != nil {
		return nil, err
	}
	if d := rd.Header.Digest; d != mr.Commitment {
		return nil, fmt.Errorf("%w: the file's digest is %x, the miner committed %x", proofs.ErrCommitment, d[:8], mr.Commitment[:8])
	}
	return ReadFile(data, w, mr.Address, p)
}

// ReadFile decodes a miner's window file, its signed header checked before
// any record is inflated (a file for another window or miner costs a
// signature recovery, not its decompression), with the uncompressed bytes
// bounded by what the header's record count can hold under the window's
// parameters.
func ReadFile(data []byte, w uint64, miner common.Address, p proofs.Params) ([]*proofs.Record, error) {
	rd, err := OpenFile(data, w, miner)
	if err != nil {
		return nil, err
	}
	h := rd.Header
	rd.LimitUncompressed(int64(h.Count) * (4 + int64(proofs.MaxRecordBytes(p))))
	var recs []*proofs.Record
	for {
		rec, err := rd.Next()
		if errors.Is(err, proofs.ErrDone) {
			return recs, nil
		}
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
}

// OpenFile checks a window file's signed header — magic, version,
// signature, the window and the miner — and returns the reader positioned
// at its first record.
func OpenFile(data []byte, w uint64, miner common.Address) (*proofs.Reader, error) {
	rd, err := proofs.NewReader(bytes.NewReader(data), proofs.DefaultFileLimits)
	if err != nil {
		return nil, err
	}
	if h := rd.Header; h.Window != w || h.Miner != miner {
		return nil, fmt.Errorf("%w: file is for window %d miner %s", proofs.ErrFile, h.Window, h.Miner)
	}
	return rd, nil
}

// Assign sets weights = floor(65535 · s⁴ / Σ s⁴) over the MaxPosted
// highest scores in exact integer arithmetic and gives the remainder to the
// highest score (lowest uid on ties), so the posted weights sum to 65535
// whenever any score is positive.
func Assign(ms []MinerResult) {
	// Scores outside the MaxPosted highest are not weighted.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ms[order[a]].Score > ms[order[b]].Score })
	weighted := make([]bool, len(ms))
	for _, i := range order[:min(len(order), MaxPosted)] {
		weighted[i] = true
	}
	total := new(big.Int)
	pow := make([]*big.Int, len(ms))
	for i, m := range ms {
		if !weighted[i] {
			pow[i] = new(big.Int)
			continue
		}
		s := new(big.Int).SetUint64(m.Score)
		pow[i] = new(big.Int).Mul(s, s)
		pow[i].Mul(pow[i], pow[i])
		total.Add(total, pow[i])
	}
	if total.Sign() == 0 {
		return
	}
	var sum uint64
	for i := range ms {
		w := new(big.Int).Mul(pow[i], big.NewInt(WeightScale))
		w.Quo(w, total)
		ms[i].Weight = uint16(w.Uint64())
		sum += w.Uint64()
	}
	ms[order[0]].Weight += uint16(WeightScale - sum)
}
