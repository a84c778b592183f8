package extract

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/extract/aho"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// What a phrase stands for. A folded phrase may stand for several things
// (e.g. "training" is a trigger and an area).
type payloadKind uint8

const (
	pActor        payloadKind = iota // an actor's name or alias
	pDemonym                         // an actor's demonym
	pCapital                         // an actor's capital city
	pGeneric                         // a generic agency
	pGroup                           // a group phrase
	pPair                            // a reference to the article's pair
	pPlace                           // a named place
	pTrigger                         // a relationship trigger
	pSuppress                        // hides triggers inside it
	pPlanned                         // planned-status cue
	pEstablished                     // established-status cue
	pMembership                      // MEMBER_OF cue
	pPeacekeeping                    // PEACEKEEPING cue
	pArea                            // DEFENCE_COOPERATION area
	pLevel                           // DIALOGUE/PARTNERSHIP level
	pHardware                        // military hardware
	pTransfer                        // transfer word
	pGive                            // giving word: a transfer with hardware close after it
)

// payload is one thing a phrase stands for.
//
// The small fields come first, together: 56 bytes, not 72 (find and the
// rules read many payloads, scattered in memory).
type payload struct {
	kind     payloadKind
	stem     bool          // may end inside a word
	weak     bool          // trigger needs both sides named
	numbered bool          // group phrase that needs a number before it
	optNum   bool          // group phrase that takes a number if there is one
	proper   bool          // the source must start with a capital (proper noun)
	index    int           // actor, generic or group index
	upper    int           // capitals the source must have (acronyms)
	rel      model.RelType // trigger type
	label    string        // area or level name
}

// matcher finds phrases of one automaton in a view: word-bounded,
// non-overlapping, longest first.
type matcher struct {
	ac   *aho.Automaton // long triggers may start inside a word, other phrases not
	flat []payload      // the payloads of all patterns (patInfo)
	info []patInfo      // by pattern index
}

// patInfo is what find needs to know of a pattern at a hit, in 16 bytes:
// find reads the table at random, and with 24-byte entries it missed the
// cache a tenth more often. The pattern's payloads are flat[lo:mid]
// (actors etc.) and flat[mid:hi] (triggers and cues). Most hits keep all
// or none of a class of their payloads, which plan tells without reading
// them: nibble c of it is the holds set of a hit with conditions c (see
// allows). An acronym's capitals are counted at each hit: its plan says
// holdEach for its payloads. pick is the one of flat[lo:mid] a hit stands
// for when they all hold (see pick). cueKinds is the kind set of
// flat[mid:hi] (cueKinds), which a hit holding them all carries: the
// rules test kinds, and reading the payloads for them was a cache miss
// per cue.
type patInfo struct {
	lo, mid, hi, pick uint16 // flat has fewer than 1<<16 payloads (flatten)
	plan              uint32
	capital           bool // a payload wants a capital first letter (condCapital)
	inWord            bool // may start inside a word (aho.Bounds.InWord): only then is condStart checked
	cueKinds          cueKindSet
}

// What of a pattern's payloads hold at a hit (patInfo.plan).
const (
	holdPick     uint8 = 1 << iota // its actors etc. all hold: the hit stands for flat[pick]
	holdEachEnt                    // some may: pickHeld looks at each
	holdCues                       // its triggers and cues all hold
	holdEachCue                    // some may: holdEach looks at each
	holdEachBoth = holdEachEnt | holdEachCue
	holdBits     = 4 // a plan's bits per condition set
	holdBitsMask = 1<<holdBits - 1
)

// holds returns what of the pattern's payloads hold at a hit with
// conditions c.
func (in *patInfo) holds(c uint8) uint8 { return uint8(in.plan>>(holdBits*c)) & holdBitsMask }

// cueKindSet is kindSet of triggers and cues, shifted to fit 16 bits.
type cueKindSet uint16

// cueKinds returns the kind set of ps, triggers and cues.
func cueKinds(ps []payload) cueKindSet { return cueKindSet(kindSet(ps) >> pTrigger) }

// set returns k as a kindSet.
func (k cueKindSet) set() uint64 { return uint64(k) << pTrigger }

