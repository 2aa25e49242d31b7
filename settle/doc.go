// Package settle is docs/protocol.md §8.5: an epoch's stake-weighted
// consensus and emission, proven with gnark (Groth16 on BN254) so the
// contract can credit balances without recomputing a validators × miners
// consensus in Solidity.
//
// The rule itself is score.ConsensusOf, applied to each window of the
// epoch; Reference runs it on an Epoch, and Circuit states the same rule as
// constraints. The proof's public inputs are the epoch's post digest (the
// MiMC running hashes the contract keeps over every post and its stake,
// PostHash and Digest here), the emission, the miners' share and every uid's
// payout, so a proof can only credit what was posted on chain.
//
// Keys come from a deterministic development set-up (Setup): anyone can
// rerun it and get the same keys, which also means anyone knows its toxic
// waste. It is not a trusted ceremony; a deployment that pays real value
// runs gnark's mpcsetup with real contributions instead.
package settle
