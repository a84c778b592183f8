package report

import (
	"context"
	"time"
)

// Result is a report's output: column names in RETURN order and one slice
// of values per row, as the Neo4j driver returns them (strings, int64,
// float64, bool, nil, lists, maps, dbtype nodes, relationships, paths,
// temporal values).
type Result struct {
	Columns []string
	Rows    [][]any
}

// Querier runs one read-only Cypher statement with parameters; *store.Store
// is one (its Query uses a read transaction bounded by --timeout).
type Querier interface {
	Query(ctx context.Context, what, query string, params map[string]any) (columns []string, rows [][]any, err error)
}

// DefaultTimeout bounds a report when ctx has no deadline of its own:
// reports are interactive, and a runaway one should fail, not hang.
const DefaultTimeout = 60 * time.Second

// Run binds given to the report's parameters (see Report.Bind) and runs the
// report's text unchanged: values reach Neo4j only as Cypher parameters,
// never spliced into the query.
func Run(ctx context.Context, q Querier, r Report, given map[string]string) (Result, error) {
	params, err := r.Bind(given)
	if err != nil {
		return Result{}, err
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	cols, rows, err := q.Query(ctx, "report "+r.Name, r.Query, params)
	if err != nil {
		return Result{}, err
	}
	return Result{Columns: cols, Rows: rows}, nil
}
