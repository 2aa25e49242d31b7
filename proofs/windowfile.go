package proofs

import (
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/assaynet/assay/internal/atomicfile"
)

const fileMagic = "ASSAYWF1"

// FileLimits bound a window file; they are protocol parameters.
type FileLimits struct {
	MaxFileBytes         int64 // compressed size on the wire
	MaxUncompressedBytes int64
	MaxRecords           int
	MaxRecordBytes       int
	Record               Limits
}

// DefaultFileLimits are protocol v1's window-file limits.
var DefaultFileLimits = FileLimits{
	MaxFileBytes:         64 << 20,
	MaxUncompressedBytes: 512 << 20,
	MaxRecords:           1 << 16,
	MaxRecordBytes:       1 << 20,
	Record:               DefaultLimits,
}

// Header is a window file's signed header.
type Header struct {
	Version   uint16
	Window    uint64
	Miner     common.Address
	Count     uint32
	Digest    [32]byte // SHA-256 over the concatenated record hashes
	Signature [65]byte
}

const headerLen = 2 + 8 + 20 + 4 + 32

func (h *Header) body() []byte {
	b := make([]byte, 0, headerLen)
	b = binary.BigEndian.AppendUint16(b, h.Version)
	b = binary.BigEndian.AppendUint64(b, h.Window)
	b = append(b, h.Miner[:]...)
	b = binary.BigEndian.AppendUint32(b, h.Count)
	return append(b, h.Digest[:]...)
}

func (h *Header) signingHash() [32]byte {
	return sha256.Sum256(append([]byte("assay/window-file/v1"), h.body()...))
}

// Digest computes the header digest of records.
func Digest(records []*Record) [32]byte {
	d := sha256.New()
	for _, r := range records {
		h := r.Hash()
		d.Write(h[:])
	}
	return [32]byte(d.Sum(nil))
}

// FileName is the canonical name of a miner's window file.
func FileName(window uint64, miner common.Address) string {
	return fmt.Sprintf("window-%d-%s.assay", window, miner.Hex())
}

// EncodeWindowFile writes the signed file for records to w. Every record must
// belong to window and miner.
func EncodeWindowFile(w io.Writer, key *ecdsa.PrivateKey, window uint64, records []*Record) error {
	miner := crypto.PubkeyToAddress(key.PublicKey)
	for i, r := range records {
		if r.Window != window || r.Miner != miner {
			return fmt.Errorf("proofs: record %d is for window %d miner %s, file is %d %s", i, r.Window, r.Miner, window, miner)
		}
	}
	return EncodeWindowFileUnchecked(w, key, window, records)
}

// EncodeWindowFileUnchecked writes records as they are, whatever window or
// miner they claim: a file a hostile miner can serve, which tests build to
// check that validators reject it.
func EncodeWindowFileUnchecked(w io.Writer, key *ecdsa.PrivateKey, window uint64, records []*Record) error {
	miner := crypto.PubkeyToAddress(key.PublicKey)
	h := Header{Version: Version, Window: window, Miner: miner, Count: uint32(len(records)), Digest: Digest(records)}
	sh := h.signingHash()
	sig, err := crypto.Sign(sh[:], key)
	if err != nil {
		return err
	}
	copy(h.Signature[:], sig)
	var pre []byte
	pre = append(pre, fileMagic...)
	pre = binary.BigEndian.AppendUint32(pre, headerLen)
	pre = append(pre, h.body()...)
	pre = append(pre, h.Signature[:]...)
	if _, err := w.Write(pre); err != nil {
		return err
	}
	fw, err := flate.NewWriter(w, flate.DefaultCompression)
	if err != nil {
		return err
	}
	for _, r := range records {
		enc := r.Encode()
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(enc)))
		if _, err := fw.Write(l[:]); err != nil {
			return err
		}
		if _, err := fw.Write(enc); err != nil {
			return err
		}
	}
	return fw.Close()
}

// WriteWindowFile writes the file crash-safely (temporary file, fsync,
// rename) and returns its path.
func WriteWindowFile(dir string, key *ecdsa.PrivateKey, window uint64, records []*Record) (string, error) {
	path := dir + "/" + FileName(window, crypto.PubkeyToAddress(key.PublicKey))
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error { return EncodeWindowFile(w, key, window, records) })
	return path, err
}

// Reader streams a window file's records.
type Reader struct {
	Header Header
	lim    FileLimits
	ur     *limitedReader // the uncompressed stream's bound
	br     *bufio.Reader
	digest hashWriter
	n      int
	done   bool
}

type hashWriter interface {
	io.Writer
	Sum([]byte) []byte
}

