package article

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// write creates dir/name with data and returns its path.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// wantFileError checks that err is a *model.Error with code whose message
// names path and contains every one of wants.
func wantFileError(t *testing.T, err error, code, path string, wants ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %s error naming %s", code, path)
	}
	var me *model.Error
	if !errors.As(err, &me) {
		t.Fatalf("error %v (%T) is not a *model.Error", err, err)
	}
	if me.Code != code {
		t.Errorf("code = %q, want %q (error: %v)", me.Code, code, err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+": ") {
		t.Errorf("error %q does not start with the file's path %q", msg, path)
	}
	for _, w := range wants {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q does not say %q", msg, w)
		}
	}
}

func TestReadFileBadInput(t *testing.T) {
	dir := t.TempDir()
	binary := make([]byte, 600)
	for i := range binary {
		binary[i] = byte(i%31 + 1) // control bytes, no NUL
	}
	tests := []struct {
		name  string
		data  []byte
		code  string
		wants []string
	}{
		{"empty.txt", nil, model.EInvalid, []string{"empty file"}},
		{"blank.txt", []byte(" \n\t\r\n  \n"), model.EInvalid, []string{"empty", "white space"}},
		{"nul.txt", []byte("Hanoi (VNA) - text\x00\x01\x02 more"), model.EInvalid, []string{"binary file", "NUL byte at offset 18"}},
		{"controls.txt", binary, model.EInvalid, []string{"binary file", "non-text"}},
		{"png.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), model.EInvalid, []string{"binary file"}},
		{"latin1.txt", []byte("Title\n\nCaf\xe9 in Hanoi.\n"), model.EInvalid, []string{"invalid UTF-8 at byte offset 10", "line 3"}},
		{"cut.txt", []byte("Viet Nam \xe2\x80"), model.EInvalid, []string{"invalid UTF-8 at byte offset 9"}},
		{"utf16.txt", []byte("\xff\xfeH\x00i\x00"), model.EInvalid, []string{"UTF-16"}},
		{"fm-only.md", []byte("---\ntitle: T\n---\n\n"), model.EInvalid, []string{"no text after the front matter"}},
		{"fm-open.md", []byte("---\ntitle: T\nHanoi (VNA) - text\n"), model.EInvalid, []string{`no closing "---"`}},
		{"fm-yaml.md", []byte("---\ntitle: [unclosed\n---\nText.\n"), model.EInvalid, []string{"front matter"}},
		{"fm-date.md", []byte("---\ndate: 28 August\n---\nText.\n"), model.EInvalid, []string{`date "28 August"`, "YYYY-MM-DD"}},
		{"fm-list.md", []byte("---\ntitle: [a, b]\n---\nText.\n"), model.EInvalid, []string{"title must be a single value"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.name, tc.data)
			_, err := ReadFile(p)
			wantFileError(t, err, tc.code, p, tc.wants...)
		})
	}
}

func TestReadFileNotReadable(t *testing.T) {
	dir := t.TempDir()
	t.Run("missing", func(t *testing.T) {
		p := filepath.Join(dir, "missing.txt")
		_, err := ReadFile(p)
		wantFileError(t, err, model.ENotFound, p, "no such file or folder")
	})
	t.Run("folder", func(t *testing.T) {
		p := filepath.Join(dir, "folder.txt")
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(p)
		wantFileError(t, err, model.EInvalid, p, "is a folder")
	})
	t.Run("symlink loop", func(t *testing.T) {
		// Unreadable whatever the user's privileges (root included).
		p := filepath.Join(dir, "loop.txt")
		if err := os.Symlink("loop.txt", p); err != nil {
			t.Skip("no symlinks here:", err)
		}
		_, err := ReadFile(p)
		wantFileError(t, err, model.EInvalid, p, "cannot read", "symbolic links")
	})
	t.Run("permission denied", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root, which reads any file: the symlink loop case covers an unreadable file")
		}
		p := write(t, dir, "secret.txt", []byte("Text.\n"))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(p)
		wantFileError(t, err, model.EInvalid, p, "cannot read: permission denied")
		if !errors.Is(err, fs.ErrPermission) {
			t.Errorf("errors.Is(%v, fs.ErrPermission) = false", err)
		}
	})
	t.Run("not a regular file", func(t *testing.T) {
		if _, err := os.Stat(os.DevNull); err != nil {
			t.Skip(err)
		}
		_, err := ReadFile(os.DevNull)
		wantFileError(t, err, model.EInvalid, os.DevNull, "not a regular file")
	})
}

func TestReadFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	t.Run("50 MB by default", func(t *testing.T) {
		// A sparse file: its size is known from Stat, and a reader that
		// read it all would take far longer than this test is allowed.
		p := filepath.Join(dir, "huge.txt")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(50 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadFile(p)
		wantFileError(t, err, model.EInvalid, p, "too large: 50.0 MiB, over the 10.0 MiB limit")
	})
	t.Run("configured limit", func(t *testing.T) {
		p := write(t, dir, "small.txt", []byte(strings.Repeat("Some text. ", 200)))
		r := Reader{MaxSize: 1 << 10}
		_, err := r.ReadFile(p)
		wantFileError(t, err, model.EInvalid, p, "too large: 2.1 KiB, over the 1.0 KiB limit")
		_, err = r.Parse(p, []byte(strings.Repeat("x", 2000)))
		wantFileError(t, err, model.EInvalid, p, "too large")
		if _, err := (Reader{MaxSize: 4 << 10}).ReadFile(p); err != nil {
			t.Errorf("file under the limit: %v", err)
		}
	})
}

