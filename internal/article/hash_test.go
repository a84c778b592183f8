package article

import (
	"path/filepath"
	"testing"
)

// TestHashFile checks that HashFile gives ReadFile's hash, for good and
// unparsable articles alike, and ReadFile's error where the file itself
// cannot be read.
func TestHashFile(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Fatal("no seeds")
	}
	for _, p := range seeds {
		want, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := (Reader{}).HashFile(p); err != nil || got != want.Hash {
			t.Errorf("HashFile(%s) = %q, %v; want %q", p, got, err, want.Hash)
		}
	}
	// Not text: ReadFile refuses it, HashFile hashes its bytes all the same
	// (sha256 of "\x00\x01").
	bad := write(t, dir, "bad.txt", []byte{0, 1})
	if got, err := (Reader{}).HashFile(bad); err != nil || got != "b413f47d13ee2fe6c845b2ee141af81de858df4ec549a58b7970bb96645bc8d2" {
		t.Errorf("HashFile(bad) = %q, %v", got, err)
	}
	big := write(t, dir, "big.txt", []byte("Hanoi (VNA) - Text long enough.\n"))
	for _, p := range []string{dir, big, filepath.Join(dir, "missing.txt")} {
		r := Reader{MaxSize: 10}
		_, want := r.ReadFile(p)
		_, got := r.HashFile(p)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("HashFile(%s) error %v, want ReadFile's %v", p, got, want)
		}
	}
}
