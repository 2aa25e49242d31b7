package checkpoint

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// A delta lets a fetcher that holds model From build this model's files
// from its own copies: a file listed in Same is From's file unchanged, a
// file in Patches is rebuilt from From's file of the same name and size by
// the patch served at /{id}/deltas/{from}/{name}. RL updates leave most
// bf16 weights bit-identical, so a patch is a small part of the file.
// Every rebuilt file is still checked against this manifest's SHA-256,
// and the folder against the model id: a delta saves bytes, never trust.
type Delta struct {
	From    string   `json:"from"`
	Same    []string `json:"same,omitempty"`
	Patches []File   `json:"patches,omitempty"` // Size and SHA256 are the patch's
}

// ErrPatch means a patch is malformed or does not fit its base file.
var ErrPatch = errors.New("checkpoint: bad patch")

var patchMagic = []byte("ASSAYPT1")

// mergeGap is the run of equal bytes below which two changed runs are
// sent as one: a record's two varints cost about as much.
const mergeGap = 4

// MakePatch writes the patch that turns base into target, two files of
// one size: the magic, then records (varint gap of unchanged bytes since
// the last record's end, varint length, that many bytes of target). It
// returns the patch's length.
func MakePatch(base, target string, w io.Writer) (int64, error) {
	bf, err := os.Open(base)
	if err != nil {
		return 0, fmt.Errorf("checkpoint: %w", err)
	}
	defer bf.Close()
	tf, err := os.Open(target)
	if err != nil {
		return 0, fmt.Errorf("checkpoint: %w", err)
	}
	defer tf.Close()
	bs, err1 := bf.Stat()
	ts, err2 := tf.Stat()
	if err := errors.Join(err1, err2); err != nil {
		return 0, fmt.Errorf("checkpoint: %w", err)
	}
	if bs.Size() != ts.Size() {
		return 0, fmt.Errorf("%w: %s and %s differ in size", ErrPatch, base, target)
	}
	cw := &countWriter{w: bufio.NewWriterSize(w, 1<<20)}
	cw.Write(patchMagic)
	var run []byte   // pending changed bytes (with merged short gaps)
	var gap int64    // equal bytes since the last record, before run
	var equal []byte // equal bytes after run, not yet known to end a record
	flush := func() {
		if len(run) > 0 {
			putUvarint(cw, uint64(gap))
			putUvarint(cw, uint64(len(run)))
			cw.Write(run)
			run, gap = run[:0], 0
		}
	}
	bb, tb := make([]byte, 1<<20), make([]byte, 1<<20)
	for {
		n, errb := io.ReadFull(bf, bb)
		m, errt := io.ReadFull(tf, tb)
		if n != m || (errb != nil && errb != io.EOF && errb != io.ErrUnexpectedEOF) || (errt != nil && errt != io.EOF && errt != io.ErrUnexpectedEOF) {
			return 0, fmt.Errorf("checkpoint: patch %s: %w", target, errors.Join(errb, errt, errors.New("files changed while read")))
		}
		if n == 0 {
			break
		}
		// Equal blocks, the common case, skip the byte loop.
		if len(run) == 0 && bytes.Equal(bb[:n], tb[:n]) {
			gap += int64(n)
			continue
		}
		for i := range n {
			b, t := bb[i], tb[i]
			if b != t {
				run = append(run, equal...) // a short gap joins the run
				equal = equal[:0]
				run = append(run, t)
				continue
			}
			if len(run) == 0 {
				gap++
				continue
			}
			equal = append(equal, t)
			if len(equal) >= mergeGap {
				flush()
				gap = int64(len(equal))
				equal = equal[:0]
			}
		}
	}
	flush()
	if err := cw.w.(*bufio.Writer).Flush(); err != nil {
		return 0, fmt.Errorf("checkpoint: patch: %w", err)
	}
	return cw.n, cw.err
}

