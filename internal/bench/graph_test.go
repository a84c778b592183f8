package bench

import (
	"reflect"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

func TestSyntheticGraph(t *testing.T) {
	for _, n := range []int{1, 2, 100, 1000} {
		g := SyntheticGraph(n, 1)
		if len(g.Nodes) != n {
			t.Errorf("n=%d: %d nodes", n, len(g.Nodes))
		}
		if want := n * 3 / 2; n >= 2 && len(g.Edges) != want {
			t.Errorf("n=%d: %d edges, want %d", n, len(g.Edges), want)
		}
		ids := map[string]bool{}
		for _, v := range g.Nodes {
			ids[v.ID] = true
		}
		keys := map[model.Key]bool{}
		for _, e := range g.Edges {
			if !ids[e.From] || !ids[e.To] || e.From == e.To {
				t.Fatalf("n=%d: bad edge %+v", n, e)
			}
			if keys[e.Key()] {
				t.Fatalf("n=%d: duplicate edge %v", n, e.Key())
			}
			keys[e.Key()] = true
		}
	}
	if !reflect.DeepEqual(SyntheticGraph(300, 5), SyntheticGraph(300, 5)) {
		t.Error("SyntheticGraph is not deterministic")
	}
}
