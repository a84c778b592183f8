package extract

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/relgraph/relgraph/internal/lexicon"
)

// view is the folded form of an article that phrases are matched in (see
// lexicon.Fold), with a space inserted where words were glued together in
// the source ("UnitedNations", "with80", "UNpeacekeeping").
//
// Every view byte stands for a rune of the text (an inserted space for the
// rune after it), and most for an ASCII byte: view and text offsets then
// grow together, and differ only by the multi-byte runes and spaces
// before. So the view keeps the offsets where that difference changes
// (shifts), few in most articles, not a text offset per view byte:
// writing those was a quarter of build, and reading them missed the cache.
type view struct {
	b      []byte
	shifts []shift // in view order
	near   stretch // where textAt was asked last

	// ellipses says whether the text has a "…", which the sentence
	// splitter then looks for (see stops): build decodes each rune
	// that is not ASCII, so it tells at no cost, and most texts have
	// none.
	ellipses bool
}

// stretch is the view range [lo, hi) between two shifts, where view
// offset u stands for text offset u-d.
type stretch struct{ lo, hi, d int }

// shift says that from view offset v on (to the next shift), view offset
// u stands for text offset u-d.
type shift struct{ v, d int32 }

func newView(text string) view {
	var v view
	v.build(text)
	return v
}

// build makes v the view of text, reusing v's buffers.
func (v *view) build(text string) {
	v.ellipses = false
	v.fill(text)
}

// fill is build but for v.ellipses, which it sets but does not clear: a
// function of its own, as clearing it in the loop's function made the
// compiler keep fewer of the loop's values in registers.
//
// Most text is lower-case words, spaces and punctuation, which are their
// own view: build copies them eight bytes at a time (plainPrefix).
// Elsewhere a space goes in only where the classes of a rune and the two
// before it are one of a few (gluedAt), found with a bit mask.
func (v *view) fill(text string) {
	n := len(text)
	// a view byte per rune, plus at most one inserted space per rune
	if c := 2 * n; cap(v.b) < c {
		v.b = make([]byte, c)
	}
	b := v.b[:cap(v.b)]
	v.shifts, v.near = v.shifts[:0], stretch{}
	j := 0
	// the classes of the previous two runes, as gluedMask's index wants
	// them: prev2<<4 | prev<<2
	var h uint
	for i := 0; i < n; {
		// plain bytes (lower case or other) where a lower-case letter
		// would not be glued, as after one capital ("Hanoi"): no plain
		// byte is then (gluedMask), nor after the first of them. All
		// eight go in; those after the plain ones are overwritten next
		// (j <= 2i: there is room). h is set where the run ends, not
		// after each load (which would wait for the classes of the last).
		// The run has a loop of its own: it keeps few values live, so
		// they stay in registers (about 10% fewer instructions).
		if gluedMask>>(h|uint(clsLower))&1 == 0 {
			start := i
			for i+8 <= n {
				x := load64(text, i)
				m := plainPrefix(x)
				binary.LittleEndian.PutUint64(b[j:j+8], x)
				i, j = i+m, j+m
				if m < 8 {
					break
				}
			}
			// the byte at i is not plain, or too near the end for a
			// load; the run's bytes are ASCII
			switch i - start {
			case 0:
			case 1:
				h = (h | uint(asciiClass[text[i-1]])) << 2 & 60
			default:
				h = (uint(asciiClass[text[i-2]])<<2 | uint(asciiClass[text[i-1]])) << 2
			}
			if i == n {
				break
			}
		}
		// one rune
		if c := text[i]; c < utf8.RuneSelf && gluedMask>>((h|uint(asciiClass[c]))&63)&1 == 0 {
			b[j] = asciiFold[c]
			h = (h | uint(asciiClass[c])) << 2 & 60
			i, j = i+1, j+1
			continue
		}
		var cls uint8
		i, j, cls = v.step(text, i, b, j, uint8(h>>4), uint8(h>>2&3))
		h = (h | uint(cls)) << 2 & 60
	}
	v.b = b[:j]
}

// textAt returns the text offset of view offset vo (len(text) for
// len(v.b)): the offset of the rune its byte stands for. Most callers ask
// in text order (hits, mentions), so it first tries the stretch between
// shifts it found last (v.near): it searches only when vo is outside.
func (v *view) textAt(vo int) int {
	if vo < v.near.lo || vo >= v.near.hi {
		v.seek(vo)
	}
	return vo - v.near.d
}

