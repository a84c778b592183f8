package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/internal/model"
)

// WriteStats counts what a write changed, from the server's result counters.
type WriteStats struct {
	Articles             int // articles written
	Evidence             int // evidence sentences written
	NodesCreated         int // actor nodes
	NodesUpdated         int // existing actor nodes merged again
	NodesDeleted         int // actors no article mentions any more
	RelationshipsCreated int // defence and PART_OF relationships
	RelationshipsUpdated int // existing relationships given new or replaced facts
	RelationshipsDeleted int // relationships left with no article stating them
}

// Add adds o to w.
func (w *WriteStats) Add(o WriteStats) {
	w.Articles += o.Articles
	w.Evidence += o.Evidence
	w.NodesCreated += o.NodesCreated
	w.NodesUpdated += o.NodesUpdated
	w.NodesDeleted += o.NodesDeleted
	w.RelationshipsCreated += o.RelationshipsCreated
	w.RelationshipsUpdated += o.RelationshipsUpdated
	w.RelationshipsDeleted += o.RelationshipsDeleted
}

// Hashes returns the stored content hash of each of ids that has an Article
// node, in one query, so a load can skip unchanged articles.
//
// The answer is one record of two parallel lists rather than a record per
// article: a reload of a large corpus asks for every id, and the driver's
// cost per record (about 20 µs) would make this query most of the reload.
func (s *Store) Hashes(ctx context.Context, ids []string) (map[string]string, error) {
	ctx, cancel := s.timeout(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, qHashes, map[string]any{"ids": nonNil(ids)},
		neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, s.wrapQuery(err, "read article hashes")
	}
	if len(res.Records) != 1 {
		return nil, fmt.Errorf("read article hashes: %d records, want 1", len(res.Records))
	}
	found, _, err := neo4j.GetRecordValue[[]any](res.Records[0], "ids")
	if err != nil {
		return nil, fmt.Errorf("read article hashes: %w", err)
	}
	hashes, _, err := neo4j.GetRecordValue[[]any](res.Records[0], "hashes")
	if err != nil {
		return nil, fmt.Errorf("read article hashes: %w", err)
	}
	if len(found) != len(hashes) {
		return nil, fmt.Errorf("read article hashes: %d ids but %d hashes", len(found), len(hashes))
	}
	out := make(map[string]string, len(found))
	for i, id := range found {
		id, _ := id.(string)
		out[id], _ = hashes[i].(string)
	}
	return out, nil
}

// Write stores the facts of items, whole articles, in one transaction: each
// article's previous facts are replaced (its evidence removed from every
// relationship, relationships and actors left unsupported deleted), so a
// reload never leaves stale evidence. The driver retries the transaction on
// transient errors (deadlocks between concurrent loads, leader changes)
// within the configured timeout.
func (s *Store) Write(ctx context.Context, items []Item) (WriteStats, error) {
	for _, it := range items {
		if err := it.Validate(); err != nil {
			return WriteStats{}, err
		}
	}
	b, err := newBatch(items)
	if err != nil {
		return WriteStats{}, err
	}
	ctx, cancel := s.timeout(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	st, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (WriteStats, error) {
		return b.write(ctx, tx)
	})
	if err != nil {
		return WriteStats{}, s.wrapQuery(err, fmt.Sprintf("write %d article(s)", len(items)))
	}
	return st, nil
}

