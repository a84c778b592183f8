// Package cypher embeds relgraph's Cypher files: the schema applied by
// `relgraph schema apply` and the saved reports run by `relgraph report`.
// They live at the top of the repository so Neo4j users can read them (or
// drag them onto Neo4j Browser) without looking into Go code.
package cypher

import "embed"

// FS holds schema.cypher, the saved reports (reports/*.cypher) and the
// Neo4j Browser style sheet (style.grass).
//
//go:embed schema.cypher reports/*.cypher style.grass
var FS embed.FS

// Schema is the path of the schema file in FS.
const Schema = "schema.cypher"

// Paths of the saved reports' folder and of the Browser style sheet in FS.
const (
	Reports = "reports"
	Style   = "style.grass"
)
