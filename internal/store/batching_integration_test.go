//go:build integration

package store

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/gen"
	"github.com/relgraph/relgraph/internal/seedtest"
)

// TestBatchingDoesNotChangeTheGraph writes the same generated articles in
// one batch, then one at a time and in batches of 7 in shuffled order, and
// compares the canonical dumps: the incremental aggregates (relQuery) must
// give what the one-batch write gives, whatever the order in which hub
// relationships receive their articles.
func TestBatchingDoesNotChangeTheGraph(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	ex := seedtest.Extractor(t)
	var items []Item
	for i := range 120 {
		d := gen.Generate(7, i)
		a, err := article.Parse(d.ID+".txt", []byte(d.Text))
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, Item{Article: a, Extraction: ex.Extract(a)})
	}
	dump := func(size int, shuffle bool) string {
		t.Helper()
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, "MATCH (n) DETACH DELETE n", nil,
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.cfg.Database)); err != nil {
			t.Fatal(err)
		}
		its := append([]Item(nil), items...)
		if shuffle {
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(its), func(i, j int) { its[i], its[j] = its[j], its[i] })
		}
		for i := 0; i < len(its); i += size {
			if _, err := s.Write(ctx, its[i:min(i+size, len(its))]); err != nil {
				t.Fatal(err)
			}
		}
		d, err := s.Dump(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	want := dump(len(items), false)
	for _, c := range []struct {
		size    int
		shuffle bool
	}{{1, true}, {7, true}} {
		if got := dump(c.size, c.shuffle); got != want {
			t.Errorf("batches of %d, shuffled: the dump differs from the one-batch write (%d vs %d bytes)", c.size, len(got), len(want))
		}
	}
}
