package extract

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestIsNormalSpaceWords checks the word-at-a-time test against
// isNormalSpace on written cases and on random strings of bytes that
// matter to it (spaces, other white space, non-ASCII, letters), at every
// alignment.
func TestIsNormalSpaceWords(t *testing.T) {
	cases := []string{
		"", "a", " ", "a b", "a  b", " a", "a ", "Vietnam and India signed a deal.",
		"Vietnam and India  signed a deal.", "Vietnam and India signed a deal. ",
		"Vietnam and\nIndia signed", "Hà Nội and Delhi signed a memorandum",
		"Hà Nội and\u00a0Delhi signed a memorandum", "abcdefg  hijk", "abcdefgh ijklmnop  q",
		"abcdefg\x7fhijklmn", "abcdefgh\x1fijklmn", strings.Repeat("ab ", 20),
		// a control byte that is no space borrows from the bytes after it
		"abcdefgh\x01  ijklmnopqrstuvwxyz", "abcdefgh\x01 ijklmnopqrstuv  wxyz",
		"abcdefghijklmno\x01  qrstuvwxyzabcdefgh", "abcdefghijklmnop\x00\x00 \x01  z",
		// spaces across the sixteen-byte steps and the last eight
		"abcdefgh ijklmno  pqrstuvwxyz", "abcdefghijklmnopqrstuvw  xyz", "ab ’ cdefghijklmnopq\u00a0r",
	}
	for _, s := range cases {
		if got, want := isNormalSpaceWords(s), isNormalSpace(s); got != want {
			t.Errorf("isNormalSpaceWords(%q) = %v, want %v", s, got, want)
		}
	}
	alphabet := []string{"a", "b", "Z", ".", " ", " ", " ", "\n", "\t", "\x00", "\x7f", "é", "\u00a0", "\u2003",
		"’", "“", "Ệ", "ộ", "\u0085", "\u1680", "\u3000", "\u202f", "\u205f", "\u2029", "\xe2", "\xc2", "\xe2\x80", "\x80"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := r.Intn(80); k > 0; k-- {
			if r.Intn(3) > 0 {
				b.WriteString("a")
			} else {
				b.WriteString(alphabet[r.Intn(len(alphabet))])
			}
		}
		s := b.String()
		if got, want := isNormalSpaceWords(s), isNormalSpace(s); got != want {
			t.Fatalf("isNormalSpaceWords(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSuspects checks that suspects flags every byte isNormalSpaceWords
// must look at, in random bytes (mostly letters and spaces) of which it
// tests the eight after the first.
func TestSuspects(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	b := make([]byte, 9)
	for n := 0; n < 200000; n++ {
		for k := range b {
			switch r.Intn(4) {
			case 0:
				b[k] = byte(r.Intn(256))
			case 1:
				b[k] = "\x00\x01\t\n\r\x1f !\xa1\xc2\xe2\xff"[r.Intn(12)]
			default:
				b[k] = " a"[r.Intn(2)]
			}
		}
		s := string(b)
		sus := suspects(load64(s, 1), load64(s, 0))
		for k := 1; k < len(s); k++ {
			c := s[k]
			must := c == ' ' && s[k-1] == ' ' || c < 0x20 || c >= 0xC2
			if must && sus>>(8*k-1)&1 == 0 {
				t.Fatalf("suspects(%q) = %#x: byte %d not suspected", s, sus, k)
			}
		}
	}
}

// TestIsSpaceLead checks isSpaceLead against the white space runes.
func TestIsSpaceLead(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if b := utf8.AppendRune(nil, r); unicode.IsSpace(r) && !isSpaceLead(b[0]) {
			t.Errorf("isSpaceLead(%#x) = false for %U", b[0], r)
		}
	}
}

func FuzzIsNormalSpaceWords(f *testing.F) {
	f.Add("Vietnam and India signed a deal.")
	f.Add("a  b\tc")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isNormalSpaceWords(s), isNormalSpace(s); got != want {
			t.Fatalf("isNormalSpaceWords(%q) = %v, want %v", s, got, want)
		}
	})
}
