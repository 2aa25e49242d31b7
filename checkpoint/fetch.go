package checkpoint

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/assaynet/assay/internal/redirect"
	"github.com/assaynet/assay/model"
)

// DefaultMaxBytes is the largest checkpoint Fetch takes by default (a 70B
// bf16 checkpoint is ~140 GB).
const DefaultMaxBytes int64 = 256 << 30

// Progress is told how many of a download's bytes are on disk.
type Progress interface {
	Update(done, total int64)
}

// FetchConfig configures Fetch.
type FetchConfig struct {
	// Cache holds one folder per model id (named by its 64 hex digits) and
	// the unfinished downloads (<id>.partial).
	Cache string
	// Client makes the requests; nil is a client that follows redirects
	// only within the announced origin.
	Client *http.Client
	// MaxBytes bounds the download (0: DefaultMaxBytes).
	MaxBytes int64
	// Progress, when set, is updated as bytes arrive.
	Progress Progress
	Log      *slog.Logger
	// Bases are local checkpoint folders by model id (the models a role
	// has loaded) that a delta may start from, beside the cache's folders.
	Bases map[model.ID]string
}

// Fetch returns the cache folder of model id, downloading it first from
// base (a server's URL for that model: http://host:port/<id>/) if the
// cache lacks it. An interrupted download resumes where it stopped on the
// next call. Each file is checked against the manifest's SHA-256 (a
// mismatch deletes the file: ErrDigest) and the folder against id (a
// mismatch deletes the download: ErrModelMismatch) before the folder
// appears under its id, so a folder found in the cache was verified.
func Fetch(ctx context.Context, base string, id model.ID, cfg FetchConfig) (string, error) {
	if cfg.Cache == "" {
		return "", errors.New("checkpoint: no cache folder")
	}
	final := filepath.Join(cfg.Cache, id.String())
	if isDir(final) {
		return final, nil
	}
	if err := os.MkdirAll(cfg.Cache, 0o755); err != nil {
		return "", fmt.Errorf("checkpoint: %w", err)
	}
	// One fetcher per model and cache: a second waits, then finds the folder.
	unlock, err := lockCache(ctx, final+".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	if isDir(final) {
		return final, nil
	}
	f := &fetcher{cfg: cfg, log: cfg.Log}
	if f.log == nil {
		f.log = slog.New(slog.DiscardHandler)
	}
	if f.cfg.Client == nil {
		f.cfg.Client = originClient()
	}
	if f.cfg.MaxBytes <= 0 {
		f.cfg.MaxBytes = DefaultMaxBytes
	}
	u, err := parseBase(base)
	if err != nil {
		return "", err
	}
	m, err := f.manifest(ctx, u)
	if err != nil {
		return "", err
	}
	if m.ModelID != id.String() {
		return "", fmt.Errorf("%w: %s serves model %s, not %s", ErrModelMismatch, u.Redacted(), m.ModelID, id)
	}
	if m.Bytes() > f.cfg.MaxBytes {
		return "", fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, m.Bytes(), f.cfg.MaxBytes)
	}
	staging := final + ".partial"
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return "", fmt.Errorf("checkpoint: %w", err)
	}
	// A model this cache holds that the manifest offers a delta from: its
	// files are copied or patched instead of downloaded.
	for i, d := range m.Deltas {
		dir := filepath.Join(cfg.Cache, d.From)
		if from, err := model.ParseID(d.From); err == nil && cfg.Bases[from] != "" {
			dir = cfg.Bases[from]
		}
		if isDir(dir) {
			f.delta, f.deltaDir = &m.Deltas[i], dir
			break
		}
	}
	if err := f.download(ctx, u, m, staging); err != nil {
		return "", err
	}
	if err := verifyFolder(staging, m, id); err != nil {
		return "", err
	}
	if err := os.Rename(staging, final); err != nil {
		return "", fmt.Errorf("checkpoint: %w", err)
	}
	f.log.Info("checkpoint fetched", "model", id.String(), "dir", final, "bytes", m.Bytes(), "downloaded", f.received, "from_delta", f.delta != nil)
	return final, nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// RemoteManifest reads and checks the manifest a server publishes at base
// (client nil: same-host redirects only), e.g. to confirm that a URL serves
// a model before announcing it.
func RemoteManifest(ctx context.Context, base string, client *http.Client) (*Manifest, error) {
	if client == nil {
		client = originClient()
	}
	u, err := parseBase(base)
	if err != nil {
		return nil, err
	}
	f := &fetcher{cfg: FetchConfig{Client: client}}
	return f.manifest(ctx, u)
}

