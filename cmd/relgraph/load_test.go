package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/seedtest"
)

func TestLoadUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no path", []string{"load", "--dry-run"}, "give at least one article file or folder"},
		{"negative workers", []string{"load", "--dry-run", "--workers", "-1", "../../seeds"}, "--workers -1"},
		{"zero batch", []string{"load", "--dry-run", "--batch-size", "0", "../../seeds"}, "--batch-size 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := runCLI(t, tt.args...)
			var u usageError
			if !errors.As(err, &u) {
				t.Fatalf("error %v, want a usage error", err)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", stderr, tt.want)
			}
		})
	}
}

// seedGraph is the graph the extractor makes of the seeds in memory.
func seedGraph(t *testing.T, dir string) model.Graph {
	t.Helper()
	ex := seedtest.Extractor(t)
	files, errs := article.Files([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var x model.Extraction
	for _, f := range files {
		a, err := article.ReadFile(f)
		if err != nil {
			continue // a bad article: not part of the graph
		}
		x.Merge(ex.Extract(a))
	}
	x.Sort()
	return model.BuildGraph(x)
}

func TestLoadDryRun(t *testing.T) {
	dir := seedtest.Copy(t)
	g := seedGraph(t, dir)
	evidence := 0
	for _, e := range g.Edges {
		evidence += len(e.Evidence)
	}
	if len(g.Edges) == 0 {
		t.Fatal("the extractor finds no relationship in the seeds: nothing to test")
	}
	// A bad article beside the good ones: named, the others still counted.
	if err := os.WriteFile(filepath.Join(dir, "zz-empty.txt"), []byte("  \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runCLI(t, "load", "--dry-run", "--workers", "2", "--batch-size", "2",
		"--uri", "bolt://127.0.0.1:1", dir)
	if model.ErrorCode(err) != model.EInvalid || !strings.Contains(stderr, "1 of 6 article(s) failed") {
		t.Errorf("error %v, stderr %q: want 1 of 6 failed", err, stderr)
	}
	if !strings.Contains(stderr, "zz-empty.txt") {
		t.Errorf("stderr does not name the bad article: %q", stderr)
	}
	for _, want := range []string{
		"dry run: 5 article(s) would be loaded, 1 failed",
		"Neo4j was not contacted",
		fmt.Sprintf("nodes: %d (", len(g.Nodes)),
		fmt.Sprintf("relationships: %d (", len(g.Edges)),
		fmt.Sprintf("evidence sentences: %d\n", evidence),
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout does not say %q:\n%s", want, stdout)
		}
	}
}