// seek sets v.near to the stretch between shifts that holds view offset
// vo.
func (v *view) seek(vo int) {
	s := v.shifts
	// the shifts at or before vo are s[:lo]
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(s[m].v) <= vo {
			lo = m + 1
		} else {
			hi = m
		}
	}
	v.near = stretch{0, math.MaxInt, 0}
	if lo > 0 {
		v.near.lo, v.near.d = int(s[lo-1].v), int(s[lo-1].d)
	}
	if lo < len(s) {
		v.near.hi = int(s[lo].v)
	}
}

// appendSpans appends the view range of each sentence to dst. The
// sentences are in text order: one walk over the shifts maps them all.
func (v *view) appendSpans(dst []span, sents []sentence) []span {
	w := newViewWalk(v)
	for _, s := range sents {
		dst = append(dst, span{w.at(s.start), w.at(s.end)})
	}
	return dst
}

// viewWalk maps text offsets asked in increasing order to view offsets,
// in one walk over the shifts. It is in the stretch shift k-1 starts
// (before the first shift if k is 0).
type viewWalk struct {
	shifts []shift
	k      int // the next shift: shifts[k]
	d      int // the stretch's shift.d
	next   int // the view offset where it ends: the next shift's, or len(v.b)
	text   int // the text offset of the next shift; math.MaxInt if none
	end    int // len(v.b)
}

func newViewWalk(v *view) viewWalk {
	w := viewWalk{shifts: v.shifts, k: -1, end: len(v.b)}
	w.step()
	return w
}

// at returns the first view offset whose text offset is o or more
// (len(v.b) if none is). o must not be negative, nor less than at the
// call before.
func (w *viewWalk) at(o int) int {
	for o > w.text {
		w.step() // the next shift stands for text before o
	}
	return min(o+w.d, w.next)
}

// step moves w to the next stretch.
func (w *viewWalk) step() {
	w.k++
	if w.k > 0 {
		w.d = int(w.shifts[w.k-1].d)
	}
	w.next, w.text = w.end, math.MaxInt
	if s := w.shifts; w.k < len(s) {
		w.next, w.text = int(s[w.k].v), int(s[w.k].v-s[w.k].d)
	}
}

// str returns v.b as a string, without copying it: the rules slice and
// search the view as a string, and a copy per article cost an allocation
// the size of the text. The string is valid until v is built again, so a
// piece of it that outlives the extraction (goes in the result) must be
// copied (strings.Clone).
func (v *view) str() string { return unsafe.String(unsafe.SliceData(v.b), len(v.b)) }

// load64 reads the eight bytes of s at i, little-endian.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plainPrefix counts the bytes x starts with (little-endian) that are
// their own view and never glued (gluedMask): ASCII but control bytes and
// '0' to '`', a range that holds the digits, the capitals and '`' with a
// few rare signs (":;<=>?@[\]^_", left to the byte-by-byte path), so that
// one test finds them.
func plainPrefix(x uint64) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// with the high bits set, subtracting lo from each byte leaves its
	// high bit set where the byte is lo or more, and never borrows
	y := x | high
	control := ^(y - 0x20*ones)
	digitToBackquote := (y - '0'*ones) &^ (y - ('`'+1)*ones)
	return bits.TrailingZeros64((x|control|digitToBackquote)&high) / 8
}

// step puts the rune at text[i] in the view at b[j], after a space if it
// is glued to the word before it (classes prev2, prev), and returns where
// the next rune and view byte go and the rune's class. It notes the shifts
// the space and a multi-byte rune make.
func (v *view) step(text string, i int, b []byte, j int, prev2, prev uint8) (int, int, uint8) {
	r, size := rune(text[i]), 1
	var cls, f uint8
	if r < utf8.RuneSelf {
		cls, f = asciiClass[r], asciiFold[r]
	} else {
		r, size = utf8.DecodeRuneInString(text[i:])
		cls, f = runeClass(r), lexicon.FoldRune(r)
		v.ellipses = v.ellipses || r == '…'
	}
	if gluedMask>>(prev2<<4|prev<<2|cls)&1 != 0 && gluedAt(text[i:], prev) {
		b[j] = ' ' // stands for the rune after it
		j++
		v.shifts = append(v.shifts, shift{int32(j), int32(j - i)})
	}
	b[j] = f
	if size > 1 {
		v.shifts = append(v.shifts, shift{int32(j + 1), int32(j + 1 - i - size)})
	}
	return i + size, j + 1, cls
}

