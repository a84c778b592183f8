package export

import (
	"encoding/json"

	"github.com/relgraph/relgraph/internal/model"
)

// NodeStyle is how one node label is drawn. Shape is a Graphviz shape name;
// colours are #rrggbb so the same values work in Graphviz, GraphML viewers
// and Neo4j Browser style sheets (GraSS).
type NodeStyle struct {
	Shape  string `json:"shape"`
	Fill   string `json:"fill"`
	Border string `json:"border"`
	Text   string `json:"text"`
	Dashed bool   `json:"dashed,omitempty"` // border dashed (unnamed groups)
}

// EdgeStyle is how one relationship type is drawn. Short is the edge label
// (kept short so labels stay legible); Width is the pen width in points.
// Planned relationships of every type are drawn dashed.
type EdgeStyle struct {
	Color string  `json:"color"`
	Width float64 `json:"width"`
	Short string  `json:"short"`
}

// Palette is the one place relgraph's colours live: the DOT/SVG export uses
// it, GraphML carries its colours, and the Neo4j Browser style sheet is
// generated from the same values (docs/palette.json, written from
// PaletteJSON by `go test ./internal/export -update`).
var Palette = struct {
	Nodes map[model.Label]NodeStyle   `json:"nodes"`
	Edges map[model.RelType]EdgeStyle `json:"edges"`
	Font  string                      `json:"font"`
	Notes map[string]string           `json:"notes"`
}{
	Font: "DejaVu Sans",
	Nodes: map[model.Label]NodeStyle{
		model.Country:      {Shape: "ellipse", Fill: "#dbeafe", Border: "#1d4ed8", Text: "#0f172a"},
		model.Organization: {Shape: "box", Fill: "#ffedd5", Border: "#c2410c", Text: "#0f172a"},
		model.Forum:        {Shape: "hexagon", Fill: "#ede9fe", Border: "#6d28d9", Text: "#0f172a"},
		model.Agency:       {Shape: "component", Fill: "#dcfce7", Border: "#15803d", Text: "#0f172a"},
		model.Group:        {Shape: "ellipse", Fill: "#f1f5f9", Border: "#64748b", Text: "#334155", Dashed: true},
		model.Person:       {Shape: "octagon", Fill: "#fef9c3", Border: "#a16207", Text: "#0f172a"},
		model.Event:        {Shape: "cds", Fill: "#fce7f3", Border: "#be185d", Text: "#0f172a"},
		model.Instrument:   {Shape: "note", Fill: "#fefce8", Border: "#854d0e", Text: "#0f172a"},
		model.Place:        {Shape: "house", Fill: "#e2e8f0", Border: "#475569", Text: "#0f172a"},
	},
	Edges: map[model.RelType]EdgeStyle{
		model.Hotline:            {Color: "#dc2626", Width: 2.5, Short: "hotline"},
		model.JointPatrol:        {Color: "#1d4ed8", Width: 2.5, Short: "joint patrol"},
		model.AttacheOffice:      {Color: "#7c3aed", Width: 2.5, Short: "attaché"},
		model.MemberOf:           {Color: "#94a3b8", Width: 1.2, Short: "member"},
		model.DefenceCooperation: {Color: "#16a34a", Width: 1.6, Short: "cooperation"},
		model.Dialogue:           {Color: "#ea580c", Width: 1.6, Short: "dialogue"},
		model.Exercise:           {Color: "#92400e", Width: 1.6, Short: "exercise"},
		model.Training:           {Color: "#db2777", Width: 1.6, Short: "training"},
		model.Exchange:           {Color: "#0d9488", Width: 1.6, Short: "exchange"},
		model.DefenceIndustry:    {Color: "#111827", Width: 1.6, Short: "industry"},
		model.Peacekeeping:       {Color: "#0ea5e9", Width: 1.6, Short: "peacekeeping"},
		model.Partnership:        {Color: "#ca8a04", Width: 1.6, Short: "partnership"},
		model.PartOf:             {Color: "#a3a3a3", Width: 1.0, Short: "part of"},
	},
	Notes: map[string]string{
		"planned": "planned relationships are drawn dashed, in their type's colour",
		"part_of": "PART_OF is structural: drawn dotted, without a label",
		"since":   "edge labels read '<short> <since>' when a year is known",
	},
}

// nodeStyle returns the style for l, falling back to Group's for labels
// outside the vocabulary so a new label never breaks drawing.
func nodeStyle(l model.Label) NodeStyle {
	if s, ok := Palette.Nodes[l]; ok {
		return s
	}
	return Palette.Nodes[model.Group]
}

// edgeStyle returns the style for t (PART_OF's for unknown types).
func edgeStyle(t model.RelType) EdgeStyle {
	if s, ok := Palette.Edges[t]; ok {
		return s
	}
	return Palette.Edges[model.PartOf]
}

// PaletteJSON is the palette as indented JSON (map keys sorted), the file
// the Neo4j Browser style sheet author reads.
func PaletteJSON() ([]byte, error) {
	b, err := json.MarshalIndent(Palette, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
