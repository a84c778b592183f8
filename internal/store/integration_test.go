//go:build integration

// Integration tests against a real Neo4j server, configured by NEO4J_URI,
// NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE (scripts/test sets
// them). They clean the database before use, so never point them at data
// you want to keep; packages touching Neo4j must run one at a time (-p 1).
package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/model"
)

// envConfig is the server under test. Without NEO4J_URI the test is skipped,
// unless RELGRAPH_REQUIRE_NEO4J=1 makes that a failure.
func envConfig(t *testing.T) Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("RELGRAPH_REQUIRE_NEO4J") == "1" {
			t.Fatal("NEO4J_URI is not set and RELGRAPH_REQUIRE_NEO4J=1: start a server with scripts/neo4j start and run scripts/test")
		}
		t.Skip("NEO4J_URI not set: no Neo4j server to test against (scripts/test sets it)")
	}
	return Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
		Timeout:  60 * time.Second,
	}
}

// openClean connects, applies the schema and empties the database.
func openClean(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, envConfig(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.ApplySchema(ctx, schemaScript(t)); err != nil {
		t.Fatalf("schema: %v", err)
	}
	mustRun(t, s, "MATCH (n) DETACH DELETE n", nil)
	return s
}

func schemaScript(t *testing.T) string {
	t.Helper()
	b, err := cypher.FS.ReadFile(cypher.Schema)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustRun(t *testing.T, s *Store, query string, params map[string]any) []*neo4j.Record {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, query, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database))
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return res.Records
}

func count(t *testing.T, s *Store, query string) int64 {
	t.Helper()
	recs := mustRun(t, s, query, nil)
	n, _ := recs[0].Values[0].(int64)
	return n
}

// counts is the shape of the database: what a repeated load must not change.
type counts struct {
	Nodes, Rels, Articles, Actors, Mentions, Evidence int64
}

func dbCounts(t *testing.T, s *Store) counts {
	t.Helper()
	return counts{
		Nodes:    count(t, s, "MATCH (n) RETURN count(n)"),
		Rels:     count(t, s, "MATCH ()-[r]->() RETURN count(r)"),
		Articles: count(t, s, "MATCH (n:Article) RETURN count(n)"),
		Actors:   count(t, s, "MATCH (n:Actor) RETURN count(n)"),
		Mentions: count(t, s, "MATCH ()-[r:MENTIONS]->() RETURN count(r)"),
		Evidence: count(t, s, "MATCH (:Actor)-[r]->(:Actor) RETURN coalesce(sum(size(r.evidence_sentences)), 0)"),
	}
}

// Hand-written articles (not from any corpus) exercising every property:
// symmetric pairs given in both directions, status, since, level, areas,
// count, PART_OF, a group, evidence shared between articles.
var (
	vn    = model.Entity{ID: "vietnam", Name: "Vietnam", Label: model.Country, Country: "vietnam", Aliases: []string{"Viet Nam"}}
	ph    = model.Entity{ID: "philippines", Name: "Philippines", Label: model.Country, Country: "philippines"}
	in    = model.Entity{ID: "india", Name: "India", Label: model.Country, Country: "india"}
	un    = model.Entity{ID: "united-nations", Name: "United Nations", Label: model.Organization}
	navy  = model.Entity{ID: "vietnam-peoples-navy", Name: "Vietnam People's Navy", Label: model.Agency, Country: "vietnam", Aliases: []string{"Vietnamese Navy"}}
	group = model.Entity{ID: "29-countries", Name: "29 countries", Label: model.Group, Count: 29}
)

func rel(t model.RelType, from, to string, st model.Status, sentence string) model.Relation {
	return model.Relation{Type: t, From: from, To: to, Status: st, Sentence: sentence}
}

