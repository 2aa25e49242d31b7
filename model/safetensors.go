package model

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"syscall"
)

// DType is a safetensors element type this package reads.
type DType string

// Supported dtypes.
const (
	BF16 DType = "BF16"
	F16  DType = "F16"
	F32  DType = "F32"
)

// Size is the element size in bytes (0 for an unsupported dtype).
func (d DType) Size() int {
	switch d {
	case BF16, F16:
		return 2
	case F32:
		return 4
	}
	return 0
}

// Tensor is a view of one stored tensor; Data aliases the mapped file.
type Tensor struct {
	Name  string
	DType DType
	Shape []int
	Data  []byte
}

// Numel is the element count.
func (t *Tensor) Numel() int { return numel(t.Shape) }

// numel is the element count of a shape.
func numel(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// Float32 widens the tensor to f32 (exact for every supported dtype).
func (t *Tensor) Float32() []float32 {
	n := t.Numel()
	out := make([]float32, n)
	switch t.DType {
	case F32:
		for i := range out {
			out[i] = math.Float32frombits(binary.LittleEndian.Uint32(t.Data[4*i:]))
		}
	case BF16:
		for i := range out {
			out[i] = math.Float32frombits(uint32(binary.LittleEndian.Uint16(t.Data[2*i:])) << 16)
		}
	case F16:
		for i := range out {
			out[i] = f16ToF32(binary.LittleEndian.Uint16(t.Data[2*i:]))
		}
	}
	return out
}

func f16ToF32(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := int(h>>10) & 0x1f
	mant := uint32(h & 0x3ff)
	switch {
	case exp == 0 && mant == 0:
		return math.Float32frombits(sign)
	case exp == 0: // subnormal: value = mant * 2^-24
		v := float32(mant) * float32(math.Ldexp(1, -24))
		if sign != 0 {
			v = -v
		}
		return v
	case exp == 31:
		return math.Float32frombits(sign | 0x7f800000 | mant<<13)
	}
	return math.Float32frombits(sign | uint32(exp-15+127)<<23 | mant<<13)
}

// maxHeaderBytes bounds a safetensors JSON header.
const maxHeaderBytes = 100 << 20

// File is one mapped safetensors file.
type File struct {
	Path     string
	Metadata map[string]string
	Tensors  map[string]*Tensor
	mapped   []byte
}

// Close unmaps the file; tensors from it must not be used afterwards.
func (f *File) Close() error {
	if f.mapped == nil {
		return nil
	}
	err := syscall.Munmap(f.mapped)
	f.mapped = nil
	return err
}

// OpenSafetensors maps a safetensors file read-only and validates its header.
func OpenSafetensors(path string) (*File, error) {
	fd, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCheckpoint, err)
	}
	defer fd.Close()
	st, err := fd.Stat()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCheckpoint, err)
	}
	if st.Size() < 8 {
		return nil, fmt.Errorf("%w: %s: %d bytes, too short for a safetensors header", ErrCheckpoint, filepath.Base(path), st.Size())
	}
	if st.Size() > math.MaxInt {
		return nil, fmt.Errorf("%w: %s too large to map", ErrCheckpoint, path)
	}
	data, err := syscall.Mmap(int(fd.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("%w: mmap %s: %v", ErrCheckpoint, path, err)
	}
	f, err := parseSafetensors(path, data)
	if err != nil {
		_ = syscall.Munmap(data)
		return nil, err
	}
	f.mapped = data
	return f, nil
}

// ParseSafetensors validates an in-memory safetensors file (tests, fuzzing).
func ParseSafetensors(name string, data []byte) (*File, error) { return parseSafetensors(name, data) }

