// Shortest path between two actors
// The shortest chains (up to 6 hops) of defence relationships linking two
// actors. Agencies reach their country through PART_OF; articles are never
// traversed, and unnamed groups are never passed through. At most 10 paths.
// @param a: where the path starts, by id, name or alias (default: Vietnam)
// @param b: where the path ends, by id, name or alias (default: Philippines)

// Neo4j Browser: :params {a: 'Vietnam', b: 'Philippines'}
WITH coalesce($a, 'Vietnam') AS ka, coalesce($b, 'Philippines') AS kb
MATCH (x:Actor)
WHERE x.id = toLower(ka) OR toLower(x.name) = toLower(ka)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower(ka))
MATCH (y:Actor)
WHERE y.id = toLower(kb) OR toLower(y.name) = toLower(kb)
   OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower(kb))
WITH x, y WHERE x <> y
MATCH p = allShortestPaths((x)-[:HOTLINE|JOINT_PATROL|ATTACHE_OFFICE|MEMBER_OF|DEFENCE_COOPERATION|DIALOGUE|EXERCISE|TRAINING|EXCHANGE|DEFENCE_INDUSTRY|PEACEKEEPING|PARTNERSHIP|PART_OF*..6]-(y))
WHERE all(n IN nodes(p) WHERE n:Actor)
  AND none(n IN nodes(p)[1..-1] WHERE n:Group)
RETURN p AS path,
       length(p) AS hops,
       [r IN relationships(p) | coalesce(r.status, '')] AS statuses
ORDER BY hops, [n IN nodes(p) | n.id]
LIMIT 10;