// write runs the batch's statements in tx: on a first load (no article of
// the batch stored before) one for the articles, one for the actors, one
// for MENTIONS and one per relationship type present; articles stored
// before add the removal of their previous facts (two statements) and the
// deletions of what no article supports any more. It is the transaction
// function: it may run more than once, so it starts from zero each time.
func (b *batch) write(ctx context.Context, tx neo4j.ManagedTransaction) (WriteStats, error) {
	st := WriteStats{Articles: len(b.ids), Evidence: b.evidence}
	run := func(query string, params map[string]any) (*neo4j.Record, neo4j.Counters, error) {
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return nil, nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, nil, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return nil, nil, err
		}
		var rec *neo4j.Record
		if len(recs) > 0 {
			rec = recs[0]
		}
		return rec, sum.Counters(), nil
	}
	// 1. Upsert the Article nodes: the write locks them, so a concurrent load
	//    of the same article waits here and then replaces our facts whole.
	//    It returns the articles that existed before (after the lock, so a
	//    concurrent load's article counts as existing): only those have
	//    previous facts to remove.
	rec, _, err := run(qArticles, map[string]any{"articles": b.articles})
	if err != nil {
		return st, fmt.Errorf("articles: %w", err)
	}
	existing := listValue(rec, "existing")
	var emptied, dropped []any
	changed := map[any]bool{} // existing relationships given new or fewer facts
	if len(existing) > 0 {
		// 2. Take these articles' facts out of every relationship they
		//    support, and drop the MENTIONS they no longer make.
		rec, _, err := run(qStrip, map[string]any{"ids": existing})
		if err != nil {
			return st, fmt.Errorf("remove previous facts: %w", err)
		}
		emptied = listValue(rec, "emptied")
		for _, id := range listValue(rec, "stripped") {
			changed[id] = true
		}
		rec, _, err = run(qDropMentions, map[string]any{"articles": b.articlesOf(existing)})
		if err != nil {
			return st, fmt.Errorf("mentions: %w", err)
		}
		dropped = listValue(rec, "dropped")
	}
	// 3. Actor nodes, every label in one statement, in id order.
	if len(b.nodeParams) > 0 {
		rec, c, err := run(qNodes, map[string]any{"rows": b.nodeParams})
		if err != nil {
			return st, fmt.Errorf("actor nodes: %w", err)
		}
		st.NodesCreated += c.NodesCreated()
		st.NodesUpdated += int(intValue(rec, "touched")) - c.NodesCreated()
	}
	// 4. MENTIONS of every article.
	if _, _, err := run(qMentions, map[string]any{"articles": b.articles}); err != nil {
		return st, fmt.Errorf("mentions: %w", err)
	}
	// 5. Relationships, one statement per type (types are not parameters).
	for _, t := range model.RelTypes {
		if len(b.relParams[t]) == 0 {
			continue
		}
		rec, c, err := run(relQuery(t), map[string]any{"rows": b.relParams[t]})
		if err != nil {
			return st, fmt.Errorf("%s relationships: %w", t, err)
		}
		st.RelationshipsCreated += c.RelationshipsCreated()
		for _, id := range listValue(rec, "touched") {
			changed[id] = true
		}
	}
	// 6. Relationships no article states any more, then actors no article mentions.
	if len(emptied) > 0 {
		_, c, err := run(qDeleteEmpty, map[string]any{"rels": emptied})
		if err != nil {
			return st, fmt.Errorf("delete unsupported relationships: %w", err)
		}
		st.RelationshipsDeleted += c.RelationshipsDeleted()
	}
	st.RelationshipsUpdated = len(changed) - st.RelationshipsCreated - st.RelationshipsDeleted
	if len(dropped) > 0 {
		_, c, err := run(qDeleteOrphans, map[string]any{"ids": dropped})
		if err != nil {
			return st, fmt.Errorf("delete unmentioned actors: %w", err)
		}
		st.NodesDeleted += c.NodesDeleted()
		st.RelationshipsDeleted += c.RelationshipsDeleted()
	}
	return st, nil
}

func listValue(rec *neo4j.Record, key string) []any {
	if rec == nil {
		return nil
	}
	v, _ := rec.Get(key)
	l, _ := v.([]any)
	return l
}

func intValue(rec *neo4j.Record, key string) int64 {
	if rec == nil {
		return 0
	}
	v, _ := rec.Get(key)
	n, _ := v.(int64)
	return n
}

