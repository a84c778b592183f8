package article

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/gen"
)

// inferTexts are texts to compare Infer with refInfer on: the seeds,
// generated articles and the cases of the Infer tests.
func inferTexts(t testing.TB, generated int) []string {
	var texts []string
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for i := range generated {
		texts = append(texts, gen.Generate(1, i).Text)
	}
	return append(texts,
		"Vietnam, Japan step up defence ties\nHanoi (VNA) - Text.",
		"Tuesday, 2/6/2020\nNavies meet (*)\n20/2/2014 21:31' Send Print\nText.",
		"Monday, 1/6/2020\nTitle here\n20/2/2014 21:31\nText on May 3, 2011.",
		"SA KAEO, Feb 14 – Talks in 2015 and 2015.",
		"Hanoi, August 28 (VNA) – Text.",
		"Title\nText.\n(*) Published in Communist Review No 853 (November 2013)\nAuthor",
		"Title\nText.\nLast words. – VNA\n\nSee more",
		"Title\nText.\nLast words.\n-- JP",
		"Title\nOne in 2014.\nOne in 2014.\nTwo.\nThey met on January 8.",
		"Title\nTitle\n\u00a0\nTUESDAY 3 March 2014\nOn tueſday, the 3rd March they met.",
		"ſunday, 1/6/2020\nTitle\nSOURCE : Nhan Dan; more",
	)
}

// linePieces are lines that exercise the rules, for mutated texts.
var linePieces = []string{
	"Tuesday, 2/6/2020", "20/2/2014 21:31' Send Print", "Mon. 2014-02-20", "thu, 31/2/2014",
	"Navies meet (*)", "# Heading", "Hanoi (VNA) – Talks were held on May 3.", "(VOVworld) – Text.",
	"SA KAEO, Feb 14 – Talks.", "MANILA, Philippines - Text on Monday, 3rd March.", "BATAM, Riau Islands: x",
	"Ho Chi Minh City (VNA) – x", "The ASEAN Defence Ministers’ Meeting (ADMM) – a forum – met.",
	"Last words.-VNA", "Last words. (AFP)", "-- JP", "– With Jaime Laude", "Source: Nhan Dan.",
	"(*) Published in Communist Review No 853 (November 2013)", "first published in X, on May 2",
	"From 19-28 November 2019, planes flew in 2019.", "They met on the 28th of August.", "See more",
	"\u00a0", "  ", "x", "2015-2018 and 2018", "Last words./.", "\"Quote\" – VNA", "Text.\u2014Reuters",
	// Titles at the rune limits (3 and 150), in ASCII and in two-byte runes.
	"Éé", "Ééé", "Abc", "É" + strings.Repeat("é", 149), "É" + strings.Repeat("é", 150),
	"A" + strings.Repeat("b", 149), "A" + strings.Repeat("b", 150),
}

// TestInferMatchesReference compares Infer with refInfer on real, generated,
// hand-written and randomly assembled texts.
func TestInferMatchesReference(t *testing.T) {
	texts := inferTexts(t, 300)
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(linePieces[r.IntN(len(linePieces))])
			b.WriteString([]string{"\n", "\n\n", "\r\n", " \n"}[r.IntN(4)])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := Infer(s), refInfer(s); got != want {
			t.Fatalf("Infer(%q)\n got %+v\nwant %+v", s, got, want)
		}
	}
}

// FuzzInferMatchesReference compares Infer with refInfer on any text.
//
//	go test ./internal/article -run '^$' -fuzz FuzzInferMatchesReference -fuzztime 60s
func FuzzInferMatchesReference(f *testing.F) {
	for _, s := range inferTexts(f, 5) {
		f.Add(s)
	}
	for _, s := range linePieces {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Infer(s), refInfer(s); got != want {
			t.Fatalf("Infer(%q)\n got %+v\nwant %+v", s, got, want)
		}
	})
}

// TestArticleYearMatchesReference compares articleYear with a count of the
// regexp \b\d{4}\b's matches, on real and generated texts and random
// strings of digits and separators.
func TestArticleYearMatchesReference(t *testing.T) {
	texts := inferTexts(t, 50)
	pieces := []string{"1", "2", "9", "0", "19", "20", "1945", "1944", "2099", "2100", "2014", " ", "-", "_", "x", "é", "\n"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := articleYear(s), refArticleYear(s); got != want {
			t.Fatalf("articleYear(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestCleanTitleMatchesReference compares cleanTitle, with its fast path,
// with Fields and Join.
func TestCleanTitleMatchesReference(t *testing.T) {
	pieces := []string{"a", "Vietnam’s", " ", "  ", "\t", "\v", "\u00a0", "\u2003", "#", "é", "\xff", "\n", "\xc2", "\xe2\x80", "\u2028", "\u3000", "\u0085"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := cleanTitle(s), refCleanTitle(s); got != want {
			t.Fatalf("cleanTitle(%q) = %q, want %q", s, got, want)
		}
	}
}
