//go:build cuda

package cuda

/*
#include <cuda.h>

// The driver's graph entry points (cuda.h since 10.x/11.4; gorgonia.org/cu
// v0.9.6 wraps none of them). Thread-local capture: only this thread's
// unsafe calls invalidate it, and a backend's passes run on one locked
// thread under its mutex.
static CUresult assay_capture_begin(CUstream s) { return cuStreamBeginCapture(s, CU_STREAM_CAPTURE_MODE_THREAD_LOCAL); }
static CUresult assay_capture_end(CUstream s, CUgraph* g) { return cuStreamEndCapture(s, g); }
static CUresult assay_graph_instantiate(CUgraphExec* e, CUgraph g) { return cuGraphInstantiateWithFlags(e, g, 0); }
static CUresult assay_graph_launch(CUgraphExec e, CUstream s) { return cuGraphLaunch(e, s); }
static CUresult assay_graph_destroy(CUgraph g) { return cuGraphDestroy(g); }
static CUresult assay_graph_exec_destroy(CUgraphExec e) { return cuGraphExecDestroy(e); }
*/
import "C"

import (
	"fmt"
	"hash/maphash"
	"unsafe"

	"gorgonia.org/cu"
)

// A pass's layers are some 300 launches at 28 layers, each a few
// microseconds of host work and of device idle between small kernels:
// at batch 1 that is a large share of a step. So the backend records
// what a pass would launch, and a sequence of launches it has seen before
// (the same kernels, grids and argument values: a decode step of the same
// batch within one attention length bucket, attnSpan) is captured once
// into a CUDA graph and then replayed with one cuGraphLaunch. The kernels
// are the same, so are the bits.

// op is one recorded device call of a pass: a kernel launch or a cuBLAS
// product (gemm 1; args out, w, x, m, n, k).
type op struct {
	// No implicit padding: the cache hashes ops as bytes.
	fn                 cu.Function
	args               [maxArgs]uint64
	grid               [3]int32
	block, smem, nargs int32
	gemm, pad          int32
}

// maxGraphs is how many captured graphs a backend keeps (least recently
// used dropped first): a decode loop needs one a batch size and bucket.
const maxGraphs = 32

type graphEntry struct {
	ops  []op
	seen int
	used uint64
	exec C.CUgraphExec
}

// graphs holds a backend's recorded pass and its captured graphs.
type graphs struct {
	seed     maphash.Seed
	rec      []op
	on       bool // recording into rec
	entries  map[uint64]*graphEntry
	tick     uint64
	freeLate []cu.DevicePtr // scratch outgrown while recording, freed after the pass ran
	stats    GraphStats
}

// GraphStats counts what the graph cache did since the backend opened.
type GraphStats struct {
	Passes   int   // passes run through the recorder
	Replays  int   // passes run as one graph launch
	Captures int   // graphs captured
	Disabled error // why graphs were turned off (a failed capture), nil while on
}

// GraphStats reports the graph cache's counters.
func (b *Backend) GraphStats() GraphStats {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.graph == nil {
		return GraphStats{}
	}
	return b.graph.stats
}

func newGraphs() *graphs {
	return &graphs{seed: maphash.MakeSeed(), entries: map[uint64]*graphEntry{}}
}

func (b *Backend) stream() C.CUstream { return C.CUstream(unsafe.Pointer(b.strm.C())) }

// record appends a launch to the pass being recorded; false when nothing
// records.
func (b *Backend) record(fn cu.Function, grid [3]int, block, smem int, vals []uint64) bool {
	if b.graph == nil || !b.graph.on {
		return false
	}
	o := op{fn: fn, grid: [3]int32{int32(grid[0]), int32(grid[1]), int32(grid[2])}, block: int32(block), smem: int32(smem), nargs: int32(len(vals))}
	copy(o.args[:], vals)
	b.graph.rec = append(b.graph.rec, o)
	return true
}

// gemm is cuBLAS's product on the backend's stream, recorded while a pass
// records.
func (b *Backend) gemm(out, w, x cu.DevicePtr, m, n, k int, half bool) error {
	if b.graph != nil && b.graph.on {
		h := uint64(0)
		if half {
			h = 1
		}
		b.graph.rec = append(b.graph.rec, op{gemm: 1, nargs: 7, args: [maxArgs]uint64{uint64(out), uint64(w), uint64(x), uint64(m), uint64(n), uint64(k), h}})
		return nil
	}
	return b.blas.gemmWT(out, w, x, m, n, k, half)
}

