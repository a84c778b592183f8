package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/loader"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/seedtest"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A dry run counts exactly the graph BuildGraph makes of the same articles,
// whatever the number of workers and the batch size.
func TestDryRunPlanMatchesGraph(t *testing.T) {
	ex := seedtest.Extractor(t)
	files, errs := article.Files([]string{"../../seeds"})
	if len(errs) > 0 || len(files) == 0 {
		t.Fatalf("seeds: %v", errs)
	}
	var x model.Extraction
	for _, f := range files {
		a, err := article.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		x.Merge(ex.Extract(a))
	}
	g := model.BuildGraph(x)
	evidence := 0
	for _, e := range g.Edges {
		evidence += len(e.Evidence)
	}
	if len(g.Edges) == 0 {
		t.Fatal("no relationship in the seeds: nothing to compare")
	}
	for _, opt := range []loader.Options{
		{DryRun: true, Workers: 1, BatchSize: 1},
		{DryRun: true, Workers: 4, BatchSize: 2},
		{DryRun: true},
	} {
		sum, err := loader.Load(context.Background(), []string{"../../seeds"}, ex, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Loaded != len(files) || sum.Files != len(files) || len(sum.Failed) != 0 {
			t.Errorf("%+v: loaded %d of %d files, failed %v", opt, sum.Loaded, sum.Files, sum.Failed)
		}
		nodes, rels := 0, 0
		for _, n := range sum.Plan.Nodes {
			nodes += n
		}
		for _, n := range sum.Plan.Relationships {
			rels += n
		}
		if nodes != len(g.Nodes) || rels != len(g.Edges) || sum.Plan.Evidence != evidence || sum.Plan.Articles != len(files) {
			t.Errorf("%+v: plan %+v; graph has %d nodes, %d relationships, %d evidence",
				opt, sum.Plan, len(g.Nodes), len(g.Edges), evidence)
		}
	}
}

func TestFailuresAreNamedAndOthersLoaded(t *testing.T) {
	ex := seedtest.Extractor(t)
	dir := t.TempDir()
	good := "Vietnam and India agreed to set up a hotline between their navies.\n"
	writeFile(t, filepath.Join(dir, "one", "a.txt"), good)
	writeFile(t, filepath.Join(dir, "one", "empty.txt"), "\n\n")
	writeFile(t, filepath.Join(dir, "two", "a.txt"), good) // same id as one/a.txt
	writeFile(t, filepath.Join(dir, "two", "b.md"), good)
	missing := filepath.Join(dir, "missing")
	sum, err := loader.Load(context.Background(), []string{dir, missing}, ex, nil, loader.Options{DryRun: true, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != 2 {
		t.Errorf("loaded %d, want 2 (one/a.txt, two/b.md)", sum.Loaded)
	}
	want := []string{"missing", "empty.txt", `article id "a" is also the id of`}
	if len(sum.Failed) != len(want) {
		t.Fatalf("failed %v, want %d failures", sum.Failed, len(want))
	}
	all := ""
	for _, f := range sum.Failed {
		all += f.Err.Error() + "\n"
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("failures do not mention %q:\n%s", w, all)
		}
	}
}

func TestRealLoadNeedsStore(t *testing.T) {
	_, err := loader.Load(context.Background(), []string{"../../seeds"}, seedtest.Extractor(t), nil, loader.Options{})
	if err == nil {
		t.Fatal("a real load without a store: no error")
	}
}

// panicky is an extractor that fails on one article: the load goes on.
type panicky struct{ ex loader.Extractor }

func (p panicky) Extract(a model.Article) model.Extraction {
	if strings.HasPrefix(a.ID, "001") {
		panic("boom")
	}
	return p.ex.Extract(a)
}

func TestExtractorPanicFailsOneArticle(t *testing.T) {
	sum, err := loader.Load(context.Background(), []string{"../../seeds"}, panicky{seedtest.Extractor(t)}, nil, loader.Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != 4 || len(sum.Failed) != 1 || !strings.Contains(sum.Failed[0].Err.Error(), "extraction failed: boom") {
		t.Errorf("loaded %d, failed %v; want 4 and one extraction failure", sum.Loaded, sum.Failed)
	}
}
