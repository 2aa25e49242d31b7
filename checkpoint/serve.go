package checkpoint

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
)

// Server publishes checkpoint folders by model id. It is an http.Handler;
// the folders must not change while served (a file whose size no longer
// matches its manifest is refused, not sent).
type Server struct {
	models map[string]*served
	mux    *http.ServeMux
}

type served struct {
	dir      string
	manifest *Manifest
	manJSON  []byte
	files    map[string]File
	patches  map[string]map[string]File // from id → name → patch
	patchDir string
}

// NewServer reads each folder's manifest (BuildManifest: every byte is
// read once). Two folders of one model id are an error.
func NewServer(dirs ...string) (*Server, error) {
	s := &Server{models: map[string]*served{}, mux: http.NewServeMux()}
	for _, d := range dirs {
		m, err := BuildManifest(d)
		if err != nil {
			return nil, fmt.Errorf("checkpoint: serve %s: %w", d, err)
		}
		if prev, ok := s.models[m.ModelID]; ok {
			return nil, fmt.Errorf("checkpoint: %s and %s hold the same model %s", prev.dir, d, m.ModelID)
		}
		js, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			return nil, err
		}
		sv := &served{dir: d, manifest: m, manJSON: js, files: map[string]File{}}
		for _, f := range m.Files {
			sv.files[f.Name] = f
		}
		s.models[m.ModelID] = sv
	}
	s.mux.HandleFunc("GET /{$}", s.list)
	s.mux.HandleFunc("GET /{id}/manifest.json", s.manifest)
	s.mux.HandleFunc("GET /{id}/files/{name}", s.file)
	s.mux.HandleFunc("GET /{id}/deltas/{from}/{name}", s.patch)
	return s, nil
}

// OfferDeltas computes, for every served model, a delta from each folder
// of bases (a previous checkpoint) whose files it can patch, writing the
// patches under dir, and lists those that pay in the model's manifest.
// It returns, per served model id, the base ids a delta is offered from.
// Call it before serving.
func (s *Server) OfferDeltas(bases []string, dir string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, b := range bases {
		// Read once per base: its id and its files' digests.
		bm, err := BuildManifest(b)
		if err != nil {
			return nil, fmt.Errorf("checkpoint: delta base %s: %w", b, err)
		}
		from := bm.ModelID
		for id, sv := range s.models {
			if id == from {
				continue
			}
			pdir := filepath.Join(dir, id)
			d, err := makeDelta(bm, b, sv, pdir)
			if err != nil {
				return nil, fmt.Errorf("checkpoint: delta from %s to %s: %w", b, sv.dir, err)
			}
			if d == nil {
				continue
			}
			sv.manifest.Deltas = append(sv.manifest.Deltas, *d)
			if sv.patches == nil {
				sv.patches = map[string]map[string]File{}
			}
			sv.patches[from] = map[string]File{}
			for _, p := range d.Patches {
				sv.patches[from][p.Name] = p
			}
			sv.patchDir = pdir
			js, err := json.MarshalIndent(sv.manifest, "", " ")
			if err != nil {
				return nil, err
			}
			sv.manJSON = js
			out[id] = append(out[id], from)
		}
	}
	return out, nil
}

func (s *Server) patch(w http.ResponseWriter, r *http.Request) {
	sv, ok := s.models[r.PathValue("id")]
	if !ok {
		http.Error(w, "no such model", http.StatusNotFound)
		return
	}
	p, ok := sv.patches[r.PathValue("from")][r.PathValue("name")]
	if !ok {
		http.Error(w, "no such patch", http.StatusNotFound)
		return
	}
	s.serveFile(w, r, filepath.Join(sv.patchDir, r.PathValue("from"), p.Name), p)
}

// Models lists the ids served, sorted.
func (s *Server) Models() []string {
	ids := make([]string, 0, len(s.models))
	for id := range s.models {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Manifest is the manifest served for a model id, or nil.
func (s *Server) Manifest(id string) *Manifest {
	if sv, ok := s.models[id]; ok {
		return sv.manifest
	}
	return nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string][]string{"models": s.Models()})
}

func (s *Server) manifest(w http.ResponseWriter, r *http.Request) {
	sv, ok := s.models[r.PathValue("id")]
	if !ok {
		http.Error(w, "no such model", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(sv.manJSON)
}

func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	sv, ok := s.models[r.PathValue("id")]
	if !ok {
		http.Error(w, "no such model", http.StatusNotFound)
		return
	}
	mf, ok := sv.files[r.PathValue("name")]
	if !ok {
		http.Error(w, "no such file", http.StatusNotFound)
		return
	}
	s.serveFile(w, r, filepath.Join(sv.dir, mf.Name), mf)
}

// serveFile sends a file of the size the manifest says, with ranges.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, path string, mf File) {
	f, err := os.Open(path)
	if err != nil {
		http.Error(w, "file unavailable", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() != mf.Size {
		http.Error(w, "file changed since it was published", http.StatusConflict)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("X-Checkpoint-SHA256", mf.SHA256)
	// ServeContent answers Range and If-Range requests.
	http.ServeContent(w, r, mf.Name, st.ModTime(), f)
}
