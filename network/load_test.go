package network

import (
	"sync"
	"testing"

	"github.com/assaynet/assay/model"
)

type updates struct {
	mu   sync.Mutex
	seen [][2]int64
}

func (u *updates) Update(done, total int64) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.seen = append(u.seen, [2]int64{done, total})
}

// TestLoadModelProgress: loading reports the weights read by the backend
// and then by the model id, never backwards, ending at the total.
func TestLoadModelProgress(t *testing.T) {
	dir := t.TempDir()
	if err := model.Init(model.InitConfig{Preset: "tiny", Seed: 1, Out: dir}); err != nil {
		t.Fatal(err)
	}
	var u updates
	if _, err := LoadModelProgress(dir, CPU(1), &u); err != nil {
		t.Fatal(err)
	}
	if len(u.seen) < 3 {
		t.Fatalf("%d updates: %v", len(u.seen), u.seen)
	}
	total := u.seen[0][1]
	if total <= 0 || u.seen[0][0] != 0 {
		t.Fatalf("first update %v", u.seen[0])
	}
	for i := 1; i < len(u.seen); i++ {
		if u.seen[i][0] < u.seen[i-1][0] || u.seen[i][1] != total {
			t.Fatalf("update %d: %v after %v", i, u.seen[i], u.seen[i-1])
		}
	}
	if last := u.seen[len(u.seen)-1]; last[0] != total {
		t.Fatalf("last update %v, want %d done", last, total)
	}
}
