package tokenizer

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Errors of loading a tokenizer.json.
var (
	// ErrTokenizer is returned for a malformed tokenizer.json.
	ErrTokenizer = errors.New("tokenizer: bad tokenizer")
	// ErrUnsupported is returned for a valid tokenizer.json that uses
	// something this package does not implement.
	ErrUnsupported = errors.New("tokenizer: unsupported")
)

// Tokenizer implements the Hugging Face tokenizers BPE model for the two
// families in use: byte-level BPE (Qwen2/Qwen3, Llama-3, GPT-2 style:
// ByteLevel pre-tokenizer, optionally after a regex Split) and SentencePiece-
// style BPE (Prepend/Replace "▁" normalizer, byte fallback; Llama-2 style,
// TinyStories). It is safe for concurrent use.
type Tokenizer struct {
	vocab     map[string]int
	tokens    []string // by id; "" where unused
	merges    map[[2]int]merge
	byteLevel bool
	split     splitKind
	nfc       bool
	prepend   string
	replace   [][2]string
	fallback  bool
	unk       int // -1 when none
	fuseUnk   bool
	ignoreMrg bool
	added     []addedToken
	special   map[int]bool
	post      []int // ids the post-processor puts before the sequence
	postAfter []int // ids it puts after
	decSP     bool  // SentencePiece decoder (▁ → space, byte fallback, strip one leading space)
	stripLead int

	mu    sync.Mutex
	cache map[string][]int
}

type merge struct{ rank, id int }

type addedToken struct {
	content    string
	id         int
	special    bool
	normalized bool
}

// Load reads DIR/tokenizer.json.
func Load(dir string) (*Tokenizer, error) {
	data, err := os.ReadFile(filepath.Join(dir, "tokenizer.json"))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTokenizer, err)
	}
	return Parse(data)
}

type jsonNode = map[string]json.RawMessage

func field[T any](n jsonNode, k string) (T, bool) {
	var v T
	raw, ok := n[k]
	if !ok || string(raw) == "null" {
		return v, false
	}
	if json.Unmarshal(raw, &v) != nil {
		return v, false
	}
	return v, true
}

// Parse decodes a tokenizer.json document.
func Parse(data []byte) (*Tokenizer, error) {
	var root jsonNode
	if err := json.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%w: tokenizer.json: %v", ErrTokenizer, err)
	}
	t := &Tokenizer{unk: -1, special: map[int]bool{}, cache: map[string][]int{}}
	m, ok := field[jsonNode](root, "model")
	if !ok {
		return nil, fmt.Errorf("%w: no model", ErrTokenizer)
	}
	if typ, _ := field[string](m, "type"); typ != "BPE" {
		return nil, fmt.Errorf("%w: model type %q (supported: BPE)", ErrUnsupported, typ)
	}
	if err := t.loadModel(m); err != nil {
		return nil, err
	}
	if err := t.loadAdded(root); err != nil {
		return nil, err
	}
	if err := t.loadNormalizer(root); err != nil {
		return nil, err
	}
	if err := t.loadPreTokenizer(root); err != nil {
		return nil, err
	}
	if err := t.loadPost(root); err != nil {
		return nil, err
	}
	if err := t.loadDecoder(root); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *Tokenizer) loadModel(m jsonNode) error {
	vocab, ok := field[map[string]int](m, "vocab")
	if !ok || len(vocab) == 0 {
		return fmt.Errorf("%w: model.vocab missing", ErrTokenizer)
	}
	t.vocab = vocab
	maxID := 0
	for _, id := range vocab {
		if id < 0 || id > 1<<24 {
			return fmt.Errorf("%w: vocab id %d out of range", ErrTokenizer, id)
		}
		maxID = max(maxID, id)
	}
	t.tokens = make([]string, maxID+1)
	for s, id := range vocab {
		t.tokens[id] = s
	}
	// Merges come as "a b" strings or [a, b] pairs.
	var rawMerges []json.RawMessage
	if r, ok := m["merges"]; ok {
		if err := json.Unmarshal(r, &rawMerges); err != nil {
			return fmt.Errorf("%w: merges: %v", ErrTokenizer, err)
		}
	}
	t.merges = make(map[[2]int]merge, len(rawMerges))
	for rank, r := range rawMerges {
		var a, b string
		var s string
		var pair []string
		if json.Unmarshal(r, &s) == nil {
			i := strings.Index(s, " ")
			if i <= 0 {
				return fmt.Errorf("%w: merge %d %q is not 'a b'", ErrTokenizer, rank, s)
			}
			a, b = s[:i], s[i+1:]
		} else if json.Unmarshal(r, &pair) == nil && len(pair) == 2 {
			a, b = pair[0], pair[1]
		} else {
			return fmt.Errorf("%w: merge %d is neither 'a b' nor [a, b]", ErrTokenizer, rank)
		}
		ia, oka := vocab[a]
		ib, okb := vocab[b]
		iab, okab := vocab[a+b]
		if !oka || !okb || !okab {
			return fmt.Errorf("%w: merge %d (%q %q) uses tokens outside the vocab", ErrTokenizer, rank, a, b)
		}
		if _, dup := t.merges[[2]int{ia, ib}]; !dup {
			t.merges[[2]int{ia, ib}] = merge{rank: rank, id: iab}
		}
	}
	if u, ok := field[string](m, "unk_token"); ok {
		id, ok := vocab[u]
		if !ok {
			return fmt.Errorf("%w: unk_token %q not in vocab", ErrTokenizer, u)
		}
		t.unk = id
	}
	t.fallback, _ = field[bool](m, "byte_fallback")
	t.fuseUnk, _ = field[bool](m, "fuse_unk")
	t.ignoreMrg, _ = field[bool](m, "ignore_merges")
	if p, ok := field[string](m, "continuing_subword_prefix"); ok && p != "" {
		return fmt.Errorf("%w: continuing_subword_prefix", ErrUnsupported)
	}
	if p, ok := field[string](m, "end_of_word_suffix"); ok && p != "" {
		return fmt.Errorf("%w: end_of_word_suffix", ErrUnsupported)
	}
	return nil
}

