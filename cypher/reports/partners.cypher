// Partners of a country, ranked
// A country's partners ranked by the number of distinct defence relationship
// types between them, then by the number of relationships. The country's
// agencies and officials count as the country, and so do a partner's.
// Multilateral bodies (MEMBER_OF, PEACEKEEPING) count as partners; unnamed
// groups ("other navies") do not (the hotlines and status reports show them).
// @param country: the country (or any actor) by id, name or alias (default: Vietnam)

// Neo4j Browser: :param country => 'Vietnam'
WITH coalesce($country, 'Vietnam') AS key
MATCH (c:Actor)
WHERE c.id = toLower(key) OR toLower(c.name) = toLower(key)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower(key))
MATCH (side:Actor)
WHERE side = c OR (c:Country AND side.country = c.id)
MATCH (side)-[r:HOTLINE|JOINT_PATROL|ATTACHE_OFFICE|MEMBER_OF|DEFENCE_COOPERATION|DIALOGUE|EXERCISE|TRAINING|EXCHANGE|DEFENCE_INDUSTRY|PEACEKEEPING|PARTNERSHIP]-(other:Actor)
OPTIONAL MATCH (home:Country {id: other.country})
WITH c, coalesce(home, other) AS partner, r
WHERE partner <> c AND NOT partner:Group
WITH partner,
     collect(DISTINCT type(r)) AS typeList,
     count(DISTINCT r) AS relationships,
     count(DISTINCT CASE WHEN r.status = 'established' THEN r END) AS established
RETURN partner.name AS partner,
       head([l IN labels(partner) WHERE l <> 'Actor']) AS kind,
       size(typeList) AS types,
       [t IN ['HOTLINE', 'JOINT_PATROL', 'ATTACHE_OFFICE', 'MEMBER_OF', 'DEFENCE_COOPERATION', 'DIALOGUE',
              'EXERCISE', 'TRAINING', 'EXCHANGE', 'DEFENCE_INDUSTRY', 'PEACEKEEPING', 'PARTNERSHIP']
        WHERE t IN typeList] AS relationship_types,
       relationships,
       established,
       relationships - established AS planned
ORDER BY types DESC, relationships DESC, partner;
