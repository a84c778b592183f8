package store

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Dump reads the whole database (every node and relationship, whatever its
// label or type) and returns it as canonical text, so that two databases
// holding the same graph give byte-identical dumps and a diff of two dumps
// shows what differs. Tests use it to compare a load interrupted by a crash
// with a clean one. See FormatDump for the format and for what is
// normalised.
func (s *Store) Dump(ctx context.Context) (string, error) {
	ctx, cancel := s.timeout(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	type graph struct {
		nodes []DumpNode
		rels  []DumpRel
	}
	g, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (graph, error) {
		var g graph
		res, err := tx.Run(ctx, `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`, nil)
		if err != nil {
			return g, err
		}
		for res.Next(ctx) {
			r := res.Record()
			g.nodes = append(g.nodes, DumpNode{Labels: strs(r, "labels"), Props: propsValue(r, "props")})
		}
		if err := res.Err(); err != nil {
			return g, err
		}
		res, err = tx.Run(ctx, `MATCH (a)-[r]->(b)
RETURN labels(a) AS fromLabels, a.id AS fromID, properties(a) AS fromProps, type(r) AS type,
       properties(r) AS props, labels(b) AS toLabels, b.id AS toID, properties(b) AS toProps`, nil)
		if err != nil {
			return g, err
		}
		for res.Next(ctx) {
			r := res.Record()
			g.rels = append(g.rels, DumpRel{
				From:  endpoint(r, "fromLabels", "fromID", "fromProps"),
				Type:  str(r, "type"),
				Props: propsValue(r, "props"),
				To:    endpoint(r, "toLabels", "toID", "toProps"),
			})
		}
		return g, res.Err()
	})
	if err != nil {
		return "", s.wrapQuery(err, "dump")
	}
	return FormatDump(g.nodes, g.rels), nil
}

// DumpNode is one node as read for a dump.
type DumpNode struct {
	Labels []string
	Props  map[string]any
}

// DumpRel is one relationship as read for a dump. Its endpoints carry
// their labels and only their id property (all properties when they have
// no id), which is how relgraph identifies nodes across databases.
type DumpRel struct {
	From, To DumpNode
	Type     string
	Props    map[string]any
}

// VolatileProperties are node properties left out of dumps because they
// differ between two loads of the same articles: when an article was
// loaded.
var VolatileProperties = []string{"loaded_at"}

// parallelLists are the relationship properties that hold one row per
// article, spread over parallel lists (see the package doc): the first
// list names the article of each row. Rows are appended in load order,
// which is irrelevant to the graph (the aggregates are computed from the
// smallest article id), so a dump orders the rows by article, keeping the
// stored order of one article's rows (its evidence in stated order).
var parallelLists = [][]string{
	{"article_ids", "article_statuses", "article_sinces", "article_levels", "article_counts"},
	{"evidence_articles", "evidence_sentences"},
	{"area_articles", "area_names"},
}

// FormatDump writes nodes and relationships as canonical text:
//
//	# nodes N
//	(:Label1:Label2 {key: value, ...})            one a line, lines sorted
//	# relationships M
//	(:Labels {id: "from"})-[:TYPE {key: value, ...}]->(:Labels {id: "to"})
//	                                              sorted by start, type, end, properties
//
// Labels and property keys are sorted; VolatileProperties are left out of
// nodes; strings are Go-quoted, dates written as date("2014-02-20"). List
// values keep their stored order (aliases and areas are stored sorted, so
// a different order is a real difference), except the per-article parallel
// lists of relationships, whose rows are ordered by article (stable, so
// the rows of one article keep their order). Parallel lists of different
// lengths are left as stored, for the diff to show. Duplicate nodes or
// relationships give duplicate lines.
func FormatDump(nodes []DumpNode, rels []DumpRel) string {
	nodeLines := make([]string, len(nodes))
	for i, n := range nodes {
		nodeLines[i] = formatNode(n.Labels, withoutVolatile(n.Props))
	}
	sort.Strings(nodeLines)
	type relLine struct{ from, typ, to, props string }
	relLines := make([]relLine, len(rels))
	for i, r := range rels {
		relLines[i] = relLine{
			from:  formatNode(r.From.Labels, withoutVolatile(r.From.Props)),
			typ:   r.Type,
			to:    formatNode(r.To.Labels, withoutVolatile(r.To.Props)),
			props: formatProps(orderParallelLists(r.Props)),
		}
	}
	sort.Slice(relLines, func(i, j int) bool {
		a, b := relLines[i], relLines[j]
		if a.from != b.from {
			return a.from < b.from
		}
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		if a.to != b.to {
			return a.to < b.to
		}
		return a.props < b.props
	})
	var b strings.Builder
	fmt.Fprintf(&b, "# nodes %d\n", len(nodeLines))
	for _, l := range nodeLines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "# relationships %d\n", len(relLines))
	for _, r := range relLines {
		fmt.Fprintf(&b, "%s-[:%s %s]->%s\n", r.from, r.typ, r.props, r.to)
	}
	return b.String()
}

