package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// encodingJSON is the contract as encoding/json writes it for the merged,
// sorted extraction: what Writer must reproduce byte for byte.
func encodingJSON(t testing.TB, xs []model.Extraction) []byte {
	t.Helper()
	all := model.Extraction{Articles: []model.ArticleRef{}, Entities: []model.Entity{}, Relations: []model.Relation{}}
	for _, x := range xs {
		all.Merge(x)
	}
	all.Sort()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(all); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeAll(t testing.TB, xs []model.Extraction) []byte {
	t.Helper()
	w := NewWriter(t.TempDir())
	defer w.Close()
	for _, x := range xs {
		if err := w.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := w.Finish(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// Strings that exercise JSON escaping: HTML characters, controls, quotes,
// invalid UTF-8, line and paragraph separators, non-ASCII text.
var tricky = []string{"", "Viet Nam", `say "hi"`, `back\slash`, "a<b>&c", "tab\tnew\nline\r", "\x00\x01\x1f\x7f",
	"bad \xff utf8", "sep \u2028 and \u2029", "Việt Nam’s navy", "\b\f", "日本", "trail\xe2\x80"}

// randomExtractions makes n articles' extractions (ids unique, in a
// shuffled order, entities shared between articles, symmetric relations
// in both directions, duplicates within an article).
func randomExtractions(r *rand.Rand, n int) []model.Extraction {
	word := func() string { return tricky[r.IntN(len(tricky))] + string(rune('a'+r.IntN(26))) }
	types := model.RelTypes
	ids := r.Perm(n)
	xs := make([]model.Extraction, n)
	for i := range xs {
		id := "art-" + string(rune('a'+ids[i]%26)) + strings.Repeat("x", ids[i]/26)
		x := model.Extraction{Articles: []model.ArticleRef{{ID: id, Title: word(), Path: "/p/" + word()}}}
		if r.IntN(2) == 0 {
			x.Articles[0].Date = "2014-02-20"
		}
		for range r.IntN(4) {
			e := model.Entity{ID: "e" + string(rune('a'+r.IntN(8))), Name: word(), Label: model.Country}
			if r.IntN(2) == 0 {
				e.Country = e.ID
			}
			x.Entities = append(x.Entities, e)
		}
		for range r.IntN(6) {
			rel := model.Relation{Type: types[r.IntN(len(types))], From: "e" + string(rune('a'+r.IntN(5))),
				To: "e" + string(rune('a'+r.IntN(5))), Status: model.Established, Article: id, Sentence: word()}
			if r.IntN(3) == 0 {
				rel.Status, rel.Since = model.Planned, "2020"
			}
			x.Relations = append(x.Relations, rel)
		}
		xs[i] = x
	}
	return xs
}

func TestWriterMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 5, 40, 300} {
		xs := randomExtractions(r, n)
		got, want := writeAll(t, xs), encodingJSON(t, xs)
		if !bytes.Equal(got, want) {
			t.Fatalf("%d articles: Writer output differs from encoding/json\n got: %.600s\nwant: %.600s", n, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestAddRefusesAnArticleTwice(t *testing.T) {
	w := NewWriter(t.TempDir())
	defer w.Close()
	x := model.Extraction{Articles: []model.ArticleRef{{ID: "a"}},
		Relations: []model.Relation{{Type: model.Hotline, From: "x", To: "y", Status: model.Established, Article: "a"}}}
	if err := w.Add(x); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(x); err == nil || !strings.Contains(err.Error(), `"a"`) {
		t.Errorf("second Add of article a = %v, want an error naming it", err)
	}
}

// TestSpoolRemoved checks that no temporary file outlives the Writer,
// whether Finish ran or an error made the caller stop at Close.
func TestSpoolRemoved(t *testing.T) {
	xs := randomExtractions(rand.New(rand.NewPCG(3, 4)), 20)
	for _, finish := range []bool{true, false} {
		dir := t.TempDir()
		w := NewWriter(dir)
		for _, x := range xs {
			if err := w.Add(x); err != nil {
				t.Fatal(err)
			}
		}
		if finish {
			if err := w.Finish(&bytes.Buffer{}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
			t.Errorf("finish=%v: spool files left: %v", finish, left)
		}
	}
}

type failWriter struct{ n int }

var errFull = errors.New("no space left on device")

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errFull
	}
	return len(p), nil
}

func TestFinishReportsWriteErrors(t *testing.T) {
	xs := randomExtractions(rand.New(rand.NewPCG(5, 6)), 200)
	size := len(encodingJSON(t, xs))
	for _, at := range []int{0, size / 2, size - 1} {
		dir := t.TempDir()
		w := NewWriter(dir)
		for _, x := range xs {
			if err := w.Add(x); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Finish(&failWriter{n: at}); !errors.Is(err, errFull) {
			t.Errorf("output failing after %d of %d bytes: Finish = %v, want %v", at, size, err, errFull)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("spool left after a failed Finish: %v", left)
		}
	}
}

func TestSpoolDirMissing(t *testing.T) {
	w := NewWriter(filepath.Join(t.TempDir(), "missing"))
	defer w.Close()
	x := randomExtractions(rand.New(rand.NewPCG(7, 8)), 50)
	var err error
	for _, xi := range x {
		if err = w.Add(xi); err != nil {
			break
		}
	}
	if err == nil || !strings.Contains(err.Error(), "spool relations") {
		t.Errorf("Add with a missing spool folder = %v, want a spool error", err)
	}
}