// Conditions at a hit that decide which payloads hold (see allows).
const (
	condStart   uint8 = 1 << iota // the phrase starts a word
	condInWord                    // it ends inside a word
	condCapital                   // its source starts with a capital or a digit
	nConds      = 1 << iota
)

type matcherBuilder struct {
	index    map[string]int
	patterns []string
	payloads [][]payload
}

func newMatcherBuilder() *matcherBuilder {
	return &matcherBuilder{index: map[string]int{}}
}

// add registers phrase for p. A trailing '*' makes it a stem.
func (b *matcherBuilder) add(phrase string, p payload) {
	phrase = strings.TrimSpace(phrase)
	if strings.HasSuffix(phrase, "*") {
		phrase = strings.TrimSpace(strings.TrimSuffix(phrase, "*"))
		p.stem = true
	}
	if phrase == "" {
		return
	}
	key := lexicon.Fold(phrase)
	i, ok := b.index[key]
	if !ok {
		i = len(b.patterns)
		b.index[key] = i
		b.patterns = append(b.patterns, key)
		b.payloads = append(b.payloads, nil)
	}
	b.payloads[i] = append(b.payloads[i], p)
}

func (b *matcherBuilder) build() matcher {
	// A longer phrase hides the stems it starts with ("peacekeeping" the
	// area hides "peacekeep*" the trigger): give it their payloads too.
	for i, pat := range b.patterns {
		for j, pre := range b.patterns {
			// a longer cue hides the status cue it starts with ("decided to
			// participate" holds "decided to")
			if i == j || len(pre) >= len(pat) || !strings.HasPrefix(pat, pre+" ") || hasKind(b.payloads[i], pSuppress) {
				continue
			}
			for _, p := range b.payloads[j] {
				if (p.kind == pPlanned || p.kind == pEstablished) && !hasPayload(b.payloads[i], p) {
					b.payloads[i] = append(b.payloads[i], p)
				}
			}
		}
		suppress := hasKind(b.payloads[i], pSuppress)
		for j, stem := range b.patterns {
			if i == j || len(stem) >= len(pat) || !strings.HasPrefix(pat, stem) || strings.ContainsAny(pat[len(stem):], " -") {
				continue
			}
			for _, p := range b.payloads[j] {
				// a suppress phrase hides the triggers it holds, not what
				// else it is ("patrol vessels": no patrol, but hardware)
				if p.stem && !(suppress && p.kind == pTrigger) && !hasPayload(b.payloads[i], p) {
					b.payloads[i] = append(b.payloads[i], p)
				}
			}
		}
	}
	// The automaton reports every phrase ending at every position in one
	// pass over the text (linear in the text plus the matches), but those
	// starting inside a word, of phrases that may not; find then keeps the
	// longest word-bounded ones.
	anyStart := make([]bool, len(b.patterns))
	for i, pat := range b.patterns {
		for _, p := range b.payloads[i] {
			if p.kind == pTrigger && len(pat) >= 7 {
				anyStart[i] = true // "UNpeacekeeping", "defencecooperation"
			}
		}
	}
	m := matcher{ac: aho.CompileBounded(b.patterns, aho.Bounds{Word: &foldedWordBytes, InWord: anyStart})}
	m.flat, m.info = flatten(b.payloads, anyStart)
	return m
}

// flatten lays out the payloads of each pattern, actors etc. first, and
// says what find needs to know of them and of the pattern (patInfo):
// inWord tells the patterns that may start inside a word.
func flatten(payloads [][]payload, inWord []bool) (flat []payload, info []patInfo) {
	info = make([]patInfo, len(payloads))
	for i, ps := range payloads {
		in := &info[i]
		in.inWord = inWord[i]
		in.lo = flatIndex(len(flat))
		for _, p := range ps {
			if !p.isCue() {
				flat = append(flat, p)
			}
		}
		in.mid = flatIndex(len(flat))
		in.pick = in.lo + uint16(pick(flat[in.lo:in.mid]))
		for _, p := range ps {
			if p.isCue() {
				flat = append(flat, p)
			}
		}
		in.hi = flatIndex(len(flat))
		in.cueKinds = cueKinds(flat[in.mid:in.hi])
		acronym := false
		for _, p := range ps {
			in.capital = in.capital || p.proper
			acronym = acronym || p.upper > 0
		}
		in.plan = plan(flat[in.lo:in.mid], flat[in.mid:in.hi], acronym)
	}
	return flat, info
}

