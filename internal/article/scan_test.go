package article

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// scanPieces are the building blocks of the random strings the scanners
// are compared with their regexps on: the characters and words the
// patterns look for, and a few they must not take for them.
var scanPieces = []string{
	" ", "  ", "\t", "\v", "\u00a0", ".", ",", ":", ";", "!", "?", "\"", "”", "’", "'", "(", ")", "(*)", "*",
	"-", "--", "–", "—", "/", "x", "é", "\xff", "\xe2\x80", "ſ", "K",
	"Hanoi ", "SA KAEO, ", "(VNA)", " – ", ": ", "Feb 14", "O’Neil", "St.", "VNA", "AFP", "Reuters", "JP", "A", "Hanoi", "Ho Chi Minh City", "MANILA", "said", "words",
	"on", "On", "ON", "the", "The", "of", "Monday", "monday", "Tue", "tues", "Tues.", "thurs", "ſunday", "Sun",
	"source", "Source", "published in", "First Published In", "originally published in", "Sources",
	"May", "Sept", "December", "Dec", "1", "12", "123", "2014", "20/2/2014", "2014-02-20",
}

// randomScanText joins 1 to max random scanPieces.
func randomScanText(r *rand.Rand, max int) string {
	var b strings.Builder
	for range 1 + r.IntN(max) {
		b.WriteString(scanPieces[r.IntN(len(scanPieces))])
	}
	return b.String()
}

// checkScanners compares each scanner with the regexp it replaces on s.
func checkScanners(t *testing.T, s string) {
	t.Helper()
	if got, want := isSourceDateline(s), refSourceDatelineRe.MatchString(s); got != want {
		t.Fatalf("isSourceDateline(%q) = %v, regexp says %v", s, got, want)
	}
	wantName, wantOK := "", false
	for _, re := range []*regexp.Regexp{refSignoffRe, refParenSignoffRe, refOwnLineSignoffRe} {
		if m := re.FindStringSubmatch(s); m != nil {
			wantName, wantOK = m[1], true
			break
		}
	}
	if name, ok := signoff(s); name != wantName && wantOK || ok != wantOK {
		t.Fatalf("signoff(%q) = %q, %v; regexps say %q, %v", s, name, ok, wantName, wantOK)
	}
	if m := refDatelineRe.FindStringSubmatchIndex(s); m != nil {
		want := [3]int{max(m[3], 0), m[4], m[5]}
		if pe, ss, se, ok := matchDateline(s); !ok || [3]int{pe, ss, se} != want {
			t.Fatalf("matchDateline(%q) = %v, %v, %v, %v; regexp says %v", s, pe, ss, se, ok, m)
		}
	} else if _, _, _, ok := matchDateline(s); ok {
		t.Fatalf("matchDateline(%q) matches, regexp does not", s)
	}
	if got, want := onBefore(s), refOnBeforeRe.MatchString(s); got != want {
		t.Fatalf("onBefore(%q) = %v, regexp says %v", s, got, want)
	}
	wantRest := refWeekdayRe.ReplaceAllString(s, "")
	if got := s[weekdayPrefix(s):]; got != wantRest {
		t.Fatalf("weekdayPrefix(%q) leaves %q, regexp leaves %q", s, got, wantRest)
	}
	// credit is defined on lines as Infer reads them: trimmed, one line.
	if l := strings.TrimSpace(s); l != "" && !strings.Contains(l, "\n") {
		wantName, wantOK = "", false
		if m := refCreditRe.FindStringSubmatch(l); m != nil {
			wantName, wantOK = m[1], true
		}
		if name, ok := credit(l); name != wantName || ok != wantOK {
			t.Fatalf("credit(%q) = %q, %v; regexp says %q, %v", l, name, ok, wantName, wantOK)
		}
	}
}

// TestScannersMatchRegexps compares the scanners with their regexps on
// hand-written cases and random strings of pattern pieces.
func TestScannersMatchRegexps(t *testing.T) {
	for _, s := range []string{
		"", "Hanoi (VNA) – x", "(VOVworld) –", "a (b) -", "a (bc)-", "(bc)\t—", "((bc) -",
		"words.-VNA", "words. – VNA", "words.---VNA", "words. (AFP)", "words.(A)", "-- JP", "--- JP", "–JPX",
		"Text.\u2014Reuters", "x.-Vna", "x.-VNAé", "x.-ÉVN", "x.-V\xffNA", ".-Abcdefghijklmnop", ".-Abcdefghijklmnopq",
		"held on ", "on Monday, ", "on the ", "on monday the ", "Don ", "on", "on\v", "xon ", "_on ", "on ſunday ",
		"Tuesday, 2/6/2020", "Tues. x", "tue.,  x", "Thurs", "thu", "ſun x", "MON\tx",
		"Source: Nhan Dan", "Source : X", "Source :X", "Source:X", "Sources X", "(*) Published in X No 1",
		"(**)published in  X", "(*)x", "ſource: x", "Source:  ",
		"Hanoi (VNA) - x", "Lai Chau (VNA) – x", "SA KAEO, Feb 14 – x", "MANILA, Philippines - x", "BATAM, Riau Islands: x",
		"The ASEAN Defence Ministers’ Meeting (ADMM) – x", "Hanoi--- x", "Hanoi-- x", "A B C D E - x", "A B C D - x",
		"Hanoi,  (VNA) – x", "Hanoi, a-b - x", "Hanoi,   - x", "Hanoi, x: y - z", "(V) - x", "(VN) -x", " : x", ": ",
	} {
		checkScanners(t, s)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		checkScanners(t, randomScanText(r, 10))
	}
}

// FuzzScanners compares the scanners with their regexps on any text.
//
//	go test ./internal/article -run '^$' -fuzz FuzzScanners -fuzztime 60s
func FuzzScanners(f *testing.F) {
	for _, s := range []string{"Hanoi (VNA) – x", "words.-VNA", "words. (AFP)", "-- JP", "held on Monday, ", "Tues. x", "(*) Published in X No 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkScanners(t, s) })
}
