package extract

import (
	"slices"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// Finding the two sides of a statement: the actors a sentence names, its
// clauses, "between X and Y", "X-Y", "X and Y", lists.

// reach bounds, in view bytes, how far from a trigger its sides and cues
// are looked for, so a run-on "sentence" (text without full stops) costs
// time linear in its length.
const reach = 600

// mentionsIn returns sentence si's mentions starting in [lo, hi).
func (d *doc) mentionsIn(si, lo, hi int) []int {
	ids := d.sm[si]
	i := d.firstMention(ids, lo)
	j := i + d.firstMention(ids[i:], hi)
	return ids[i:j]
}

// firstMention returns the position in ids of the first mention starting
// at or after vs (ids are in text order). A plain binary search: the rules
// call it for every trigger and cue they look around. Most ranges they ask
// about start before the sentence's first mention or end past its last:
// those ends are tried first.
func (d *doc) firstMention(ids []int, vs int) int {
	if len(ids) == 0 || d.ments[ids[0]].vs >= vs {
		return 0
	}
	if d.ments[ids[len(ids)-1]].vs < vs {
		return len(ids)
	}
	i, j := 1, len(ids)-1
	for i < j {
		h := int(uint(i+j) >> 1)
		if d.ments[ids[h]].vs < vs {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// cuesIn returns sentence si's cues starting in [lo, hi).
func (d *doc) cuesIn(si, lo, hi int) []int {
	ids := d.sc[si]
	i := d.firstCue(ids, lo)
	j := i + d.firstCue(ids[i:], hi)
	return ids[i:j]
}

// firstCue is firstMention for cues.
func (d *doc) firstCue(ids []int, vs int) int {
	if len(ids) == 0 || d.cues[ids[0]].vs >= vs {
		return 0
	}
	if d.cues[ids[len(ids)-1]].vs < vs {
		return len(ids)
	}
	i, j := 1, len(ids)-1
	for i < j {
		h := int(uint(i+j) >> 1)
		if d.cues[ids[h]].vs < vs {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// insideActor reports a cue inside the name of an actor.
func (d *doc) insideActor(si int, c *cue) bool {
	ids := d.sm[si]
	k := d.firstMention(ids, c.vs+1) // the mentions starting at or before the cue: ids[:k]
	if k == 0 {
		return false
	}
	m := &d.ments[ids[k-1]] // mentions do not overlap: only the last can hold the cue
	return m.kind == pActor && m.vs <= c.vs && c.ve <= m.ve
}

// participants are the actors a sentence names as actors (not places),
// and the article's pair where the sentence refers to it ("the two
// countries"), in text order, one per projected actor. Destinations of a
// visit count when dest is set; organisations only when orgs is set.
func (d *doc) participants(si int, dest, orgs bool) []arg {
	return d.participantsIn(si, dest, orgs, 0, len(d.v.b))
}

// clause returns the view range of the clause of sentence si holding pos:
// clauses end at ';' and before ", where", ", which", ", while", ", as",
// "amid" — what follows them is background, not the statement's sides.
func (d *doc) clause(si, pos int) (int, int) {
	lo, hi := d.sentView(si)
	lo, hi = max(lo, pos-reach), min(hi, pos+reach)
	for _, at := range d.clauseMarks(si) { // few per sentence
		if at < pos && at+1 > lo {
			lo = at + 1
		}
		if at >= pos && at < hi {
			hi = at
		}
	}
	return lo, hi
}

// clauseMarks returns the view offsets of the clause boundaries of
// sentence si, computed once per sentence.
func (d *doc) clauseMarks(si int) []int {
	if !d.marked[si] {
		vs, ve := d.sentView(si)
		d.marks[si], d.marked[si] = appendClauseMarks(d.marks[si][:0], d.vstr[vs:ve], vs), true
	}
	return d.marks[si]
}

// appendClauseMarks appends to out the offsets, plus base, of the clause
// boundaries of sentence seg (a view segment), in no particular order.
func appendClauseMarks(out []int, seg string, base int) []int {
	// One IndexByte pass per first byte of the marks. The comma pass also
	// finds the last ", " of the sentence's last 89 bytes: it may open a
	// trailing reporting clause ("..., a Czech government source told
	// Reuters.").
	from, last := len(seg)-89, -1
	for off := 0; ; {
		k := strings.IndexByte(seg[off:], ',')
		if k < 0 {
			break
		}
		at := off + k
		if isMarkAt(seg, at) {
			out = append(out, base+at)
		}
		if at >= from && strings.HasPrefix(seg[at:], ", ") {
			last = at
		}
		off = at + 1
	}
	for off := 0; ; {
		k := strings.IndexByte(seg[off:], ';')
		if k < 0 {
			break
		}
		if at := off + k; isMarkAt(seg, at) {
			out = append(out, base+at)
		}
		off += k + 1
	}
	for off := 0; ; {
		k := indexByRare(seg[off:], amid, amidRare)
		if k < 0 {
			break
		}
		out = append(out, base+off+k)
		off += k + len(amid)
	}
	if last >= 0 && hasReportingVerb(seg[last:]) {
		out = append(out, base+last)
	}
	return out
}

// indexByRare is strings.Index(s, sub) for a sub whose first byte is
// common in text (a space) but whose byte sub[rare] is not: IndexByte
// jumps from one of those to the next.
func indexByRare(s, sub string, rare int) int {
	// the bytes either side of the rare one tell most of its places from
	// sub's, without a call to compare the whole
	before, after := max(rare-1, 0), min(rare+1, len(sub)-1)
	for off := rare; off < len(s); {
		k := strings.IndexByte(s[off:], sub[rare])
		if k < 0 {
			return -1
		}
		if at := off + k - rare; at+len(sub) <= len(s) && s[at+before] == sub[before] && s[at+after] == sub[after] && s[at:at+len(sub)] == sub {
			return at
		}
		off += k + 1
	}
	return -1
}

// hasReportingVerb reports one of reportingVerbs in s. Each starts with a
// space: s is searched once, for its spaces, not once per verb, and only
// the verbs starting with the letter after a space are tried there.
func hasReportingVerb(s string) bool {
	for at := strings.IndexByte(s, ' '); at >= 0 && at+1 < len(s); {
		for _, v := range reportingVerbsAfter[s[at+1]] {
			// their second letters tell most words from them, without a call
			if at+2 < len(s) && s[at+2] == v[2] && strings.HasPrefix(s[at:], v) {
				return true
			}
		}
		k := strings.IndexByte(s[at+1:], ' ')
		if k < 0 {
			break
		}
		at += 1 + k
	}
	return false
}

// isMarkAt reports one of clauseMarks at seg[at]. Only those that can
// start there are tried: by the byte two after it (see clauseMarksBy),
// then by their first (a comma is no "; ").
func isMarkAt(seg string, at int) bool {
	third := byte(0) // past the end: only marks of two bytes fit
	if at+2 < len(seg) {
		third = seg[at+2]
	}
	for _, mk := range clauseMarksBy[third] {
		if mk[0] == seg[at] && strings.HasPrefix(seg[at:], mk) {
			return true
		}
	}
	return false
}

// clauseMarksBy lists, for each byte, the clauseMarks that can start two
// bytes before it: those of two bytes ("; "), and those whose third byte
// it is (", where ", ", as ..."). Most commas are followed by other words.
var clauseMarksBy = func() (t [256][]string) {
	for _, mk := range clauseMarks {
		if len(mk) > 2 {
			t[mk[2]] = append(t[mk[2]], mk)
			continue
		}
		for b := range t {
			t[b] = append(t[b], mk)
		}
	}
	return t
}()

var reportingVerbs = []string{" said", " says", " told ", " noted", " added", " stressed", " affirmed", " emphasised", " emphasized", " reported", " announced"}

// reportingVerbsAfter lists reportingVerbs by their first letter (the
// byte after their space).
var reportingVerbsAfter = func() (t [256][]string) {
	for _, v := range reportingVerbs {
		t[v[1]] = append(t[v[1]], v)
	}
	return t
}()

var clauseMarks = []string{"; ", ", where ", ", which ", ", while ", ", as they ", ", as both ", ", as the two ", ", as their ", ", whereas "}

// amid is the clause mark that does not start with punctuation; its 'm'
// is rarer than its space (see indexByRare).
const amid, amidRare = " amid ", 2

// betweenWord and sinceWord open the phrases between and clauseSince look for;
// their 'b' and 'c' are rarer in text than their other letters (indexByRare).
const (
	betweenWord, betweenRare = "between ", 0
	sinceWord, sinceRare     = "since ", 3
)

// participantsIn is participants within the view range [lo, hi).
//
// The result is valid until the next call (it reuses d.argBuf).
func (d *doc) participantsIn(si int, dest, orgs bool, lo, hi int) []arg {
	return d.participantsOf(d.mentionsIn(si, lo, hi), dest, orgs)
}

// participantsOf is participants among the mentions ids.
//
// The result is valid until the next call (it reuses d.argBuf).
func (d *doc) participantsOf(ids []int, dest, orgs bool) []arg {
	out := d.argBuf[:0]
	for _, mi := range ids {
		m := &d.ments[mi]
		if m.modifier {
			continue
		}
		switch m.kind {
		case pPair:
			if d.home != "" && d.second != "" {
				home, second := d.pairArgs()
				out = addArg(out, home)
				out = addArg(out, second)
			}
			continue
		case pGroup:
			continue
		}
		if m.ent == "" || m.place && !(dest && m.dest) && m.label == model.Country {
			continue
		}
		if m.label == model.Forum || m.label == model.Organization && (!orgs || m.place || !d.introducedBy(m.vs, 60, "with ", "including ", "between ")) {
			continue
		}
		if m.kind == pGeneric && !m.bound && m.proj == "" {
			continue
		}
		out = addArg(out, m.arg())
	}
	d.argBuf = out
	return out
}

// addArg appends a to args unless it has no projected actor or args holds
// one for the same actor already.
func addArg(args []arg, a arg) []arg {
	if a.proj == "" {
		return args
	}
	for i := range args { // a sentence names few actors
		if args[i].proj == a.proj {
			return args
		}
	}
	return append(args, a)
}

// groupsOf returns the groups among the mentions ids.
//
// The result is valid until the next call (it reuses d.groupBuf).
func (d *doc) groupsOf(ids []int) []arg {
	out := d.groupBuf[:0]
	for _, mi := range ids {
		if m := &d.ments[mi]; m.kind == pGroup {
			out = append(out, m.arg())
		}
	}
	d.groupBuf = out
	return out
}

// pairs returns the two sides of each statement trigger c (payload p)
// makes in sentence si, whose clause [lo, hi) holds it.
//
// The result is valid until the next call (it reuses d.pairBuf).
func (d *doc) pairs(si int, c *cue, p *payload, lo, hi int) [][2]arg {
	d.pairBuf = d.appendPairs(d.pairBuf[:0], si, c, p, lo, hi)
	return d.pairBuf
}

func (d *doc) appendPairs(out [][2]arg, si int, c *cue, p *payload, lo, hi int) [][2]arg {
	orgs := p.rel == model.DefenceCooperation
	// Every way below looks at the clause's mentions alone. The first three
	// pair two of them: one clause in five has fewer.
	ids := d.mentionsIn(si, lo, hi)
	if len(ids) >= 2 {
		if a, b := d.between(si, c, orgs, lo, hi); a != nil {
			return append(out, [2]arg{a.arg(), b.arg()})
		}
		heads := d.heads(ids)
		if a, b := d.hyphenPair(c, heads); a != nil {
			return append(out, [2]arg{a.arg(), b.arg()})
		}
		// the clause holds the trigger (c.vs < hi): the heads before it are a prefix
		if a, b := d.coordinated(c, heads[:d.firstMention(heads, c.vs)]); a != nil {
			return append(out, [2]arg{a.arg(), b.arg()})
		}
	}
	args := d.participantsOf(ids, p.rel == model.Exchange || p.rel == model.DefenceIndustry, orgs)
	homeIn := false
	for i := range args {
		homeIn = homeIn || args[i].proj == d.home
	}
	if !homeIn && d.home != "" && len(args) > 0 && args[0].vs >= 0 && d.introducedBy(args[0].vs, 30, "with ", "such as ", "including ", "like ") {
		// "cooperation with traditional partners such as Russia, China, India": the subject is the article's home
		h, _ := d.homeArg()
		args = slices.Insert(args, 0, h)
		d.argBuf = args
	}
	if len(args) >= 2 {
		anchor := 0
		for i := range args {
			if args[i].proj == d.home {
				anchor = i
				break
			}
		}
		for i := range args {
			if i != anchor {
				out = append(out, [2]arg{args[anchor], args[i]})
			}
		}
		for _, g := range d.groupsOf(ids) {
			out = append(out, [2]arg{args[anchor], g}) // "ties with 80 nations ..., including the UN"
		}
		return out
	}
	if len(args) == 1 && args[0].dest {
		// "a visit to Beijing", "hand-over of a vessel to Vietnam": the other
		// side is the article's other country
		other := d.home
		if args[0].proj == d.home {
			other = d.second
		}
		if other != "" {
			out = append(out, [2]arg{d.countryArg(other), args[0]})
			return out
		}
	}
	if gs := d.groupsOf(ids); len(gs) > 0 {
		var a arg
		if len(args) == 1 {
			a = args[0]
		} else if h, ok := d.homeArg(); ok {
			a = h
		} else {
			return out
		}
		for _, g := range gs {
			out = append(out, [2]arg{a, g})
		}
		return out
	}
	if !p.weak && len(args) == 1 && d.home != "" && args[0].proj != d.home {
		h, _ := d.homeArg()
		out = append(out, [2]arg{h, args[0]})
		return out
	}
	return out
}

// between finds "between X and Y" with two actors: their mentions, or
// nils. The sides are made from mentions only once found (here and in
// hyphenPair and coordinated): most triggers have none of these.
func (d *doc) between(si int, c *cue, orgs bool, vs, ve int) (x, y *mention) {
	seg := d.vstr[vs:ve]
	for off := 0; ; {
		k := indexByRare(seg[off:], betweenWord, betweenRare)
		if k < 0 {
			break
		}
		at := vs + off + k + len(betweenWord)
		off += k + 1
		var first *mention
		for _, mi := range d.mentionsIn(si, at, ve) {
			m := &d.ments[mi]
			if m.ent == "" || m.kind == pGroup || m.kind == pPair || m.modifier {
				continue
			}
			if m.label == model.Forum || m.label == model.Organization && !orgs {
				continue
			}
			if first == nil {
				if len(d.gap(at, m.vs)) > 25 {
					break
				}
				first = m
				continue
			}
			if m.proj == first.proj {
				continue
			}
			g := d.gap(first.ve, m.vs)
			if strings.HasPrefix(g, "and") || strings.Contains(g, " and ") || strings.HasSuffix(g, " and") || strings.Contains(g, "and the") {
				if len(g) < 40 {
					x, y = first, m
				}
			}
			break
		}
		if x != nil && at > c.vs {
			return x, y
		}
	}
	return x, y
}

// hyphenPair finds "X-Y" / "X – Y" compounds ("Vietnam-India defence
// cooperation") nearest the trigger among the heads of its clause.
func (d *doc) hyphenPair(c *cue, heads []int) (x, y *mention) {
	dist := 1 << 30
	for k := 0; k+1 < len(heads); k++ {
		a, b := &d.ments[heads[k]], &d.ments[heads[k+1]]
		if a.ent == "" || b.ent == "" || a.proj == b.proj || a.kind == pGroup || b.kind == pGroup || a.kind == pPair || b.kind == pPair {
			continue
		}
		if g := d.gap(a.ve, b.vs); g == "-" || g == "/" {
			dd := abs(c.vs - a.vs)
			if dd < dist {
				x, y, dist = a, b, dd
			}
		}
	}
	return x, y
}

// introducedBy reports whether one of words stands within n view bytes
// before vs.
func (d *doc) introducedBy(vs, n int, words ...string) bool {
	lo := max(0, vs-n)
	seg := d.vstr[lo:vs]
	for _, w := range words {
		if strings.Contains(seg, w) {
			return true
		}
	}
	return false
}

// heads are the mentions ids without the countries that only name an
// agency after them ("Thai" in "the Thai navy").
//
// The result is valid until the next call (it reuses d.headBuf).
func (d *doc) heads(ids []int) []int {
	out := d.headBuf[:0]
	for _, mi := range ids {
		if !d.ments[mi].modifier {
			out = append(out, mi)
		}
	}
	d.headBuf = out
	return out
}

// coordinated finds a subject pair "X and Y" before the trigger in its
// clause ("Beijing and Hanoi are moving to reset their relations"), not
// the tail of a longer list ("Russia, China and India"), among heads, the
// clause's before the trigger.
func (d *doc) coordinated(c *cue, heads []int) (x, y *mention) {
	for k := 0; k+1 < len(heads); k++ {
		a, b := &d.ments[heads[k]], &d.ments[heads[k+1]]
		if b.ve > c.vs || a.ent == "" || b.ent == "" || a.proj == b.proj || a.place || b.place {
			continue
		}
		if a.kind > pGeneric || b.kind > pGeneric || a.label == model.Forum || b.label == model.Forum || a.label == model.Organization || b.label == model.Organization {
			continue
		}
		if g := d.gap(a.ve, b.vs); g != "and" && g != "and the" {
			continue
		}
		k0 := a.vs
		for k0 > 0 && d.v.b[k0-1] == ' ' {
			k0--
		}
		if k0 > 0 && d.v.b[k0-1] == ',' {
			continue
		}
		if w1, _ := d.prevWords(a.vs); w1 == "with" || w1 == "between" || w1 == "of" || w1 == "including" {
			continue
		}
		return a, b
	}
	return nil, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sentView returns the view range of sentence si (getDoc maps them all:
// view.appendSpans).
func (d *doc) sentView(si int) (int, int) {
	r := d.sview[si]
	return r.start, r.end
}
