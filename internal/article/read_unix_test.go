//go:build unix

package article

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// TestReadAll checks readAll against the file's contents when fstat's size
// is right, stale (the file grew or shrank since) or zero (as /proc files
// report), and that it never reads more than max+1 bytes.
func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name           string
		len, size, max int
		want           int // bytes read
	}{
		{"size right", 3000, 3000, 10000, 3000},
		{"empty", 0, 0, 10000, 0},
		{"grew a little", 3000, 2990, 10000, 3000},
		{"grew a lot", 30000, 100, 100000, 30000},
		{"reported as 0", 5000, 0, 10000, 5000},
		{"shrank", 100, 3000, 10000, 100},
		{"grew past max", 30000, 100, 1000, 1001},
		{"at max", 1000, 1000, 1000, 1000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			content := []byte(strings.Repeat("0123456789", tc.len/10+1)[:tc.len])
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			if err := os.WriteFile(p, content, 0o644); err != nil {
				t.Fatal(err)
			}
			fd, err := syscall.Open(p, syscall.O_RDONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer syscall.Close(fd)
			got, err := readAll(fd, tc.size, tc.max)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, content[:tc.want]) {
				t.Errorf("readAll read %d bytes, want the file's first %d", len(got), tc.want)
			}
		})
	}
}

// TestReadFileGrewPastLimit checks the error for a file that is larger
// than the limit by the time it is read, though its stat said it was not.
func TestReadFileGrewPastLimit(t *testing.T) {
	p := write(t, t.TempDir(), "grown.txt", bytes.Repeat([]byte("Text. "), 400))
	fd, err := syscall.Open(p, syscall.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	data, err := readAll(fd, 100, 1<<10)
	if err != nil {
		t.Fatal(err)
	}
	wantFileError(t, checkRead(p, data, 1<<10), model.EInvalid, p, "too large: more than 1.0 KiB, over the 1.0 KiB limit")
}

// TestReadFileInFolder reads files of several folders in turn through one
// folder, as a batch does, and checks each outcome is readFile's: the same
// bytes, or the same error. Among them are a path with no folder, a folder
// that is a file, a missing folder, a subfolder, and the folder itself.
func TestReadFileInFolder(t *testing.T) {
	root := t.TempDir()
	a := write(t, root, "a.txt", []byte("first"))
	b := write(t, filepath.Join(root, "sub"), "b.txt", []byte("second"))
	c := write(t, root, "c.txt", []byte("third"))
	t.Chdir(root)
	paths := []string{
		a, b, c, // folder, subfolder, folder again
		"a.txt",                          // no folder: cwd
		"sub/b.txt",                      // relative folder
		filepath.Join(root, "missing"),   // missing file in an open folder
		filepath.Join(root, "no", "x"),   // missing folder
		filepath.Join(a, "x"),            // a file as folder
		filepath.Join(root, "sub"),       // a folder as file
		filepath.Join(root, "sub", ".."), // the folder itself, by ..
		a,
	}
	var f folder
	defer f.Close()
	for _, p := range paths {
		got, gotErr := readFileIn(&f, p, 1<<20)
		want, wantErr := readFile(p, 1<<20)
		if !bytes.Equal(got, want) || (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
			t.Errorf("%s: read %q, %v; readFile gives %q, %v", p, got, gotErr, want, wantErr)
		}
	}
	f.Close()
	if f.held || f.dir != "" {
		t.Errorf("after Close: folder %+v, want none", f)
	}
}
