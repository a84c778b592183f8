package article

import (
	"path/filepath"
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