func (t *Tokenizer) loadAdded(root jsonNode) error {
	list, _ := field[[]struct {
		ID         int    `json:"id"`
		Content    string `json:"content"`
		Special    bool   `json:"special"`
		Normalized bool   `json:"normalized"`
		SingleWord bool   `json:"single_word"`
		LStrip     bool   `json:"lstrip"`
		RStrip     bool   `json:"rstrip"`
	}](root, "added_tokens")
	for _, a := range list {
		if a.Content == "" || a.ID < 0 || a.ID > 1<<24 {
			return fmt.Errorf("%w: added token %d", ErrTokenizer, a.ID)
		}
		if a.SingleWord || a.LStrip || a.RStrip {
			return fmt.Errorf("%w: added token %q uses single_word/lstrip/rstrip", ErrUnsupported, a.Content)
		}
		t.added = append(t.added, addedToken{a.Content, a.ID, a.Special, a.Normalized})
		if a.Special {
			t.special[a.ID] = true
		}
		for a.ID >= len(t.tokens) {
			t.tokens = append(t.tokens, "")
		}
		t.tokens[a.ID] = a.Content
		t.vocab[a.Content] = a.ID
	}
	// Longest first, so that matching at a position prefers the longest token.
	sort.SliceStable(t.added, func(i, j int) bool { return len(t.added[i].content) > len(t.added[j].content) })
	return nil
}

func (t *Tokenizer) loadNormalizer(root jsonNode) error {
	n, ok := field[jsonNode](root, "normalizer")
	if !ok {
		return nil
	}
	return t.normalizerNode(n)
}

func (t *Tokenizer) normalizerNode(n jsonNode) error {
	typ, _ := field[string](n, "type")
	switch typ {
	case "Sequence":
		subs, _ := field[[]jsonNode](n, "normalizers")
		for _, s := range subs {
			if err := t.normalizerNode(s); err != nil {
				return err
			}
		}
	case "NFC":
		t.nfc = true
	case "Prepend":
		t.prepend, _ = field[string](n, "prepend")
	case "Replace":
		pat, _ := field[jsonNode](n, "pattern")
		from, ok := field[string](pat, "String")
		if !ok {
			return fmt.Errorf("%w: Replace normalizer with a regex pattern", ErrUnsupported)
		}
		to, _ := field[string](n, "content")
		t.replace = append(t.replace, [2]string{from, to})
	default:
		return fmt.Errorf("%w: normalizer %q", ErrUnsupported, typ)
	}
	return nil
}

