package article

import (
	"iter"
	"math/bits"
	"strconv"
	"strings"
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
// date does not exist (31/2/2014). d's month and day must be in range (see
// valid). Written by hand: time.Date and Format cost several times more.
func (d textDate) ISO() string {
	if d.Year == 0 || d.Day > daysIn(d.Month, d.Year) {
		return ""
	}
	b := [...]byte{'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'}
	putDigits(b[0:4], d.Year)
	putDigits(b[5:7], d.Month)
	putDigits(b[8:10], d.Day)
	return string(b[:])
}

// putDigits writes n into b in decimal, right-aligned, keeping b's leading
// zeros.
func putDigits(b []byte, n int) {
	for i := len(b) - 1; i >= 0 && n > 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

// daysIn returns the number of days of month (1-12) in year, by the
// Gregorian calendar as package time has it.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// The date patterns. Each is matched by a hand-written scanner, at the
// positions where a date can start (see dateMatches); the scanners do exactly
// what these regexps (with a leading \b, leftmost-first) would, which
// date_scan_test.go checks, at a small fraction of the cost:
//
//	ISO          (\d{4})-(\d{2})-(\d{2})\b                          2014-02-20
//	numeric      (\d{1,2})[/.](\d{1,2})[/.](\d{4})\b                 20/2/2014, 20.2.2014
//	month-day    MONTH\s+(\d{1,2})ORD(?:\s*[-–]\s*\d{1,2}ORD)?\b YEAR   August 28, August 28, 2018, December 9-10
//	day-month    (\d{1,2})ORD(?:\s*[-–]\s*\d{1,2}ORD)?\s+(?:of\s+)?MONTH YEAR
//	                                                             31st May 2013, 28 of August, 19-28 November 2019
//
// where MONTH is (January|...|December|Jan|...|Sept|Sep|...|Dec)\b\.?,
// ORD (?:st|nd|rd|th)? and YEAR (?:,?\s+(\d{4})\b)?. Numeric dates are
// day first, as in the Vietnamese and British press; of a range of days
// the first counts.

// A dateMatch is where a date pattern matched, laid out as
// regexp.FindStringSubmatchIndex has it: the match's start and end, then
// the start and end of each of its three groups (-1, -1 for a year that is
// not there).
type dateMatch [8]int

// A datePattern is one way of writing a date: its scanner, which matches
// it at a position or not, and how a match reads as a date.
type datePattern struct {
	digit bool // whether a match starts with a digit (else with a capital)
	match func(s string, p int) (dateMatch, bool)
	date  func(s string, m dateMatch) textDate
}

// datePatterns in the order dates lists their dates when two start at
// the same place.
var datePatterns = [...]datePattern{
	{true, matchISO, func(s string, m dateMatch) textDate {
		return textDate{Year: atoi(s[m[2]:m[3]]), Month: atoi(s[m[4]:m[5]]), Day: atoi(s[m[6]:m[7]])}
	}},
	{true, matchNumeric, func(s string, m dateMatch) textDate {
		day, month := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
		if month > 12 && day <= 12 {
			day, month = month, day
		}
		return textDate{Year: atoi(s[m[6]:m[7]]), Month: month, Day: day}
	}},
	{false, matchMonthDay, func(s string, m dateMatch) textDate {
		return textDate{Month: monthNumber(s[m[2]:m[3]]), Day: atoi(s[m[4]:m[5]]), Year: optionalYear(s, m)}
	}},
	{true, matchDayMonth, func(s string, m dateMatch) textDate {
		return textDate{Day: atoi(s[m[2]:m[3]]), Month: monthNumber(s[m[4]:m[5]]), Year: optionalYear(s, m)}
	}},
}

// optionalYear is the year of a match whose third group is an optional
// year, or 0.
func optionalYear(s string, m dateMatch) int {
	if m[6] < 0 {
		return 0
	}
	return atoi(s[m[6]:m[7]])
}

// monthNumber returns the number of a month name as MONTH matches it
// (case-sensitive, so its first three letters are an abbreviation).
func monthNumber(name string) int { return abbrMonth(name[:3]) }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// dates iterates over the dates written in s, in text order (two at the
// same place in datePatterns order). Numeric dates are read day first;
// when that is impossible but month first is not (2/20/2014), they are
// read month first. A date is On when "on" comes just before it (see
// onBefore). An iterator, so that a caller looking for one date stops
// scanning where it finds it.
func dates(s string) iter.Seq[textDate] {
	return func(yield func(textDate) bool) {
		for i, m := range dateMatches(s) {
			d := datePatterns[i].date(s, m)
			if !d.valid() {
				continue
			}
			d.Pos = m[0]
			d.On = onBefore(s[max(0, d.Pos-24):d.Pos])
			if !yield(d) {
				return
			}
		}
	}
}

// valid reports whether d's month and day are in range (the day is not
// checked against the month: ISO does).
func (d textDate) valid() bool {
	return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= 31
}

// dateAtStart returns the first date of dates(s) if it starts at offset
// 0, trying only that offset.
func dateAtStart(s string) (textDate, bool) {
	if s == "" || dateByteClass[s[0]]&startsDate == 0 {
		return textDate{}, false
	}
	for i := range datePatterns {
		pat := &datePatterns[i]
		if pat.digit != isDigit(s[0]) {
			continue
		}
		if m, ok := pat.match(s, 0); ok {
			if d := pat.date(s, m); d.valid() {
				return d, true
			}
		}
	}
	return textDate{}, false
}

// dateMatches iterates over the matches of the date patterns in s (the
// index of the pattern, the match), in text order, two at the same place
// in datePatterns order. Each pattern's matches are those regexp's FindAll
// would give: leftmost first, each search going on from the end of the
// pattern's last match.
func dateMatches(s string) iter.Seq2[int, dateMatch] {
	return func(yield func(int, dateMatch) bool) {
		var ends [len(datePatterns)]int // of each pattern's last match
		for p := nextDateStart(s, 0); p < len(s); p = nextDateStart(s, p+1) {
			digit := isDigit(s[p])
			for i := range datePatterns {
				pat := &datePatterns[i]
				if p < ends[i] || pat.digit != digit {
					continue
				}
				if m, ok := pat.match(s, p); ok {
					ends[i] = m[1]
					if !yield(i, m) {
						return
					}
				}
			}
		}
	}
}

// nextDateStart returns the first position at or after p where a date may
// start, len(s) if there is none: a digit after a \b, or a capital after a
// \b (a month name's initial) just before a digit. Every date holds a
// digit, and a month name opens one only when its day's digits come right
// after it (MONTH\s+\d, with MONTH at most "September."), so the digits are
// found first, 8 bytes at a time (see nextDigit), and only the few bytes
// before each are looked at for a month name: most capitalised words of a
// text are then never tried. The positions still come in text order: no
// digit lies between a month name and the digit it is looked for from.
func nextDateStart(s string, p int) int {
	for q := nextDigit(s, p); q < len(s); q = nextDigit(s, q+1) {
		if e := skipSpacesBack(s, q); e < q {
			// A month name would end at e or before the "." there.
			if m := nextBoundaryStart(s, max(p, e-len("September.")), e); m < e {
				return m
			}
		}
		if q == 0 || !isWordByte(s[q-1]) {
			return q
		}
	}
	return len(s)
}

// nextBoundaryStart returns the first position in s[p:end] where a digit or
// a capital comes after a \b, end if there is none. The test takes no
// branch on the previous byte, which would be mispredicted at each word's
// start.
func nextBoundaryStart(s string, p, end int) int {
	var prevWord byte
	if p > 0 {
		prevWord = dateByteClass[s[p-1]] & wordByte
	}
	for ; p < end; p++ {
		class := dateByteClass[s[p]]
		if class&^(prevWord<<1)&startsDate != 0 {
			return p
		}
		prevWord = class & wordByte
	}
	return end
}

// nextDigit returns the first position at or after p where s has an ASCII
// digit, len(s) if there is none, testing 8 bytes at a time (see
// digitMask).
func nextDigit(s string, p int) int {
	for ; p+8 <= len(s); p += 8 {
		if m := digitMask(load64(s, p)); m != 0 {
			return p + bits.TrailingZeros64(m)/8
		}
	}
	for p < len(s) && !isDigit(s[p]) {
		p++
	}
	return p
}

// digitMask returns x's high bit set in each byte that is an ASCII digit
// and clear in the others. Each test adds to each byte's low seven bits,
// which cannot carry into the next byte, so each byte is told exactly.
func digitMask(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	t := x &^ highs
	atLeast0 := t + (0x80-'0')*ones
	above9 := t + (0x80-'9'-1)*ones
	return atLeast0 &^ above9 &^ x & highs
}

// load64 returns the 8 bytes of s at p as a little-endian number.
func load64(s string, p int) uint64 {
	b := s[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// The classes of dateByteClass.
const (
	wordByte = 1 // an ASCII word byte, as \b sees it
	// A digit or a capital: what a date starts with. The bit above
	// wordByte, so that the previous byte's wordByte, shifted, masks it.
	startsDate = wordByte << 1
)

// dateByteClass gives each byte its classes, for nextBoundaryStart and
// dateAtStart.
var dateByteClass = func() (t [256]byte) {
	for c := range 256 {
		if wordBytes[c] {
			t[c] |= wordByte
		}
		if isDigit(byte(c)) || c >= 'A' && c <= 'Z' {
			t[c] |= startsDate
		}
	}
	return t
}()

// matchISO matches (\d{4})-(\d{2})-(\d{2})\b at p.
func matchISO(s string, p int) (dateMatch, bool) {
	y, m, d := p, p+5, p+8
	if !allDigits(s, y, y+4) || !byteAt(s, y+4, '-') || !allDigits(s, m, m+2) ||
		!byteAt(s, m+2, '-') || !allDigits(s, d, d+2) || !atBoundary(s, d+2) {
		return dateMatch{}, false
	}
	return dateMatch{p, d + 2, y, y + 4, m, m + 2, d, d + 2}, true
}

// matchNumeric matches (\d{1,2})[/.](\d{1,2})[/.](\d{4})\b at p.
func matchNumeric(s string, p int) (dateMatch, bool) {
	d := afterDayDigits(s, p)
	if d == p || !numericSep(s, d) {
		return dateMatch{}, false
	}
	m := afterDayDigits(s, d+1)
	if m == d+1 || !numericSep(s, m) {
		return dateMatch{}, false
	}
	y := m + 1
	if !allDigits(s, y, y+4) || !atBoundary(s, y+4) {
		return dateMatch{}, false
	}
	return dateMatch{p, y + 4, p, d, d + 1, m, y, y + 4}, true
}

func numericSep(s string, i int) bool { return byteAt(s, i, '/') || byteAt(s, i, '.') }

// matchMonthDay matches MONTH\s+(\d{1,2})ORD(?:\s*[-–]\s*\d{1,2}ORD)?\b YEAR
// at p.
func matchMonthDay(s string, p int) (dateMatch, bool) {
	nameEnd, i, ok := monthName(s, p)
	if !ok {
		return dateMatch{}, false
	}
	day := skipSpaces(s, i)
	dayEnd := afterDayDigits(s, day)
	if day == i || dayEnd == day {
		return dateMatch{}, false
	}
	// The day ends at a word boundary: after its ordinal suffix if it has
	// one (without it, the boundary would fall between a digit and a
	// letter), and after a range's second day (and its suffix) if a range
	// follows and ends at a boundary.
	end := afterOrdinal(s, dayEnd)
	if r, ok := rangeEnd(s, end); ok && atBoundary(s, afterOrdinal(s, r)) {
		end = afterOrdinal(s, r)
	} else if !atBoundary(s, end) {
		return dateMatch{}, false
	}
	m := dateMatch{p, end, p, nameEnd, day, dayEnd, -1, -1}
	if ys, ok := yearAfter(s, end); ok {
		m[1], m[6], m[7] = ys+4, ys, ys+4
	}
	return m, true
}

// matchDayMonth matches (\d{1,2})ORD(?:\s*[-–]\s*\d{1,2}ORD)?\s+(?:of\s+)?MONTH YEAR
// at p.
func matchDayMonth(s string, p int) (dateMatch, bool) {
	dayEnd := afterDayDigits(s, p)
	if dayEnd == p {
		return dateMatch{}, false
	}
	// As in matchMonthDay, each optional part is taken when it is there:
	// leaving it out would leave a letter, digit or dash where \s+ must
	// come.
	i := afterOrdinal(s, dayEnd)
	if r, ok := rangeEnd(s, i); ok {
		i = afterOrdinal(s, r)
	}
	name := skipSpaces(s, i)
	if name == i {
		return dateMatch{}, false
	}
	if strings.HasPrefix(s[name:], "of") {
		if j := skipSpaces(s, name+2); j > name+2 {
			name = j
		}
	}
	nameEnd, end, ok := monthName(s, name)
	if !ok {
		return dateMatch{}, false
	}
	m := dateMatch{p, end, p, dayEnd, name, nameEnd, -1, -1}
	if ys, ok := yearAfter(s, end); ok {
		m[1], m[6], m[7] = ys+4, ys, ys+4
	}
	return m, true
}

// monthNames are the months' full names; MONTH also takes their first
// three letters and "Sept".
var monthNames = [...]string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

// monthName matches MONTH, (January|...|Sept|Sep|...|Dec)\b\.?, at i: it
// returns the end of the name and of the match (after a "."). At most one
// of the names can be followed by a word boundary at i, so the order in
// which they are tried does not matter.
func monthName(s string, i int) (nameEnd, end int, ok bool) {
	if i+3 > len(s) {
		return 0, 0, false
	}
	m := abbrMonth(s[i : i+3])
	if m == 0 {
		return 0, 0, false
	}
	switch full := monthNames[m-1]; {
	case strings.HasPrefix(s[i:], full) && atBoundary(s, i+len(full)):
		nameEnd = i + len(full)
	case m == 9 && strings.HasPrefix(s[i:], "Sept") && atBoundary(s, i+4):
		nameEnd = i + 4
	case atBoundary(s, i+3):
		nameEnd = i + 3
	default:
		return 0, 0, false
	}
	end = nameEnd
	if byteAt(s, end, '.') {
		end++
	}
	return nameEnd, end, true
}

// rangeEnd matches the start of a range's second day, \s*[-–]\s*\d{1,2},
// at i and returns the end of its digits.
func rangeEnd(s string, i int) (int, bool) {
	j := skipSpaces(s, i)
	switch {
	case byteAt(s, j, '-'):
		j++
	case strings.HasPrefix(s[j:], "–"):
		j += len("–")
	default:
		return 0, false
	}
	j = skipSpaces(s, j)
	end := afterDayDigits(s, j)
	return end, end > j
}

// yearAfter matches YEAR's ,?\s+(\d{4})\b at i and returns the year's
// start.
func yearAfter(s string, i int) (int, bool) {
	if byteAt(s, i, ',') {
		i++
	}
	y := skipSpaces(s, i)
	return y, y > i && allDigits(s, y, y+4) && atBoundary(s, y+4)
}

// afterOrdinal returns the end of an ordinal suffix (st, nd, rd, th) at
// i, or i.
func afterOrdinal(s string, i int) int {
	if i+2 <= len(s) {
		switch s[i : i+2] {
		case "st", "nd", "rd", "th":
			return i + 2
		}
	}
	return i
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

// allDigits reports whether s[i:j] is within s and all digits.
func allDigits(s string, i, j int) bool {
	if j > len(s) {
		return false
	}
	for ; i < j; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// byteAt reports whether s has c at i.
func byteAt(s string, i int, c byte) bool { return i < len(s) && s[i] == c }

// atBoundary reports whether \b holds at i: one side of it is an ASCII
// word byte, the other not (or the end of s).
func atBoundary(s string, i int) bool {
	return (i > 0 && isWordByte(s[i-1])) != (i < len(s) && isWordByte(s[i]))
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

// abbrMonth returns the number of the month abbreviated a ("Jan", "Feb",
// ...: capitalised, three letters), or 0. It runs at every capitalised
// word of the lead, so the letters are compared as one number.
func abbrMonth(a string) int {
	if len(a) != 3 {
		return 0
	}
	switch uint32(a[0])<<16 | uint32(a[1])<<8 | uint32(a[2]) {
	case 'J'<<16 | 'a'<<8 | 'n':
		return 1
	case 'F'<<16 | 'e'<<8 | 'b':
		return 2
	case 'M'<<16 | 'a'<<8 | 'r':
		return 3
	case 'A'<<16 | 'p'<<8 | 'r':
		return 4
	case 'M'<<16 | 'a'<<8 | 'y':
		return 5
	case 'J'<<16 | 'u'<<8 | 'n':
		return 6
	case 'J'<<16 | 'u'<<8 | 'l':
		return 7
	case 'A'<<16 | 'u'<<8 | 'g':
		return 8
	case 'S'<<16 | 'e'<<8 | 'p':
		return 9
	case 'O'<<16 | 'c'<<8 | 't':
		return 10
	case 'N'<<16 | 'o'<<8 | 'v':
		return 11
	case 'D'<<16 | 'e'<<8 | 'c':
		return 12
	}
	return 0
}

// dateLine reports whether line is a date line: a short line (at most 60
// characters) that starts with a full date, optionally after a weekday —
// "Tuesday, 2/6/2020", "20/2/2014 21:31' Send Print" — the date stamps web
// pages print around a headline. It returns the date.
func dateLine(line string) (string, bool) {
	if len(line) > 4*60 {
		return "", false
	}
	d, ok := dateAtStart(line[weekdayPrefix(line):])
	// The runes are counted last: most lines fail the cheaper tests.
	if !ok || d.Year == 0 || utf8.RuneCountInString(line) > 60 {
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
	var counts [lastYear - firstYear + 1]int32
	best, bestN := 0, int32(0)
	for y := range years(text) {
		counts[y-firstYear]++
		if n := counts[y-firstYear]; n > bestN || n == bestN && y > best {
			best, bestN = y, n
		}
	}
	if bestN < minYearMentions {
		return 0
	}
	return best
}

// The years articleYear counts: older ones are history, not report dates.
const firstYear, lastYear = 1945, 2099

// years iterates over the years written in text, those starting with a
// "1" first: runs of exactly four digits, not touching a letter, digit or
// underscore, between firstYear and lastYear. Such a year starts with a
// "1" or a "2": those bytes are found with strings.IndexByte, much faster
// than looking at every byte of the text. Each search goes on after the
// run of digits it stopped in ("2023" holds a second "2"), since no year
// starts inside a run: a call and a mispredicted loop exit fewer per run.
func years(text string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, first := range [...]byte{'1', '2'} {
			for i := 0; ; {
				j := strings.IndexByte(text[i:], first)
				if j < 0 {
					break
				}
				i += j
				end := afterDigits(text, i)
				if end-i == 4 && (i == 0 || !isWordByte(text[i-1])) && (end == len(text) || !isWordByte(text[end])) {
					if y := atoi(text[i:end]); y >= firstYear && y <= lastYear && !yield(y) {
						return
					}
				}
				i = end
			}
		}
	}
}

// afterDigits returns the end of the run of digits at i.
func afterDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
