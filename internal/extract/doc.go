package extract

import (
	"encoding/binary"
	"slices"
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
	svs      int         // view offset where the surface phrase starts: a generic's country modifier, else vs
}

// cue is a trigger or cue found in the text.
type cue struct {
	vs, ve int
	sent   int
	kinds  uint64 // kindSet of its payloads (mentions)
	// its payloads, as a hit holds them (see cuePayloads): indexes, not a
	// slice, which would cost a pointer write per cue
	p0, p1 int32
	static bool
}

// has reports a payload of kind k among c's.
func (c *cue) has(k payloadKind) bool { return c.kinds&(1<<k) != 0 }

// arg is one side of a relation.
type arg struct {
	ent, proj string
	label     model.Label
	count     int
	vs        int  // view offset of the mention (-1 for the implied home country)
	dest      bool // the destination of a visit or transfer
}

// relKey identifies a relation of the article: its sides and its type,
// by rank (typeRank), which compares without a call.
type relKey struct {
	from, to string
	t        int8
}

// keyOf returns the key of the relation of type t from from to to.
func keyOf(from string, t model.RelType, to string) relKey {
	return relKey{from: from, to: to, t: int8(typeRank(t))}
}

// doc is the state of one extraction.
type doc struct {
	e         *Extractor
	a         model.Article
	text      string
	v         view
	vstr      string // v.b as a string, for slicing without copies (view.str: copy what the result keeps)
	sents     []sentence
	ments     []mention
	cues      []cue
	sm        [][]int  // mention indices per sentence
	sc        [][]int  // cue indices per sentence
	surnames  []string // actors' names that are people's in this article (dropSurnames)
	marks     [][]int  // clause boundaries per sentence (see clauseMarks)
	kinds     []uint64 // payload kinds per sentence (mentions)
	entHits   []hit    // phrases found (buffers kept between extractions)
	cueHits   []hit
	found     findScratch // find's
	payloads  []payload
	ids       []string      // entity ids of the result
	split     []sentence    // spare sentence buffer (findTitle)
	headBuf   []int         // heads' result
	stext     []string      // evidence text per sentence (sentenceText), "" until made
	sview     []span        // view range per sentence (sentView)
	years     []int8        // per sentence: 0 not looked at, 1 names a year, -1 does not (since)
	sinceMemo []sinceAnswer // per sentence: since's last answer
	title     int           // the headline's sentence, -1 when none
	enum      map[int]bool  // enumPlanned, memoised
	marked    []bool
	actorSeen []bool // by actor index: added to ents (mentions)

	home, second string // the article's home country and its partner ("" when none)
	pair         [2]arg // pairArgs' answer, {} until asked

	ents   map[string]model.Entity
	rels   map[relKey]int // relation -> its index in relv, for articles stating many (findRel)
	relv   []stated       // the relations, in the order first stated
	relIDs []relKey       // their keys, for findRel (entity ids, never the article's text: putDoc leaves them)
	partOf []agencyUse    // the agencies of the relations, in order of first use (usedAgency)

	// the rule stage's buffers, reused from call to call (see each user)
	argBuf   []arg          // participantsIn's
	groupBuf []arg          // groupsOf's
	pairBuf  [][2]arg       // pairs'
	areaBuf  []string       // areas'
	relIdx   []int          // relOrder's
	relKeys  []uint64       // relOrder's
	sideRank [][2]int       // per relation: the ranks of its sides among the result's entities (entityIDs)
	idKeys   []uint64       // sortIDs'
	idRank   []int          // sortIDs'
	idSorted []string       // sortIDs'
	unnamed  []int          // result's: the mentions appendAliases looks at
	scores   []countryScore // salience's
	paraHome []bool         // per paragraph: names the home country (resolveGenerics, paraNamesHome)

	agencies map[agencyKey]model.Entity // agencyFor's answers, kept across extractions: lexicon data only
}

// getDoc returns the state for extracting a, reusing the buffers of an
// earlier extraction (Extractor.docs): per article, only what the result
// keeps is allocated.
func (e *Extractor) getDoc(a model.Article) *doc {
	d, _ := e.docs.Get().(*doc)
	if d == nil {
		d = &doc{ents: map[string]model.Entity{}, rels: map[relKey]int{}}
	}
	d.e, d.a, d.text = e, a, a.Text
	d.v.build(a.Text)
	d.vstr = d.v.str()
	d.sents = appendSentences(d.sents, a.Text, d.v.ellipses)
	d.findTitle()
	n := len(d.sents)
	d.sm, d.sc, d.marks = resetLists(d.sm, n), resetLists(d.sc, n), resetLists(d.marks, n)
	d.kinds = resetSlice(d.kinds, n)
	d.marked = resetSlice(d.marked, n)
	d.actorSeen = resetSlice(d.actorSeen, len(e.lex.Actors))
	d.sview = d.v.appendSpans(d.sview[:0], d.sents)
	d.stext = resetSlice(d.stext, n)
	d.years = resetSlice(d.years, n)
	d.ments, d.cues, d.relv, d.relIDs = d.ments[:0], d.cues[:0], d.relv[:0], d.relIDs[:0]
	d.partOf = d.partOf[:0]
	d.surnames = d.surnames[:0]
	return d
}

