//go:build cuda

package cuda

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <stdlib.h>

// Minimal declarations of the cuBLAS entry points used (cublas_api.h,
// stable since CUDA 11): the library is opened at run time, so one binary
// works with whichever libcublas the machine has and builds need no cuBLAS
// headers.
typedef int (*assay_create_t)(void**);
typedef int (*assay_destroy_t)(void*);
typedef int (*assay_setstream_t)(void*, void*);
typedef int (*assay_gemmex_t)(void*, int, int, int, int, int, const void*, const void*, int, int,
                              const void*, int, int, const void*, void*, int, int, int, int);

typedef struct {
	void* lib;
	assay_create_t create;
	assay_destroy_t destroy;
	assay_setstream_t setStream;
	assay_gemmex_t gemmEx;
} assay_cublas;

static const char* assay_cublas_open(assay_cublas* c, const char* name) {
	c->lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!c->lib) return dlerror();
	c->create = (assay_create_t)dlsym(c->lib, "cublasCreate_v2");
	c->destroy = (assay_destroy_t)dlsym(c->lib, "cublasDestroy_v2");
	c->setStream = (assay_setstream_t)dlsym(c->lib, "cublasSetStream_v2");
	c->gemmEx = (assay_gemmex_t)dlsym(c->lib, "cublasGemmEx");
	if (!c->create || !c->destroy || !c->setStream || !c->gemmEx) return "cublasCreate_v2, cublasDestroy_v2, cublasSetStream_v2 or cublasGemmEx missing";
	return 0;
}

static int assay_cublas_create(assay_cublas* c, void** h) { return c->create(h); }
static int assay_cublas_destroy(assay_cublas* c, void* h) { return c->destroy(h); }
static int assay_cublas_set_stream(assay_cublas* c, void* h, void* s) { return c->setStream(h, s); }

// C(m×n, f32, column-major) = op(A)·B with A, B bf16 and f32 accumulation
// (CUBLAS_COMPUTE_32F = 68, CUDA_R_16BF = 14, CUDA_R_32F = 0,
// CUBLAS_GEMM_DEFAULT = -1, CUBLAS_OP_N = 0, CUBLAS_OP_T = 1).
// dtype 14 (CUDA_R_16BF) or 2 (CUDA_R_16F, the fp16 mode) for both inputs.
static int assay_gemm_16(assay_cublas* c, void* h, int transa, int m, int n, int k,
                         unsigned long long a, int lda, unsigned long long b, int ldb,
                         unsigned long long out, int ldc, int dtype) {
	float alpha = 1.0f, beta = 0.0f;
	return c->gemmEx(h, transa, 0, m, n, k, &alpha, (const void*)a, dtype, lda, (const void*)b, dtype, ldb,
	                 &beta, (void*)out, 0, ldc, 68, -1);
}
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"gorgonia.org/cu"
)

// ErrNoCUBLAS means tensor-core products were asked for and no cuBLAS
// library could be opened.
var ErrNoCUBLAS = errors.New("cuda: cuBLAS not found (libcublas.so.13 or .12)")

// cublasLib is a run-time-loaded cuBLAS with one handle bound to the
// backend's context.
type cublasLib struct {
	c *C.assay_cublas
	h unsafe.Pointer
}

// openCUBLAS opens cuBLAS with its products queued on stream s.
func openCUBLAS(s cu.Stream) (*cublasLib, error) {
	c := (*C.assay_cublas)(C.calloc(1, C.size_t(unsafe.Sizeof(C.assay_cublas{}))))
	var errs []string
	for _, name := range []string{"libcublas.so.13", "libcublas.so.12", "libcublas.so"} {
		cs := C.CString(name)
		msg := C.assay_cublas_open(c, cs)
		C.free(unsafe.Pointer(cs))
		if msg == nil {
			l := &cublasLib{c: c}
			if st := C.assay_cublas_create(c, &l.h); st != 0 {
				C.free(unsafe.Pointer(c))
				return nil, fmt.Errorf("%w: cublasCreate: status %d", ErrDevice, int(st))
			}
			if st := C.assay_cublas_set_stream(c, l.h, unsafe.Pointer(s.C())); st != 0 {
				l.close()
				return nil, fmt.Errorf("%w: cublasSetStream: status %d", ErrDevice, int(st))
			}
			return l, nil
		}
		errs = append(errs, C.GoString(msg))
	}
	C.free(unsafe.Pointer(c))
	return nil, fmt.Errorf("%w: %v", ErrNoCUBLAS, errs)
}

func (l *cublasLib) close() {
	if l == nil || l.c == nil {
		return
	}
	C.assay_cublas_destroy(l.c, l.h)
	C.free(unsafe.Pointer(l.c))
	l.c = nil
}

// gemmWT computes out[n][m] = Σ_k x[n][k]·w[m][k] for bf16 (half: fp16) w
// ([m][k]) and x ([n][k]), f32 out, row-major — column-major out(m×n) = wᵀ·x.
func (l *cublasLib) gemmWT(out, w, x cu.DevicePtr, m, n, k int, half bool) error {
	dtype := C.int(14)
	if half {
		dtype = 2
	}
	st := C.assay_gemm_16(l.c, l.h, 1, C.int(m), C.int(n), C.int(k),
		C.ulonglong(w), C.int(k), C.ulonglong(x), C.int(k), C.ulonglong(out), C.int(m), dtype)
	if st != 0 {
		return fmt.Errorf("%w: cublasGemmEx %dx%dx%d: status %d", ErrDevice, m, n, k, int(st))
	}
	return nil
}
