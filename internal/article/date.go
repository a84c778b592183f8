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

var (
	// 2014-02-20
	isoRe = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// 20/2/2014, 20.2.2014: day first, as in the Vietnamese and British press.
	numericRe = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`)
	// August 28, August 28, 2018, December 9-10 (the first day counts).
	monthDayRe = regexp.MustCompile(`\b` + monthAlt + `\s+(\d{1,2})` + ordinal +
		`(?:\s*[-–]\s*\d{1,2}` + ordinal + `)?\b(?:,?\s+(\d{4})\b)?`)
	// 31st May 2013, 28 of August, 19-28 November 2019 (the first day counts).
	dayMonthRe = regexp.MustCompile(`\b(\d{1,2})` + ordinal + `(?:\s*[-–]\s*\d{1,2}` + ordinal +
		`)?\s+(?:of\s+)?` + monthAlt + `(?:,?\s+(\d{4})\b)?`)
	// "on", optionally with a weekday: "on Monday, May 24".
	onBeforeRe = regexp.MustCompile(`(?i)\bon\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:the\s+)?$`)
	// A weekday opening a date line: "Tuesday, 2/6/2020".
	weekdayRe = regexp.MustCompile(`(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+`)
)

var months = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

func monthNumber(name string) int { return months[strings.ToLower(name[:3])] }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// findDates returns the dates written in s, in text order. Numeric dates
// are read day first; when that is impossible but month first is not
// (2/20/2014), they are read month first.
func findDates(s string) []textDate {
	var out []textDate
	add := func(d textDate, start int) {
		if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
			return
		}
		d.Pos = start
		d.On = onBeforeRe.MatchString(s[max(0, start-24):start])
		out = append(out, d)
	}
	for _, m := range isoRe.FindAllStringSubmatchIndex(s, -1) {
		add(textDate{Year: atoi(s[m[2]:m[3]]), Month: atoi(s[m[4]:m[5]]), Day: atoi(s[m[6]:m[7]])}, m[0])
	}
	for _, m := range numericRe.FindAllStringSubmatchIndex(s, -1) {
		day, month := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
		if month > 12 && day <= 12 {
			day, month = month, day
		}
		add(textDate{Year: atoi(s[m[6]:m[7]]), Month: month, Day: day}, m[0])
	}
	for _, m := range monthDayRe.FindAllStringSubmatchIndex(s, -1) {
		d := textDate{Month: monthNumber(s[m[2]:m[3]]), Day: atoi(s[m[4]:m[5]])}
		if m[6] >= 0 {
			d.Year = atoi(s[m[6]:m[7]])
		}
		add(d, m[0])
	}
	for _, m := range dayMonthRe.FindAllStringSubmatchIndex(s, -1) {
		d := textDate{Day: atoi(s[m[2]:m[3]]), Month: monthNumber(s[m[4]:m[5]])}
		if m[6] >= 0 {
			d.Year = atoi(s[m[6]:m[7]])
		}
		add(d, m[0])
	}
	// Text order; the patterns do not overlap in practice, but keep the
	// first of two matches starting at the same place stable.
	sortByPos(out)
	return out
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
	rest := weekdayRe.ReplaceAllString(line, "")
	ds := findDates(rest)
	if len(ds) == 0 || ds[0].Pos != 0 || ds[0].Year == 0 {
		return "", false
	}
	iso := ds[0].ISO()
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
	counts := map[int]int{}
	for _, y := range years(text) {
		counts[y]++
	}
	best, bestN := 0, 0
	for y, n := range counts {
		if n > bestN || (n == bestN && y > best) {
			best, bestN = y, n
		}
	}
	if bestN < minYearMentions {
		return 0
	}
	return best
}

// years returns the years written in text: runs of exactly four digits, not
// touching a letter, digit or underscore, between 1945 and 2099 (older years
// are history, not report dates). A hand-written scan: a regexp here costs
// more than all the rest of Parse.
func years(text string) []int {
	var out []int
	word := func(i int) bool {
		c := text[i]
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; i+4 <= len(text); i++ {
		if !isDigit(text[i]) || (i > 0 && word(i-1)) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 4 && (j == len(text) || !word(j)) {
			if y := atoi(text[i:j]); y >= 1945 && y <= 2099 {
				out = append(out, y)
			}
		}
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
