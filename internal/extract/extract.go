// Package extract turns one article into the actors it names and the typed
// defence relationships it states, with status, since-date and verbatim
// evidence (shared/spec/relations.md).
//
// It works in one pass over a folded view of the text with one
// Aho-Corasick automaton built once in New, holding two classes of phrases
// — actors, groups and references to the article's pair; triggers and
// cues — each resolved to its own longest non-overlapping matches, so time
// is linear in the text. The rules are general: who is named in a sentence,
// how ("between X and Y", "X-Y", "with X", lists, the two countries), and
// which trigger and cues stand there; knowledge lives in the lexicon.
package extract

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// Extractor extracts relations with one lexicon. It is immutable after New
// and safe for concurrent use.
type Extractor struct {
	lex     *lexicon.Lexicon
	phrases matcher // actors, generics, groups, pair references, places; triggers and cues

	locative    map[string]bool     // one- or two-word phrases before a place
	destination map[string]bool     // locatives that make a visit's destination
	locEnds     wordFilter          // the last words of the locatives
	kindAgency  map[[2]string]int   // (country, kind) -> named agency index
	aliases     map[string][]string // actor id -> its name, aliases and demonyms, sorted, deduplicated
	aliasesAt   [][]string          // the same by actor index, for the mentions (no hashing of ids)
	actorIndex  map[string]int      // actor id -> index in lex.Actors
	countsFor   []int32             // actor index -> the country its mentions count for in salience (actorIndex), -1 if none
	groupIDs    []string            // group index -> entity id ("group-neighbouring-countries")

	docs sync.Pool // *doc: buffers of finished extractions, reused
}

// New compiles the lexicon's phrases into one matcher.
func New(lex *lexicon.Lexicon) *Extractor {
	e := &Extractor{lex: lex, locative: map[string]bool{}, destination: map[string]bool{}, kindAgency: map[[2]string]int{},
		aliases: make(map[string][]string, len(lex.Actors)), actorIndex: make(map[string]int, len(lex.Actors))}
	eb := newMatcherBuilder()
	for i, a := range lex.Actors {
		e.aliases[a.ID] = actorAliases(a)
		e.aliasesAt = append(e.aliasesAt, e.aliases[a.ID])
		e.actorIndex[a.ID] = i
		names := append([]string{a.Name}, a.Aliases...)
		for _, n := range names {
			eb.add(n, payload{kind: pActor, index: i, upper: acronymUppers(n), proper: startsUpper(n)})
		}
		for _, n := range a.Demonyms {
			eb.add(n, payload{kind: pDemonym, index: i, upper: acronymUppers(n), proper: startsUpper(n)})
		}
		for _, n := range a.Capitals {
			eb.add(n, payload{kind: pCapital, index: i, proper: startsUpper(n)})
		}
		if a.Label == model.Agency && a.Kind != "" {
			e.kindAgency[[2]string{a.Country, a.Kind}] = i
		}
	}
	e.countsFor = countriesCounted(lex, e.actorIndex)
	for i, g := range lex.Generics {
		for _, p := range g.Phrases {
			eb.add(p, payload{kind: pGeneric, index: i})
		}
	}
	for i, g := range lex.Groups {
		e.groupIDs = append(e.groupIDs, "group-"+lexicon.Slug(g.Name))
		plain := map[string]bool{}
		for _, p := range g.Phrases {
			if !strings.Contains(p, "#") {
				plain[lexicon.Fold(p)] = true
			}
		}
		for _, p := range g.Phrases {
			if strings.HasPrefix(p, "# ") {
				rest := strings.TrimPrefix(p, "# ")
				eb.add(rest, payload{kind: pGroup, index: i, numbered: !plain[lexicon.Fold(rest)], optNum: true})
			} else if strings.HasPrefix(p, "more than # ") {
				continue // "more than" is read by the number parser
			} else {
				eb.add(p, payload{kind: pGroup, index: i, optNum: true})
			}
		}
	}
	for _, p := range lex.PairRefs {
		eb.add(p, payload{kind: pPair})
	}
	for i, pl := range lex.Places {
		for _, a := range append([]string{pl.Name}, pl.Aliases...) {
			eb.add(a, payload{kind: pPlace, index: i})
		}
	}
	cb := eb // one automaton, one pass: phrases of both classes go in it
	weak := map[string]bool{}
	for _, w := range lex.Weak {
		weak[lexicon.Fold(w)] = true
	}
	for _, t := range model.RelTypes {
		for _, p := range lex.Triggers[t] {
			cb.add(p, payload{kind: pTrigger, rel: t, weak: weak[lexicon.Fold(p)]})
		}
	}
	// Cue lists, in a fixed order: a pattern's index breaks ties between
	// equally long matches.
	for _, cues := range []struct {
		phrases []string
		kind    payloadKind
	}{
		{lex.Suppress, pSuppress},
		{lex.Planned, pPlanned},
		{lex.Established, pEstablished},
		{lex.Membership, pMembership},
		{lex.PeacekeepingCues, pPeacekeeping},
		{lex.Hardware, pHardware},
		{lex.Transfer, pTransfer},
		{lex.Give, pGive},
	} {
		for _, p := range cues.phrases {
			cb.add(p, payload{kind: cues.kind})
		}
	}
	for area, ps := range lex.Areas {
		for _, p := range ps {
			cb.add(p, payload{kind: pArea, label: area})
		}
	}
	for level, ps := range lex.Levels {
		for _, p := range ps {
			cb.add(p, payload{kind: pLevel, label: level})
		}
	}
	e.phrases = cb.build()
	for _, l := range lex.Locatives {
		f := lexicon.Fold(l)
		e.locative[f] = true
		e.locEnds.add(f[strings.LastIndexByte(f, ' ')+1:])
		switch f {
		case "to", "visit to", "trip to", "tour of", "arrived in", "into", "toward", "towards":
			e.destination[f] = true
		}
	}
	return e
}

