// relgraph schema: constraints and indexes for `relgraph load`.
// Applied by `relgraph schema apply`; every statement is IF NOT EXISTS, so
// running it again changes nothing.

// Every entity node carries :Actor besides its own label, so loads MERGE on
// (:Actor {id}) whatever the label; ids are unique across labels.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;

// One uniqueness constraint per actor label (also backs lookups by label).
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT forum_id IF NOT EXISTS FOR (n:Forum) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;

// Source documents; hash lets a reload skip unchanged articles.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;

// Full-text search over actor names and aliases:
//   CALL db.index.fulltext.queryNodes('actor_names', 'viet*') YIELD node, score
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases];

// Articles by date, for time-bounded reports.
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
