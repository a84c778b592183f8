// Package model holds relgraph's domain: actors, typed defence relationships,
// their status and evidence, and the articles they come from. It is shared by
// extraction, loading, reports and export, and deliberately imports nothing
// of Neo4j, Graphviz or the CLI so every other package can depend on it.
package model

import (
	"fmt"
	"sort"
	"strings"
)

// Label is the kind of an actor node. The names are fixed by
// shared/spec/relations.md and are used verbatim as Neo4j labels.
type Label string

// Actor labels (nodes that relationships connect) and the other node kinds.
const (
	Country      Label = "Country"
	Organization Label = "Organization"
	Forum        Label = "Forum"
	Agency       Label = "Agency"
	Group        Label = "Group"
	Person       Label = "Person"
	Event        Label = "Event"
	Instrument   Label = "Instrument"
	Place        Label = "Place"
)

// Labels lists every node label in a stable order (legend, style sheets).
var Labels = []Label{Country, Organization, Forum, Agency, Group, Person, Event, Instrument, Place}

// ParseLabel accepts a label name in any letter case.
func ParseLabel(s string) (Label, error) {
	for _, l := range Labels {
		if strings.EqualFold(string(l), s) {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown label %q (want one of %s)", s, joinLabels())
}

func joinLabels() string {
	names := make([]string, len(Labels))
	for i, l := range Labels {
		names[i] = string(l)
	}
	return strings.Join(names, ", ")
}

// Scored reports whether relationships touching this label count in
// evaluation after projection (rule 8): groups never do.
func (l Label) Scored() bool { return l != Group }

// Entity is a node of the graph. ID is a stable lowercase slug ("vietnam",
// "admm-plus"); Country is the id of the country an Agency or Person belongs
// to (a Country's own id; empty for organizations, forums and groups).
type Entity struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Label   Label    `json:"label"`
	Country string   `json:"country"`
	Aliases []string `json:"-"` // surface forms, for search indexes
	Count   int      `json:"-"` // Group size when the text gives one ("29 countries")
	Role    string   `json:"-"` // Person: title or office
}

// RelType is a relationship type from the spec's vocabulary.
type RelType string

// Relationship types (shared/spec/relations.md).
const (
	Hotline            RelType = "HOTLINE"
	JointPatrol        RelType = "JOINT_PATROL"
	AttacheOffice      RelType = "ATTACHE_OFFICE"
	MemberOf           RelType = "MEMBER_OF"
	DefenceCooperation RelType = "DEFENCE_COOPERATION"
	Dialogue           RelType = "DIALOGUE"
	Exercise           RelType = "EXERCISE"
	Training           RelType = "TRAINING"
	Exchange           RelType = "EXCHANGE"
	DefenceIndustry    RelType = "DEFENCE_INDUSTRY"
	Peacekeeping       RelType = "PEACEKEEPING"
	Partnership        RelType = "PARTNERSHIP"
	PartOf             RelType = "PART_OF"
)

// RelTypes lists every relationship type in a stable order.
var RelTypes = []RelType{
	Hotline, JointPatrol, AttacheOffice, MemberOf, DefenceCooperation, Dialogue,
	Exercise, Training, Exchange, DefenceIndustry, Peacekeeping, Partnership, PartOf,
}

// Symmetric types are stored once per pair, in canonical (sorted id) order.
func (t RelType) Symmetric() bool {
	switch t {
	case AttacheOffice, MemberOf, Peacekeeping, PartOf:
		return false
	}
	return true
}

// Defence reports whether t is a defence relationship (carries status and
// evidence) rather than the structural PART_OF.
func (t RelType) Defence() bool { return t != PartOf }

// Valid reports whether t is in the vocabulary.
func (t RelType) Valid() bool {
	for _, v := range RelTypes {
		if v == t {
			return true
		}
	}
	return false
}

// ParseRelType accepts a type name in any case, with '-' or '_' ("joint-patrol").
func ParseRelType(s string) (RelType, error) {
	t := RelType(strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), "-", "_")))
	if !t.Valid() {
		names := make([]string, len(RelTypes))
		for i, v := range RelTypes {
			names[i] = string(v)
		}
		return "", fmt.Errorf("unknown relationship type %q (want one of %s)", s, strings.Join(names, ", "))
	}
	return t, nil
}

// Status says whether a relationship exists or is only intended.
type Status string

