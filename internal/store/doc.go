// Package store keeps relgraph's graph in Neo4j: it connects (with bounded
// retries and one clear error per failure), applies the schema, writes the
// facts of whole articles in batched transactions, and reads the graph back.
//
// # Graph model
//
// Nodes:
//
//	(:Actor:<Label> {id, name, country, aliases, count, role})
//	    every extracted entity; <Label> is its model.Label (Country,
//	    Organization, Forum, Agency, Group, Person, ...). id is unique across
//	    labels (constraint on :Actor(id), and one per actor label). country is
//	    the id of the entity's country (absent for organizations, forums and
//	    groups); aliases the sorted union of surface forms over all articles;
//	    count a group's size and role a person's office, absent when unknown.
//	(:Article {id, title, date, source, url, path, hash, loaded_at})
//	    date is a Neo4j DATE (absent when unknown); hash the SHA-256 of the
//	    file, compared on reload to skip unchanged articles.
//
// Relationships:
//
//	(:Article)-[:MENTIONS]->(:Actor)
//	    every entity the article's extraction uses.
//	(:Actor)-[:<TYPE>]->(:Actor)
//	    TYPE is the model.RelType; symmetric types are stored once per pair,
//	    from the smaller id to the larger (model.Relation.Canonical).
//
// A relationship's queryable properties aggregate every article stating it,
// as model.BuildGraph does: status ('established' if any article says so,
// else the first article's), since (earliest), level (the first article's
// that gives one), areas (sorted union), count (largest), and the evidence
// as parallel lists evidence_articles[i] / evidence_sentences[i]. Each
// article's own facts are kept in parallel lists (article_ids,
// article_statuses, article_sinces, article_levels, article_counts; areas as
// area_articles / area_names pairs) so that reloading one article removes
// exactly its facts and recomputes the aggregates from what others state.
// "First" means smallest article id.
//
// # Writing
//
// Store.Write writes whole articles in one managed transaction (retried by
// the driver on transient errors such as deadlocks): it merges and locks the
// Article nodes, strips the previous facts of the articles stored before
// (MENTIONS dropped, entries removed from the per-article lists, aggregates
// recomputed), merges actors (one UNWIND statement for every label),
// MENTIONS, and relationships (one UNWIND statement per type present, each
// key once, with a write lock taken before its lists are read), then deletes
// relationships no article states any more and actors no article mentions.
// Appending new articles updates a relationship's aggregates from its stored
// aggregates and the batch's own, without reducing over the stored lists
// (hub relationships carry thousands of entries), so a first load runs
// 3 + (types present) statements per batch. Concurrent loads of overlapping
// articles therefore neither duplicate nodes or relationships (unique
// constraints, MERGE) nor lose or double evidence.
package store
