// Package storetest helps integration tests that need a real Neo4j server:
// it reads the connection from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
// NEO4J_DATABASE, and empties the database before a test uses it. It talks
// to the server; there is no fake.
package storetest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/store"
)

// Config is the server under test. Without NEO4J_URI the test is skipped,
// unless RELGRAPH_REQUIRE_NEO4J=1 makes that a failure.
func Config(t testing.TB) store.Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("RELGRAPH_REQUIRE_NEO4J") == "1" {
			t.Fatal("NEO4J_URI is not set and RELGRAPH_REQUIRE_NEO4J=1: start a server with scripts/neo4j start and run scripts/test")
		}
		t.Skip("NEO4J_URI not set: no Neo4j server to test against (scripts/test sets it)")
	}
	return store.Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
		Timeout:  3 * time.Minute, // generous: a fresh server on a busy 2-core CI machine is slow to plan
	}
}

// Open connects to the server under test, applies relgraph's schema and
// deletes every node; the store is closed when the test ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	cfg := Config(t)
	s, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	script, err := cypher.FS.ReadFile(cypher.Schema)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplySchema(context.Background(), string(script)); err != nil {
		t.Fatalf("schema: %v", err)
	}
	Query(t, "MATCH (n) DETACH DELETE n", nil)
	return s
}

// Query runs query on the server under test and returns its records.
func Query(t testing.TB, query string, params map[string]any) []*neo4j.Record {
	t.Helper()
	cfg := Config(t)
	ctx, cancel := context.WithTimeout(context.Background(), cfg.Timeout)
	defer cancel()
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(userOr(cfg.User), cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	db := cfg.Database
	if db == "" {
		db = store.DefaultDatabase
	}
	res, err := neo4j.ExecuteQuery(ctx, d, query, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return res.Records
}

// Int runs a query returning one integer.
func Int(t testing.TB, query string) int64 {
	t.Helper()
	recs := Query(t, query, nil)
	if len(recs) == 0 {
		t.Fatalf("%s: no record", query)
	}
	n, _ := recs[0].Values[0].(int64)
	return n
}

// Counts is the shape of the database: what a repeated load must not change.
type Counts struct {
	Nodes, Relationships, Articles, Actors, Mentions, Evidence int64
	// DuplicateEvidence counts (article, sentence) pairs stored twice on
	// one relationship; DuplicateRelationships, node pairs with a type
	// stored twice (see duplicateRelationships).
	DuplicateEvidence, DuplicateRelationships int64
}

// Count measures the database.
func Count(t testing.TB) Counts {
	t.Helper()
	return Counts{
		Nodes:         Int(t, "MATCH (n) RETURN count(n)"),
		Relationships: Int(t, "MATCH ()-[r]->() RETURN count(r)"),
		Articles:      Int(t, "MATCH (n:Article) RETURN count(n)"),
		Actors:        Int(t, "MATCH (n:Actor) RETURN count(n)"),
		Mentions:      Int(t, "MATCH ()-[r:MENTIONS]->() RETURN count(r)"),
		Evidence:      Int(t, "MATCH (:Actor)-[r]->(:Actor) RETURN coalesce(sum(size(r.evidence_sentences)), 0)"),
		DuplicateEvidence: Int(t, `MATCH (:Actor)-[r]->(:Actor)
			UNWIND range(0, size(r.evidence_sentences) - 1) AS i
			WITH r, r.evidence_articles[i] AS a, r.evidence_sentences[i] AS s, count(*) AS n
			WHERE n > 1 RETURN count(*)`),
		DuplicateRelationships: duplicateRelationships(t),
	}
}

// duplicateRelationships counts node pairs with one relationship type
// stored twice: in the same direction, or in either direction for a
// symmetric type (which must be stored once per pair).
func duplicateRelationships(t testing.TB) int64 {
	t.Helper()
	var symmetric []string
	for _, rt := range model.RelTypes {
		if rt.Symmetric() {
			symmetric = append(symmetric, string(rt))
		}
	}
	recs := Query(t, `MATCH (a)-[r]-(b) WHERE elementId(a) < elementId(b)
		WITH a, b, type(r) AS t, collect(startNode(r) = a) AS forward
		WITH t, size([f IN forward WHERE f]) AS fw, size([f IN forward WHERE NOT f]) AS bw
		WHERE fw > 1 OR bw > 1 OR (t IN $symmetric AND fw + bw > 1)
		RETURN count(*)`, map[string]any{"symmetric": symmetric})
	n, _ := recs[0].Values[0].(int64)
	return n
}

func userOr(u string) string {
	if u == "" {
		return store.DefaultUser
	}
	return u
}