func (t *Tokenizer) loadPreTokenizer(root jsonNode) error {
	n, ok := field[jsonNode](root, "pre_tokenizer")
	if !ok {
		return nil
	}
	return t.preNode(n)
}

func (t *Tokenizer) preNode(n jsonNode) error {
	typ, _ := field[string](n, "type")
	switch typ {
	case "Sequence":
		subs, _ := field[[]jsonNode](n, "pretokenizers")
		for _, s := range subs {
			if err := t.preNode(s); err != nil {
				return err
			}
		}
	case "Split":
		pat, _ := field[jsonNode](n, "pattern")
		re, _ := field[string](pat, "Regex")
		if b, _ := field[string](n, "behavior"); b != "Isolated" {
			return fmt.Errorf("%w: Split behavior %q", ErrUnsupported, b)
		}
		if inv, _ := field[bool](n, "invert"); inv {
			return fmt.Errorf("%w: inverted Split", ErrUnsupported)
		}
		switch re {
		case PatternQwen2:
			t.split = splitQwen2
		case patternLlama:
			t.split = splitLlama3
		case patternGPT2:
			t.split = splitGPT2
		default:
			return fmt.Errorf("%w: Split pattern %q", ErrUnsupported, re)
		}
	case "ByteLevel":
		t.byteLevel = true
		if p, _ := field[bool](n, "add_prefix_space"); p {
			return fmt.Errorf("%w: ByteLevel add_prefix_space", ErrUnsupported)
		}
		if r, ok := field[bool](n, "use_regex"); !ok || r {
			if t.split != splitNone {
				return fmt.Errorf("%w: ByteLevel regex after a Split", ErrUnsupported)
			}
			t.split = splitGPT2
		}
	default:
		return fmt.Errorf("%w: pre_tokenizer %q", ErrUnsupported, typ)
	}
	return nil
}

func (t *Tokenizer) loadPost(root jsonNode) error {
	n, ok := field[jsonNode](root, "post_processor")
	if !ok {
		return nil
	}
	return t.postNode(n)
}

func (t *Tokenizer) postNode(n jsonNode) error {
	typ, _ := field[string](n, "type")
	switch typ {
	case "Sequence":
		subs, _ := field[[]jsonNode](n, "processors")
		for _, s := range subs {
			if err := t.postNode(s); err != nil {
				return err
			}
		}
	case "ByteLevel":
	case "TemplateProcessing":
		single, _ := field[[]jsonNode](n, "single")
		specials, _ := field[map[string]struct {
			IDs []int `json:"ids"`
		}](n, "special_tokens")
		after := false
		for _, item := range single {
			if _, ok := item["Sequence"]; ok {
				after = true
				continue
			}
			sp, ok := field[struct {
				ID string `json:"id"`
			}](item, "SpecialToken")
			if !ok {
				return fmt.Errorf("%w: template item", ErrTokenizer)
			}
			ids := specials[sp.ID].IDs
			if len(ids) == 0 {
				return fmt.Errorf("%w: template special token %q has no ids", ErrTokenizer, sp.ID)
			}
			if after {
				t.postAfter = append(t.postAfter, ids...)
			} else {
				t.post = append(t.post, ids...)
			}
		}
	default:
		return fmt.Errorf("%w: post_processor %q", ErrUnsupported, typ)
	}
	return nil
}

func (t *Tokenizer) loadDecoder(root jsonNode) error {
	n, ok := field[jsonNode](root, "decoder")
	if !ok {
		return nil
	}
	return t.decNode(n)
}

func (t *Tokenizer) decNode(n jsonNode) error {
	typ, _ := field[string](n, "type")
	switch typ {
	case "Sequence":
		subs, _ := field[[]jsonNode](n, "decoders")
		for _, s := range subs {
			if err := t.decNode(s); err != nil {
				return err
			}
		}
	case "ByteLevel":
	case "Replace", "ByteFallback", "Fuse":
		t.decSP = true
	case "Strip":
		start, _ := field[int](n, "start")
		t.stripLead = start
	default:
		return fmt.Errorf("%w: decoder %q", ErrUnsupported, typ)
	}
	return nil
}

