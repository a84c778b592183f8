package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// seedPaths are the five seed articles shipped with the repository.
func seedPaths(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	return paths
}

func readSeeds(t testing.TB) []model.Article {
	t.Helper()
	var out []model.Article
	for _, p := range seedPaths(t) {
		a, err := article.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func extractSeeds(t testing.TB) model.Extraction {
	t.Helper()
	e := New(lexicon.MustDefault())
	var x model.Extraction
	for _, a := range readSeeds(t) {
		x.Merge(e.Extract(a))
	}
	x.Sort()
	return x
}

// TestSeedsGolden compares the extraction of seeds/*.txt with
// testdata/seeds.golden (rewrite with -update, then check it by hand).
func TestSeedsGolden(t *testing.T) {
	x := extractSeeds(t)
	for i := range x.Articles {
		x.Articles[i].Path = filepath.Base(x.Articles[i].Path) // independent of the checkout
	}
	got, err := json.MarshalIndent(x, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "seeds.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("extraction of the seeds differs from %s; run go test ./internal/extract -update and review the diff", golden)
	}
}
