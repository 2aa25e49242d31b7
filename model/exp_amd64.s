//go:build amd64 && !purego

#include "textflag.h"

// Constants of Go's math.Exp on amd64 (src/math/exp_amd64.s, its FMA path),
// a lane each, and the range outside which a lane goes back to math.Exp.
DATA expc<>+0(SB)/8, $1.4426950408889634073599246810018920   // log2(e)
DATA expc<>+8(SB)/8, $0.69314718055966295651160180568695068359375 // ln2, upper half
DATA expc<>+16(SB)/8, $0.28235290563031577122588448175013436025525412068e-12 // ln2, lower half
DATA expc<>+24(SB)/8, $0.0625
DATA expc<>+32(SB)/8, $2.4801587301587301587e-5
DATA expc<>+40(SB)/8, $1.9841269841269841270e-4
DATA expc<>+48(SB)/8, $1.3888888888888888889e-3
DATA expc<>+56(SB)/8, $8.3333333333333333333e-3
DATA expc<>+64(SB)/8, $4.1666666666666666667e-2
DATA expc<>+72(SB)/8, $1.6666666666666666667e-1
DATA expc<>+80(SB)/8, $0.5
DATA expc<>+88(SB)/8, $1.0
DATA expc<>+96(SB)/8, $2.0
DATA expc<>+104(SB)/8, $-700.0
DATA expc<>+112(SB)/8, $700.0
DATA expc<>+120(SB)/4, $1023
GLOBL expc<>+0(SB), RODATA, $124

// func expShiftAVX512(dst *float64, src *float32, n int, shift, div float64) bool
//
// dst[i] = math.Exp((float64(src[i]) - shift) / div) for i < n (n a
// positive multiple of 8), eight lanes at a time with exactly the
// operations of math.Exp's FMA path (range reduction by k = round(x·log2 e)
// with a fused two-part ln 2, the degree-8 Taylor polynomial at x/16 by
// fused Horner steps, four squarings, the scale 2^k), so every lane has
// math.Exp's bits on a machine where math.Exp takes that path. It returns
// false, leaving dst unspecified, when some argument is NaN or outside
// [−700, 700], where math.Exp branches (underflow, subnormals, overflow).
TEXT ·expShiftAVX512(SB), NOSPLIT, $0-41
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	VBROADCASTSD shift+24(FP), Z20
	VBROADCASTSD div+32(FP), Z21
	VBROADCASTSD expc<>+0(SB), Z22
	VBROADCASTSD expc<>+8(SB), Z23
	VBROADCASTSD expc<>+16(SB), Z24
	VBROADCASTSD expc<>+24(SB), Z25
	VBROADCASTSD expc<>+32(SB), Z26
	VBROADCASTSD expc<>+40(SB), Z27
	VBROADCASTSD expc<>+48(SB), Z28
	VBROADCASTSD expc<>+56(SB), Z29
	VBROADCASTSD expc<>+64(SB), Z30
	VBROADCASTSD expc<>+72(SB), Z31
	VBROADCASTSD expc<>+80(SB), Z8
	VBROADCASTSD expc<>+88(SB), Z9
	VBROADCASTSD expc<>+96(SB), Z10
	VBROADCASTSD expc<>+104(SB), Z11
	VBROADCASTSD expc<>+112(SB), Z13
	VPBROADCASTD expc<>+120(SB), Y12

loop:
	VCVTPS2PD (SI), Z0
	VSUBPD Z20, Z0, Z0
	VDIVPD Z21, Z0, Z0
	VCMPPD $0x19, Z11, Z0, K1 // x < −700 or NaN
	VCMPPD $0x16, Z13, Z0, K2 // x > 700 or NaN
	KORB K1, K2, K1
	KORTESTB K1, K1
	JNE special
	VMULPD Z22, Z0, Z1
	VCVTPD2DQ Z1, Y2
	VCVTDQ2PD Y2, Z1
	VFNMADD231PD Z23, Z1, Z0
	VFNMADD231PD Z24, Z1, Z0
	VMULPD Z25, Z0, Z0
	VMOVAPD Z26, Z3
	VFMADD213PD Z27, Z0, Z3
	VFMADD213PD Z28, Z0, Z3
	VFMADD213PD Z29, Z0, Z3
	VFMADD213PD Z30, Z0, Z3
	VFMADD213PD Z31, Z0, Z3
	VFMADD213PD Z8, Z0, Z3
	VFMADD213PD Z9, Z0, Z3
	VMULPD Z3, Z0, Z0
	VADDPD Z10, Z0, Z3
	VMULPD Z3, Z0, Z0
	VADDPD Z10, Z0, Z3
	VMULPD Z3, Z0, Z0
	VADDPD Z10, Z0, Z3
	VMULPD Z3, Z0, Z0
	VADDPD Z10, Z0, Z3
	VFMADD213PD Z9, Z3, Z0
	VPADDD Y12, Y2, Y2
	VPMOVSXDQ Y2, Z4
	VPSLLQ $52, Z4, Z4
	VMULPD Z4, Z0, Z0
	VMOVUPD Z0, (DI)
	ADDQ $32, SI
	ADDQ $64, DI
	SUBQ $8, CX
	JNZ loop
	MOVB $1, ret+40(FP)
	VZEROUPPER
	RET

special:
	MOVB $0, ret+40(FP)
	VZEROUPPER
	RET
