// Package eval scores an extraction against gold annotations the way
// shared/spec/relations.md defines: precision, recall and F1 over
// (article, from, type, to) triples after projecting every endpoint to its
// Country / Organization / Forum (agencies and people to their country,
// groups ignored), symmetric types as unordered pairs; pair-level F1 with
// the type ignored; and status accuracy on matched triples.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// GoldRelation is one annotated relation, endpoints in canonical names.
type GoldRelation struct {
	Type     model.RelType `json:"type"`
	From     string        `json:"from"`
	To       string        `json:"to"`
	Status   model.Status  `json:"status"`
	Evidence string        `json:"evidence,omitempty"`
}

// Gold is the annotation of a corpus: relations by article id. An article
// with no relations is present with an empty list.
type Gold map[string][]GoldRelation

// ReadGold reads a gold.jsonl file: one {"article", "relations"} per line.
// Errors are *model.Error (EInvalid) naming the file and line.
func ReadGold(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, model.Wrap(model.EInvalid, err, "gold %s", path)
	}
	g := Gold{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var row struct {
			Article   string         `json:"article"`
			Relations []GoldRelation `json:"relations"`
		}
		if err := json.Unmarshal(b, &row); err != nil {
			return nil, model.Wrap(model.EInvalid, err, "gold %s:%d", path, line)
		}
		if row.Article == "" {
			return nil, model.Errorf(model.EInvalid, "gold %s:%d: missing article id", path, line)
		}
		for i, r := range row.Relations {
			if !r.Type.Valid() {
				return nil, model.Errorf(model.EInvalid, "gold %s:%d: relation %d: unknown type %q", path, line, i+1, r.Type)
			}
			if r.Status != model.Established && r.Status != model.Planned {
				return nil, model.Errorf(model.EInvalid, "gold %s:%d: relation %d: status %q is not established or planned", path, line, i+1, r.Status)
			}
		}
		g[row.Article] = append(g[row.Article], row.Relations...)
	}
	if err := sc.Err(); err != nil {
		return nil, model.Wrap(model.EInvalid, err, "gold %s", path)
	}
	return g, nil
}

// Aliases maps a gold canonical name to the surface forms it covers.
type Aliases map[string][]string

// ReadAliases reads an aliases.json file.
func ReadAliases(path string) (Aliases, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, model.Wrap(model.EInvalid, err, "aliases %s", path)
	}
	var a Aliases
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, model.Wrap(model.EInvalid, err, "aliases %s", path)
	}
	return a, nil
}

// Namer maps extraction entities to the gold's canonical names.
type Namer struct {
	byID map[string]string // lexicon actor id -> gold name
	fold map[string]string // folded surface form -> gold name
}

// NewNamer builds the mapping: an actor takes the gold name whose own name
// or alias equals its name, one of its aliases or demonyms; otherwise its
// own canonical name. lex may be nil (entity names are used as they are).
func NewNamer(aliases Aliases, lex *lexicon.Lexicon) Namer {
	n := Namer{byID: map[string]string{}, fold: map[string]string{}}
	canon := make([]string, 0, len(aliases))
	for c := range aliases {
		canon = append(canon, c)
	}
	sort.Strings(canon)
	for _, c := range canon {
		n.fold[lexicon.Fold(c)] = c
	}
	for _, c := range canon {
		for _, a := range aliases[c] {
			if _, ok := n.fold[lexicon.Fold(a)]; !ok {
				n.fold[lexicon.Fold(a)] = c
			}
		}
	}
	if lex != nil {
		for _, a := range lex.Actors {
			forms := append(append([]string{a.Name}, a.Aliases...), a.Demonyms...)
			for _, f := range forms {
				if c, ok := n.fold[lexicon.Fold(f)]; ok {
					n.byID[a.ID] = c
					break
				}
			}
		}
	}
	return n
}

// Name returns the gold name for an actor entity.
func (n Namer) Name(e model.Entity) string {
	if c, ok := n.byID[e.ID]; ok {
		return c
	}
	if c, ok := n.fold[lexicon.Fold(e.Name)]; ok {
		return c
	}
	return e.Name
}

// Triple is a scored unit: symmetric types have From <= To.
type Triple struct {
	Article string        `json:"article"`
	From    string        `json:"from"`
	Type    model.RelType `json:"type"`
	To      string        `json:"to"`
}

func (t Triple) pair() [3]string {
	a, b := t.From, t.To
	if b < a {
		a, b = b, a
	}
	return [3]string{t.Article, a, b}
}

func canonical(t Triple) Triple {
	if t.Type.Symmetric() && t.To < t.From {
		t.From, t.To = t.To, t.From
	}
	return t
}

