package report

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/export"
	"github.com/relgraph/relgraph/internal/model"
)

// grassFile is cypher/style.grass in the source tree (rewritten by -update).
var grassFile = filepath.Join("..", "..", "cypher", cypher.Style)

// exportPalette converts the SVG export's palette: fills, borders and
// caption colours as they are, line widths from points to whole pixels.
func exportPalette() Palette {
	p := Palette{Nodes: map[string]NodeColors{}, Relationships: map[string]RelStyle{}}
	for l, s := range export.Palette.Nodes {
		p.Nodes[string(l)] = NodeColors{Fill: s.Fill, Border: s.Border, Text: s.Text}
	}
	for t, s := range export.Palette.Edges {
		p.Relationships[string(t)] = RelStyle{Color: s.Color, Width: int(math.Round(s.Width))}
	}
	return p
}

// TestGraSS: cypher/style.grass is what GraSS makes of the export palette
// (go test -run TestGraSS -update rewrites it after a palette change).
func TestGraSS(t *testing.T) {
	want := GraSS(exportPalette())
	if *update {
		if err := os.WriteFile(grassFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := os.ReadFile(grassFile)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := cypher.FS.ReadFile(cypher.Style)
	if err != nil {
		t.Fatal(err)
	}
	if string(src) != want || (!*update && string(embedded) != want) {
		t.Errorf("%s is not generated from internal/export's palette: run go test ./internal/report -run TestGraSS -update", grassFile)
	}
}

// TestGraSSColoursAreTheExportPalette reads the shipped sheet the way
// Browser does and compares every colour with internal/export's palette,
// independently of the generator: Browser and the SVG must agree.
func TestGraSSColoursAreTheExportPalette(t *testing.T) {
	src, err := cypher.FS.ReadFile(cypher.Style)
	if err != nil {
		t.Fatal(err)
	}
	rules := ParseGraSS(string(src))
	for _, sel := range []string{"node", "relationship"} {
		if _, ok := rules[sel]; !ok {
			t.Errorf("no default %s rule; selectors: %v", sel, sortedKeys(rules))
		}
	}
	for l, s := range export.Palette.Nodes {
		r, ok := rules["node."+string(l)]
		if !ok {
			t.Errorf("no rule node.%s", l)
			continue
		}
		for prop, want := range map[string]string{"color": s.Fill, "border-color": s.Border, "text-color-internal": s.Text} {
			if !strings.EqualFold(r[prop], want) {
				t.Errorf("node.%s %s = %q, export draws %q", l, prop, r[prop], want)
			}
		}
		if r["caption"] != "{name}" {
			t.Errorf("node.%s caption %q", l, r["caption"])
		}
	}
	for typ, s := range export.Palette.Edges {
		r, ok := rules["relationship."+string(typ)]
		if !ok {
			t.Errorf("no rule relationship.%s", typ)
			continue
		}
		if !strings.EqualFold(r["color"], s.Color) || r["caption"] != "<type>" {
			t.Errorf("relationship.%s color %q caption %q, export draws %q", typ, r["color"], r["caption"], s.Color)
		}
	}
	// Everything the loader stores has a rule: actor labels, Article and
	// every relationship type.
	for _, l := range []model.Label{model.Country, model.Organization, model.Forum, model.Agency, model.Group, model.Person} {
		if _, ok := rules["node."+string(l)]; !ok {
			t.Errorf("no rule for stored label %s", l)
		}
	}
	if rules["node.Article"]["caption"] != "{title}" {
		t.Errorf("node.Article = %v, want caption {title}", rules["node.Article"])
	}
	for _, typ := range model.RelTypes {
		if _, ok := rules["relationship."+string(typ)]; !ok {
			t.Errorf("no rule for relationship type %s", typ)
		}
	}
	// And the sheet is what its own palette generates (nothing hand-edited).
	if got := GraSS(PaletteOf(rules)); got != string(src) {
		t.Error("style.grass differs from GraSS(PaletteOf(style.grass))")
	}
}

func TestParseGraSSLikeBrowser(t *testing.T) {
	src := `node { color: #111111; }
node.Country {
  color: #4C8EDA;
  caption: "{name}";
}
relationship.HOTLINE { color: #D62728; shaft-width: 4px; caption: '<type>'; odd: a:b; }`
	rules := ParseGraSS(src)
	if got := rules["node.Country"]; got["color"] != "#4C8EDA" || got["caption"] != "{name}" {
		t.Errorf("node.Country = %v", got)
	}
	if got := rules["relationship.HOTLINE"]; got["caption"] != "<type>" || got["shaft-width"] != "4px" {
		t.Errorf("relationship.HOTLINE = %v", got)
	}
	if _, ok := rules["relationship.HOTLINE"]["odd"]; ok {
		t.Error("a declaration with two ':' was kept; Browser drops it")
	}
	// Browser has no comments: one glues onto the next selector.
	if _, ok := ParseGraSS("/* c */ node.X { color: #000000; }")["node.X"]; ok {
		t.Error("comment was ignored, but Browser would not ignore it")
	}
	keys := sortedKeys(rules)
	if !sort.StringsAreSorted(keys) || strings.Join(keys, " ") != "node node.Country relationship.HOTLINE" {
		t.Errorf("selectors %v", keys)
	}
}
