package store

import (
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/internal/model"
)

// Item is one article and what was extracted from it: the unit a load
// writes whole or not at all.
type Item struct {
	Article    model.Article
	Extraction model.Extraction
}

// Validate checks what the Cypher relies on: labels and relationship types
// from the vocabulary (they become identifiers in queries), relations whose
// endpoints are among the article's entities, and relations of this article.
func (it Item) Validate() error {
	if it.Article.ID == "" {
		return model.Errorf(model.EInvalid, "%s: article has no id", it.Article.Path)
	}
	ids := map[string]bool{}
	for _, e := range it.Extraction.Entities {
		if e.ID == "" {
			return model.Errorf(model.EInvalid, "%s: entity %q has no id", it.Article.Path, e.Name)
		}
		if !knownLabel(e.Label) {
			return model.Errorf(model.EInvalid, "%s: entity %q: unknown label %q", it.Article.Path, e.ID, e.Label)
		}
		ids[e.ID] = true
	}
	for _, r := range it.Extraction.Relations {
		if !r.Type.Valid() {
			return model.Errorf(model.EInvalid, "%s: unknown relationship type %q", it.Article.Path, r.Type)
		}
		for _, id := range []string{r.From, r.To} {
			if !ids[id] {
				return model.Errorf(model.EInvalid, "%s: %s relation uses %q, which is not among the article's entities", it.Article.Path, r.Type, id)
			}
		}
		if r.Article != "" && r.Article != it.Article.ID {
			return model.Errorf(model.EInvalid, "%s: relation from article %q, not %q", it.Article.Path, r.Article, it.Article.ID)
		}
	}
	return nil
}

// batch is a set of whole articles turned into query parameters: one row
// per article, per entity and per relationship key, so that each statement
// touches each node and relationship once (no ordering effects between rows).
type batch struct {
	ids      []string                  // article ids, sorted
	articles []map[string]any          // id, title, date, source, url, path, hash, actors
	nodes    map[model.Label][]nodeRow // per label, sorted by id
	rels     map[model.RelType][]relRow
	evidence int // evidence sentences written

	// The rows as query parameters, built once (a transaction may be retried).
	nodeParams []map[string]any                   // every label, sorted by id
	relParams  map[model.RelType][]map[string]any // per type, in key order
}

// articlesOf returns the article rows of the given ids.
func (b *batch) articlesOf(ids []any) []map[string]any {
	want := map[any]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []map[string]any
	for _, a := range b.articles {
		if want[a["id"]] {
			out = append(out, a)
		}
	}
	return out
}

type nodeRow struct {
	ID, Name, Country, Role string
	Aliases                 []string
	Count                   int
}

func (n nodeRow) param(l model.Label) map[string]any {
	var others []string
	for _, o := range model.Labels {
		if o != l {
			others = append(others, string(o))
		}
	}
	return map[string]any{
		"label": string(l), "others": others,
		"id": n.ID, "name": n.Name, "country": nullable(n.Country), "role": nullable(n.Role),
		"aliases": nonNil(n.Aliases), "count": nullableInt(n.Count),
	}
}

// relRow is one relationship key with the facts every article of the batch
// states about it, in article order (parallel lists, see model.md).
type relRow struct {
	From, To          string
	ArticleIDs        []string
	Statuses          []string
	Sinces            []string
	Levels            []string
	Counts            []int64
	EvidenceArticles  []string
	EvidenceSentences []string
	AreaArticles      []string
	AreaNames         []string
}

// param is the row as a query parameter. ArticleIDs is sorted (the batch
// folds articles in id order), so its first entry is the row's "first"
// article in the sense of the aggregates.
func (r relRow) param() map[string]any {
	var level, levelID any
	for i, l := range r.Levels {
		if l != "" {
			level, levelID = l, r.ArticleIDs[i]
			break
		}
	}
	since, count := "", int64(0)
	for _, s := range r.Sinces {
		if s != "" && (since == "" || s < since) {
			since = s
		}
	}
	for _, c := range r.Counts {
		count = max(count, c)
	}
	return map[string]any{
		"from": r.From, "to": r.To,
		"article_ids": nonNil(r.ArticleIDs), "article_statuses": nonNil(r.Statuses),
		"article_sinces": nonNil(r.Sinces), "article_levels": nonNil(r.Levels),
		"article_counts":    append([]int64{}, r.Counts...),
		"evidence_articles": nonNil(r.EvidenceArticles), "evidence_sentences": nonNil(r.EvidenceSentences),
		"area_articles": nonNil(r.AreaArticles), "area_names": nonNil(r.AreaNames),
		// The batch's own aggregates, so that appending to a relationship
		// updates its aggregates in O(1) instead of reducing over every
		// article that ever stated it (hub relationships have thousands).
		"established": contains(r.Statuses, string(model.Established)),
		"first_id":    r.ArticleIDs[0], "first_status": nullable(r.Statuses[0]),
		"level": level, "level_id": levelID,
		"since": nullable(since), "count": count,
		"areas": nonNil(sortedUnique(r.AreaNames)),
	}
}