// VocabSize is one more than the largest token id.
func (t *Tokenizer) VocabSize() int { return len(t.tokens) }

// TokenID returns the id of a token string (added tokens included).
func (t *Tokenizer) TokenID(s string) (int, bool) {
	id, ok := t.vocab[s]
	return id, ok
}

// IsSpecial reports whether id is a special added token.
func (t *Tokenizer) IsSpecial(id int) bool { return t.special[id] }

// Encode tokenizes text as Hugging Face's tokenizer.encode(text) does with
// add_special_tokens=True: added tokens are recognized in the text, the rest
// normalized, pre-tokenized and BPE-encoded, and the post-processor's tokens
// added around the sequence.
func (t *Tokenizer) Encode(text string) []int {
	ids := append([]int(nil), t.post...)
	ids = append(ids, t.EncodeRaw(text)...)
	return append(ids, t.postAfter...)
}

// EncodeRaw is Encode without the post-processor's special tokens.
func (t *Tokenizer) EncodeRaw(text string) []int {
	var ids []int
	// Added tokens that are matched on raw text split first; each remaining
	// piece is normalized on its own; normalized added tokens split next.
	for _, seg := range t.splitAdded(text, false) {
		if seg.id >= 0 {
			ids = append(ids, seg.id)
			continue
		}
		for _, seg2 := range t.splitAdded(t.normalize(seg.text), true) {
			if seg2.id >= 0 {
				ids = append(ids, seg2.id)
				continue
			}
			for _, w := range splitWords(t.split, seg2.text) {
				ids = append(ids, t.word(w)...)
			}
		}
	}
	return ids
}

type segment struct {
	text string
	id   int
}

func (t *Tokenizer) splitAdded(s string, normalized bool) []segment {
	var out []segment
	start := 0
	for i := 0; i < len(s); {
		hit := -1
		for k, a := range t.added {
			if a.normalized == normalized && strings.HasPrefix(s[i:], a.content) {
				hit = k
				break
			}
		}
		if hit < 0 {
			i++
			continue
		}
		if i > start {
			out = append(out, segment{s[start:i], -1})
		}
		out = append(out, segment{"", t.added[hit].id})
		i += len(t.added[hit].content)
		start = i
	}
	if start < len(s) {
		out = append(out, segment{s[start:], -1})
	}
	return out
}

func (t *Tokenizer) normalize(s string) string {
	if t.nfc {
		s = norm.NFC.String(s)
	}
	if t.prepend != "" && s != "" {
		s = t.prepend + s
	}
	for _, r := range t.replace {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}

// maxCachedWord bounds the words kept in the BPE cache.
const maxCachedWord = 64

// word BPE-encodes one pre-tokenized word.
func (t *Tokenizer) word(w string) []int {
	if w == "" {
		return nil
	}
	if t.byteLevel {
		var b strings.Builder
		for i := 0; i < len(w); i++ {
			b.WriteRune(byteToRune[w[i]])
		}
		w = b.String()
	}
	if len(w) <= maxCachedWord {
		t.mu.Lock()
		ids, ok := t.cache[w]
		t.mu.Unlock()
		if ok {
			return ids
		}
	}
	ids := t.bpe(w)
	if len(w) <= maxCachedWord {
		t.mu.Lock()
		if len(t.cache) > 1<<16 {
			t.cache = map[string][]int{}
		}
		t.cache[w] = ids
		t.mu.Unlock()
	}
	return ids
}

func (t *Tokenizer) bpe(w string) []int {
	if t.ignoreMrg {
		if id, ok := t.vocab[w]; ok {
			return []int{id}
		}
	}
	syms := make([]int, 0, len(w))
	lastUnk := false
	for _, r := range w {
		if id, ok := t.vocab[string(r)]; ok {
			syms = append(syms, id)
			lastUnk = false
			continue
		}
		if t.fallback {
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], r)
			var fb []int
			for _, c := range buf[:n] {
				id, ok := t.vocab[fmt.Sprintf("<0x%02X>", c)]
				if !ok {
					fb = nil
					break
				}
				fb = append(fb, id)
			}
			if fb != nil {
				syms = append(syms, fb...)
				lastUnk = false
				continue
			}
		}
		if t.unk >= 0 && !(t.fuseUnk && lastUnk) {
			syms = append(syms, t.unk)
		}
		lastUnk = true
	}
	// Repeatedly merge the adjacent pair of lowest rank (leftmost on ties),
	// as the reference implementation's priority queue does.
	for len(syms) > 1 {
		best, bestRank := -1, int(^uint(0)>>1)
		for i := 0; i+1 < len(syms); i++ {
			if m, ok := t.merges[[2]int{syms[i], syms[i+1]}]; ok && m.rank < bestRank {
				best, bestRank = i, m.rank
			}
		}
		if best < 0 {
			break
		}
		syms[best] = t.merges[[2]int{syms[best], syms[best+1]}].id
		syms = append(syms[:best+1], syms[best+2:]...)
	}
	return syms
}

