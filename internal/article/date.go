package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A date as it is written in an article. Year is 0 when the text gives
// only a day and a month ("on August 28").
type textDate struct {
	Year, Month, Day int
	Pos              int  // byte offset of the match in the searched text
	On               bool // introduced by "on" ("held on May 24"): the usual way news report their event's date
}

// ISO returns the date as YYYY-MM-DD, or "" when the year is unknown or the
// date does not exist (31/2/2014).
func (d textDate) ISO() string {
	if d.Year == 0 {
		return ""
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	if t.Year() != d.Year || int(t.Month()) != d.Month || t.Day() != d.Day {
		return ""
	}
	return t.Format("2006-01-02")
}

const monthAlt = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
	`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?`

const ordinal = `(?:st|nd|rd|th)?`

// The date patterns, without their leading \b: each is compiled anchored
// ("^") and tried only where a date can start (see scanDates).
const (
	// 2014-02-20
	isoPat = `(\d{4})-(\d{2})-(\d{2})\b`
	// 20/2/2014, 20.2.2014: day first, as in the Vietnamese and British press.
	numericPat = `(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`
	// August 28, August 28, 2018, December 9-10 (the first day counts).
	monthDayPat = monthAlt + `\s+(\d{1,2})` + ordinal +
		`(?:\s*[-–]\s*\d{1,2}` + ordinal + `)?\b(?:,?\s+(\d{4})\b)?`
	// 31st May 2013, 28 of August, 19-28 November 2019 (the first day counts).
	dayMonthPat = `(\d{1,2})` + ordinal + `(?:\s*[-–]\s*\d{1,2}` + ordinal +
		`)?\s+(?:of\s+)?` + monthAlt + `(?:,?\s+(\d{4})\b)?`
)

var (
	isoRe      = regexp.MustCompile(`^` + isoPat)
	numericRe  = regexp.MustCompile(`^` + numericPat)
	monthDayRe = regexp.MustCompile(`^` + monthDayPat)
	dayMonthRe = regexp.MustCompile(`^` + dayMonthPat)
)

// A datePattern is one way of writing a date: its anchored regexp, a cheap
// test of whether it can match at a position, and how a match (as from
// FindStringSubmatchIndex on s) reads as a date.
type datePattern struct {
	re    *regexp.Regexp
	start func(s string, p int) bool
	date  func(s string, m []int) textDate
}

// datePatterns in the order findDates lists their dates when two start at
// the same place.
var datePatterns = [...]datePattern{
	{isoRe, isoStart, func(s string, m []int) textDate {
		return textDate{Year: atoi(s[m[2]:m[3]]), Month: atoi(s[m[4]:m[5]]), Day: atoi(s[m[6]:m[7]])}
	}},
	{numericRe, numericStart, func(s string, m []int) textDate {
		day, month := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
		if month > 12 && day <= 12 {
			day, month = month, day
		}
		return textDate{Year: atoi(s[m[6]:m[7]]), Month: month, Day: day}
	}},
	{monthDayRe, monthStart, func(s string, m []int) textDate {
		return textDate{Month: monthNumber(s[m[2]:m[3]]), Day: atoi(s[m[4]:m[5]]), Year: optionalYear(s, m)}
	}},
	{dayMonthRe, dayMonthStart, func(s string, m []int) textDate {
		return textDate{Day: atoi(s[m[2]:m[3]]), Month: monthNumber(s[m[4]:m[5]]), Year: optionalYear(s, m)}
	}},
}

// optionalYear is the year of a match whose third group is an optional
// year, or 0.
func optionalYear(s string, m []int) int {
	if m[6] < 0 {
		return 0
	}
	return atoi(s[m[6]:m[7]])
}

// monthNumber returns the number of a month name as monthAlt matches it
// (case-sensitive, so its first three letters are an abbreviation).
func monthNumber(name string) int { return abbrMonth(name[:3]) }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// findDates returns the dates written in s, in text order. Numeric dates
// are read day first; when that is impossible but month first is not
// (2/20/2014), they are read month first. A date is On when "on" comes
// just before it (see onBefore).
func findDates(s string) []textDate {
	var out []textDate
	var buf [64]int
	starts := dateStarts(buf[:0], s)
	for _, pat := range datePatterns {
		for _, m := range scanDates(pat.re, s, starts, pat.start) {
			d := pat.date(s, m)
			if !d.valid() {
				continue
			}
			d.Pos = m[0]
			d.On = onBefore(s[max(0, d.Pos-24):d.Pos])
			out = append(out, d)
		}
	}
	// Text order; the patterns do not overlap in practice, but keep the
	// first of two matches starting at the same place stable.
	sortByPos(out)
	return out
}

// valid reports whether d's month and day are in range (the day is not
// checked against the month: ISO does).
func (d textDate) valid() bool {
	return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= 31
}

// dateAtStart returns the date findDates(s) would list first if one starts
// at offset 0, trying only that offset.
func dateAtStart(s string) (textDate, bool) {
	if s == "" || !isDigit(s[0]) && (s[0] < 'A' || s[0] > 'Z') { // not in dateStarts
		return textDate{}, false
	}
	for _, pat := range datePatterns {
		if !pat.start(s, 0) {
			continue
		}
		m := pat.re.FindStringSubmatchIndex(s[:dateWindowEnd(s, 0)])
		if m == nil {
			continue
		}
		if d := pat.date(s, m); d.valid() {
			return d, true
		}
	}
	return textDate{}, false
}

// maxDateTokens bounds how many white-space separated tokens a date
// pattern can touch: dayMonthPat, the longest, spans six ("19th - 28th of
// November, 2019"); its final \b looks at one byte more.
const maxDateTokens = 6

// scanDates returns what re.FindAllStringSubmatchIndex would for the
// unanchored pattern `\b` + re's (re is that pattern anchored with "^"),
// much faster: a regexp scan of whole paragraphs cost more than all the
// rest of Parse. Leftmost-first matching is kept: the candidate positions
// starts (from dateStarts: every \b before a digit or capital, in order)
// are tried from the end of the last match on, and at each the anchored
// pattern gives the match the unanchored one would prefer there. start
// skips, from a few bytes, the positions where the pattern cannot match.
// The pattern runs on a window of maxDateTokens+3 tokens, which no match or
// look-ahead reaches the end of, so the window's end is never taken for
// the text's end. TestScanDatesMatchesRegexp checks the equivalence.
func scanDates(re *regexp.Regexp, s string, starts []int, start func(s string, p int) bool) [][]int {
	var out [][]int
	end := 0 // of the last match
	for _, p := range starts {
		if p < end || !start(s, p) {
			continue
		}
		m := re.FindStringSubmatchIndex(s[p:dateWindowEnd(s, p)])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += p
			}
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}

// dateStarts appends to buf the positions in s where a date can start: a
// digit or an ASCII capital (a month name's initial) after a non-word byte,
// as \b requires. One pass over s serves the four patterns.
func dateStarts(buf []int, s string) []int {
	prevWord := false
	for p := 0; p < len(s); p++ {
		c := s[p]
		if !prevWord && (isDigit(c) || c >= 'A' && c <= 'Z') {
			buf = append(buf, p)
		}
		prevWord = wordBytes[c]
	}
	return buf
}

// dateWindowEnd returns the end of the window scanDates matches at p: the
// start of the (maxDateTokens+3)th token from p, or the end of s.
func dateWindowEnd(s string, p int) int {
	tokens := 0
	for i := p; i < len(s); i++ {
		if isSpaceByte(s[i]) {
			continue
		}
		if i == p || isSpaceByte(s[i-1]) {
			tokens++
			if tokens == maxDateTokens+3 {
				return i
			}
		}
	}
	return len(s)
}

// isSpaceByte reports whether c is white space for \s in Go's regexp.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isWordByte reports whether c is an ASCII word character, as \b sees it
// (a byte of a multi-byte rune never is).
func isWordByte(c byte) bool { return wordBytes[c] }

var wordBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return t
}()

