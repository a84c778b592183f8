// Planned vs established
// How many defence relationships of each type exist (established) and how
// many are only agreed, proposed or intended (planned).
// @param actor: limit to one actor (id, name or alias; its agencies count as it); '' for all (default: '')

// Neo4j Browser: :param actor => ''
WITH coalesce($actor, '') AS key
OPTIONAL MATCH (c:Actor)
WHERE c.id = toLower(key) OR toLower(c.name) = toLower(key)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower(key))
WITH key, collect(c) AS focus
MATCH (a:Actor)-[r:HOTLINE|JOINT_PATROL|ATTACHE_OFFICE|MEMBER_OF|DEFENCE_COOPERATION|DIALOGUE|EXERCISE|TRAINING|EXCHANGE|DEFENCE_INDUSTRY|PEACEKEEPING|PARTNERSHIP]->(b:Actor)
WHERE key = '' OR any(f IN focus WHERE f IN [a, b] OR (f:Country AND f.id IN [a.country, b.country]))
WITH type(r) AS type,
     sum(CASE WHEN r.status = 'established' THEN 1 ELSE 0 END) AS established,
     sum(CASE WHEN r.status = 'planned' THEN 1 ELSE 0 END) AS planned,
     count(r) AS total
RETURN type, established, planned, total
ORDER BY total DESC, type;
