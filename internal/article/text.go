package article

import (
	"bytes"
	"fmt"
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
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fileError(model.EInvalid, path, nil, fmt.Sprintf("binary file (NUL byte at offset %d)", i))
	}
	if bad, n := nonText(data); bad >= minNonText && float64(bad) > maxControlShare*float64(n) {
		return fileError(model.EInvalid, path, nil, "binary file (mostly non-text bytes)")
	}
	if !utf8.Valid(data) {
		off, line := invalidUTF8(data)
		return fileError(model.EInvalid, path, nil,
			fmt.Sprintf("invalid UTF-8 at byte offset %d (line %d)", off, line))
	}
	return nil
}

// nonText counts the bytes in the head of data (its first sniffLen bytes,
// n in all) that are neither text nor part of valid UTF-8: C0 controls
// other than \t \n \v \f \r, DEL, and bytes of invalid UTF-8 sequences.
func nonText(data []byte) (bad, n int) {
	head := data
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	for i := 0; i < len(head); {
		if c := head[i]; c < utf8.RuneSelf { // ASCII: the common case, without decoding
			if c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' || c == 0x7F {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// A sequence cut by the sniff window is not bad.
			if len(head) < len(data) && i > len(head)-utf8.UTFMax {
				return bad, i
			}
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\v' && r != '\f' && r != '\r', r == 0x7F:
			bad++
		}
		i += size
	}
	return bad, len(head)
}

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
