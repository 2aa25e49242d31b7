package model

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/assaynet/assay/internal/atomicfile"
)

// TensorSource produces one tensor's bytes when written.
type TensorSource struct {
	Name  string
	DType DType
	Shape []int
	Fill  func(w io.Writer) error // writes exactly numel*size bytes
}

func (t TensorSource) bytes() int64 { return int64(t.DType.Size()) * int64(numel(t.Shape)) }

// WriteSafetensors writes tensors (sorted by name) to path crash-safely:
// a temporary file in the same folder, fsync, rename. metadata goes into
// __metadata__.
func WriteSafetensors(path string, tensors []TensorSource, metadata map[string]string) error {
	sort.Slice(tensors, func(i, j int) bool { return tensors[i].Name < tensors[j].Name })
	hdr := map[string]any{}
	if len(metadata) > 0 {
		hdr["__metadata__"] = metadata
	}
	var off int64
	for _, t := range tensors {
		if t.DType.Size() == 0 {
			return fmt.Errorf("model: write %s: dtype %q", t.Name, t.DType)
		}
		hdr[t.Name] = map[string]any{"dtype": t.DType, "shape": t.Shape, "data_offsets": []int64{off, off + t.bytes()}}
		off += t.bytes()
	}
	js, err := json.Marshal(hdr) // map keys are sorted: a canonical header
	if err != nil {
		return err
	}
	for len(js)%8 != 0 { // align the data section as the reference writer does
		js = append(js, ' ')
	}
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(js)))
		if _, err := w.Write(n[:]); err != nil {
			return err
		}
		if _, err := w.Write(js); err != nil {
			return err
		}
		for _, t := range tensors {
			cw := &countWriter{w: w}
			if err := t.Fill(cw); err != nil {
				return fmt.Errorf("tensor %s: %w", t.Name, err)
			}
			if cw.n != t.bytes() {
				return fmt.Errorf("tensor %s: wrote %d bytes, want %d", t.Name, cw.n, t.bytes())
			}
		}
		return nil
	})
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
