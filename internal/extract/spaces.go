package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Evidence sentences are quoted with their white space normalised
// (normalizeSpace). Nearly all of them are single-spaced already and
// mostly printable ASCII: isNormalSpaceWords finds that sixteen bytes at
// a time.

// isNormalSpaceWords is isNormalSpace, sixteen bytes at a time while
// they are printable ASCII, then eight, else a byte or rune at a time.
func isNormalSpaceWords(s string) bool {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	i := 0
	for ; i+16 <= len(s); i += 16 { // two words a step while printable ASCII
		a, b := load64(s, i), load64(s, i+8)
		if ((a-0x20*ones)&^a|(b-0x20*ones)&^b|a|b)&highs != 0 {
			break // a control byte or non-ASCII: word by word below
		}
		xa, xb := a^0x20*ones, b^0x20*ones // zero where a space is
		sa, sb := ^((xa&lows+lows)|xa)&highs, ^((xb&lows+lows)|xb)&highs
		// Two spaces in a row: in a, in b, across them or across steps.
		if sa&(sa<<8)|sb&(sb<<8|sa>>56) != 0 || sa&0x80 != 0 && s[i-1] == ' ' {
			return false
		}
	}
	for i < len(s) {
		end := len(s)
		if len(s) >= 8 {
			// the last word ends with s, over bytes tested already
			at := min(i, len(s)-8)
			w := load64(s, at)
			if (w-0x20*ones)&^w&highs == 0 && w&highs == 0 { // all printable ASCII
				x := w ^ 0x20*ones                   // zero where w has a space
				sp := ^((x&lows + lows) | x) & highs // the spaces' high bits
				if sp&(sp<<8) != 0 || sp&0x80 != 0 && s[at-1] == ' ' {
					return false // two spaces in a row (at > 0 when sp&0x80: s[0] is not a space)
				}
				i = at + 8
				continue
			}
			end = at + 8
		}
		for i < end { // the word's bytes one by one (a rune may end past it)
			c := s[i]
			switch {
			case c == ' ':
				if s[i-1] == ' ' {
					return false
				}
			case c <= '\r' && c >= '\t':
				return false
			case isSpaceLead(c):
				r, size := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) {
					return false
				}
				i += size
				continue
			}
			i++ // a byte of a rune that is not a space is none either
		}
	}
	return true
}

// isSpaceLead reports the first bytes of the white space runes that are
// not ASCII (U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000; a test checks them): the other runes, most
// letters with diacritics, need no decoding.
func isSpaceLead(c byte) bool { return c == 0xC2 || c-0xE1 < 3 }

// evidenceText is normalizeSpace for sentences and phrases quoted in the
// result: those already normal are returned as they are, found fast.
func evidenceText(s string) string {
	if isNormalSpaceWords(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ") // as normalizeSpace does, without testing s again
}
