//go:build amd64 && !purego

#include "textflag.h"

// func axpyAVX2(o, v *float32, p float32, n int)
//
// o[i] += p·v[i] for i < n (n a multiple of 8), the product rounded, then
// added (VMULPS, VADDPS: never fused), eight lanes at a time; each element
// is independent, so the bits are the scalar loop's.
TEXT ·axpyAVX2(SB), NOSPLIT, $0-32
	MOVQ o+0(FP), DI
	MOVQ v+8(FP), SI
	VBROADCASTSS p+16(FP), Y1
	MOVQ n+24(FP), CX
	SHRQ $3, CX
	JZ done
loop:
	VMULPS (SI), Y1, Y0
	VADDPS (DI), Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNZ loop
done:
	VZEROUPPER
	RET
