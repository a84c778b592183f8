//go:build integration

package faults

import (
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/internal/store/storetest"
)

// TestConcurrentOverlappingLoads runs two `relgraph load` processes at
// once on the shared test server, each with 32 articles of which 16 are
// the same files (so both write them, --force), the shared ones first in
// both so that the two write them at the same moment; the other articles
// share many actors and relationships too. The database must then hold
// exactly what one clean load of the 48 articles gives: no duplicate node,
// relationship or evidence, nothing lost. (internal/store and
// internal/loader test concurrent writers as goroutines of one process;
// this is two processes with two drivers, as two users would run it.)
func TestConcurrentOverlappingLoads(t *testing.T) {
	storetest.Open(t) // the shared server: schema, empty
	_, files := corpus(t, 11, 48)
	shared, onlyA, onlyB := files[:16], files[16:32], files[32:]
	args := func(own []string) []string {
		a := []string{"load", "--force", "--batch-size", "5", "--workers", "1", "--timeout", slowTimeout}
		return append(append(a, shared...), own...)
	}
	began := time.Now()
	pa, pb := start(t, args(onlyA)...), start(t, args(onlyB)...)
	for name, p := range map[string]*proc{"A": pa, "B": pb} {
		r := p.wait(t, 2*time.Minute)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "loaded 32 article(s), skipped 0 unchanged, failed 0,") {
			t.Errorf("load %s: want 32 articles loaded\n%v", name, r)
		}
	}
	t.Logf("two concurrent loads of 32 articles (16 shared) took %s", time.Since(began).Round(time.Millisecond))
	if t.Failed() {
		return
	}
	concurrent := storetest.Count(t)
	concurrentDump := dump(t)

	emptyDatabase(t)
	clean := relgraph(t, append([]string{"load", "--timeout", slowTimeout}, files...)...)
	if want := "loaded 48 article(s), skipped 0 unchanged, failed 0,"; clean.code != 0 || !strings.HasPrefix(clean.stdout, want) {
		t.Fatalf("clean load: want %q\n%v", want, clean)
	}
	cleanCounts := storetest.Count(t)
	if concurrent.DuplicateEvidence != 0 || concurrent.DuplicateRelationships != 0 {
		t.Errorf("duplicates after concurrent loads: %+v", concurrent)
	}
	if concurrent.Articles != 48 || concurrent != cleanCounts {
		t.Errorf("counts after concurrent loads %+v, after one clean load %+v", concurrent, cleanCounts)
	}
	assertSameDump(t, "concurrent", concurrentDump, "clean", dump(t))
	t.Logf("48 articles: %d nodes, %d relationships, %d evidence sentences",
		cleanCounts.Nodes, cleanCounts.Relationships, cleanCounts.Evidence)
}