// Queries. Labels and relationship types are validated against the
// vocabulary before they are spliced into a query (see Item.Validate).
const (
	// coalesce: collect drops nulls, which would misalign the lists.
	qHashes = `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN collect(a.id) AS ids, collect(coalesce(a.hash, '')) AS hashes`

	qArticles = `UNWIND $articles AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a._new = true
WITH a, row, a._new IS NULL AS existed
REMOVE a._new
SET a.title = row.title, a.date = row.date, a.source = row.source, a.url = row.url,
    a.path = row.path, a.hash = row.hash, a.loaded_at = datetime()
RETURN collect(CASE WHEN existed THEN a.id END) AS existing`

	// qStrip removes the batch's articles from the per-article lists of every
	// relationship they support (found between two actors the article
	// mentioned: both endpoints of its relations are among its entities, and
	// this bounds the search on hub actors with many relationships),
	// recomputes the aggregates from what is left, and returns the
	// relationships left empty (deleted after the new facts are written, so
	// a relationship an article still states is updated, not recreated).
	qStrip = `MATCH (art:Article) WHERE art.id IN $ids
MATCH (art)-[:MENTIONS]->(:Actor)-[r]->(:Actor)<-[:MENTIONS]-(art)
WHERE art.id IN r.article_ids
WITH DISTINCT r
SET r._lock = true
WITH r, r.article_ids AS ids, r.article_statuses AS sts, r.article_sinces AS sns,
     r.article_levels AS lvs, r.article_counts AS cts, r.evidence_articles AS eas,
     r.evidence_sentences AS ess, r.area_articles AS aas, r.area_names AS ans
WITH r, ids, sts, sns, lvs, cts, eas, ess, aas, ans,
     [i IN range(0, size(ids) - 1) WHERE NOT ids[i] IN $ids] AS keep,
     [i IN range(0, size(eas) - 1) WHERE NOT eas[i] IN $ids] AS keepEv,
     [i IN range(0, size(aas) - 1) WHERE NOT aas[i] IN $ids] AS keepAr
SET r.article_ids = [i IN keep | ids[i]],
    r.article_statuses = [i IN keep | sts[i]],
    r.article_sinces = [i IN keep | sns[i]],
    r.article_levels = [i IN keep | lvs[i]],
    r.article_counts = [i IN keep | cts[i]],
    r.evidence_articles = [i IN keepEv | eas[i]],
    r.evidence_sentences = [i IN keepEv | ess[i]],
    r.area_articles = [i IN keepAr | aas[i]],
    r.area_names = [i IN keepAr | ans[i]]
REMOVE r._lock
` + aggregate + `
WITH collect(r) AS rels
RETURN [x IN rels | elementId(x)] AS stripped,
       [x IN rels WHERE size(x.article_ids) = 0 | elementId(x)] AS emptied`

	qDropMentions = `UNWIND $articles AS row
MATCH (art:Article {id: row.id})-[m:MENTIONS]->(old:Actor)
WHERE NOT old.id IN row.actors
DELETE m
RETURN collect(DISTINCT old.id) AS dropped`

	qMentions = `UNWIND $articles AS row
MATCH (art:Article {id: row.id})
UNWIND row.actors AS actor
MATCH (a:Actor {id: actor})
MERGE (art)-[:MENTIONS]->(a)`

	qDeleteEmpty = `UNWIND $rels AS eid
MATCH ()-[r]->()
WHERE elementId(r) = eid AND size(r.article_ids) = 0
DELETE r`

	qDeleteOrphans = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(a) }
DETACH DELETE a`

	// aggregate recomputes a relationship's queryable properties from its
	// per-article lists, as model.BuildGraph aggregates: established if any
	// article says so (else the first article's status), the earliest
	// since, the first article's level, the largest count, the sorted union
	// of areas. "First" is the smallest article id, the order in which
	// extraction lists articles.
	aggregate = `WITH r, r.article_ids AS ids, r.article_statuses AS sts, r.article_sinces AS sns,
     r.article_levels AS lvs, r.article_counts AS cts, r.area_names AS ans
WITH r, ids, sts, sns, lvs, cts, ans, range(0, size(ids) - 1) AS ix
WITH r, sts, lvs,
     reduce(b = null, i IN ix | CASE WHEN b IS NULL OR ids[i] < ids[b] THEN i ELSE b END) AS first,
     reduce(b = null, i IN ix | CASE WHEN lvs[i] <> '' AND (b IS NULL OR ids[i] < ids[b]) THEN i ELSE b END) AS firstLevel,
     reduce(m = null, x IN sns | CASE WHEN x <> '' AND (m IS NULL OR x < m) THEN x ELSE m END) AS since,
     reduce(m = 0, x IN cts | CASE WHEN x > m THEN x ELSE m END) AS count,
     reduce(acc = [], x IN ans | CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + x + [y IN acc WHERE y > x] END) AS areas
