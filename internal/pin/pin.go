//go:build assay_pin

// Package pin keeps the user-chosen dependency that no landed package
// imports yet (gnark, for the proofs work) pinned in go.mod at a version
// seen to build with the rest. It is never built: the assay_pin tag is set
// nowhere. gorgonia.org/cu left this list when cuda/ (tag cuda) began to use
// it. Remove the import once a real package uses gnark.
package pin

import (
	_ "github.com/consensys/gnark/frontend"
)
