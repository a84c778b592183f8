package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/relgraph/relgraph/internal/model"
)

// TestMain lets the test binary act as the real relgraph command, so the
// scripts below run the actual main (flags, stdout/stderr, exit status).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"relgraph": main})
}

// TestScripts runs every testdata/script/*.txtar. Scripts see:
//
//	$SEEDS  the repository's seeds folder (five articles)
//	$REPO   the repository root
//
// and, besides testscript's built-in commands:
//
//	contract FILE                         FILE holds exactly one extract-contract JSON object
//	hasrel FILE TYPE FROM TO [ARTICLE]    the contract in FILE has that relation
//	writebytes FILE 'Go string literal'   write bytes (\x00, \xe9) that a txtar cannot hold
//
// and the condition [root] (running as root, which reads unreadable files).
//
//	go test ./cmd/relgraph -run TestScripts/extract_bad   # one script
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEEDS", filepath.Join(repo, "seeds"))
			env.Setenv("REPO", repo)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"contract":   cmdContract,
			"hasrel":     cmdHasRel,
			"writebytes": cmdWriteBytes,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// readContract reads a script file (or stdout/stderr) as the contract.
func readContract(ts *testscript.TestScript, name string) model.Extraction {
	data := []byte(ts.ReadFile(name))
	x, err := checkContract(data)
	if err != nil {
		ts.Fatalf("%s: %v", name, err)
	}
	return x
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkContract checks data against shared/spec/relations.md: one JSON
// object and nothing after it, the three keys (arrays, never null), and
// rows whose fields are present, typed and consistent (relations name
// known entities and articles).
func checkContract(data []byte) (model.Extraction, error) {
	var x model.Extraction
	dec := json.NewDecoder(bytes.NewReader(data))
	var top map[string]json.RawMessage
	if err := dec.Decode(&top); err != nil {
		return x, fmt.Errorf("not a JSON object: %v", err)
	}
	if dec.More() {
		return x, fmt.Errorf("more than one JSON value")
	}
	if len(top) != 3 {
		return x, fmt.Errorf("want exactly articles, entities and relations, got %d keys", len(top))
	}
	for _, key := range []string{"articles", "entities", "relations"} {
		raw, ok := top[key]
		if !ok || len(raw) == 0 || raw[0] != '[' {
			return x, fmt.Errorf("%q is missing or not an array: %.40s", key, raw)
		}
	}
	// Each row must have every contract field (null allowed only where the
	// contract says so).
	rows := []struct {
		key, nullable string
		fields        []string
	}{
		{"articles", "date", []string{"id", "title", "date", "path"}},
		{"entities", "country", []string{"id", "name", "label", "country"}},
		{"relations", "since", []string{"type", "from", "to", "status", "since", "article", "sentence"}},
	}
	for _, r := range rows {
		var list []map[string]any
		if err := json.Unmarshal(top[r.key], &list); err != nil {
			return x, fmt.Errorf("%s: %v", r.key, err)
		}
		for i, row := range list {
			if len(row) != len(r.fields) {
				return x, fmt.Errorf("%s[%d] has %d fields, want %v", r.key, i, len(row), r.fields)
			}
			for _, f := range r.fields {
				v, ok := row[f]
				if !ok {
					return x, fmt.Errorf("%s[%d] has no %q", r.key, i, f)
				}
				if _, isString := v.(string); !isString && !(v == nil && f == r.nullable) {
					return x, fmt.Errorf("%s[%d].%s = %v, want a string", r.key, i, f, v)
				}
			}
		}
	}
	if err := json.Unmarshal(data, &x); err != nil {
		return x, err
	}
	articles := map[string]bool{}
	for _, a := range x.Articles {
		if a.Date != "" && !isoDate.MatchString(a.Date) {
			return x, fmt.Errorf("article %s: date %q is not YYYY-MM-DD", a.ID, a.Date)
		}
		articles[a.ID] = true
	}
	entities := map[string]bool{}
	for _, e := range x.Entities {
		if _, err := model.ParseLabel(string(e.Label)); err != nil {
			return x, fmt.Errorf("entity %s: %v", e.ID, err)
		}
		entities[e.ID] = true
	}
	for _, r := range x.Relations {
		switch {
		case !r.Type.Valid():
			return x, fmt.Errorf("relation type %q is not in the vocabulary", r.Type)
		case r.Status != model.Established && r.Status != model.Planned:
			return x, fmt.Errorf("relation %v: status %q", r.Key(), r.Status)
		case !entities[r.From] || !entities[r.To]:
			return x, fmt.Errorf("relation %v names an entity not in entities", r.Key())
		case !articles[r.Article]:
			return x, fmt.Errorf("relation %v names article %q not in articles", r.Key(), r.Article)
		case r.Type.Defence() && r.Sentence == "":
			return x, fmt.Errorf("relation %v in %s has no evidence sentence", r.Key(), r.Article)
		}
	}
	return x, nil
}

func cmdContract(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: contract FILE")
	}
	_, err := checkContract([]byte(ts.ReadFile(args[0])))
	switch {
	case err != nil && !neg:
		ts.Fatalf("%s: %v", args[0], err)
	case err == nil && neg:
		ts.Fatalf("%s is a valid contract", args[0])
	}
}

// cmdHasRel looks for a relation of TYPE between FROM and TO (either order
// for symmetric types), optionally in ARTICLE. An endpoint matches an
// entity by id or by the country it belongs to (rule 8's projection), so
// "vietnam" matches the Vietnam People's Army.
func cmdHasRel(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 4 && len(args) != 5 {
		ts.Fatalf("usage: hasrel FILE TYPE FROM TO [ARTICLE]")
	}
	x := readContract(ts, args[0])
	typ, err := model.ParseRelType(args[1])
	ts.Check(err)
	from, to := args[2], args[3]
	country := map[string]string{}
	for _, e := range x.Entities {
		country[e.ID] = e.Country
	}
	is := func(id, want string) bool { return id == want || country[id] == want }
	found := false
	for _, r := range x.Relations {
		if r.Type != typ || (len(args) == 5 && r.Article != args[4]) {
			continue
		}
		if (is(r.From, from) && is(r.To, to)) || (typ.Symmetric() && is(r.From, to) && is(r.To, from)) {
			found = true
			break
		}
	}
	switch {
	case !found && !neg:
		ts.Fatalf("no %s relation %s -> %s %v", typ, from, to, args[4:])
	case found && neg:
		ts.Fatalf("unexpected %s relation %s -> %s %v", typ, from, to, args[4:])
	}
}

func cmdWriteBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE 'Go string literal without quotes'")
	}
	data, err := strconv.Unquote(`"` + args[1] + `"`)
	if err != nil {
		ts.Fatalf("writebytes: %q: %v", args[1], err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
}