// Character classes of the view builder.
const (
	clsOther uint8 = iota
	clsLower
	clsUpper
	clsDigit
)

// gluedMask has bit prev2<<4|prev<<2|cls set where two words may be glued
// together before a rune of class cls (after runes of classes prev2,
// prev): a capital or a digit after a lower-case run of two letters or
// more ("theVietnamese", "UnitedNations", "with80"); a lower-case letter
// after two capitals ("UNpeacekeeping") or after a digit ("80nations"),
// which gluedAt checks further.
var gluedMask = func() (m uint64) {
	set := func(prev2, prev, cls uint8) { m |= 1 << (prev2<<4 | prev<<2 | cls) }
	set(clsLower, clsLower, clsUpper)
	set(clsLower, clsLower, clsDigit)
	set(clsUpper, clsUpper, clsLower)
	for c := range uint8(4) {
		set(c, clsDigit, clsLower)
	}
	return m
}()

// gluedAt reports whether a space goes in before rest, where gluedMask
// allows one after a rune of class prev: always after lower case, after
// capitals if three lower-case letters follow, after a digit if four do.
func gluedAt(rest string, prev uint8) bool {
	switch prev {
	case clsUpper:
		return lowerRunFrom(rest) >= 3
	case clsDigit:
		return lowerRunFrom(rest) >= 4
	}
	return true
}

func runeClass(r rune) uint8 {
	switch {
	case unicode.IsLower(r):
		return clsLower
	case unicode.IsUpper(r):
		return clsUpper
	}
	return clsOther
}

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

// lowerRunFrom counts the lower-case letters s starts with.
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
func splitSentences(text string) []sentence { return appendSentences(nil, text, true) }

// appendSentences appends the sentences of text to out (see
// splitSentences); ellipses says whether text may have a "…" (see
// view.ellipses).
// Whether text is hard-wrapped depends on all its lines, but only matters
// where a single line break is met: the text is split as if it were not,
// its lines are measured on the way, and the rare hard-wrapped text is
// split again.
func appendSentences(out []sentence, text string, ellipses bool) []sentence {
	out, lines := splitAs(out[:0], text, false, ellipses)
	if lines.hardWrapped() {
		out, _ = splitAs(out[:0], text, true, ellipses)
	}
	return out
}

// splitAs appends the sentences of text to out, reading a single line
// break as a space if wrapped is set, and returns the measures of the
// text's lines; ellipses says whether text may have a "…".
func splitAs(out []sentence, text string, wrapped, ellipses bool) ([]sentence, lineStats) {
	sp := splitter{text: text, wrapped: wrapped, out: out, stop: newStops(text, ellipses)}
	for i := sp.skipSpace(0); i < len(text); i = sp.skipSpace(i) {
		i = sp.sentence(i)
	}
	sp.lines.add(text[sp.line:])
	return sp.out, sp.lines
}

// splitter is the state of one splitAs pass. A struct, not variables
// shared with closures: those the compiler keeps in memory, and the loop
// reloaded them at every step.
type splitter struct {
	text    string
	wrapped bool
	out     []sentence
	para    int       // the paragraph number
	line    int       // where the current line starts
	lines   lineStats // the lines before it
	stop    stops
}

