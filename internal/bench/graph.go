package bench

import (
	"fmt"
	"math/rand/v2"

	"github.com/relgraph/relgraph/internal/model"
)

// SyntheticGraph returns a deterministic relationship graph of n actors and
// about 1.5 n relationships, shaped like relgraph's: a few hubs (the
// reporting country, ASEAN forums) hold many relationships, most actors a
// handful; mixed labels, types and statuses. It is what the render
// benchmarks draw, at sizes no corpus of ours reaches.
func SyntheticGraph(n int, seed uint64) model.Graph {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	labels := []model.Label{model.Country, model.Country, model.Country, model.Agency, model.Agency, model.Forum, model.Organization}
	g := model.Graph{Nodes: make([]model.Entity, n)}
	for i := range g.Nodes {
		l := labels[r.IntN(len(labels))]
		g.Nodes[i] = model.Entity{ID: fmt.Sprintf("actor-%05d", i), Name: fmt.Sprintf("Actor %d", i), Label: l}
		if l == model.Country {
			g.Nodes[i].Country = g.Nodes[i].ID
		}
	}
	if n < 2 {
		return g
	}
	hubs := max(1, n/20)
	seen := map[model.Key]bool{}
	types := model.RelTypes[:len(model.RelTypes)-1] // no PART_OF
	for len(g.Edges) < n*3/2 {
		from := r.IntN(n)
		to := r.IntN(n)
		if r.IntN(10) < 3 {
			to = r.IntN(hubs) // preferential: hubs gather edges
		}
		if from == to {
			continue
		}
		rel := model.Relation{Type: types[r.IntN(len(types))], From: g.Nodes[from].ID, To: g.Nodes[to].ID}.Canonical()
		if seen[rel.Key()] {
			continue
		}
		seen[rel.Key()] = true
		st := model.Established
		if r.IntN(4) == 0 {
			st = model.Planned
		}
		g.Edges = append(g.Edges, model.Edge{Type: rel.Type, From: rel.From, To: rel.To, Status: st, Since: fmt.Sprint(2000 + r.IntN(24))})
	}
	return g
}
