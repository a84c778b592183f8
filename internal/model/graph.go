package model

import "sort"

// Evidence is one article's statement of a relationship.
type Evidence struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
}

// Edge is a relationship aggregated over every article that states it: the
// shape stored in Neo4j and drawn by export. Status is established when any
// article says so (rule 6 applied across articles).
type Edge struct {
	Type     RelType    `json:"type"`
	From     string     `json:"from"`
	To       string     `json:"to"`
	Status   Status     `json:"status"`
	Since    string     `json:"since,omitempty"`
	Areas    []string   `json:"areas,omitempty"`
	Level    string     `json:"level,omitempty"`
	Count    int        `json:"count,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// Key returns the edge's canonical key.
func (e Edge) Key() Key { return Key{From: e.From, Type: e.Type, To: e.To} }

// Graph is the relationship graph: nodes and aggregated edges, both sorted.
type Graph struct {
	Nodes []Entity `json:"nodes"`
	Edges []Edge   `json:"edges"`
}

// BuildGraph aggregates per-article relations into edges. Evidence is kept in
// (article, sentence) order without duplicates; the earliest since wins.
func BuildGraph(x Extraction) Graph {
	idx := map[Key]int{}
	var edges []Edge
	for _, r := range x.Relations {
		r = r.Canonical()
		k := r.Key()
		i, ok := idx[k]
		if !ok {
			i = len(edges)
			idx[k] = i
			edges = append(edges, Edge{Type: r.Type, From: r.From, To: r.To, Status: r.Status})
		}
		e := &edges[i]
		if r.Status == Established {
			e.Status = Established
		}
		if r.Since != "" && (e.Since == "" || r.Since < e.Since) {
			e.Since = r.Since
		}
		if e.Level == "" {
			e.Level = r.Level
		}
		if r.Count > e.Count {
			e.Count = r.Count
		}
		e.Areas = unionSorted(e.Areas, r.Areas)
		if r.Type.Defence() && r.Sentence != "" {
			e.Evidence = append(e.Evidence, Evidence{Article: r.Article, Sentence: r.Sentence})
		}
	}
	for i := range edges {
		edges[i].Evidence = dedupEvidence(edges[i].Evidence)
	}
	sort.Slice(edges, func(i, j int) bool { return lessKey(edges[i].Key(), edges[j].Key()) })
	nodes := append([]Entity(nil), x.Entities...)
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	return Graph{Nodes: nodes, Edges: edges}
}

func lessKey(a, b Key) bool {
	if a.From != b.From {
		return a.From < b.From
	}
	if a.Type != b.Type {
		return a.Type < b.Type
	}
	return a.To < b.To
}

func unionSorted(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	set := map[string]bool{}
	for _, s := range a {
		set[s] = true
	}
	for _, s := range b {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func dedupEvidence(ev []Evidence) []Evidence {
	sort.SliceStable(ev, func(i, j int) bool {
		if ev[i].Article != ev[j].Article {
			return ev[i].Article < ev[j].Article
		}
		return false // keep sentence order within an article
	})
	out := ev[:0]
	seen := map[Evidence]bool{}
	for _, e := range ev {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// Node returns the node with id, if present.
func (g Graph) Node(id string) (Entity, bool) {
	i := sort.Search(len(g.Nodes), func(i int) bool { return g.Nodes[i].ID >= id })
	if i < len(g.Nodes) && g.Nodes[i].ID == id {
		return g.Nodes[i], true
	}
	return Entity{}, false
}
