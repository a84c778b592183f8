package store

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Query runs one statement given by the user's side of the program (a saved
// report) in a READ transaction on the configured database, so it cannot
// change the graph whatever its text or parameters; values reach the server
// only as parameters. It returns the column names and the rows' raw driver
// values. The call is bounded by the configured timeout; what names the
// statement in errors ("report partners").
func (s *Store) Query(ctx context.Context, what, query string, params map[string]any) ([]string, [][]any, error) {
	ctx, cancel := s.timeout(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	type table struct {
		keys []string
		rows [][]any
	}
	t, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (table, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return table{}, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return table{}, err
		}
		keys, err := res.Keys()
		if err != nil {
			return table{}, err
		}
		t := table{keys: keys, rows: make([][]any, len(recs))}
		for i, r := range recs {
			t.rows[i] = r.Values
		}
		return t, nil
	})
	if err != nil {
		return nil, nil, s.wrapQuery(err, what)
	}
	return t.keys, t.rows, nil
}
