package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/rivo/uniseg"
)

// sample is a result with every kind of value a report returns.
func sample() Result {
	vn := dbtype.Node{ElementId: "4:x:1", Labels: []string{"Actor", "Country"}, Props: map[string]any{"id": "vietnam", "name": "Vietnam"}}
	ph := dbtype.Node{ElementId: "4:x:2", Labels: []string{"Country", "Actor"}, Props: map[string]any{"id": "philippines", "name": "Philippines"}}
	navy := dbtype.Node{ElementId: "4:x:3", Labels: []string{"Actor", "Agency"}, Props: map[string]any{"id": "vietnam-people-s-navy", "name": "Vietnam People's Navy"}}
	nameless := dbtype.Node{ElementId: "4:x:9", Labels: []string{"Thing"}, Props: map[string]any{}}
	hot := dbtype.Relationship{ElementId: "5:x:1", StartElementId: "4:x:3", EndElementId: "4:x:2", Type: "HOTLINE", Props: map[string]any{"status": "planned"}}
	partOf := dbtype.Relationship{ElementId: "5:x:2", StartElementId: "4:x:3", EndElementId: "4:x:1", Type: "PART_OF"}
	attache := dbtype.Relationship{ElementId: "5:x:3", StartElementId: "4:x:1", EndElementId: "4:x:2", Type: "ATTACHE_OFFICE"}
	return Result{
		Columns: []string{"partner", "types", "share", "active", "date", "relationship_types", "status", "evidence", "node", "path", "note"},
		Rows: [][]any{
			{
				"Philippines", int64(3), 0.25, true, dbtype.Date(time.Date(2014, 2, 20, 0, 0, 0, 0, time.UTC)),
				[]any{"HOTLINE", "EXCHANGE"},
				map[string]any{"planned": int64(1), "established": int64(2)},
				[]any{
					"Viet Nam Defence Minister also raised the matter of promoting cooperation in ensuring security and safety in the sea, with hot lines between navies of member countries.",
					"Short one.",
				},
				vn,
				dbtype.Path{Nodes: []dbtype.Node{vn, navy, ph}, Relationships: []dbtype.Relationship{partOf, hot}},
				`pipe | and, comma "quoted"`,
			},
			{
				"Việt Nam – 越南", int64(12), nil, false, nil,
				[]any{},
				map[string]any{"nested": []any{"a", int64(1), nil}},
				[]any{strings.Repeat("x", 75)},
				nameless,
				dbtype.Path{Nodes: []dbtype.Node{ph, vn}, Relationships: []dbtype.Relationship{attache}},
				"line one\nline two",
			},
		},
	}
}

func TestFormatsGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, f, sample()); err != nil {
				t.Fatal(err)
			}
			golden(t, "sample."+string(f)+".golden", buf.Bytes())
		})
	}
}

func TestFormatsEmpty(t *testing.T) {
	empty := Result{Columns: []string{"a", "b"}}
	want := map[Format]string{
		Table:    "a  b\n-  -\n",
		CSV:      "a,b\n",
		JSON:     "[]\n",
		Markdown: "| a | b |\n| --- | --- |\n",
	}
	for f, w := range want {
		var buf bytes.Buffer
		if err := Write(&buf, f, empty); err != nil {
			t.Fatal(err)
		}
		if buf.String() != w {
			t.Errorf("%s: got %q, want %q", f, buf.String(), w)
		}
	}
}

// The machine-readable formats must round-trip: every row and column back.
func TestCSVAndJSONParseBack(t *testing.T) {
	res := sample()
	var c bytes.Buffer
	if err := Write(&c, CSV, res); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+len(res.Rows) || recs[1][10] != `pipe | and, comma "quoted"` || recs[2][10] != "line one\nline two" {
		t.Errorf("csv did not round-trip: %q", recs)
	}
	var j bytes.Buffer
	if err := Write(&j, JSON, res); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(j.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0]["types"] != float64(3) || rows[1]["share"] != nil ||
		rows[0]["path"].(map[string]any)["text"] != "Vietnam <-[PART_OF]- Vietnam People's Navy -[HOTLINE]- Philippines" {
		t.Errorf("json did not round-trip: %v", rows)
	}
}

func TestTableWidths(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Table, sample()); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		// 11 columns, none wider than MaxColumnWidth, two spaces apart.
		if w := uniseg.StringWidth(line); w > 11*(MaxColumnWidth+2) {
			t.Errorf("line %d wide: %q", w, line)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"short", 10, []string{"short"}},
		{"", 10, []string{""}},
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"  spaces   collapse  ", 20, []string{"spaces collapse"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"ab 越南越南越南", 4, []string{"ab", "越南", "越南", "越南"}},
		{"a verylongword b", 5, []string{"a", "veryl", "ongwo", "rd b"}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		for _, l := range got {
			if uniseg.StringWidth(l) > tt.width {
				t.Errorf("wrap(%q, %d): line %q too wide", tt.in, tt.width, l)
			}
		}
	}
}

func TestTableCutsLongCells(t *testing.T) {
	long := strings.Repeat("word ", 200)
	var buf bytes.Buffer
	if err := Write(&buf, Table, Result{Columns: []string{"evidence"}, Rows: [][]any{{long}}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 2+MaxCellLines || !strings.HasSuffix(lines[len(lines)-1], "word …") {
		t.Errorf("got %d lines ending %q, want header, rule and %d lines, the last ending with …", len(lines), lines[len(lines)-1], MaxCellLines)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"table": Table, "CSV": CSV, " json ": JSON, "md": Markdown, "markdown": Markdown} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), "want table, csv, json or md") {
		t.Errorf("ParseFormat(xml) error %v", err)
	}
}

// BenchmarkWrite formats 1,000 rows shaped like the hotlines report (names,
// a list of article ids, long evidence sentences) in each format.
func BenchmarkWrite(b *testing.B) {
	res := Result{Columns: []string{"type", "from", "to", "status", "since", "offices", "articles", "evidence"}}
	sentence := "The Vietnamese Navy will continue to maintain hotlines and joint patrols with other navies, " +
		"and both sides agreed to expand exchanges of delegations in the coming years."
	for i := 0; i < 1000; i++ {
		res.Rows = append(res.Rows, []any{"HOTLINE", "Vietnam People's Navy (Vietnam)", "other navies", "established",
			nil, int64(i), []any{"000_4a357b28ac66a3cc", "003_86d00f9e133ffe8c"}, []any{sentence, sentence}})
	}
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, f, res); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
