package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// mention is an actor, generic agency, group or pair reference found in the
// text.
type mention struct {
	vs, ve   int // view range
	sent     int
	kind     payloadKind // pActor, pDemonym, pCapital, pGeneric, pGroup or pPair
	idx      int         // actor, generic or group index
	count    int         // group size when a number precedes it
	place    bool        // after a locative ("in Vietnam"): a place, not an actor
	dest     bool        // after a word of travel ("visit to India")
	bound    bool        // generic bound to a country named with it
	modifier bool        // a country naming the generic agency after it ("Thai" in "Thai navy")
	country  string      // generic: the country it was resolved to
	ent      string      // endpoint entity id ("" when unresolved)
	proj     string      // projected actor (country/organisation/forum id, or the group id)
	label    model.Label // label of ent
}

// cue is a trigger or cue found in the text.
type cue struct {
	vs, ve int
	sent   int
	ps     []payload
}

// arg is one side of a relation.
type arg struct {
	ent, proj string
	label     model.Label
	count     int
	vs        int  // view offset of the mention (-1 for the implied home country)
	dest      bool // the destination of a visit or transfer
}

type relKey struct {
	from string
	t    model.RelType
	to   string
}

// doc is the state of one extraction.
type doc struct {
	e          *Extractor
	a          model.Article
	text       string
	v          view
	vstr       string // v.b as a string, for slicing without copies
	sents      []sentence
	ments      []mention
	cues       []cue
	sm         [][]int                 // mention indices per sentence
	sc         [][]int                 // cue indices per sentence
	marks      [][]int                 // clause boundaries per sentence (see clauseMarks)
	kinds      []uint64                // payload kinds and trigger types per sentence (see kindsOf)
	paraActors map[int]map[string]bool // projected actors per paragraph
	enum       map[int]bool            // enumPlanned, memoised
	marked     []bool

	home, second string // the article's home country and its partner ("" when none)

	ents   map[string]model.Entity
	rels   map[relKey]*model.Relation
	order  []relKey
	partOf map[string]int // agency entity id -> sentence of first use
}

func (e *Extractor) newDoc(a model.Article) *doc {
	d := &doc{e: e, a: a, text: a.Text, ents: map[string]model.Entity{}, rels: map[relKey]*model.Relation{}, partOf: map[string]int{}}
	d.v = newView(a.Text)
	d.vstr = string(d.v.b)
	d.sents = splitSentences(a.Text)
	d.sm = make([][]int, len(d.sents))
	d.sc = make([][]int, len(d.sents))
	return d
}

// sentenceOf returns the sentence holding view offset vs, or -1.
func (d *doc) sentenceOf(vs int) int {
	o := int(d.v.off[vs])
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].end > o })
	if i < len(d.sents) && d.sents[i].start <= o {
		return i
	}
	return -1
}

func (d *doc) mentions() {
	lex := d.e.lex
	entHits, cueHits := d.e.phrases.find(&d.v, d.text)
	for _, h := range entHits {
		si := d.sentenceOf(h.vs)
		if si < 0 {
			continue
		}
		p, ok := pick(h.payloads)
		if !ok {
			continue
		}
		if p.kind == pPlace {
			continue // a place swallows the country in its name; places are not actors
		}
		m := mention{vs: h.vs, ve: h.ve, sent: si, kind: p.kind, idx: p.index}
		switch p.kind {
		case pActor, pDemonym, pCapital:
			if h.ve < len(d.v.b) && d.v.b[h.ve] == '$' {
				continue // US$, S$: a currency
			}
			a := lex.Actors[p.index]
			m.ent, m.label = a.ID, a.Label
			m.proj = a.ID
			if a.Label == model.Agency {
				m.proj = a.Country
			}
			d.addEntity(a.ID, a.Name, a.Label, a.Country)
			m.place, m.dest = d.locative(h.vs)
			if d.followedBy(h.ve, "(") && (p.kind == pCapital || d.startsSentence(si, h.vs)) {
				m.place = true // dateline: "Hanoi (VNA) -", "Singapore (VNA) -"
			}
		case pGroup:
			n, hasNum, numAt := d.numberBefore(h.vs)
			if p.numbered && !hasNum {
				continue
			}
			if hasNum && (p.numbered || p.optNum) {
				m.count = n
			}
			g := lex.Groups[p.index]
			name := g.Name
			if name == "countries" && m.count > 0 {
				name = itoa(m.count) + " countries"
			}
			id := "group-" + lexicon.Slug(name)
			if m.count > 0 && !strings.Contains(name, itoa(m.count)) {
				id += "-" + itoa(m.count)
			}
			m.ent, m.proj, m.label = id, id, model.Group
			m.place, m.dest = d.locative(numAt) // "in 29 countries"
			if _, ok := d.ents[id]; !ok {
				d.ents[id] = model.Entity{ID: id, Name: name, Label: model.Group, Count: m.count}
			}
		}
		d.ments = append(d.ments, m)
		d.sm[si] = append(d.sm[si], len(d.ments)-1)
	}
	for _, h := range cueHits {
		si := d.sentenceOf(h.vs)
		if si < 0 {
			continue
		}
		d.cues = append(d.cues, cue{vs: h.vs, ve: h.ve, sent: si, ps: h.payloads})
		d.sc[si] = append(d.sc[si], len(d.cues)-1)
	}
	d.dropSurnames()
	d.bindGenerics()
}