// Counts are the confusion counts of one row.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Precision, Recall and F1 are 0 when undefined.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Item is a triple with its status and sentence, for --verbose listings.
type Item struct {
	Triple
	Status   model.Status `json:"status"`
	Sentence string       `json:"sentence,omitempty"`
}

// Report is the outcome of scoring.
type Report struct {
	Articles       int                      `json:"articles"`                 // articles judged: extracted and in the gold
	Unjudged       []string                 `json:"unjudged,omitempty"`       // extracted articles absent from the gold
	NotGiven       int                      `json:"gold_not_given,omitempty"` // gold articles that were not extracted
	ByType         map[model.RelType]Counts `json:"by_type"`
	Overall        Counts                   `json:"overall"`
	Pairs          Counts                   `json:"pairs"`
	StatusMatched  int                      `json:"status_matched"`
	StatusCorrect  int                      `json:"status_correct"`
	Misses         []Item                   `json:"misses,omitempty"`
	FalsePositives []Item                   `json:"false_positives,omitempty"`
	StatusErrors   []Item                   `json:"status_errors,omitempty"`
}

// StatusAccuracy is the share of matched triples whose status agrees.
func (r Report) StatusAccuracy() float64 { return ratio(r.StatusCorrect, r.StatusMatched) }

// Score compares x with gold on the articles both hold (x.Articles; an
// extracted article without relations counts, its gold relations are
// misses). Extracted articles absent from the gold are listed in Unjudged,
// gold articles not extracted are counted in NotGiven. PART_OF is
// structural and not scored.
func Score(x model.Extraction, gold Gold, names Namer) Report {
	given := map[string]bool{}
	for _, a := range x.Articles {
		given[a.ID] = true
	}
	for _, r := range x.Relations {
		given[r.Article] = true
	}
	judged := Gold{}
	notGiven := 0
	for art, rels := range gold {
		if given[art] {
			judged[art] = rels
		} else {
			notGiven++
		}
	}
	gold = judged
	ents := make(map[string]model.Entity, len(x.Entities))
	for _, e := range x.Entities {
		ents[e.ID] = e
	}
	project := func(id string) (string, bool) {
		e, ok := ents[id]
		if !ok {
			return "", false
		}
		switch e.Label {
		case model.Group:
			return "", false
		case model.Agency, model.Person:
			if e.Country == "" {
				return "", false
			}
			c, ok := ents[e.Country]
			if !ok {
				c = model.Entity{ID: e.Country, Name: e.Country, Label: model.Country}
			}
			return names.Name(c), true
		}
		return names.Name(e), true
	}

	pred := map[Triple]Item{}
	unjudged := map[string]bool{}
	for _, r := range x.Relations {
		if r.Type == model.PartOf {
			continue
		}
		if _, ok := gold[r.Article]; !ok {
			unjudged[r.Article] = true
			continue
		}
		f, ok1 := project(r.From)
		t, ok2 := project(r.To)
		if !ok1 || !ok2 || f == t {
			continue
		}
		tr := canonical(Triple{Article: r.Article, From: f, Type: r.Type, To: t})
		it, seen := pred[tr]
		if !seen {
			it = Item{Triple: tr, Status: r.Status, Sentence: r.Sentence}
		} else if r.Status == model.Established {
			it.Status = model.Established
		}
		pred[tr] = it
	}
	want := map[Triple]Item{}
	for art, rels := range gold {
		for _, r := range rels {
			if r.Type == model.PartOf {
				continue
			}
			tr := canonical(Triple{Article: art, From: r.From, Type: r.Type, To: r.To})
			it, seen := want[tr]
			if !seen {
				it = Item{Triple: tr, Status: r.Status, Sentence: r.Evidence}
			} else if r.Status == model.Established {
				it.Status = model.Established
			}
			want[tr] = it
		}
	}

	rep := Report{Articles: len(gold), NotGiven: notGiven, ByType: map[model.RelType]Counts{}}
	for a := range given {
		if _, ok := gold[a]; !ok {
			unjudged[a] = true
		}
	}
	for tr, p := range pred {
		c := rep.ByType[tr.Type]
		if g, ok := want[tr]; ok {
			c.TP++
			rep.StatusMatched++
			if g.Status == p.Status {
				rep.StatusCorrect++
			} else {
				rep.StatusErrors = append(rep.StatusErrors, p)
			}
		} else {
			c.FP++
			rep.FalsePositives = append(rep.FalsePositives, p)
		}
		rep.ByType[tr.Type] = c
	}
	for tr, g := range want {
		if _, ok := pred[tr]; !ok {
			c := rep.ByType[tr.Type]
			c.FN++
			rep.ByType[tr.Type] = c
			rep.Misses = append(rep.Misses, g)
		}
	}
	for _, c := range rep.ByType {
		rep.Overall.TP += c.TP
		rep.Overall.FP += c.FP
		rep.Overall.FN += c.FN
	}
	pp, wp := map[[3]string]bool{}, map[[3]string]bool{}
	for tr := range pred {
		pp[tr.pair()] = true
	}
	for tr := range want {
		wp[tr.pair()] = true
	}
	for p := range pp {
		if wp[p] {
			rep.Pairs.TP++
		} else {
			rep.Pairs.FP++
		}
	}
	for p := range wp {
		if !pp[p] {
			rep.Pairs.FN++
		}
	}
	for a := range unjudged {
		rep.Unjudged = append(rep.Unjudged, a)
	}
	sort.Strings(rep.Unjudged)
	for _, l := range [][]Item{rep.Misses, rep.FalsePositives, rep.StatusErrors} {
		sortItems(l)
	}
	return rep
}

