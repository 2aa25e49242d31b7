//go:build amd64 && !purego && !noavx512

package model

// avx512Allowed lets the AVX-512 kernels run where the CPU has them; the
// noavx512 build tag turns them off, so that an AVX-512 machine measures
// and tests the AVX2 path an AVX2-only machine takes.
const avx512Allowed = true
