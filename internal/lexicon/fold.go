package lexicon

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold maps text to the form phrases are matched in: one byte per rune,
// ASCII letters lower-cased, Latin letters stripped of diacritics
// ("Việt" -> "viet"), curly apostrophes and quotes made straight, dashes
// made '-', every space ' ', other letters '_' (a word character) and other
// symbols '#'. One byte per rune keeps offsets easy to map back.
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, FoldRune(r))
	}
	return string(b)
}

// FoldRune folds one rune (see Fold).
func FoldRune(r rune) byte {
	if r < utf8.RuneSelf {
		c := byte(r)
		switch {
		case c >= 'A' && c <= 'Z':
			return c + 'a' - 'A'
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			return ' '
		case c == '`':
			return '\''
		}
		return c
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	switch {
	case unicode.IsSpace(r):
		return ' '
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
		return '_'
	}
	return '#'
}

var foldTable = buildFoldTable()

func buildFoldTable() map[rune]byte {
	t := map[rune]byte{
		'’': '\'', '‘': '\'', '´': '\'', 'ʼ': '\'', '′': '\'',
		'“': '"', '”': '"', '„': '"', '«': '"', '»': '"',
		'–': '-', '—': '-', '‐': '-', '‑': '-', '‒': '-', '−': '-',
		'đ': 'd', 'Đ': 'd', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l', 'ß': 's', 'æ': 'a', 'Æ': 'a', 'œ': 'o', 'Œ': 'o',
		'\u00a0': ' ', '\u2009': ' ', '\u200b': ' ', '\u202f': ' ',
	}
	for _, rng := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := rng[0]; r <= rng[1]; r++ {
			if _, ok := t[r]; ok {
				continue
			}
			d := norm.NFD.String(string(r))
			if c := d[0]; c < utf8.RuneSelf && (c|0x20) >= 'a' && (c|0x20) <= 'z' {
				t[r] = c | 0x20
			}
		}
	}
	return t
}

// IsWordByte reports whether a folded byte belongs to a word.
func IsWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}