func sortItems(l []Item) {
	sort.Slice(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
}

// WriteTable renders r as a plain-text table; verbose adds the misses,
// false positives and status errors with their sentences.
func (r Report) WriteTable(verbose bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %5s %5s %5s %7s %7s %7s\n", "type", "tp", "fp", "fn", "P", "R", "F1")
	for _, t := range model.RelTypes {
		c, ok := r.ByType[t]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "%-20s %5d %5d %5d %7.3f %7.3f %7.3f\n", t, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	c := r.Overall
	fmt.Fprintf(&b, "%-20s %5d %5d %5d %7.3f %7.3f %7.3f\n", "overall (triples)", c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	c = r.Pairs
	fmt.Fprintf(&b, "%-20s %5d %5d %5d %7.3f %7.3f %7.3f\n", "pairs (type ignored)", c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	fmt.Fprintf(&b, "status accuracy: %.3f (%d/%d matched triples); articles judged: %d\n", r.StatusAccuracy(), r.StatusCorrect, r.StatusMatched, r.Articles)
	if len(r.Unjudged) > 0 {
		fmt.Fprintf(&b, "not in gold (ignored): %s\n", strings.Join(r.Unjudged, ", "))
	}
	if r.NotGiven > 0 {
		fmt.Fprintf(&b, "gold articles not given (ignored): %d\n", r.NotGiven)
	}
	if verbose {
		list := func(title string, items []Item) {
			fmt.Fprintf(&b, "\n%s (%d):\n", title, len(items))
			for _, it := range items {
				arrow := "-"
				if it.Type.Symmetric() {
					arrow = "<-"
				}
				fmt.Fprintf(&b, "  %s  %s %s%s-> %s [%s]\n", it.Article, it.From, arrow, it.Type, it.To, it.Status)
				if it.Sentence != "" {
					fmt.Fprintf(&b, "      %q\n", it.Sentence)
				}
			}
		}
		list("misses", r.Misses)
		list("false positives", r.FalsePositives)
		list("status errors (ours)", r.StatusErrors)
	}
	return b.String()
}

// JSON is the machine-readable report: counts plus derived scores.
func (r Report) JSON(verbose bool) ([]byte, error) {
	type row struct {
		Counts
		P  float64 `json:"precision"`
		R  float64 `json:"recall"`
		F1 float64 `json:"f1"`
	}
	mk := func(c Counts) row { return row{c, c.Precision(), c.Recall(), c.F1()} }
	out := struct {
		Articles       int                   `json:"articles"`
		Unjudged       []string              `json:"unjudged,omitempty"`
		NotGiven       int                   `json:"gold_not_given,omitempty"`
		ByType         map[model.RelType]row `json:"by_type"`
		Overall        row                   `json:"overall"`
		Pairs          row                   `json:"pairs"`
		StatusAccuracy float64               `json:"status_accuracy"`
		StatusMatched  int                   `json:"status_matched"`
		Misses         []Item                `json:"misses,omitempty"`
		FalsePositives []Item                `json:"false_positives,omitempty"`
		StatusErrors   []Item                `json:"status_errors,omitempty"`
	}{Articles: r.Articles, Unjudged: r.Unjudged, NotGiven: r.NotGiven, ByType: map[model.RelType]row{}, Overall: mk(r.Overall), Pairs: mk(r.Pairs),
		StatusAccuracy: r.StatusAccuracy(), StatusMatched: r.StatusMatched}
	for t, c := range r.ByType {
		out.ByType[t] = mk(c)
	}
	if verbose {
		out.Misses, out.FalsePositives, out.StatusErrors = r.Misses, r.FalsePositives, r.StatusErrors
	}
	return json.MarshalIndent(out, "", "  ")
}
