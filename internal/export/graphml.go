package export

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// GraphML keys. Node "label" is the display text (the actor's name): Gephi
// and yEd's property mapper show that key. The Neo4j label goes in
// "labels" as APOC's apoc.export.graphml writes it (":Country"). Symmetric
// relationships are undirected edges (directed="false") in a directed
// graph, which Gephi reads as a mixed graph.
var graphmlKeys = []graphmlKey{
	{ID: "label", For: "node", Name: "label", Type: "string"},
	{ID: "labels", For: "node", Name: "labels", Type: "string"},
	{ID: "name", For: "node", Name: "name", Type: "string"},
	{ID: "country", For: "node", Name: "country", Type: "string"},
	{ID: "color", For: "node", Name: "color", Type: "string"},
	{ID: "elabel", For: "edge", Name: "label", Type: "string"},
	{ID: "type", For: "edge", Name: "type", Type: "string"},
	{ID: "status", For: "edge", Name: "status", Type: "string"},
	{ID: "since", For: "edge", Name: "since", Type: "string"},
	{ID: "areas", For: "edge", Name: "areas", Type: "string"},
	{ID: "level", For: "edge", Name: "level", Type: "string"},
	{ID: "articles", For: "edge", Name: "articles", Type: "int"},
	{ID: "evidence", For: "edge", Name: "evidence", Type: "string"},
	{ID: "ecolor", For: "edge", Name: "color", Type: "string"},
}

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID       string        `xml:"id,attr"`
	Source   string        `xml:"source,attr"`
	Target   string        `xml:"target,attr"`
	Directed bool          `xml:"directed,attr"`
	Data     []graphmlData `xml:"data"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlDoc struct {
	XMLName xml.Name     `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	XSI     string       `xml:"xmlns:xsi,attr"`
	Schema  string       `xml:"xsi:schemaLocation,attr"`
	Keys    []graphmlKey `xml:"key"`
	Graph   graphmlGraph `xml:"graph"`
}

// WriteGraphML writes g as GraphML 1.0 (for yEd, Gephi, NetworkX):
// node data label/labels/name/country/color, edge data
// label/type/status/since/areas/level/articles/evidence/color. Evidence is
// one "article: sentence" line per statement. Empty values are left out.
func WriteGraphML(w io.Writer, g model.Graph) error {
	doc := graphmlDoc{
		XSI:    "http://www.w3.org/2001/XMLSchema-instance",
		Schema: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys:   graphmlKeys,
		Graph:  graphmlGraph{ID: "relgraph", EdgeDefault: "directed"},
	}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphmlNode{ID: n.ID, Data: data(
			"label", nonEmpty(n.Name, n.ID),
			"labels", ":"+string(n.Label),
			"name", n.Name,
			"country", n.Country,
			"color", nodeStyle(n.Label).Fill,
		)})
	}
	for i, e := range g.Edges {
		var ev []string
		for _, x := range e.Evidence {
			ev = append(ev, x.Article+": "+x.Sentence)
		}
		articles := ""
		if n := articleCount(e); n > 0 {
			articles = strconv.Itoa(n)
		}
		doc.Graph.Edges = append(doc.Graph.Edges, graphmlEdge{
			ID: fmt.Sprintf("e%d", i), Source: e.From, Target: e.To, Directed: !e.Type.Symmetric(),
			Data: data(
				"elabel", edgeLabel(e),
				"type", string(e.Type),
				"status", string(e.Status),
				"since", e.Since,
				"areas", strings.Join(e.Areas, ", "),
				"level", e.Level,
				"articles", articles,
				"evidence", strings.Join(ev, "\n"),
				"ecolor", edgeStyle(e.Type).Color,
			),
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// data pairs keys and values, leaving out empty values.
func data(kv ...string) []graphmlData {
	var out []graphmlData
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			out = append(out, graphmlData{Key: kv[i], Value: kv[i+1]})
		}
	}
	return out
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// articleCount is the number of distinct articles stating e.
func articleCount(e model.Edge) int {
	seen := map[string]bool{}
	for _, x := range e.Evidence {
		seen[x.Article] = true
	}
	return len(seen)
}

// WriteJSON writes g as indented JSON: {"nodes": [...], "edges": [...]}
// with each edge's evidence, the same shape model.Graph unmarshals from.
// HTML characters are not escaped (evidence sentences stay readable).
func WriteJSON(w io.Writer, g model.Graph) error {
	if g.Nodes == nil {
		g.Nodes = []model.Entity{}
	}
	g.Edges = append([]model.Edge{}, g.Edges...) // don't touch the caller's edges
	for i := range g.Edges {
		if g.Edges[i].Evidence == nil {
			g.Edges[i].Evidence = []model.Evidence{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(g)
}
