// Package proofs makes a rollout provable and a proof checkable: the signed
// rollout record and its canonical bytes, the window file that carries a
// miner's records for one window, the PRF choice of what a validator opens,
// the prover that generates a group's records, and the verifier that checks
// one record against a recomputation.
//
// # Record encoding (protocol version 1)
//
// All integers big-endian; floats as IEEE-754 bit patterns.
//
//	uint16 version | uint64 window | [20]byte miner | uint64 problem |
//	uint32 rollout | [32]byte model id |
//	uint32 P | P × uint32 prompt token |
//	uint32 C | C × uint32 completion token | C × float32 logprob | C × uint32 sketch |
//	float32 reward | float32 advantage | [65]byte signature
//
// The signature is secp256k1 recoverable ECDSA ([R || S || V], V in {0,1},
// low S) over SHA-256("assay/record/v1" || body), where body is everything
// before the signature. The record hash H(record) used for opening is
// SHA-256 of the whole encoding, signature included. Decoding is strict:
// trailing bytes, NaN or infinite floats, counts over the limits and
// non-canonical signatures are errors.
//
// # Window file
//
//	"ASSAYWF1" | uint32 H | header (H bytes) | [65]byte header signature |
//	DEFLATE( for each record: uint32 len | record bytes )
//
// header = uint16 version | uint64 window | [20]byte miner | uint32 count |
// [32]byte digest, digest = SHA-256 over the concatenated record hashes. The
// header signature covers SHA-256("assay/window-file/v1" || header). Readers
// check the header first, then stream records and stop at the first bad byte
// with an error naming the record index; limits are parameters.
//
// docs/protocol.md, section "Rollouts and commitments", is normative.
package proofs
