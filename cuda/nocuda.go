//go:build !cuda

package cuda

import "github.com/assaynet/assay/model"

// Open is unavailable without the cuda build tag.
func Open(ck *model.Checkpoint, cfg Config) (model.Backend, error) { return nil, ErrNotBuilt }

// Built reports whether this binary has the CUDA backend.
func Built() bool { return false }
