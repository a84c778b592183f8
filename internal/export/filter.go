// Package export selects the part of a relationship graph to show (focus,
// depth, types, status) and writes it as DOT (styled for Graphviz), GraphML
// (yEd, Gephi) or JSON. Rendering DOT to SVG/PNG is internal/render's job.
package export

import (
	"fmt"
	"sort"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// StatusFilter selects relationships by status.
type StatusFilter string

// Status filters; "" means StatusAll.
const (
	StatusAll         StatusFilter = "all"
	StatusEstablished StatusFilter = "established"
	StatusPlanned     StatusFilter = "planned"
)

// ParseStatus accepts established, planned or all (any case; "" = all).
func ParseStatus(s string) (StatusFilter, error) {
	switch f := StatusFilter(strings.ToLower(strings.TrimSpace(s))); f {
	case "", StatusAll:
		return StatusAll, nil
	case StatusEstablished, StatusPlanned:
		return f, nil
	}
	return "", model.Errorf(model.EInvalid, "unknown status %q (want established, planned or all)", s)
}

// ParseTypes parses a comma-separated list of relationship types
// ("hotline,JOINT_PATROL"); an empty string means every type. An unknown
// name is an EInvalid error naming it and listing the valid ones.
func ParseTypes(s string) ([]model.RelType, error) {
	var out []model.RelType
	seen := map[model.RelType]bool{}
	for _, f := range strings.Split(s, ",") {
		if strings.TrimSpace(f) == "" {
			continue
		}
		t, err := model.ParseRelType(f)
		if err != nil {
			return nil, model.Wrap(model.EInvalid, err, "--types")
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out, nil
}

// DefaultDepth is the number of defence relationships followed from the
// focus when the caller gives none.
const DefaultDepth = 1

// Filter selects a subgraph. The zero value keeps the whole graph.
//
// Focus names an actor by id, name or alias (case-insensitive; an exact id
// wins, otherwise every actor whose name or alias matches is a start).
// Depth counts defence relationships followed from the focus; 0 means no
// limit (the focus's whole connected part of the graph). PART_OF links are
// followed without counting, so an agency's relationships count as its
// country's: with --focus vietnam --depth 1 the Vietnam People's Navy's
// partners are shown, and reaching the Philippine Navy shows the
// Philippines too (but reaching a country does not pull in its agencies).
//
// Types and Status restrict which relationships are kept (nil / "" = all).
// PART_OF is structural context: it is kept whenever its agency is shown,
// and pulls in the agency's country, whatever Types says.
type Filter struct {
	Focus  string
	Depth  int
	Types  []model.RelType
	Status StatusFilter
}

// active reports whether f removes anything from a graph.
func (f Filter) active() bool {
	return f.Focus != "" || len(f.Types) > 0 || (f.Status != "" && f.Status != StatusAll)
}

// keeps reports whether edge e passes the type and status filters.
func (f Filter) keeps(e model.Edge) bool {
	if len(f.Types) > 0 {
		ok := false
		for _, t := range f.Types {
			if t == e.Type {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if e.Type == model.PartOf {
		return true
	}
	switch f.Status {
	case StatusEstablished, StatusPlanned:
		return string(e.Status) == string(f.Status)
	}
	return true
}

// Apply returns the part of g that f selects, nodes and edges in g's order.
// A focus matching no actor is an ENotFound error suggesting close names.
func (f Filter) Apply(g model.Graph) (model.Graph, error) {
	if f.Depth < 0 {
		return model.Graph{}, model.Errorf(model.EInvalid, "--depth must be 0 (no limit) or more, not %d", f.Depth)
	}
	if !f.active() {
		return g, nil
	}
	var kept []model.Edge
	for _, e := range g.Edges {
		if f.keeps(e) {
			kept = append(kept, e)
		}
	}
	nodes := map[string]bool{}
	if f.Focus != "" {
		starts, err := findFocus(g, f.Focus)
		if err != nil {
			return model.Graph{}, err
		}
		reach := reachable(g, kept, starts, f.Depth)
		var inside []model.Edge
		for _, e := range kept {
			if reach[e.From] && reach[e.To] {
				inside = append(inside, e)
			}
		}
		kept = inside
		for _, s := range starts {
			nodes[s] = true
		}
	}
	for _, e := range kept {
		nodes[e.From], nodes[e.To] = true, true
	}
	kept = addParents(g, kept, nodes)
	return subgraph(g, kept, nodes), nil
}

// findFocus returns the ids of the actors name designates.
func findFocus(g model.Graph, name string) ([]string, error) {
	want := strings.TrimSpace(name)
	for _, n := range g.Nodes {
		if strings.EqualFold(n.ID, want) {
			return []string{n.ID}, nil
		}
	}
	var ids, near []string
	for _, n := range g.Nodes {
		match := strings.EqualFold(n.Name, want)
		for _, a := range n.Aliases {
			match = match || strings.EqualFold(a, want)
		}
		if match {
			ids = append(ids, n.ID)
		} else if strings.Contains(strings.ToLower(n.Name), strings.ToLower(want)) {
			near = append(near, n.Name)
		}
	}
	if len(ids) > 0 {
		return ids, nil
	}
	msg := fmt.Sprintf("--focus %q: no actor with that id, name or alias", name)
	if len(near) > 0 {
		sort.Strings(near)
		if len(near) > 5 {
			near = near[:5]
		}
		msg += " (did you mean " + strings.Join(near, ", ") + "?)"
	}
	return nil, model.Errorf(model.ENotFound, "%s", msg)
}

// reachable runs a breadth-first search from starts over edges (both
// directions, one step each; depth 0 means no limit). PART_OF links (taken
// from the whole graph, whatever the type filter) are free upwards, so
// reaching an agency reaches its country at the same depth, and free
// downwards from the starts only: the focus's own agencies are the focus,
// but reaching a country does not drag in all of its agencies.
func reachable(g model.Graph, edges []model.Edge, starts []string, depth int) map[string]bool {
	adj := map[string][]string{}
	for _, e := range edges {
		if e.Type != model.PartOf {
			adj[e.From] = append(adj[e.From], e.To)
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	parents, children := map[string][]string{}, map[string][]string{}
	for _, e := range g.Edges {
		if e.Type == model.PartOf {
			parents[e.From] = append(parents[e.From], e.To)
			children[e.To] = append(children[e.To], e.From)
		}
	}
	dist := map[string]int{}
	var queue []string
	// visit records n at distance d with its ancestors (free upwards).
	var visit func(n string, d int)
	visit = func(n string, d int) {
		if _, seen := dist[n]; seen {
			return
		}
		dist[n] = d
		queue = append(queue, n)
		for _, p := range parents[n] {
			visit(p, d)
		}
	}
	var down func(n string)
	down = func(n string) {
		visit(n, 0)
		for _, c := range children[n] {
			if _, seen := dist[c]; !seen {
				down(c)
			}
		}
	}
	for _, s := range starts {
		down(s)
	}
	for len(queue) > 0 { // nodes enter the queue in order of distance
		n := queue[0]
		queue = queue[1:]
		if depth > 0 && dist[n] >= depth {
			continue
		}
		for _, m := range adj[n] {
			visit(m, dist[n]+1)
		}
	}
	out := make(map[string]bool, len(dist))
	for n := range dist {
		out[n] = true
	}
	return out
}

// addParents adds, for every shown node, the PART_OF links up to its
// country (and the parents themselves), so an agency never floats alone.
func addParents(g model.Graph, kept []model.Edge, nodes map[string]bool) []model.Edge {
	have := map[model.Key]bool{}
	for _, e := range kept {
		have[e.Key()] = true
	}
	for changed := true; changed; {
		changed = false
		for _, e := range g.Edges {
			if e.Type != model.PartOf || !nodes[e.From] || have[e.Key()] {
				continue
			}
			have[e.Key()] = true
			kept = append(kept, e)
			if !nodes[e.To] {
				nodes[e.To] = true
				changed = true
			}
		}
	}
	return kept
}

// subgraph keeps g's nodes in nodes and the given edges, both in g's order.
func subgraph(g model.Graph, edges []model.Edge, nodes map[string]bool) model.Graph {
	keep := map[model.Key]bool{}
	for _, e := range edges {
		keep[e.Key()] = true
	}
	out := model.Graph{Nodes: []model.Entity{}, Edges: []model.Edge{}}
	for _, n := range g.Nodes {
		if nodes[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, e := range g.Edges {
		if keep[e.Key()] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}