func parseBase(base string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSuffix(base, "/") + "/")
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("checkpoint: %q is not an http(s) URL", base)
	}
	return u, nil
}

type fetcher struct {
	cfg  FetchConfig
	log  *slog.Logger
	done int64
	// received counts the bytes that came over the network.
	received int64
	// delta, when set, builds files from the cached folder deltaDir.
	delta    *Delta
	deltaDir string
}

// originClient follows at most three redirects, none off the origin
// asked: a checkpoint URL is announced on chain, and whoever announced it
// vouches for that origin only.
func originClient() *http.Client {
	return &http.Client{CheckRedirect: redirect.SameOrigin("announced")}
}

const maxManifestBytes = 1 << 20

func (f *fetcher) manifest(ctx context.Context, base *url.URL) (*Manifest, error) {
	mu := base.JoinPath("manifest.json")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, mu.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("checkpoint: %w", err)
	}
	resp, err := f.cfg.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("checkpoint: manifest: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("checkpoint: manifest %s: %s", mu.Redacted(), resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxManifestBytes+1))
	if err != nil {
		return nil, fmt.Errorf("checkpoint: manifest: %w", err)
	}
	if len(data) > maxManifestBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrManifest, maxManifestBytes)
	}
	return ParseManifest(data)
}

// download brings every file of m into dir, resuming files already begun
// and checking each one's digest once complete.
func (f *fetcher) download(ctx context.Context, base *url.URL, m *Manifest, dir string) error {
	total := m.Bytes()
	for _, mf := range m.Files {
		if st, err := os.Stat(filepath.Join(dir, mf.Name)); err == nil {
			f.done += min(st.Size(), mf.Size)
		}
	}
	f.report(total)
	for _, mf := range m.Files {
		if err := f.file(ctx, base, mf, dir, total); err != nil {
			return err
		}
	}
	// Files of an earlier manifest have no place in this folder.
	ents, _ := os.ReadDir(dir)
	keep := map[string]bool{}
	for _, mf := range m.Files {
		keep[mf.Name] = true
	}
	for _, e := range ents {
		if !keep[e.Name()] {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	return nil
}

func (f *fetcher) report(total int64) {
	if f.cfg.Progress != nil {
		f.cfg.Progress.Update(f.done, total)
	}
}

func (f *fetcher) file(ctx context.Context, base *url.URL, mf File, dir string, total int64) error {
	path := filepath.Join(dir, mf.Name)
	out, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	defer out.Close()
	st, err := out.Stat()
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	have := st.Size()
	if have > mf.Size { // not this file: start over
		if err := out.Truncate(0); err != nil {
			return fmt.Errorf("checkpoint: %w", err)
		}
		f.done -= mf.Size
		have = 0
	}
	// The digest is taken as the bytes arrive (those already on disk are
	// read once), not by reading the finished file again.
	if have == 0 && f.delta != nil && f.fromDelta(ctx, base, mf, out) {
		f.done += mf.Size // its digest was checked as it was rebuilt
		f.report(total)
		return nil
	}
	h := sha256.New()
	if have < mf.Size {
		if err := f.fetchRange(ctx, base, mf, out, have, total, h); err != nil {
			return err
		}
	} else if _, err := io.Copy(h, io.NewSectionReader(out, 0, have)); err != nil {
		return fmt.Errorf("checkpoint: read %s: %w", path, err)
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != mf.SHA256 {
		out.Close()
		os.Remove(path)
		f.done -= mf.Size
		return fmt.Errorf("%w: %s has SHA-256 %s, the manifest says %s (deleted)", ErrDigest, mf.Name, sum, mf.SHA256)
	}
	return nil
}

// fetchRange appends bytes have… of the file to out (or rewrites it whole
// where the server ignores the range), feeding h the whole file's bytes:
// those kept on disk, then those received.
func (f *fetcher) fetchRange(ctx context.Context, base *url.URL, mf File, out *os.File, have, total int64, h hash.Hash) error {
	fu := base.JoinPath("files", mf.Name)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fu.String(), nil)
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if have > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(have, 10)+"-")
	}
	resp, err := f.cfg.Client.Do(req)
	if err != nil {
		return fmt.Errorf("checkpoint: %s: %w", mf.Name, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusPartialContent && have > 0:
		if start, ok := rangeStart(resp.Header.Get("Content-Range")); !ok || start != have {
			return fmt.Errorf("checkpoint: %s: asked for bytes from %d, got %q", mf.Name, have, resp.Header.Get("Content-Range"))
		}
	case resp.StatusCode == http.StatusOK:
		f.done -= have
		have = 0
	default:
		return fmt.Errorf("checkpoint: %s: %s", mf.Name, resp.Status)
	}
	if _, err := out.Seek(have, io.SeekStart); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if err := out.Truncate(have); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if _, err := io.Copy(h, io.NewSectionReader(out, 0, have)); err != nil {
		return fmt.Errorf("checkpoint: read %s: %w", mf.Name, err)
	}
	want := mf.Size - have
	w := &counter{w: io.MultiWriter(out, h), f: f, total: total, every: 100 * time.Millisecond}
	defer func() { f.received += w.n }()
	n, err := io.Copy(w, io.LimitReader(resp.Body, want+1))
	f.report(total)
	switch {
	case err != nil:
		return fmt.Errorf("checkpoint: %s: after %d of %d bytes: %w (run again to resume)", mf.Name, have+n, mf.Size, err)
	case n < want:
		return fmt.Errorf("checkpoint: %s: %w after %d of %d bytes (run again to resume)", mf.Name, io.ErrUnexpectedEOF, have+n, mf.Size)
	case n > want:
		return fmt.Errorf("%w: %s is longer than its %d bytes", ErrDigest, mf.Name, mf.Size)
	}
	return out.Sync()
}

// fromDelta writes file mf to out from the cached base folder — the
// base's file itself, or it patched by the served patch — and reports
// whether the result has mf's digest; when not (a missing or changed base
// file, a bad patch) out is emptied and the caller downloads the file.
func (f *fetcher) fromDelta(ctx context.Context, base *url.URL, mf File, out *os.File) bool {
	d := f.delta
	src := filepath.Join(f.deltaDir, mf.Name)
	var err error
	switch {
	case slices.Contains(d.Same, mf.Name):
		err = copyInto(out, src)
	default:
		i := slices.IndexFunc(d.Patches, func(p File) bool { return p.Name == mf.Name })
		if i < 0 {
			return false
		}
		err = f.patchInto(ctx, base, d.Patches[i], src, out)
	}
	if err == nil {
		var sum string
		if sum, _, err = fileDigest(out.Name()); err == nil && sum != mf.SHA256 {
			err = fmt.Errorf("%w: rebuilt %s has SHA-256 %s, the manifest says %s", ErrDigest, mf.Name, sum, mf.SHA256)
		}
	}
	if err != nil {
		f.log.Warn("file not built from the delta: downloading it whole", "file", mf.Name, "from", d.From, "err", err)
		out.Truncate(0)
		return false
	}
	return true
}

// patchInto downloads patch p (its digest checked) and applies it to src.
func (f *fetcher) patchInto(ctx context.Context, base *url.URL, p File, src string, out *os.File) error {
	pu := base.JoinPath("deltas", f.delta.From, p.Name)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pu.String(), nil)
	if err != nil {
		return err
	}
	resp, err := f.cfg.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("patch %s: %s", pu.Redacted(), resp.Status)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out.Name()), ".patch-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(resp.Body, p.Size+1))
	f.received += n
	switch {
	case err != nil:
		return err
	case n != p.Size:
		return fmt.Errorf("patch %s: %d bytes, the manifest says %d", p.Name, n, p.Size)
	case hex.EncodeToString(h.Sum(nil)) != p.SHA256:
		return fmt.Errorf("%w: patch %s", ErrDigest, p.Name)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return ApplyPatch(src, tmp, out)
}

