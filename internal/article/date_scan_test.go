package article

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The date patterns as regexps (see date.go): scanDates with each
// scanner must find exactly what FindAllStringSubmatchIndex finds with the
// regexp, which has a leading \b.
const (
	monthAlt = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?`
	ordinal     = `(?:st|nd|rd|th)?`
	year        = `(?:,?\s+(\d{4})\b)?`
	isoPat      = `(\d{4})-(\d{2})-(\d{2})\b`
	numericPat  = `(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`
	monthDayPat = monthAlt + `\s+(\d{1,2})` + ordinal + `(?:\s*[-–]\s*\d{1,2}` + ordinal + `)?\b` + year
	dayMonthPat = `(\d{1,2})` + ordinal + `(?:\s*[-–]\s*\d{1,2}` + ordinal + `)?\s+(?:of\s+)?` + monthAlt + year
)

var (
	refISO      = regexp.MustCompile(`\b` + isoPat)
	refNumeric  = regexp.MustCompile(`\b` + numericPat)
	refMonthDay = regexp.MustCompile(`\b` + monthDayPat)
	refDayMonth = regexp.MustCompile(`\b` + dayMonthPat)
)

func checkScanDates(t *testing.T, s string) {
	t.Helper()
	got := make([][][]int, len(datePatterns))
	for i, m := range dateMatches(s) {
		got[i] = append(got[i], m[:])
	}
	for i, ref := range []*regexp.Regexp{refISO, refNumeric, refMonthDay, refDayMonth} {
		if want := ref.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got[i], want) {
			t.Fatalf("%s in %q:\n got %v\nwant %v", ref, s, got[i], want)
		}
	}
	if got, want := slices.Collect(dates(s)), refFindDates(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("dates(%q):\n got %+v\nwant %+v", s, got, want)
	}
}

// TestScanDatesMatchesRegexp compares dateMatches with the regexps it
// replaces on the seeds, generated articles, hand-written edge cases and
// random strings made of date-like pieces.
func TestScanDatesMatchesRegexp(t *testing.T) {
	texts := append(inferTexts(t, 50),
		"on August 28", "August 28, 2018", "December 9-10", "December 9 – 10th, 2019",
		"31st May 2013", "28 of August", "19-28 November 2019", "19th - 28th of November, 2019x",
		"2014-02-20", "x2014-02-20", "2014-02-201", "20/2/2014", "20.2.2014.", "2/20/2014",
		"Sept. 3", "Sept 3rd", "Sep.\t\t 3", "3 Sept.", "May", "May 1", "Mayday 1", "_May 1",
		"éMay 1", "1 May\n\n\n   2020", "May 1,\n2020", "12 12 12 12 May 2020", "June 24. 2021",
		"1 - 2 - 3 - 4 May", "Marchs 1", "March 1st2020", "March 12345", "Dec 31 ,2020",
		// Digits and month names past the first 8 bytes and at the ends of
		// the bytes nextDateStart looks at before a digit.
		"The talks were held in Hanoi on September.  \t 12, 2019", "x September. 1", "xSeptember. 1",
		"a longer text with no date at all in it", "12345678May 1", "abcdefg 9 May", "Hanoi, Oct 1",
	)
	for _, s := range texts {
		checkScanDates(t, s)
	}
	pieces := []string{
		" ", "  ", "\n", "\t", ",", ".", "-", "–", "/", "of", "on", "the", "st", "th", "x", "é",
		"1", "12", "123", "2019", "20", "2", "May", "Sept", "Sep", "December", "Dec", "Jan", "Ma",
		"nd", "rd", "_", "0", "Sept.", ", ", "\u2014",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(14) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkScanDates(t, b.String())
	}
}

// FuzzScanDates checks dateMatches against the regexps on any text.
//
//	go test ./internal/article -run '^$' -fuzz FuzzScanDates -fuzztime 30s
func FuzzScanDates(f *testing.F) {
	for _, s := range []string{"on August 28, 2018", "19th - 28th of November, 2019", "20/2/2014", "2014-02-20", "Sept. 3rd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkScanDates(t, s) })
}

// TestNextDigit compares nextDigit with a loop over the bytes, for every
// byte value at every offset of a 20-byte text, from every start.
func TestNextDigit(t *testing.T) {
	for c := range 256 {
		for at := range 20 {
			b := []byte(strings.Repeat("x", 20))
			b[at] = byte(c)
			s := string(b)
			for p := range len(s) + 1 {
				want := p
				for want < len(s) && !isDigit(s[want]) {
					want++
				}
				if got := nextDigit(s, p); got != want {
					t.Fatalf("nextDigit(%q, %d) = %d, want %d", s, p, got, want)
				}
			}
		}
	}
}

// TestISOMatchesTime compares ISO with package time's validation and
// formatting on every day number of every month of years around the leap
// year rules and at the ends of four digits.
func TestISOMatchesTime(t *testing.T) {
	years := []int{0, 1, 99, 100, 400, 1900, 1945, 1999, 2000, 2001, 2004, 2023, 2024, 2099, 2100, 9999}
	for _, y := range years {
		for m := 1; m <= 12; m++ {
			for day := 1; day <= 31; day++ {
				want := ""
				if tm := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC); y != 0 && tm.Day() == day {
					want = tm.Format("2006-01-02")
				}
				if got := (textDate{Year: y, Month: m, Day: day}).ISO(); got != want {
					t.Fatalf("ISO of %d-%d-%d = %q, want %q", y, m, day, got, want)
				}
			}
		}
	}
}

// TestAbbrMonth checks abbrMonth on the twelve abbreviations and on
// near misses.
func TestAbbrMonth(t *testing.T) {
	for i, a := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if got := abbrMonth(a); got != i+1 {
			t.Errorf("abbrMonth(%q) = %d, want %d", a, got, i+1)
		}
	}
	for _, a := range []string{"", "Ja", "Janu", "jan", "JAN", "Jam", "Dez", "Sept"} {
		if got := abbrMonth(a); got != 0 {
			t.Errorf("abbrMonth(%q) = %d, want 0", a, got)
		}
	}
}