// Decode turns ids back into text. With skipSpecial, special added tokens are
// dropped. Ids outside the vocabulary are an error.
func (t *Tokenizer) Decode(ids []int, skipSpecial bool) (string, error) {
	var out []byte
	var pend []byte // byte-fallback bytes awaiting a UTF-8 check
	flush := func() {
		if utf8.Valid(pend) {
			out = append(out, pend...)
		} else {
			for range pend {
				out = append(out, "\uFFFD"...)
			}
		}
		pend = pend[:0]
	}
	var bl []byte // byte-level bytes, decoded together
	for i, id := range ids {
		if id < 0 || id >= len(t.tokens) || t.tokens[id] == "" {
			return "", fmt.Errorf("%w: token %d at position %d is not in the vocabulary", ErrTokenizer, id, i)
		}
		tok := t.tokens[id]
		if t.special[id] {
			if skipSpecial {
				continue
			}
			if t.byteLevel {
				bl = append(bl, tok...)
				continue
			}
		}
		switch {
		case t.byteLevel && !t.isAdded(id):
			for _, r := range tok {
				if b, ok := runeToByte[r]; ok {
					bl = append(bl, b)
				} else {
					bl = append(bl, string(r)...)
				}
			}
		case t.byteLevel:
			bl = append(bl, tok...)
		case t.decSP && len(tok) == 6 && strings.HasPrefix(tok, "<0x") && tok[5] == '>':
			v, err := strconv.ParseUint(tok[3:5], 16, 8)
			if err != nil {
				flush()
				out = append(out, tok...)
				continue
			}
			pend = append(pend, byte(v))
		default:
			flush()
			if t.decSP {
				tok = strings.ReplaceAll(tok, "▁", " ")
			}
			out = append(out, tok...)
		}
	}
	flush()
	if t.byteLevel {
		out = appendLossy(out, bl)
	}
	s := string(out)
	for k := 0; k < t.stripLead && strings.HasPrefix(s, " "); k++ {
		s = s[1:]
	}
	return s, nil
}

func (t *Tokenizer) isAdded(id int) bool {
	for _, a := range t.added {
		if a.id == id {
			return true
		}
	}
	return false
}

// appendLossy appends b with each maximal ill-formed UTF-8 subpart replaced
// by U+FFFD, as Rust's String::from_utf8_lossy (and so the reference
// tokenizer's ByteLevel decoder) does.
func appendLossy(out, b []byte) []byte {
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || w > 1 {
			out = append(out, b[i:i+w]...)
			i += w
			continue
		}
		i += maximalSubpart(b[i:])
		out = append(out, "\uFFFD"...)
	}
	return out
}

// maximalSubpart is the length of the longest prefix of b that is a valid
// beginning of a UTF-8 sequence (at least 1), per Unicode §3.9.
func maximalSubpart(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return 1
	}
	n := 1
	for k := 0; k < need && n < len(b); k++ {
		x := b[n]
		if k == 0 {
			if x < lo || x > hi {
				return n
			}
		} else if x < 0x80 || x > 0xBF {
			return n
		}
		n++
	}
	return n
}