// limitedReader fails with a clear error instead of a silent EOF when a
// limit is hit.
type limitedReader struct {
	r    io.Reader
	left int64
	what string
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, fmt.Errorf("%w: %s over its limit", ErrFile, l.what)
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// NewReader reads and verifies the header (magic, version, signature by the
// header's miner). Records are then read with Next.
func NewReader(r io.Reader, lim FileLimits) (*Reader, error) {
	lr := &limitedReader{r: r, left: lim.MaxFileBytes + 1, what: "file"}
	pre := make([]byte, len(fileMagic)+4+headerLen+65)
	if _, err := io.ReadFull(lr, pre); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrFile, err)
	}
	if string(pre[:8]) != fileMagic {
		return nil, fmt.Errorf("%w: not a window file (magic %q)", ErrFile, pre[:8])
	}
	if l := binary.BigEndian.Uint32(pre[8:12]); l != headerLen {
		return nil, fmt.Errorf("%w: header length %d, want %d", ErrFile, l, headerLen)
	}
	d := decoder{b: pre[12:]}
	var h Header
	h.Version = d.u16()
	h.Window = d.u64()
	copy(h.Miner[:], d.take(20))
	h.Count = d.u32()
	copy(h.Digest[:], d.take(32))
	copy(h.Signature[:], d.take(65))
	if h.Version != Version {
		return nil, fmt.Errorf("%w: %w: file version %d", ErrFile, ErrVersion, h.Version)
	}
	if int(h.Count) > lim.MaxRecords {
		return nil, fmt.Errorf("%w: %d records exceed the limit %d", ErrFile, h.Count, lim.MaxRecords)
	}
	signer, err := recoverAddress(h.signingHash(), h.Signature)
	if err != nil {
		return nil, fmt.Errorf("%w: header: %w", ErrFile, err)
	}
	if signer != h.Miner {
		return nil, fmt.Errorf("%w: %w: header signed by %s, claims miner %s", ErrFile, ErrSignature, signer, h.Miner)
	}
	fr := flate.NewReader(lr)
	ur := &limitedReader{r: fr, left: lim.MaxUncompressedBytes, what: "uncompressed content"}
	return &Reader{Header: h, lim: lim, ur: ur, br: bufio.NewReader(ur), digest: sha256.New()}, nil
}

// LimitUncompressed lowers the bound on the bytes inflated from here on
// (a caller that knows what the header's count of records can hold).
func (r *Reader) LimitUncompressed(n int64) {
	r.ur.left = min(r.ur.left, n)
}

// ErrDone is returned by Next after the last record.
var ErrDone = errors.New("proofs: no more records")

// Next returns the next record, ErrDone after the last one (once the count
// and digest have been checked), or an error naming the record index.
func (r *Reader) Next() (*Record, error) {
	if r.done {
		return nil, ErrDone
	}
	w, m := r.Header.Window, r.Header.Miner
	if r.n == int(r.Header.Count) {
		// Nothing may follow the last record.
		if _, err := r.br.ReadByte(); err != io.EOF {
			return nil, fmt.Errorf("%w: window %d miner %s: data after record %d", ErrFile, w, m, r.n-1)
		}
		if [32]byte(r.digest.Sum(nil)) != r.Header.Digest {
			return nil, fmt.Errorf("%w: window %d miner %s: records do not match the header digest", ErrFile, w, m)
		}
		r.done = true
		return nil, ErrDone
	}
	var l [4]byte
	if _, err := io.ReadFull(r.br, l[:]); err != nil {
		return nil, fmt.Errorf("%w: window %d miner %s: record %d length: %v", ErrFile, w, m, r.n, err)
	}
	n := binary.BigEndian.Uint32(l[:])
	if int64(n) > int64(r.lim.MaxRecordBytes) {
		return nil, fmt.Errorf("%w: window %d miner %s: record %d is %d bytes, limit %d", ErrFile, w, m, r.n, n, r.lim.MaxRecordBytes)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r.br, buf); err != nil {
		return nil, fmt.Errorf("%w: window %d miner %s: record %d: %v", ErrFile, w, m, r.n, err)
	}
	rec, err := Decode(buf, r.lim.Record)
	if err != nil {
		return nil, fmt.Errorf("%w: window %d miner %s: record %d: %w", ErrFile, w, m, r.n, err)
	}
	h := sha256.Sum256(buf)
	r.digest.Write(h[:])
	r.n++
	return rec, nil
}

// ReadAll reads every record of a window file.
func ReadAll(r io.Reader, lim FileLimits) (*Header, []*Record, error) {
	rd, err := NewReader(r, lim)
	if err != nil {
		return nil, nil, err
	}
	var out []*Record
	for {
		rec, err := rd.Next()
		if errors.Is(err, ErrDone) {
			return &rd.Header, out, nil
		}
		if err != nil {
			return &rd.Header, out, err
		}
		out = append(out, rec)
	}
}

// ReadAllBytes is ReadAll over an in-memory file.
func ReadAllBytes(b []byte, lim FileLimits) (*Header, []*Record, error) {
	return ReadAll(bytes.NewReader(b), lim)
}
