package article

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/model"
)

// sniffLen is how much of a file the binary test looks at.
const sniffLen = 8 << 10

// maxControlShare is the share of non-text bytes (controls other than tab,
// newline, vertical tab, form feed and carriage return, or invalid UTF-8) in
// the first sniffLen bytes above which a file is called binary rather than
// text with a few stray bytes.
const maxControlShare = 0.10

// minNonText is the fewest non-text bytes that can make a file binary, so a
// short text with one broken character is reported as invalid UTF-8 (with
// its offset) rather than as binary.
const minNonText = 8

// checkText refuses data that is not an article's text: empty (or blank),
// UTF-16 (which has NUL bytes and deserves its own message), binary (a NUL
// byte, or many control bytes) or not valid UTF-8 (naming the first bad
// byte's offset).
func checkText(path string, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return fileError(model.EInvalid, path, nil, "empty file")
		}
		return fileError(model.EInvalid, path, nil, "empty: only white space")
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return fileError(model.EInvalid, path, nil, "UTF-16 text is not supported; convert the file to UTF-8")
	}
	if isText(data) {
		return nil // the usual text
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fileError(model.EInvalid, path, nil, fmt.Sprintf("binary file (NUL byte at offset %d)", i))
	}
	valid := utf8.Valid(data)
	if bad, n := nonText(data, valid); bad >= minNonText && float64(bad) > maxControlShare*float64(n) {
		return fileError(model.EInvalid, path, nil, "binary file (mostly non-text bytes)")
	}
	if !valid {
		off, line := invalidUTF8(data)
		return fileError(model.EInvalid, path, nil,
			fmt.Sprintf("invalid UTF-8 at byte offset %d (line %d)", off, line))
	}
	return nil
}

// nonText counts the bytes in the head of data (its first sniffLen bytes,
// n in all) that are neither text nor part of valid UTF-8: C0 controls
// other than \t \n \v \f \r, DEL, and bytes of invalid UTF-8 sequences.
// A sequence cut by the end of the head is not counted, nor in n. valid
// says whether all of data is valid UTF-8, the usual case, which needs no
// decoding: a control is then a byte of its own.
func nonText(data []byte, valid bool) (bad, n int) {
	head := data[:min(len(data), sniffLen)]
	if !valid {
		return nonTextDecoding(head, len(head) < len(data))
	}
	n = len(head)
	if n < len(data) && !utf8.RuneStart(data[n]) {
		for n > 0 && !utf8.RuneStart(head[n-1]) {
			n--
		}
		n-- // the start of the cut rune
	}
	return countControls(head[:n]), n
}

// nonTextDecoding is nonText for a head that may hold invalid UTF-8; cut
// says whether the head was cut from longer data.
func nonTextDecoding(head []byte, cut bool) (bad, n int) {
	for i := 0; i < len(head); {
		if c := head[i]; c < utf8.RuneSelf { // ASCII: the common case, without decoding
			bad += int(controlBytes[c])
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			// A sequence cut by the sniff window is not bad.
			if cut && i > len(head)-utf8.UTFMax {
				return bad, i
			}
			bad++
		}
		// A multi-byte rune is never a control: a control's longer
		// encodings are invalid (RuneError, counted above).
		i += size
	}
	return bad, len(head)
}

// countControls counts the bytes of s that controlBytes marks, 32 at a
// time: text has no such byte, and white space in few blocks, so the exact
// count (see controlMask) is rarely needed after the cheaper test
// (lowOrDel).
func countControls(s []byte) int {
	bad := 0
	for ; len(s) >= 32; s = s[32:] {
		b := s[:32]
		w0, w1 := binary.LittleEndian.Uint64(b[0:8]), binary.LittleEndian.Uint64(b[8:16])
		w2, w3 := binary.LittleEndian.Uint64(b[16:24]), binary.LittleEndian.Uint64(b[24:32])
		if lowOrDel(w0)|lowOrDel(w1)|lowOrDel(w2)|lowOrDel(w3) != 0 {
			bad += bits.OnesCount64(controlMask(w0)) + bits.OnesCount64(controlMask(w1)) +
				bits.OnesCount64(controlMask(w2)) + bits.OnesCount64(controlMask(w3))
		}
	}
	for _, c := range s {
		bad += int(controlBytes[c])
	}
	return bad
}

