// Package score is docs/protocol.md §8.3: how a window's files are judged
// and miners weighted. Decide checks every miner's window file (the
// records' model-free checks, the opened sample with the model, copies
// against the copier), gates miners that failed within the lookback and
// assigns the weights a validator posts; an auditor runs the same function
// on the same inputs and gets the same decision. It reads plain inputs —
// a proofs.Verifier for the window, the miners, their files and the
// earlier windows' decisions — and nothing of a running role.
package score