func parseSafetensors(path string, data []byte) (*File, error) {
	name := filepath.Base(path)
	if len(data) < 8 {
		return nil, fmt.Errorf("%w: %s: too short for a safetensors header", ErrCheckpoint, name)
	}
	hlen := binary.LittleEndian.Uint64(data[:8])
	if hlen > maxHeaderBytes || hlen > uint64(len(data)-8) {
		return nil, fmt.Errorf("%w: %s: header length %d exceeds the file (%d bytes)", ErrCheckpoint, name, hlen, len(data))
	}
	var hdr map[string]json.RawMessage
	if err := json.Unmarshal(data[8:8+hlen], &hdr); err != nil {
		return nil, fmt.Errorf("%w: %s: header JSON: %v", ErrCheckpoint, name, err)
	}
	body := data[8+hlen:]
	f := &File{Path: path, Tensors: make(map[string]*Tensor)}
	type span struct {
		b, e int
		name string
	}
	var spans []span
	for k, v := range hdr {
		if k == "__metadata__" {
			if err := json.Unmarshal(v, &f.Metadata); err != nil {
				return nil, fmt.Errorf("%w: %s: __metadata__: %v", ErrCheckpoint, name, err)
			}
			continue
		}
		var e struct {
			DType   string   `json:"dtype"`
			Shape   []int64  `json:"shape"`
			Offsets []uint64 `json:"data_offsets"`
		}
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, fmt.Errorf("%w: %s: tensor %q: %v", ErrCheckpoint, name, k, err)
		}
		dt := DType(e.DType)
		if dt.Size() == 0 {
			return nil, fmt.Errorf("%w: %s: tensor %q: dtype %q (supported: BF16, F16, F32)", ErrUnsupported, name, k, e.DType)
		}
		if len(e.Offsets) != 2 || e.Offsets[0] > e.Offsets[1] || e.Offsets[1] > uint64(len(body)) {
			return nil, fmt.Errorf("%w: %s: tensor %q: data_offsets %v outside the %d-byte data section", ErrCheckpoint, name, k, e.Offsets, len(body))
		}
		numel := uint64(1)
		shape := make([]int, len(e.Shape))
		for i, d := range e.Shape {
			if d < 0 || d > 1<<40 {
				return nil, fmt.Errorf("%w: %s: tensor %q: dimension %d", ErrCheckpoint, name, k, d)
			}
			shape[i] = int(d)
			numel *= uint64(d)
			if numel > 1<<40 {
				return nil, fmt.Errorf("%w: %s: tensor %q: too many elements", ErrCheckpoint, name, k)
			}
		}
		if want := numel * uint64(dt.Size()); e.Offsets[1]-e.Offsets[0] != want {
			return nil, fmt.Errorf("%w: %s: tensor %q: %d bytes for shape %v %s (want %d)", ErrCheckpoint, name, k, e.Offsets[1]-e.Offsets[0], shape, dt, want)
		}
		f.Tensors[k] = &Tensor{Name: k, DType: dt, Shape: shape, Data: body[e.Offsets[0]:e.Offsets[1]:e.Offsets[1]]}
		spans = append(spans, span{int(e.Offsets[0]), int(e.Offsets[1]), k})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].b < spans[j].b })
	for i := 1; i < len(spans); i++ {
		if spans[i].b < spans[i-1].e {
			return nil, fmt.Errorf("%w: %s: tensors %q and %q overlap", ErrCheckpoint, name, spans[i-1].name, spans[i].name)
		}
	}
	return f, nil
}

// Checkpoint is a loaded model folder: config and every tensor, possibly
// from several shards.
type Checkpoint struct {
	Dir     string
	Config  *Config
	Tensors map[string]*Tensor
	// Aliases maps a tensor name that is not stored to the stored tensor
	// that stands for it (tied embeddings declared in __metadata__).
	Aliases map[string]string
	files   []*File
	// onTensor, when set (OnTensor), is told of every tensor looked up:
	// what a loader watches to report progress.
	onTensor func(*Tensor)
}

// OnTensor has f told of every tensor Tensor returns from now on (nil:
// no one); f may be called from several goroutines at once.
func (c *Checkpoint) OnTensor(f func(*Tensor)) { c.onTensor = f }

// WeightBytes is the size of every stored tensor's data.
func (c *Checkpoint) WeightBytes() int64 {
	var n int64
	for _, t := range c.Tensors {
		n += int64(len(t.Data))
	}
	return n
}

