package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hand-written scanners for the inference rules that Parse runs on every
// article. Each does exactly what the regexp in its comment does (that
// regexp is kept in infer_ref_test.go as the scanner's test oracle), at a
// small fraction of the cost: a regexp call costs about a microsecond even
// where it fails on the first byte, and the rules are anchored at a line's
// start or end, where a scanner needs to look at a few bytes only.
//
// As in Go's regexp, \s is ASCII white space without \v, \b is an ASCII
// word boundary, invalid UTF-8 reads as one U+FFFD per byte, and (?i)
// folds case as unicode.SimpleFold does ("ſ" is an "s").

// isSourceDateline reports whether s opens with a short place and a source
// in parentheses before a dash, `^[^()]{0,60}\([^()]{2,30}\)\s*[-–—]`
// ("Hanoi (VNA) –"): such a line is never a title.
func isSourceDateline(s string) bool {
	i, n := runesUntilParen(s, 0)
	if i == len(s) || s[i] != '(' || n > 60 {
		return false
	}
	i, n = runesUntilParen(s, i+1)
	if i == len(s) || s[i] != ')' || n < 2 || n > 30 {
		return false
	}
	_, ok := dashAt(s, skipSpaces(s, i+1))
	return ok
}

// runesUntilParen returns the offset of the first "(" or ")" in s at or
// after i (len(s) if none) and the number of runes before it.
func runesUntilParen(s string, i int) (end, runes int) {
	for i < len(s) && s[i] != '(' && s[i] != ')' {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		runes++
	}
	return i, runes
}

// signoff returns the source a line's last 200 bytes end with, by the
// first of three patterns that matches:
//
//	`[.!?"”’)]\s*[-–—]{1,2}\s*(\p{Lu}[\p{L}]{1,15})$`   "...mechanisms.-VNA"
//	`[.!?"”’]\s*\((\p{Lu}[\p{L}]{1,15})\)$`              "...said. (VNA)"
//	`^[-–—]{1,2}\s*(\p{Lu}{2,10})$`                      "-- JP"
//
// The name is the run of letters at the end: the byte before it (a space,
// dash or parenthesis) is never a letter, so a match cannot start inside
// the run. It is read backwards from there.
func signoff(l string) (string, bool) {
	if name, ok := dashSignoff(l); ok {
		return name, true
	}
	if name, ok := parenSignoff(l); ok {
		return name, true
	}
	return ownLineSignoff(l)
}

// dashSignoff: `[.!?"”’)]\s*[-–—]{1,2}\s*(\p{Lu}[\p{L}]{1,15})$`.
func dashSignoff(l string) (string, bool) {
	start := letterRunStart(l, len(l))
	if !isSourceName(l[start:], 2, 16, unicode.IsLetter) {
		return "", false
	}
	i := skipSpacesBack(l, start)
	j := dashRunStart(l, i)
	if j == i || dashRunes(l[j:i]) > 2 {
		return "", false
	}
	return l[start:], endsWithRune(l[:skipSpacesBack(l, j)], `.!?"”’)`)
}

// parenSignoff: `[.!?"”’]\s*\((\p{Lu}[\p{L}]{1,15})\)$`.
func parenSignoff(l string) (string, bool) {
	if !strings.HasSuffix(l, ")") {
		return "", false
	}
	end := len(l) - 1
	start := letterRunStart(l, end)
	if !isSourceName(l[start:end], 2, 16, unicode.IsLetter) || start == 0 || l[start-1] != '(' {
		return "", false
	}
	return l[start:end], endsWithRune(l[:skipSpacesBack(l, start-1)], `.!?"”’`)
}

// ownLineSignoff: `^[-–—]{1,2}\s*(\p{Lu}{2,10})$`.
func ownLineSignoff(l string) (string, bool) {
	i := 0
	for n := 0; n < 2; n++ {
		size, ok := dashAt(l, i)
		if !ok {
			break
		}
		i += size
	}
	if i == 0 {
		return "", false
	}
	name := l[skipSpaces(l, i):]
	return name, isSourceName(name, 2, 10, unicode.IsUpper)
}

// isSourceName reports whether name is min to max runes, the first a
// capital and all of them rest.
func isSourceName(name string, min, max int, rest func(rune) bool) bool {
	n := 0
	for _, r := range name {
		if n == 0 && !unicode.IsUpper(r) || !rest(r) {
			return false
		}
		n++
	}
	return n >= min && n <= max
}

// letterRunStart returns where the run of letters ending at end in s starts.
func letterRunStart(s string, end int) int {
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsLetter(r) {
			break
		}
		end -= size
	}
	return end
}

// dashRunStart returns where the run of dashes ([-–—]) ending at end in s
// starts.
func dashRunStart(s string, end int) int {
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !isDash(r) {
			break
		}
		end -= size
	}
	return end
}

// dashRunes counts the dashes in a run of dashes.
func dashRunes(run string) int { return utf8.RuneCountInString(run) }

