package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Metadata is what Infer finds in an article's text. A field is "" when the
// text does not tell.
type Metadata struct {
	Title  string
	Date   string // YYYY-MM-DD
	Source string // news agency or publication: "VNA", "VOVworld"
}

// Limits of the inference rules.
const (
	maxHeaderLines = 4   // date lines looked at before and after a headline
	maxTitleRunes  = 150 // a headline is short...
	maxTitleWords  = 25
	leadParagraphs = 3    // dates are looked for in the first paragraphs only...
	maxLeadBytes   = 1500 // ...and in the first 1500 bytes of each
	tailLines      = 5    // sign-offs and credit lines are looked for at the end
	maxSourceRunes = 60   // a source name is short
)

var (
	// A dateline: "Hanoi (VNA) -", "Lai Chau (VNA) –", "(VOVworld) –",
	// "SA KAEO, Feb 14 –", "MANILA, Philippines -", "BATAM, Riau Islands:".
	// Group 1 is the place, up to four capitalised words, with perhaps a
	// region or date after a comma; group 2 the source. "The ASEAN Defence
	// Ministers' Meeting (ADMM) – ..." is a sentence, not a dateline.
	datelineRe = regexp.MustCompile(`^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:,\s*[^()\-–—:]{1,30}?)?)?` +
		`\s*(?:\(([^()]{2,30})\))?\s*(?:[-–—]{1,2}|:)\s+\S`)
	// The same with a source in parentheses: such a line is never a title.
	sourceDatelineRe = regexp.MustCompile(`^[^()]{0,60}\([^()]{2,30}\)\s*[-–—]`)
	// A sign-off after the last sentence: "...mechanisms.-VNA".
	signoffRe = regexp.MustCompile(`[.!?"”’)]\s*[-–—]{1,2}\s*(\p{Lu}[\p{L}]{1,15})$`)
	// A sign-off in parentheses after the last sentence: "...said. (VNA)".
	parenSignoffRe = regexp.MustCompile(`[.!?"”’]\s*\((\p{Lu}[\p{L}]{1,15})\)$`)
	// A sign-off on its own line: "-- JP". Capitals only, so a trailing
	// "– With Jaime Laude" (a contributor) is not taken as a source.
	ownLineSignoffRe = regexp.MustCompile(`^[-–—]{1,2}\s*(\p{Lu}{2,10})$`)
	// A credit line: "Source: Nhan Dan", "(*) Published in Communist Review
	// No 853 (November 2013)".
	creditRe = regexp.MustCompile(`^(?:\(\*+\)\s*)?(?i:source|published in|first published in|originally published in)\s*:?\s+(.+)$`)
	// Where a credited publication's name ends: its issue, date or note.
	creditEndRe = regexp.MustCompile(`\s+(?:No\.?\s*\d|[Nn]umber\s+\d|\(|,|-\s|–|—|on\s|in\s)|[.;]\s*$`)
)

// Infer finds an article's title, date and source in its text. The rules,
// in order:
//
// Title: leading date lines ("Tuesday, 2/6/2020") are skipped; the next
// non-empty line is the title when it reads as a headline: at most 150
// characters and 25 words, more text follows it, it starts with a capital
// letter, digit or quote (after Markdown "#" marks), it does not end with
// ".", ",", ";" or ":", and it is neither a date line nor a dateline
// ("Hanoi (VNA) - ..."). Otherwise the title is "".
//
// Date, the first rule that gives one:
//  1. a date line right after the title (the page's own stamp,
//     "20/2/2014 21:31' Send Print");
//  2. a date line before the title (a page header);
//  3. a date in the dateline ("SA KAEO, Feb 14 – ...");
//  4. in the first three paragraphs of the body, the first date introduced
//     by "on" ("a conference in Hanoi on August 28"), else the first date
//     of any form ("From 19-28 November 2019" -> the 19th). Only that one
//     date is tried: later ones are background, not the news.
//
// Dates are written "August 28", "28 August", "31st May 2013", "May 24,
// 2021", "2014-02-20" or numerically day first ("20/2/2014"). A date
// without a year takes the year (1945-2099) the article names most often,
// if it names it at least twice (both ends of a range count; the latest
// year wins a tie); otherwise the date stays "" (see articleYear). A month
// without a day ("(November 2013)") is never used: the date stays "" rather
// than get an invented day.
//
// Source, the first rule that gives one: the parenthesised agency of the
// dateline ("Hanoi (VNA) -", "(VOVworld) –"); a sign-off at the end
// ("...-VNA", "... (VNA)", a line "-- JP"); a credit line near the end
// ("Source: X", "Published in X No 853" -> "X").
func Infer(body string) Metadata {
	lines := nonEmptyLines(body)
	var md Metadata
	i := 0

	var headerDate string // before the title
	for i < len(lines) && i < maxHeaderLines {
		d, ok := dateLine(lines[i])
		if !ok {
			break
		}
		if headerDate == "" {
			headerDate = d
		}
		i++
	}
	var stampDate string // after the title
	if i < len(lines)-1 && isHeadline(lines[i]) {
		md.Title = cleanTitle(lines[i])
		i++
		for i < len(lines) && lines[i] == lines[i-1] { // a headline printed twice
			i++
		}
		for j := 0; i < len(lines) && j < maxHeaderLines; j++ {
			d, ok := dateLine(lines[i])
			if !ok {
				break
			}
			if stampDate == "" {
				stampDate = d
			}
			i++
		}
	}
	rest := lines[i:]

	var datelinePlace, datelineSource string
	if len(rest) > 0 {
		datelinePlace, datelineSource = dateline(rest[0])
	}

	switch {
	case stampDate != "":
		md.Date = stampDate
	case headerDate != "":
		md.Date = headerDate
	default:
		md.Date = leadDate(datelinePlace, rest, body)
	}

	md.Source = datelineSource
	if md.Source == "" {
		md.Source = trailingSource(lines)
	}
	return md
}

