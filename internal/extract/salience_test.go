package extract

import (
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// TestCountsFor compares Extractor.countsFor with what salience asked of
// a mention's strings before: the actor it projects to (its country for
// an agency), counted if that is a country, by id.
func TestCountsFor(t *testing.T) {
	e := testExtractor
	for i, a := range e.lex.Actors {
		proj := a.ID
		if a.Label == model.Agency {
			proj = a.Country
		}
		want := ""
		switch {
		case proj == "":
		case proj == a.ID:
			if a.Label == model.Country {
				want = a.ID
			}
		default:
			if c, ok := e.lex.Actor(proj); ok && c.Label == model.Country {
				want = proj
			}
		}
		got := ""
		if c := e.countsFor[i]; c >= 0 {
			got = e.lex.Actors[c].ID
		}
		if got != want {
			t.Errorf("countsFor[%s] = %q, want %q", a.ID, got, want)
		}
	}
}