// Close unmaps every shard.
func (c *Checkpoint) Close() error {
	var first error
	for _, f := range c.files {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Tensor returns a stored tensor, following aliases.
func (c *Checkpoint) Tensor(name string) (*Tensor, bool) {
	t, ok := c.Tensors[name]
	if !ok {
		if a, aliased := c.Aliases[name]; aliased {
			t, ok = c.Tensors[a]
		}
	}
	if ok && c.onTensor != nil {
		c.onTensor(t)
	}
	return t, ok
}

// OpenCheckpoint loads config.json and the weights of a Hugging Face folder:
// model.safetensors, or the shards listed by model.safetensors.index.json.
func OpenCheckpoint(dir string) (*Checkpoint, error) {
	cfg, err := LoadConfig(dir)
	if err != nil {
		return nil, err
	}
	ck := &Checkpoint{Dir: dir, Config: cfg, Tensors: map[string]*Tensor{}, Aliases: map[string]string{}}
	var paths []string
	var weightMap map[string]string
	if idx, err := os.ReadFile(filepath.Join(dir, "model.safetensors.index.json")); err == nil {
		var ix struct {
			WeightMap map[string]string `json:"weight_map"`
		}
		if err := json.Unmarshal(idx, &ix); err != nil {
			return nil, fmt.Errorf("%w: model.safetensors.index.json: %v", ErrCheckpoint, err)
		}
		weightMap = ix.WeightMap
		seen := map[string]bool{}
		for _, p := range ix.WeightMap {
			if filepath.Base(p) != p {
				return nil, fmt.Errorf("%w: index names shard %q outside the folder", ErrCheckpoint, p)
			}
			if !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
		sort.Strings(paths)
	} else {
		paths = []string{"model.safetensors"}
	}
	for _, p := range paths {
		f, err := OpenSafetensors(filepath.Join(dir, p))
		if err != nil {
			ck.Close()
			return nil, err
		}
		ck.files = append(ck.files, f)
		for name, t := range f.Tensors {
			if _, dup := ck.Tensors[name]; dup {
				ck.Close()
				return nil, fmt.Errorf("%w: tensor %q stored twice", ErrCheckpoint, name)
			}
			if weightMap != nil && weightMap[name] != p {
				ck.Close()
				return nil, fmt.Errorf("%w: tensor %q found in %s, index says %q", ErrCheckpoint, name, p, weightMap[name])
			}
			ck.Tensors[name] = t
		}
		for alias, target := range f.Metadata {
			if _, stored := f.Tensors[target]; stored && alias != "format" {
				if _, both := f.Tensors[alias]; !both {
					ck.Aliases[alias] = target
				}
			}
		}
	}
	for name, p := range weightMap {
		if _, ok := ck.Tensors[name]; !ok {
			ck.Close()
			return nil, fmt.Errorf("%w: tensor %q listed in the index (%s) is missing", ErrCheckpoint, name, p)
		}
	}
	if err := ck.validate(); err != nil {
		ck.Close()
		return nil, err
	}
	return ck, nil
}

// LayerTensors are the Hugging Face names of one decoder layer's tensors.
type LayerTensors struct {
	AttnNorm, MLPNorm, Q, K, V, O, Gate, Up, Down string
	QBias, KBias, VBias                           string // Qwen2's QKV bias
}

// LayerTensorNames names layer l's tensors.
func LayerTensorNames(l int) LayerTensors {
	p := fmt.Sprintf("model.layers.%d.", l)
	return LayerTensors{
		AttnNorm: p + "input_layernorm.weight", MLPNorm: p + "post_attention_layernorm.weight",
		Q: p + "self_attn.q_proj.weight", K: p + "self_attn.k_proj.weight",
		V: p + "self_attn.v_proj.weight", O: p + "self_attn.o_proj.weight",
		Gate: p + "mlp.gate_proj.weight", Up: p + "mlp.up_proj.weight", Down: p + "mlp.down_proj.weight",
		QBias: p + "self_attn.q_proj.bias", KBias: p + "self_attn.k_proj.bias", VBias: p + "self_attn.v_proj.bias",
	}
}

// expected lists every tensor the architecture needs with its shape.
func (cfg *Config) expected() map[string][]int {
	h, kv := cfg.HiddenSize, cfg.KVHeads*cfg.HeadDim
	q := cfg.Heads * cfg.HeadDim
	m := map[string][]int{
		"model.embed_tokens.weight": {cfg.VocabSize, h},
		"model.norm.weight":         {h},
		"lm_head.weight":            {cfg.VocabSize, h},
	}
	for l := 0; l < cfg.Layers; l++ {
		n := LayerTensorNames(l)
		m[n.AttnNorm] = []int{h}
		m[n.MLPNorm] = []int{h}
		m[n.Q] = []int{q, h}
		m[n.K] = []int{kv, h}
		m[n.V] = []int{kv, h}
		m[n.O] = []int{h, q}
		m[n.Gate] = []int{cfg.IntermediateSize, h}
		m[n.Up] = []int{cfg.IntermediateSize, h}
		m[n.Down] = []int{h, cfg.IntermediateSize}
		if cfg.QKVBias() {
			m[n.QBias] = []int{q}
			m[n.KBias] = []int{kv}
			m[n.VBias] = []int{kv}
		}
	}
	return m
}

func (c *Checkpoint) validate() error {
	exp := c.Config.expected()
	// Tied embeddings: one matrix stands for both ends.
	_, hasEmbed := c.Tensor("model.embed_tokens.weight")
	_, hasHead := c.Tensor("lm_head.weight")
	switch {
	case hasEmbed && !hasHead && c.Config.TieWordEmbeddings:
		c.Aliases["lm_head.weight"] = "model.embed_tokens.weight"
	case !hasEmbed && hasHead && c.Config.TieWordEmbeddings:
		c.Aliases["model.embed_tokens.weight"] = "lm_head.weight"
	}
	var names []string
	for n := range exp {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t, ok := c.Tensor(n)
		if !ok {
			return fmt.Errorf("%w: tensor %q missing", ErrCheckpoint, n)
		}
		if fmt.Sprint(t.Shape) != fmt.Sprint(exp[n]) {
			return fmt.Errorf("%w: tensor %q has shape %v, config implies %v", ErrCheckpoint, n, t.Shape, exp[n])
		}
	}
	var extra []string
	for n := range c.Tensors {
		if _, ok := exp[n]; !ok {
			extra = append(extra, n)
		}
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return fmt.Errorf("%w: unexpected tensor %q (and %d more) for %s", ErrCheckpoint, extra[0], len(extra)-1, c.Config.Arch)
	}
	return nil
}