// flatIndex returns i, an index or length of flatten's payloads, as a
// patInfo holds it.
func flatIndex(i int) uint16 {
	if i > math.MaxUint16 {
		panic("extract: more phrase payloads than a patInfo can index")
	}
	return uint16(i)
}

// plan returns patInfo.plan of a pattern with payloads ents (actors etc.)
// and cues.
func plan(ents, cues []payload, acronym bool) uint32 {
	var w uint32
	for c := range uint8(nConds) {
		h := holdOf(ents, c, acronym, holdPick, holdEachEnt) | holdOf(cues, c, acronym, holdCues, holdEachCue)
		w |= uint32(h) << (holdBits * c)
	}
	return w
}

// holdOf returns all if all of ps hold at conditions c, each if some may,
// 0 if none does.
func holdOf(ps []payload, c uint8, acronym bool, all, each uint8) uint8 {
	n := 0
	for _, p := range ps {
		if p.allows(c) {
			n++
		}
	}
	switch {
	case n == 0:
		return 0 // an acronym's capitals only rule out more
	case acronym || n < len(ps):
		return each
	}
	return all
}

// acronymUppers counts the capitals an alias needs in the source: an alias
// with a word of 2-5 letters in capitals ("US", "the UN", "RoK", "ADMM+")
// matches only where the source has as many capitals.
func acronymUppers(alias string) int {
	n := 0
	words := strings.FieldsFunc(alias, func(r rune) bool { return r == ' ' })
	acr := false
	for _, w := range words {
		letters, ups := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					ups++
				}
			}
		}
		if letters >= 2 && letters <= 5 && ups >= 2 {
			acr = true
		}
	}
	if !acr {
		return 0
	}
	for _, r := range alias {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// hit is one phrase found: its view range and payloads.
//
// It is small (the hits of an article are sorted): the payloads are
// flat[p0:p1] of the matcher when static, else pool[p0:p1] of the pool
// find returns (see payloadsOf). A hit of actors etc. holds one payload:
// the one it stands for (pick), chosen where find has the pattern's
// payloads at hand.
type hit struct {
	vs, ve int32
	end    int32 // where the phrase itself ends: before ve for a stem run on to the end of its word
	p0, p1 int32
	static bool
	kinds  cueKindSet // of a cue hit's payloads (cue.kinds)
}

// payloadsOf returns the payloads of h, a hit of m's with pool.
func (m *matcher) payloadsOf(h *hit, pool []payload) []payload {
	if h.static {
		return m.flat[h.p0:h.p1:h.p1]
	}
	return pool[h.p0:h.p1:h.p1]
}

// isCue reports the class of a payload: triggers and cues, as opposed to
// actors, groups, pair references and places. Each class has its own
// longest-match resolution, so "United Nations peacekeeping" yields the UN
// and the trigger.
func (p payload) isCue() bool { return p.kind >= pTrigger }

// find returns the hits of m in v in text order, for each class (actors
// etc., then triggers and cues): the longest among overlapping hits, each
// checked for word boundaries. text is the original, used to check
// capitals.
//
// The hits are put in ec and cc, the payloads that are not m's as they
// are appended to pool (the caller's buffers, returned grown); see
// payloadsOf.
//
// fs holds find's buffers between calls; nil allocates them.
func (m *matcher) find(v *view, text string, ec, cc []hit, pool []payload, fs *findScratch) (ents, cues []hit, payloads []payload) {
	if fs == nil {
		fs = new(findScratch)
	}
	ms := m.ac.AppendByStart(fs.matches[:0], v.b, &fs.ac)
	fs.matches = ms
	// a hit of each class per match at most: the loop fills them by index
	ec = slices.Grow(ec[:0], len(ms))[:len(ms)]
	cc = slices.Grow(cc[:0], len(ms))[:len(ms)]
	ne, nc := 0, 0
	for i := range ms {
		s, e := int(ms[i].Start), int(ms[i].End)
		in := &m.info[ms[i].Pattern]
		c := wordConditions(v.b, s, e, in.inWord)
		if in.capital && capitalFirst(text[v.textAt(s):]) { // only if a payload wants to know: one offset, as the first rune tells
			c |= condCapital
		}
		w := in.holds(c)
		e0, e1 := int32(in.pick), int32(in.pick)+int32(w&holdPick)
		c0, c1 := int32(in.mid), int32(in.mid)
		if w&holdCues != 0 {
			c1 = int32(in.hi)
		}
		static, kinds := true, in.cueKinds
		if w&holdEachBoth != 0 { // rare: acronyms, a class of payloads of which some hold
			if w&holdEachEnt != 0 {
				e0, e1 = m.pickHeld(int32(in.lo), int32(in.mid), c, v, text, s, e)
			}
			if w&holdEachCue != 0 {
				c0, c1, kinds = m.holdEach(int32(in.mid), int32(in.hi), c, v, text, s, e, &pool)
				static = false
			}
		}
		if e1 == e0 && c1 == c0 {
			continue
		}
		ve := e
		if c&condInWord != 0 { // a stem: the hit runs to the end of its word
			ve = wordEnd(v.b, e)
		}
		if e1 > e0 {
			h := &ec[ne]
			h.vs, h.ve, h.end, h.p0, h.p1, h.static, h.kinds = int32(s), int32(ve), int32(e), e0, e1, true, 0
			if ne > 0 && cmpHits(h, &ec[ne-1]) < 0 {
				sinkLast(ec[:ne+1])
			}
			ne++
		}
		if c1 > c0 {
			h := &cc[nc]
			h.vs, h.ve, h.end, h.p0, h.p1, h.static, h.kinds = int32(s), int32(ve), int32(e), c0, c1, static, kinds
			if nc > 0 && cmpHits(h, &cc[nc-1]) < 0 {
				sinkLast(cc[:nc+1])
			}
			nc++
		}
	}
	return longest(ec[:ne]), longest(cc[:nc]), pool
}

// wordEnd returns the end of the word b[i] is in, i if b[i] is no word
// byte.
func wordEnd(b []byte, i int) int {
	for i < len(b) && foldedWordBytes[b[i]] {
		i++
	}
	return i
}

// sinkLast moves the last of hs, which are in compareHits order but for
// it, to its place. The matches come in order of start, the longest
// first, so a hit's place is before the last only where a stem run on to
// its word's end makes it as long as a longer phrase (compareHits): a few
// hits an article.
func sinkLast(hs []hit) {
	j := len(hs) - 1
	x := hs[j]
	for ; j > 0 && cmpHits(&x, &hs[j-1]) < 0; j-- {
		hs[j] = hs[j-1]
	}
	hs[j] = x
}

// wordConditions returns the conditions condStart and condInWord of a hit
// at s to e in the folded bytes b (see allows), of a pattern that may
// start inside a word if inWord: the automaton reports the others only
// at a word's start.
func wordConditions(b []byte, s, e int, inWord bool) uint8 {
	var c uint8
	if !inWord || s == 0 || !foldedWordBytes[b[s-1]] {
		c |= condStart
	}
	if e < len(b) && foldedWordBytes[b[e]] {
		c |= condInWord
	}
	return c
}

// capitalFirst reports whether s starts with a capital or a digit. It is
// inlined (find calls it for many hits), the rare other runes are not.
func capitalFirst(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return capitalOrDigit[s[0]]
	}
	return upperFirst(s)
}

