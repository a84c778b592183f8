package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.svg")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new drawing")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new drawing" {
		t.Fatalf("file holds %q, %v", got, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	assertOnly(t, dir, "out.svg")
}

func TestWriteFileErrors(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "notadir")
	if err := os.WriteFile(regular, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "taken"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
	}{
		// A folder that is a regular file fails even for root.
		{"parent is a file", filepath.Join(regular, "out.svg")},
		{"parent missing", filepath.Join(dir, "missing", "out.svg")},
		// The temporary file is written, then renaming it over a folder fails:
		// the temporary file must be gone.
		{"target is a folder", filepath.Join(dir, "taken")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFile(tt.path, []byte("data"))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), "write "+tt.path+": ") {
				t.Errorf("error %q does not name %s", err, tt.path)
			}
			if model.ErrorCode(err) != model.EInvalid {
				t.Errorf("code %q", model.ErrorCode(err))
			}
			assertOnly(t, dir, "notadir", "taken")
		})
	}
}

// assertOnly fails if dir holds anything but names (no temporary file left).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
