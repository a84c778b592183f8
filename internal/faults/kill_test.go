//go:build integration

package faults

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/internal/store/storetest"
)

// The interrupted load is slow on purpose so that the kill lands between
// its first and its last commit: transactions of 5 articles, one
// extraction worker. The server is killed once killAfter articles are
// committed; if the load still finished first, the test tries again with
// the next, larger corpus instead of passing without a crash.
const (
	killBatchSize = 5
	killAfter     = 2 * killBatchSize
	killSeed      = 3
	// killTimeout bounds each Neo4j call of the interrupted load, so it
	// gives up soon after the server is gone (--timeout).
	killTimeout = "20s"
	// slowTimeout bounds each call of the other loads: the first queries
	// of a freshly started server are planned on a cold JVM.
	slowTimeout = "2m"
)

var killCorpusSizes = []int{40, 160}

// TestLoadSurvivesServerKill kills the Neo4j server with SIGKILL in the
// middle of `relgraph load`, restarts it, runs the same load again, and
// checks the result is exactly the graph a clean load of the same articles
// gives: every commit seen before the crash survived, no batch was half
// written, the rerun skipped what was committed and wrote the rest, and
// nothing is duplicated.
func TestLoadSurvivesServerKill(t *testing.T) {
	requireServer(t)
	inst := StartInstance(t, "faults", 17787, 17574)
	inst.Use(t)
	storetest.Open(t) // schema
	// Warm the server up (JIT, query plans), so that the interrupted
	// load's batches take a regular time.
	warmAt := time.Now()
	if r := relgraph(t, "load", "--timeout", slowTimeout, filepath.Join(RepoRoot(t), "seeds")); r.code != 0 {
		t.Fatalf("warm-up load of the seeds: %v", r)
	}
	t.Logf("warm-up load of the seeds took %s", time.Since(warmAt).Round(time.Millisecond))
	for _, n := range killCorpusSizes {
		dir, _ := corpus(t, killSeed, n)
		if loadKillReload(t, inst, dir, n) {
			return
		}
		t.Logf("%d articles: the load finished before the kill; trying a larger corpus", n)
	}
	t.Fatalf("the kill came too late for every corpus (%v articles): each load finished before the server was killed, so nothing was tested", killCorpusSizes)
}

// loadKillReload runs the scenario on the n articles under dir; it returns
// false when the kill came too late (every article was loaded first).
func loadKillReload(t *testing.T, inst *Instance, dir string, n int) bool {
	t.Helper()
	emptyDatabase(t)
	began := time.Now()
	p := start(t, "load", "--batch-size", strconv.Itoa(killBatchSize), "--workers", "1", "--timeout", killTimeout, dir)
	var seen int64
	for deadline := time.Now().Add(2 * time.Minute); !p.exited(); time.Sleep(50 * time.Millisecond) {
		if seen = storetest.Int(t, "MATCH (a:Article) RETURN count(a)"); seen >= killAfter {
			break
		}
		if time.Now().After(deadline) {
			p.cmd.Process.Kill()
			t.Fatalf("fewer than %d articles committed within 2 minutes (%d)", killAfter, seen)
		}
	}
	if p.exited() {
		if r := p.wait(t, time.Second); r.code != 0 {
			t.Fatalf("the load failed before the kill: %v", r)
		}
		return false
	}
	inst.Kill(t)
	killedAt := time.Now()
	t.Logf("killed the server %s into the load, with %d of %d articles committed", killedAt.Sub(began).Round(time.Millisecond), seen, n)

	// The load notices and stops with one clear error, not a hang.
	first := p.wait(t, time.Minute)
	t.Logf("interrupted load ended %s after the kill: %v", time.Since(killedAt).Round(time.Millisecond), first)
	inst.Start(t)
	committed := storetest.Int(t, "MATCH (a:Article) RETURN count(a)")
	if first.code == 0 || committed == int64(n) {
		return false
	}
	if first.code != 1 {
		t.Errorf("interrupted load: exit status %d, want 1", first.code)
	}
	stderr := lines(first.stderr)
	last := stderr[len(stderr)-1]
	if !strings.HasPrefix(last, "relgraph: neo4j: ") || !strings.Contains(last, inst.URI()) {
		t.Errorf("interrupted load: last stderr line %q, want one relgraph: neo4j: error naming %s", last, inst.URI())
	}
	var reported int64
	if _, err := fmt.Sscanf(first.stdout, "loaded %d article(s)", &reported); err != nil {
		t.Errorf("interrupted load: no summary on stdout (%v): %q", err, first.stdout)
	}

	// Durability and atomicity: what was committed before the crash is
	// there, and only whole batches are.
	if committed < seen || committed < reported {
		t.Errorf("%d articles after the restart; %d were committed before the kill and the load reported %d loaded", committed, seen, reported)
	}
	if committed%killBatchSize != 0 {
		t.Errorf("%d articles after the restart: not whole batches of %d", committed, killBatchSize)
	}

	// The same command again completes the load, skipping what is there.
	rerunAt := time.Now()
	second := relgraph(t, "load", "--timeout", slowTimeout, "--batch-size", strconv.Itoa(killBatchSize), dir)
	want := fmt.Sprintf("loaded %d article(s), skipped %d unchanged, failed 0,", int64(n)-committed, committed)
	if second.code != 0 || !strings.HasPrefix(second.stdout, want) {
		t.Fatalf("rerun after the restart: want %q\n%v", want, second)
	}
	t.Logf("rerun after the restart took %s", time.Since(rerunAt).Round(time.Millisecond))
	resumed := storetest.Count(t)
	resumedDump := dump(t)

	// Reference: a clean load of the same articles into an empty database.
	emptyDatabase(t)
	cleanAt := time.Now()
	clean := relgraph(t, "load", "--timeout", slowTimeout, dir)
	if want := fmt.Sprintf("loaded %d article(s), skipped 0 unchanged, failed 0,", n); clean.code != 0 || !strings.HasPrefix(clean.stdout, want) {
		t.Fatalf("clean load: want %q\n%v", want, clean)
	}
	t.Logf("clean load took %s", time.Since(cleanAt).Round(time.Millisecond))
	cleanCounts := storetest.Count(t)
	if resumed.DuplicateEvidence != 0 || resumed.DuplicateRelationships != 0 {
		t.Errorf("duplicates after the crash and rerun: %+v", resumed)
	}
	if resumed.Articles != int64(n) || resumed != cleanCounts {
		t.Errorf("counts after the crash and rerun %+v, after a clean load %+v", resumed, cleanCounts)
	}
	assertSameDump(t, "crashed-and-rerun", resumedDump, "clean", dump(t))
	t.Logf("%d articles: %d committed before the crash, %d by the rerun; %d nodes, %d relationships, %d evidence sentences",
		n, committed, int64(n)-committed, cleanCounts.Nodes, cleanCounts.Relationships, cleanCounts.Evidence)
	return true
}

// lines splits text into lines (no trailing empty line).
func lines(text string) []string {
	return strings.Split(strings.TrimRight(text, "\n"), "\n")
}
