package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// runCLI runs relgraph with args and returns stdout, stderr as main would
// print them, and the error.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), append([]string{"relgraph"}, args...), strings.NewReader(""), &out, &errb)
	exitCode(&errb, err)
	return out.String(), errb.String(), err
}

// closedPort is a local address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestNeo4jErrorsAreOneLineWithoutPassword(t *testing.T) {
	const secret = "Pa55-never-shown"
	t.Setenv("NEO4J_PASSWORD", secret)
	addr := closedPort(t)
	tests := []struct {
		name     string
		args     []string
		wantCode string
		wantMsg  string
	}{
		{"schema apply, server down", []string{"schema", "apply", "--uri", "bolt://" + addr, "--connect-retries", "1"},
			model.EUnavailable, "cannot reach bolt://" + addr + " after 2 attempts"},
		{"load, server down", []string{"load", "--uri", "neo4j://" + addr, "--connect-retries", "0", "../../seeds"},
			model.EUnavailable, "cannot reach neo4j://" + addr + " (Unable to retrieve routing table"},
		{"bad scheme", []string{"schema", "apply", "--uri", "http://" + addr},
			model.EInvalid, `scheme "http" is not one of bolt`},
		{"password in URI", []string{"schema", "apply", "--uri", "bolt://neo4j:" + secret + "@" + addr},
			model.EInvalid, "not in the URI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, err := runCLI(t, tt.args...)
			if model.ErrorCode(err) != tt.wantCode {
				t.Fatalf("error %v (code %q), want code %q", err, model.ErrorCode(err), tt.wantCode)
			}
			if !strings.Contains(stderr, tt.wantMsg) {
				t.Errorf("stderr %q does not say %q", stderr, tt.wantMsg)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "relgraph: neo4j: ") {
				t.Errorf("stderr is not one line 'relgraph: neo4j: ...': %q", stderr)
			}
			if strings.Contains(stdout+stderr, secret) {
				t.Errorf("the password is printed: %q", stdout+stderr)
			}
		})
	}
}

func TestPasswordNotInHelp(t *testing.T) {
	const secret = "Pa55-not-in-help"
	t.Setenv("NEO4J_PASSWORD", secret)
	for _, cmd := range [][]string{{"load", "--help"}, {"schema", "apply", "--help"}} {
		stdout, stderr, err := runCLI(t, cmd...)
		if err != nil {
			t.Fatalf("%v: %v", cmd, err)
		}
		if !strings.Contains(stdout, "--password") || !strings.Contains(stdout, "$NEO4J_PASSWORD") {
			t.Errorf("%v: help does not document --password / NEO4J_PASSWORD:\n%s", cmd, stdout)
		}
		if strings.Contains(stdout+stderr, secret) {
			t.Errorf("%v: help shows the password:\n%s", cmd, stdout)
		}
	}
}

func TestSchemaShow(t *testing.T) {
	stdout, _, err := runCLI(t, "schema", "show")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "CREATE CONSTRAINT actor_id IF NOT EXISTS") {
		t.Errorf("schema show does not print schema.cypher:\n%s", stdout)
	}
}
