// Hotlines, joint patrols and attaché offices
// Direct communication lines, joint or coordinated patrols and defence
// attaché offices, with their status, year and the evidence sentences.
// An agency or official is shown with its country in brackets.
// @param actor: limit to one actor (id, name or alias; its agencies count as it); '' for all (default: '')

// Neo4j Browser: :param actor => ''
WITH coalesce($actor, '') AS key
OPTIONAL MATCH (c:Actor)
WHERE c.id = toLower(key) OR toLower(c.name) = toLower(key)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower(key))
WITH key, collect(c) AS focus
MATCH (a:Actor)-[r:HOTLINE|JOINT_PATROL|ATTACHE_OFFICE]->(b:Actor)
WHERE key = '' OR any(f IN focus WHERE f IN [a, b] OR (f:Country AND f.id IN [a.country, b.country]))
OPTIONAL MATCH (ac:Country {id: a.country}) WHERE ac <> a
OPTIONAL MATCH (bc:Country {id: b.country}) WHERE bc <> b
RETURN type(r) AS type,
       a.name + coalesce(' (' + ac.name + ')', '') AS from,
       b.name + coalesce(' (' + bc.name + ')', '') AS to,
       r.status AS status,
       r.since AS since,
       r.count AS offices,
       r.evidence_articles AS articles,
       r.evidence_sentences AS evidence
ORDER BY type, from, to;
