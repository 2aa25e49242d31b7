//go:build cuda

package cuda

/*
#include <cuda.h>
#include <string.h>

// assay_launch is cuLaunchKernelEx (cuda.h since 11.8; gorgonia.org/cu
// v0.9.6 wraps only cuLaunchKernel, and copies the arguments through two
// mallocs a launch) with programmatic stream serialization when pdl is set.
static CUresult assay_launch(CUfunction f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned smem,
                             CUstream s, void** params, int pdl) {
	CUlaunchAttribute attr;
	memset(&attr, 0, sizeof attr);
	attr.id = CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION;
	attr.value.programmaticStreamSerializationAllowed = 1;
	CUlaunchConfig cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.gridDimX = gx; cfg.gridDimY = gy; cfg.gridDimZ = gz;
	cfg.blockDimX = bx; cfg.blockDimY = 1; cfg.blockDimZ = 1;
	cfg.sharedMemBytes = smem;
	cfg.hStream = s;
	cfg.attrs = pdl ? &attr : NULL;
	cfg.numAttrs = pdl ? 1 : 0;
	return cuLaunchKernelEx(&cfg, f, params, NULL);
}
*/
import "C"

import (
	"fmt"
	"strings"
	"unsafe"

	"gorgonia.org/cu"
)

// maxArgs is the most arguments a kernel takes.
const maxArgs = 16

// argArea holds one launch's kernel arguments in C memory: the driver
// reads them during the call, and cgo forbids handing it Go memory that
// holds Go pointers (the argument pointer array would be one).
type argArea struct {
	vals *[maxArgs]C.ulonglong
	ptrs *[maxArgs]unsafe.Pointer
}

func newArgArea() argArea {
	vals := (*[maxArgs]C.ulonglong)(C.calloc(maxArgs, C.size_t(unsafe.Sizeof(C.ulonglong(0)))))
	ptrs := (*[maxArgs]unsafe.Pointer)(C.calloc(maxArgs, C.size_t(unsafe.Sizeof(unsafe.Pointer(nil)))))
	for i := range ptrs {
		ptrs[i] = unsafe.Pointer(&vals[i])
	}
	return argArea{vals: vals, ptrs: ptrs}
}

func (a *argArea) free() {
	if a.vals != nil {
		C.free(unsafe.Pointer(a.vals))
		C.free(unsafe.Pointer(a.ptrs))
		a.vals, a.ptrs = nil, nil
	}
}

// cFunction is fn's driver handle. gorgonia.org/cu keeps it in an
// unexported field of a one-field struct; the size check in open guards
// the cast.
func cFunction(fn cu.Function) C.CUfunction { return *(*C.CUfunction)(unsafe.Pointer(&fn)) }

// functionLayoutOK reports whether cu.Function is the bare handle cFunction
// takes it for.
func functionLayoutOK() bool {
	return unsafe.Sizeof(cu.Function{}) == unsafe.Sizeof(C.CUfunction(nil))
}

// launchRaw launches fn with the argument values vals on the backend's
// stream, with programmatic stream serialization when b.pdl.
func (b *Backend) launchRaw(fn cu.Function, grid [3]int, block, smem int, vals []uint64) error {
	for i, v := range vals {
		b.args.vals[i] = C.ulonglong(v)
	}
	pdl := C.int(0)
	if b.pdl {
		pdl = 1
	}
	st := C.assay_launch(cFunction(fn), C.uint(grid[0]), C.uint(grid[1]), C.uint(grid[2]), C.uint(block), C.uint(smem),
		b.stream(), (*unsafe.Pointer)(unsafe.Pointer(b.args.ptrs)), pdl)
	if st != C.CUDA_SUCCESS {
		return fmt.Errorf("%w: launch: cuLaunchKernelEx: error %d", ErrDevice, int(st))
	}
	return nil
}

// ptxWaitsEverywhere reports whether every kernel of the PTX src waits for
// its predecessor (griddepcontrol.wait, kernels.cu's pdl_enter): only then
// may kernels be launched to overlap the one before. A PTX file from before
// pdl_enter (ASSAY_CUDA_PTX pointing at an old build) runs without it.
func ptxWaitsEverywhere(src string) bool {
	entries := strings.Split(src, ".entry ")
	if len(entries) < 2 {
		return false
	}
	for _, e := range entries[1:] {
		if !strings.Contains(e, "griddepcontrol.wait") {
			return false
		}
	}
	return true
}