// capitalOrDigit tells the ASCII capitals and digits.
var capitalOrDigit = func() (t [utf8.RuneSelf]bool) {
	for c := range byte(utf8.RuneSelf) {
		t[c] = 'A' <= c && c <= 'Z' || isDigit(rune(c))
	}
	return t
}()

// upperFirst reports whether s starts with a capital.
func upperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// holdEach appends to pool those of the payloads flat[lo:hi] that hold
// at s to e with conditions c, and returns their range in it and their
// kinds.
func (m *matcher) holdEach(lo, hi int32, c uint8, v *view, text string, s, e int, pool *[]payload) (p0, p1 int32, kinds cueKindSet) {
	p0 = int32(len(*pool))
	for _, p := range m.flat[lo:hi] {
		if p.allows(c) && (p.upper == 0 || countUpper(text[v.textAt(s):v.textAt(e)]) >= p.upper) {
			*pool = append(*pool, p)
		}
	}
	p1 = int32(len(*pool))
	return p0, p1, cueKinds((*pool)[p0:p1])
}

// pickHeld returns the range in flat of the one of the payloads
// flat[lo:hi] that hold at s to e with conditions c that the hit stands
// for (see pick): empty if none holds.
func (m *matcher) pickHeld(lo, hi int32, c uint8, v *view, text string, s, e int) (p0, p1 int32) {
	best := int32(-1)
	for i := lo; i < hi; i++ {
		p := &m.flat[i]
		if p.allows(c) && (p.upper == 0 || countUpper(text[v.textAt(s):v.textAt(e)]) >= p.upper) && (best < 0 || p.kind < m.flat[best].kind) {
			best = i
		}
	}
	if best < 0 {
		return 0, 0
	}
	return best, best + 1
}

