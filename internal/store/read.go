package store

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/internal/model"
)

// ReadGraph reads the whole relationship graph back: every actor node and
// every vocabulary relationship between actors, ordered as model.BuildGraph
// orders them (nodes by id, edges by from, type, to; evidence by article,
// in stated order within an article), so the same articles give the same
// model.Graph whether it comes from extraction or from Neo4j.
func (s *Store) ReadGraph(ctx context.Context) (model.Graph, error) {
	ctx, cancel := s.timeout(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	g, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (model.Graph, error) {
		var g model.Graph
		res, err := tx.Run(ctx, qReadNodes, nil)
		if err != nil {
			return g, err
		}
		for res.Next(ctx) {
			g.Nodes = append(g.Nodes, nodeFromRecord(res.Record()))
		}
		if err := res.Err(); err != nil {
			return g, err
		}
		types := make([]string, len(model.RelTypes))
		for i, t := range model.RelTypes {
			types[i] = string(t)
		}
		res, err = tx.Run(ctx, qReadEdges, map[string]any{"types": types})
		if err != nil {
			return g, err
		}
		for res.Next(ctx) {
			g.Edges = append(g.Edges, edgeFromRecord(res.Record()))
		}
		return g, res.Err()
	})
	if err != nil {
		return model.Graph{}, s.wrapQuery(err, "read graph")
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID })
	sort.Slice(g.Edges, func(i, j int) bool { return lessKey(g.Edges[i].Key(), g.Edges[j].Key()) })
	return g, nil
}

const (
	qReadNodes = `MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, labels(a) AS labels, a.country AS country,
       a.aliases AS aliases, a.count AS count, a.role AS role`

	qReadEdges = `MATCH (a:Actor)-[r]->(b:Actor)
WHERE type(r) IN $types
RETURN type(r) AS type, a.id AS from, b.id AS to, r.status AS status, r.since AS since,
       r.level AS level, r.areas AS areas, r.count AS count,
       r.evidence_articles AS evidence_articles, r.evidence_sentences AS evidence_sentences`
)

func nodeFromRecord(r *neo4j.Record) model.Entity {
	e := model.Entity{
		ID:      str(r, "id"),
		Name:    str(r, "name"),
		Country: str(r, "country"),
		Aliases: strs(r, "aliases"),
		Count:   int(num(r, "count")),
		Role:    str(r, "role"),
	}
	// The node's actor label: the first of model.Labels it carries.
	have := map[string]bool{}
	for _, l := range strs(r, "labels") {
		have[l] = true
	}
	for _, l := range model.Labels {
		if have[string(l)] {
			e.Label = l
			break
		}
	}
	return e
}

func edgeFromRecord(r *neo4j.Record) model.Edge {
	e := model.Edge{
		Type:   model.RelType(str(r, "type")),
		From:   str(r, "from"),
		To:     str(r, "to"),
		Status: model.Status(str(r, "status")),
		Since:  str(r, "since"),
		Level:  str(r, "level"),
		Areas:  strs(r, "areas"),
		Count:  int(num(r, "count")),
	}
	arts, sents := strs(r, "evidence_articles"), strs(r, "evidence_sentences")
	for i := range min(len(arts), len(sents)) {
		e.Evidence = append(e.Evidence, model.Evidence{Article: arts[i], Sentence: sents[i]})
	}
	// Stored in load order; BuildGraph orders by article, stable within one.
	sort.SliceStable(e.Evidence, func(i, j int) bool { return e.Evidence[i].Article < e.Evidence[j].Article })
	return e
}

func str(r *neo4j.Record, key string) string {
	v, _ := r.Get(key)
	s, _ := v.(string)
	return s
}

func num(r *neo4j.Record, key string) int64 {
	v, _ := r.Get(key)
	n, _ := v.(int64)
	return n
}

// strs reads a list of strings; an absent or empty list is nil, as in
// model values built in memory.
func strs(r *neo4j.Record, key string) []string {
	v, _ := r.Get(key)
	l, _ := v.([]any)
	var out []string
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
