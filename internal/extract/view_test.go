package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/lexicon"
)

func TestView(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Vietnam and Laos", "vietnam and laos"},
		{"theVietnamese navy", "the vietnamese navy"},
		{"UnitedNations", "united nations"},
		{"with80 nations", "with 80 nations"},
		{"UNpeacekeeping", "un peacekeeping"},
		{"UNit", "unit"}, // two lower-case letters after capitals: no space
		{"80nations", "80 nations"},
		{"80th", "80th"},
		{"80Nations", "80nations"},
		{"aB", "ab"}, // one lower-case letter before the capital
		{"Việt Nam’s", "viet nam's"},
		{"ViệtNam", "viet nam"},
		{"HàNội", "hanoi"},    // one lower-case letter before the capital
		{"ĐÀNẵng", "dan ang"}, // capitals, then three lower-case letters: read as an acronym glued to a word
	}
	for _, tt := range tests {
		if got := string(newView(tt.text).b); got != tt.want {
			t.Errorf("view(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestViewOracle compares build with a plain rune-by-rune statement of its
// rules on random text of the classes that matter, ASCII and not, with
// runs of plain words (copied eight bytes at a time) of every length.
func TestViewOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "b", "e", "A", "N", "U", "0", "8", " ", ".", "-", "`", "\t", "\x7f", "ệ", "Đ", "ò", "’", "中", "\n",
		"the navy ", "and", " of", ", ", "peacekeeping"}
	var w view
	for round := 0; round < 5000; round++ {
		text := randomText(r, pieces, 60)
		wantB, wantOff := viewOracle(text)
		w.build(text)
		if string(w.b) != string(wantB) {
			t.Fatalf("view(%q):\ngot  %q\nwant %q", text, w.b, wantB)
		}
		checkOffsets(t, text, &w, wantOff)
	}
}

// checkOffsets checks v's mapping of offsets both ways against the text
// offset of every view byte (want, as viewOracle gives it): textAt asked
// up and down, and viewWalk walking from the start to each offset and to
// all in turn.
func checkOffsets(t *testing.T, text string, v *view, want []int32) {
	t.Helper()
	for k := range 2 * len(want) { // up, then down
		vo := k
		if k >= len(want) {
			vo = 2*len(want) - 1 - k
		}
		if got := v.textAt(vo); got != int(want[vo]) {
			t.Fatalf("view of %q (shifts %v): textAt(%d) = %d, want %d", text, v.shifts, vo, got, want[vo])
		}
	}
	walk := newViewWalk(v)
	for o := 0; o <= len(text)+1; o++ {
		fresh := newViewWalk(v)
		for _, w := range []*viewWalk{&walk, &fresh} {
			if got, want := w.at(o), searchOff(want, o); got != want {
				t.Fatalf("view of %q (shifts %v): at(%d) = %d, want %d", text, v.shifts, o, got, want)
			}
		}
	}
}

// searchOff returns the first view offset whose text offset is o or more
// in off, the text offset of every view byte: viewWalk.at by bisection.
func searchOff(off []int32, o int) int {
	lo, hi := 0, len(off)-1
	for lo < hi {
		m := (lo + hi) / 2
		if int(off[m]) < o {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// viewOracle is build without its fast paths.
func viewOracle(text string) (b []byte, off []int32) {
	var prev, prev2 uint8
	lowerRun := 0
	for i, r := range text {
		cls := clsOther
		switch {
		case unicode.IsLower(r):
			cls = clsLower
		case unicode.IsUpper(r):
			cls = clsUpper
		case r < utf8.RuneSelf && isDigit(r):
			cls = clsDigit
		}
		if cls == clsUpper && lowerRun >= 2 || cls == clsDigit && lowerRun >= 2 ||
			cls == clsLower && prev == clsUpper && prev2 == clsUpper && lowerRunFrom(text[i:]) >= 3 ||
			prev == clsDigit && (cls == clsLower || cls == clsUpper) && lowerRunFrom(text[i:]) >= 4 {
			b, off = append(b, ' '), append(off, int32(i))
		}
		b, off = append(b, lexicon.FoldRune(r)), append(off, int32(i))
		if cls == clsLower {
			lowerRun++
		} else {
			lowerRun = 0
		}
		prev2, prev = prev, cls
	}
	return b, append(off, int32(len(text)))
}

// TestStops compares stops.from with a byte loop on random text, from
// growing offsets. The last byte of "…" (which "æ" ends with too) is a
// stop only in a text with a "…".
func TestStops(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"a", "Z", " ", ",", "\n", ".", "!", "?", "…", "ệ", "æ", "\x01", "\x7f", "the army "}
	for round := 0; round < 2000; round++ {
		text := randomText(r, pieces, 30)
		ellipses := strings.Contains(text, "…")
		s := newStops(text, ellipses)
		for i := 0; i <= len(text); i += 1 + r.IntN(3) {
			want := i
			for want < len(text) && !strings.ContainsRune("\n.!?", rune(text[want])) && !(ellipses && text[want] == ellipsisEnd) {
				want++
			}
			for range 2 { // asked again at the same offset
				if got := s.from(i); got != want {
					t.Fatalf("stops.from(%q, %d) = %d, want %d", text, i, got, want)
				}
			}
		}
	}
}

func TestIsAbbreviation(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Sen", true}, {"SEN", true}, {"gen", true}, {"Lieut", true}, {"approx", true},
		{"Senate", false}, {"Cooperation", false}, {"", false}, {"Đr", false},
	}
	for _, tt := range tests {
		if got := isAbbreviation(tt.word); got != tt.want {
			t.Errorf("isAbbreviation(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestMaxAbbreviation(t *testing.T) {
	for a := range abbreviations {
		if len(a) > maxAbbreviation {
			t.Errorf("abbreviation %q is longer than maxAbbreviation", a)
		}
	}
}

// TestWordFilter checks that wordFilter never rejects a word added (but
// "", which it always does), and that it does reject some others, against a set of random words.
func TestWordFilter(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	word := func() string {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = "abcxyz0.é"[r.IntN(10)]
		}
		return string(b)
	}
	var f wordFilter
	set := map[string]bool{}
	for range 20 {
		w := word()
		f.add(w)
		set[w] = true
	}
	rejected := 0
	for range 10000 {
		w := word()
		if !f.mayHave(w) {
			rejected++
			if set[w] && w != "" {
				t.Fatalf("mayHave(%q) = false for a word added", w)
			}
		}
	}
	for w := range set {
		if w != "" && !f.mayHave(w) {
			t.Fatalf("mayHave(%q) = false for a word added", w)
		}
	}
	if rejected == 0 {
		t.Error("no word rejected")
	}
}

// TestViewOffsets checks the mapping of offsets of some views (ASCII,
// glued words, multi-byte runes, both at the ends) with viewOracle's.
func TestViewOffsets(t *testing.T) {
	texts := []string{"", "a", "é", "Vietnam and Laos", "theVietnamese navy with80 nations", "Việt Nam’s HàNội – ĐÀNẵng “talks”",
		"ĐÀNẵng", "UNpeacekeeping’", strings.Repeat("ViệtNam ", 40)}
	for _, text := range texts {
		v := newView(text)
		_, want := viewOracle(text)
		checkOffsets(t, text, &v, want)
	}
}

// isHardWrapped is the plain statement of lineStats.hardWrapped: text
// whose lines were wrapped at a fixed width.
func isHardWrapped(text string) bool {
	var ls lineStats
	for l := range strings.SplitSeq(text, "\n") {
		ls.add(l)
	}
	return ls.hardWrapped()
}

// TestSplitMeasuresLines checks that the split measures the lines as a
// pass of their own would, and splits as if it knew whether the text is
// hard-wrapped from the start: on the seeds, generated articles and
// random text made of lines of every kind (short, long, blank, ending a
// sentence or not).
func TestSplitMeasuresLines(t *testing.T) {
	texts := sampleTexts(t, 50)
	r := rand.New(rand.NewPCG(3, 4))
	lines := []string{"", " ", "\t", "Short line.", "A headline without stop", "Ends with a colon:",
		"the quick brown fox jumps over the lazy dog again and", "the quick brown fox jumps over the lazy dog. Then it",
		"  Việt Nam’s navy met the Thai navy in Hà Nội on Monday and they agreed  ", "Mr. Smith said “yes”", "…"}
	for range 2000 {
		var sb strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			sb.WriteString(lines[r.IntN(len(lines))])
			sb.WriteString([]string{"\n", "\n", "\n\n", " \n", "\r\n"}[r.IntN(5)])
		}
		if r.IntN(2) == 0 {
			sb.WriteString(lines[r.IntN(len(lines))])
		}
		texts = append(texts, sb.String())
	}
	hard := 0
	for _, text := range texts {
		wrapped := isHardWrapped(text)
		if wrapped {
			hard++
		}
		got, ls := splitAs(nil, text, false, true)
		if ls.hardWrapped() != wrapped {
			t.Fatalf("%q: measured as hard-wrapped %v, want %v (%+v)", text, ls.hardWrapped(), wrapped, ls)
		}
		want, _ := splitAs(nil, text, wrapped, true)
		if got = appendSentences(got, text, true); !slices.Equal(got, want) {
			t.Fatalf("%q: sentences %v, want %v", text, got, want)
		}
	}
	if hard < 10 {
		t.Errorf("%d hard-wrapped texts of %d: too few to test them", hard, len(texts))
	}
}

// TestTrimSpan compares trimSpan with strings.TrimFunc(unicode.IsSpace)
// on random text of spaces of every kind and other runes, for every span.
func TestTrimSpan(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{" ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2003", "\u3000", "a", ".", "ệ", "’", "\x01"}
	for range 500 {
		text := randomText(r, pieces, 12)
		for s := 0; s <= len(text); s++ {
			for e := s; e <= len(text); e++ {
				if s < len(text) && !utf8.RuneStart(text[s]) || e < len(text) && !utf8.RuneStart(text[e]) {
					continue // spans start and end at runes
				}
				a, b := trimSpan(text, s, e)
				want := strings.TrimFunc(text[s:e], unicode.IsSpace)
				if text[a:b] != want {
					t.Fatalf("trimSpan(%q, %d, %d) = %q, want %q", text, s, e, text[a:b], want)
				}
			}
		}
	}
}

// TestBoundaryBeforeSpaces checks the rule on the word after a terminal
// across white space of every kind: a lower-case word continues the
// sentence, anything else starts one.
func TestBoundaryBeforeSpaces(t *testing.T) {
	for _, sp := range []string{" ", "  ", "\t", "\n", " \r\n ", "\u00a0", "\u2003", "\u3000", " \u0085 "} {
		for next, want := range map[string]bool{"five": false, "Five": true, "5": true, "ệ": false, "Ệ": true, "": true} {
			text := "It grew fast." + sp + next
			if got := isBoundary(text, strings.IndexByte(text, '.'), strings.IndexByte(text, '.')+1); got != want {
				t.Errorf("isBoundary(%q) = %v, want %v", text, got, want)
			}
		}
	}
}

// TestAbbreviatedAtOracle checks abbreviatedAt, which reads ASCII words on
// the stack and stops at long ones, against abbreviatedBefore, the plain
// reading of the word before the period, at every period of varied text.
func TestAbbreviatedAtOracle(t *testing.T) {
	texts := []string{
		"Sen. Lieut. Gen. Bui Chi Son met U.S. and U.N. envoys, approx. five.",
		"SEN. sen. Dept. DEPT. dept. Govt. Approx. Approxi. p. P. e.g. i.e. lt.gen. Lt.Gen.",
		"a. Z. Zz. 3.5 x3. .. . ..Mr. (Mr.) \"Dr.\" Ms.",
		"Ngô. Ệ. Đà Nẵng. Kelvin \u212a. \u212ao. Hà Nội. ôcol. Sépt. ñMr. Mrñ.",
		"Strasbourg. Internationally. counterpart. Ltd. Co. Inc. St. No. vs. Cmdr. Gens.",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"Mr", "mr", "approx", "Approx", "A", "b", "ô", "Ệ", "Co", "x", "Lieut", " ", "-", "3", "."}
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		// the eight bytes before a period, read at once, hold the text's
		// start or bytes of every kind
		for _, prefix := range []string{"", "12345678", "abcdefgh", "ABCDEFG ", "éééé", "Sen"} {
			text := prefix + text
			for i := 0; i < len(text); i++ {
				if text[i] != '.' {
					continue
				}
				if got, want := abbreviatedAt(text, i), abbreviatedBefore(text, i); got != want {
					t.Errorf("abbreviatedAt(%q, %d) = %v, want %v", text, i, got, want)
				}
			}
		}
	}
}

// TestLetterSuffix compares letterSuffix with a byte loop on random
// words of letters, the bytes next to them ('@', '[', '`', '{') and bytes
// from 0x80 (which hold letters after clearing the high bit).
func TestLetterSuffix(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	alphabet := "aAzZmM@[`{0 .\x80\xc1\xdaé\xe1\xfa\xff"
	for range 20000 {
		var b [8]byte
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		want := 0
		for want < 8 && unicode.IsLetter(rune(b[7-want])) && b[7-want] < utf8.RuneSelf {
			want++
		}
		if got := letterSuffix(load64(string(b[:]), 0)); got != want {
			t.Fatalf("letterSuffix(%q) = %d, want %d", b, got, want)
		}
	}
}

// TestSpaceAt checks spaceAt, a bit mask for ASCII, against
// unicode.IsSpace on every rune of the first planes and on bad UTF-8.
func TestSpaceAt(t *testing.T) {
	for r := rune(0); r < 0x3100; r++ {
		s := "x" + string(r) + "x"
		want := 0
		if unicode.IsSpace(r) {
			want = utf8.RuneLen(r)
		}
		if got := spaceAt(s, 1); got != want {
			t.Errorf("spaceAt(%q, 1) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{"\xe2", "\xe2\x80", "\x85", "\xc2"} {
		if got := spaceAt(s, 0); got != 0 {
			t.Errorf("spaceAt(%q, 0) = %d, want 0", s, got)
		}
	}
}
