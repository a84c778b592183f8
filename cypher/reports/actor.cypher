// Actor profile
// What the graph knows about one actor: its kind, country, aliases, how many
// articles mention it, and its defence relationships counted by type and status.
// @param name: the actor, by id, name or alias

// Neo4j Browser: :param name => 'Vietnam'
MATCH (c:Actor)
WHERE c.id = toLower($name) OR toLower(c.name) = toLower($name)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($name))
OPTIONAL MATCH (home:Country {id: c.country}) WHERE home <> c
OPTIONAL MATCH (art:Article)-[:MENTIONS]->(c)
WITH c, home, count(DISTINCT art) AS articles
OPTIONAL MATCH (c)-[r:HOTLINE|JOINT_PATROL|ATTACHE_OFFICE|MEMBER_OF|DEFENCE_COOPERATION|DIALOGUE|EXERCISE|TRAINING|EXCHANGE|DEFENCE_INDUSTRY|PEACEKEEPING|PARTNERSHIP]-()
WITH c, home, articles, type(r) AS type, count(r) AS n,
     sum(CASE WHEN r.status = 'established' THEN 1 ELSE 0 END) AS established
ORDER BY type
WITH c, home, articles,
     collect(CASE WHEN type IS NULL THEN null ELSE type + ': ' + toString(n) END) AS relationships,
     sum(established) AS established, sum(n) AS total
RETURN c.id AS id,
       c.name AS name,
       head([l IN labels(c) WHERE l <> 'Actor']) AS kind,
       home.name AS country,
       coalesce(c.aliases, []) AS aliases,
       articles,
       relationships,
       {established: established, planned: total - established} AS status
ORDER BY id;