func TestParseKeepsBodyVerbatim(t *testing.T) {
	data := []byte("\uFEFF---\r\ntitle: \"Viet Nam, Laos hold talks\"\r\ndate: 2014-02-20\r\nsource: VNA\r\n" +
		"url: https://example.org/x\r\nextra: ignored\r\n---\r\nHanoi (VNA) –  The two  sides met.\r\n\r\nThey  agreed.-VNA\r\n")
	a, err := Parse("dir/x.md", data)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	want := model.Article{
		ID: "x", Title: "Viet Nam, Laos hold talks", Date: "2014-02-20", Source: "VNA",
		URL: "https://example.org/x", Path: "dir/x.md",
		Text: "Hanoi (VNA) –  The two  sides met.\r\n\r\nThey  agreed.-VNA\r\n",
		Hash: hex.EncodeToString(sum[:]),
	}
	if a != want {
		t.Errorf("Parse =\n%#v\nwant\n%#v", a, want)
	}
}

func TestParseFrontMatterFillsGaps(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Metadata
	}{
		{"front matter wins", "---\ntitle: Given\ndate: 2020-01-02T10:00:00Z\nsource: Reuters\n---\nInferred title\nHanoi, March 3, 2019 (VNA) - Text.\n",
			Metadata{Title: "Given", Date: "2020-01-02", Source: "Reuters"}},
		{"missing fields inferred", "---\nurl: https://example.org\n---\nInferred title\nHanoi, March 3, 2019 (VNA) - Text.\n",
			Metadata{Title: "Inferred title", Date: "2019-03-03", Source: "VNA"}},
		{"empty values inferred", "---\ntitle:\ndate: \"\"\n---\nInferred title\nHanoi, March 3, 2019 (VNA) - Text.\n",
			Metadata{Title: "Inferred title", Date: "2019-03-03", Source: "VNA"}},
		{"quoted date", "---\ndate: \"2021-05-24\"\n---\nText.\n", Metadata{Date: "2021-05-24"}},
		{"no front matter", "Text with --- dashes.\n---\nMore.\n", Metadata{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			got := Metadata{Title: a.Title, Date: a.Date, Source: a.Source}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestID(t *testing.T) {
	for in, want := range map[string]string{
		"seeds/000_4a357b28ac66a3cc.txt": "000_4a357b28ac66a3cc",
		"/x/y/a.b.md":                    "a.b",
		"noext":                          "noext",
	} {
		if got := ID(in); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.txt", "a.md", "notes.pdf", "sub/c.TXT", "sub/deeper/d.txt",
		".hidden.txt", ".git/e.txt", "sub/.cache/f.txt",
	} {
		write(t, dir, name, []byte("Text.\n"))
	}
	j := func(p string) string { return filepath.Join(dir, p) }
	missing := j("missing")

	files, errs := Files([]string{dir, j("b.txt"), missing, j("notes.pdf"), j("sub/deeper")})
	want := []string{j("a.md"), j("b.txt"), j("sub/c.TXT"), j("sub/deeper/d.txt")}
	if strings.Join(files, "\n") != strings.Join(want, "\n") {
		t.Errorf("files =\n%s\nwant\n%s", strings.Join(files, "\n"), strings.Join(want, "\n"))
	}
	if len(errs) != 2 {
		t.Fatalf("errs = %v, want 2 (missing path, .pdf file)", errs)
	}
	wantFileError(t, errs[0], model.ENotFound, missing, "no such file or folder")
	wantFileError(t, errs[1], model.EInvalid, j("notes.pdf"), "not an article file")
}

func TestFilesHiddenRootIsWalked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".articles")
	write(t, dir, "a.txt", []byte("Text.\n"))
	files, errs := Files([]string{dir})
	if len(errs) != 0 || len(files) != 1 {
		t.Errorf("Files(%s) = %v, %v; want the one file: a folder named explicitly is walked even if hidden", dir, files, errs)
	}
}

func TestFilesUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads any folder")
	}
	dir := t.TempDir()
	write(t, dir, "ok/a.txt", []byte("Text.\n"))
	locked := filepath.Join(dir, "locked")
	write(t, locked, "b.txt", []byte("Text.\n"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	files, errs := Files([]string{dir})
	if len(files) != 1 || len(errs) != 1 {
		t.Fatalf("Files = %v, %v; want ok/a.txt and one error", files, errs)
	}
	wantFileError(t, errs[0], model.EInvalid, locked, "permission denied")
}

// TestReadFileMatchesParse checks that ReadFile, which reads into a buffer
// sized from Stat and lets the text share it, gives what Parse gives on
// the file's bytes.
func TestReadFileMatchesParse(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	paths = append(paths, write(t, t.TempDir(), "fm.md", []byte("\uFEFF---\ntitle: T\n---\nHanoi (VNA) - Text.\n")))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p)
		if err != nil || got != want {
			t.Errorf("ReadFile(%s) = %+v, %v\nwant %+v", p, got, err, want)
		}
	}
}

// TestNoHash checks that NoHash changes nothing but the empty Hash.
func TestNoHash(t *testing.T) {
	p := write(t, t.TempDir(), "a.md", []byte("---\ntitle: T\n---\nHanoi (VNA) - Text.\n"))
	want, err := ReadFile(p)
	if err != nil || want.Hash == "" {
		t.Fatalf("ReadFile = %+v, %v; want a hash", want, err)
	}
	want.Hash = ""
	if got, err := (Reader{NoHash: true}).ReadFile(p); err != nil || got != want {
		t.Errorf("NoHash ReadFile = %+v, %v\nwant %+v", got, err, want)
	}
}
