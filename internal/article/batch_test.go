package article

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestReadBatch(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("Hanoi (VNA) - First article.\n"))
	b := write(t, dir, "b.txt", []byte{0, 1}) // not text
	c := write(t, dir, "c.txt", []byte("Hanoi (VNA) - Third article.\n"))
	missing := filepath.Join(dir, "missing.txt")
	files := []string{a, b, missing, c}

	tests := []struct {
		name     string
		maxBytes int
		want     []string // ids read; "" for a file that failed
	}{
		{"all", 1 << 20, []string{"a", "", "", "c"}},
		{"stops once the text reaches the limit", 10, []string{"a"}},
		{"reads one file at least", 0, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Reader{}.ReadBatch(nil, files, tt.maxBytes)
			if len(got) != len(tt.want) {
				t.Fatalf("read %d files, want %d", len(got), len(tt.want))
			}
			for i, r := range got {
				want, err := ReadFile(files[i])
				if r.Article != want || (r.Err == nil) != (err == nil) || (err != nil && r.Err.Error() != err.Error()) {
					t.Errorf("file %d: %+v, %v; want ReadFile's %+v, %v", i, r.Article, r.Err, want, err)
				}
				if r.Article.ID != tt.want[i] {
					t.Errorf("file %d: id %q, want %q", i, r.Article.ID, tt.want[i])
				}
			}
		})
	}
}

// TestBatches checks that Batches yields every file once, in order, with
// the index of each batch's first file, in batches that stop once their
// text reaches the limit.
func TestBatches(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"} {
		files = append(files, write(t, dir, name, []byte("Hanoi (VNA) - An article of a few words.\n")))
	}
	for _, maxBytes := range []int{0, 50, 1 << 20} {
		var ids []string
		next := 0
		for first, batch := range (Reader{}).Batches(files, maxBytes) {
			if first != next {
				t.Errorf("maxBytes %d: batch starts at %d, want %d", maxBytes, first, next)
			}
			for _, r := range batch {
				ids = append(ids, r.Article.ID)
			}
			next += len(batch)
		}
		if got := strings.Join(ids, ","); got != "a,b,c,d,e" {
			t.Errorf("maxBytes %d: read %s, want a,b,c,d,e", maxBytes, got)
		}
	}
}
