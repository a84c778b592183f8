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
	if strings.IndexByte(s, '(') < 0 {
		return false // most titles: no rune to count
	}
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
// after i (len(s) if none) and the number of runes before it. The
// parenthesis is usually close, so the bytes are looked at one by one;
// only non-ASCII ones are decoded.
func runesUntilParen(s string, i int) (end, runes int) {
	for i < len(s) && s[i] != '(' && s[i] != ')' {
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
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
	if j == i || utf8.RuneCountInString(l[j:i]) > 2 {
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

// ownLineSignoff: `^[-–—]{1,2}\s*(\p{Lu}{2,10})$`. Capitals only, so a
// trailing "– With Jaime Laude" (a contributor) is not taken as a source.
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

// weekdayInitials marks the ASCII letters, in either case, that weekday
// names start with.
var weekdayInitials = func() (t [utf8.RuneSelf]bool) {
	for _, w := range weekdayNames {
		t[w[0]] = true
		t[w[0]-'a'+'A'] = true
	}
	return t
}()

// fullWeekdays are the weekday names "on" may come with.
var fullWeekdays = weekdayNames[:7]

// weekdayPrefix returns the length of the weekday that opens a date line,
// `(?i)^(?:monday|...|sunday|mon|tue|tues|...|sun)\.?,?\s+` ("Tuesday, "),
// or 0.
func weekdayPrefix(s string) int {
	if s == "" || s[0] < utf8.RuneSelf && !weekdayInitials[s[0]] {
		return 0 // the usual line; a non-ASCII rune may still fold to an initial ("ſ")
	}
	for _, w := range weekdayNames {
		if s[0] < utf8.RuneSelf && (s[0]|0x20 != w[0] || len(s) > 1 && s[1] < utf8.RuneSelf && s[1]|0x20 != w[1]) {
			continue // an ASCII letter folds only to itself in the other case
		}
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

// matchDateline matches the dateline that may open an article's first
// paragraph,
//
//	^(P)?\s*(?:\(([^()]{2,30})\))?\s*(?:[-–—]{1,2}|:)\s+\S
//	P = \p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:,\s*[^()\-–—:]{1,30}?)?
//
// ("Hanoi (VNA) -", "(VOVworld) –", "SA KAEO, Feb 14 –", "BATAM, Riau
// Islands:"; but "The ASEAN Defence Ministers’ Meeting (ADMM) – ..." is a
// sentence: its place would have more than four words). It returns the end of the place P (0 if there is none) and
// the source's span (-1, -1 if none). The place's alternatives are tried
// in the regexp's order of preference (longer words first, more words
// first, the comma part's text shortest first), and the first after which
// the rest of the line (datelineTail) matches is the match.
func matchDateline(s string) (placeEnd, srcStart, srcEnd int, ok bool) {
	if placeEnd, srcStart, srcEnd, ok = placeWord(s, 0, 1); ok {
		return placeEnd, srcStart, srcEnd, true
	}
	srcStart, srcEnd, ok = datelineTail(s, 0)
	return 0, srcStart, srcEnd, ok
}

// maxPlaceWords is how many capitalised words a dateline's place has at
// most.
const maxPlaceWords = 4

// placeWord matches the place's nth word, \p{Lu}[\p{L}'’.-]*, at i and
// what may follow it; the word is tried longest first (only a shorter one
// ending before a "-" can then succeed, the "-" being the dash).
func placeWord(s string, i, n int) (placeEnd, srcStart, srcEnd int, ok bool) {
	r, size := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsUpper(r) {
		return 0, -1, -1, false
	}
	end := i + size
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isPlaceRune(r) {
			break
		}
		end += size
	}
	for e := end; e > i; {
		if placeEnd, srcStart, srcEnd, ok = afterPlaceWord(s, e, n); ok {
			return placeEnd, srcStart, srcEnd, true
		}
		_, size := utf8.DecodeLastRuneInString(s[:e])
		e -= size
	}
	return 0, -1, -1, false
}

// isPlaceRune reports whether r may follow a place word's capital.
func isPlaceRune(r rune) bool {
	return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '.' || r == '-'
}

// afterPlaceWord matches what may follow the place's nth word, ending at
// e: another word, else a comma part, else nothing; then datelineTail.
func afterPlaceWord(s string, e, n int) (placeEnd, srcStart, srcEnd int, ok bool) {
	if j := skipSpaces(s, e); n < maxPlaceWords && j > e && j < len(s) {
		if placeEnd, srcStart, srcEnd, ok = placeWord(s, j, n+1); ok {
			return placeEnd, srcStart, srcEnd, true
		}
	}
	if byteAt(s, e, ',') {
		// ,\s*[^()\-–—:]{1,30}? : \s* longest first, then the lazy part
		// shortest first (it may take spaces \s* gave back).
		for k := skipSpaces(s, e+1); k > e; k-- {
			j := k
			for range 30 {
				r, size := utf8.DecodeRuneInString(s[j:])
				if j == len(s) || strings.ContainsRune("()-–—:", r) {
					break
				}
				j += size
				if srcStart, srcEnd, ok = datelineTail(s, j); ok {
					return j, srcStart, srcEnd, true
				}
			}
		}
	}
	srcStart, srcEnd, ok = datelineTail(s, e)
	return e, srcStart, srcEnd, ok
}

// datelineTail matches the rest of a dateline at i,
// \s*(?:\(([^()]{2,30})\))?\s*(?:[-–—]{1,2}|:)\s+\S, and returns the
// source's span (-1, -1 if none). No backtracking can help it: each part
// stops at a byte that no shorter choice would let the next part take.
func datelineTail(s string, i int) (srcStart, srcEnd int, ok bool) {
	srcStart, srcEnd = -1, -1
	j := skipSpaces(s, i)
	if byteAt(s, j, '(') {
		end, n := runesUntilParen(s, j+1)
		if !byteAt(s, end, ')') || n < 2 || n > 30 {
			return -1, -1, false
		}
		srcStart, srcEnd = j+1, end
		j = skipSpaces(s, end+1)
	}
	if byteAt(s, j, ':') {
		j++
	} else {
		dashes := 0
		for size, ok := dashAt(s, j); ok && dashes < 3; size, ok = dashAt(s, j) {
			j += size
			dashes++
		}
		if dashes == 0 || dashes > 2 {
			return -1, -1, false
		}
	}
	k := skipSpaces(s, j)
	return srcStart, srcEnd, k > j && k < len(s)
}
