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
	return s, nil
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
	f, err := os.Open(filepath.Join(sv.dir, mf.Name))
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