// endpoint is a relationship's end as a DumpNode: labels and id, or every
// property when the node has no id.
func endpoint(r *neo4j.Record, labelsKey, idKey, propsKey string) DumpNode {
	n := DumpNode{Labels: strs(r, labelsKey)}
	if id, ok := r.Get(idKey); ok && id != nil {
		n.Props = map[string]any{"id": id}
	} else {
		n.Props = propsValue(r, propsKey)
	}
	return n
}

func propsValue(r *neo4j.Record, key string) map[string]any {
	v, _ := r.Get(key)
	m, _ := v.(map[string]any)
	return m
}

func withoutVolatile(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		out[k] = v
	}
	for _, k := range VolatileProperties {
		delete(out, k)
	}
	return out
}

func formatNode(labels []string, props map[string]any) string {
	labels = append([]string(nil), labels...)
	sort.Strings(labels)
	var b strings.Builder
	b.WriteByte('(')
	for _, l := range labels {
		b.WriteByte(':')
		b.WriteString(l)
	}
	if len(labels) > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(formatProps(props))
	b.WriteByte(')')
	return b.String()
}

func formatProps(props map[string]any) string {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + formatValue(props[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// formatValue writes one property value unambiguously: a string "1" and an
// integer 1 differ, as they do in Neo4j.
func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatFloat(x, 'f', 1, 64) // 2.0, never confused with 2
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = formatValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return formatProps(x)
	case dbtype.Date:
		return `date("` + x.Time().Format("2006-01-02") + `")`
	case dbtype.LocalDateTime:
		return `localdatetime("` + x.Time().Format("2006-01-02T15:04:05.999999999") + `")`
	case time.Time:
		return `datetime("` + x.Format(time.RFC3339Nano) + `")`
	default:
		return fmt.Sprintf("%T(%v)", v, v)
	}
}

// orderParallelLists returns props with the rows of each complete group of
// parallelLists ordered by article (stable).
func orderParallelLists(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		out[k] = v
	}
	for _, group := range parallelLists {
		lists := make([][]any, len(group))
		ok := true
		for i, k := range group {
			l, isList := out[k].([]any)
			ok = ok && isList && (i == 0 || len(l) == len(lists[0]))
			lists[i] = l
		}
		if !ok {
			continue
		}
		rows := make([]int, len(lists[0]))
		for i := range rows {
			rows[i] = i
		}
		key := lists[0]
		sort.SliceStable(rows, func(i, j int) bool {
			return formatValue(key[rows[i]]) < formatValue(key[rows[j]])
		})
		for i, k := range group {
			sorted := make([]any, len(rows))
			for j, r := range rows {
				sorted[j] = lists[i][r]
			}
			out[k] = sorted
		}
	}
	return out
}
