package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// The two baselines relgraph load is compared with write the same data:
// Article and Actor nodes (with their label), MENTIONS from articles to the
// actors their relations use, and one relationship per (from, type, to)
// holding the ids of the articles that state it, their evidence sentences
// and the aggregated status.

// corpus is the extraction of every article under paths, made before any
// timing starts: the baselines get their data for free.
type corpus struct {
	articles []model.ArticleRef
	entities map[string]model.Entity
	mentions [][2]string // article id, actor id
	rels     []model.Relation
}

func readCorpus(ctx context.Context, paths []string) (*corpus, error) {
	files, errs := article.Files(paths)
	if len(errs) > 0 {
		return nil, fmt.Errorf("read corpus: %v", errs[0])
	}
	lex, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	ex := extract.New(lex)
	c := &corpus{entities: map[string]model.Entity{}}
	for _, f := range files {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		a, err := article.ReadFile(f)
		if err != nil {
			return nil, err
		}
		x := ex.Extract(a)
		c.articles = append(c.articles, a.Ref())
		seen := map[string]bool{}
		for _, e := range x.Entities {
			c.entities[e.ID] = e
		}
		for _, r := range x.Relations {
			r.Article = a.ID
			c.rels = append(c.rels, r)
			for _, id := range []string{r.From, r.To} {
				if !seen[id] {
					seen[id] = true
					c.mentions = append(c.mentions, [2]string{a.ID, id})
				}
			}
		}
	}
	return c, nil
}

func connect(ctx context.Context) (neo4j.DriverWithContext, string, error) {
	uri := envOr("NEO4J_URI", "neo4j://127.0.0.1:7687")
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(envOr("NEO4J_USERNAME", "neo4j"), os.Getenv("NEO4J_PASSWORD"), ""))
	if err != nil {
		return nil, "", fmt.Errorf("connect %s: %w", uri, err)
	}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		drv.Close(ctx)
		return nil, "", fmt.Errorf("connect %s: %w", uri, err)
	}
	return drv, envOr("NEO4J_DATABASE", "neo4j"), nil
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func validLabel(l model.Label) bool {
	for _, x := range model.Labels {
		if x == l {
			return true
		}
	}
	return false
}

// mergeQuery is the one statement per relationship of the naive load.
func mergeQuery(t model.RelType, fromLabel, toLabel model.Label) string {
	return fmt.Sprintf(`MERGE (art:Article {id: $article})
MERGE (x:Actor {id: $from}) ON CREATE SET x:%s, x.name = $fromName, x.country = $fromCountry
MERGE (y:Actor {id: $to}) ON CREATE SET y:%s, y.name = $toName, y.country = $toCountry
MERGE (art)-[:MENTIONS]->(x)
MERGE (art)-[:MENTIONS]->(y)
MERGE (x)-[r:%s]->(y)
SET r.article_ids = coalesce(r.article_ids, []) + $article,
    r.evidence_sentences = coalesce(r.evidence_sentences, []) + $sentence,
    r.status = CASE WHEN r.status = 'established' THEN 'established' ELSE $status END`, fromLabel, toLabel, t)
}

// runMerge loads the corpus with one auto-commit MERGE statement per
// relationship row, the way a first script against the driver would.
// -limit times only the first N rows (the rate is what is reported).
func runMerge(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("merge", flag.ExitOnError)
	limit := fs.Int("limit", 0, "time only the first N relationship rows (0: all)")
	fs.Parse(args)
	c, err := readCorpus(ctx, fs.Args())
	if err != nil {
		return err
	}
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	rows := c.rels
	if *limit > 0 && *limit < len(rows) {
		rows = rows[:*limit]
	}
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	start := time.Now()
	for _, r := range rows {
		from, to := c.entities[r.From], c.entities[r.To]
		if !r.Type.Valid() || !validLabel(from.Label) || !validLabel(to.Label) {
			return fmt.Errorf("merge: bad row %+v", r)
		}
		res, err := sess.Run(ctx, mergeQuery(r.Type, from.Label, to.Label), map[string]any{
			"article": r.Article, "from": r.From, "to": r.To, "status": string(r.Status), "sentence": r.Sentence,
			"fromName": from.Name, "fromCountry": from.Country, "toName": to.Name, "toCountry": to.Country,
		})
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("merge %s %s %s: %w", r.From, r.Type, r.To, err)
		}
	}
	el := time.Since(start)
	return printJSON(map[string]any{
		"method": "merge", "articles": len(c.articles), "relations": len(rows), "relations_total": len(c.rels),
		"seconds": el.Seconds(), "relations_per_s": float64(len(rows)) / el.Seconds(),
	})
}

