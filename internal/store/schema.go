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
//
// Every load applies the schema, and a schema statement costs a round trip
// and a schema transaction even when it changes nothing: an IF NOT EXISTS
// statement whose constraint or index name is already taken, which would
// be a no-op, is not sent. Two queries (the names of constraints, of
// indexes) then replace one per statement.
func (s *Store) ApplySchema(ctx context.Context, script string) ([]SchemaResult, error) {
	existing, err := s.schemaNames(ctx)
	if err != nil {
		return nil, err
	}
	var results []SchemaResult
	for _, st := range Statements(script) {
		r := SchemaResult{Kind: "statement", Statement: st}
		if m := schemaName.FindStringSubmatch(st); m != nil {
			r.Kind, r.Name = strings.ToLower(m[1]), strings.Trim(m[2], "`")
		}
		if existing[r.Name] && ifNotExists.MatchString(st) {
			results = append(results, r)
			continue
		}
		res, err := s.schemaQuery(ctx, st, neo4j.ExecuteQueryWithWritersRouting())
		if err != nil {
			return results, err
		}
		c := res.Summary.Counters()
		r.Created = c.ConstraintsAdded()+c.IndexesAdded() > 0
		results = append(results, r)
	}
	return results, nil
}

var ifNotExists = regexp.MustCompile(`(?i)\bIF\s+NOT\s+EXISTS\b`)

// schemaNames returns the names of the database's constraints and indexes.
func (s *Store) schemaNames(ctx context.Context) (map[string]bool, error) {
	names := map[string]bool{}
	for _, q := range []string{"SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"} {
		res, err := s.schemaQuery(ctx, q, neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			return nil, err
		}
		for _, r := range res.Records {
			if name, _, err := neo4j.GetRecordValue[string](r, "name"); err == nil {
				names[name] = true
			}
		}
	}
	return names, nil
}

// schemaQuery runs one schema statement or SHOW query, alone, on the
// configured database within the store's timeout.
func (s *Store) schemaQuery(ctx context.Context, q string, routing neo4j.ExecuteQueryConfigurationOption) (*neo4j.EagerResult, error) {
	ctx, cancel := s.timeout(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), routing)
	if err != nil {
		return nil, s.wrapQuery(err, "schema: "+q)
	}
	return res, nil
}