// The start functions say cheaply whether a pattern can match at p: they
// check a few bytes every match of the pattern begins with.

// isoStart: isoPat begins with four digits and "-".
func isoStart(s string, p int) bool {
	return p+5 <= len(s) && isDigit(s[p]) && isDigit(s[p+1]) && isDigit(s[p+2]) && isDigit(s[p+3]) && s[p+4] == '-'
}

// numericStart: numericPat begins with one or two digits and "/" or ".".
func numericStart(s string, p int) bool {
	q := afterDayDigits(s, p)
	return q > p && q < len(s) && (s[q] == '/' || s[q] == '.')
}

// dayMonthStart: dayMonthPat begins with one or two digits followed by an
// ordinal suffix, white space, "-" or "–" (whose first byte is 0xE2).
func dayMonthStart(s string, p int) bool {
	q := afterDayDigits(s, p)
	if q == p || q >= len(s) {
		return false
	}
	switch s[q] {
	case 's', 'n', 'r', 't', ' ', '\t', '\n', '\f', '\r', '-', 0xE2:
		return true
	}
	return false
}

// afterDayDigits returns the end of the one or two digits at p (p itself
// when there is none). A third digit makes no day: \d{1,2} would then be
// followed by a digit, which no pattern allows.
func afterDayDigits(s string, p int) int {
	q := p
	for q < len(s) && q < p+2 && isDigit(s[q]) {
		q++
	}
	return q
}

