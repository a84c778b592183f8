package extract

import (
	"strings"
	"testing"
)

// TestNormalizedIs checks normalizedIs against normalizeSpace, on
// strings and their prefixes.
func TestNormalizedIs(t *testing.T) {
	cases := []string{"", " ", "a", "a b", " a  b ", "a\tb", "a\u00a0b", "a\u2003 b", "ab", "a  b\n", "\u00e9t\u00e9 x", "a\xffb", "a\xff b", "x\u0085y"}
	for _, s := range cases {
		for _, t0 := range cases {
			for _, tt := range []string{t0, normalizeSpace(t0), normalizeSpace(s)} {
				for k := 0; k <= len(tt); k++ {
					if got, want := normalizedIs(s, tt[:k]), normalizeSpace(s) == tt[:k]; got != want {
						t.Errorf("normalizedIs(%q, %q) = %v, want %v", s, tt[:k], got, want)
					}
				}
			}
		}
	}
}

// TestIsAbbreviationMatchesMap checks isAbbreviation (its test of first and last
// letters included) against the map, on the abbreviations in any case and
// on words near them.
func TestIsAbbreviationMatchesMap(t *testing.T) {
	words := []string{"", "a", "said", "Hanoi", "Mr", "MRS", "Sen", "Lieut", "gens", "gem", "ltd", "LTD", "e", "é", "Dép", "z", "op1", "cmd", "no"}
	for a := range abbreviations {
		words = append(words, a, strings.ToUpper(a), a+"x", "x"+a, a[:len(a)-1])
	}
	for _, w := range words {
		if got, want := isAbbreviation(w), abbreviations[strings.ToLower(w)]; got != want {
			t.Errorf("isAbbreviation(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestTitleLine checks titleLine, whose comparison of a line with a title
// that cleaning leaves alone is a shortcut, against titleLines, the plain
// statement, with titles cleaning does change.
func TestTitleLine(t *testing.T) {
	titles := []string{"Peru, Chile agree", "Peru,  Chile agree", "# Peru, Chile agree", " Peru, Chile agree", "Peru, Chile agree ", ""}
	lines := []string{"", "\n", "Peru, Chile agree\n", "# Peru, Chile agree\n", "Peru,  Chile agree\n", "  Peru, Chile\tagree \n",
		"Peru, Chile agree\nPeru, Chile agree\n", "Lima - talks.\n"}
	for _, title := range titles {
		for _, a := range lines {
			for _, b := range lines {
				text := a + b + "Lima - Peru and Chile met.\n"
				s, e, k, ok := titleLine(text, title)
				ws, we, wk, wok := titleLinePlain(text, title)
				if s != ws || e != we || k != wk || ok != wok {
					t.Errorf("titleLine(%q, %q) = %d %d %d %v, want %d %d %d %v", text, title, s, e, k, ok, ws, we, wk, wok)
				}
			}
		}
	}
}

// titleLinePlain is titleLine comparing every line cleaned.
func titleLinePlain(text, title string) (start, end, skip int, ok bool) {
	return titleLineBy(text, func(line string) bool {
		return normalizeSpace(strings.TrimLeft(strings.TrimSpace(line), "#")) == title
	})
}
