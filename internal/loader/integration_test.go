//go:build integration

package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/loader"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/seedtest"
	"github.com/relgraph/relgraph/internal/store"
	"github.com/relgraph/relgraph/internal/store/storetest"
)

// memoryGraph is the graph of the articles under dir built in memory, as
// `relgraph export` builds it from articles.
func memoryGraph(t testing.TB, ex *extract.Extractor, dir string) model.Graph {
	t.Helper()
	files, errs := article.Files([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var x model.Extraction
	for _, f := range files {
		a, err := article.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		x.Merge(ex.Extract(a))
	}
	x.Sort()
	return model.BuildGraph(x)
}

func load(t testing.TB, st *store.Store, ex *extract.Extractor, opt loader.Options, paths ...string) loader.Summary {
	t.Helper()
	sum, err := loader.Load(context.Background(), paths, ex, st, opt)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	for _, f := range sum.Failed {
		t.Errorf("failed: %s: %v", f.Path, f.Err)
	}
	return sum
}

// assertParity compares the graph read back from Neo4j with the in-memory
// graph: equal, except that the store keeps the union of every article's
// aliases where memory keeps the first article's.
func assertParity(t *testing.T, st *store.Store, want model.Graph) {
	t.Helper()
	got, err := st.ReadGraph(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Edges) == 0 {
		t.Fatal("the in-memory graph has no edges: nothing to compare")
	}
	for i := range want.Nodes {
		if i < len(got.Nodes) && got.Nodes[i].ID == want.Nodes[i].ID {
			for _, a := range want.Nodes[i].Aliases {
				if !contains(got.Nodes[i].Aliases, a) {
					t.Errorf("node %s: alias %q not stored", want.Nodes[i].ID, a)
				}
			}
		}
	}
	for _, g := range []*model.Graph{&got, &want} {
		for i := range g.Nodes {
			g.Nodes[i].Aliases = nil
		}
	}
	if !reflect.DeepEqual(got.Nodes, want.Nodes) {
		t.Errorf("nodes differ\n got %+v\nwant %+v", got.Nodes, want.Nodes)
	}
	if len(got.Edges) != len(want.Edges) {
		t.Errorf("%d edges from Neo4j, %d in memory", len(got.Edges), len(want.Edges))
	}
	for i := range min(len(got.Edges), len(want.Edges)) {
		if !reflect.DeepEqual(got.Edges[i], want.Edges[i]) {
			t.Errorf("edge %d\n got %+v\nwant %+v", i, got.Edges[i], want.Edges[i])
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLoadSeedsTwice(t *testing.T) {
	st := storetest.Open(t)
	ex := seedtest.Extractor(t)
	first := load(t, st, ex, loader.Options{Workers: 2, BatchSize: 2}, "../../seeds")
	if first.Loaded != 5 || first.Skipped != 0 {
		t.Errorf("first load: %d loaded, %d skipped; want 5, 0", first.Loaded, first.Skipped)
	}
	c1 := storetest.Count(t)
	want := memoryGraph(t, ex, "../../seeds")
	if c1.Articles != 5 || c1.Actors != int64(len(want.Nodes)) || c1.DuplicateEvidence != 0 || c1.DuplicateRelationships != 0 {
		t.Errorf("after the first load: %+v; want 5 articles, %d actors, no duplicates", c1, len(want.Nodes))
	}
	if first.Write.NodesCreated != len(want.Nodes) || first.Write.RelationshipsCreated != len(want.Edges) {
		t.Errorf("first load wrote %+v; want %d nodes, %d relationships created", first.Write, len(want.Nodes), len(want.Edges))
	}
	second := load(t, st, ex, loader.Options{}, "../../seeds")
	if second.Loaded != 0 || second.Skipped != 5 {
		t.Errorf("second load: %d loaded, %d skipped; want 0, 5", second.Loaded, second.Skipped)
	}
	if c2 := storetest.Count(t); c2 != c1 {
		t.Errorf("second load changed the database: %+v -> %+v", c1, c2)
	}
	// --force rewrites everything and still changes nothing.
	forced := load(t, st, ex, loader.Options{Force: true}, "../../seeds")
	if forced.Loaded != 5 || forced.Write.NodesCreated != 0 || forced.Write.RelationshipsCreated != 0 || forced.Write.RelationshipsDeleted != 0 {
		t.Errorf("forced reload: %d loaded, %+v; want 5 loaded, nothing created or deleted", forced.Loaded, forced.Write)
	}
	if c3 := storetest.Count(t); c3 != c1 {
		t.Errorf("forced reload changed the database: %+v -> %+v", c1, c3)
	}
	assertParity(t, st, want)
}

// changedText is an article written for this test: it replaces one seed.
const changedText = `Hanoi (VNA) - Vietnam and India agreed to set up a hotline between their navies.
The Vietnam People's Navy and the Indian Navy held a joint exercise in the East Sea in 2019.
Vietnam and India will strengthen cooperation in personnel training.-VNA
`

func TestReloadChangedArticle(t *testing.T) {
	st := storetest.Open(t)
	ex := seedtest.Extractor(t)
	dir := seedtest.Copy(t)
	load(t, st, ex, loader.Options{}, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	changed := files[len(files)-1]
	id := strings.TrimSuffix(filepath.Base(changed), ".txt")
	oldRels := storetest.Int(t, "MATCH (:Actor)-[r]->(:Actor) WHERE '"+id+"' IN r.article_ids RETURN count(r)")
	if err := os.WriteFile(changed, []byte(changedText), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := load(t, st, ex, loader.Options{}, dir)
	if sum.Loaded != 1 || sum.Skipped != 4 {
		t.Errorf("reload: %d loaded, %d skipped; want 1, 4", sum.Loaded, sum.Skipped)
	}
	want := memoryGraph(t, ex, dir)
	assertParity(t, st, want)
	// Whatever the old article said is gone unless another article says it.
	var newFacts int
	for _, e := range want.Edges {
		for _, ev := range e.Evidence {
			if ev.Article == id {
				newFacts++
				if !strings.Contains(changedText, strings.TrimSpace(ev.Sentence[:min(20, len(ev.Sentence))])) {
					t.Errorf("evidence of %s is not from the new text: %q", id, ev.Sentence)
				}
			}
		}
	}
	if newFacts == 0 {
		t.Errorf("the changed article yields no relationship (was %d): the test proves nothing", oldRels)
	}
	if c := storetest.Count(t); c.DuplicateEvidence != 0 || c.DuplicateRelationships != 0 {
		t.Errorf("duplicates after the reload: %+v", c)
	}
}

func TestConcurrentLoads(t *testing.T) {
	st := storetest.Open(t)
	ex := seedtest.Extractor(t)
	var wg sync.WaitGroup
	sums := make([]loader.Summary, 3)
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Force: every loader writes every article, the worst overlap.
			sums[i] = load(t, st, ex, loader.Options{Force: true, BatchSize: 1 + i}, "../../seeds")
		}()
	}
	wg.Wait()
	c := storetest.Count(t)
	if c.Articles != 5 || c.DuplicateEvidence != 0 || c.DuplicateRelationships != 0 {
		t.Errorf("after concurrent loads: %+v; want 5 articles and no duplicates", c)
	}
	assertParity(t, st, memoryGraph(t, ex, "../../seeds"))
}

func TestBadArticleDoesNotStopTheLoad(t *testing.T) {
	st := storetest.Open(t)
	ex := seedtest.Extractor(t)
	dir := seedtest.Copy(t)
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01 not text"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := loader.Load(context.Background(), []string{dir}, ex, st, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != 5 || len(sum.Failed) != 1 || sum.Failed[0].Path != bad {
		t.Fatalf("loaded %d, failed %+v; want 5 loaded and %s failed", sum.Loaded, sum.Failed, bad)
	}
	if !strings.Contains(sum.Failed[0].Err.Error(), "bad.txt") {
		t.Errorf("error does not name the file: %v", sum.Failed[0].Err)
	}
	if n := storetest.Int(t, "MATCH (a:Article) RETURN count(a)"); n != 5 {
		t.Errorf("%d articles stored, want 5", n)
	}
}

// BenchmarkLoadSeeds measures a full load of the 5 seeds into an empty
// database: read, extract, write (scripts/test -bench or
// go test -tags integration -bench LoadSeeds ./internal/loader).
func BenchmarkLoadSeeds(b *testing.B) {
	st := storetest.Open(b)
	ex := seedtest.Extractor(b)
	for b.Loop() {
		b.StopTimer()
		storetest.Query(b, "MATCH (n) DETACH DELETE n", nil)
		b.StartTimer()
		sum, err := loader.Load(context.Background(), []string{"../../seeds"}, ex, st, loader.Options{})
		if err != nil || sum.Loaded != 5 {
			b.Fatalf("load: %v (%d loaded)", err, sum.Loaded)
		}
	}
}

// BenchmarkReloadUnchangedSeeds measures a reload that skips every article
// (one hash query).
func BenchmarkReloadUnchangedSeeds(b *testing.B) {
	st := storetest.Open(b)
	ex := seedtest.Extractor(b)
	if _, err := loader.Load(context.Background(), []string{"../../seeds"}, ex, st, loader.Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		sum, err := loader.Load(context.Background(), []string{"../../seeds"}, ex, st, loader.Options{})
		if err != nil || sum.Skipped != 5 {
			b.Fatalf("reload: %v (%d skipped)", err, sum.Skipped)
		}
	}
}

// TestWriteFailureIsolatesTheArticle: when a batch's transaction fails (here
// a real constraint violation: a Country node with the id relgraph will give
// the Philippines, but not created by relgraph), the loader bisects the batch
// so every other article is still stored and only the offending one fails.
func TestWriteFailureIsolatesTheArticle(t *testing.T) {
	st := storetest.Open(t)
	ex := seedtest.Extractor(t)
	storetest.Query(t, "CREATE (:Country {id: 'philippines', name: 'planted'})", nil)
	sum, err := loader.Load(context.Background(), []string{"../../seeds"}, ex, st, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) != 1 || !strings.Contains(sum.Failed[0].Path, "003_86d00f9e133ffe8c") {
		t.Fatalf("failed %+v; want only the seed naming the Philippines (003)", sum.Failed)
	}
	if sum.Loaded != 4 {
		t.Errorf("loaded %d, want the 4 other seeds", sum.Loaded)
	}
	if n := storetest.Int(t, "MATCH (a:Article) RETURN count(a)"); n != 4 {
		t.Errorf("%d articles stored, want 4 (the failed one left no Article node)", n)
	}
	if n := storetest.Int(t, "MATCH (a:Article {id: '003_86d00f9e133ffe8c'}) RETURN count(a)"); n != 0 {
		t.Errorf("the failed article was partly written")
	}
}
