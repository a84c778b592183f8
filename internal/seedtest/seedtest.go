// Package seedtest gives tests their own copy of the repository's seed
// articles, so a test can edit, add or break articles without touching
// seeds/ or depending on the package's working directory, and the
// extractor they are read with.
package seedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
)

// Extractor returns an extractor of the embedded lexicon.
func Extractor(t testing.TB) *extract.Extractor {
	t.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	return extract.New(lex)
}

// Dir returns the repository's seeds folder.
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("seedtest: cannot locate the repository")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "seeds")
}

// Copy copies the five seed articles into a fresh temporary folder and
// returns it.
func Copy(t testing.TB) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Dir(t), "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seedtest: want the 5 seeds, got %d (%v)", len(files), err)
	}
	dir := t.TempDir()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