// Statuses.
const (
	Established Status = "established"
	Planned     Status = "planned"
)

// Relation is one relationship as stated by one article: the unit of the
// extract contract (one row per from, type, to, article). Symmetric types
// have From <= To (see Canonical).
type Relation struct {
	Type     RelType `json:"type"`
	From     string  `json:"from"`
	To       string  `json:"to"`
	Status   Status  `json:"status"`
	Since    string  `json:"since"` // year or YYYY-MM-DD; "" when unknown (JSON null)
	Article  string  `json:"article"`
	Sentence string  `json:"sentence"`

	Areas []string `json:"-"` // DEFENCE_COOPERATION areas ("maritime security")
	Level string   `json:"-"` // DIALOGUE / PARTNERSHIP level ("deputy-ministerial", "strategic")
	Count int      `json:"-"` // ATTACHE_OFFICE: number of offices when stated
}

// Canonical returns r with symmetric endpoints in sorted order, so a pair
// has one spelling everywhere (dedup, storage, scoring).
func (r Relation) Canonical() Relation {
	if r.Type.Symmetric() && r.To < r.From {
		r.From, r.To = r.To, r.From
	}
	return r
}

// Key identifies a relationship independent of article: (from, type, to)
// in canonical direction.
type Key struct {
	From string
	Type RelType
	To   string
}

// Key returns the canonical key of r.
func (r Relation) Key() Key {
	c := r.Canonical()
	return Key{From: c.From, Type: c.Type, To: c.To}
}

// Article is one source document.
type Article struct {
	ID     string // file name without extension
	Title  string
	Date   string // YYYY-MM-DD or ""
	Source string // "VNA", ...
	URL    string
	Path   string
	Text   string // body, front matter removed
	Hash   string // hex SHA-256 of the file bytes, for incremental loads
}

// ArticleRef is an article as the extract contract lists it.
type ArticleRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"` // "" -> JSON null
	Path  string `json:"path"`
}

// Ref returns the contract view of a.
func (a Article) Ref() ArticleRef {
	return ArticleRef{ID: a.ID, Title: a.Title, Date: a.Date, Path: a.Path}
}

// Extraction is what one or more articles state: the extract contract.
type Extraction struct {
	Articles  []ArticleRef `json:"articles"`
	Entities  []Entity     `json:"entities"`
	Relations []Relation   `json:"relations"`

	// seen indexes Entities and Relations for Merge, so merging n articles
	// one by one costs O(n), not O(n^2). Built on first use; Merge keeps
	// it current, so callers that append to the slices directly must not
	// call Merge afterwards.
	seen *mergeIndex
}

type relKey struct {
	Key
	article string
}

type mergeIndex struct {
	entities  map[string]bool
	relations map[relKey]bool
}

// Merge appends o to x, keeping one entity per id and one relation per
// (from, type, to, article) — the first seen wins, as rule 4 asks.
func (x *Extraction) Merge(o Extraction) {
	if x.seen == nil {
		x.seen = &mergeIndex{entities: make(map[string]bool, len(x.Entities)), relations: make(map[relKey]bool, len(x.Relations))}
		for _, e := range x.Entities {
			x.seen.entities[e.ID] = true
		}
		for _, r := range x.Relations {
			x.seen.relations[relKey{r.Key(), r.Article}] = true
		}
	}
	x.Articles = append(x.Articles, o.Articles...)
	for _, e := range o.Entities {
		if !x.seen.entities[e.ID] {
			x.seen.entities[e.ID] = true
			x.Entities = append(x.Entities, e)
		}
	}
	for _, r := range o.Relations {
		r = r.Canonical()
		k := relKey{r.Key(), r.Article}
		if !x.seen.relations[k] {
			x.seen.relations[k] = true
			x.Relations = append(x.Relations, r)
		}
	}
}

// Sort puts articles, entities and relations in a deterministic order
// (golden files, stable output).
func (x *Extraction) Sort() {
	sort.SliceStable(x.Articles, func(i, j int) bool { return x.Articles[i].ID < x.Articles[j].ID })
	sort.SliceStable(x.Entities, func(i, j int) bool { return x.Entities[i].ID < x.Entities[j].ID })
	sort.SliceStable(x.Relations, func(i, j int) bool {
		a, b := x.Relations[i], x.Relations[j]
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
