package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/relgraph/relgraph/internal/model"
)

// Text renders a value as plain text for a csv or Markdown cell: null is
// empty, strings are as they are, a list's items are joined with "; ", and
// graph values read as in a drawing: a node by its name and kind
// ("Vietnam (Country)"), a path as "Vietnam -[HOTLINE]- Philippines".
func Text(v any) string {
	if list, ok := v.([]any); ok {
		items := make([]string, len(list))
		for i, x := range list {
			items[i] = Text(x)
		}
		return strings.Join(items, "; ")
	}
	return literal(v, false)
}

// shortItem is the widest list item a table cell still joins with others
// on one line ("HOTLINE, EXCHANGE"); longer items (evidence sentences) each
// start a line of their own.
const shortItem = 24

// lines renders a value for a table cell: a list of short items on one
// line, joined with ", "; a list with a long item one item per line;
// anything else on one line.
func lines(v any) []string {
	list, ok := v.([]any)
	if !ok {
		return []string{literal(v, false)}
	}
	out := make([]string, len(list))
	short := true
	for i, x := range list {
		out[i] = literal(x, true)
		short = short && displayWidth(out[i]) <= shortItem && !strings.Contains(out[i], "\n")
	}
	if short && len(out) > 1 {
		return []string{strings.Join(out, ", ")}
	}
	return out
}

// literal renders v; nested values (inside a list or map) show strings
// as they are but lists and maps in brackets, so structure stays visible.
func literal(v any, nested bool) string {
	switch x := v.(type) {
	case nil:
		if nested {
			return "null"
		}
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return formatFloat(x)
	case []any:
		items := make([]string, len(x))
		for i, y := range x {
			items[i] = literal(y, true)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		items := make([]string, len(keys))
		for i, k := range keys {
			items[i] = k + ": " + literal(x[k], true)
		}
		return "{" + strings.Join(items, ", ") + "}"
	case dbtype.Node:
		return nodeText(x, true)
	case dbtype.Relationship:
		return "[:" + x.Type + "]"
	case dbtype.Path:
		return pathText(x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer: // dbtype temporal and spatial values
		return x.String()
	case []byte:
		return fmt.Sprintf("%x", x)
	}
	return fmt.Sprint(v)
}

func formatFloat(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// nodeText names a node by its name, else its id, else its element id;
// withKind adds its most specific label ("Actor" is everyone's).
func nodeText(n dbtype.Node, withKind bool) string {
	name := ""
	for _, key := range []string{"name", "title", "id"} {
		if s, ok := n.Props[key].(string); ok && s != "" {
			name = s
			break
		}
	}
	if name == "" {
		name = n.ElementId
	}
	if !withKind {
		return name
	}
	for _, l := range n.Labels {
		if l != "Actor" {
			return name + " (" + l + ")"
		}
	}
	return name
}

// pathText renders a path in traversal order. Symmetric relationship types
// (stored in an arbitrary canonical direction) are drawn without an arrow,
// directed ones with the arrow pointing as stored.
func pathText(p dbtype.Path) string {
	if len(p.Nodes) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(nodeText(p.Nodes[0], false))
	for i, r := range p.Relationships {
		if i+1 >= len(p.Nodes) {
			break
		}
		prev, next := p.Nodes[i], p.Nodes[i+1]
		switch {
		case model.RelType(r.Type).Symmetric() && model.RelType(r.Type).Valid():
			b.WriteString(" -[" + r.Type + "]- ")
		case r.StartElementId == prev.ElementId:
			b.WriteString(" -[" + r.Type + "]-> ")
		default:
			b.WriteString(" <-[" + r.Type + "]- ")
		}
		b.WriteString(nodeText(next, false))
	}
	return b.String()
}

// jsonValue maps a driver value onto what encoding/json writes well: graph
// values become objects ({"labels", "properties"} for a node, {"type",
// "properties"} for a relationship, {"text", "nodes", "relationships"} for
// a path), temporal values their ISO-8601 text.
func jsonValue(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int64, int:
		return x
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return formatFloat(x)
		}
		return x
	case []any:
		out := make([]any, len(x))
		for i, y := range x {
			out[i] = jsonValue(y)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, y := range x {
			out[k] = jsonValue(y)
		}
		return out
	case dbtype.Node:
		return jsonNode{Labels: x.Labels, Properties: jsonValue(x.Props)}
	case dbtype.Relationship:
		return jsonRel{Type: x.Type, Properties: jsonValue(x.Props)}
	case dbtype.Path:
		p := jsonPath{Text: pathText(x), Nodes: make([]jsonNode, len(x.Nodes)), Relationships: make([]jsonRel, len(x.Relationships))}
		for i, n := range x.Nodes {
			p.Nodes[i] = jsonValue(n).(jsonNode)
		}
		for i, r := range x.Relationships {
			p.Relationships[i] = jsonValue(r).(jsonRel)
		}
		return p
	}
	return literal(v, false)
}

type jsonNode struct {
	Labels     []string `json:"labels"`
	Properties any      `json:"properties"`
}

type jsonRel struct {
	Type       string `json:"type"`
	Properties any    `json:"properties"`
}

type jsonPath struct {
	Text          string     `json:"text"`
	Nodes         []jsonNode `json:"nodes"`
	Relationships []jsonRel  `json:"relationships"`
}