// dropSurnames removes demonyms that are people's names in this article:
// "Major General Le Duc Thai" makes every "Thai" of the article a name.
func (d *doc) dropSurnames() {
	names := map[string]bool{}
	for _, m := range d.ments {
		if !d.nameLike(m) || m.sent == 0 && d.isTitle(0) {
			continue
		}
		sentStart, _ := d.viewRange(d.sents[m.sent].span)
		ws := d.prevWordStarts(m.vs, 2)
		if len(ws) == 2 && ws[1] > sentStart && d.upperAt(ws[0]) && d.upperAt(ws[1]) && !d.actorEndsAt(m.vs) {
			names[d.vstr[m.vs:m.ve]] = true
		}
	}
	if len(names) == 0 {
		return
	}
	kept := d.ments[:0]
	for _, m := range d.ments {
		if d.nameLike(m) && names[d.vstr[m.vs:m.ve]] && !(m.sent == 0 && d.isTitle(0)) {
			continue
		}
		kept = append(kept, m)
	}
	d.ments = kept
	for i := range d.sm {
		d.sm[i] = d.sm[i][:0]
	}
	for i, m := range d.ments {
		d.sm[m.sent] = append(d.sm[m.sent], i)
	}
}

// nameLike reports a one-word demonym or country alias that could be a
// person's name ("Thai", "Jordan"), not an acronym.
func (d *doc) nameLike(m mention) bool {
	if m.kind != pDemonym && m.kind != pActor || m.label != model.Country {
		return false
	}
	w := d.text[d.v.off[m.vs]:d.v.off[m.ve]]
	return !strings.ContainsAny(w, " .-") && countUpper(w) == 1
}

// prevWordStarts returns the view offsets of up to n words before vs,
// nearest first, stopping at punctuation.
func (d *doc) prevWordStarts(vs, n int) []int {
	var out []int
	i := vs
	for len(out) < n {
		k := i
		for k > 0 && d.v.b[k-1] == ' ' {
			k--
		}
		j := k
		for j > 0 && lexicon.IsWordByte(d.v.b[j-1]) {
			j--
		}
		if j == k {
			break
		}
		out = append(out, j)
		i = j
	}
	return out
}

func (d *doc) upperAt(vs int) bool {
	r := d.text[d.v.off[vs]]
	return r >= 'A' && r <= 'Z'
}

func (d *doc) actorEndsAt(vs int) bool {
	// mentions are in text order: look at the last one starting before vs
	i := sort.Search(len(d.ments), func(k int) bool { return d.ments[k].vs >= vs })
	if i == 0 {
		return false
	}
	m := d.ments[i-1]
	return m.ve <= vs && vs-m.ve <= 1 && m.kind <= pCapital
}

// pick chooses what a phrase stands for: a name before a demonym before a
// capital before a generic agency, group or pair reference.
func pick(ps []payload) (payload, bool) {
	best, ok := payload{}, false
	for _, p := range ps {
		if p.kind > pPlace {
			continue
		}
		if !ok || p.kind < best.kind {
			best, ok = p, true
		}
	}
	return best, ok
}

func itoa(n int) string { return strconv.Itoa(n) }

// prevWords returns up to two words before view offset vs, skipping "the".
func (d *doc) prevWords(vs int) (w1, w2 string) {
	words := make([]string, 0, 3)
	i := vs
	for len(words) < 3 {
		for i > 0 && d.v.b[i-1] == ' ' {
			i--
		}
		j := i
		for j > 0 && lexicon.IsWordByte(d.v.b[j-1]) {
			j--
		}
		if j == i {
			break
		}
		w := d.vstr[j:i]
		i = j
		if w == "the" && len(words) == 0 {
			continue
		}
		words = append(words, w)
		if len(words) == 2 {
			break
		}
	}
	if len(words) > 0 {
		w1 = words[0]
	}
	if len(words) > 1 {
		w2 = words[1] + " " + words[0]
	}
	return
}