// recordPass runs queue with launches recorded, then runs the recording:
// as a graph where it has run before, else launch by launch.
func (b *Backend) recordPass(queue func() error) error {
	g := b.graph
	g.rec, g.on = g.rec[:0], true
	err := queue()
	g.on = false
	if err == nil {
		err = b.runRecorded(g.rec)
	}
	if len(g.freeLate) > 0 {
		// Launches queued above may still read them.
		if serr := b.strm.Synchronize(); serr != nil && err == nil {
			err = fmt.Errorf("%w: %v", ErrDevice, serr)
		}
		for _, p := range g.freeLate {
			cu.MemFree(p)
		}
		g.freeLate = g.freeLate[:0]
	}
	return err
}

func (b *Backend) runRecorded(ops []op) error {
	g := b.graph
	g.stats.Passes++
	g.tick++
	key := hashOps(g.seed, ops)
	e := g.entries[key]
	if e == nil || !sameOps(e.ops, ops) {
		if e != nil {
			e.destroy()
		}
		g.entries[key] = &graphEntry{ops: append([]op(nil), ops...), seen: 1, used: g.tick}
		g.evict()
		return b.launchOps(ops)
	}
	e.seen++
	e.used = g.tick
	if e.exec == nil {
		// The second sighting: capture (the first ran directly, which also
		// let cuBLAS set up whatever it sets up lazily outside a capture).
		exec, err := b.capture(ops)
		if err != nil {
			g.stats.Disabled = err
			b.graph = nil
			return b.launchOps(ops)
		}
		e.exec = exec
		g.stats.Captures++
	}
	if st := C.assay_graph_launch(e.exec, b.stream()); st != C.CUDA_SUCCESS {
		return fmt.Errorf("%w: cuGraphLaunch: error %d", ErrDevice, int(st))
	}
	g.stats.Replays++
	return nil
}

// capture records ops into a graph on the backend's stream and
// instantiates it; nothing runs. On an error the stream is out of capture
// again and the caller runs the ops directly.
func (b *Backend) capture(ops []op) (C.CUgraphExec, error) {
	if st := C.assay_capture_begin(b.stream()); st != C.CUDA_SUCCESS {
		return nil, fmt.Errorf("cuda graphs: cuStreamBeginCapture: error %d", int(st))
	}
	lerr := b.launchOps(ops)
	var graph C.CUgraph
	st := C.assay_capture_end(b.stream(), &graph)
	if lerr != nil || st != C.CUDA_SUCCESS {
		if graph != nil {
			C.assay_graph_destroy(graph)
		}
		return nil, fmt.Errorf("cuda graphs: capture of %d launches failed (end capture: error %d): %v", len(ops), int(st), lerr)
	}
	defer C.assay_graph_destroy(graph)
	var exec C.CUgraphExec
	if st := C.assay_graph_instantiate(&exec, graph); st != C.CUDA_SUCCESS {
		return nil, fmt.Errorf("cuda graphs: cuGraphInstantiateWithFlags: error %d", int(st))
	}
	return exec, nil
}

// launchOps launches recorded ops on the backend's stream.
func (b *Backend) launchOps(ops []op) error {
	for i := range ops {
		o := &ops[i]
		if o.gemm != 0 {
			a := o.args
			if err := b.blas.gemmWT(cu.DevicePtr(a[0]), cu.DevicePtr(a[1]), cu.DevicePtr(a[2]), int(a[3]), int(a[4]), int(a[5]), a[6] != 0); err != nil {
				return err
			}
			continue
		}
		grid := [3]int{int(o.grid[0]), int(o.grid[1]), int(o.grid[2])}
		if err := b.launchRaw(o.fn, grid, int(o.block), int(o.smem), o.args[:o.nargs]); err != nil {
			return err
		}
	}
	return nil
}

func (e *graphEntry) destroy() {
	if e.exec != nil {
		C.assay_graph_exec_destroy(e.exec)
		e.exec = nil
	}
}

func (g *graphs) evict() {
	for len(g.entries) > maxGraphs {
		var oldest uint64
		var victim *graphEntry
		for k, e := range g.entries {
			if victim == nil || e.used < victim.used {
				oldest, victim = k, e
			}
		}
		victim.destroy()
		delete(g.entries, oldest)
	}
}

func (g *graphs) close() {
	for k, e := range g.entries {
		e.destroy()
		delete(g.entries, k)
	}
}

func hashOps(seed maphash.Seed, ops []op) uint64 {
	if len(ops) == 0 {
		return 0
	}
	return maphash.Bytes(seed, unsafe.Slice((*byte)(unsafe.Pointer(&ops[0])), len(ops)*int(unsafe.Sizeof(op{}))))
}

func sameOps(a, b []op) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
