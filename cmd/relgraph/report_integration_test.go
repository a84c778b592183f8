//go:build integration

package main

import (
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/store/storetest"
)

// TestReportRunCommand loads the seeds with `relgraph load` and runs saved
// reports through the command line, in each output format.
func TestReportRunCommand(t *testing.T) {
	storetest.Open(t) // server from NEO4J_*; database emptied
	if _, stderr, err := runCLI(t, "load", "../../seeds"); err != nil {
		t.Fatalf("load: %v\n%s", err, stderr)
	}

	stdout, stderr, err := runCLI(t, "report", "run", "memberships", "--param", "actor=Vietnam", "--format", "json")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatalf("not a JSON array of rows: %v\n%s", err, stdout)
	}
	bodies := map[string]bool{}
	for _, r := range rows {
		if r["member"] == "Vietnam" {
			bodies[r["body"].(string)] = true
		}
		if ev, ok := r["evidence"].([]any); !ok || len(ev) == 0 {
			t.Errorf("row without an evidence list: %v", r)
		}
	}
	if !bodies["ADMM-Plus"] || !bodies["ADMM"] {
		t.Errorf("Vietnam's bodies %v, want ADMM-Plus and ADMM", bodies)
	}
	if stderr != "" {
		t.Errorf("json run wrote to stderr: %q", stderr)
	}

	// Flags after the name; csv parses back with the report's columns.
	stdout, _, err = runCLI(t, "report", "run", "status", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil || len(recs) < 2 || strings.Join(recs[0], ",") != "type,established,planned,total" {
		t.Errorf("status csv: %v\n%s", err, stdout)
	}

	// The table goes to stdout, the row count to stderr.
	stdout, stderr, err = runCLI(t, "report", "run", "path", "-p", "a=vietnam", "-p", "b=Russia")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^path +hops +statuses$`).MatchString(stdout) ||
		!regexp.MustCompile(`(?m)^Vietnam -\[[A-Z_]+\]- .*Russia +\d+ `).MatchString(stdout) ||
		!regexp.MustCompile(`^\(\d+ rows?\)\n$`).MatchString(stderr) {
		t.Errorf("path table:\n%s\nstderr %q", stdout, stderr)
	}

	// Markdown: a header row and an alignment row, numbers right-aligned.
	stdout, _, err = runCLI(t, "report", "run", "partners", "--format", "md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "| partner | kind | types | relationship_types | relationships | established | planned |\n| --- | --- | ---: | --- | ---: | ---: | ---: |\n") {
		t.Errorf("partners md:\n%s", stdout)
	}
}
