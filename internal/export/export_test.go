package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files (testdata/*.golden, docs/palette.json)")

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n--- got\n%s", path, got)
	}
}

// TestBuildDOTGolden: X.json (a hand-built graph) + a filter -> X.dot.golden.
// Building twice must give the same bytes (golden -> golden stable).
func TestBuildDOTGolden(t *testing.T) {
	tests := []struct {
		name   string
		filter Filter
		opt    DOTOptions
	}{
		{name: "sample", opt: DOTOptions{Layout: "dot"}},
		{name: "sample_hotline", filter: Filter{Types: []model.RelType{model.Hotline}}, opt: DOTOptions{Title: "Hotlines & <patrols>", NoLegend: false}},
		{name: "sample_focus_nolegend", filter: Filter{Focus: "Viet Nam", Depth: 1, Status: StatusEstablished}, opt: DOTOptions{NoLegend: true, Subtitle: "around Vietnam"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := tt.filter.Apply(sample())
			if err != nil {
				t.Fatal(err)
			}
			first := BuildDOT(g, tt.opt)
			if again := BuildDOT(g, tt.opt); !bytes.Equal(first, again) {
				t.Fatal("BuildDOT is not deterministic")
			}
			golden(t, filepath.Join("testdata", tt.name+".dot.golden"), first)
		})
	}
}

func TestBuildDOTStyle(t *testing.T) {
	dot := string(BuildDOT(sample(), DOTOptions{}))
	for _, want := range []string{
		`"vietnam" [label="Vietnam" shape=ellipse`,                   // Country shape
		`"admm-plus" [label="ADMM-Plus" shape=hexagon`,               // Forum shape
		`label="Vietnam People's\nNavy"`,                             // long names wrap
		`color="#dc2626" penwidth=2.5 dir=none label="hotline 2015"`, // HOTLINE colour, symmetric, since
		`style=dashed dir=none label="hotline"`,                      // planned hotline is dashed
		`label="attaché"`,                                            // short label
		`style=dotted weight=2 dir=none tooltip`,                     // PART_OF
		`Russia &amp; Vietnam`,                                       // never: tooltips are not HTML
		`<B>Legend</B>`,
		`dashed = planned`,
	} {
		if want == `Russia &amp; Vietnam` {
			if strings.Contains(dot, want) {
				t.Errorf("DOT holds evidence text %q it should not", want)
			}
			continue
		}
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	// The legend lists only the types present.
	if strings.Contains(dot, "EXERCISE") {
		t.Error("legend lists EXERCISE, which the sample does not have")
	}
	// Large graphs drop edge labels.
	big := synthetic(LargeGraph + 1)
	if d := string(BuildDOT(big, DOTOptions{})); strings.Contains(d, "label=\"cooperation") || !strings.Contains(d, "splines=false") {
		t.Error("large graph keeps edge labels or splines")
	}
}

// synthetic is a deterministic graph of n countries in a ring.
func synthetic(n int) model.Graph {
	var g model.Graph
	for i := 0; i < n; i++ {
		g.Nodes = append(g.Nodes, model.Entity{ID: "c" + itoa(i), Name: "Country " + itoa(i), Label: model.Country})
	}
	for i := 0; i < n; i++ {
		g.Edges = append(g.Edges, model.Edge{Type: model.DefenceCooperation, From: "c" + itoa(i), To: "c" + itoa((i+1)%n), Status: model.Established})
	}
	return g
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestWriteGraphML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string        `xml:"id,attr"`
				Data []graphmlData `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source   string        `xml:"source,attr"`
				Target   string        `xml:"target,attr"`
				Directed string        `xml:"directed,attr"`
				Data     []graphmlData `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, buf.String())
	}
	if !strings.HasPrefix(buf.String(), `<?xml version="1.0" encoding="UTF-8"?>`) || !strings.Contains(buf.String(), `xmlns="http://graphml.graphdrawing.org/xmlns"`) {
		t.Error("missing XML header or GraphML namespace")
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.For + ":" + k.Name
	}
	for _, want := range []string{"node:label", "node:labels", "node:name", "node:country", "edge:type", "edge:status", "edge:since", "edge:evidence"} {
		found := false
		for _, v := range keys {
			found = found || v == want
		}
		if !found {
			t.Errorf("no key %s declared", want)
		}
	}
	s := sample()
	if len(doc.Graph.Nodes) != len(s.Nodes) || len(doc.Graph.Edges) != len(s.Edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(s.Nodes), len(s.Edges))
	}
	value := func(data []graphmlData, key string) string {
		for _, d := range data {
			if _, ok := keys[d.Key]; !ok {
				t.Errorf("data uses undeclared key %q", d.Key)
			}
			if d.Key == key {
				return d.Value
			}
		}
		return ""
	}
	for i, n := range doc.Graph.Nodes {
		if n.ID != s.Nodes[i].ID || value(n.Data, "labels") != ":"+string(s.Nodes[i].Label) || value(n.Data, "label") != s.Nodes[i].Name {
			t.Errorf("node %d = %+v, want %s", i, n, s.Nodes[i].ID)
		}
	}
	for i, e := range doc.Graph.Edges {
		want := s.Edges[i]
		if e.Source != want.From || e.Target != want.To || value(e.Data, "type") != string(want.Type) || value(e.Data, "status") != string(want.Status) || value(e.Data, "since") != want.Since {
			t.Errorf("edge %d = %+v, want %+v", i, e, want)
		}
		if dir := e.Directed == "true"; dir == want.Type.Symmetric() {
			t.Errorf("edge %d %s: directed=%q", i, want.Type, e.Directed)
		}
		if len(want.Evidence) > 0 && value(e.Data, "evidence") != want.Evidence[0].Article+": "+want.Evidence[0].Sentence {
			t.Errorf("edge %d evidence %q", i, value(e.Data, "evidence"))
		}
	}
}

func TestWriteJSONRoundTrip(t *testing.T) {
	g := sample()
	for i := range g.Nodes {
		g.Nodes[i].Aliases = nil // not part of the JSON form
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, g); err != nil {
		t.Fatal(err)
	}
	var back model.Graph
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	// PART_OF edges have no evidence; JSON writes [] and reads back [].
	for i := range g.Edges {
		if g.Edges[i].Evidence == nil {
			g.Edges[i].Evidence = []model.Evidence{}
		}
	}
	if !reflect.DeepEqual(back, g) {
		t.Errorf("round trip changed the graph:\n got %+v\nwant %+v", back, g)
	}
	if !strings.Contains(buf.String(), `"sentence": "Russia & Vietnam have \"traditional\" defence ties."`) {
		t.Error("evidence is HTML-escaped or missing")
	}
	// An empty graph is {"nodes": [], "edges": []}, never null.
	buf.Reset()
	if err := WriteJSON(&buf, model.Graph{}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(buf.String()), ""); got != `{"nodes":[],"edges":[]}` {
		t.Errorf("empty graph = %s", got)
	}
}

// TestPaletteFile keeps docs/palette.json (read by the Neo4j Browser style
// sheet's author) equal to Palette.
func TestPaletteFile(t *testing.T) {
	b, err := PaletteJSON()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("..", "..", "docs", "palette.json"), b)
	for _, l := range model.Labels {
		if _, ok := Palette.Nodes[l]; !ok {
			t.Errorf("no style for label %s", l)
		}
	}
	seen := map[string]model.RelType{}
	for _, rt := range model.RelTypes {
		s, ok := Palette.Edges[rt]
		if !ok {
			t.Errorf("no style for type %s", rt)
			continue
		}
		if other, dup := seen[s.Color]; dup {
			t.Errorf("%s and %s share colour %s", rt, other, s.Color)
		}
		seen[s.Color] = rt
	}
}
