package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/gen"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/seedtest"
)

func TestExtractOptionsValidate(t *testing.T) {
	ok := extractOptions{Format: "json", Workers: 2, Paths: []string{"seeds"}}
	tests := []struct {
		name string
		edit func(*extractOptions)
		want string // "" for valid
	}{
		{"valid json", func(*extractOptions) {}, ""},
		{"valid table", func(o *extractOptions) { o.Format = "table" }, ""},
		{"unknown format", func(o *extractOptions) { o.Format = "xml" }, `unknown --format "xml" (want json or table)`},
		{"no workers", func(o *extractOptions) { o.Workers = 0 }, "--workers must be at least 1, not 0"},
		{"no paths", func(o *extractOptions) { o.Paths = nil }, "no PATH given"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := ok
			tc.edit(&o)
			err := o.validate()
			if tc.want == "" {
				if err != nil {
					t.Fatalf("validate() = %v, want nil", err)
				}
				return
			}
			var u usageError
			if !errors.As(err, &u) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("validate() = %v, want a usage error saying %q", err, tc.want)
			}
		})
	}
}

// TestExtractAllOrder checks that the JSON output and the failures reported do
// not depend on the number of workers.
func TestExtractAllOrder(t *testing.T) {
	ex := seedtest.Extractor(t)
	dir := t.TempDir()
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Fatal("no seeds")
	}
	files := append([]string(nil), seeds...)
	for _, name := range []string{"a-empty.txt", "m-empty.txt", "z-empty.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	// Interleave bad files with good ones.
	files[1], files[len(files)-1] = files[len(files)-1], files[1]

	run := func(workers int) (string, string) {
		var reported []string
		var out bytes.Buffer
		read, failed, err := streamJSON(context.Background(), &out, ex, files, workers, func(err error) {
			reported = append(reported, err.Error())
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(failed) != 3 || len(reported) != 3 {
			t.Fatalf("workers=%d: failed %v, reported %v; want the 3 empty files", workers, failed, reported)
		}
		if read != len(seeds) {
			t.Errorf("workers=%d: %d articles, want %d", workers, read, len(seeds))
		}
		return out.String(), strings.Join(reported, "\n")
	}
	wantOut, wantReported := run(1)
	for _, workers := range []int{2, 3, 8, 8} {
		out, reported := run(workers)
		if out != wantOut {
			t.Errorf("workers=%d: output differs from workers=1", workers)
		}
		if reported != wantReported {
			t.Errorf("workers=%d: failures reported\n%s\nwant (file order)\n%s", workers, reported, wantReported)
		}
	}
}

func TestExtractAllCancelled(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := extractAll(ctx, seedtest.Extractor(t), seeds, 2, func(error) {})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("extractAll on a cancelled context = %v, want context.Canceled", err)
	}
}

func TestShorten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"short", "short"},
		{"  white \n space  ", "white space"},
		{"Viet Nam’s navy and the Royal Thai Navy", "Viet Nam’s navy…"},
	}
	for _, tc := range tests {
		if got := shorten(tc.in, 16); got != tc.want {
			t.Errorf("shorten(%q, 16) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestExtractEachSpans checks that spans of several files (batchSpan), each
// read ahead in batches, still give every article once, in file order,
// whatever the number of workers.
func TestExtractEachSpans(t *testing.T) {
	ex := seedtest.Extractor(t)
	dir := t.TempDir()
	if _, err := gen.Write(context.Background(), dir, gen.Options{Seed: 3, Count: 150}); err != nil {
		t.Fatal(err)
	}
	files, errs := article.Files([]string{filepath.Join(dir, gen.ArticlesDir)})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	files = slices.Insert(files, 70, bad)

	for _, workers := range []int{1, 2, 3} {
		if span := batchSpan(len(files), workers); span < 2 {
			t.Fatalf("workers=%d: span %d, want several files", workers, span)
		}
		var ids []string
		failed, err := extractEach(context.Background(), ex, files, workers, func(error) {}, func(x model.Extraction) error {
			for _, a := range x.Articles {
				ids = append(ids, a.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(failed) != 1 || failed[0] != bad {
			t.Errorf("workers=%d: failed %v, want [%s]", workers, failed, bad)
		}
		want := make([]string, 0, len(files)-1)
		for _, f := range files {
			if f != bad {
				want = append(want, article.ID(f))
			}
		}
		if !slices.Equal(ids, want) {
			t.Errorf("workers=%d: articles out of file order or missing: got %d, want %d", workers, len(ids), len(want))
		}
	}
}

func TestBatchSpan(t *testing.T) {
	for _, tt := range []struct{ files, workers, want int }{
		{0, 1, 1}, {5, 2, 1}, {100, 1, 25}, {100, 2, 12}, {10000, 1, 64}, {10000, 8, 64},
	} {
		if got := batchSpan(tt.files, tt.workers); got != tt.want {
			t.Errorf("batchSpan(%d, %d) = %d, want %d", tt.files, tt.workers, got, tt.want)
		}
	}
}
