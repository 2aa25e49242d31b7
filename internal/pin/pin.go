//go:build assay_pin

// Package pin keeps the user-chosen dependencies that no landed package
// imports yet (gnark for the proofs work, gorgonia.org/cu for the CUDA
// backend) pinned in go.mod at versions seen to build together. It is never
// built: the assay_pin tag is set nowhere. Remove an import once a real
// package uses the module.
package pin

import (
	_ "github.com/consensys/gnark/frontend"
	_ "gorgonia.org/cu"
)
