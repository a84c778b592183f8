// Evidence between two actors
// Every defence relationship between two actors, one row per evidence
// sentence, with the article it comes from. Each side's agencies and
// officials count as that side.
// @param a: the first actor, by id, name or alias (default: Vietnam)
// @param b: the second actor, by id, name or alias (default: Philippines)

// Neo4j Browser: :params {a: 'Vietnam', b: 'Philippines'}
WITH coalesce($a, 'Vietnam') AS ka, coalesce($b, 'Philippines') AS kb
MATCH (x:Actor)
WHERE x.id = toLower(ka) OR toLower(x.name) = toLower(ka)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower(ka))
MATCH (y:Actor)
WHERE y.id = toLower(kb) OR toLower(y.name) = toLower(kb)
   OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower(kb))
MATCH (sx:Actor) WHERE sx = x OR (x:Country AND sx.country = x.id)
MATCH (sy:Actor) WHERE sy = y OR (y:Country AND sy.country = y.id)
MATCH (sx)-[r:HOTLINE|JOINT_PATROL|ATTACHE_OFFICE|MEMBER_OF|DEFENCE_COOPERATION|DIALOGUE|EXERCISE|TRAINING|EXCHANGE|DEFENCE_INDUSTRY|PEACEKEEPING|PARTNERSHIP]-(sy)
WITH DISTINCT r
WITH r, coalesce(r.evidence_articles, []) AS articles, coalesce(r.evidence_sentences, []) AS sentences
UNWIND CASE WHEN size(sentences) = 0 THEN [null] ELSE range(0, size(sentences) - 1) END AS i
OPTIONAL MATCH (art:Article {id: articles[i]})
RETURN type(r) AS type,
       startNode(r).name AS from,
       endNode(r).name AS to,
       r.status AS status,
       r.since AS since,
       articles[i] AS article,
       art.date AS date,
       sentences[i] AS evidence
ORDER BY type, from, to, article, i;
