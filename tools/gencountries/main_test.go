package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/countries.golden")

// TestGenerate converts a small extract of the package's data: UN members
// only (not Kosovo, not the Holy See), preferred names, codes dropped,
// ambiguous demonyms dropped with a warning.
func TestGenerate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "countries.yaml")
	var warn bytes.Buffer
	if err := run("testdata/countries.json", out, "5.1.0", &warn); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden := "testdata/countries.golden"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s:\n%s", golden, got)
	}
	if !strings.Contains(warn.String(), "dominica:Dominican") {
		t.Errorf("no warning about the ambiguous demonym: %q", warn.String())
	}
}

func TestRunErrors(t *testing.T) {
	if err := run("testdata/missing.json", filepath.Join(t.TempDir(), "x.yaml"), "5.1.0", &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing input: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{"), 0o644)
	if err := run(bad, filepath.Join(t.TempDir(), "x.yaml"), "5.1.0", &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "parse") {
		t.Errorf("bad input: %v", err)
	}
}
