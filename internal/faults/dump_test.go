//go:build integration

package faults

import (
	"sort"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/store/storetest"
)

// TestDumpComparesGraphsNotLoadOrder checks the comparison the other tests
// rely on, on the shared test server: loading 12 articles in two runs
// (second half first) stores the per-article lists in another order than
// one load of all of them, yet the dumps are equal; one duplicated
// evidence sentence makes them differ.
func TestDumpComparesGraphsNotLoadOrder(t *testing.T) {
	storetest.Open(t)
	_, files := corpus(t, 5, 12)
	load := func(paths ...string) {
		t.Helper()
		if r := relgraph(t, append([]string{"load", "--timeout", slowTimeout}, paths...)...); r.code != 0 {
			t.Fatalf("load: %v", r)
		}
	}
	load(files[6:]...)
	load(files[:6]...)
	unsorted := 0
	for _, rec := range storetest.Query(t, "MATCH ()-[r]->() WHERE size(r.article_ids) > 1 RETURN r.article_ids", nil) {
		var ids []string
		for _, v := range rec.Values[0].([]any) {
			ids = append(ids, v.(string))
		}
		if !sort.StringsAreSorted(ids) {
			unsorted++
		}
	}
	if unsorted == 0 {
		t.Fatal("no relationship stores its articles out of order: the test proves nothing")
	}
	twoRuns := dump(t)

	emptyDatabase(t)
	load(files...)
	oneRun := dump(t)
	assertSameDump(t, "loaded-in-two-runs", twoRuns, "loaded-at-once", oneRun)
	t.Logf("%d relationships store their articles in another order; dumps equal (%d lines)", unsorted, strings.Count(oneRun, "\n"))

	storetest.Query(t, `MATCH (:Actor)-[r]->(:Actor) WHERE size(r.evidence_articles) > 0
		WITH r LIMIT 1
		SET r.evidence_articles = r.evidence_articles + r.evidence_articles[0],
		    r.evidence_sentences = r.evidence_sentences + r.evidence_sentences[0]`, nil)
	if dump(t) == oneRun {
		t.Error("a duplicated evidence sentence does not change the dump")
	}
	if c := storetest.Count(t); c.DuplicateEvidence != 1 {
		t.Errorf("storetest.Count sees %d duplicated evidence, want 1", c.DuplicateEvidence)
	}
}
