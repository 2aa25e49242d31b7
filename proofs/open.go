package proofs

import (
	"sort"

	"github.com/ethereum/go-ethereum/common"

	"github.com/assaynet/assay/challenge"
)

// Open names one opened group and the rollouts of it that are checked.
type Open struct {
	Problem  uint64
	Rollouts []int
}

// partialShuffle draws m distinct values of [0, n) with a partial
// Fisher–Yates from the front: for i < m, swap(i, i + Below(n − i)).
func partialShuffle(s *challenge.Stream, n, m int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	m = min(m, n)
	for i := 0; i < m; i++ {
		j := i + int(s.Below(uint64(n-i)))
		idx[i], idx[j] = idx[j], idx[i]
	}
	out := append([]int(nil), idx[:m]...)
	sort.Ints(out)
	return out
}

// Opening chooses which groups of a miner's window are opened and which
// rollouts of each: from Stream(PRF32("sample", O_w, miner)), first
// m = min(MaxOpenGroups, ceil(SampleNum·groups/SampleDen)) (at least 1 when
// groups > 0) distinct group indices, then for each chosen group in
// ascending order RolloutsPerGroup distinct rollout indices of [0, G).
func Opening(openingSeed [32]byte, miner common.Address, groups int, p Params) []Open {
	if groups <= 0 {
		return nil
	}
	s := challenge.NewStream(challenge.PRF32("sample", openingSeed[:], miner[:]))
	m := (p.SampleNum*groups + p.SampleDen - 1) / p.SampleDen
	m = max(1, min(m, p.MaxOpenGroups))
	var out []Open
	for _, g := range partialShuffle(s, groups, m) {
		out = append(out, Open{Problem: uint64(g), Rollouts: partialShuffle(s, p.GroupSize, p.RolloutsPerGroup)})
	}
	return out
}

// OpenPositions chooses the completion positions whose sketches are checked:
// K distinct positions of [0, n) from Stream(PRF32("open", O_w, H(record))),
// sorted; all positions when n <= K.
func OpenPositions(openingSeed, recordHash [32]byte, n, k int) []int {
	if n <= k {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	s := challenge.NewStream(challenge.PRF32("open", openingSeed[:], recordHash[:]))
	return partialShuffle(s, n, k)
}
