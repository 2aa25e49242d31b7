// Package chain connects Assay to an EVM chain: today, the block source that
// window and opening seeds read (any Ethereum JSON-RPC endpoint through
// go-ethereum's ethclient). The subnet contract, its bindings and the
// embedded chain land here with the chain issue.
package chain
