// Relationships by year
// Defence relationships counted by the year they began: the relationship's
// `since` when the text gives one, otherwise the year of the earliest
// article stating it ("unknown" when neither is known).
// @param actor: limit to one actor (id, name or alias; its agencies count as it); '' for all (default: '')

// Neo4j Browser: :param actor => ''
WITH coalesce($actor, '') AS key
OPTIONAL MATCH (c:Actor)
WHERE c.id = toLower(key) OR toLower(c.name) = toLower(key)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower(key))
WITH key, collect(c) AS focus
MATCH (a:Actor)-[r:HOTLINE|JOINT_PATROL|ATTACHE_OFFICE|MEMBER_OF|DEFENCE_COOPERATION|DIALOGUE|EXERCISE|TRAINING|EXCHANGE|DEFENCE_INDUSTRY|PEACEKEEPING|PARTNERSHIP]->(b:Actor)
WHERE key = '' OR any(f IN focus WHERE f IN [a, b] OR (f:Country AND f.id IN [a.country, b.country]))
OPTIONAL MATCH (art:Article)
WHERE art.id IN coalesce(r.evidence_articles, []) AND coalesce(toString(art.date), '') <> ''
WITH r, coalesce(toString(r.since), '') AS since, min(toString(art.date)) AS firstArticle
WITH r,
     CASE WHEN since <> '' THEN left(since, 4)
          WHEN firstArticle IS NOT NULL THEN left(firstArticle, 4)
          ELSE 'unknown' END AS year,
     CASE WHEN since <> '' THEN 'since'
          WHEN firstArticle IS NOT NULL THEN 'article date'
          ELSE '' END AS dated_by
RETURN year,
       dated_by,
       type(r) AS type,
       count(r) AS relationships,
       sum(CASE WHEN r.status = 'established' THEN 1 ELSE 0 END) AS established,
       sum(CASE WHEN r.status = 'planned' THEN 1 ELSE 0 END) AS planned
ORDER BY year, dated_by, type;
