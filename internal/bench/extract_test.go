package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/gen"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// generated parses n generated articles in memory.
func generated(tb testing.TB, n int) ([]model.Article, int64) {
	tb.Helper()
	arts := make([]model.Article, n)
	var size int64
	for i := range arts {
		d := gen.Generate(1, i)
		a, err := article.Parse(d.ID+".txt", []byte(d.Text))
		if err != nil {
			tb.Fatalf("parse generated article %s: %v", d.ID, err)
		}
		arts[i] = a
		size += int64(len(a.Text))
	}
	return arts, size
}

// BenchmarkExtract measures the extractor alone (no I/O) on generated
// articles; MB/s is text bytes per second on GOMAXPROCS cores (run with
// -cpu 1 for the one-core figure).
func BenchmarkExtract(b *testing.B) {
	arts, size := generated(b, 1000)
	ex := extract.New(lexicon.MustDefault())
	b.SetBytes(size / int64(len(arts)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ex.Extract(arts[i%len(arts)])
	}
}

// BenchmarkExtractFiles measures what scripts/bench measures: read + parse
// + extract from files, one worker.
func BenchmarkExtractFiles(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Write(context.Background(), dir, gen.Options{Seed: 1, Count: 500}); err != nil {
		b.Fatal(err)
	}
	files, errs := article.Files([]string{filepath.Join(dir, gen.ArticlesDir)})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	var size int64
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	ex := extract.New(lexicon.MustDefault())
	b.SetBytes(size)
	for b.Loop() {
		st, err := ExtractFiles(context.Background(), files, ex, 1)
		if err != nil || st.Articles != len(files) {
			b.Fatalf("extracted %d of %d files: %v", st.Articles, len(files), err)
		}
	}
}

// TestExtractFilesCounts checks the streaming pass on a small corpus: every
// file read once, bytes and relations counted, the same totals with one
// worker or two.
func TestExtractFilesCounts(t *testing.T) {
	dir := t.TempDir()
	sum, err := gen.Write(context.Background(), dir, gen.Options{Seed: 3, Count: 60})
	if err != nil {
		t.Fatal(err)
	}
	files, errs := article.Files([]string{filepath.Join(dir, gen.ArticlesDir)})
	if len(errs) > 0 || len(files) != 60 {
		t.Fatalf("Files: %d files, errors %v", len(files), errs)
	}
	ex := extract.New(lexicon.MustDefault())
	one, err := ExtractFiles(context.Background(), files, ex, 1)
	if err != nil {
		t.Fatal(err)
	}
	two, err := ExtractFiles(context.Background(), files, ex, 2)
	if err != nil {
		t.Fatal(err)
	}
	if one.Articles != 60 || one.Failed != 0 || one.Bytes != sum.Bytes {
		t.Errorf("one worker: %+v, want 60 articles of %d bytes", one, sum.Bytes)
	}
	if one.Relations == 0 {
		t.Errorf("no relation extracted from 60 generated articles")
	}
	if two.Articles != one.Articles || two.Relations != one.Relations || two.Bytes != one.Bytes {
		t.Errorf("two workers %+v differ from one %+v", two, one)
	}
	// With one worker the two stages' clocks split the pass.
	if staged := one.ReadTime + one.ExtractTime; one.ReadTime <= 0 || one.ExtractTime <= 0 || staged > one.Elapsed {
		t.Errorf("one worker: read %v + extract %v, want both > 0 and at most the pass's %v", one.ReadTime, one.ExtractTime, one.Elapsed)
	}
	if sh := one.ExtractShare(); sh <= 0 || sh >= 1 {
		t.Errorf("extract share %v, want in (0, 1)", sh)
	}
}

func TestAliasesSortedUnique(t *testing.T) {
	list := Aliases(lexicon.MustDefault())
	if len(list) < 100 {
		t.Fatalf("only %d aliases in the default lexicon", len(list))
	}
	for i := 1; i < len(list); i++ {
		if list[i-1] >= list[i] {
			t.Fatalf("aliases not sorted/unique at %q, %q", list[i-1], list[i])
		}
	}
}
