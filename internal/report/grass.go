package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Palette is the look of each node label and relationship type in the
// colours of the SVG export (internal/export.Palette), so a graph looks the
// same in Neo4j Browser as in the drawings. Colours are "#rrggbb".
type Palette struct {
	Nodes         map[string]NodeColors // label -> colours
	Relationships map[string]RelStyle   // type -> colour and width
}

// NodeColors are a node's fill, border and caption colours.
type NodeColors struct {
	Fill, Border, Text string
}

// RelStyle is a relationship's colour and line width in pixels.
type RelStyle struct {
	Color string
	Width int
}

// ArticleColors are the Article nodes' colours: the export never draws
// articles, Browser shows them pale so the actors stand out.
var ArticleColors = NodeColors{Fill: "#F8FAFC", Border: "#94A3B8", Text: "#334155"}

// Node sizes in Browser: countries biggest, unnamed groups and articles
// smallest (50px otherwise).
var grassDiameter = map[string]int{"Country": 70, "Organization": 65, "Forum": 60, "Agency": 55, "Group": 45, "Person": 45, "Article": 35}

// grassCaption is the property a label shows ({name} otherwise).
var grassCaption = map[string]string{"Article": "{title}"}

// GraSS renders p as a Neo4j Browser graph style sheet: one rule per label
// (fill, border and caption colours, size, caption {name}) plus Article,
// and one per relationship type (colour, width, caption <type>), in name
// order after Browser's own defaults.
//
// The sheet has no comments: Browser's GraSS parser does not know them and
// would glue a comment onto the next selector.
func GraSS(p Palette) string {
	nodes := make(map[string]NodeColors, len(p.Nodes)+1)
	for l, c := range p.Nodes {
		nodes[l] = c
	}
	if _, ok := nodes["Article"]; !ok {
		nodes["Article"] = ArticleColors
	}
	var b strings.Builder
	b.WriteString("node {\n  diameter: 50px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}\n\n")
	b.WriteString("relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: \"<type>\";\n}\n")
	for _, label := range sortedKeys(nodes) {
		c := nodes[label]
		caption := grassCaption[label]
		if caption == "" {
			caption = "{name}"
		}
		fmt.Fprintf(&b, "\nnode.%s {\n  color: %s;\n  border-color: %s;\n  text-color-internal: %s;\n  diameter: %dpx;\n  caption: %q;\n}\n",
			label, strings.ToUpper(c.Fill), strings.ToUpper(c.Border), strings.ToUpper(c.Text), orDefault(grassDiameter[label], 50), caption)
	}
	for _, typ := range sortedKeys(p.Relationships) {
		r := p.Relationships[typ]
		fmt.Fprintf(&b, "\nrelationship.%s {\n  color: %s;\n  shaft-width: %dpx;\n  caption: \"<type>\";\n}\n",
			typ, strings.ToUpper(r.Color), max(r.Width, 1))
	}
	return b.String()
}

// ParseGraSS reads a style sheet the way Neo4j Browser does (its
// grassUtils parseGrassCSS): selectors with whitespace removed, quotes
// dropped, "{...}" inside a rule kept as a caption binding, declarations
// split on ';' and kept only when they have exactly one ':'. It returns
// selector -> property -> value, so tests see what Browser would apply.
func ParseGraSS(src string) map[string]map[string]string {
	raw := map[string]string{}
	var keyword, props strings.Builder
	inString, inProps, inBinding := false, false, false
	for _, c := range src {
		skip := true
		switch c {
		case '{':
			switch {
			case inString:
				skip = false
			case inProps:
				inBinding = true
			default:
				inProps = true
			}
		case '}':
			switch {
			case inString:
				skip = false
			case inBinding:
				inBinding = false
			default:
				inProps = false
				raw[keyword.String()] = props.String()
				keyword.Reset()
				props.Reset()
			}
		case '\'', '"':
			inString = !inString
		default:
			skip = false
		}
		if skip {
			continue
		}
		if inProps {
			props.WriteRune(c)
		} else if !unicode.IsSpace(c) {
			keyword.WriteRune(c)
		}
	}
	rules := make(map[string]map[string]string, len(raw))
	for sel, body := range raw {
		decls := map[string]string{}
		for _, d := range strings.Split(body, ";") {
			if kv := strings.Split(d, ":"); len(kv) == 2 {
				decls[strings.TrimSpace(kv[0])] = strings.TrimSpace(kv[1])
			}
		}
		rules[sel] = decls
	}
	return rules
}

// PaletteOf returns the colours and widths a parsed sheet gives each
// label (node.X rules) and type (relationship.Y rules).
func PaletteOf(rules map[string]map[string]string) Palette {
	p := Palette{Nodes: map[string]NodeColors{}, Relationships: map[string]RelStyle{}}
	for sel, d := range rules {
		if l, ok := strings.CutPrefix(sel, "node."); ok {
			p.Nodes[l] = NodeColors{Fill: d["color"], Border: d["border-color"], Text: d["text-color-internal"]}
		} else if t, ok := strings.CutPrefix(sel, "relationship."); ok {
			w, _ := strconv.Atoi(strings.TrimSuffix(d["shaft-width"], "px"))
			p.Relationships[t] = RelStyle{Color: d["color"], Width: w}
		}
	}
	return p
}

func orDefault(v, d int) int {
	if v == 0 {
		return d
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
