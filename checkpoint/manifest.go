package checkpoint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/assaynet/assay/model"
)

// ManifestVersion is the manifest format this package writes and reads.
const ManifestVersion = 1

// maxFiles bounds a manifest (a sharded 70B checkpoint has ~40 files).
const maxFiles = 1024

var (
	// ErrManifest means a manifest is malformed or breaks a limit.
	ErrManifest = errors.New("checkpoint: bad manifest")
	// ErrModelMismatch means a server offered, or a download assembled, a
	// model other than the one asked for.
	ErrModelMismatch = errors.New("checkpoint: model id mismatch")
	// ErrDigest means a downloaded file's SHA-256 differs from its manifest.
	ErrDigest = errors.New("checkpoint: file digest mismatch")
	// ErrTooLarge means a manifest announces more bytes than the fetcher takes.
	ErrTooLarge = errors.New("checkpoint: download larger than allowed")
)

// Manifest lists a checkpoint folder's files.
type Manifest struct {
	Version int    `json:"version"`
	ModelID string `json:"model_id"`
	Files   []File `json:"files"`
	// Deltas are the other models this one can be built from (Delta).
	Deltas []Delta `json:"deltas,omitempty"`
}

// File is one file of a checkpoint folder.
type File struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Bytes is the total size of the files.
func (m *Manifest) Bytes() int64 {
	var n int64
	for _, f := range m.Files {
		n += f.Size
	}
	return n
}

// validName admits the flat file names of a Hugging Face folder and
// nothing that could leave the directory it is joined to.
func validName(s string) bool {
	if s == "" || len(s) > 255 || s[0] == '.' {
		return false
	}
	for _, c := range []byte(s) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_'
		if !ok {
			return false
		}
	}
	return true
}

func validHex32(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == 32
}

// ParseManifest decodes and checks a manifest: known version, a model id,
// 1 to 1,024 files with safe, unique names, sizes ≥ 0 and SHA-256 digests,
// config.json among them.
func ParseManifest(data []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrManifest, err)
	}
	if m.Version != ManifestVersion {
		return nil, fmt.Errorf("%w: version %d (this build reads %d)", ErrManifest, m.Version, ManifestVersion)
	}
	if !validHex32(m.ModelID) {
		return nil, fmt.Errorf("%w: model id %q is not 64 hex digits", ErrManifest, m.ModelID)
	}
	if len(m.Files) == 0 || len(m.Files) > maxFiles {
		return nil, fmt.Errorf("%w: %d files (want 1 to %d)", ErrManifest, len(m.Files), maxFiles)
	}
	seen := map[string]bool{}
	for _, f := range m.Files {
		if !validName(f.Name) {
			return nil, fmt.Errorf("%w: file name %q", ErrManifest, f.Name)
		}
		if seen[f.Name] {
			return nil, fmt.Errorf("%w: file %s listed twice", ErrManifest, f.Name)
		}
		seen[f.Name] = true
		if f.Size < 0 {
			return nil, fmt.Errorf("%w: file %s: size %d", ErrManifest, f.Name, f.Size)
		}
		if !validHex32(f.SHA256) {
			return nil, fmt.Errorf("%w: file %s: digest %q is not 64 hex digits", ErrManifest, f.Name, f.SHA256)
		}
	}
	if !seen["config.json"] {
		return nil, fmt.Errorf("%w: no config.json", ErrManifest)
	}
	if err := checkDeltas(&m, seen); err != nil {
		return nil, err
	}
	return &m, nil
}

// BuildManifest describes a checkpoint folder: its model id and every
// regular, non-hidden file at its top level. It reads every byte (the id
// and the digests), so it takes about as long as reading the folder.
func BuildManifest(dir string) (*Manifest, error) {
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		return nil, err
	}
	id := ck.ModelID()
	ck.Close()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("checkpoint: %w", err)
	}
	m := &Manifest{Version: ManifestVersion, ModelID: id.String()}
	for _, e := range ents {
		if !e.Type().IsRegular() || !validName(e.Name()) {
			continue
		}
		sum, size, err := fileDigest(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		m.Files = append(m.Files, File{Name: e.Name(), Size: size, SHA256: sum})
	}
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Name < m.Files[j].Name })
	if len(m.Files) > maxFiles {
		return nil, fmt.Errorf("checkpoint: %s: %d files, more than %d", dir, len(m.Files), maxFiles)
	}
	return m, nil
}

// fileDigest is a file's SHA-256 (hex) and size.
func fileDigest(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, fmt.Errorf("checkpoint: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("checkpoint: read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