// isText reports data with no byte that controlBytes marks and valid
// UTF-8: the usual article, which checkText then passes with no closer
// look. One pass does both tests, 32 bytes at a time: most blocks are
// printable ASCII, which the cheapest test tells (unprintable); most
// others are ASCII with a line break, which controlMask then tells; a
// block with a multi-byte rune is looked at a word or a rune at a time
// (textRunes).
func isText(data []byte) bool {
	const highs = 0x8080808080808080
	next := 0 // where the bytes textRunes has not checked start
	i := 0
	for ; i < len(data)-31; i += 32 { // a form the compiler checks no bounds in
		w0, w1 := binary.LittleEndian.Uint64(data[i:]), binary.LittleEndian.Uint64(data[i+8:])
		w2, w3 := binary.LittleEndian.Uint64(data[i+16:]), binary.LittleEndian.Uint64(data[i+24:])
		if (unprintable(w0)|unprintable(w1)|unprintable(w2)|unprintable(w3))&highs == 0 {
			continue
		}
		if (w0|w1|w2|w3)&highs == 0 { // ASCII
			if controlMask(w0)|controlMask(w1)|controlMask(w2)|controlMask(w3) != 0 {
				return false
			}
			continue
		}
		var ok bool
		if next, ok = textRunes(data, max(i, next), i+32); !ok {
			return false
		}
	}
	_, ok := textRunes(data, max(i, next), len(data))
	return ok
}

// textRunes reports whether the runes of data that start in [i, end) are
// valid UTF-8 and not controls, and returns where the last ends. i must
// start a rune. It reads ASCII eight bytes at a time.
func textRunes(data []byte, i, end int) (int, bool) {
	const highs = 0x8080808080808080
	for i < end {
		if i+8 <= len(data) {
			if w := binary.LittleEndian.Uint64(data[i : i+8]); w&highs == 0 {
				if controlMask(w) != 0 {
					return i, false
				}
				i += 8
				continue
			}
		}
		if c := data[i]; c < utf8.RuneSelf {
			if controlBytes[c] != 0 {
				return i, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i, false
		}
		i += size
	}
	return i, true
}

// unprintable has the high bit of a byte set where x has a byte that is not
// printable ASCII or a space (a control, DEL, a byte of a multi-byte rune),
// and may have it set in the bytes after one: 0 tells printable ASCII. A
// byte below 0x20 borrows, and 0xFF carries, only into the next bytes.
func unprintable(x uint64) uint64 {
	const ones = 0x0101010101010101
	return (x - 0x20*ones) | (x + ones) | x
}

// lowOrDel is not 0 when x has a byte below 0x20 (white space included)
// or DEL, and rarely otherwise (a 0x7E next to 0xFF, invalid UTF-8): a
// cheap filter before controlMask. The subtraction is the classic "has a
// byte less than n" test; the addition turns DEL's high bit on, whatever
// carry comes in.
func lowOrDel(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((x - 0x20*ones) | (x + ones)) &^ x & highs
}

// controlMask returns x's high bit set in each byte that controlBytes
// marks and clear in the others. Each test adds to each byte's low seven
// bits, which cannot carry into the next byte, so each byte is told
// exactly, without branches.
func controlMask(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	t := x &^ highs
	below20 := ^(t + (0x80-0x20)*ones)                          // t < 0x20
	space := (t + (0x80-'\t')*ones) &^ (t + (0x80-'\r'-1)*ones) // '\t' <= t <= '\r'
	del := t + ones                                             // t == 0x7F
	return (below20&^space | del) &^ x & highs                  // ASCII bytes only
}

// controlBytes marks (with 1) the bytes that are not text on their own: C0
// controls other than \t \n \v \f \r, and DEL.
var controlBytes = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = 1
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = 0
	}
	t[0x7F] = 1
	return t
}()

// invalidUTF8 returns the byte offset and 1-based line of the first invalid
// UTF-8 sequence in data.
func invalidUTF8(data []byte) (offset, line int) {
	line = 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i, line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return -1, line
}
