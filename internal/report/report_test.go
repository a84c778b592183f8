package report

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/ (and cypher/style.grass)")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestParseGolden parses testdata/headers/X.cypher into X.golden (the
// header as JSON, query left out).
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/headers/*.cypher")
	if err != nil || len(files) == 0 {
		t.Fatalf("no header inputs: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".cypher")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(name, src)
			if err != nil {
				t.Fatal(err)
			}
			if r.Query != string(src) {
				t.Error("Query is not the whole file")
			}
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("headers", name+".golden"), append(got, '\n'))
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "empty file"},
		{"no title", "MATCH (n) RETURN n", "first line must be a // title"},
		{"blank title", "//\nRETURN 1", "first line must be a // title"},
		{"header only", "// Title\n// @param a: x (default: 1)\n", "no query after the header"},
		{"comments only after header", "// Title\n\n// just a note\n;\n", "no query after the header"},
		{"bad param line", "// Title\n// @param a description\nRETURN $a", `want "// @param name: description`},
		{"bad param name", "// Title\n// @param 1a: x\nRETURN 1", `"1a" is not a Cypher identifier`},
		{"duplicate param", "// Title\n// @param a: x\n// @param a: y\nRETURN $a", `"a" declared twice`},
		{"unknown directive", "// Title\n// @parm a: x\nRETURN $a", `unknown directive "@parm"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("r", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "report r") {
				t.Errorf("error %q, want it to name report r and contain %q", err, tt.want)
			}
			if model.ErrorCode(err) != model.EInvalid {
				t.Errorf("code %q, want %q", model.ErrorCode(err), model.EInvalid)
			}
		})
	}
}

var paramRef = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// TestShippedReports checks every report in cypher/reports: it parses, has
// a description, uses exactly the parameters it declares, and each default
// in the header is the one its coalesce($p, ...) applies in Browser.
func TestShippedReports(t *testing.T) {
	cat, err := Load(cypher.FS, cypher.Reports)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"actor", "between", "by-year", "hotlines", "memberships", "partners", "path", "status"}
	if got := cat.Names(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("reports %v, want %v", got, want)
	}
	for _, r := range cat {
		t.Run(r.Name, func(t *testing.T) {
			if r.Title == "" || len(r.Description) < 40 {
				t.Errorf("title %q, description %q: want both, the description a sentence at least", r.Title, r.Description)
			}
			used := map[string]bool{}
			for _, m := range paramRef.FindAllStringSubmatch(stripLineComments(r.Query), -1) {
				used[m[1]] = true
			}
			var declared []string
			for _, p := range r.Params {
				declared = append(declared, p.Name)
				if !used[p.Name] {
					t.Errorf("@param %s is never used as $%s", p.Name, p.Name)
				}
				if p.Description == "" {
					t.Errorf("@param %s has no description", p.Name)
				}
				co := "coalesce($" + p.Name + ", '" + p.Default + "')"
				switch {
				case p.HasDefault && !strings.Contains(r.Query, co):
					t.Errorf("default %q of %s is not applied in the query: want %s", p.Default, p.Name, co)
				case !p.HasDefault && strings.Contains(r.Query, "coalesce($"+p.Name):
					t.Errorf("%s is required but the query gives it a default", p.Name)
				}
			}
			for name := range used {
				if _, ok := r.Param(name); !ok {
					t.Errorf("query uses $%s, which the header does not declare (declared: %v)", name, declared)
				}
			}
			if !strings.Contains(r.Query, "// Neo4j Browser: :param") {
				t.Error("no `// Neo4j Browser: :param ...` hint for Browser users")
			}
		})
	}
}

func stripLineComments(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "//") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func TestCatalogFind(t *testing.T) {
	cat, err := Load(cypher.FS, cypher.Reports)
	if err != nil {
		t.Fatal(err)
	}
	r, err := cat.Find("partners.cypher")
	if err != nil || r.Name != "partners" {
		t.Errorf("Find(partners.cypher) = %q, %v", r.Name, err)
	}
	_, err = cat.Find("nope")
	if model.ErrorCode(err) != model.ENotFound || !strings.Contains(err.Error(), "known: actor, between,") {
		t.Errorf("Find(nope) error %v, want not_found listing the reports", err)
	}
	names := cat.Names()
	if !sort.StringsAreSorted(names) {
		t.Errorf("catalog not sorted: %v", names)
	}
}
