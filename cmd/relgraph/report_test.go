package main

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/internal/model"
)

func TestReportList(t *testing.T) {
	out, _, err := runCLI(t, "report", "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"partners     Partners of a country, ranked\n",
		"--param country=...  the country (or any actor) by id, name or alias (default: \"Vietnam\")",
		"--param name=...  the actor, by id, name or alias (required)",
		"path         Shortest path between two actors\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report list does not show %q:\n%s", want, out)
		}
	}

	out, _, err = runCLI(t, "report", "list", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Name   string
		Params []struct{ Name, Default any }
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("report list --format json: %v\n%s", err, out)
	}
	if len(rows) != 8 || rows[0].Name != "actor" || rows[0].Params[0].Default != nil {
		t.Errorf("report list --format json = %+v", rows)
	}
}

// TestReportRunChecksBeforeConnecting: every mistake in the command line is
// reported without contacting Neo4j (the URI points at a closed port).
func TestReportRunChecksBeforeConnecting(t *testing.T) {
	uri := "bolt://" + closedPort(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no name", []string{}, "give a report name (one of actor, between, by-year,"},
		{"two names", []string{"partners", "status"}, `one report at a time (unexpected "status")`},
		{"unknown report", []string{"nope"}, `no report "nope" (known: actor, between,`},
		{"unknown param", []string{"partners", "--param", "contry=Cuba"},
			`report partners: unknown parameter "contry" (known: country (default: "Vietnam"))`},
		{"missing required", []string{"actor"}, `report actor: missing required parameter "name" (set it with --param name=VALUE`},
		{"bad param", []string{"partners", "--param", "country"}, `parameter "country": want name=value`},
		{"bad format", []string{"status", "--format", "xml"}, `unknown format "xml"`},
		{"unknown trailing flag", []string{"status", "--colour"}, "unknown flag --colour"},
		{"flag without value", []string{"status", "--format"}, "flag --format needs a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"report", "run", "--uri", uri, "--connect-retries", "0"}, tt.args...)
			_, stderr, err := runCLI(t, args...)
			var u usageError
			if !errors.As(err, &u) {
				t.Fatalf("error %v, want a usage error", err)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", stderr, tt.want)
			}
			if strings.Contains(stderr, "cannot reach") {
				t.Errorf("contacted Neo4j: %s", stderr)
			}
		})
	}
}

// TestReportRunConnectsOnlyToRun: a valid command does try the server (and
// fails clearly when none is there).
func TestReportRunConnectsOnlyToRun(t *testing.T) {
	_, stderr, err := runCLI(t, "report", "run", "status", "--uri", "bolt://"+closedPort(t), "--connect-retries", "0")
	if model.ErrorCode(err) != model.EUnavailable || !strings.Contains(stderr, "cannot reach") {
		t.Errorf("error %v (stderr %q), want unavailable: cannot reach", err, stderr)
	}
}

// TestReportRunFlagsAnywhere: flags before and after the report name mean
// the same, and repeated --param accumulate.
func TestReportRunFlagsAnywhere(t *testing.T) {
	parse := func(args ...string) reportRunOptions {
		t.Helper()
		var got reportRunOptions
		cmd := reportRunCmd(streams{})
		cmd.Action = func(c *cli.Context) error {
			var err error
			got, err = parseReportRunOptions(c)
			return err
		}
		app := &cli.App{Name: "relgraph", Commands: []*cli.Command{cmd}, ExitErrHandler: func(*cli.Context, error) {}}
		if err := app.Run(append([]string{"relgraph", "run"}, args...)); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return got
	}
	before := parse("--param", "a=Viet Nam", "--param", "b=Cuba", "--format=csv", "between")
	after := parse("between", "--param", "a=Viet Nam", "--format", "csv", "-p=b=Cuba")
	mixed := parse("-p", "a=Viet Nam", "between", "--param", "b=Cuba", "-f", "csv")
	want := map[string]string{"a": "Viet Nam", "b": "Cuba"}
	for i, o := range []reportRunOptions{before, after, mixed} {
		if o.Report.Name != "between" || o.Format != "csv" || !reflect.DeepEqual(o.Params, want) {
			t.Errorf("case %d: %s %s %v", i, o.Report.Name, o.Format, o.Params)
		}
	}
}
