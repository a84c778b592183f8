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
		for _, s := range splitSentences(a.Text) {
			segs = append(segs, string(v.b[searchOff(v.off, s.start):searchOff(v.off, s.end)]))
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
