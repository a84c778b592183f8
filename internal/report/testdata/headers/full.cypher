// Partners of a country
// A country's partners, ranked by how many relationship types
// link them (description over two lines).
//
// @param country: the country by id, name or alias (default: Vietnam)
// @param limit: how many rows (e.g. 10) (default: "25")
// @param empty: '' means everything (default: '')
// @param name: required, no default

// A comment after the header is part of the query, not the description.
MATCH (c:Country) RETURN c LIMIT toInteger($limit)
