// Memberships of multilateral bodies and UN peacekeeping
// Which actors belong to, or take part in, multilateral bodies (MEMBER_OF:
// ASEAN, ADMM, ADMM-Plus, ...) and which deploy to UN peacekeeping
// operations (PEACEKEEPING), with status, year and evidence.
// @param actor: limit to one member (id, name or alias; its agencies count as it); '' for all (default: '')

// Neo4j Browser: :param actor => 'Vietnam'
WITH coalesce($actor, '') AS key
OPTIONAL MATCH (c:Actor)
WHERE c.id = toLower(key) OR toLower(c.name) = toLower(key)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower(key))
WITH key, collect(c) AS focus
MATCH (m:Actor)-[r:MEMBER_OF|PEACEKEEPING]->(body:Actor)
WHERE key = '' OR any(f IN focus WHERE f = m OR (f:Country AND f.id = m.country))
OPTIONAL MATCH (mc:Country {id: m.country}) WHERE mc <> m
RETURN m.name + coalesce(' (' + mc.name + ')', '') AS member,
       type(r) AS relation,
       body.name AS body,
       head([l IN labels(body) WHERE l <> 'Actor']) AS kind,
       r.status AS status,
       r.since AS since,
       r.evidence_articles AS articles,
       r.evidence_sentences AS evidence
ORDER BY member, relation, body;