func testItem(id, hash string, ents []model.Entity, rels ...model.Relation) Item {
	for i := range rels {
		rels[i].Article = id
	}
	return Item{
		Article:    model.Article{ID: id, Title: "Title " + id, Date: "2014-02-20", Source: "test", Path: "testdata/" + id + ".txt", Hash: hash},
		Extraction: model.Extraction{Articles: []model.ArticleRef{{ID: id, Path: "testdata/" + id + ".txt"}}, Entities: ents, Relations: rels},
	}
}

func articleA(hash string) Item {
	hot := rel(model.Hotline, "vietnam-peoples-navy", "philippines", model.Planned, "The two navies will set up a hotline.")
	dc := rel(model.DefenceCooperation, "vietnam", "philippines", model.Established, "Vietnam and the Philippines cooperate in maritime security.")
	dc.Areas, dc.Since = []string{"maritime security"}, "2011"
	dlg := rel(model.Dialogue, "philippines", "vietnam", model.Planned, "They agreed to hold a deputy-ministerial dialogue.")
	dlg.Level = "deputy-ministerial"
	att := rel(model.AttacheOffice, "vietnam", "29-countries", model.Established, "Defence attaché offices have been set up in 29 countries.")
	att.Count = 29
	return testItem("a", hash, []model.Entity{vn, ph, navy, group},
		hot, dc, dlg, att, rel(model.PartOf, "vietnam-peoples-navy", "vietnam", "", ""))
}

func articleB() Item {
	dc := rel(model.DefenceCooperation, "philippines", "vietnam", model.Planned, "The Philippines and Vietnam will cooperate in search and rescue.")
	dc.Areas, dc.Since = []string{"search and rescue"}, "2009"
	dlg := rel(model.Dialogue, "vietnam", "philippines", model.Established, "The dialogue was held in Hanoi.")
	dlg.Level = "ministerial"
	return testItem("b", "hash-b", []model.Entity{vn, ph, in, un},
		dc, dlg,
		rel(model.Peacekeeping, "vietnam", "united-nations", model.Established, "Vietnam deploys to UN peacekeeping missions."),
		rel(model.Training, "india", "vietnam", model.Established, "India trains Vietnamese submariners."))
}

// articleA2 is article a edited: the hotline and the group are gone, the
// cooperation is only planned now, a new exercise appears.
func articleA2() Item {
	dc := rel(model.DefenceCooperation, "vietnam", "philippines", model.Planned, "Vietnam and the Philippines intend to cooperate.")
	return testItem("a", "hash-a2", []model.Entity{vn, ph, in},
		dc, rel(model.Exercise, "india", "philippines", model.Established, "India and the Philippines held a naval exercise."))
}

// wantGraph is the in-memory graph of items: what Neo4j must give back.
func wantGraph(items ...Item) model.Graph {
	var x model.Extraction
	for _, it := range items {
		x.Merge(it.Extraction)
	}
	x.Sort()
	return model.BuildGraph(x)
}

