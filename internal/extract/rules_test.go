package extract

import (
	"slices"
	"strings"
	"testing"
)

// clauseMarksSimple is the plain statement of appendClauseMarks: each mark
// searched for on its own.
func clauseMarksSimple(seg string) []int {
	var out []int
	for i := range len(seg) {
		for _, mk := range clauseMarks {
			if strings.HasPrefix(seg[i:], mk) {
				out = append(out, i)
				break
			}
		}
	}
	for off := 0; ; {
		k := strings.Index(seg[off:], amid)
		if k < 0 {
			break
		}
		out = append(out, off+k)
		off += k + len(amid)
	}
	from := max(0, len(seg)-89)
	if k := strings.LastIndex(seg[from:], ", "); k >= 0 {
		for _, v := range reportingVerbs {
			if strings.Contains(seg[from+k:], v) {
				out = append(out, from+k)
				break
			}
		}
	}
	return out
}

func TestClauseMarks(t *testing.T) {
	segs := []string{
		"",
		",",
		"; ",
		"vietnam and laos boost ties; the two sides signed a deal",
		"the navies held drills, which ended on friday, while talks went on",
		"talks amid amid tension amid the storm",
		"the two countries agreed to expand cooperation, as both sides noted",
		"india and vietnam, as they said, will hold talks, a source told reuters",
		strings.Repeat("a long clause with commas, ", 6) + "whereas, the minister said",
		"x, said" + strings.Repeat(" y", 50),
		"first, second; third, where fourth, whereas fifth, as their sixth, as the two seventh",
	}
	for _, a := range readSeeds(t) { // and the seeds' sentences, folded
		v := newView(a.Text)
		for _, s := range v.appendSpans(nil, splitSentences(a.Text)) {
			segs = append(segs, string(v.b[s.start:s.end]))
		}
	}
	for _, seg := range segs {
		got := appendClauseMarks(nil, seg, 0)
		want := clauseMarksSimple(seg)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(slices.Compact(got), slices.Compact(want)) {
			t.Errorf("%q: marks %v, want %v", seg, got, want)
		}
	}
	if got := appendClauseMarks([]int{7}, "a; b", 10); !slices.Equal(got, []int{7, 11}) {
		t.Errorf("appended with base: %v, want [7 11]", got)
	}
}

func TestHasYear(t *testing.T) {
	simple := func(s string) bool {
		for i := 0; i+4 <= len(s); i++ {
			if (strings.HasPrefix(s[i:], "19") || strings.HasPrefix(s[i:], "20")) && isAllDigits(s[i+2:i+4]) {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"", "1", "199", "1999", "2000", "x2019", "since 1995,", "in 20", "2 0 1 9",
		"119", "1190", "21 2010", "1x19 90", "12/20/2a", "the year 2100", "180 1800 1900s", "20th", "no digits here"} {
		if got, want := hasYear(s), simple(s); got != want {
			t.Errorf("hasYear(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestYearAfter(t *testing.T) {
	for _, c := range []struct {
		s     string
		words int
		want  string
	}{
		{"2006, both sides", 2, "2006"},
		{"May 2010.", 2, "2010"},
		{"May 2010.", 1, ""},
		{"  (1999) and", 1, ""},
		{"1999) and", 1, "1999"},
		{"the 1990s", 2, ""},
		{"", 2, ""},
		{"20a0 2021", 2, "2021"},
	} {
		if got := yearAfter(c.s, c.words); got != c.want {
			t.Errorf("yearAfter(%q, %d) = %q, want %q", c.s, c.words, got, c.want)
		}
	}
}

func TestTrimYearPunct(t *testing.T) {
	for _, w := range []string{"", ",", "2006,", "(2006)", "\"2006.\"", "'99", ".,;:)'\"", "a.b", "2006)."} {
		if got, want := trimYearPunct(w), strings.Trim(w, ",.;:)'\""); got != want {
			t.Errorf("trimYearPunct(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestIndexByRare(t *testing.T) {
	for _, c := range []struct {
		sub  string
		rare int
		ss   []string
	}{
		{amid, amidRare, []string{"", " ", " am", " amid", " amid ", "x amid y", "ammm amid  amid ", "amid amid", "the storm amid amid"}},
		{betweenWord, betweenRare, []string{"", "b", "between", "between ", "bb between x", "a between-b between c", "betweenbetween "}},
		{sinceWord, sinceRare, []string{"", "c", "since", " since ", "sc since 2006", "sincesince ", "cc since"}},
	} {
		for _, s := range c.ss {
			if got, want := indexByRare(s, c.sub, c.rare), strings.Index(s, c.sub); got != want {
				t.Errorf("indexByRare(%q, %q) = %d, want %d", s, c.sub, got, want)
			}
		}
	}
	for _, v := range sinceVerbs {
		for _, s := range []string{"", v.w, v.w[1:], "x" + v.w[:len(v.w)-1], v.w + v.w, "ties were " + v.w + " in 2006 and " + v.w,
			v.w[:v.rare+1] + " " + v.w, "upgraded, " + v.w[:len(v.w)-1] + "x " + v.w} {
			if got, want := indexByRare(s, v.w, v.rare), strings.Index(s, v.w); got != want {
				t.Errorf("indexByRare(%q, %q) = %d, want %d", s, v.w, got, want)
			}
		}
	}
}

func TestHasReportingVerb(t *testing.T) {
	for _, s := range []string{"", " ", ", he said", ", he said.", ", saying", ", a source told Reuters", ", told", ",  noted", "x added", ", it was reported", ", the said"} {
		want := false
		for _, v := range reportingVerbs {
			want = want || strings.Contains(s, v)
		}
		if got := hasReportingVerb(s); got != want {
			t.Errorf("hasReportingVerb(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestOrdinalWord(t *testing.T) {
	for _, o := range ordinals {
		if len(o) > ordinalWord || strings.IndexByte(o, ',') != len(o)-1 {
			t.Errorf("ordinal %q: longer than ordinalWord (%d) or not one word and a comma", o, ordinalWord)
		}
	}
}

func TestKeepYear(t *testing.T) {
	for _, y := range []string{"", "1900", "1999", "2006", "2099", "2100", "1899", "20x6"} {
		if got := keepYear(y); got != y {
			t.Errorf("keepYear(%q) = %q", y, got)
		}
	}
}
