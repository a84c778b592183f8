package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/model"
)

// FuzzParse checks that Parse never panics and either refuses the input
// with an EInvalid *model.Error naming the file, or returns an article with
// an id, UTF-8 text that is the input's tail unchanged (the body is never
// rewritten), and a date that is empty or a real YYYY-MM-DD.
//
//	go test ./internal/article -run '^$' -fuzz FuzzParse -fuzztime 30s
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		// The head and tail carry the metadata; whole seeds (up to 15 KB)
		// make the fuzzer spend its time minimising.
		if len(data) > 1200 {
			data = append(data[:800:800], data[len(data)-400:]...)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "\n", "---\n---\n", "---\ntitle: T\ndate: 2014-02-20\n---\nText.",
		"Tuesday, 2/6/2020\nTitle (*)\n20/2/2014 21:31' Send Print\nText on May 3.",
		"SA KAEO, Feb 14 – Text in 2015, 2015.", "\xff\xfe\x00", "ok \xe2\x80",
		"Title\nText.-VNA", "# T\n\nText.\n(*) Published in X No 1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "dir/fuzz.txt"
		a, err := Parse(path, data)
		if err != nil {
			var me *model.Error
			if !errors.As(err, &me) || me.Code != model.EInvalid || !strings.HasPrefix(err.Error(), path+": ") {
				t.Fatalf("error %v (%T) is not an EInvalid *model.Error naming the file", err, err)
			}
			return
		}
		if a.ID != "fuzz" {
			t.Errorf("ID = %q", a.ID)
		}
		if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
			t.Errorf("Text %q is not non-empty UTF-8", a.Text)
		}
		if !strings.HasSuffix(string(data), a.Text) {
			t.Errorf("Text %q is not the input's tail", a.Text)
		}
		if a.Date != "" {
			if _, err := time.Parse("2006-01-02", a.Date); err != nil {
				t.Errorf("Date %q: %v", a.Date, err)
			}
		}
	})
}