func copyInto(out *os.File, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if _, err := out.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		return err
	}
	return out.Sync()
}

// rangeStart reads the first byte of "bytes first-last/size".
func rangeStart(cr string) (int64, bool) {
	rest, ok := strings.CutPrefix(cr, "bytes ")
	if !ok {
		return 0, false
	}
	first, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(first, 10, 64)
	return n, err == nil
}

// counter forwards writes and reports progress at most every interval.
type counter struct {
	w     io.Writer
	f     *fetcher
	total int64
	every time.Duration
	last  time.Time
	n     int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.f.done += int64(n)
	c.n += int64(n)
	if now := time.Now(); now.Sub(c.last) >= c.every {
		c.last = now
		c.f.report(c.total)
	}
	return n, err
}

// verifyFolder opens the assembled folder and compares its model id; a
// mismatch deletes it.
func verifyFolder(dir string, m *Manifest, id model.ID) error {
	ck, err := model.OpenCheckpoint(dir)
	if err != nil {
		os.RemoveAll(dir)
		return fmt.Errorf("%w: the download is not a checkpoint (%v); deleted it", ErrModelMismatch, err)
	}
	got := ck.ModelID()
	ck.Close()
	if got != id {
		os.RemoveAll(dir)
		return fmt.Errorf("%w: the files hash to model %s, not %s; deleted the download", ErrModelMismatch, got, id)
	}
	return nil
}
