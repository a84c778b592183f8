package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitAsSimple is the plain statement of splitAs: it reads the text rune
// by rune.
func splitAsSimple(text string, wrapped bool) ([]sentence, lineStats) {
	var out []sentence
	var lines lineStats
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
	line := 0 // where the current line starts
	for i := 0; i < n; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			lines.add(text[line:i])
			j := i + 1
			blank := false
			for j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
				if text[j] == '\n' {
					blank = true
					line = j + 1 // the lines between are blank
				}
				j++
			}
			if !blank {
				line = i + 1
			}
			if blank || !wrapped {
				emit(i)
				para++
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
				if c == '"' || c == '\'' || c == '’' || c == '”' || c == ')' || c == ']' || c == '/' || (c == '.' && text[end-1] == '/') {
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
	lines.add(text[line:])
	return out, lines
}

func TestEllipsisEnd(t *testing.T) {
	if e := "…"; e[len(e)-1] != ellipsisEnd {
		t.Errorf("ellipsisEnd = %#x, want %#x", ellipsisEnd, e[len(e)-1])
	}
}

// TestSplitAsOracle compares splitAs with splitAsSimple, read both ways
// (hard-wrapped or not), on the seeds, generated articles and random text
// of the pieces the splitter tells apart: terminals, closing punctuation,
// abbreviations, white space and line breaks of every kind, runes that
// share "…"'s first byte, and bytes that are not UTF-8.
func TestSplitAsOracle(t *testing.T) {
	texts := sampleTexts(t, 30)
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"The", " navy", " met", "Sen", "U", "3", "5", "approx", " ", "  ", "\t", "\n", "\n\n", " \n ", "\r\n",
		"\u00a0", "\u2003", "\v", ".", "!", "?", "…", "./.", "\"", "'", "’", "”", "“", ")", "]", "/", "(", "-", "–",
		"ệ", "Ệ", "Ầ", "æ", "\xe2", "\xe2\x80", "\x80", "\xa6", "\xff", "five", "Five", "a"}
	for range 5000 {
		texts = append(texts, randomText(r, pieces, 24))
	}
	for _, text := range texts {
		// the view tells the splitter whether to look for "…"
		ellipses := newView(text).ellipses
		if ellipses != strings.Contains(text, "…") {
			t.Fatalf("view of %q: ellipses %v", text, ellipses)
		}
		for _, wrapped := range []bool{false, true} {
			got, gotLines := splitAs(nil, text, wrapped, ellipses)
			want, wantLines := splitAsSimple(text, wrapped)
			if !slices.Equal(got, want) || gotLines != wantLines {
				t.Fatalf("splitAs(%q, %v) = %v %+v, want %v %+v", text, wrapped, got, gotLines, want, wantLines)
			}
		}
	}
}