SET r.status = CASE WHEN 'established' IN sts THEN 'established'
                    WHEN first IS NULL OR sts[first] = '' THEN null
                    ELSE sts[first] END,
    r.since = since,
    r.level = lvs[firstLevel],
    r.count = CASE WHEN count = 0 THEN null ELSE count END,
    r.areas = CASE WHEN size(areas) = 0 THEN null ELSE areas END`
)

// qNodes merges actors: each row's label (validated against the
// vocabulary, see Item.Validate) replaces any other actor label the node
// had, aliases accumulate, count keeps the largest.
const qNodes = `UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a:$(row.label), a.name = row.name, a.country = row.country,
    a.role = coalesce(row.role, a.role),
    a.count = CASE WHEN row.count IS NULL THEN a.count WHEN a.count IS NULL OR row.count > a.count THEN row.count ELSE a.count END,
    a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + x + [y IN acc WHERE y > x] END)
REMOVE a:$(row.others)
RETURN count(*) AS touched`

// relQuery merges relationships of type t between existing actors and
// appends the batch's per-article facts. The _lock write comes first so the
// lists are read after the relationship is locked (no lost update when two
// loads add to the same relationship).
//
// The batch's articles are in no relationship's lists here (new, or
// stripped by qStrip), so the aggregates are updated from the stored ones
// and the row's own (see relRow.param) as the full recomputation in
// aggregate would give: established if either is, the earlier since, the
// larger count, the union of areas; status and level come from the
// smaller-id "first" article, which needs the stored first article's id,
// found by a scan of the stored lists only when it decides something (the
// relationship is not established, or both sides give a level).
func relQuery(t model.RelType) string {
	return `UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
MERGE (a)-[r:` + "`" + string(t) + "`" + `]->(b)
SET r._lock = true
WITH r, row, coalesce(r.article_ids, []) AS ids, coalesce(r.article_levels, []) AS lvs,
     r.status AS status, r.level AS level, r.since AS since, r.count AS count
SET r.article_ids = ids + row.article_ids,
    r.article_statuses = coalesce(r.article_statuses, []) + row.article_statuses,
    r.article_sinces = coalesce(r.article_sinces, []) + row.article_sinces,
    r.article_levels = lvs + row.article_levels,
    r.article_counts = coalesce(r.article_counts, []) + row.article_counts,
    r.evidence_articles = coalesce(r.evidence_articles, []) + row.evidence_articles,
    r.evidence_sentences = coalesce(r.evidence_sentences, []) + row.evidence_sentences,
    r.area_articles = coalesce(r.area_articles, []) + row.area_articles,
    r.area_names = coalesce(r.area_names, []) + row.area_names,
    r.status = CASE
      WHEN status = 'established' OR row.established THEN 'established'
      WHEN size(ids) = 0 THEN row.first_status
      WHEN row.first_id < reduce(m = ids[0], x IN ids | CASE WHEN x < m THEN x ELSE m END) THEN row.first_status
      ELSE status END,
    r.level = CASE
      WHEN row.level IS NULL THEN level
      WHEN level IS NULL THEN row.level
      WHEN row.level_id < reduce(m = null, i IN range(0, size(ids) - 1) | CASE WHEN lvs[i] <> '' AND (m IS NULL OR ids[i] < m) THEN ids[i] ELSE m END) THEN row.level
      ELSE level END,
    r.since = CASE WHEN row.since IS NOT NULL AND (since IS NULL OR row.since < since) THEN row.since ELSE since END,
    r.count = CASE WHEN row.count > coalesce(count, 0) THEN row.count ELSE count END,
    r.areas = CASE WHEN size(row.areas) = 0 THEN r.areas
              ELSE reduce(acc = coalesce(r.areas, []), x IN row.areas | CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + x + [y IN acc WHERE y > x] END) END
REMOVE r._lock
RETURN collect(elementId(r)) AS touched`
}
