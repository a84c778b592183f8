package gen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func write(t *testing.T, seed uint64, count int) string {
	t.Helper()
	dir := t.TempDir()
	sum, err := Write(context.Background(), dir, Options{Seed: seed, Count: count})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if sum.Articles != count {
		t.Fatalf("Write wrote %d articles, want %d", sum.Articles, count)
	}
	return dir
}

// readTree returns every file under dir by relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestWriteIsDeterministic(t *testing.T) {
	a, b := readTree(t, write(t, 42, 300)), readTree(t, write(t, 42, 300))
	if len(a) != 302 { // 300 articles, gold.jsonl, aliases.json
		t.Fatalf("wrote %d files, want 302", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	c := readTree(t, write(t, 43, 300))
	if bytes.Equal(a[GoldFile], c[GoldFile]) {
		t.Errorf("seeds 42 and 43 wrote the same gold file")
	}
}

func TestSmallerCorpusIsPrefix(t *testing.T) {
	small, large := readTree(t, write(t, 7, 40)), readTree(t, write(t, 7, 120))
	for name, data := range small {
		if name == GoldFile {
			if !bytes.HasPrefix(large[name], data) {
				t.Errorf("gold of 40 articles is not a prefix of gold of 120")
			}
			continue
		}
		if !bytes.Equal(data, large[name]) {
			t.Errorf("%s differs between a 40- and a 120-article corpus", name)
		}
	}
}

// TestGoldMatchesText checks every gold row against its article and the
// annotation rules the generator promises to follow.
func TestGoldMatchesText(t *testing.T) {
	const n = 2000
	dir := write(t, 1, n)
	var names map[string][]string
	b, err := os.ReadFile(filepath.Join(dir, AliasesFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &names); err != nil {
		t.Fatalf("aliases.json: %v", err)
	}
	bodies := map[string]bool{}
	for _, f := range append([]*body{&asean}, forums...) {
		bodies[f.name] = true
	}
	f, err := os.Open(filepath.Join(dir, GoldFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	lines, rels, bytes := 0, 0, 0
	types := map[model.RelType]int{}
	status := map[model.Status]int{}
	for sc.Scan() {
		var g Gold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("line %d: %v", lines+1, err)
		}
		lines++
		text, err := os.ReadFile(filepath.Join(dir, ArticlesDir, g.Article+".txt"))
		if err != nil {
			t.Fatalf("gold names an article that was not written: %v", err)
		}
		bytes += len(text)
		seen := map[model.Key]bool{}
		for _, r := range g.Relations {
			rels++
			types[r.Type]++
			status[r.Status]++
			if !r.Type.Valid() || !r.Type.Defence() {
				t.Errorf("%s: bad type %q", g.Article, r.Type)
			}
			if r.Status != est && r.Status != pln {
				t.Errorf("%s: bad status %q", g.Article, r.Status)
			}
			if names[r.From] == nil || names[r.To] == nil {
				t.Errorf("%s: %s -> %s: a name missing from aliases.json", g.Article, r.From, r.To)
			}
			if r.From == r.To {
				t.Errorf("%s: %s relates %s to itself", g.Article, r.Type, r.From)
			}
			switch r.Type {
			case model.Peacekeeping:
				if r.To != unitedNations.name {
					t.Errorf("%s: PEACEKEEPING to %s", g.Article, r.To)
				}
			case model.MemberOf:
				if !bodies[r.To] {
					t.Errorf("%s: MEMBER_OF %s, not a forum or organization", g.Article, r.To)
				}
			}
			k := model.Relation{Type: r.Type, From: r.From, To: r.To}.Key()
			if seen[k] {
				t.Errorf("%s: %v stated twice (rule 4: one per article)", g.Article, k)
			}
			seen[k] = true
			if !strings.Contains(string(text), r.Evidence) || strings.ContainsAny(r.Evidence, "\n{}~") {
				t.Errorf("%s: evidence %q is not a sentence of the article", g.Article, r.Evidence)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != n {
		t.Errorf("gold has %d lines, want %d", lines, n)
	}
	if avg := bytes / n; avg < 2000 || avg > 4000 {
		t.Errorf("average article size %d bytes, want 2-4 KB like the seeds", avg)
	}
	if perArticle := float64(rels) / n; perArticle < 3 || perArticle > 15 {
		t.Errorf("%.1f relations per article, want a handful", perArticle)
	}
	for _, ty := range model.RelTypes {
		if ty.Defence() && types[ty] < n/100 {
			t.Errorf("type %s appears %d times in %d articles: too rare to exercise the extractor", ty, types[ty], n)
		}
	}
	if status[est] < rels/5 || status[pln] < rels/10 {
		t.Errorf("statuses %v: want both established and planned", status)
	}
}

func TestWriteRefusesFullFolder(t *testing.T) {
	dir := write(t, 1, 3)
	_, err := Write(context.Background(), dir, Options{Seed: 1, Count: 3})
	if model.ErrorCode(err) != model.EInvalid {
		t.Fatalf("second Write into the same folder: got %v, want an EInvalid error", err)
	}
}

func TestWriteStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, t.TempDir(), Options{Count: 10}); err != context.Canceled {
		t.Fatalf("Write with a cancelled context: got %v, want context.Canceled", err)
	}
}

func TestIDWidth(t *testing.T) {
	for _, tc := range []struct{ count, want int }{{0, 6}, {1000, 6}, {1000000, 6}, {1000001, 7}, {25000000, 8}} {
		if got := idWidth(tc.count); got != tc.want {
			t.Errorf("idWidth(%d) = %d, want %d", tc.count, got, tc.want)
		}
	}
}

// TestGolden pins the output of one seed: a change to templates or
// vocabulary shows up here (run with -update after checking the diff).
func TestGolden(t *testing.T) {
	var out bytes.Buffer
	for i := 0; i < 4; i++ {
		d := Generate(2026, i)
		out.WriteString("=== " + d.ID + "\n" + d.Text)
		for _, r := range d.Relations {
			out.WriteString("--- " + string(r.Type) + " " + r.From + " -> " + r.To + " " + string(r.Status) + "\n")
		}
	}
	golden := filepath.Join("testdata", "seed2026.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output for seed 2026 differs from %s (go test -update to accept)", golden)
	}
}

func BenchmarkGenerate(b *testing.B) {
	var n int64
	for i := 0; b.Loop(); i++ {
		d := Generate(1, i)
		n += int64(len(d.Text))
	}
	b.SetBytes(n / int64(b.N))
}