// ApplyPatch writes to out the file that patch builds from base (out is
// truncated first), in one sequential pass over both. A record past the
// end of base is ErrPatch.
func ApplyPatch(base string, patch io.Reader, out *os.File) error {
	bf, err := os.Open(base)
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	defer bf.Close()
	st, err := bf.Stat()
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	size := st.Size()
	if err := out.Truncate(0); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if _, err := out.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	pr := bufio.NewReaderSize(patch, 1<<20)
	magic := make([]byte, len(patchMagic))
	if _, err := io.ReadFull(pr, magic); err != nil || !bytes.Equal(magic, patchMagic) {
		return fmt.Errorf("%w: no patch header", ErrPatch)
	}
	br := bufio.NewReaderSize(bf, 1<<20)
	w := bufio.NewWriterSize(out, 1<<20)
	var pos int64
	for {
		gap, err := binary.ReadUvarint(pr)
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrPatch, err)
		}
		n, err := binary.ReadUvarint(pr)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrPatch, err)
		}
		if gap > uint64(size-pos) || n > uint64(size-pos)-gap {
			return fmt.Errorf("%w: a record past the end of the %d-byte file", ErrPatch, size)
		}
		if err := copyN(w, br, int64(gap)); err != nil {
			return fmt.Errorf("checkpoint: read %s: %w", base, err)
		}
		if _, err := br.Discard(int(n)); err != nil {
			return fmt.Errorf("checkpoint: read %s: %w", base, err)
		}
		if err := copyN(w, pr, int64(n)); err != nil {
			return fmt.Errorf("%w: truncated record: %v", ErrPatch, err)
		}
		pos += int64(gap + n)
	}
	if err := copyN(w, br, size-pos); err != nil {
		return fmt.Errorf("checkpoint: read %s: %w", base, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return out.Sync()
}

// copyN moves n bytes from r to w through r's buffer (no allocation: a
// patch has a record every ~100 bytes of a file of gigabytes).
func copyN(w *bufio.Writer, r *bufio.Reader, n int64) error {
	for n > 0 {
		if r.Buffered() == 0 {
			if _, err := r.Peek(1); err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return err
			}
		}
		k := int(min(int64(r.Buffered()), n))
		b, _ := r.Peek(k)
		if _, err := w.Write(b); err != nil {
			return err
		}
		r.Discard(k)
		n -= int64(k)
	}
	return nil
}

// makeDelta computes the delta from the folder base (manifest bm) to the
// served folder sv, writing patches under dir. It returns nil when the
// delta would not save at least half the bytes of the files it covers.
func makeDelta(bm *Manifest, base string, sv *served, dir string) (*Delta, error) {
	from := bm.ModelID
	old := map[string]File{}
	for _, f := range bm.Files {
		old[f.Name] = f
	}
	d := &Delta{From: from}
	var saved, covered int64
	for _, f := range sv.manifest.Files {
		o, ok := old[f.Name]
		switch {
		case !ok || o.Size != f.Size:
			continue
		case o.SHA256 == f.SHA256:
			d.Same = append(d.Same, f.Name)
			saved += f.Size
			covered += f.Size
			continue
		}
		pdir := filepath.Join(dir, from)
		if err := os.MkdirAll(pdir, 0o755); err != nil {
			return nil, fmt.Errorf("checkpoint: %w", err)
		}
		path := filepath.Join(pdir, f.Name)
		out, err := os.Create(path)
		if err != nil {
			return nil, fmt.Errorf("checkpoint: %w", err)
		}
		h := sha256.New()
		n, err := MakePatch(filepath.Join(base, f.Name), filepath.Join(sv.dir, f.Name), io.MultiWriter(out, h))
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		covered += f.Size
		if n*2 > f.Size { // this file's patch does not pay: send it whole
			os.Remove(path)
			continue
		}
		saved += f.Size - n
		d.Patches = append(d.Patches, File{Name: f.Name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
	}
	if len(d.Patches) == 0 && len(d.Same) == 0 || saved*2 < covered {
		return nil, nil
	}
	return d, nil
}

// checkDeltas validates a manifest's deltas: known ids, each once, names
// of this manifest's files, each file at most once per delta.
func checkDeltas(m *Manifest, files map[string]bool) error {
	froms := map[string]bool{}
	for _, d := range m.Deltas {
		if !validHex32(d.From) || d.From == m.ModelID || froms[d.From] {
			return fmt.Errorf("%w: delta from %q", ErrManifest, d.From)
		}
		froms[d.From] = true
		named := map[string]bool{}
		names := append([]string{}, d.Same...)
		for _, p := range d.Patches {
			if p.Size < 0 || !validHex32(p.SHA256) {
				return fmt.Errorf("%w: delta from %s: patch %s", ErrManifest, d.From, p.Name)
			}
			names = append(names, p.Name)
		}
		for _, n := range names {
			if !files[n] || named[n] {
				return fmt.Errorf("%w: delta from %s: file %q", ErrManifest, d.From, n)
			}
			named[n] = true
		}
	}
	return nil
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

func putUvarint(w io.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}