// skipSpace returns where the first sentence at or after i starts: at the
// first rune from i that is not white space, or len(text). It takes the
// line breaks on the way.
func (sp *splitter) skipSpace(i int) int {
	for i < len(sp.text) {
		if sp.text[i] == '\n' {
			i, _ = sp.lineBreak(i)
			continue
		}
		n := spaceAt(sp.text, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// sentence appends the sentence that starts at text[start], a rune that
// is not white space, and returns where it ends. It jumps from stop byte
// to stop byte: nothing else can end a sentence.
func (sp *splitter) sentence(start int) int {
	text, para := sp.text, sp.para // only the break that ends the sentence moves para on
	for i := start; ; {
		j := sp.stop.from(i)
		size := 1
		switch {
		case j == len(text):
			sp.emitTrimmed(start, j, para)
			return j
		case text[j] == '\n':
			next, ends := sp.lineBreak(j)
			if ends {
				sp.emitTrimmed(start, j, para)
				return next
			}
			i = next
			continue
		case text[j] == ellipsisEnd: // the end of "…" (searched from i), or a byte of another rune
			if j-2 < i || text[j-2:j+1] != "…" {
				i = j + 1
				continue
			}
			j, size = j-2, len("…")
		}
		end := closingEnd(text, j+size)
		if isBoundary(text, j, end) {
			sp.emit(start, end, para)
			return end
		}
		i = j + size
	}
}

// lineBreak takes the line break at text[i] and the white space after it:
// it measures the line the break ends, and returns where the white space
// ends and whether the break ends a sentence (a blank line, or any break
// in text that is not hard-wrapped), which moves on to the next paragraph.
func (sp *splitter) lineBreak(i int) (next int, ends bool) {
	text := sp.text
	sp.lines.add(text[sp.line:i])
	sp.line = i + 1
	blank := false
	j := i + 1
	for ; j < len(text) && breakSpaces>>text[j]&1 != 0; j++ {
		if text[j] == '\n' {
			blank = true
			sp.line = j + 1 // the lines between are blank
		}
	}
	if ends = blank || !sp.wrapped; ends {
		sp.para++
	}
	return j, ends
}

// breakSpaces has bit c set for the bytes c that lineBreak takes after a
// line break: ' ', '\t', '\r' and '\n' (a shift by 64 or more gives 0).
const breakSpaces uint64 = 1<<' ' | 1<<'\t' | 1<<'\r' | 1<<'\n'

// emit appends the sentence text[start:end] of paragraph para.
func (sp *splitter) emit(start, end, para int) {
	sp.out = append(sp.out, sentence{span{start, end}, para})
}

// emitTrimmed is emit for a sentence that may end with white space (one
// a line break or the text's end cuts, not a terminal). It starts with
// none.
func (sp *splitter) emitTrimmed(start, end, para int) {
	_, end = trimSpan(sp.text, start, end)
	sp.emit(start, end, para)
}

// closingASCII are the ASCII bytes that close a sentence after its
// terminal. A table: the byte after a terminal, most often a space, is
// none of them, and one look tells so.
var closingASCII = [256]bool{'"': true, '\'': true, ')': true, ']': true, '/': true}

// closingEnd returns where the closing punctuation at text[i] (quotes,
// brackets, VNA's "./." end marker) after a terminal ends.
func closingEnd(text string, i int) int {
	for i < len(text) {
		switch c := text[i]; {
		case closingASCII[c] || c == '.' && text[i-1] == '/':
			i++
		case c == 0xE2 && (strings.HasPrefix(text[i:], "’") || strings.HasPrefix(text[i:], "”")):
			i += len("’")
		default:
			return i
		}
	}
	return i
}

// lineStats measures the non-empty lines of a text: how many there are,
// and how many look hard-wrapped (40 to 90 bytes, not ending a sentence).
type lineStats struct{ total, wrapped int }

func (ls *lineStats) add(l string) {
	if l == "" || !isGraphicASCII(l[0]) || !isGraphicASCII(l[len(l)-1]) {
		l = strings.TrimSpace(l) // most lines need not be trimmed: a call saved
	}
	if l == "" {
		return
	}
	ls.total++
	if len(l) < 40 || len(l) > 90 {
		return
	}
	if last, _ := utf8.DecodeLastRuneInString(l); !strings.ContainsRune(".!?\"”’:", last) {
		ls.wrapped++
	}
}

// isGraphicASCII reports an ASCII byte that is neither white space nor a
// control byte.
func isGraphicASCII(c byte) bool { return c-'!' <= '~'-'!' }

// hardWrapped reports text whose lines were wrapped at a fixed width:
// most of its non-empty lines look so.
func (ls lineStats) hardWrapped() bool { return ls.total >= 4 && ls.wrapped*2 > ls.total }

// The stop bytes are those appendSentences looks at inside a sentence: a
// line break, a terminal, and the last byte of "…" (other runes are
// skipped: no byte of a multi-byte rune is ASCII). Of those, line breaks
// and full stops come often, and rareStops seldom.
var rareStops = [...]byte{'!', '?', ellipsisEnd}

// ellipsisEnd is the last byte of "…" (a test checks it), which few
// other runes have; its first byte starts the curly quotes and the dashes
// too.
const ellipsisEnd = 0xA6

// stops finds the next stop byte in text for offsets that only grow. It
// keeps where each stop byte is next, found with strings.IndexByte (which
// scans many bytes at a time): a byte is looked for again only when
// passed, so the text is read about once per stop byte. The first of the
// rare stop bytes is kept too: most steps (past a full stop or a line
// break) look at three offsets, not five.
type stops struct {
	text            string
	period, newline int                 // where the next '.' and '\n' are
	rare            int                 // the first of next
	next            [len(rareStops)]int // where the next of each of rareStops is
}

// newStops returns the stops of text, none found yet. Unless ellipses
// says that text may have a "…", its last byte is not looked for: it is
// a stop only there.
func newStops(text string, ellipses bool) stops {
	s := stops{text: text, period: -1, newline: -1, rare: -1, next: [...]int{-1, -1, -1}}
	if !ellipses {
		s.next[2] = len(text) // none
	}
	return s
}

// from returns where the first stop byte at or after i is, len(text) if
// there is none. i must not be less than in the call before. (The
// searches are written out: a function of its own for them would not be
// inlined, and a call costs as much as the rest of a step.)
func (s *stops) from(i int) int {
	if s.period < i {
		s.period = len(s.text)
		if j := strings.IndexByte(s.text[i:], '.'); j >= 0 {
			s.period = i + j
		}
	}
	if s.newline < i {
		s.newline = len(s.text)
		if j := strings.IndexByte(s.text[i:], '\n'); j >= 0 {
			s.newline = i + j
		}
	}
	if s.rare < i {
		s.rare = len(s.text)
		for k, c := range rareStops {
			if s.next[k] < i {
				s.next[k] = len(s.text)
				if j := strings.IndexByte(s.text[i:], c); j >= 0 {
					s.next[k] = i + j
				}
			}
			s.rare = min(s.rare, s.next[k])
		}
	}
	return min(s.period, s.newline, s.rare)
}

// isBoundary decides whether the terminal at text[i] (ending at end) ends
// a sentence.
func isBoundary(text string, i, end int) bool {
	if end >= len(text) {
		return true
	}
	if text[i] == '.' {
		if abbreviatedAt(text, i) {
			return false
		}
		if i > 0 && isDigit(rune(text[i-1])) && isDigit(rune(text[end])) {
			return false // 3.5
		}
	}
	k := end // after the white space that follows
	for k < len(text) {
		n := spaceAt(text, k)
		if n == 0 {
			break
		}
		k += n
	}
	if k > end {
		// the next word must not start in lower case ("approx. five")
		return k == len(text) || !startsLower(text, k)
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	return unicode.IsUpper(next) || next == '"' || next == '“' || next == '‘' || next == '-' || next == '–' || next == '(' || isDigit(next) && text[i] != '.'
}

// startsLower reports whether the rune at text[k] is a lower-case letter.
func startsLower(text string, k int) bool {
	if c := text[k]; c < utf8.RuneSelf {
		return c-'a' < 26
	}
	return lowerRuneAt(text, k)
}

// lowerRuneAt is startsLower for a rune that is not ASCII.
func lowerRuneAt(text string, k int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLower(r)
}

// abbreviatedAt reports whether the period at text[i] ends an
// abbreviation ("Sen.", "Lieut.") or a single capital ("U.S.", initials)
// rather than a sentence. Most words before a period are ASCII: the eight
// bytes before the period are read at once, the ASCII letters they end
// with counted (up to one more than an abbreviation has, which tells a
// longer word), and the word is lower-cased in the same register.
func abbreviatedAt(text string, i int) bool {
	if i < 8 {
		return abbreviatedBefore(text, i) // rare: the start of a text
	}
	w := load64(text, i-8)
	lower := w | 0x2020202020202020
	n := min(letterSuffix(w), maxAbbreviation+1)
	j := i - n // the word is text[j:i]
	switch {
	case text[j-1] >= utf8.RuneSelf:
		return abbreviatedBefore(text, i) // a word with other letters, maybe
	case n == 0 || n > maxAbbreviation:
		return false
	case n == 1 && text[j] <= 'Z':
		return true // a capital
	}
	word := lower >> (64 - 8*n) // little-endian: its first letter in the low byte
	if !abbreviationEnds[n].has(byte(word), byte(lower>>56)) {
		return false // most words: no abbreviation of their length starts and ends so
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], word)
	return abbreviations[string(buf[:n])]
}

// letterSuffix counts the ASCII letters the eight bytes of w
// (little-endian) end with.
func letterSuffix(w uint64) int {
	const ones = 0x0101010101010101
	const lows, highs = 0x7f * ones, 0x80 * ones
	x := (w | 0x20*ones) & lows // lower case; a byte from 0x80 is dropped below
	// adding sets the high bit of a byte of x from 'a' (from 'z'+1), with
	// no carry into the next byte
	letters := (x + (0x80-'a')*ones) &^ (x + (0x80-'z'-1)*ones) &^ w & highs
	return bits.LeadingZeros64(^letters&highs) / 8
}

// abbreviatedBefore is abbreviatedAt for any word: it finds the letters
// before the period, whatever their script.
func abbreviatedBefore(text string, i int) bool {
	j := i
	for j > 0 {
		c, cs := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(c) {
			break
		}
		j -= cs
	}
	word := text[j:i]
	if isAbbreviation(word) {
		return true
	}
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && n > 0 && unicode.IsUpper(r)
}

// maxAbbreviation is the length of the longest abbreviation (a test
// checks it).
const maxAbbreviation = 6

// isAbbreviation reports a word of abbreviations, in any case. An ASCII
// word (most words before a period) is lower-cased on the stack, or is
// too long to be one.
func isAbbreviation(word string) bool {
	var buf [maxAbbreviation]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(word)]
		}
		if i == len(buf) {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if n := len(word); n == 0 || !abbreviationEnds[n].has(buf[0], buf[n-1]) {
		return false // most words: no abbreviation of their length starts and ends so
	}
	return abbreviations[string(buf[:len(word)])]
}

// letterPair is a set of first and last letters of words, as two bit sets.
type letterPair struct{ first, last uint32 }

// has reports first and last (lower case) in p; a byte that is not a
// letter shifts the bits out.
func (p letterPair) has(first, last byte) bool {
	return p.first>>(first-'a')&1 != 0 && p.last>>(last-'a')&1 != 0
}

// abbreviationEnds are the first and last letters of the abbreviations of
// each length: a test before the map lookup.
var abbreviationEnds = func() (t [maxAbbreviation + 1]letterPair) {
	for a := range abbreviations {
		f, l := a[0]-'a', a[len(a)-1]-'a'
		if f >= 26 || l >= 26 {
			panic("abbreviation " + a + " does not start and end with a letter")
		}
		t[len(a)].first |= 1 << f
		t[len(a)].last |= 1 << l
	}
	return t
}()

// wordFilter tells most words that are not in a small set from those
// that may be by their length and first and last bytes, with no hash.
type wordFilter struct{ first, last [256]uint32 } // by byte: bit n for a length n (31: 31 or more)

func (f *wordFilter) add(w string) {
	if w == "" {
		return
	}
	n := min(len(w), 31)
	f.first[w[0]] |= 1 << n
	f.last[w[len(w)-1]] |= 1 << n
}

// mayHave reports false if w is not one of the words added.
func (f *wordFilter) mayHave(w string) bool {
	if w == "" {
		return false
	}
	n := min(len(w), 31)
	return f.first[w[0]]>>n&1 != 0 && f.last[w[len(w)-1]]>>n&1 != 0
}

// trimSpan returns the span [s, e) of text without the white space it
// starts and ends with.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		n := spaceAt(text, s)
		if n == 0 {
			break
		}
		s += n
	}
	for e > s {
		if c := text[e-1]; c < utf8.RuneSelf { // most often
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			e--
			continue
		}
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

// normalizedIs reports whether normalizeSpace(s) == t without making it:
// it compares field by field and stops at the first difference, so a long
// line that is not t costs little.
func normalizedIs(s, t string) bool {
	j := 0 // bytes of t matched
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			i += n
			continue
		}
		if j > 0 { // one space between fields
			if j == len(t) || t[j] != ' ' {
				return false
			}
			j++
		}
		k := i // the field is s[i:k]
		for k < len(s) && spaceAt(s, k) == 0 {
			k++
		}
		if len(t)-j < k-i || s[i:k] != t[j:j+k-i] {
			return false
		}
		i, j = k, j+k-i
	}
	return j == len(t)
}

// spaceAt returns the length of the white space rune at s[i], 0 when there
// is none. It is small enough to be inlined: most bytes are ASCII.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		return int(asciiSpaces >> c & 1)
	}
	return spaceRuneAt(s, i)
}

// asciiSpaces has bit c set for the ASCII white space bytes c: '\t' to '\r'
// and ' ' (a shift by 64 or more gives 0).
const asciiSpaces uint64 = 1<<'\t' | 1<<'\n' | 1<<'\v' | 1<<'\f' | 1<<'\r' | 1<<' '

// spaceRuneAt is spaceAt for a rune that is not ASCII.
func spaceRuneAt(s string, i int) int {
	if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
		return n
	}
	return 0
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