// pick returns the index in ps of what a phrase of actors etc. stands for:
// a name before a demonym before a capital before a generic agency, group,
// pair reference or place; the first of a kind. ps must not be empty.
func pick(ps []payload) int {
	best := 0
	for i, p := range ps {
		if p.kind < ps[best].kind {
			best = i
		}
	}
	return best
}

// foldedWordBytes is lexicon.IsWordByte as a table.
var foldedWordBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = lexicon.IsWordByte(byte(c))
	}
	return t
}()

// allows reports whether p's conditions hold at a hit with conditions c:
// stems may end inside a word, only triggers may start inside one (the
// automaton lets only long ones), proper nouns need a capital first
// letter. (Acronyms' capitals are counted apart.)
func (p payload) allows(c uint8) bool {
	if c&condInWord != 0 && !p.stem || c&condStart == 0 && p.kind != pTrigger {
		return false
	}
	return !p.proper || c&condCapital != 0
}

// compareHits orders hits by start, the longest first, and among stems
// run on to the same word end the shortest phrase first. The keys are
// unique, so the order is total: any sort gives the same result.
func compareHits(a, b hit) int { return cmpHits(&a, &b) }

// cmpHits is compareHits of hits in place: a hit is too large to copy
// cheaply.
func cmpHits(a, b *hit) int {
	if a.vs != b.vs {
		return int(a.vs - b.vs)
	}
	if a.ve != b.ve {
		return int(b.ve - a.ve)
	}
	return int(a.end - b.end)
}

// findScratch is find's working memory, kept between calls.
type findScratch struct {
	matches []aho.Match // the automaton's
	ac      aho.Scratch
}

// longest keeps, among overlapping hits sorted in compareHits order, the
// leftmost longest ones.
func longest(cands []hit) []hit {
	n := 0 // cands[:n] are kept
	last := int32(-1)
	for i := 0; i < len(cands); i++ {
		c := &cands[i]
		if c.vs < last {
			continue
		}
		// a longer hit starting inside this one wins
		bvs, bve := c.vs, c.ve // the best so far
		for j := i + 1; j < len(cands) && cands[j].vs < bve; j++ {
			if d := &cands[j]; d.ve-d.vs > bve-bvs && d.ve > bve {
				bvs, bve = d.vs, d.ve
			}
		}
		if bvs != c.vs {
			continue // dropped in favour of a later, longer overlapping hit
		}
		last = c.ve
		if n != i { // a copy onto itself would wait for its own stores
			cands[n] = *c
		}
		n++
	}
	return cands[:n]
}

func countUpper(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func hasPayload(ps []payload, p payload) bool {
	for _, q := range ps {
		if q.kind == p.kind && q.rel == p.rel && q.index == p.index && q.label == p.label {
			return true
		}
	}
	return false
}

func hasKind(ps []payload, k payloadKind) bool {
	for _, p := range ps {
		if p.kind == k {
			return true
		}
	}
	return false
}
