package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/lexicon"
)

// view is the folded form of an article that phrases are matched in (see
// lexicon.Fold), with a space inserted where words were glued together in
// the source ("UnitedNations", "with80", "UNpeacekeeping"), and the byte
// offset in the original text of every view byte.
type view struct {
	b   []byte
	off []int32 // len(b)+1 entries; off[len(b)] == len(text)
}

func newView(text string) view {
	var v view
	v.build(text)
	return v
}

// build makes v the view of text, reusing v's buffers.
func (v *view) build(text string) {
	n := len(text)
	// a view byte per rune, plus at most one inserted space per rune
	if c := 2*n + 1; cap(v.b) < c {
		v.b, v.off = make([]byte, c), make([]int32, c+1)
	}
	b, off := v.b[:cap(v.b)], v.off[:cap(v.off)]
	j := 0
	var prev, prev2 uint8 // classes of the previous two runes
	lowerRun := 0         // length of the run of lower-case letters ending at prev
	for i := 0; i < n; {
		var cls uint8
		var f byte
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			cls, f = asciiClass[c], asciiFold[c]
			if cls == clsLower && (lowerRun > 0 || prev == clsOther) {
				// the common case, a lower-case word or the rest of one
				// (no space is ever inserted before its letters): copy it
				k := i + 1
				for k < n && text[k] < utf8.RuneSelf && asciiClass[text[k]] == clsLower {
					k++
				}
				m := k - i
				lowerRun += m
				copy(b[j:j+m], text[i:k])
				o := off[j : j+m]
				for t := range o {
					o[t] = int32(i + t)
				}
				i, j = k, j+m
				if m == 1 {
					prev2 = prev
				} else {
					prev2 = clsLower
				}
				prev = clsLower
				continue
			}
			if cls == clsOther {
				// spaces and punctuation: never preceded by an inserted space
				b[j], off[j] = f, int32(i)
				j++
				lowerRun = 0
				prev2, prev = prev, clsOther
				i++
				continue
			}
		} else {
			r, sz := utf8.DecodeRuneInString(text[i:])
			size = sz
			switch {
			case unicode.IsLower(r):
				cls = clsLower
			case unicode.IsUpper(r):
				cls = clsUpper
			}
			f = lexicon.FoldRune(r)
		}
		if cls != clsOther && (cls == clsUpper && lowerRun >= 2 || // "theVietnamese", "UnitedNations"
			cls == clsDigit && lowerRun >= 2 || // "with80"
			cls == clsLower && prev == clsUpper && prev2 == clsUpper && lowerRunFrom(text[i:]) >= 3 || // "UNpeacekeeping"
			prev == clsDigit && (cls == clsLower || cls == clsUpper) && lowerRunFrom(text[i:]) >= 4) { // "80nations"
			b[j], off[j] = ' ', int32(i)
			j++
		}
		b[j], off[j] = f, int32(i)
		j++
		if cls == clsLower {
			lowerRun++
		} else {
			lowerRun = 0
		}
		prev2, prev = prev, cls
		i += size
	}
	off[j] = int32(n)
	v.b, v.off = b[:j], off[:j+1]
}

// Character classes of the view builder.
const (
	clsOther uint8 = iota
	clsLower
	clsUpper
	clsDigit
)

var asciiClass, asciiFold = buildASCIITables()

func buildASCIITables() (cls, fold [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		fold[c] = lexicon.FoldRune(rune(c))
		switch {
		case c >= 'a' && c <= 'z':
			cls[c] = clsLower
		case c >= 'A' && c <= 'Z':
			cls[c] = clsUpper
		case c >= '0' && c <= '9':
			cls[c] = clsDigit
		}
	}
	return
}

func lowerRunFrom(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 'a' || c > 'z' {
				break
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLower(r) {
				break
			}
			i += size
		}
		n++
	}
	return n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// span is a half-open byte range of the original text.
type span struct{ start, end int }

// sentence is one sentence: its bytes in the original text and its
// paragraph number.
type sentence struct {
	span
	para int
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "lieut": true, "lt": true, "gen": true, "col": true,
	"maj": true, "capt": true, "adm": true, "cdr": true, "comr": true, "sr": true, "jr": true, "st": true, "no": true,
	"vs": true, "inc": true, "corp": true, "co": true, "ltd": true, "rev": true, "prof": true, "gov": true,
	"hon": true, "sgt": true, "cpl": true, "brig": true, "dept": true, "govt": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "op": true, "cit": true,
	"approx": true, "est": true, "fig": true, "vol": true, "pp": true, "p": true, "e.g": true, "i.e": true, "cmdr": true,
	"gens": true, "lt.gen": true, "pres": true, "rep": true, "assoc": true, "dep": true, "div": true, "reg": true,
}

