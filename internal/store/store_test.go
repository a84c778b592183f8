package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/model"
)

func TestStatementsOfSchema(t *testing.T) {
	data, err := cypher.FS.ReadFile(cypher.Schema)
	if err != nil {
		t.Fatal(err)
	}
	sts := Statements(string(data))
	if len(sts) < 9 {
		t.Fatalf("schema.cypher: got %d statements, want at least 9 (constraints per actor label, article, full-text index)", len(sts))
	}
	for _, want := range []string{"actor_id", "country_id", "organization_id", "forum_id", "agency_id", "group_id", "person_id", "article_id", "actor_names"} {
		found := false
		for _, st := range sts {
			m := schemaName.FindStringSubmatch(st)
			if m != nil && m[2] == want {
				found = true
			}
		}
		if !found {
			t.Errorf("schema.cypher: no statement creating %s", want)
		}
	}
	for _, st := range sts {
		if !strings.Contains(st, "IF NOT EXISTS") {
			t.Errorf("statement not idempotent: %s", st)
		}
		if strings.Contains(st, ";") || strings.Contains(st, "//") {
			t.Errorf("statement keeps a separator or comment: %s", st)
		}
	}
}

func TestStatements(t *testing.T) {
	tests := []struct {
		name   string
		script string
		want   []string
	}{
		{"empty", "", nil},
		{"comments only", "// a\n  // b\n", nil},
		{"one per line", "CREATE A;\nCREATE B;\n", []string{"CREATE A", "CREATE B"}},
		{"multi-line", "CREATE CONSTRAINT x\n  FOR (n:A)\n  REQUIRE n.id IS UNIQUE;\n", []string{"CREATE CONSTRAINT x FOR (n:A) REQUIRE n.id IS UNIQUE"}},
		{"no final semicolon", "CREATE A;\nCREATE B", []string{"CREATE A", "CREATE B"}},
		{"comment between lines", "CREATE A\n// note\nFOR x;", []string{"CREATE A FOR x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Statements(tt.script); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Statements(%q) = %q, want %q", tt.script, got, tt.want)
			}
		})
	}
}

func TestSchemaName(t *testing.T) {
	tests := []struct{ st, kind, name string }{
		{"CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE", "CONSTRAINT", "actor_id"},
		{"CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name]", "INDEX", "actor_names"},
		{"create index `odd name` if not exists for (n:A) on (n.x)", "index", "`odd name`"},
	}
	for _, tt := range tests {
		m := schemaName.FindStringSubmatch(tt.st)
		if m == nil || m[1] != tt.kind || m[2] != tt.name {
			t.Errorf("%s: got %q, want kind %q name %q", tt.st, m, tt.kind, tt.name)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		uri     string
		wantErr string // "" = valid
	}{
		{"bolt://127.0.0.1:7687", ""},
		{"bolt+s://db.example.org", ""},
		{"bolt+ssc://db.example.org:7687", ""},
		{"neo4j://localhost:7687", ""},
		{"neo4j+s://x.databases.neo4j.io", ""},
		{"neo4j+ssc://localhost", ""},
		{"http://localhost:7474", `scheme "http"`},
		{"localhost:7687", "bad URI"},
		{"bolt://neo4j:hunter22@localhost:7687", "not in the URI"},
	}
	for _, tt := range tests {
		err := Config{URI: tt.uri}.withDefaults().validate()
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: unexpected error %v", tt.uri, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: error %v, want it to mention %q", tt.uri, err, tt.wantErr)
		}
		if model.ErrorCode(err) != model.EInvalid {
			t.Errorf("%s: code %q, want %q", tt.uri, model.ErrorCode(err), model.EInvalid)
		}
		if strings.Contains(err.Error(), "hunter22") {
			t.Errorf("%s: error shows the password: %v", tt.uri, err)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bolt://localhost:7687", "bolt://localhost:7687"},
		{"bolt://neo4j:secret@localhost:7687", "bolt://***@localhost:7687"},
		{"neo4j+s://u:p%zz@host", "neo4j+s://***@host"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestConfigDefaults(t *testing.T) {
	c := Config{}.withDefaults()
	if c.URI != DefaultURI || c.User != "neo4j" || c.Database != "neo4j" || c.Timeout != DefaultTimeout || c.ConnectRetries != DefaultConnectRetries {
		t.Errorf("defaults: %+v", c)
	}
	if c := (Config{ConnectRetries: -1}).withDefaults(); c.ConnectRetries != 0 {
		t.Errorf("ConnectRetries -1 gives %d, want 0 (no retry)", c.ConnectRetries)
	}
}

// TestWrapQueryLostServer checks that a write whose retries ran out because
// the server went away says so and names the server, whether the driver's
// retry limit or the call's deadline ended it.
func TestWrapQueryLostServer(t *testing.T) {
	s := &Store{cfg: Config{URI: "bolt://neo4j:secret@db.example:7687", Password: "secret", Timeout: 20 * time.Second}}
	lost := &neo4j.ConnectivityError{Inner: errors.New("dial tcp 10.0.0.1:7687: connect: connection refused")}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"connectivity", lost,
			"neo4j: write 5 article(s): cannot reach bolt://***@db.example:7687 (dial tcp 10.0.0.1:7687: connect: connection refused): is the server running?"},
		{"retry limit", &neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 10s)", Errors: []error{lost, lost}},
			"neo4j: write 5 article(s): cannot reach bolt://***@db.example:7687 (dial tcp 10.0.0.1:7687: connect: connection refused): is the server running?"},
		{"deadline during the retry sleep", &neo4j.TransactionExecutionLimit{Cause: context.DeadlineExceeded.Error(), Errors: []error{lost, context.DeadlineExceeded}},
			"neo4j: write 5 article(s): cannot reach bolt://***@db.example:7687 (dial tcp 10.0.0.1:7687: connect: connection refused): is the server running?"},
		{"bare deadline", context.DeadlineExceeded,
			"neo4j: write 5 article(s): bolt://***@db.example:7687: no answer within 20s (raise --timeout)"},
		{"server refuses the statement", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "Invalid input 'X'"},
			"neo4j: write 5 article(s): Invalid input 'X' (Neo.ClientError.Statement.SyntaxError)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.wrapQuery(tt.err, "write 5 article(s)").Error()
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %q\nwant %q...", got, tt.want)
			}
			if strings.Contains(got, "secret") {
				t.Errorf("password in %q", got)
			}
		})
	}
}