// articleFacts is one article's view of one relationship key (rule 4: one
// relationship per key per article; repeated statements add evidence).
type articleFacts struct {
	status    model.Status
	since     string
	level     string
	count     int
	areas     []string
	sentences []string
}

// newBatch builds the parameters for items, which must be valid and have
// distinct article ids.
func newBatch(items []Item) (*batch, error) {
	items = append([]Item(nil), items...)
	sort.Slice(items, func(i, j int) bool { return items[i].Article.ID < items[j].Article.ID })
	b := &batch{nodes: map[model.Label][]nodeRow{}, rels: map[model.RelType][]relRow{}}
	nodes := map[string]*nodeRow{}
	nodeLabel := map[string]model.Label{}
	rels := map[model.Key]*relRow{}
	var relOrder []model.Key
	for i, it := range items {
		if i > 0 && items[i-1].Article.ID == it.Article.ID {
			return nil, fmt.Errorf("batch: article %q twice", it.Article.ID)
		}
		a := it.Article
		b.ids = append(b.ids, a.ID)
		var actors []string
		for _, e := range it.Extraction.Entities {
			actors = append(actors, e.ID)
			n, ok := nodes[e.ID]
			if !ok {
				n = &nodeRow{ID: e.ID, Name: e.Name, Country: e.Country, Role: e.Role}
				nodes[e.ID] = n
				nodeLabel[e.ID] = e.Label
			}
			n.Aliases = union(n.Aliases, e.Aliases)
			n.Count = max(n.Count, e.Count)
			if n.Role == "" {
				n.Role = e.Role
			}
		}
		b.articles = append(b.articles, map[string]any{
			"id": a.ID, "title": nullable(a.Title), "date": dateParam(a.Date), "source": nullable(a.Source),
			"url": nullable(a.URL), "path": nullable(a.Path), "hash": nullable(a.Hash),
			"actors": nonNil(sortedUnique(actors)),
		})
		// Fold this article's relations per key, in their order.
		facts := map[model.Key]*articleFacts{}
		var keys []model.Key
		for _, r := range it.Extraction.Relations {
			r = r.Canonical()
			k := r.Key()
			f, ok := facts[k]
			if !ok {
				f = &articleFacts{status: r.Status}
				facts[k] = f
				keys = append(keys, k)
			}
			if r.Status == model.Established {
				f.status = model.Established
			}
			if r.Since != "" && (f.since == "" || r.Since < f.since) {
				f.since = r.Since
			}
			if f.level == "" {
				f.level = r.Level
			}
			f.count = max(f.count, r.Count)
			f.areas = union(f.areas, r.Areas)
			if r.Type.Defence() && r.Sentence != "" && !contains(f.sentences, r.Sentence) {
				f.sentences = append(f.sentences, r.Sentence)
			}
		}
		for _, k := range keys {
			f := facts[k]
			row, ok := rels[k]
			if !ok {
				row = &relRow{From: k.From, To: k.To}
				rels[k] = row
				relOrder = append(relOrder, k)
			}
			row.ArticleIDs = append(row.ArticleIDs, a.ID)
			row.Statuses = append(row.Statuses, string(f.status))
			row.Sinces = append(row.Sinces, f.since)
			row.Levels = append(row.Levels, f.level)
			row.Counts = append(row.Counts, int64(f.count))
			for _, s := range f.sentences {
				row.EvidenceArticles = append(row.EvidenceArticles, a.ID)
				row.EvidenceSentences = append(row.EvidenceSentences, s)
				b.evidence++
			}
			for _, ar := range f.areas {
				row.AreaArticles = append(row.AreaArticles, a.ID)
				row.AreaNames = append(row.AreaNames, ar)
			}
		}
	}
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		l := nodeLabel[id]
		b.nodes[l] = append(b.nodes[l], *nodes[id])
		b.nodeParams = append(b.nodeParams, nodes[id].param(l))
	}
	// Relationship rows in key order, so concurrent loads lock in the same order.
	sort.Slice(relOrder, func(i, j int) bool { return lessKey(relOrder[i], relOrder[j]) })
	b.relParams = map[model.RelType][]map[string]any{}
	for _, k := range relOrder {
		b.rels[k.Type] = append(b.rels[k.Type], *rels[k])
		b.relParams[k.Type] = append(b.relParams[k.Type], rels[k].param())
	}
	return b, nil
}

// knownLabel reports whether l is exactly one of model.Labels.
func knownLabel(l model.Label) bool {
	for _, k := range model.Labels {
		if k == l {
			return true
		}
	}
	return false
}

func lessKey(a, b model.Key) bool {
	if a.From != b.From {
		return a.From < b.From
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	return a.To < b.To
}

// dateParam is a Neo4j DATE for a YYYY-MM-DD date, nil otherwise.
func dateParam(s string) any {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil
	}
	return neo4j.DateOf(t)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullableInt(n int) any {
	if n == 0 {
		return nil
	}
	return int64(n)
}

// nonNil returns s, or an empty list for nil (the driver sends nil as null).
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// union returns the sorted, duplicate-free union of a and b.
func union(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	return sortedUnique(append(append([]string(nil), a...), b...))
}

func sortedUnique(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	s = append([]string(nil), s...)
	sort.Strings(s)
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