// putDoc clears d (it must not keep the article alive) and keeps its
// buffers for the next extraction.
func (e *Extractor) putDoc(d *doc) {
	d.a, d.text, d.vstr = model.Article{}, "", ""
	d.enum = nil
	d.home, d.second = "", ""
	d.pair = [2]arg{}
	clear(d.ents)
	clear(d.rels)
	clear(d.relv)
	e.docs.Put(d)
}

// resetLists returns n empty lists, reusing ls and its lists' storage.
func resetLists(ls [][]int, n int) [][]int {
	if cap(ls) < n {
		ls = append(ls[:cap(ls)], make([][]int, n-cap(ls))...)
	}
	ls = ls[:n]
	for i := range ls {
		ls[i] = ls[i][:0]
	}
	return ls
}

// resetSlice returns n zero values, reusing s.
func resetSlice[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// mentions finds the phrases of the text (find) and makes the mentions
// and cues of each sentence, with the kinds of the cues' payloads (of
// each cue and of each sentence's cues: the rules test a bit, not the
// payloads).
//
// The hits are in text order: one walk over the sentences places them
// all.
func (d *doc) mentions() {
	d.entHits, d.cueHits, d.payloads = d.e.phrases.find(&d.v, d.text, d.entHits[:0], d.cueHits[:0], d.payloads[:0], &d.found)
	// a mention or cue per hit at most: no growing in the loop
	d.ments = slices.Grow(d.ments[:0], len(d.entHits))
	d.cues = slices.Grow(d.cues[:0], len(d.cueHits))
	ents, ci := d.entHits, 0
	for si, sv := range d.sview {
		ents = d.sentenceMentions(si, sv, ents)
		ci = d.sentenceCues(si, sv, d.cueHits, ci)
	}
	d.dropSurnames()
	d.bindGenerics()
}

// sentenceMentions makes the mentions of sentence si, at view span sv,
// from the entity hits at the head of hs that start in it, and returns
// the hits after it.
func (d *doc) sentenceMentions(si int, sv span, hs []hit) []hit {
	for ; len(hs) > 0 && int(hs[0].vs) < sv.end; hs = hs[1:] {
		h := &hs[0]
		vs, ve := int(h.vs), int(h.ve)
		if vs < sv.start {
			continue // between sentences
		}
		p := &d.e.phrases.payloadsOf(h, d.payloads)[0] // what the phrase stands for (find picks it)
		switch p.kind {
		case pActor, pDemonym, pCapital:
			d.actorMention(vs, ve, si, p)
		case pGroup:
			d.groupMention(vs, ve, si, p)
		case pPlace: // a place swallows the country in its name; places are not actors
		default:
			d.newMention(vs, ve, si, p)
		}
	}
	return hs
}

// sentenceCues makes the cues of sentence si, at view span sv, from the
// cue hits hs[i:] that start in it, and returns the index of the first hit
// after it. d.cues has room for them.
func (d *doc) sentenceCues(si int, sv span, hs []hit, i int) int {
	if i == len(hs) || int(hs[i].vs) >= sv.end {
		return i // no cue: d.sc[si] and d.kinds[si] stay empty (getDoc)
	}
	var kinds uint64
	ids := d.sc[si] // stored once: a pointer write
	for ; i < len(hs) && int(hs[i].vs) < sv.end; i++ {
		h := &hs[i]
		if int(h.vs) < sv.start {
			continue // between sentences
		}
		d.cues = d.cues[:len(d.cues)+1]
		c := &d.cues[len(d.cues)-1] // every field set here
		c.vs, c.ve, c.sent, c.kinds = int(h.vs), int(h.ve), si, h.kinds.set()
		c.p0, c.p1, c.static = h.p0, h.p1, h.static
		ids = append(ids, len(d.cues)-1)
		kinds |= c.kinds
	}
	d.sc[si] = ids
	d.kinds[si] = kinds
	return i
}

// cuePayloads returns the payloads of c: the matcher's or d's, as those
// of its hit (matcher.payloadsOf).
func (d *doc) cuePayloads(c *cue) []payload {
	if c.static {
		return d.e.phrases.flat[c.p0:c.p1:c.p1]
	}
	return d.payloads[c.p0:c.p1:c.p1]
}

// newMention adds the mention at view range vs to ve in sentence si of
// what p stands for, and returns it to be completed. d.ments has room for
// it (mentions).
//
// The mention is zeroed and filled in place (see appendZero), without a
// call: a call would spill vs, ve, si and p around it and reload them.
func (d *doc) newMention(vs, ve, si int, p *payload) *mention {
	i := len(d.ments)
	d.ments = d.ments[:i+1]
	m := &d.ments[i]
	*m = mention{}
	m.vs, m.ve, m.sent, m.kind, m.idx, m.svs = vs, ve, si, p.kind, p.index, vs
	d.sm[si] = append(d.sm[si], i)
	return m
}

// appendZero appends a zero T to *s and returns it, to be filled in
// place: appending a struct literal builds it on the stack and copies it,
// and the copy's wide loads wait for the narrow stores that made it (no
// store forwarding), about a cache miss per mention or cue.
func appendZero[T any](s *[]T) *T {
	if len(*s) == cap(*s) { // rarely: the buffers are kept between extractions
		*s = slices.Grow(*s, 1)
	}
	*s = (*s)[:len(*s)+1]
	p := &(*s)[len(*s)-1]
	*p = *new(T)
	return p
}

// actorMention adds the mention of an actor, by name, demonym or capital
// (p), at view range vs to ve in sentence si.
func (d *doc) actorMention(vs, ve, si int, p *payload) {
	if ve < len(d.v.b) && d.v.b[ve] == '$' {
		return // US$, S$: a currency
	}
	a := &d.e.lex.Actors[p.index]
	if !d.actorSeen[p.index] { // most actors are named again and again
		d.actorSeen[p.index] = true
		d.addEntity(a.ID, a.Name, a.Label, a.Country, d.e.aliasesAt[p.index])
	}
	m := d.newMention(vs, ve, si, p)
	m.ent, m.label = a.ID, a.Label
	m.proj = a.ID
	if a.Label == model.Agency {
		m.proj = a.Country
	}
	s1, e1 := d.wordBefore(vs) // what locative and surnameAfter look at
	m.place, m.dest = d.locativeAfter(vs, s1, e1)
	if d.followedBy(ve, "(") && (p.kind == pCapital || d.startsSentence(si, vs)) {
		m.place = true // dateline: "Hanoi (VNA) -", "Singapore (VNA) -"
	}
	if s1 < e1 && d.surnameAfter(m, s1) {
		d.surnames = append(d.surnames, d.vstr[vs:ve])
	}
}

// groupMention adds the mention of a group (p) at view range vs to ve in
// sentence si, with the number before it ("29 countries").
func (d *doc) groupMention(vs, ve, si int, p *payload) {
	n, hasNum, numAt := d.numberBefore(vs)
	if p.numbered && !hasNum {
		return
	}
	count := 0
	if hasNum && (p.numbered || p.optNum) {
		count = n
	}
	g := &d.e.lex.Groups[p.index]
	name := g.Name
	if name == "countries" && count > 0 {
		name = itoa(count) + " countries"
	}
	id := d.e.groupIDs[p.index]
	if name != g.Name {
		id = "group-" + lexicon.Slug(name)
	}
	if count > 0 && !strings.Contains(name, itoa(count)) {
		id += "-" + itoa(count)
	}
	m := d.newMention(vs, ve, si, p)
	m.count = count
	m.ent, m.proj, m.label = id, id, model.Group
	m.place, m.dest = d.locative(numAt) // "in 29 countries"
	if hasNum {
		m.svs = numAt
	}
	if _, ok := d.ents[id]; !ok {
		d.ents[id] = model.Entity{ID: id, Name: name, Label: model.Group, Count: count}
	}
}

// surnameAfter reports that m, the mention of an actor after the word
// starting at view offset s1, is a person's name: a demonym or country
// alias after two capitalised words in its sentence ("Major General Le
// Duc Thai"), not after another actor's name.
func (d *doc) surnameAfter(m *mention, s1 int) bool {
	if !nameKind(m) || d.isTitle(m.sent) || !d.upperAt(s1) {
		return false // most often: not after a capitalised word
	}
	s2, e2 := d.wordBefore(s1)
	if s2 == e2 || !d.upperAt(s2) || !d.nameLike(m) {
		return false
	}
	sentStart, _ := d.sentView(m.sent)
	return s2 > sentStart && !d.actorEndsAt(m.vs)
}

// dropSurnames removes demonyms that are people's names in this article:
// "Major General Le Duc Thai" makes every "Thai" of the article a name.
// actorMention has noted those names (d.surnames).
func (d *doc) dropSurnames() {
	if len(d.surnames) == 0 {
		return
	}
	kept := d.ments[:0]
	for i := range d.ments {
		m := &d.ments[i]
		if d.nameLike(m) && slices.Contains(d.surnames, d.vstr[m.vs:m.ve]) && !(d.isTitle(m.sent)) {
			continue
		}
		kept = append(kept, *m)
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
func (d *doc) nameLike(m *mention) bool {
	if !nameKind(m) {
		return false
	}
	w := d.text[d.v.textAt(m.vs):d.v.textAt(m.ve)]
	return !strings.ContainsAny(w, " .-") && countUpper(w) == 1
}

// nameKind reports a demonym or country alias: what nameLike looks at.
func nameKind(m *mention) bool {
	return (m.kind == pDemonym || m.kind == pActor) && m.label == model.Country
}

// prevWordStarts returns the view offsets of up to n (at most 3) words
// before vs, nearest first, stopping at punctuation; k of them are set.
func (d *doc) prevWordStarts(vs, n int) (ws [3]int, k int) {
	i := vs
	for k < n {
		e := i
		for e > 0 && d.v.b[e-1] == ' ' {
			e--
		}
		j := e
		for j > 0 && lexicon.IsWordByte(d.v.b[j-1]) {
			j--
		}
		if j == e {
			break
		}
		ws[k] = j
		k++
		i = j
	}
	return ws, k
}

func (d *doc) upperAt(vs int) bool {
	r := d.text[d.v.textAt(vs)]
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

func itoa(n int) string { return strconv.Itoa(n) }

// prevWords returns up to two words before view offset vs, skipping "the":
// w1 the nearest, w2 the two as a phrase ("visit to").
func (d *doc) prevWords(vs int) (w1, w2 string) {
	s1, e1 := d.nearestWord(vs)
	if s1 == e1 {
		return "", ""
	}
	return d.vstr[s1:e1], d.phraseBefore(s1, e1)
}

// nearestWord returns the view span of the word before vs that is not
// "the"; empty if there is none.
func (d *doc) nearestWord(vs int) (start, end int) {
	start, end = d.wordBefore(vs)
	return d.pastThe(start, end)
}

// pastThe returns the view span [start, end), a word before a mention, or
// if it is "the" the nearest word before that is not; empty if there is
// none.
func (d *doc) pastThe(start, end int) (int, int) {
	for start < end && d.vstr[start:end] == "the" {
		start, end = d.wordBefore(start)
	}
	return start, end
}

// phraseBefore returns the word before the word at view span [s1, e1) and
// that word as a phrase ("visit to"), or "" if there is no word before.
func (d *doc) phraseBefore(s1, e1 int) string {
	s2, e2 := d.wordBefore(s1)
	switch {
	case s2 == e2:
		return ""
	case s1-e2 == 1:
		return d.vstr[s2:e1] // one space between
	}
	return d.vstr[s2:e2] + " " + d.vstr[s1:e1]
}

// wordBefore returns the view span of the word before vs, past spaces;
// start == end if punctuation or the text's start comes first.
func (d *doc) wordBefore(vs int) (start, end int) {
	b := d.v.b[:vs]
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	end = len(b)
	for len(b) > 0 && foldedWordBytes[b[len(b)-1]] {
		b = b[:len(b)-1]
	}
	start = len(b)
	if start == end {
		return vs, vs
	}
	return start, end
}

// locative reports whether the mention at vs follows a locative ("in",
// "at", "visit to") and whether that makes it a destination.
func (d *doc) locative(vs int) (place, dest bool) {
	s1, e1 := d.wordBefore(vs)
	return d.locativeAfter(vs, s1, e1)
}

// locativeAfter is locative for a mention at vs after the word at view
// span [s1, e1) (wordBefore's answer).
func (d *doc) locativeAfter(vs, s1, e1 int) (place, dest bool) {
	s1, e1 = d.pastThe(s1, e1)
	if s1 == e1 {
		return d.listedPlace(vs) // punctuation before: perhaps a comma
	}
	w1 := d.vstr[s1:e1]
	if !d.e.locEnds.mayHave(w1) {
		return false, false // most words: no locative ends with w1, nor with w2 then
	}
	if w2 := d.phraseBefore(s1, e1); w2 != "" && d.e.locative[w2] {
		return true, d.e.destination[w2]
	}
	if d.e.locative[w1] {
		return true, d.e.destination[w1]
	}
	return false, false
}

// listedPlace is locative for a mention at vs after a comma and a place
// named after a locative: "in Guangzhou, China", a country after a place
// is a place too.
func (d *doc) listedPlace(vs int) (place, dest bool) {
	b := d.v.b[:vs]
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	if k := len(b); k > 0 && b[k-1] == ',' {
		if s1, e1 := d.wordBefore(k - 1); s1 < e1 && d.upperAt(s1) {
			if s2, e2 := d.wordBefore(s1); s2 < e2 && d.e.locative[d.vstr[s2:e2]] {
				return true, d.e.destination[d.vstr[s2:e2]]
			}
		}
	}
	return false, false
}

// startsSentence reports a mention that opens sentence si.
func (d *doc) startsSentence(si, vs int) bool {
	lo, _ := d.sentView(si)
	return vs == lo
}

// followedBy reports whether s comes after view offset ve, past spaces.
func (d *doc) followedBy(ve int, s string) bool {
	rest := d.vstr[ve:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	return strings.HasPrefix(rest, s)
}

// numberBefore reads a count just before view offset vs: "29", "more than
// 80", "45 foreign", "eight".
func (d *doc) numberBefore(vs int) (n int, ok bool, at int) {
	ws, k := d.prevWordStarts(vs, 3)
	if k == 0 {
		return 0, false, vs
	}
	w1 := strings.TrimSpace(d.vstr[ws[0]:vs])
	n, ok = atoi(w1)
	if !ok {
		return 0, false, vs
	}
	at = ws[0]
	if k == 3 && strings.TrimSpace(d.vstr[ws[2]:ws[0]]) == "more than" {
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
//
// The mentions are in text order, so a sentence's are a run of them: the
// mentions next to one in its sentence are those next to it.
func (d *doc) bindGenerics() {
	for mi := range d.ments {
		m := &d.ments[mi]
		if m.kind != pGeneric {
			continue
		}
		if mi > 0 {
			p := &d.ments[mi-1]
			if p.sent == m.sent && p.label == model.Country && (p.kind == pActor || p.kind == pDemonym) {
				g := d.gap(p.ve, m.vs)
				if g == "" || g == "'s" || g == "'" || g == "s" {
					p.modifier = true
					m.svs = p.vs
					d.bindGeneric(mi, p.proj)
					continue
				}
			}
		}
		if mi+1 < len(d.ments) {
			n := &d.ments[mi+1]
			if n.sent == m.sent && n.label == model.Country && n.kind == pActor {
				g := d.gap(m.ve, n.vs)
				if g == "of" || g == "of the" {
					d.bindGeneric(mi, n.proj)
					n.place = false
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
	k := agencyKey{country, generic}
	a, ok := d.agencies[k]
	if !ok {
		a = d.e.agency(country, generic)
		if d.agencies == nil {
			d.agencies = map[agencyKey]model.Entity{}
		}
		d.agencies[k] = a
	}
	d.addEntity(a.ID, a.Name, model.Agency, a.Country, a.Aliases)
	return a.ID, model.Agency
}

// agencyKey is a country id and a generic agency's index.
type agencyKey struct {
	country string
	generic int
}

// agency returns the agency of kind generic for country (see agencyFor).
func (e *Extractor) agency(country string, generic int) model.Entity {
	g := e.lex.Generics[generic]
	if i, ok := e.kindAgency[[2]string{country, g.Kind}]; ok {
		a := &e.lex.Actors[i]
		return model.Entity{ID: a.ID, Name: a.Name, Label: model.Agency, Country: a.Country, Aliases: e.aliasesAt[i]}
	}
	c, _ := e.lex.Actor(country)
	id := country + "-" + g.Kind
	return model.Entity{ID: id, Name: c.Name + " " + g.Name, Label: model.Agency, Country: country, Aliases: e.aliases[id]}
}

// addEntity adds an entity to the article's, unless it has one with that
// id. aliases are the lexicon's for an actor it knows (Extractor.aliases),
// nil for others (result finds theirs in the text: appendAliases).
func (d *doc) addEntity(id, name string, label model.Label, country string, aliases []string) {
	if _, ok := d.ents[id]; ok {
		return
	}
	if label != model.Country && label != model.Agency && label != model.Person {
		country = ""
	}
	d.ents[id] = model.Entity{ID: id, Name: name, Label: label, Country: country, Aliases: aliases}
}

// salience picks the article's home country (most mentioned; the title
// counts double) and its partner (the next, if named as an actor at least
// once). Ties go to the country named first. Only actors' mentions count
// (Extractor.countsFor): not generic agencies, groups or pairs.
func (d *doc) salience() {
	cs := d.scores[:0]
	for i := range d.ments {
		m := &d.ments[i]
		if m.kind > pCapital {
			continue
		}
		c := d.e.countsFor[m.idx]
		if c < 0 {
			continue
		}
		w := int32(2) // an actor
		if m.place {
			w = 1 // "in Hanoi": the article is likely about its country, but less
		}
		if d.isTitle(m.sent) {
			w *= 3
		}
		k := 0
		for k < len(cs) && cs[k].actor != c { // an article names few countries
			k++
		}
		if k == len(cs) {
			cs = append(cs, countryScore{actor: c}) // in order of first mention
		}
		cs[k].score += w
	}
	d.scores = cs
	// the best two: higher score, else named first
	best, next := -1, -1
	for k := range cs {
		if best < 0 || cs[k].score > cs[best].score {
			best, next = k, best
		} else if next < 0 || cs[k].score > cs[next].score {
			next = k
		}
	}
	if best >= 0 {
		d.home = d.e.lex.Actors[cs[best].actor].ID
	}
	if next >= 0 && cs[next].score >= 2 {
		d.second = d.e.lex.Actors[cs[next].actor].ID
	}
}

// actor returns the lexicon's actor id, or nil: lexicon.Actor without
// the copy.
func (d *doc) actor(id string) *lexicon.Actor {
	if i, ok := d.e.actorIndex[id]; ok {
		return &d.e.lex.Actors[i]
	}
	return nil
}

// countryScore is a country's salience in the article (see salience).
type countryScore struct {
	actor int32 // the country's index in the lexicon's actors (Extractor.actorIndex)
	score int32
}

// isTitle reports whether sentence si is the article's headline (see
// findTitle).
func (d *doc) isTitle(si int) bool { return si == d.title && si >= 0 }

// titleLines is how many non-empty lines may come before the headline
// (date stamps, page headers).
const titleLines = 4

// findTitle sets d.title, the sentence that is the article's headline, or
// -1. A headline is not body text: it states relations without context,
// in a telegraphic present ("Vietnam, Indonesia agree to boost naval
// cooperation"). A relation the body states too takes its evidence from
// the body (addRel); a relation stated only in the headline is kept with
// the headline as evidence. Either way the headline's statement has the
// status of its own cues ("agree to boost": planned), and counts in rule 6
// like any sentence's.
//
// When the article has a title (front matter or article.Infer) and one of
// the first lines is that title, the line is the headline, cut off as a
// sentence of its own even where the text is hard-wrapped and a line break
// does not end a sentence; the body after it starts a new paragraph.
// Without a title, the first sentence is the headline when it is short and
// does not end with a full stop.
func (d *doc) findTitle() {
	d.title = -1
	if len(d.sents) == 0 {
		return
	}
	if d.a.Title == "" {
		s := d.text[d.sents[0].start:d.sents[0].end]
		if len(s) < 140 && !strings.ContainsAny(s[len(s)-1:], ".!?") {
			d.title = 0
		}
		return
	}
	ts, te, skip, ok := titleLine(d.text, d.a.Title)
	if !ok {
		return
	}
	out := d.split[:0]
	shift := 0
	for _, s := range d.sents {
		s.para += shift
		if s.end <= ts || s.start >= skip || s.start >= ts && s.end <= te && d.title >= 0 {
			// before or after the title, or a second sentence of it
			out = append(out, s)
			continue
		}
		// s overlaps the title line or its copies: cut it into what comes
		// before, the title, and what follows the copies (a new paragraph)
		if a, b := trimSpan(d.text, s.start, ts); b > a {
			out = append(out, sentence{span{a, b}, s.para})
		}
		if a, b := trimSpan(d.text, max(s.start, ts), min(s.end, te)); b > a && d.title < 0 {
			d.title = len(out)
			out = append(out, sentence{span{a, b}, s.para})
		}
		if a, b := trimSpan(d.text, max(s.start, skip), s.end); b > a {
			shift++
			out = append(out, sentence{span{a, b}, s.para + 1})
		}
	}
	d.split, d.sents = d.sents, out
}

// titleLine finds the title among the first non-empty lines of text: the
// line that reads title once Markdown heading marks are dropped and white
// space collapsed (as article.Infer cleans it). skip is where the body
// starts: after the title, and after copies of it on the next lines (a
// headline printed twice).
func titleLine(text, title string) (start, end, skip int, ok bool) {
	// Most often the line is the title as it is (article.Infer took it
	// from there): a title that cleaning leaves alone is compared first.
	clean := isNormalSpaceWords(title) && !strings.HasPrefix(title, "#")
	return titleLineBy(text, func(line string) bool {
		return clean && line == title || normalizedIs(strings.TrimLeft(strings.TrimSpace(line), "#"), title)
	})
}

// titleLineBy is titleLine with the test of a line's being the title.
func titleLineBy(text string, isTitle func(line string) bool) (start, end, skip int, ok bool) {
	for i, n := 0, 0; i < len(text) && n < titleLines; n++ {
		line, next := nextLine(text, i)
		if strings.TrimSpace(line) == "" {
			n--
		} else if isTitle(line) {
			start, end = trimSpan(text, i, i+len(line))
			skip = end
			for next < len(text) {
				l, nn := nextLine(text, next)
				if !isTitle(l) {
					break
				}
				skip, next = next+len(l), nn
			}
			return start, end, skip, true
		}
		i = next
	}
	return 0, 0, 0, false
}

// nextLine returns the line of text starting at i, without its line
// break, and where the next one starts.
func nextLine(text string, i int) (line string, next int) {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return text[i : i+j], i + j + 1
	}
	return text[i:], len(text)
}

// resolveGenerics gives unbound generic agencies ("the army") the home
// country when the paragraph names it (spec rule 2).
func (d *doc) resolveGenerics() {
	if d.home == "" {
		return
	}
	paras := d.sents[len(d.sents)-1].para + 1 // numbered in text order; a home country is named in some sentence
	paraHome := resetSlice(d.paraHome, paras)
	d.paraHome = paraHome
	for i := range d.ments {
		if m := &d.ments[i]; m.proj == d.home {
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

// countryArg returns the side for actor id, a country or a multilateral
// body the rules imply (the home country, the UN), and adds it to the
// entities.
func (d *doc) countryArg(id string) arg {
	i, ok := d.e.actorIndex[id]
	if !ok {
		return arg{ent: id, proj: id, vs: -1}
	}
	a := &d.e.lex.Actors[i]
	if !d.actorSeen[i] { // most often the article names it: mentions has added it
		d.actorSeen[i] = true
		d.addEntity(a.ID, a.Name, a.Label, a.Country, d.e.aliasesAt[i])
	}
	return arg{ent: id, proj: id, label: a.Label, vs: -1}
}

// pairArgs returns the sides "the two countries" stand for: the home
// country and its partner, made (and added to the entities) once per
// article.
func (d *doc) pairArgs() (home, second arg) {
	if d.pair[0].ent == "" {
		d.pair = [2]arg{d.countryArg(d.home), d.countryArg(d.second)}
	}
	return d.pair[0], d.pair[1]
}

func (m *mention) arg() arg {
	return arg{ent: m.ent, proj: m.proj, label: m.label, count: m.count, vs: m.vs, dest: m.dest}
}

// result assembles the extraction: the relations, PART_OF for each agency
// they use, and the entities of both, with their aliases; sorted as
// model.Extraction.Sort sorts (one article, (type, from, to) unique). Each
// of its slices is allocated once, at its final size; relations are sorted
// by index, not moved.
func (d *doc) result() model.Extraction {
	ids := d.entityIDs()
	ents := make([]model.Entity, len(ids))
	agencies, unnamed := 0, 0
	for i, id := range ids {
		ents[i] = d.ents[id]
		if ents[i].Label == model.Agency {
			agencies++
		}
		if ents[i].Aliases == nil { // not the lexicon's (addEntity): found in the text
			unnamed++
		}
	}
	if unnamed > 0 {
		// the aliases found in the text, for all entities: one allocation,
		// for a name each and at most every mention naming one of them
		d.unnamed = d.appendUnnamed(d.unnamed[:0])
		found := make([]string, 0, unnamed+len(d.unnamed))
		for i := range ents {
			if ents[i].Aliases == nil {
				n := len(found)
				found = d.appendAliases(found, &ents[i], d.unnamed)
				ents[i].Aliases = found[n:len(found):len(found)]
			}
		}
	}
	// The stated relations in order, with the PART_OF ones (in the order
	// of their agencies' ids: sorted) between the types before and after.
	rels := make([]model.Relation, 0, len(d.relv)+agencies)
	order := d.relOrder()
	partOf := int8(typeRank(model.PartOf))
	k := 0
	for ; k < len(order) && d.relIDs[order[k]].t < partOf; k++ {
		rels = append(rels, d.relv[order[k]].Relation)
	}
	for i := range ents {
		if a := &ents[i]; a.Label == model.Agency {
			rels = append(rels, model.Relation{
				Type: model.PartOf, From: a.ID, To: a.Country, Status: model.Established,
				Article: d.a.ID, Sentence: d.sentenceText(d.partOfSentence(a.ID)),
			})
		}
	}
	for ; k < len(order); k++ {
		rels = append(rels, d.relv[order[k]].Relation)
	}
	return model.Extraction{Articles: []model.ArticleRef{d.a.Ref()}, Entities: ents, Relations: rels}
}

// entityIDs returns the ids of the entities of the result, sorted: the
// relations' sides and the countries of the agencies among them (their
// PART_OF targets). It notes each relation's sides' ranks in that order
// (d.sideRank) for relOrder.
//
// The result is valid until the next call (it reuses d.ids).
func (d *doc) entityIDs() []string {
	ids, sides := d.ids[:0], d.sideRank[:0]
	for i := range d.relv { // an article relates few entities: a linear search beats sorting every side
		var from, to int
		ids, from = appendNew(ids, d.relv[i].From)
		ids, to = appendNew(ids, d.relv[i].To)
		sides = append(sides, [2]int{from, to})
	}
	// The agencies among the sides are those usedAgency noted: most
	// articles relate none, and no side is looked up for its label.
	for _, u := range d.partOf {
		country := d.ents[u.id].Country
		d.countryArg(country) // adds it to the entities
		ids, _ = appendNew(ids, country)
	}
	// Sort once, with the agencies' countries, and turn the sides' places
	// in ids into their ranks.
	rank := d.sortIDs(ids)
	for i := range sides {
		sides[i] = [2]int{rank[sides[i][0]], rank[sides[i][1]]}
	}
	d.ids, d.sideRank = ids, sides
	return ids
}

// partOfSentence returns the sentence of agency id's PART_OF (usedAgency),
// 0 if none was noted.
func (d *doc) partOfSentence(id string) int {
	for _, u := range d.partOf {
		if u.id == id {
			return u.sent
		}
	}
	return 0
}

// sortIDs sorts ids and returns, for each id's place before sorting, its
// place after (valid until the next call: it reuses d.idRank).
//
// It sorts integers, not strings: each id's key packs its head (idHead)
// over its place. Heads order as their ids do when they differ; the ids
// whose heads tie (a country and its agencies: "malaysia",
// "malaysia-navy") are then compared.
func (d *doc) sortIDs(ids []string) []int {
	shift := uint(placeBits) // a key's head is above its place
	if len(ids) > 1<<placeBits {
		shift = 64 // more ids than any article relates: no room for heads, all tie
	}
	place := uint64(1)<<shift - 1
	keys := d.idKeys[:0]
	for i, id := range ids {
		keys = append(keys, idHead(id)<<shift|uint64(i))
	}
	slices.Sort(keys)
	for run := keys; len(run) > 1; {
		n := 1
		for n < len(run) && run[n]>>shift == run[0]>>shift {
			n++
		}
		if n > 1 {
			slices.SortFunc(run[:n], func(a, b uint64) int { return strings.Compare(ids[a&place], ids[b&place]) })
		}
		run = run[n:]
	}
	rank := resetSlice(d.idRank, len(ids))
	sorted := append(d.idSorted[:0], ids...)
	for k, key := range keys {
		i := int(key & place)
		rank[i] = k
		ids[k] = sorted[i]
	}
	d.idKeys, d.idRank, d.idSorted = keys, rank, sorted
	return rank
}

// placeBits is the width of an id's place in its sort key (sortIDs), and
// headBytes the bytes of its head above it.
const (
	placeBits = 16
	headBytes = (64 - placeBits) / 8
)

// idHead returns id's first headBytes bytes as a big-endian integer,
// zero-padded. Ids order as their heads do when those differ: a padding
// zero sorts a prefix first, as the shorter string.
func idHead(id string) uint64 {
	var b [8]byte
	copy(b[:headBytes], id)
	return binary.BigEndian.Uint64(b[:]) >> (64 - 8*headBytes)
}

// appendNew appends id to ids unless ids holds it, and returns its index.
func appendNew(ids []string, id string) ([]string, int) {
	if i := slices.Index(ids, id); i >= 0 {
		return ids, i
	}
	return append(ids, id), len(ids)
}

// relKeyBits is the width of each field of a relation's sort key.
const relKeyBits = 20

// relOrder returns the indices of d.relv in the order of the result: by
// type, from, to. Each relation's key packs its type's rank, its sides'
// ranks (d.sideRank, from entityIDs) and its index into one integer, so
// sorting compares no strings.
//
// The result is valid until the next call (it reuses d.relIdx and d.relKeys).
func (d *doc) relOrder() []int {
	order := d.relIdx[:0]
	for i := range d.relv {
		order = append(order, i)
	}
	d.relIdx = order
	if len(d.relv) >= 1<<relKeyBits { // more than any article states: compare the strings
		slices.SortFunc(order, func(i, j int) int { return compareRelations(&d.relv[i].Relation, &d.relv[j].Relation) })
		return order
	}
	keys := d.relKeys[:0]
	for i, k := range d.relIDs { // the type's rank is in the key findRel looks up
		s := d.sideRank[i]
		keys = append(keys, uint64(k.t)<<(3*relKeyBits)|uint64(s[0])<<(2*relKeyBits)|uint64(s[1])<<relKeyBits|uint64(i))
	}
	slices.Sort(keys)
	for k, key := range keys {
		order[k] = int(key & (1<<relKeyBits - 1))
	}
	d.relKeys = keys
	return order
}

// typeRank returns the place of t's name among the relationship types'
// names (TestTypeRank checks it against model.RelTypes): the order of the
// result. A switch compares t with constants, without calls.
func typeRank(t model.RelType) int {
	switch t {
	case model.AttacheOffice:
		return 0
	case model.DefenceCooperation:
		return 1
	case model.DefenceIndustry:
		return 2
	case model.Dialogue:
		return 3
	case model.Exchange:
		return 4
	case model.Exercise:
		return 5
	case model.Hotline:
		return 6
	case model.JointPatrol:
		return 7
	case model.MemberOf:
		return 8
	case model.Partnership:
		return 9
	case model.PartOf:
		return 10
	case model.Peacekeeping:
		return 11
	case model.Training:
		return 12
	}
	return -1
}

// compareRelations orders one article's relations by type, from, to.
func compareRelations(a, b *model.Relation) int {
	if c := strings.Compare(string(a.Type), string(b.Type)); c != 0 {
		return c
	}
	if c := strings.Compare(a.From, b.From); c != 0 {
		return c
	}
	return strings.Compare(a.To, b.To)
}

// appendAliases appends the surface forms of entity ent that the lexicon
// does not know (a group or a generic agency): its name and the phrases
// the article calls it by ("Thai navy", "neighbouring countries"), sorted,
// deduplicated; unnamed holds the indices of the mentions that may name it
// (appendUnnamed). Those of an actor the lexicon knows are precomputed in
// New (Extractor.aliases).
func (d *doc) appendAliases(dst []string, ent *model.Entity, unnamed []int) []string {
	n := len(dst)
	dst = append(dst, ent.Name)
	for _, mi := range unnamed {
		if m := &d.ments[mi]; m.ent == ent.ID {
			dst = append(dst, evidenceText(d.text[d.v.textAt(m.svs):d.v.textAt(m.ve)]))
		}
	}
	slices.Sort(dst[n:])
	return dst[:n+len(slices.Compact(dst[n:]))]
}

// appendUnnamed appends the indices of the mentions of entities the
// lexicon does not know (generic agencies and groups), so that
// appendAliases, called for each such entity, looks at them alone.
func (d *doc) appendUnnamed(dst []int) []int {
	for i := range d.ments {
		if m := &d.ments[i]; (m.kind == pGeneric || m.kind == pGroup) && m.ent != "" {
			dst = append(dst, i)
		}
	}
	return dst
}

// sentenceText is the evidence form of sentence si, made once per
// sentence.
func (d *doc) sentenceText(si int) string {
	if t := d.stext[si]; t != "" {
		return t
	}
	s := d.sents[si]
	t := evidenceText(d.text[s.start:s.end])
	d.stext[si] = t
	return t
}
