package extract

import (
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// Status (spec rule 6) and since-dates of statements.

// status applies rule 6 to one statement: the nearest status cue before
// pos in the sentence decides; with none, a planned cue just after it
// ("... will be held") makes it planned.
func (d *doc) status(si int, pos int) model.Status {
	cued := d.kindsOf(si)&statusKinds != 0 // most sentences have no status cue to look for
	if cued {
		if c, planned := d.statusBefore(si, pos); c != nil {
			if planned || d.modalBefore(si, c) { // "will set up", "to hold"
				return model.Planned
			}
			return model.Established
		}
	}
	if d.enumPlanned(si) {
		return model.Planned // "Second, promoting cooperation with ..." after a forward-looking lead-in
	}
	if cued && d.plannedAfter(si, pos) {
		return model.Planned // "... will be held", "... next year"
	}
	return model.Established
}

// statusKinds are the payload kinds of status cues.
const statusKinds = 1<<pPlanned | 1<<pEstablished

// statusBefore returns the nearest status cue before pos in sentence si,
// and whether it says planned (its first status payload), or nil. Of
// cues starting together, the first in text order counts. It looks back
// from pos and stops at the first start with a status cue: most
// statements have one shortly before them.
func (d *doc) statusBefore(si, pos int) (nearest *cue, planned bool) {
	ids := d.sc[si]
	for k := d.firstCue(ids, pos) - 1; k >= 0; k-- {
		c := &d.cues[ids[k]]
		if c.vs < pos-reach || nearest != nil && c.vs < nearest.vs {
			break
		}
		if c.kinds&statusKinds == 0 {
			continue
		}
		ps := d.cuePayloads(c)
		for j := range ps {
			if p := &ps[j]; p.kind == pPlanned || p.kind == pEstablished {
				nearest, planned = c, p.kind == pPlanned
				break
			}
		}
	}
	return nearest, planned
}

// plannedAfter reports a planned cue that counts after the statement
// (futureAfter) just after pos, before any established cue.
func (d *doc) plannedAfter(si, pos int) bool {
	for _, ci := range d.cuesIn(si, pos+1, pos+40) {
		c := &d.cues[ci]
		if c.vs > pos && c.vs < pos+40 && c.kinds&statusKinds != 0 {
			t := d.vstr[c.vs:c.ve]
			ps := d.cuePayloads(c)
			for j := range ps {
				p := &ps[j]
				if p.kind == pPlanned && futureAfter[t] {
					return true
				}
				if p.kind == pEstablished {
					return false
				}
			}
		}
	}
	return false
}

// ordinals open the items of an enumeration ("First, ...", "Second, ...").
var ordinals = []string{"first,", "firstly,", "second,", "secondly,", "third,", "thirdly,", "fourth,", "fourthly,", "fifth,", "sixth,", "finally,", "lastly,"}

// ordinalWord bounds the length of ordinals: a sentence whose first comma
// comes later opens no enumeration item.
const ordinalWord = len("fourthly,")

func (d *doc) ordinalItem(si int) (first, ok bool) {
	vs, ve := d.sentView(si)
	seg := d.vstr[vs:ve]
	if strings.IndexByte(seg[:min(len(seg), ordinalWord)], ',') < 0 {
		return false, false // most sentences: one look instead of one per ordinal
	}
	for _, o := range ordinals {
		if strings.HasPrefix(seg, o) {
			return o == "first," || o == "firstly,", true
		}
	}
	return false, false
}

// enumPlanned reports an enumeration item whose lead-in (the sentence
// before its first item) looks forward: "Hereunder are some issues
// deserving attention so as to further cooperation. First, ... Second,
// promoting military cooperation with ...". Items without a status cue of
// their own take the lead-in's modality.
func (d *doc) enumPlanned(si int) bool {
	if _, ok := d.ordinalItem(si); !ok {
		return false
	}
	if v, ok := d.enum[si]; ok {
		return v
	}
	v := d.enumLead(si)
	if d.enum == nil {
		d.enum = map[int]bool{}
	}
	d.enum[si] = v
	return v
}

func (d *doc) enumLead(si int) bool {
	for k := si; k >= 0; k-- {
		first, ok := d.ordinalItem(k)
		if !ok {
			continue
		}
		if first {
			if k == 0 {
				return false
			}
			_, end := d.sentView(k - 1)
			return d.hasCue(k-1, pPlanned) && d.status(k-1, end) == model.Planned
		}
	}
	return false
}

// modalBefore reports a planned cue right before established cue e that
// makes it future ("will set up"), unless e says the thing goes on ("will
// continue", "should maintain").
func (d *doc) modalBefore(si int, e *cue) bool {
	t := d.vstr[e.vs:e.ve]
	if strings.HasPrefix(t, "continu") || strings.HasPrefix(t, "maintain") {
		return false
	}
	for _, ci := range d.cuesIn(si, e.vs-40, e.vs) {
		c := &d.cues[ci]
		if c.ve <= e.vs && e.vs-c.ve <= 1 && c.has(pPlanned) {
			return true
		}
	}
	return false
}

// futureAfter are the planned cues that count after the statement too.
var futureAfter = map[string]bool{"will": true, "would": true, "shall": true, "to be held": true, "is to": true, "are to": true,
	"next year": true, "next month": true, "next week": true, "tomorrow": true, "in the coming": true, "in the time ahead": true}

// sinceIf is the since-date of an established statement; a planned one
// has none.
func (d *doc) sinceIf(st model.Status, si, pos int) string {
	if st != model.Established {
		return ""
	}
	return d.since(si, pos)
}

// since finds "since 2006", "since May 2010", or "established/signed/
// opened ... in 2013" in the clause of sentence si holding pos.
func (d *doc) since(si, pos int) string {
	if !d.namesYear(si) {
		return "" // most sentences: no clause to find
	}
	vs, ve := d.clause(si, pos)
	return d.sinceIn(si, vs, ve)
}

// namesYear reports a year in sentence si, looked for once per sentence.
func (d *doc) namesYear(si int) bool {
	if d.years[si] == 0 { // the article's first look at si
		if len(d.sinceMemo) < len(d.sents) {
			d.sinceMemo = make([]sinceAnswer, len(d.sents))
		}
		d.sinceMemo[si] = sinceAnswer{lo: -1}
		lo, hi := d.sentView(si)
		d.years[si] = -1
		if hasYear(d.vstr[lo:hi]) {
			d.years[si] = 1
		}
	}
	return d.years[si] > 0 // most sentences: one pass, once, instead of one per verb and statement
}

// sinceIn is since for the clause [vs, ve) of sentence si.
func (d *doc) sinceIn(si, vs, ve int) string {
	if !d.namesYear(si) {
		return ""
	}
	if a := &d.sinceMemo[si]; a.lo == vs && a.hi == ve {
		return a.year // another statement of the clause
	}
	y := keepYear(clauseSince(d.vstr[vs:ve])) // the result keeps it; the view does not last (view.str)
	d.sinceMemo[si] = sinceAnswer{vs, ve, y}
	return y
}

// sinceAnswer is since's last answer in a sentence, for its clause [lo,
// hi): the statements of a clause share it. Entries are valid from the
// article's first look at their sentence (years).
type sinceAnswer struct {
	lo, hi int
	year   string
}

// clauseSince is since for the clause seg.
func clauseSince(seg string) string {
	if !hasYear(seg) {
		return "" // the sentence names a year, but not in this clause: one pass instead of one per verb
	}
	if k := indexByRare(seg, sinceWord, sinceRare); k >= 0 {
		if y := yearAfter(seg[k+len(sinceWord):], 2); y != "" {
			return y
		}
	}
	for _, v := range sinceVerbs {
		if k := indexByRare(seg, v.w, v.rare); k >= 0 {
			rest := seg[k:]
			if j := strings.Index(rest, " in "); j >= 0 && j < 60 {
				if y := yearAfter(rest[j+4:], 1); y != "" {
					return y
				}
				if j2 := strings.Index(rest[j+4:], " in "); j2 >= 0 && j2 < 30 {
					if y := yearAfter(rest[j+4+j2+4:], 1); y != "" {
						return y
					}
				}
			}
		}
	}
	return ""
}

// sinceVerbs are the verbs clauseSince takes "in <year>" after.
var sinceVerbs = rareWords("established", "set up", "signed", "opened", "founded", "launched", "opening", "signing")

// yearText holds the years yearAfter finds (19xx, 20xx), as strings of their
// own: keepYear hands them out instead of a copy each.
var yearText = func() (t [200]string) {
	for i := range t {
		t[i] = strconv.Itoa(1900 + i)
	}
	return t
}()

// keepYear returns y, a year from yearAfter (or ""), as a string that
// does not share the view's memory.
func keepYear(y string) string {
	if y == "" {
		return ""
	}
	n, err := strconv.Atoi(y)
	if err != nil || n < 1900 || n >= 1900+len(yearText) {
		return strings.Clone(y)
	}
	return yearText[n-1900]
}

// hasYear reports a four-digit year (19xx, 20xx) in s.
func hasYear(s string) bool {
	return yearFrom(s, "19") || yearFrom(s, "20")
}

// yearFrom reports a four-digit number starting with century in s. It
// jumps from one century digit to the next (IndexByte): digits are rare
// in text.
func yearFrom(s, century string) bool {
	for i := 0; i+4 <= len(s); {
		k := strings.IndexByte(s[i:len(s)-3], century[0])
		if k < 0 {
			return false
		}
		i += k
		if s[i+1] == century[1] && isDigit(rune(s[i+2])) && isDigit(rune(s[i+3])) {
			return true
		}
		i++
	}
	return false
}

// yearAfter returns a four-digit year among the next maxWords words.
func yearAfter(s string, maxWords int) string {
	n := 0
	for w := range strings.FieldsSeq(s) {
		if n == maxWords {
			break
		}
		n++
		w = trimYearPunct(w)
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isAllDigits(w) {
			return w
		}
	}
	return ""
}

// trimYearPunct is strings.Trim(w, ",.;:)'\""), the punctuation around a
// year, without building the cutset's set on each call.
func trimYearPunct(w string) string {
	for w != "" && isYearPunct(w[0]) {
		w = w[1:]
	}
	for w != "" && isYearPunct(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

func isYearPunct(b byte) bool {
	switch b {
	case ',', '.', ';', ':', ')', '\'', '"':
		return true
	}
	return false
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