// actorAliases are the surface forms of an actor for search indexes and
// alias matching: its canonical name, aliases and demonyms ("Viet Nam",
// "Vietnamese"), sorted and deduplicated. Capitals are left out: "Hanoi"
// names the country only as a metonym.
func actorAliases(a lexicon.Actor) []string {
	out := make([]string, 0, 1+len(a.Aliases)+len(a.Demonyms))
	out = append(out, a.Name)
	out = append(out, a.Aliases...)
	out = append(out, a.Demonyms...)
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

// countriesCounted returns, by actor index, the country a mention of the
// actor counts for in salience, as its index (the one index gives for its
// id): a country counts for itself, an agency for its country; -1 for
// others, and for an agency whose country the lexicon does not have as
// one.
func countriesCounted(lex *lexicon.Lexicon, index map[string]int) []int32 {
	cs := make([]int32, len(lex.Actors))
	for i, a := range lex.Actors {
		cs[i] = -1
		switch {
		case a.Label == model.Country:
			cs[i] = int32(index[a.ID])
		case a.Label == model.Agency && a.Country != a.ID:
			if j, ok := index[a.Country]; ok && lex.Actors[j].Label == model.Country {
				cs[i] = int32(j)
			}
		}
	}
	return cs
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// Extract returns what article a states: its ref, the entities its
// relations use (with PART_OF targets) and the relations, one per (from,
// type, to), canonical, in a stable order.
func (e *Extractor) Extract(a model.Article) model.Extraction {
	d := e.getDoc(a)
	defer e.putDoc(d)
	d.mentions()
	d.salience()
	d.resolveGenerics()
	for si := range d.sents {
		d.sentenceRelations(si)
	}
	return d.result()
}

// atoi parses a count: digits or a small number word.
func atoi(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s != "" && isDigit(rune(s[0])) {
		if n, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err == nil {
			return n, true
		}
		return 0, false
	}
	n, ok := numberWords[s]
	return n, ok
}

var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
