package export

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// LargeGraph is the node count above which a drawing switches to its
// compact form: no edge labels, smaller nodes, straight edges. Graphviz's
// label placement and spline routing dominate render time on big graphs and
// labels are unreadable at that scale anyway.
const LargeGraph = 150

// LabelledEdges is the edge count up to which edge labels are laid out by
// dot itself (placed cleanly beside their edge). Above it they become
// external labels placed after layout: dot treats each label as a node to
// rank and route around, which took 13 s for 100 nodes and 246 edges
// against 1.6 s with external labels.
const LabelledEdges = 100

// DOTOptions tune BuildDOT. The zero value gives a titled, labelled graph
// with a legend and no layout attribute.
type DOTOptions struct {
	Title    string // graph label; default "Defence relationships"
	Subtitle string // second title line; default: the node and edge counts
	Layout   string // engine written as the graph's layout attribute ("" = none)
	NoLegend bool
}

// BuildDOT writes g as a styled Graphviz digraph: node shape and colour by
// label, edge colour by type (one edge per relationship, so a pair with
// several types gets several distinct parallel edges), planned
// relationships dashed, symmetric types without arrowheads, short edge
// labels ("hotline 2010"), a title and a legend of the labels and types
// present. Output is deterministic: same graph, same bytes.
func BuildDOT(g model.Graph, opt DOTOptions) []byte {
	large := len(g.Nodes) > LargeGraph
	var b bytes.Buffer
	b.WriteString("digraph relgraph {\n")
	title := opt.Title
	if title == "" {
		title = "Defence relationships"
	}
	sub := opt.Subtitle
	if sub == "" {
		sub = fmt.Sprintf("%d actors · %d relationships", len(g.Nodes), len(g.Edges))
	}
	attrs := []string{
		"label=<" + html(title) + `<BR/><FONT POINT-SIZE="12" COLOR="#475569">` + html(sub) + "</FONT>>",
		"labelloc=t", "fontsize=22", "fontname=" + quote(Palette.Font),
		"bgcolor=white", "pad=0.3", "outputorder=edgesfirst",
	}
	if opt.Layout != "" {
		attrs = append(attrs, "layout="+quote(opt.Layout))
	}
	if large {
		// overlap=scale spreads the layout until nodes stop overlapping:
		// sfdp's default keeps overlaps (233 dense nodes collapsed into
		// a pile) and prism removal took minutes at 1000 nodes.
		attrs = append(attrs, "splines=false", "overlap=scale")
	} else {
		attrs = append(attrs, "rankdir=LR", "nodesep=0.25", "ranksep=1.1",
			"overlap=false", "splines=true", "sep=\"+6\"", "esep=\"+4\"")
	}
	writeAttrs(&b, "graph", attrs)
	nodeFont := "fontsize=12"
	if large {
		nodeFont = "fontsize=9"
	}
	writeAttrs(&b, "node", []string{"style=filled", "fontname=" + quote(Palette.Font), nodeFont, "margin=\"0.12,0.04\"", "height=0.4"})
	writeAttrs(&b, "edge", []string{"fontname=" + quote(Palette.Font), "fontsize=9", "arrowsize=0.7"})

	for _, n := range g.Nodes {
		s := nodeStyle(n.Label)
		style := "filled"
		if s.Dashed {
			style = "filled,dashed"
		}
		if s.Shape == "box" {
			style += ",rounded"
		}
		name := n.Name
		if name == "" {
			name = n.ID
		}
		fmt.Fprintf(&b, "  %s [label=%s shape=%s style=%s fillcolor=%s color=%s fontcolor=%s tooltip=%s];\n",
			quote(n.ID), quote(wrap(name, 18)), s.Shape, quote(style), quote(s.Fill), quote(s.Border), quote(s.Text),
			quote(string(n.Label)+": "+n.Name))
	}
	flip := orientation(g)
	for _, e := range g.Edges {
		s := edgeStyle(e.Type)
		a := []string{"color=" + quote(s.Color), "penwidth=" + strconv.FormatFloat(s.Width, 'f', -1, 64)}
		switch {
		case e.Type == model.PartOf:
			a = append(a, "style=dotted", "weight=2")
		case e.Status == model.Planned:
			a = append(a, "style=dashed")
		}
		tail, head := e.From, e.To
		if flip[[2]string{e.From, e.To}] || e.Type == model.PartOf {
			tail, head = head, tail
		}
		switch {
		case e.Type.Symmetric() || e.Type == model.PartOf:
			a = append(a, "dir=none")
		case tail != e.From:
			a = append(a, "dir=back") // drawn reversed for balance, arrow still at e.To
		}
		if e.Type != model.PartOf && !large {
			key := "label="
			if len(g.Edges) > LabelledEdges {
				key = "xlabel="
			}
			a = append(a, key+quote(edgeLabel(e)), "fontcolor="+quote(s.Color))
		}
		a = append(a, "tooltip="+quote(edgeTooltip(e)))
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", quote(tail), quote(head), strings.Join(a, " "))
	}
	if !opt.NoLegend && len(g.Nodes) > 0 {
		fmt.Fprintf(&b, "  legend [shape=plain style=\"\" label=<%s>];\n", legend(g))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// orientation decides which pairs to write head first. Graphviz's dot
// ranks an edge's tail before its head, so a hub whose partners all point
// at it makes one very long column. Direction carries no meaning in the
// drawing (symmetric types have no arrowheads; directed ones keep theirs
// with dir=back), so each hub's neighbours are alternated before and after
// it, halving the column. A hub is the endpoint with more relationships
// (ties: the smaller id). PART_OF is always written country first (see
// BuildDOT), so agencies sit just after their country.
func orientation(g model.Graph) map[[2]string]bool {
	degree := map[string]int{}
	pairs := map[[2]string]bool{}
	for _, e := range g.Edges {
		p := [2]string{e.From, e.To}
		if !pairs[p] {
			pairs[p] = true
			degree[e.From]++
			degree[e.To]++
		}
	}
	flip := map[[2]string]bool{}
	side := map[[2]string]bool{} // (hub, neighbour) -> neighbour goes after hub
	count := map[string]int{}    // neighbours placed so far, per hub
	for _, e := range g.Edges {
		p := [2]string{e.From, e.To}
		if _, done := flip[p]; done || e.Type == model.PartOf {
			continue
		}
		hub, other := e.From, e.To
		if degree[other] > degree[hub] || (degree[other] == degree[hub] && other < hub) {
			hub, other = other, hub
		}
		hs := [2]string{hub, other}
		after, ok := side[hs]
		if !ok {
			after = count[hub]%2 == 1
			count[hub]++
			side[hs] = after
		}
		// written tail->head: after means hub -> other.
		flip[p] = (after && e.From != hub) || (!after && e.From == hub)
	}
	for p, f := range flip {
		if !f {
			delete(flip, p)
		}
	}
	return flip
}

func writeAttrs(b *bytes.Buffer, kind string, attrs []string) {
	fmt.Fprintf(b, "  %s [%s];\n", kind, strings.Join(attrs, " "))
}

// edgeLabel is the short label: "hotline", "hotline 2010", "attaché ×29".
func edgeLabel(e model.Edge) string {
	l := edgeStyle(e.Type).Short
	if e.Count > 1 {
		l += " ×" + strconv.Itoa(e.Count)
	}
	if e.Since != "" {
		l += " " + e.Since
	}
	return l
}

// edgeTooltip says everything about an edge for SVG viewers: type, status,
// since and how many articles state it.
func edgeTooltip(e model.Edge) string {
	t := fmt.Sprintf("%s %s %s (%s", e.From, e.Type, e.To, e.Status)
	if e.Since != "" {
		t += ", since " + e.Since
	}
	if len(e.Areas) > 0 {
		t += ", " + strings.Join(e.Areas, ", ")
	}
	if n := len(e.Evidence); n > 0 {
		t += fmt.Sprintf(", %d evidence", n)
	}
	return t + ")"
}

// legend is an HTML-like table listing the node labels and relationship
// types present in g, drawn in their palette style.
func legend(g model.Graph) string {
	labels := map[model.Label]bool{}
	for _, n := range g.Nodes {
		labels[n.Label] = true
	}
	types := map[model.RelType]bool{}
	planned := false
	for _, e := range g.Edges {
		types[e.Type] = true
		planned = planned || (e.Status == model.Planned && e.Type != model.PartOf)
	}
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="1" COLOR="#cbd5e1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="white">`)
	b.WriteString(`<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>`)
	for _, l := range sortedLabels(labels) {
		s := nodeStyle(l)
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" COLOR="%s" BORDER="1" WIDTH="24" STYLE="ROUNDED"> </TD><TD ALIGN="LEFT">%s <FONT COLOR="#64748b" POINT-SIZE="9">(%s)</FONT></TD></TR>`,
			s.Fill, s.Border, html(string(l)), html(shapeWord(s)))
	}
	for _, t := range model.RelTypes {
		if !types[t] {
			continue
		}
		s := edgeStyle(t)
		style := ""
		if t == model.PartOf {
			style = ` STYLE="dotted"`
		}
		fmt.Fprintf(&b, `<TR>%s<TD ALIGN="LEFT" VALIGN="BOTTOM">%s</TD></TR>`, lineSample(s.Color, max(2, int(s.Width+0.5)), style), html(string(t)))
	}
	if planned {
		fmt.Fprintf(&b, `<TR>%s<TD ALIGN="LEFT" VALIGN="BOTTOM">dashed = planned</TD></TR>`, lineSample("#475569", 2, ` STYLE="dashed"`))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// lineSample is a legend cell whose bottom border is a line of the given
// colour, width and cell STYLE attribute: a real stroke, drawn the same by
// every viewer and in any font, under the name beside it. (A nested table
// centring the line made go-graphviz v0.2.9 fail on larger graphs.)
func lineSample(color string, width int, style string) string {
	return fmt.Sprintf(`<TD SIDES="B" BORDER="%d" COLOR="%s"%s WIDTH="36"> </TD>`, width, color, style)
}

func sortedLabels(set map[model.Label]bool) []model.Label {
	var out []model.Label
	for _, l := range model.Labels {
		if set[l] {
			out = append(out, l)
		}
	}
	var other []string
	for l := range set {
		if _, ok := Palette.Nodes[l]; !ok {
			other = append(other, string(l))
		}
	}
	sort.Strings(other)
	for _, l := range other {
		out = append(out, model.Label(l))
	}
	return out
}

// shapeWord names a Graphviz shape for readers of the legend.
func shapeWord(s NodeStyle) string {
	w := map[string]string{"ellipse": "oval", "box": "rounded box", "component": "tabbed box", "cds": "arrow box"}[s.Shape]
	if w == "" {
		w = s.Shape
	}
	if s.Dashed {
		w = "dashed " + w
	}
	return w
}

// quote writes s as a DOT double-quoted string.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// html escapes s for a DOT HTML-like label.
func html(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// wrap breaks a long name into lines of about width characters so nodes
// stay compact ("Vietnam People's\nNavy").
func wrap(s string, width int) string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return strings.Join(lines, "\n")
}
