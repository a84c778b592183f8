//go:build integration

package main

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/store/storetest"
)

func TestSchemaApplyCommand(t *testing.T) {
	storetest.Open(t) // server configured by env; schema applied, database empty
	stdout, stderr, err := runCLI(t, "schema", "apply")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "exists   constraint actor_id\n") ||
		!regexp.MustCompile(`schema applied to database "[^"]+" at \S+: 0 created, \d+ already present\n`).MatchString(stdout) {
		t.Errorf("second apply output:\n%s", stdout)
	}
}

func TestLoadCommandTwice(t *testing.T) {
	storetest.Open(t)
	// A first load re-plans every query on a fresh server; on a busy 2-core
	// machine that can take longer than the 30 s default per call.
	stdout, stderr, err := runCLI(t, "load", "--timeout", "3m", "../../seeds")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	t.Logf("first load:\n%s", stdout)
	if !regexp.MustCompile(`^loaded 5 article\(s\), skipped 0 unchanged, failed 0, in \S+ \(database "[^"]+" at \S+\)\n` +
		`nodes: [1-9]\d* created, \d+ updated, 0 deleted\n` +
		`relationships: [1-9]\d* created, \d+ updated, 0 deleted; [1-9]\d* evidence sentence\(s\) written\n$`).MatchString(stdout) {
		t.Errorf("first load output:\n%s", stdout)
	}
	before := storetest.Count(t)
	stdout, _, err = runCLI(t, "load", "--timeout", "3m", "../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "loaded 0 article(s), skipped 5 unchanged, failed 0") ||
		!strings.Contains(stdout, "nodes: 0 created, 0 updated, 0 deleted\n") {
		t.Errorf("second load output:\n%s", stdout)
	}
	if after := storetest.Count(t); after != before {
		t.Errorf("second load changed the database: %+v -> %+v", before, after)
	}
}

func TestCLIWrongCredentialsAndDatabase(t *testing.T) {
	cfg := storetest.Config(t)
	const secret = "Wr0ng-pass-CLI"
	tests := []struct {
		name     string
		env      map[string]string
		wantCode string
		wantMsg  string
	}{
		{"wrong password", map[string]string{"NEO4J_USERNAME": "relgraph-nobody", "NEO4J_PASSWORD": secret},
			model.EUnavailable, `authentication failed for user "relgraph-nobody"`},
		{"unknown database", map[string]string{"NEO4J_DATABASE": "nosuchdb"},
			model.ENotFound, `database "nosuchdb" does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NEO4J_URI", cfg.URI)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			for _, args := range [][]string{{"schema", "apply"}, {"load", "../../seeds"}} {
				stdout, stderr, err := runCLI(t, args...)
				if model.ErrorCode(err) != tt.wantCode || !strings.Contains(stderr, tt.wantMsg) {
					t.Errorf("%v: error %v, stderr %q; want %s %q", args, err, stderr, tt.wantCode, tt.wantMsg)
				}
				if strings.Count(stderr, "\n") != 1 || stdout != "" {
					t.Errorf("%v: want one line on stderr and nothing on stdout, got %q / %q", args, stdout, stderr)
				}
				if strings.Contains(stdout+stderr, secret) || (cfg.Password != "" && strings.Contains(stdout+stderr, os.Getenv("NEO4J_PASSWORD"))) {
					t.Errorf("%v: password printed: %q", args, stderr)
				}
			}
		})
	}
}

// TestGraphFromNeo4jParity: what `export --from neo4j` reads equals the graph
// built in memory from the same articles (aliases aside: the store keeps the
// union over articles).
func TestGraphFromNeo4jParity(t *testing.T) {
	storetest.Open(t)
	if _, stderr, err := runCLI(t, "load", "../../seeds"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var got model.Graph
	app := &cli.App{Commands: []*cli.Command{{
		Name:  "read",
		Flags: neo4jFlags(),
		Action: func(c *cli.Context) (err error) {
			got, err = graphFromNeo4j(c)
			return err
		},
	}}}
	if err := app.Run([]string{"relgraph", "read"}); err != nil {
		t.Fatal(err)
	}
	want := seedGraph(t, "../../seeds")
	for _, g := range []*model.Graph{&got, &want} {
		for i := range g.Nodes {
			g.Nodes[i].Aliases = nil
		}
	}
	if len(want.Edges) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("graph from Neo4j differs from the in-memory graph\n got %+v\nwant %+v", got, want)
	}
}

// TestExportFromNeo4jMatchesArticles: the drawing users get from the database
// is the drawing they get from the articles, byte for byte (DOT carries every
// node, edge, label and style the SVG is drawn from; JSON every property).
func TestExportFromNeo4jMatchesArticles(t *testing.T) {
	storetest.Open(t)
	if _, stderr, err := runCLI(t, "load", "--timeout", "3m", "../../seeds"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, format := range []string{"dot", "json"} {
		t.Run(format, func(t *testing.T) {
			fromArticles, stderr, err := runCLI(t, "export", "--format", format, "--title", "seeds", "../../seeds")
			if err != nil {
				t.Fatalf("export from articles: %v\n%s", err, stderr)
			}
			fromDB, stderr, err := runCLI(t, "export", "--from", "neo4j", "--format", format, "--title", "seeds")
			if err != nil {
				t.Fatalf("export --from neo4j: %v\n%s", err, stderr)
			}
			if !strings.Contains(fromArticles, "vietnam") {
				t.Fatalf("export from articles has no Vietnam:\n%s", fromArticles)
			}
			if fromDB != fromArticles {
				t.Errorf("export --from neo4j differs from export of the articles\n--- articles\n%s\n--- neo4j\n%s", fromArticles, fromDB)
			}
		})
	}
}