// monthStart reports whether a month name can begin at p: each of monthAlt's
// names begins with one of the twelve three-letter abbreviations.
func monthStart(s string, p int) bool {
	return p+3 <= len(s) && abbrMonth(s[p:p+3]) != 0
}

// abbrMonth returns the number of the month abbreviated a ("Jan", "Feb",
// ...: capitalised, three letters), or 0.
func abbrMonth(a string) int {
	// A capital starts each abbreviation and no other three bytes of the
	// list, so a match is always at a multiple of 3.
	const abbrs = "JanFebMarAprMayJunJulAugSepOctNovDec"
	if len(a) != 3 {
		return 0
	}
	if i := strings.Index(abbrs, a); i >= 0 {
		return i/3 + 1
	}
	return 0
}

func sortByPos(ds []textDate) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Pos < ds[j-1].Pos; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// dateLine reports whether line is a date line: a short line (at most 60
// characters) that starts with a full date, optionally after a weekday —
// "Tuesday, 2/6/2020", "20/2/2014 21:31' Send Print" — the date stamps web
// pages print around a headline. It returns the date.
func dateLine(line string) (string, bool) {
	if len(line) > 4*60 || utf8.RuneCountInString(line) > 60 {
		return "", false
	}
	d, ok := dateAtStart(line[weekdayPrefix(line):])
	if !ok || d.Year == 0 {
		return "", false
	}
	iso := d.ISO()
	return iso, iso != ""
}

// minYearMentions is how often a year must be named before a date written
// without a year is placed in it: a year named once is usually a past event
// ("the MoU signed in 2011"), not the year of the report.
const minYearMentions = 2

// articleYear is the year to give a date the text writes without one: the
// year the article names most often, if at least minYearMentions times
// (both ends of a range such as "2015-2018" count; the latest year wins a
// tie); 0 otherwise. News reports name the current year ("in 2014") and the
// period under review ("2011-2013") more than any other.
func articleYear(text string) int {
	var counts [lastYear - firstYear + 1]int
	forEachYear(text, func(y int) { counts[y-firstYear]++ })
	best, bestN := 0, 0
	for i, n := range counts {
		if n >= bestN && n > 0 { // ascending: the latest year wins a tie
			best, bestN = firstYear+i, n
		}
	}
	if bestN < minYearMentions {
		return 0
	}
	return best
}

// The years articleYear counts: older ones are history, not report dates.
const firstYear, lastYear = 1945, 2099

// forEachYear calls f with each year written in text: a run of exactly
// four digits, not touching a letter, digit or underscore, between
// firstYear and lastYear. A hand-written scan: a regexp here costs more
// than all the rest of Parse.
func forEachYear(text string, f func(int)) {
	for i := 0; i+4 <= len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		j := i + 1
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 4 && (i == 0 || !isWordByte(text[i-1])) && (j == len(text) || !isWordByte(text[j])) {
			if y := atoi(text[i:j]); y >= firstYear && y <= lastYear {
				f(y)
			}
		}
		i = j
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
