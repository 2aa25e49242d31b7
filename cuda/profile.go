//go:build cuda

package cuda

import (
	"fmt"
	"sort"

	"gorgonia.org/cu"
)

// KernelTime is the device time spent in one stage of the forward pass
// (Config.Profile), summed over calls since the last KernelTimes.
type KernelTime struct {
	Stage   string // "attention", "gateUp gemm", "head combine", …
	Calls   int
	Seconds float64
	Max     float64 // the longest call
}

// profiler times every launch with a pair of CUDA events. The events of a
// pass are read once the pass has finished, so timing adds two event
// records per launch and no synchronization inside a pass: the device
// times are those of the unprofiled pass, give or take the records.
type profiler struct {
	pool   []cu.Event
	used   int
	spans  []span
	totals map[string]*KernelTime
	stream cu.Stream // the backend's
}

type span struct {
	stage      string
	start, end int // indices into pool
}

func newProfiler(s cu.Stream) *profiler {
	return &profiler{totals: map[string]*KernelTime{}, stream: s}
}

func (p *profiler) event() (int, error) {
	if p.used == len(p.pool) {
		ev, err := cu.MakeEvent(cu.DefaultEvent)
		if err != nil {
			return 0, fmt.Errorf("%w: profiling event: %v", ErrDevice, err)
		}
		p.pool = append(p.pool, ev)
	}
	p.used++
	return p.used - 1, nil
}

// begin records the start of a stage's launch; the returned function
// records its end. Failures to record drop the span, never the launch.
func (p *profiler) begin(stage string) func() {
	i, err := p.event()
	if err != nil || p.pool[i].Record(p.stream) != nil {
		return func() {}
	}
	return func() {
		j, err := p.event()
		if err != nil || p.pool[j].Record(p.stream) != nil {
			return
		}
		p.spans = append(p.spans, span{stage, i, j})
	}
}

// collect waits for the pass's last event and adds its spans to the totals.
func (p *profiler) collect() {
	defer func() { p.used, p.spans = 0, p.spans[:0] }()
	if len(p.spans) == 0 {
		return
	}
	if p.pool[p.spans[len(p.spans)-1].end].Synchronize() != nil {
		return
	}
	for _, s := range p.spans {
		ms, err := p.pool[s.start].Elapsed(p.pool[s.end])
		if err != nil {
			continue
		}
		t := p.totals[s.stage]
		if t == nil {
			t = &KernelTime{Stage: s.stage}
			p.totals[s.stage] = t
		}
		t.Calls++
		t.Seconds += ms / 1e3
		t.Max = max(t.Max, ms/1e3)
	}
}

func (p *profiler) close() {
	for i := range p.pool {
		cu.DestroyEvent(&p.pool[i])
	}
	p.pool = nil
}

// KernelTimes returns the device time per stage since the previous call,
// longest first, and starts counting afresh; nil unless Config.Profile.
func (b *Backend) KernelTimes() []KernelTime {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.prof == nil {
		return nil
	}
	out := make([]KernelTime, 0, len(b.prof.totals))
	for _, t := range b.prof.totals {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seconds > out[j].Seconds })
	b.prof.totals = map[string]*KernelTime{}
	return out
}
