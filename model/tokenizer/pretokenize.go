package tokenizer

import (
	"unicode"
	"unicode/utf8"
)

// Pre-tokenizer patterns this package implements by hand. Go's regexp has
// no lookahead, which `\s+(?!\S)` needs, so each known pattern is matched by
// a scanner that follows the regex's leftmost-first alternation exactly.
const (
	PatternQwen2 = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
	patternLlama = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
	patternGPT2  = `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
)

type splitKind int

const (
	splitNone splitKind = iota
	splitQwen2
	splitLlama3
	splitGPT2
)

func isL(r rune) bool { return unicode.IsLetter(r) }
func isN(r rune) bool { return unicode.IsNumber(r) }
func isS(r rune) bool { return unicode.IsSpace(r) }
func isCRLF(r rune) bool {
	return r == '\r' || r == '\n'
}

// splitWords cuts s into the pieces the pattern matches (every byte of s
// lands in exactly one piece: these patterns match everywhere).
func splitWords(kind splitKind, s string) []string {
	if kind == splitNone {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	var out []string
	for i := 0; i < len(s); {
		n := matchAt(kind, s, i)
		if n <= 0 { // cannot happen for the known patterns; never loop forever
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		out = append(out, s[i:i+n])
		i += n
	}
	return out
}

// runeAt decodes the rune at byte offset i (RuneError, 0 at the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// run returns the byte length of the longest run of runes from i that
// satisfy pred, and the number of runes in it (stopping after max runes when
// max > 0).
func run(s string, i int, pred func(rune) bool, max int) (bytes, runes int) {
	j := i
	for j < len(s) && (max <= 0 || runes < max) {
		r, w := runeAt(s, j)
		if !pred(r) {
			break
		}
		j += w
		runes++
	}
	return j - i, runes
}

func matchContraction(s string, i int, fold bool) int {
	if i >= len(s) || s[i] != '\'' {
		return 0
	}
	for _, suf := range []string{"s", "t", "re", "ve", "m", "ll", "d"} {
		if i+1+len(suf) <= len(s) {
			cand := s[i+1 : i+1+len(suf)]
			if cand == suf || (fold && asciiLower(cand) == suf) {
				return 1 + len(suf)
			}
		}
	}
	return 0
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func notSLN(r rune) bool { return !isS(r) && !isL(r) && !isN(r) }

// matchAt returns the byte length of the pattern's match at i.
func matchAt(kind splitKind, s string, i int) int {
	if kind == splitGPT2 {
		return matchGPT2(s, i)
	}
	// (?i:'s|'t|'re|'ve|'m|'ll|'d)
	if n := matchContraction(s, i, true); n > 0 {
		return n
	}
	r0, w0 := runeAt(s, i)
	// [^\r\n\p{L}\p{N}]?\p{L}+
	if !isCRLF(r0) && !isL(r0) && !isN(r0) {
		if n, _ := run(s, i+w0, isL, 0); n > 0 {
			return w0 + n
		}
	}
	if n, _ := run(s, i, isL, 0); n > 0 {
		return n
	}
	// \p{N} or \p{N}{1,3}
	if isN(r0) {
		if kind == splitLlama3 {
			n, _ := run(s, i, isN, 3)
			return n
		}
		return w0
	}
	// ' ?[^\s\p{L}\p{N}]+[\r\n]*'
	j := i
	if r0 == ' ' {
		j += w0
	}
	if n, _ := run(s, j, notSLN, 0); n > 0 {
		m, _ := run(s, j+n, isCRLF, 0)
		return j + n + m - i
	}
	// \s*[\r\n]+ : the whitespace run up to and including its last CR/LF.
	ws, _ := run(s, i, isS, 0)
	if ws > 0 {
		last := -1
		for k := i; k < i+ws; {
			r, w := runeAt(s, k)
			if isCRLF(r) {
				last = k + w
			}
			k += w
		}
		if last > 0 {
			return last - i
		}
		// \s+(?!\S): all of the run at the end of input, else all but its last rune.
		if i+ws == len(s) {
			return ws
		}
		if ws > lastRuneLen(s[i:i+ws]) {
			return ws - lastRuneLen(s[i:i+ws])
		}
		// \s+
		return ws
	}
	return 0
}

func lastRuneLen(s string) int {
	_, w := utf8.DecodeLastRuneInString(s)
	return w
}

func matchGPT2(s string, i int) int {
	if n := matchContraction(s, i, false); n > 0 {
		return n
	}
	r0, w0 := runeAt(s, i)
	j := i
	if r0 == ' ' {
		j += w0
	}
	for _, pred := range []func(rune) bool{isL, isN, notSLN} {
		if n, _ := run(s, j, pred, 0); n > 0 {
			return j + n - i
		}
	}
	ws, _ := run(s, i, isS, 0)
	if ws == 0 {
		return 0
	}
	if i+ws == len(s) {
		return ws
	}
	if ws > lastRuneLen(s[i:i+ws]) {
		return ws - lastRuneLen(s[i:i+ws])
	}
	return ws
}

// byteLevelAlphabet is GPT-2's reversible map from bytes to printable runes.
var byteToRune, runeToByte = func() ([256]rune, map[rune]byte) {
	var b2r [256]rune
	r2b := make(map[rune]byte, 256)
	n := 0
	for b := 0; b < 256; b++ {
		if ('!' <= b && b <= '~') || (0xA1 <= b && b <= 0xAC) || (0xAE <= b && b <= 0xFF) {
			b2r[b] = rune(b)
		} else {
			b2r[b] = rune(256 + n)
			n++
		}
		r2b[b2r[b]] = byte(b)
	}
	return b2r, r2b
}()

// ByteRune is the byte-level alphabet's rune for byte b (GPT-2's byte
// mapping), what a generated vocabulary is written in.
func ByteRune(b byte) rune { return byteToRune[b] }

// SplitQwen2 splits text with the Qwen2 pre-tokenizer (PatternQwen2), as
// BPE training needs it.
func SplitQwen2(text string) []string { return splitWords(splitQwen2, text) }
