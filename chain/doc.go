// Package chain connects Assay to an EVM chain through any Ethereum
// JSON-RPC node (go-ethereum's ethclient): the subnet contract (contracts/,
// with its generated bindings/) — parameters by window, the registry, the
// weight posts — and the block source that window and opening seeds read.
// chain/sim is the embedded go-ethereum dev chain the demo and tests run.
package chain
