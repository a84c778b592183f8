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
	var md Metadata
	line, after, ok := lineReader{body}.next()

	var headerDate string // before the title
	for n := 0; ok && n < maxHeaderLines; n++ {
		d, isDate := dateLine(line)
		if !isDate {
			break
		}
		if headerDate == "" {
			headerDate = d
		}
		line, after, ok = after.next()
	}
	var stampDate string // after the title
	next, afterNext, more := after.next()
	if title, isTitle := headline(line); ok && more && isTitle {
		md.Title = title
		headlineLine := line
		line, after, ok = next, afterNext, more
		for ok && line == headlineLine { // a headline printed twice
			line, after, ok = after.next()
		}
		for n := 0; ok && n < maxHeaderLines; n++ {
			d, isDate := dateLine(line)
			if !isDate {
				break
			}
			if stampDate == "" {
				stampDate = d
			}
			line, after, ok = after.next()
		}
	}

	// The body proper starts at line (if ok): its first line may be a
	// dateline.
	var datelinePlace, datelineSource string
	if ok {
		datelinePlace, datelineSource = dateline(line)
	}

	switch {
	case stampDate != "":
		md.Date = stampDate
	case headerDate != "":
		md.Date = headerDate
	case ok:
		md.Date = leadDate(datelinePlace, line, after, body)
	}

	md.Source = datelineSource
	if md.Source == "" {
		var buf [tailLines]string
		md.Source = trailingSource(lastLines(body, &buf))
	}
	return md
}

// lineReader reads the non-blank lines of a text, trimmed, from the front.
// Infer reads only the head of an article this way, instead of splitting
// all of it into lines.
type lineReader struct{ rest string }

// next returns the next non-blank line, trimmed, and the reader after it;
// ok is false at the end of the text. A line ends after a "\n", as
// strings.Lines has it.
func (r lineReader) next() (line string, after lineReader, ok bool) {
	for r.rest != "" {
		line = r.rest
		if i := strings.IndexByte(r.rest, '\n'); i >= 0 {
			line, r.rest = r.rest[:i+1], r.rest[i+1:]
		} else {
			r.rest = ""
		}
		if t := strings.TrimSpace(line); t != "" {
			return t, r, true
		}
	}
	return "", r, false
}

// lastLines returns the last len(buf) (or fewer) non-blank lines of s,
// trimmed and in text order, read from the end of s.
func lastLines(s string, buf *[tailLines]string) []string {
	n := len(buf)
	for s != "" && n > 0 {
		line := s
		if i := strings.LastIndexByte(s, '\n'); i >= 0 {
			line, s = s[i+1:], s[:i]
		} else {
			s = ""
		}
		if t := strings.TrimSpace(line); t != "" {
			n--
			buf[n] = t
		}
	}
	return buf[n:]
}

// headline returns line as a title (see cleanTitle) if it reads as one
// (see Infer).
func headline(line string) (title string, ok bool) {
	if len(line) > 4*maxTitleRunes { // surely too long; spare the work on a huge line
		return "", false
	}
	// The last rune first, from line: the first line is often a paragraph,
	// and the title would end with the same rune (line is trimmed).
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:", last) {
		return "", false
	}
	t := cleanTitle(line)
	n := len(t) // as good as its rune count between 3*UTFMax and maxTitleRunes bytes
	if n < 3*utf8.UTFMax || n > maxTitleRunes {
		n = utf8.RuneCountInString(t)
	}
	// t's words are separated by single spaces (see cleanTitle).
	if n < 3 || n > maxTitleRunes || strings.Count(t, " ")+1 > maxTitleWords {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune(`"“‘'`, first) {
		return "", false
	}
	if _, ok := dateLine(t); ok || isSourceDateline(t) {
		return "", false
	}
	return t, true
}

// cleanTitle drops Markdown heading marks and collapses white space (the
// title is metadata, not evidence).
func cleanTitle(line string) string {
	line = strings.TrimLeft(line, "#")
	if singleSpaced(line) {
		return line // the usual headline: nothing to collapse, nothing to allocate
	}
	return strings.Join(strings.Fields(line), " ")
}

