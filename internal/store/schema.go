package store

import (
	"context"
	"regexp"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Statements splits a Cypher script into statements: `//` comment lines are
// dropped and a statement ends with a `;` at the end of a line. It is meant
// for schema scripts, whose statements hold no string literal spanning a
// line end with `;`.
func Statements(script string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if st := strings.TrimSpace(cur.String()); st != "" {
			out = append(out, st)
		}
		cur.Reset()
	}
	for _, line := range strings.Split(script, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "//") {
			continue
		}
		if strings.HasSuffix(t, ";") {
			cur.WriteString(strings.TrimSuffix(t, ";"))
			flush()
			continue
		}
		cur.WriteString(t)
		cur.WriteByte(' ')
	}
	flush()
	return out
}

// SchemaResult is what one schema statement did.
type SchemaResult struct {
	Kind      string // "constraint" or "index"
	Name      string // as named in the statement
	Statement string
	Created   bool // false: it already existed (IF NOT EXISTS)
}

var schemaName = regexp.MustCompile(`(?i)^CREATE\s+(?:(?:RANGE|TEXT|POINT|FULLTEXT|VECTOR|LOOKUP)\s+)?(CONSTRAINT|INDEX)\s+([A-Za-z_][A-Za-z0-9_]*|` + "`[^`]+`" + `)`)

// ApplySchema runs each statement of script in its own transaction (schema
// changes cannot share one with data) on the configured database and says
// which ones created something.
func (s *Store) ApplySchema(ctx context.Context, script string) ([]SchemaResult, error) {
	var results []SchemaResult
	for _, st := range Statements(script) {
		r := SchemaResult{Kind: "statement", Statement: st}
		if m := schemaName.FindStringSubmatch(st); m != nil {
			r.Kind, r.Name = strings.ToLower(m[1]), strings.Trim(m[2], "`")
		}
		qctx, cancel := s.timeout(ctx)
		res, err := neo4j.ExecuteQuery(qctx, s.driver, st, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithWritersRouting())
		cancel()
		if err != nil {
			return results, s.wrapQuery(err, "schema: "+st)
		}
		c := res.Summary.Counters()
		r.Created = c.ConstraintsAdded()+c.IndexesAdded() > 0
		results = append(results, r)
	}
	return results, nil
}
