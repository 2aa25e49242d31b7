package model

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/assaynet/assay/internal/atomicfile"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNotBF16Exact means a checkpoint holds values bf16 cannot represent:
// converting it would change the model.
var ErrNotBF16Exact = errors.New("model: not exact in bf16")

// ConvertBF16 writes ck as a bf16 checkpoint in out (a new folder): every
// f32 or f16 tensor re-stored in bf16, which must lose nothing — each value
// exactly representable (a checkpoint trained or saved in bf16 and widened,
// as TinyStories' is), or the conversion fails with ErrNotBF16Exact naming
// the first tensor and value that is not. The other files of the folder
// are copied, config.json with torch_dtype bfloat16. Computation is the
// same bits (bf16 widens exactly to f32); the model id changes with the
// stored dtype, and the tensor-core products (cuda split-2/3) accept it.
func ConvertBF16(ck *Checkpoint, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("model: convert: %s exists", out)
	}
	names := make([]string, 0, len(ck.Tensors))
	for n := range ck.Tensors {
		names = append(names, n)
	}
	sort.Strings(names)
	var ts []TensorSource
	for _, n := range names {
		t := ck.Tensors[n]
		if t.DType == BF16 {
			ts = append(ts, TensorSource{Name: n, DType: BF16, Shape: t.Shape, Fill: func(w io.Writer) error { _, err := w.Write(t.Data); return err }})
			continue
		}
		for i, x := range t.Float32() {
			if math.Float32bits(x)&0xffff != 0 {
				return fmt.Errorf("%w: %s[%d] = %g", ErrNotBF16Exact, n, i, x)
			}
		}
		// Widened again when written: a large checkpoint is not held in
		// memory twice.
		ts = append(ts, TensorSource{Name: n, DType: BF16, Shape: t.Shape, Fill: func(w io.Writer) error {
			v := t.Float32()
			b := make([]byte, 2*len(v))
			for i, x := range v {
				binary.LittleEndian.PutUint16(b[2*i:], uint16(math.Float32bits(x)>>16))
			}
			_, err := w.Write(b)
			return err
		}})
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("model: convert: %w", err)
	}
	meta := map[string]string{"format": "pt"}
	for alias, target := range ck.Aliases {
		meta[alias] = target
	}
	if err := WriteSafetensors(filepath.Join(out, "model.safetensors"), ts, meta); err != nil {
		return err
	}
	return copyCheckpointFiles(ck.Dir, out)
}

// copyCheckpointFiles copies a model folder's files other than its weights,
// config.json with torch_dtype set to bfloat16.
func copyCheckpointFiles(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return fmt.Errorf("model: convert: %w", err)
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasSuffix(n, ".safetensors") || n == "model.safetensors.index.json" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			return fmt.Errorf("model: convert: %w", err)
		}
		if n == "config.json" {
			var cfg map[string]any
			if err := json.Unmarshal(data, &cfg); err != nil {
				return fmt.Errorf("model: convert: config.json: %w", err)
			}
			cfg["torch_dtype"] = "bfloat16"
			if data, err = json.MarshalIndent(cfg, "", "  "); err != nil {
				return err
			}
		}
		if err := atomicfile.WriteBytes(filepath.Join(dst, n), 0o644, data); err != nil {
			return err
		}
	}
	return nil
}