// assertGraph compares the stored graph with want, nodes without aliases
// (the store keeps the union over articles, memory the first seen).
func assertGraph(t *testing.T, s *Store, want model.Graph) {
	t.Helper()
	got, err := s.ReadGraph(context.Background())
	if err != nil {
		t.Fatalf("read graph: %v", err)
	}
	for _, g := range []*model.Graph{&got, &want} {
		for i := range g.Nodes {
			g.Nodes[i].Aliases = nil
		}
	}
	if !reflect.DeepEqual(got.Nodes, want.Nodes) {
		t.Errorf("nodes differ\n got %+v\nwant %+v", got.Nodes, want.Nodes)
	}
	if len(got.Edges) != len(want.Edges) {
		t.Errorf("%d edges, want %d", len(got.Edges), len(want.Edges))
	}
	for i := range max(len(got.Edges), len(want.Edges)) {
		var g, w model.Edge
		if i < len(got.Edges) {
			g = got.Edges[i]
		}
		if i < len(want.Edges) {
			w = want.Edges[i]
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("edge %d\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestSchemaApplyTwice(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	script := schemaScript(t)
	// Drop relgraph's schema so the first apply has something to create.
	for _, st := range Statements(script) {
		m := schemaName.FindStringSubmatch(st)
		if m == nil {
			t.Fatalf("statement without a name: %s", st)
		}
		mustRun(t, s, fmt.Sprintf("DROP %s %s IF EXISTS", m[1], m[2]), nil)
	}
	first, err := s.ApplySchema(ctx, script)
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.ApplySchema(ctx, script)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != len(Statements(script)) || len(second) != len(first) {
		t.Fatalf("results: %d then %d, want %d each", len(first), len(second), len(Statements(script)))
	}
	for i := range first {
		if !first[i].Created {
			t.Errorf("first apply: %s %s not created", first[i].Kind, first[i].Name)
		}
		if second[i].Created {
			t.Errorf("second apply: %s %s created again", second[i].Kind, second[i].Name)
		}
	}
	names := map[string]bool{}
	for _, q := range []string{"SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"} {
		for _, r := range mustRun(t, s, q, nil) {
			names[r.Values[0].(string)] = true
		}
	}
	for _, r := range first {
		if !names[r.Name] {
			t.Errorf("%s %s not in SHOW CONSTRAINTS/INDEXES", r.Kind, r.Name)
		}
	}
	// The unique constraint on :Actor(id) holds whatever the label.
	mustRun(t, s, "CREATE (:Actor:Country {id: 'x'})", nil)
	_, err = neo4j.ExecuteQuery(ctx, s.driver, "CREATE (:Actor:Agency {id: 'x'})", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database))
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second actor with id x: error %v, want a constraint violation", err)
	}
	// The full-text index finds actors by alias.
	mustRun(t, s, "MATCH (n) DETACH DELETE n", nil)
	if _, err := s.Write(ctx, []Item{articleA("hash-a")}); err != nil {
		t.Fatal(err)
	}
	mustRun(t, s, "CALL db.awaitIndexes(60)", nil)
	recs := mustRun(t, s, "CALL db.index.fulltext.queryNodes('actor_names', 'vietnamese') YIELD node RETURN node.id", nil)
	if len(recs) != 1 || recs[0].Values[0] != "vietnam-peoples-navy" {
		t.Errorf("full-text search for an alias: %v, want vietnam-peoples-navy", recs)
	}
}

func TestWriteReadParity(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	a, b := articleA("hash-a"), articleB()
	st, err := s.Write(ctx, []Item{a, b})
	if err != nil {
		t.Fatal(err)
	}
	want := wantGraph(a, b)
	if st.NodesCreated != len(want.Nodes) || st.RelationshipsCreated != len(want.Edges) {
		t.Errorf("stats %+v: want %d nodes and %d relationships created", st, len(want.Nodes), len(want.Edges))
	}
	assertGraph(t, s, want)
	// Spot-check the aggregation the parity relies on.
	recs := mustRun(t, s, `MATCH (:Actor {id:'philippines'})-[r:DEFENCE_COOPERATION]->(:Actor {id:'vietnam'})
		RETURN r.status, r.since, r.areas, r.evidence_articles`, nil)
	if len(recs) != 1 {
		t.Fatalf("DEFENCE_COOPERATION philippines->vietnam: %d relationships, want 1 (canonical direction)", len(recs))
	}
	if got := recs[0].Values; got[0] != "established" || got[1] != "2009" ||
		!reflect.DeepEqual(got[2], []any{"maritime security", "search and rescue"}) || !reflect.DeepEqual(got[3], []any{"a", "b"}) {
		t.Errorf("DEFENCE_COOPERATION properties %v", got)
	}
	if n := count(t, s, "MATCH (:Agency {id:'vietnam-peoples-navy'})-[:PART_OF]->(:Country {id:'vietnam'}) RETURN count(*)"); n != 1 {
		t.Errorf("PART_OF agency -> country: %d, want 1", n)
	}
	if n := count(t, s, "MATCH (:Article {id:'a'})-[:MENTIONS]->(:Actor) RETURN count(*)"); n != 4 {
		t.Errorf("article a MENTIONS %d actors, want 4", n)
	}
	if n := count(t, s, "MATCH (a:Article {id:'a'}) WHERE a.date = date('2014-02-20') AND a.hash = 'hash-a' RETURN count(*)"); n != 1 {
		t.Errorf("article a: date or hash not stored")
	}
}

func TestWriteTwiceChangesNothing(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	items := []Item{articleA("hash-a"), articleB()}
	if _, err := s.Write(ctx, items); err != nil {
		t.Fatal(err)
	}
	before := dbCounts(t, s)
	st, err := s.Write(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	if after := dbCounts(t, s); after != before {
		t.Errorf("second write changed the database: %+v -> %+v", before, after)
	}
	if st.NodesCreated != 0 || st.RelationshipsCreated != 0 || st.RelationshipsDeleted != 0 || st.NodesDeleted != 0 {
		t.Errorf("second write: %+v, want nothing created or deleted", st)
	}
	assertGraph(t, s, wantGraph(items...))
}

func TestWriteReplacesChangedArticle(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Write(ctx, []Item{articleA("hash-a"), articleB()}); err != nil {
		t.Fatal(err)
	}
	st, err := s.Write(ctx, []Item{articleA2()})
	if err != nil {
		t.Fatal(err)
	}
	assertGraph(t, s, wantGraph(articleA2(), articleB()))
	// Old facts of a are gone: no evidence, no relationship only a stated,
	// no actor only a mentioned.
	if n := count(t, s, "MATCH (:Actor)-[r]->(:Actor) WHERE 'The two navies will set up a hotline.' IN r.evidence_sentences RETURN count(*)"); n != 0 {
		t.Errorf("old evidence of a still stored (%d)", n)
	}
	for _, q := range []string{
		"MATCH ()-[r:HOTLINE]->() RETURN count(r)",
		"MATCH (n:Group) RETURN count(n)",
		"MATCH (n {id:'vietnam-peoples-navy'}) RETURN count(n)",
	} {
		if n := count(t, s, q); n != 0 {
			t.Errorf("%s: %d, want 0 after a changed", q, n)
		}
	}
	// Old a: HOTLINE, ATTACHE_OFFICE, PART_OF (a alone: deleted), DEFENCE_COOPERATION
	// (restated: updated), DIALOGUE (b's alone now: updated); new: EXERCISE.
	if st.RelationshipsDeleted != 3 || st.RelationshipsUpdated != 2 || st.RelationshipsCreated != 1 || st.NodesDeleted != 2 {
		t.Errorf("stats %+v: want 3 relationships deleted, 2 updated, 1 created; 2 nodes deleted (navy, group)", st)
	}
	// Shared relationships now rest on b alone where a no longer states them.
	recs := mustRun(t, s, "MATCH (:Actor {id:'philippines'})-[r:DIALOGUE]->(:Actor {id:'vietnam'}) RETURN r.article_ids, r.level, r.status", nil)
	if len(recs) != 1 || !reflect.DeepEqual(recs[0].Values, []any{[]any{"b"}, "ministerial", "established"}) {
		t.Errorf("DIALOGUE after a changed: %v", recs)
	}
}

func TestConcurrentWritesMakeNoDuplicates(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	// Four loaders with overlapping articles, all at once.
	sets := [][]Item{
		{articleA("hash-a"), articleB()},
		{articleB(), articleA("hash-a")},
		{articleB()},
		{articleA("hash-a")},
	}
	var wg sync.WaitGroup
	errs := make([]error, len(sets))
	for i, items := range sets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.Write(ctx, items)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if n := count(t, s, "MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(*) AS n WHERE n > 1 RETURN count(*)"); n != 0 {
		t.Errorf("%d duplicated relationships", n)
	}
	assertGraph(t, s, wantGraph(articleA("hash-a"), articleB()))
}

func TestHashes(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Write(ctx, []Item{articleA("hash-a"), articleB()}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Hashes(ctx, []string{"a", "b", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"a": "hash-a", "b": "hash-b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Hashes = %v, want %v", got, want)
	}
}

func TestWriteRejectsInvalidItem(t *testing.T) {
	s := openClean(t)
	bad := testItem("c", "h", []model.Entity{vn}, rel(model.Hotline, "vietnam", "nowhere", model.Planned, "x"))
	_, err := s.Write(context.Background(), []Item{articleB(), bad})
	if model.ErrorCode(err) != model.EInvalid || !strings.Contains(err.Error(), `"nowhere"`) {
		t.Fatalf("error %v, want EInvalid naming the unknown endpoint", err)
	}
	if n := count(t, s, "MATCH (n) RETURN count(n)"); n != 0 {
		t.Errorf("%d nodes written by a rejected batch, want 0", n)
	}
}

func TestOpenWrongPassword(t *testing.T) {
	cfg := envConfig(t)
	cfg.Password = "wrong-Pa55word-for-test"
	_, err := Open(context.Background(), cfg)
	if err == nil {
		t.Fatal("no error with a wrong password")
	}
	msg := err.Error()
	t.Logf("error: %s", msg)
	if model.ErrorCode(err) != model.EUnavailable || !strings.Contains(msg, "authentication failed") {
		t.Errorf("error %q (code %s), want EUnavailable authentication failed", msg, model.ErrorCode(err))
	}
	if strings.Contains(msg, cfg.Password) || strings.Contains(msg, "\n") {
		t.Errorf("error is not one line without the password: %q", msg)
	}
}

func TestOpenUnknownDatabase(t *testing.T) {
	cfg := envConfig(t)
	cfg.Database = "nosuchdb"
	_, err := Open(context.Background(), cfg)
	t.Logf("error: %v", err)
	if model.ErrorCode(err) != model.ENotFound || !strings.Contains(fmt.Sprint(err), `database "nosuchdb" does not exist`) {
		t.Errorf("error %v, want ENotFound naming the database", err)
	}
}

func TestOpenUnreachable(t *testing.T) {
	// A port nothing listens on: bind one, then close it.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := Config{URI: "bolt://" + addr, Password: "secret-Unreachable-1", ConnectRetries: 2, RetryDelay: 200 * time.Millisecond, Timeout: 5 * time.Second}
	start := time.Now()
	_, err = Open(context.Background(), cfg)
	elapsed := time.Since(start)
	if model.ErrorCode(err) != model.EUnavailable {
		t.Fatalf("error %v, want EUnavailable", err)
	}
	msg := err.Error()
	t.Logf("error: %s", msg)
	if !strings.Contains(msg, "cannot reach bolt://"+addr+" after 3 attempts") || strings.Contains(msg, cfg.Password) {
		t.Errorf("error %q: want the address and 3 attempts, no password", msg)
	}
	if elapsed < 600*time.Millisecond || elapsed > 30*time.Second {
		t.Errorf("took %s: want the back-off (200ms + 400ms) and no more than a few seconds", elapsed)
	}
	var me *model.Error
	if !errors.As(err, &me) {
		t.Errorf("not a *model.Error: %T", err)
	}
}

// TestWriteOneByOneMatchesOneBatch checks the incremental aggregates
// (relQuery updates status, level, since, count and areas from the stored
// ones): writing the articles one transaction at a time, in either order,
// gives the graph model.BuildGraph makes of them all, as one batch does.
func TestWriteOneByOneMatchesOneBatch(t *testing.T) {
	for _, order := range [][]string{{"a", "b"}, {"b", "a"}} {
		t.Run(strings.Join(order, "-then-"), func(t *testing.T) {
			s := openClean(t)
			ctx := context.Background()
			items := map[string]Item{"a": articleA("hash-a"), "b": articleB()}
			for _, id := range order {
				if _, err := s.Write(ctx, []Item{items[id]}); err != nil {
					t.Fatal(err)
				}
			}
			assertGraph(t, s, wantGraph(items["a"], items["b"]))
		})
	}
}