// singleSpaced reports whether s's words are separated by single ASCII
// spaces, with no other white space and none at either end: what
// strings.Fields and Join would give back unchanged. It looks at each byte
// without branching on it (a title's spaces come at no predictable place)
// and decodes only the runes whose first byte may start white space.
func singleSpaced(s string) bool {
	prev := uint8(titleSpace) // no leading space
	var bad uint8
	for i := 0; i < len(s); i++ {
		class := titleByteClass[s[i]]
		if class&titleMaybeSpace != 0 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
		}
		bad |= class & (prev | titleOtherSpace) // a second space, or other white space
		prev = class & titleSpace
	}
	return bad == 0 && (prev == 0 || s == "")
}

// The classes of titleByteClass.
const (
	titleSpace      = 1 << iota // ' '
	titleOtherSpace             // the other ASCII white space
	titleMaybeSpace             // the first byte of the multi-byte white space runes
)

// titleByteClass gives each byte its class, for singleSpaced. A byte that
// continues a rune has none: its rune is not white space.
var titleByteClass = func() (t [256]uint8) {
	t[' '] = titleSpace
	for _, c := range "\t\n\v\f\r" {
		t[c] = titleOtherSpace
	}
	mark := func(lo, hi, stride rune) {
		for r := lo; r <= hi; r += stride {
			if r >= utf8.RuneSelf {
				t[string(r)[0]] = titleMaybeSpace
			}
		}
	}
	for _, rg := range unicode.White_Space.R16 { // the white space unicode.IsSpace knows
		mark(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	for _, rg := range unicode.White_Space.R32 {
		mark(rune(rg.Lo), rune(rg.Hi), rune(rg.Stride))
	}
	return t
}()

// dateline splits the dateline that may open the first body paragraph into
// its place part (which may hold a date) and its source.
func dateline(line string) (place, source string) {
	placeEnd, srcStart, srcEnd, ok := matchDateline(line)
	if !ok {
		return "", ""
	}
	if srcStart >= 0 {
		source = strings.TrimSpace(line[srcStart:srcEnd])
	}
	return strings.TrimSpace(line[:placeEnd]), source
}

// leadDate applies date rules 3 and 4 (see Infer): the dateline's place
// part, then the first paragraphs of the body, which starts with first and
// goes on with rest.
func leadDate(datelinePlace, first string, rest lineReader, body string) string {
	yearOf := func(d textDate) string {
		if d.Year == 0 {
			d.Year = articleYear(body)
		}
		return d.ISO()
	}
	for d := range dates(datelinePlace) { // only the first date counts
		if iso := yearOf(d); iso != "" {
			return iso
		}
		break
	}
	// Only the first candidate counts: the first date introduced by "on",
	// else the first date. When its year is unknown, a later date is
	// background ("established on February 26, 2016"), not the date of
	// the news.
	var firstAny textDate
	found := false
	para, prev := first, ""
	for seen := 0; seen < leadParagraphs; {
		if para != prev { // not a paragraph printed twice
			seen++
			for d := range dates(firstBytes(para, maxLeadBytes)) {
				if d.On {
					return yearOf(d)
				}
				if !found {
					firstAny, found = d, true
				}
			}
		}
		var ok bool
		prev = para
		if para, rest, ok = rest.next(); !ok {
			break
		}
	}
	if found {
		return yearOf(firstAny)
	}
	return ""
}

// trailingSource applies the sign-off and credit-line source rules (see
// Infer) to the last lines of the text.
func trailingSource(tail []string) string {
	for i := len(tail) - 1; i >= 0; i-- {
		l := lastBytes(tail[i], 200) // a sign-off is at the very end
		if name, ok := signoff(l); ok {
			return name
		}
	}
	for _, l := range tail {
		name, ok := credit(l)
		if !ok {
			continue
		}
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
