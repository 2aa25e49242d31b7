//go:build cuda

package cuda

/*
#include <cuda.h>

static int assay_set_max_dynamic_smem(CUfunction f, int bytes) {
	return (int)cuFuncSetAttribute(f, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, bytes);
}
*/
import "C"

import (
	"fmt"
	"unsafe"

	"gorgonia.org/cu"
)

// optInSharedMemory lets fn use as much dynamic shared memory as the device
// gives a block (227 KiB on Hopper, against the 48 KiB every launch gets
// without asking) and returns that amount, less fn's static shared memory.
// The attention kernels keep a score per position there, so this is the
// longest context they take. gorgonia.org/cu has no setter for function
// attributes; cu.Function holds only the driver's CUfunction, which is
// read through unsafe.
func optInSharedMemory(dev cu.Device, fn cu.Function) (int, error) {
	optin, err := dev.Attribute(cu.DeviceAttribute(C.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN))
	if err != nil {
		return 0, fmt.Errorf("opt-in shared memory per block: %v", err)
	}
	static, err := fn.Attribute(cu.SharedSizeBytes)
	if err != nil {
		return 0, fmt.Errorf("static shared memory: %v", err)
	}
	dyn := optin - static
	if !functionLayoutOK() {
		return 0, fmt.Errorf("gorgonia.org/cu's Function is not a CUfunction (%d bytes)", unsafe.Sizeof(fn))
	}
	if rc := C.assay_set_max_dynamic_smem(cFunction(fn), C.int(dyn)); rc != 0 {
		return 0, fmt.Errorf("cuFuncSetAttribute(max dynamic shared memory %d): CUresult %d", dyn, int(rc))
	}
	return dyn, nil
}
