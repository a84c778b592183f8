package extract

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Evidence sentences are quoted with their white space normalised
// (normalizeSpace). Nearly all of them are single-spaced already and
// printable ASCII but for a rare rune (a curly quote, a dash):
// isNormalSpaceWords finds that sixteen bytes at a time.

// isNormalSpaceWords is isNormalSpace, sixteen bytes at a time, looking
// only at the bytes where suspects finds something.
func isNormalSpaceWords(s string) bool {
	n := len(s)
	if n < 8 || s[0] == ' ' || s[n-1] == ' ' {
		return isNormalSpace(s)
	}
	// The first eight bytes, after a byte that is no space, then sixteen
	// at a time. (Each step's inlined calls are in one statement: the
	// compiler then needs no inline marks, no-op instructions, for them.)
	if sus := suspects(load64(s, 0), load64(s, 0)<<8|'!'); sus != 0 && !normalAt(s, 0, sus) {
		return false
	}
	rest := s[7:] // s[i-1:] for the bytes to test next, s[i:]: each step loads the bytes before them too
	for ; len(rest) > 16; rest = rest[16:] {
		if lo, hi := suspects(load64(rest, 1), load64(rest, 0)), suspects(load64(rest, 9), load64(rest, 8)); lo|hi != 0 {
			if i := n - len(rest) + 1; !normalAt(s, i, lo) || !normalAt(s, i+8, hi) {
				return false
			}
		}
	}
	for i := n - len(rest) + 1; i < n; i += 8 { // the next eight, then the last eight over bytes tested
		at := min(i, n-8)
		if sus := suspects(load64(s, at), load64(s, at-1)); sus != 0 && !normalAt(s, at, sus) {
			return false
		}
	}
	return true
}

// suspects returns the high bit of the bytes of x, eight bytes of text
// (little-endian), that isNormalSpaceWords must look at (normalAt): the
// spaces after a space, the bytes below 0x20 and the first bytes of the
// runes that are not ASCII (from 0xC2), with a few more. before has the
// byte before each byte of x (the eight bytes one before x).
//
// The bytes of x and of before, less 0x20 each and ORed, are 0 at a space
// after a space, from 0xA2 at a byte below 0x20 or from 0xC2, and from 1
// to 0x5E elsewhere in printable ASCII; less 1 each, the first two have
// their high bit set, the last not. A byte that goes below 0 borrows 1
// from the next, in each subtraction: that may suspect more bytes, never
// fewer (0 goes to 0xFF, 0xA2 to 0x9F at least).
func suspects(x, before uint64) uint64 {
	const ones = 0x0101010101010101
	const spaces, highs = 0x20 * ones, 0x80 * ones
	pairs := (x - spaces) | (before - spaces)
	return (pairs - ones) & highs
}

// normalAt reports whether the bytes of s at i that sus suspects (the high
// bit of byte k for s[i+k]) are all normalByteAt.
func normalAt(s string, i int, sus uint64) bool {
	for ; sus != 0; sus &= sus - 1 {
		if !normalByteAt(s, i+bits.TrailingZeros64(sus)/8) {
			return false
		}
	}
	return true
}

// normalByteAt reports whether s[i] is neither white space but ' ' nor a
// space after a space (i > 0 if s[i] is a space). A rune that is not ASCII
// is looked at from its first byte; the others are no space.
func normalByteAt(s string, i int) bool {
	switch c := s[i]; {
	case c == ' ':
		return s[i-1] != ' '
	case c <= '\r' && c >= '\t':
		return false
	case isSpaceLead(c):
		r, _ := utf8.DecodeRuneInString(s[i:])
		return !unicode.IsSpace(r)
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