// runCSV writes the corpus as CSV files into the server's import folder
// (not timed) and loads them with LOAD CSV ... CALL { } IN TRANSACTIONS
// (timed): one statement per node label and per relationship type, since
// neither can be a parameter.
func runCSV(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("csv", flag.ExitOnError)
	importDir := fs.String("import", "", "the Neo4j server's import folder (required)")
	batch := fs.Int("rows", 1000, "rows per inner transaction")
	fs.Parse(args)
	if *importDir == "" {
		return fmt.Errorf("csv: -import is required")
	}
	c, err := readCorpus(ctx, fs.Args())
	if err != nil {
		return err
	}
	stmts, err := writeCSVs(c, *importDir, *batch)
	if err != nil {
		return err
	}
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	start := time.Now()
	for _, q := range stmts {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("LOAD CSV: %w\n%s", err, q)
		}
	}
	el := time.Since(start)
	return printJSON(map[string]any{
		"method": "load-csv", "articles": len(c.articles), "relations": len(c.rels),
		"seconds": el.Seconds(), "relations_per_s": float64(len(c.rels)) / el.Seconds(), "statements": len(stmts),
	})
}

func writeCSVs(c *corpus, dir string, batch int) ([]string, error) {
	const prefix = "relgraph-bench-"
	in := func(name string) string { return "file:///" + prefix + name }
	tx := fmt.Sprintf(" IN TRANSACTIONS OF %d ROWS", batch)
	var stmts []string

	arts := [][]string{{"id", "title", "path"}}
	for _, a := range c.articles {
		arts = append(arts, []string{a.ID, a.Title, a.Path})
	}
	if err := writeCSV(filepath.Join(dir, prefix+"articles.csv"), arts); err != nil {
		return nil, err
	}
	stmts = append(stmts, `LOAD CSV WITH HEADERS FROM '`+in("articles.csv")+`' AS row
CALL (row) { MERGE (a:Article {id: row.id}) SET a.title = row.title, a.path = row.path }`+tx)

	byLabel := map[model.Label][][]string{}
	ids := make([]string, 0, len(c.entities))
	for id := range c.entities {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := c.entities[id]
		byLabel[e.Label] = append(byLabel[e.Label], []string{e.ID, e.Name, e.Country})
	}
	for _, l := range model.Labels {
		rows := byLabel[l]
		if len(rows) == 0 {
			continue
		}
		name := "actors-" + strings.ToLower(string(l)) + ".csv"
		if err := writeCSV(filepath.Join(dir, prefix+name), append([][]string{{"id", "name", "country"}}, rows...)); err != nil {
			return nil, err
		}
		stmts = append(stmts, `LOAD CSV WITH HEADERS FROM '`+in(name)+`' AS row
CALL (row) { MERGE (a:Actor {id: row.id}) SET a:`+string(l)+`, a.name = row.name, a.country = row.country }`+tx)
	}

	ments := [][]string{{"article", "actor"}}
	for _, m := range c.mentions {
		ments = append(ments, []string{m[0], m[1]})
	}
	if err := writeCSV(filepath.Join(dir, prefix+"mentions.csv"), ments); err != nil {
		return nil, err
	}
	stmts = append(stmts, `LOAD CSV WITH HEADERS FROM '`+in("mentions.csv")+`' AS row
CALL (row) { MATCH (art:Article {id: row.article}) MATCH (a:Actor {id: row.actor}) MERGE (art)-[:MENTIONS]->(a) }`+tx)

	byType := map[model.RelType][][]string{}
	for _, r := range c.rels {
		byType[r.Type] = append(byType[r.Type], []string{r.From, r.To, string(r.Status), r.Article, r.Sentence})
	}
	for _, t := range model.RelTypes {
		rows := byType[t]
		if len(rows) == 0 {
			continue
		}
		name := "rels-" + strings.ToLower(string(t)) + ".csv"
		if err := writeCSV(filepath.Join(dir, prefix+name), append([][]string{{"from", "to", "status", "article", "sentence"}}, rows...)); err != nil {
			return nil, err
		}
		stmts = append(stmts, `LOAD CSV WITH HEADERS FROM '`+in(name)+`' AS row
CALL (row) { MATCH (x:Actor {id: row.from}) MATCH (y:Actor {id: row.to})
  MERGE (x)-[r:`+string(t)+`]->(y)
  SET r.article_ids = coalesce(r.article_ids, []) + row.article,
      r.evidence_sentences = coalesce(r.evidence_sentences, []) + row.sentence,
      r.status = CASE WHEN r.status = 'established' THEN 'established' ELSE row.status END }`+tx)
	}
	return stmts, nil
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// runClear deletes every node and relationship (the schema stays), so each
// method starts from an empty database.
func runClear(ctx context.Context) error {
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, `MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("clear: %w", err)
	}
	return nil
}

// runInfo prints the server's version and import folder as shell
// assignments (NEO4J_SERVER_VERSION, NEO4J_IMPORT), for scripts/bench.
func runInfo(ctx context.Context) error {
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	one := func(q string) (string, error) {
		res, err := neo4j.ExecuteQuery(ctx, drv, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
		if err != nil {
			return "", err
		}
		if len(res.Records) == 0 {
			return "", nil
		}
		return fmt.Sprint(res.Records[0].Values[0]), nil
	}
	version, err := one(`CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition`)
	if err != nil {
		return fmt.Errorf("info: version: %w", err)
	}
	imp, err := one(`SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.import' RETURN value`)
	if err != nil {
		return fmt.Errorf("info: import folder: %w", err)
	}
	fmt.Printf("NEO4J_SERVER_VERSION=%q\nNEO4J_IMPORT=%q\n", version, imp)
	return nil
}