// nonEmptyLines returns the lines of s that are not blank, trimmed.
func nonEmptyLines(s string) []string {
	var out []string
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func isHeadline(line string) bool {
	if len(line) > 4*maxTitleRunes { // surely too long; spare the work on a huge line
		return false
	}
	t := cleanTitle(line)
	n := utf8.RuneCountInString(t)
	if n < 3 || n > maxTitleRunes || len(strings.Fields(t)) > maxTitleWords {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune(`"“‘'`, first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	if _, ok := dateLine(t); ok {
		return false
	}
	return !sourceDatelineRe.MatchString(t)
}

// cleanTitle drops Markdown heading marks and collapses white space (the
// title is metadata, not evidence).
func cleanTitle(line string) string {
	line = strings.TrimLeft(line, "#")
	return strings.Join(strings.Fields(line), " ")
}

// dateline splits the dateline that may open the first body paragraph into
// its place part (which may hold a date) and its source.
func dateline(line string) (place, source string) {
	m := datelineRe.FindStringSubmatch(line)
	if m == nil || (m[1] == "" && m[2] == "") {
		return "", ""
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
}

// leadDate applies date rules 3 and 4 (see Infer).
func leadDate(datelinePlace string, paras []string, body string) string {
	var year int
	yearOf := func(d textDate) string {
		if d.Year == 0 {
			if year == 0 {
				year = articleYear(body)
			}
			d.Year = year
		}
		return d.ISO()
	}
	if ds := findDates(datelinePlace); len(ds) > 0 {
		if iso := yearOf(ds[0]); iso != "" {
			return iso
		}
	}
	var lead []textDate
	for i, seen := 0, 0; i < len(paras) && seen < leadParagraphs; i++ {
		if i > 0 && paras[i] == paras[i-1] { // a paragraph printed twice
			continue
		}
		seen++
		lead = append(lead, findDates(firstBytes(paras[i], maxLeadBytes))...)
	}
	// Only the first candidate counts: when its year is unknown, a later
	// date is background ("established on February 26, 2016"), not the
	// date of the news.
	for _, d := range lead {
		if d.On {
			return yearOf(d)
		}
	}
	if len(lead) > 0 {
		return yearOf(lead[0])
	}
	return ""
}

// trailingSource applies the sign-off and credit-line source rules (see
// Infer) to the last lines of the text.
func trailingSource(lines []string) string {
	tail := lines[max(0, len(lines)-tailLines):]
	for i := len(tail) - 1; i >= 0; i-- {
		l := lastBytes(tail[i], 200) // a sign-off is at the very end
		for _, re := range []*regexp.Regexp{signoffRe, parenSignoffRe, ownLineSignoffRe} {
			if m := re.FindStringSubmatch(l); m != nil {
				return m[1]
			}
		}
	}
	for _, l := range tail {
		m := creditRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		name := m[1]
		if loc := creditEndRe.FindStringIndex(name); loc != nil {
			name = name[:loc[0]]
		}
		name = strings.TrimSpace(name)
		if name != "" && utf8.RuneCountInString(name) <= maxSourceRunes {
			return name
		}
	}
	return ""
}

// lastBytes returns about the last n bytes of s, cut at a rune boundary.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// firstBytes returns about the first n bytes of s, cut at a rune boundary.
func firstBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
