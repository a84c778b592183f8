package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file keeps Infer as it was written before the speed work: every
// rule a regexp, over the whole text split into lines. The fast Infer must
// give exactly what refInfer gives (TestInferMatchesReference,
// FuzzInferMatchesReference); the regexps are also the oracles of the
// hand-written scanners that replaced them (scan_test.go).
var (
	refDatelineRe = regexp.MustCompile(`^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:,\s*[^()\-–—:]{1,30}?)?)?` +
		`\s*(?:\(([^()]{2,30})\))?\s*(?:[-–—]{1,2}|:)\s+\S`)
	refSourceDatelineRe = regexp.MustCompile(`^[^()]{0,60}\([^()]{2,30}\)\s*[-–—]`)
	refSignoffRe        = regexp.MustCompile(`[.!?"”’)]\s*[-–—]{1,2}\s*(\p{Lu}[\p{L}]{1,15})$`)
	refParenSignoffRe   = regexp.MustCompile(`[.!?"”’]\s*\((\p{Lu}[\p{L}]{1,15})\)$`)
	refOwnLineSignoffRe = regexp.MustCompile(`^[-–—]{1,2}\s*(\p{Lu}{2,10})$`)
	refCreditRe         = regexp.MustCompile(`^(?:\(\*+\)\s*)?(?i:source|published in|first published in|originally published in)\s*:?\s+(.+)$`)
	refCreditEndRe      = regexp.MustCompile(`\s+(?:No\.?\s*\d|[Nn]umber\s+\d|\(|,|-\s|–|—|on\s|in\s)|[.;]\s*$`)
	refOnBeforeRe       = regexp.MustCompile(`(?i)\bon\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:the\s+)?$`)
	refWeekdayRe        = regexp.MustCompile(`(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+`)
	refYearRe           = regexp.MustCompile(`\b\d{4}\b`)
)

func refInfer(body string) Metadata {
	lines := refNonEmptyLines(body)
	var md Metadata
	i := 0

	var headerDate string
	for i < len(lines) && i < maxHeaderLines {
		d, ok := refDateLine(lines[i])
		if !ok {
			break
		}
		if headerDate == "" {
			headerDate = d
		}
		i++
	}
	var stampDate string
	if i < len(lines)-1 && refIsHeadline(lines[i]) {
		md.Title = refCleanTitle(lines[i])
		i++
		for i < len(lines) && lines[i] == lines[i-1] {
			i++
		}
		for j := 0; i < len(lines) && j < maxHeaderLines; j++ {
			d, ok := refDateLine(lines[i])
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
		datelinePlace, datelineSource = refDateline(rest[0])
	}

	switch {
	case stampDate != "":
		md.Date = stampDate
	case headerDate != "":
		md.Date = headerDate
	default:
		md.Date = refLeadDate(datelinePlace, rest, body)
	}

	md.Source = datelineSource
	if md.Source == "" {
		md.Source = refTrailingSource(lines)
	}
	return md
}

func refNonEmptyLines(s string) []string {
	var out []string
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func refIsHeadline(line string) bool {
	if len(line) > 4*maxTitleRunes {
		return false
	}
	t := refCleanTitle(line)
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
	if _, ok := refDateLine(t); ok {
		return false
	}
	return !refSourceDatelineRe.MatchString(t)
}

func refCleanTitle(line string) string {
	line = strings.TrimLeft(line, "#")
	return strings.Join(strings.Fields(line), " ")
}

func refDateline(line string) (place, source string) {
	m := refDatelineRe.FindStringSubmatch(line)
	if m == nil || (m[1] == "" && m[2] == "") {
		return "", ""
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
}

func refLeadDate(datelinePlace string, paras []string, body string) string {
	var year int
	yearOf := func(d textDate) string {
		if d.Year == 0 {
			if year == 0 {
				year = refArticleYear(body)
			}
			d.Year = year
		}
		return d.ISO()
	}
	if ds := refFindDates(datelinePlace); len(ds) > 0 {
		if iso := yearOf(ds[0]); iso != "" {
			return iso
		}
	}
	var lead []textDate
	for i, seen := 0, 0; i < len(paras) && seen < leadParagraphs; i++ {
		if i > 0 && paras[i] == paras[i-1] {
			continue
		}
		seen++
		lead = append(lead, refFindDates(firstBytes(paras[i], maxLeadBytes))...)
	}
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

func refTrailingSource(lines []string) string {
	tail := lines[max(0, len(lines)-tailLines):]
	for i := len(tail) - 1; i >= 0; i-- {
		l := lastBytes(tail[i], 200)
		for _, re := range []*regexp.Regexp{refSignoffRe, refParenSignoffRe, refOwnLineSignoffRe} {
			if m := re.FindStringSubmatch(l); m != nil {
				return m[1]
			}
		}
	}
	for _, l := range tail {
		m := refCreditRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		name := m[1]
		if loc := refCreditEndRe.FindStringIndex(name); loc != nil {
			name = name[:loc[0]]
		}
		name = strings.TrimSpace(name)
		if name != "" && utf8.RuneCountInString(name) <= maxSourceRunes {
			return name
		}
	}
	return ""
}

// refFindDates runs the four unanchored date regexps over the whole of s.
func refFindDates(s string) []textDate {
	var out []textDate
	add := func(d textDate, start int) {
		if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
			return
		}
		d.Pos = start
		d.On = refOnBeforeRe.MatchString(s[max(0, start-24):start])
		out = append(out, d)
	}
	for _, m := range refISO.FindAllStringSubmatchIndex(s, -1) {
		add(textDate{Year: atoi(s[m[2]:m[3]]), Month: atoi(s[m[4]:m[5]]), Day: atoi(s[m[6]:m[7]])}, m[0])
	}
	for _, m := range refNumeric.FindAllStringSubmatchIndex(s, -1) {
		day, month := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
		if month > 12 && day <= 12 {
			day, month = month, day
		}
		add(textDate{Year: atoi(s[m[6]:m[7]]), Month: month, Day: day}, m[0])
	}
	for _, m := range refMonthDay.FindAllStringSubmatchIndex(s, -1) {
		d := textDate{Month: refMonthNumber(s[m[2]:m[3]]), Day: atoi(s[m[4]:m[5]])}
		if m[6] >= 0 {
			d.Year = atoi(s[m[6]:m[7]])
		}
		add(d, m[0])
	}
	for _, m := range refDayMonth.FindAllStringSubmatchIndex(s, -1) {
		d := textDate{Day: atoi(s[m[2]:m[3]]), Month: refMonthNumber(s[m[4]:m[5]])}
		if m[6] >= 0 {
			d.Year = atoi(s[m[6]:m[7]])
		}
		add(d, m[0])
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Pos < out[j-1].Pos; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func refMonthNumber(name string) int {
	return map[string]int{
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
	}[strings.ToLower(name[:3])]
}

func refDateLine(line string) (string, bool) {
	if len(line) > 4*60 || utf8.RuneCountInString(line) > 60 {
		return "", false
	}
	rest := refWeekdayRe.ReplaceAllString(line, "")
	ds := refFindDates(rest)
	if len(ds) == 0 || ds[0].Pos != 0 || ds[0].Year == 0 {
		return "", false
	}
	iso := ds[0].ISO()
	return iso, iso != ""
}

func refArticleYear(text string) int {
	counts := map[int]int{}
	for _, m := range refYearRe.FindAllString(text, -1) {
		if y := atoi(m); y >= 1945 && y <= 2099 {
			counts[y]++
		}
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
