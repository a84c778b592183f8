package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// refNonText is nonText as it was before the word-at-a-time count: every
// rune of the head decoded.
func refNonText(data []byte) (bad, n int) {
	head := data
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	for i := 0; i < len(head); {
		if c := head[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' || c == 0x7F {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && size == 1:
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

// TestNonTextMatchesReference compares nonText with refNonText on random
// data: all byte values, text with a few controls, and valid UTF-8 cut by
// the sniff window at every offset of a multi-byte rune.
func TestNonTextMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	check := func(data []byte) {
		t.Helper()
		gotBad, gotN := nonText(data, utf8.Valid(data))
		if wantBad, wantN := refNonText(data); gotBad != wantBad || gotN != wantN {
			t.Fatalf("nonText(%q) = %d, %d; want %d, %d", data, gotBad, gotN, wantBad, wantN)
		}
	}
	for range 3000 {
		data := make([]byte, r.IntN(200))
		for i := range data {
			data[i] = byte(r.IntN(256))
		}
		check(data)
		const pieces = "ab \n\t\x01\x7f\x1f é"
		for i := range data {
			data[i] = pieces[r.IntN(len(pieces))]
		}
		check(data)
		for i := range data { // text with a few stray bytes
			data[i] = 'x'
		}
		for range r.IntN(4) {
			if len(data) > 0 {
				data[r.IntN(len(data))] = byte(r.IntN(256))
			}
		}
		check(data)
	}
	for _, tail := range []string{"é", "€", "😀", "\x01", "\xff"} {
		for pad := sniffLen - 4; pad <= sniffLen; pad++ {
			data := make([]byte, pad, pad+8)
			for i := range data {
				data[i] = 'a'
			}
			check(append(data, tail+"bc"...))
		}
	}
}

// TestIsText compares isText with a look at each byte and utf8.Valid,
// for every byte value at every offset of texts around the 32- and 8-byte
// steps, after an ASCII letter, after 0xFF (whose carry reaches the next
// byte) and after the first byte of a two-byte rune.
func TestIsText(t *testing.T) {
	for _, n := range []int{1, 7, 8, 9, 31, 32, 33, 40, 64, 70} {
		for _, fill := range []string{"abcdefgh", "a\n\t é\r", "’s – “x”"} {
			for _, prev := range []byte{'a', 0xFF, 0xC3} {
				for c := range 256 {
					for at := range n {
						data := []byte(strings.Repeat(fill, n)[:n])
						if at > 0 {
							data[at-1] = prev
						}
						data[at] = byte(c)
						want := utf8.Valid(data)
						for _, b := range data {
							want = want && controlBytes[b] == 0
						}
						if got := isText(data); got != want {
							t.Fatalf("isText(%q) = %v, want %v", data, got, want)
						}
					}
				}
			}
		}
	}
}
