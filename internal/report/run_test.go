package report

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

// recorder is a Querier that keeps what it was asked; it stands in for
// nothing Neo4j does (the integration tests run the real server), it only
// shows what Run hands over.
type recorder struct {
	what, query string
	params      map[string]any
	deadline    bool
	err         error
}

func (r *recorder) Query(ctx context.Context, what, query string, params map[string]any) ([]string, [][]any, error) {
	r.what, r.query, r.params = what, query, params
	_, r.deadline = ctx.Deadline()
	return []string{"n"}, [][]any{{int64(1)}}, r.err
}

func TestRunPassesValuesAsParameters(t *testing.T) {
	src := "// Actor\n// Test.\n// @param name: who\n// @param limit: rows (default: 5)\nMATCH (a:Actor) WHERE a.name = $name RETURN a LIMIT toInteger($limit)\n"
	r, err := Parse("actor", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	evil := `x'}) MATCH (n) DETACH DELETE n; //"{`
	q := &recorder{}
	res, err := Run(context.Background(), q, r, map[string]string{"name": evil})
	if err != nil {
		t.Fatal(err)
	}
	if q.query != src {
		t.Errorf("query text changed:\n%s", q.query)
	}
	if want := map[string]any{"name": evil, "limit": "5"}; !reflect.DeepEqual(q.params, want) {
		t.Errorf("params %v, want %v", q.params, want)
	}
	if q.what != "report actor" || !q.deadline {
		t.Errorf("what %q, deadline %v: want the report named and a deadline set", q.what, q.deadline)
	}
	if len(res.Rows) != 1 || res.Columns[0] != "n" {
		t.Errorf("result %+v", res)
	}

	q = &recorder{}
	if _, err := Run(context.Background(), q, r, map[string]string{"nam": "x"}); err == nil || q.query != "" {
		t.Errorf("unknown parameter: err %v, query sent %q; want an error before any query", err, q.query)
	}
	boom := errors.New("boom")
	if _, err := Run(context.Background(), &recorder{err: boom}, r, map[string]string{"name": "x"}); !errors.Is(err, boom) {
		t.Errorf("querier error not returned: %v", err)
	}
}