// splitSentences cuts text into sentences. A sentence ends at '.', '!' or
// '?' (and closing quotes or brackets after it) followed by a space or
// directly by a capital letter ("June 28.With"), unless the word before the
// period is an abbreviation ("Sen.", "Lieut.", "Col.") or a single capital
// ("U.S.", initials). Blank lines always end a sentence; a single line break
// does too, except in hard-wrapped text (most lines long and not ending in
// punctuation), where it is a space.
func splitSentences(text string) []sentence { return appendSentences(nil, text) }

// appendSentences appends the sentences of text to out (see splitSentences).
func appendSentences(out []sentence, text string) []sentence {
	out = out[:0]
	wrapped := isHardWrapped(text)
	para := 0
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, sentence{span{s, e}, para})
		}
		start = -1
	}
	n := len(text)
	for i := 0; i < n; {
		if start >= 0 {
			for i < n && !sentenceByte[text[i]] {
				i++ // inside a sentence, ASCII that cannot end it
			}
			if i == n {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			j := i + 1
			blank := false
			for j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
				if text[j] == '\n' {
					blank = true
				}
				j++
			}
			if blank || !wrapped {
				emit(i)
				if blank {
					para++
				} else if !wrapped {
					para++ // one paragraph per line in line-per-paragraph text
				}
			}
			i = j
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			start = i
		}
		if r == '.' || r == '!' || r == '?' || r == '…' {
			end := i + size
			// closing punctuation and VNA's "./." end marker
			for end < n {
				c, cs := utf8.DecodeRuneInString(text[end:])
				if c == '"' || c == '\'' || c == '’' || c == '”' || c == ')' || c == ']' || c == '/' || (c == '.' && end > 0 && text[end-1] == '/') {
					end += cs
					continue
				}
				break
			}
			if isBoundary(text, i, end) {
				emit(end)
				i = end
				continue
			}
		}
		i += size
	}
	emit(n)
	return out
}

// sentenceByte marks the bytes splitSentences looks at inside a sentence:
// line breaks, terminals and the bytes of non-ASCII runes ("…").
var sentenceByte = func() (t [256]bool) {
	for _, c := range "\n.!?" {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// isBoundary decides whether the terminal at text[i] (ending at end) ends
// a sentence.
func isBoundary(text string, i, end int) bool {
	if end >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if text[i] == '.' {
		// word before the period
		j := i
		for j > 0 {
			c, cs := utf8.DecodeLastRuneInString(text[:j])
			if !unicode.IsLetter(c) {
				break
			}
			j -= cs
		}
		word := text[j:i]
		if abbreviations[strings.ToLower(word)] {
			return false
		}
		if r, n := utf8.DecodeRuneInString(word); n == len(word) && n > 0 && unicode.IsUpper(r) {
			return false // initials, U.S., U.N.
		}
		if i > 0 && isDigit(rune(text[i-1])) && isDigit(next) {
			return false // 3.5
		}
	}
	if unicode.IsSpace(next) {
		// the next word must not start in lower case ("approx. five")
		k := end
		for k < len(text) {
			c, cs := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(c) {
				return !unicode.IsLower(c)
			}
			k += cs
		}
		return true
	}
	return unicode.IsUpper(next) || next == '"' || next == '“' || next == '‘' || next == '-' || next == '–' || next == '(' || isDigit(next) && text[i] != '.'
}

// isHardWrapped reports text whose lines were wrapped at a fixed width:
// most non-empty lines are 40-90 bytes long and do not end a sentence.
func isHardWrapped(text string) bool {
	total, wrapped := 0, 0
	for rest := text; rest != ""; {
		l := rest
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			l, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		total++
		last, _ := utf8.DecodeLastRuneInString(l)
		if len(l) >= 40 && len(l) <= 90 && !strings.ContainsRune(".!?\"”’:", last) {
			wrapped++
		}
	}
	return total >= 4 && wrapped*2 > total
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// normalizeSpace collapses every run of white space to one space, the form
// evidence sentences take in the contract. Text already in that form (most
// sentences) is returned as it is, without a copy.
func normalizeSpace(s string) string {
	if isNormalSpace(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isNormalSpace reports s without leading, trailing, repeated or non-' '
// white space.
func isNormalSpace(s string) bool {
	space := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf { // most bytes: tested first
			space = false
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if c == ' ' {
				if space {
					return false
				}
				space = true
			} else if c <= '\r' && c >= '\t' {
				return false
			} else {
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}