// locative reports whether the mention at vs follows a locative ("in",
// "at", "visit to") and whether that makes it a destination.
func (d *doc) locative(vs int) (place, dest bool) {
	// "in Guangzhou, China": a country after a place is a place too
	k := vs
	for k > 0 && d.v.b[k-1] == ' ' {
		k--
	}
	if k > 0 && d.v.b[k-1] == ',' {
		if ws := d.prevWordStarts(k-1, 2); len(ws) == 2 && d.upperAt(ws[0]) {
			w := strings.TrimSpace(string(d.v.b[ws[1]:ws[0]]))
			if d.e.locative[w] {
				return true, d.e.destination[w]
			}
		}
	}
	w1, w2 := d.prevWords(vs)
	if w2 != "" && d.e.locative[w2] {
		return true, d.e.destination[w2]
	}
	if w1 != "" && d.e.locative[w1] {
		return true, d.e.destination[w1]
	}
	return false, false
}

// startsSentence reports a mention that opens sentence si.
func (d *doc) startsSentence(si, vs int) bool {
	lo, _ := d.viewRange(d.sents[si].span)
	return vs == lo
}

func (d *doc) followedBy(ve int, s string) bool {
	i := ve
	for i < len(d.v.b) && d.v.b[i] == ' ' {
		i++
	}
	return strings.HasPrefix(d.vstr[i:min(len(d.v.b), i+len(s))], s)
}

// numberBefore reads a count just before view offset vs: "29", "more than
// 80", "45 foreign", "eight".
func (d *doc) numberBefore(vs int) (n int, ok bool, at int) {
	ws := d.prevWordStarts(vs, 3)
	if len(ws) == 0 {
		return 0, false, vs
	}
	w1 := strings.TrimSpace(string(d.v.b[ws[0]:vs]))
	n, ok = atoi(w1)
	if !ok {
		return 0, false, vs
	}
	at = ws[0]
	if len(ws) == 3 && strings.TrimSpace(string(d.v.b[ws[2]:ws[0]])) == "more than" {
		at = ws[2] // "with more than 80 countries"
	}
	return n, true, at
}

// gap returns the view text between two offsets, trimmed.
func (d *doc) gap(a, b int) string {
	if a >= b {
		return ""
	}
	return strings.TrimSpace(d.vstr[a:b])
}

// bindGenerics ties a generic agency to a country named with it: "Thai
// navy", "Vietnam's Defence Ministry", "the navy of Vietnam".
func (d *doc) bindGenerics() {
	for si := range d.sents {
		ids := d.sm[si]
		for k, mi := range ids {
			m := &d.ments[mi]
			if m.kind != pGeneric {
				continue
			}
			if k > 0 {
				p := &d.ments[ids[k-1]]
				if p.label == model.Country && (p.kind == pActor || p.kind == pDemonym) {
					g := d.gap(p.ve, m.vs)
					if g == "" || g == "'s" || g == "'" || g == "s" {
						p.modifier = true
						d.bindGeneric(mi, p.proj)
						continue
					}
				}
			}
			if k+1 < len(ids) {
				n := &d.ments[ids[k+1]]
				if n.label == model.Country && n.kind == pActor {
					g := d.gap(m.ve, n.vs)
					if g == "of" || g == "of the" {
						d.bindGeneric(mi, n.proj)
						n.place = false
					}
				}
			}
		}
	}
}

func (d *doc) bindGeneric(mi int, country string) {
	m := &d.ments[mi]
	m.bound = true
	m.country = country
	m.ent, m.label = d.agencyFor(country, m.idx)
	m.proj = country
}

// agencyFor returns the agency of kind generic for country: a named one
// from the lexicon ("Royal Thai Navy") or one named after the country.
func (d *doc) agencyFor(country string, generic int) (string, model.Label) {
	lex := d.e.lex
	g := lex.Generics[generic]
	if i, ok := d.e.kindAgency[[2]string{country, g.Kind}]; ok {
		a := lex.Actors[i]
		d.addEntity(a.ID, a.Name, a.Label, a.Country)
		return a.ID, model.Agency
	}
	c, _ := lex.Actor(country)
	id := country + "-" + g.Kind
	d.addEntity(id, c.Name+" "+g.Name, model.Agency, country)
	return id, model.Agency
}

