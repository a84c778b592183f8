package extract

import (
	"slices"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// sentenceRelations applies the rules to sentence si.
func (d *doc) sentenceRelations(si int) {
	if d.kindsOf(si)&(1<<pTrigger|1<<pHardware) != 0 { // two sentences in three have no statement to look at
		d.statements(si)
	}
	if d.hasCue(si, pMembership) { // every rule of a body needs a membership cue in the sentence (membership: cueNear)
		d.memberships(si)
	}
}

// statements applies the rules of the triggers (and hardware cues) of
// sentence si (their kinds noted: mentions).
func (d *doc) statements(si int) {
	for _, ci := range d.sc[si] {
		c := &d.cues[ci]
		ks := c.kinds
		if ks&(1<<pTrigger|1<<pHardware) == 0 {
			continue // most cues only qualify a statement (status, areas, levels)
		}
		if d.insideActor(si, c) {
			continue // "Shangri-La Dialogue", "Vietnam Peace Keeping Centre": a name, not a statement
		}
		ps := d.cuePayloads(c)
		for i := range ps {
			p := &ps[i]
			if p.kind != pTrigger {
				continue
			}
			switch p.rel {
			case model.AttacheOffice:
				d.attache(si, c)
			case model.Peacekeeping:
				d.peacekeeping(si, c)
			case model.MemberOf, model.PartOf:
			default:
				d.symmetric(si, c, p)
			}
		}
		if ks&(1<<pHardware) != 0 {
			lo, hi := d.clause(si, c.vs)
			if d.cueIn(si, pTransfer, lo, hi) || d.givenBefore(si, c, lo) {
				d.symmetric(si, c, &payload{kind: pTrigger, rel: model.DefenceIndustry, weak: true})
			}
		}
	}
}

// memberships applies the rules of the multilateral bodies sentence si
// names (or the sentence before it names, for a delegation attending),
// for a sentence with a membership cue.
func (d *doc) memberships(si int) {
	bodies := 0
	for _, mi := range d.sm[si] {
		m := &d.ments[mi]
		if m.kind != pActor {
			continue
		}
		if m.label == model.Forum || m.label == model.Organization { // an actor's label is the lexicon's
			d.membership(si, mi)
			bodies++
		}
	}
	if bodies == 0 && si > 0 && d.sents[si-1].para == d.sents[si].para && d.cueText(si, pMembership, "delegation", "attend", "particip", "took part") {
		// "The 8th ASEAN Navy Chiefs' Meeting opened in Thailand. The Vietnamese delegation was led by ..."
		for _, mi := range d.sm[si-1] {
			m := &d.ments[mi]
			if m.kind != pActor {
				continue
			}
			if a := &d.e.lex.Actors[m.idx]; a.Label == model.Forum {
				d.addMembers(si, m, a)
				break
			}
		}
	}
}

// kindSet returns the set of the kinds of ps, a bit each: a cue's
// payloads looked at once for several kinds.
func kindSet(ps []payload) uint64 {
	var ks uint64
	for j := range ps {
		p := &ps[j]
		ks |= 1 << p.kind
	}
	return ks
}

// symmetric handles the symmetric types: the two sides are, in order of
// preference, "between X and Y", "X-Y", the actors the sentence names
// (the home country paired with each other one), or, for strong triggers,
// a group with the sentence's one actor or the home country.
func (d *doc) symmetric(si int, c *cue, p *payload) {
	if p.rel == model.DefenceCooperation && p.weak && d.followedByOtherTrigger(si, c) {
		return // "cooperation in training" is TRAINING only (rule 5)
	}
	if p.rel == model.Exchange && d.hasTrigger(si, model.Dialogue) {
		t := d.vstr[c.vs:c.ve]
		if strings.HasPrefix(t, "delegat") || strings.HasPrefix(t, "talks") || strings.HasPrefix(t, "meeting") || strings.HasPrefix(t, "held talks") {
			return // a session of a dialogue is DIALOGUE only (rule 5); a visit still counts
		}
	}
	if len(d.sm[si]) == 0 {
		return // every way of finding the sides starts from a mention: a sentence naming none has none
	}
	lo, hi := d.clause(si, c.vs) // the trigger's clause: its sides and attributes stand in it
	pairs := d.pairs(si, c, p, lo, hi)
	if len(pairs) == 0 {
		return
	}
	st := d.status(si, c.vs)
	since := ""
	if st == model.Established { // a planned statement has no since-date
		since = d.sinceIn(si, lo, hi)
	}
	var areas []string
	level := ""
	if p.rel == model.DefenceCooperation {
		areas = d.areas(si, lo, hi)
	}
	if p.rel == model.Partnership {
		ps := d.cuePayloads(c)
		for j := range ps {
			q := &ps[j]
			if q.kind == pLevel {
				level = q.label
			}
		}
	}
	if p.rel == model.Dialogue {
		level = d.level(si, lo, hi)
	}
	for i := range pairs {
		if r := d.addRel(p.rel, &pairs[i][0], &pairs[i][1], st, si, since); r != nil {
			r.Areas = mergeAreas(r.Areas, areas)
			if r.Level == "" {
				r.Level = level
			}
		}
	}
}

// giveReach bounds, in view bytes, the gap between a giving word and the
// hardware it gives: the recipient and a number fit ("provided Vietnam
// with two patrol vessels"), a whole phrase does not.
const giveReach = 40

// givenBefore reports a giving word shortly before hardware cue c, in its
// clause: "gave Laos two helicopters".
func (d *doc) givenBefore(si int, c *cue, lo int) bool {
	for _, ci := range d.cuesIn(si, max(lo, c.vs-giveReach-30), c.vs) {
		g := &d.cues[ci]
		if g.ve <= c.vs && c.vs-g.ve <= giveReach && g.has(pGive) {
			return true
		}
	}
	return false
}

// followedByOtherTrigger reports "cooperation in training", "ties in
// training, defence industry": a general trigger whose object is another
// relationship type.
func (d *doc) followedByOtherTrigger(si int, c *cue) bool {
	g := d.v.b[c.ve:min(len(d.v.b), c.ve+6)]
	gs := strings.TrimSpace(string(g))
	if !(strings.HasPrefix(gs, "in ") || strings.HasPrefix(gs, "on ")) {
		return false
	}
	for _, ci := range d.cuesIn(si, c.ve, c.ve+21) {
		o := &d.cues[ci]
		if o.vs <= c.ve || o.vs > c.ve+20 || !o.has(pTrigger) {
			continue
		}
		ps := d.cuePayloads(o)
		for j := range ps {
			p := &ps[j]
			if p.kind == pTrigger && p.rel != model.DefenceCooperation {
				return true
			}
		}
	}
	return false
}

// areas returns the cooperation areas named in the clause [lo, hi) of
// sentence si, sorted, each once.
//
// The result is valid until the next call (it reuses d.areaBuf).
func (d *doc) areas(si, lo, hi int) []string {
	out := d.areaBuf[:0]
	for _, ci := range d.cuesIn(si, lo, hi) {
		c := &d.cues[ci]
		if !c.has(pArea) {
			continue
		}
		ps := d.cuePayloads(c)
		for j := range ps {
			p := &ps[j]
			if p.kind == pArea {
				out = append(out, p.label)
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	d.areaBuf = out
	return out
}

// level returns the first dialogue level named in the clause [lo, hi) of
// sentence si, but for the levels of a partnership, or "".
func (d *doc) level(si, lo, hi int) string {
	for _, ci := range d.cuesIn(si, lo, hi) {
		c := &d.cues[ci]
		if !c.has(pLevel) {
			continue
		}
		ps := d.cuePayloads(c)
		for j := range ps {
			p := &ps[j]
			if p.kind == pLevel && p.label != "strategic" && p.label != "comprehensive" && p.label != "comprehensive strategic" {
				return p.label
			}
		}
	}
	return ""
}

func mergeAreas(a, b []string) []string {
	for _, x := range b {
		dup := false
		for _, y := range a {
			if x == y {
				dup = true
			}
		}
		if !dup {
			a = append(a, x)
		}
	}
	return a
}

// addRel records one statement of a relation (rule 4: the first sentence
// is the evidence; rule 6: established if any statement is) and returns
// the relation for the caller's attributes (areas, level, count), or nil
// when the two sides make no relation. The pointer is valid until the next
// addRel.
func (d *doc) addRel(t model.RelType, a, b *arg, st model.Status, si int, since string) *model.Relation {
	if a.ent == "" || b.ent == "" || a.proj == b.proj || a.ent == b.ent {
		return nil
	}
	if a.label == model.Group && b.label == model.Group {
		return nil
	}
	if t != model.MemberOf && (d.inBloc(a, b) || d.inBloc(b, a)) {
		return nil // a member's ties with its own bloc are not bilateral ties
	}
	from, to := a.ent, b.ent
	if t.Symmetric() && to < from {
		from, to = to, from
	}
	k := keyOf(from, t, to)
	title := d.isTitle(si)
	i := d.findRel(k)
	ok := i >= 0
	if !ok {
		i = d.appendRel(k)
		r := &d.relv[i] // filled in place: the relation is large
		r.Type, r.From, r.To, r.Status, r.Since = t, from, to, st, since
		r.Article, r.Sentence, r.titleOnly = d.a.ID, d.sentenceText(si), title
	}
	r := &d.relv[i]
	if ok && !title && r.titleOnly {
		// the body states what the headline said: its sentence is the
		// evidence; the headline's status, from its own cues, still counts
		// (rule 6: established if any sentence says so)
		r.titleOnly = false
		r.Sentence = d.sentenceText(si)
	}
	if st == model.Established {
		r.Status = model.Established
	}
	if since != "" && (r.Since == "" || since < r.Since) {
		r.Since = since
	}
	d.usedAgency(a, si, title)
	d.usedAgency(b, si, title)
	return &r.Relation
}

// relMapFrom is how many relations an article states before findRel
// looks them up in d.rels rather than among d.relv: most state a dozen,
// and comparing their strings (mostly by pointer: the same lexicon ids)
// costs less than hashing them.
const relMapFrom = 32

// findRel returns the index in d.relv of relation k, or -1.
func (d *doc) findRel(k relKey) int {
	if len(d.relv) <= relMapFrom {
		for i := range d.relIDs { // the keys alone: a few cache lines, where the relations take one or two each
			// the type first: comparing its rank calls nothing, where
			// most relations share a side (the home country)
			if r := &d.relIDs[i]; r.t == k.t && r.from == k.from && r.to == k.to {
				return i
			}
		}
		return -1
	}
	if len(d.rels) == 0 { // past relMapFrom: the map indexes every relation from now on
		for i, r := range d.relIDs {
			d.rels[r] = i
		}
	}
	if i, ok := d.rels[k]; ok {
		return i
	}
	return -1
}

// appendRel adds a zero relation for key k, new to the article, and
// returns its index, for the caller to fill in.
func (d *doc) appendRel(k relKey) int {
	i := len(d.relv)
	if len(d.rels) > 0 { // findRel uses the map now
		d.rels[k] = i
	}
	appendZero(&d.relv)
	d.relIDs = append(d.relIDs, k)
	return i
}

// stated is a relation of the article and whether only the headline
// states it so far.
type stated struct {
	model.Relation
	titleOnly bool
}

// agencyUse is an agency among the sides of the article's relations and
// the sentence its PART_OF takes.
type agencyUse struct {
	id   string
	sent int
}

// usedAgency notes the sentence of a relation with x: an agency's PART_OF
// takes the first one (the first in the body, when there is one).
//
// An article relates few agencies: a linear search costs less than a map,
// and the result walks them without a map's iteration.
func (d *doc) usedAgency(x *arg, si int, title bool) {
	if x.label != model.Agency {
		return
	}
	for i := range d.partOf {
		if u := &d.partOf[i]; u.id == x.ent {
			if d.isTitle(u.sent) && !title {
				u.sent = si
			}
			return
		}
	}
	d.partOf = append(d.partOf, agencyUse{id: x.ent, sent: si})
}
