package score

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/chain"
	"github.com/assaynet/assay/challenge"
	"github.com/assaynet/assay/internal/atomicfile"
)

// ErrMissing is the reason of a miner without a window file: not a hard
// failure (it is no evidence of cheating).
var ErrMissing = errors.New("missing")

// Missing is ErrMissing's name as decisions record it.
var Missing = ErrMissing.Error()

// MinersAt lists the miners window w is judged with: the non-validator
// neurons of the registry as of its deadline block (protocol §8.3), so a
// later registration or change of role does not rewrite a decided window,
// each with its commitment for w. Call it once the deadline block exists:
// the contract takes no commitment for w from then on.
func MinersAt(ctx context.Context, c *chain.Client, seeds challenge.Params, w uint64) ([]Miner, error) {
	ns, err := c.NeuronsAt(ctx, seeds.DeadlineBlock(w))
	if err != nil {
		return nil, err
	}
	commits, err := c.Commitments(ctx, w)
	if err != nil {
		return nil, err
	}
	var out []Miner
	for _, n := range ns {
		if !n.Validator {
			out = append(out, Miner{UID: n.UID, Address: n.Account, Endpoint: n.Endpoint, Commitment: commits[n.Account]})
		}
	}
	return out, nil
}

// Gated returns the miners with a hard failure in the decisions of the
// lookback windows (nil entries: windows without a decision, or without
// challenges).
func Gated(lookback []*Decision) map[common.Address]bool {
	gated := map[common.Address]bool{}
	for _, d := range lookback {
		if d == nil {
			continue
		}
		for _, m := range d.Miners {
			if m.HardFailure() {
				gated[m.Address] = true
			}
		}
	}
	return gated
}

// FilesDir is where the files judged for window w are kept under root (a
// validator's files folder, or a copy published for auditors).
func FilesDir(root string, w uint64) string {
	return filepath.Join(root, fmt.Sprintf("window-%d", w))
}

// FilePath is where a miner's file judged for window w is kept under root.
func FilePath(root string, w uint64, uid uint32) string {
	return filepath.Join(FilesDir(root, w), keptName(uid))
}

func keptName(uid uint32) string { return fmt.Sprintf("%d.assay", uid) }

// DecisionFile is where window w's decision is kept in a folder of
// decisions (a validator's DATADIR/decisions, an auditor's replays).
func DecisionFile(dir string, w uint64) string {
	return filepath.Join(dir, fmt.Sprintf("window-%d.json", w))
}

// ReadDecision reads a decision stored as JSON (os.ErrNotExist when
// absent).
func ReadDecision(path string) (*Decision, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d Decision
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("score: decision %s: %w", path, err)
	}
	return &d, nil
}

// WriteDecision keeps d in the folder of decisions dir, crash-safely.
func WriteDecision(dir string, d *Decision) error {
	js, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteBytes(DecisionFile(dir, d.Window), 0o644, js)
}

// DecidedWindows lists the windows with a decision in dir, ascending (none
// when dir does not exist).
func DecidedWindows(dir string) ([]uint64, error) {
	return windowsIn(dir, func(e fs.DirEntry) (string, bool) {
		n, ok := strings.CutPrefix(e.Name(), "window-")
		n, ok2 := strings.CutSuffix(n, ".json")
		return n, ok && ok2 && !e.IsDir()
	})
}

// FetchedWindows lists the windows that have a files folder under root
// (FilesDir), ascending: those whose fetching began.
func FetchedWindows(root string) ([]uint64, error) {
	return windowsIn(root, func(e fs.DirEntry) (string, bool) {
		n, ok := strings.CutPrefix(e.Name(), "window-")
		return n, ok && e.IsDir()
	})
}

// windowsIn lists the window numbers that name picks out of dir's
// entries, ascending; none when dir does not exist.
func windowsIn(dir string, name func(fs.DirEntry) (string, bool)) ([]uint64, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ws []uint64
	for _, e := range entries {
		if n, ok := name(e); ok {
			if w, err := strconv.ParseUint(n, 10, 64); err == nil {
				ws = append(ws, w)
			}
		}
	}
	slices.Sort(ws)
	return ws, nil
}

// PostsAt are the consensus inputs of window w (protocol §8.4): every
// weight vector posted for w by a validator with bonded stake as of w's
// deadline block, with that stake. Posts of validators unstaked then are
// left out.
func PostsAt(ctx context.Context, c *chain.Client, seeds challenge.Params, w uint64) ([]Post, error) {
	posts, err := c.Posts(ctx, w)
	if err != nil {
		return nil, err
	}
	stakes, err := c.StakesAt(ctx, seeds.DeadlineBlock(w))
	if err != nil {
		return nil, err
	}
	var out []Post
	for _, p := range posts {
		s := stakes[p.Validator]
		if s == nil || s.Sign() <= 0 {
			continue
		}
		ws := make(map[uint32]uint16, len(p.UIDs))
		for i, u := range p.UIDs {
			ws[u] = p.Weights[i]
		}
		out = append(out, Post{Validator: p.Validator, Stake: s, Weights: ws})
	}
	return out, nil
}