func (d *doc) addEntity(id, name string, label model.Label, country string) {
	if _, ok := d.ents[id]; ok {
		return
	}
	if label != model.Country && label != model.Agency && label != model.Person {
		country = ""
	}
	d.ents[id] = model.Entity{ID: id, Name: name, Label: label, Country: country}
}

// salience picks the article's home country (most mentioned; the title
// counts double) and its partner (the next, if named as an actor at least once).
func (d *doc) salience() {
	score := map[string]int{}
	first := map[string]int{}
	for i, m := range d.ments {
		if m.proj == "" || m.kind == pGeneric || m.kind == pGroup {
			continue
		}
		a, ok := d.e.lex.Actor(m.proj)
		if !ok || a.Label != model.Country {
			continue
		}
		w := 2 // an actor
		if m.place {
			w = 1 // "in Hanoi": the article is likely about its country, but less
		}
		if m.sent == 0 && d.isTitle(0) {
			w *= 3
		}
		score[m.proj] += w
		if _, ok := first[m.proj]; !ok {
			first[m.proj] = i
		}
	}
	ids := make([]string, 0, len(score))
	for id := range score {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if score[ids[i]] != score[ids[j]] {
			return score[ids[i]] > score[ids[j]]
		}
		return first[ids[i]] < first[ids[j]]
	})
	if len(ids) > 0 {
		d.home = ids[0]
	}
	if len(ids) > 1 && score[ids[1]] >= 2 {
		d.second = ids[1]
	}
}

// isTitle reports whether sentence si is a headline: the first line,
// short and without a full stop.
func (d *doc) isTitle(si int) bool {
	if si != 0 || len(d.sents) == 0 {
		return false
	}
	s := d.text[d.sents[0].start:d.sents[0].end]
	return len(s) < 140 && !strings.ContainsAny(s[len(s)-1:], ".!?")
}

// resolveGenerics gives unbound generic agencies ("the army") the home
// country when the paragraph names it (spec rule 2).
func (d *doc) resolveGenerics() {
	if d.home == "" {
		return
	}
	paraHome := map[int]bool{}
	for _, m := range d.ments {
		if m.proj == d.home {
			paraHome[d.sents[m.sent].para] = true
		}
	}
	for i := range d.ments {
		m := &d.ments[i]
		if m.kind == pGeneric && !m.bound && paraHome[d.sents[m.sent].para] {
			m.country = d.home
			m.ent, m.label = d.agencyFor(d.home, m.idx)
			m.proj = d.home
		}
	}
}

func (d *doc) homeArg() (arg, bool) {
	if d.home == "" {
		return arg{}, false
	}
	return arg{ent: d.home, proj: d.home, label: model.Country, vs: -1}, true
}

func (d *doc) countryArg(id string) arg {
	a, _ := d.e.lex.Actor(id)
	d.addEntity(a.ID, a.Name, a.Label, a.Country)
	return arg{ent: id, proj: id, label: a.Label, vs: -1}
}

func (m mention) arg() arg {
	return arg{ent: m.ent, proj: m.proj, label: m.label, count: m.count, vs: m.vs, dest: m.dest}
}

// result assembles the extraction.
func (d *doc) result() model.Extraction {
	x := model.Extraction{Articles: []model.ArticleRef{d.a.Ref()}, Entities: []model.Entity{}, Relations: []model.Relation{}}
	used := map[string]bool{}
	for _, k := range d.order {
		r := d.rels[k]
		used[r.From], used[r.To] = true, true
		x.Relations = append(x.Relations, *r)
	}
	ids := sortedKeys(used)
	for _, id := range ids {
		ent := d.ents[id]
		if ent.Label == model.Agency {
			if _, ok := d.ents[ent.Country]; !ok {
				c, _ := d.e.lex.Actor(ent.Country)
				d.addEntity(c.ID, c.Name, c.Label, c.Country)
			}
			used[ent.Country] = true
			x.Relations = append(x.Relations, model.Relation{
				Type: model.PartOf, From: id, To: ent.Country, Status: model.Established,
				Article: d.a.ID, Sentence: d.sentenceText(d.partOf[id]),
			})
		}
	}
	for _, id := range sortedKeys(used) {
		x.Entities = append(x.Entities, d.ents[id])
	}
	x.Sort()
	return x
}

func (d *doc) sentenceText(si int) string {
	s := d.sents[si]
	return normalizeSpace(d.text[s.start:s.end])
}