// dashAt returns the size of the dash ([-–—]) at s[i:], if there is one.
func dashAt(s string, i int) (size int, ok bool) {
	if i >= len(s) {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return size, isDash(r)
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' }

// endsWithRune reports whether s ends with one of the runes of set (which
// holds no U+FFFD, the rune an invalid or missing last rune reads as).
func endsWithRune(s, set string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(set, r)
}

// skipSpaces returns the offset of the first byte at or after i that is
// not \s.
func skipSpaces(s string, i int) int {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return i
}

// skipSpacesBack returns the start of the run of \s ending at end.
func skipSpacesBack(s string, end int) int {
	for end > 0 && isSpaceByte(s[end-1]) {
		end--
	}
	return end
}

// creditKeywords are the words a credit line opens with, in the order of
// the regexp's alternation.
var creditKeywords = []string{"source", "published in", "first published in", "originally published in"}

// credit returns the name part of a credit line,
// `^(?:\(\*+\)\s*)?(?i:source|published in|first published in|originally published in)\s*:?\s+(.+)$`
// ("Source: Nhan Dan", "(*) Published in Communist Review No 853"). l is
// a line as Infer reads them: trimmed, without a newline.
func credit(l string) (string, bool) {
	i := noteMark(l)
	n := -1
	for _, kw := range creditKeywords {
		if n = foldPrefix(l[i:], kw); n >= 0 {
			break
		}
	}
	if n < 0 {
		return "", false
	}
	j := i + n
	k := skipSpaces(l, j)
	switch {
	case k < len(l) && l[k] == ':' && skipSpaces(l, k+1) > k+1:
		k = skipSpaces(l, k+1) // "Source: X", "Source : X"
	case k == j:
		return "", false // "Sources X": no space after the keyword
	}
	// Otherwise, for "Source :X", \s* gives up its last space to \s+ and
	// the name starts at the colon.
	if k == len(l) {
		return "", false
	}
	return l[k:], true
}

// noteMark returns the length of a leading footnote mark `\(\*+\)\s*`
// ("(*) "), or 0.
func noteMark(l string) int {
	if !strings.HasPrefix(l, "(*") {
		return 0
	}
	i := 1
	for i < len(l) && l[i] == '*' {
		i++
	}
	if i == len(l) || l[i] != ')' {
		return 0
	}
	return skipSpaces(l, i+1)
}

// weekdayNames are the weekdays a date line may open with, in the order of
// the regexp's alternation (leftmost-first: "tue" is tried before "tues").
var weekdayNames = []string{
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}

// fullWeekdays are the weekday names "on" may come with.
var fullWeekdays = weekdayNames[:7]

// weekdayPrefix returns the length of the weekday that opens a date line,
// `(?i)^(?:monday|...|sunday|mon|tue|tues|...|sun)\.?,?\s+` ("Tuesday, "),
// or 0.
func weekdayPrefix(s string) int {
	for _, w := range weekdayNames {
		n := foldPrefix(s, w)
		if n < 0 {
			continue
		}
		if n < len(s) && s[n] == '.' {
			n++
		}
		if n < len(s) && s[n] == ',' {
			n++
		}
		if end := skipSpaces(s, n); end > n {
			return end
		}
	}
	return 0
}

// onBefore reports whether s, the text just before a date, ends with "on",
// `(?i)\bon\s+(?:(?:monday|...|sunday),?\s+)?(?:the\s+)?$` ("held on ",
// "on Monday, ", "on the ").
func onBefore(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if (i == 0 || !isWordByte(s[i-1])) && foldPrefix(s[i:], "on") == 2 && onTail(s[i+2:]) {
			return true
		}
	}
	return false
}

// onTail reports whether s, what follows an "on", is
// `\s+(?:(?:monday|...|sunday),?\s+)?(?:the\s+)?` and nothing more.
func onTail(s string) bool {
	i := skipSpaces(s, 0)
	if i == 0 {
		return false
	}
	if theTail(s[i:]) {
		return true
	}
	for _, w := range fullWeekdays {
		n := foldPrefix(s[i:], w)
		if n < 0 {
			continue
		}
		j := i + n
		if j < len(s) && s[j] == ',' {
			j++
		}
		if k := skipSpaces(s, j); k > j && theTail(s[k:]) {
			return true
		}
	}
	return false
}

// theTail reports whether s is `(?:the\s+)?`.
func theTail(s string) bool {
	if s == "" {
		return true
	}
	n := foldPrefix(s, "the")
	return n > 0 && n < len(s) && skipSpaces(s, n) == len(s)
}

// foldPrefix returns the length in s of a prefix equal to word (lower-case
// ASCII) under Unicode case folding, or -1.
func foldPrefix(s, word string) int {
	i := 0
	for j := 0; j < len(word); j++ {
		if i == len(s) {
			return -1
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !foldEqual(r, rune(word[j])) {
			return -1
		}
		i += size
	}
	return i
}

// foldEqual reports whether r folds to w, a lower-case ASCII letter or
// another ASCII byte.
func foldEqual(r, w rune) bool {
	if r == w {
		return true
	}
	if r < utf8.RuneSelf {
		return w >= 'a' && w <= 'z' && r == w-'a'+'A'
	}
	for f := unicode.SimpleFold(w); f != w; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}
