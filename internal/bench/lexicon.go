package bench

import (
	"sort"

	"github.com/relgraph/relgraph/internal/lexicon"
)

// Aliases returns every surface form the lexicon knows for its actors
// (aliases, demonyms and capitals), sorted and without duplicates: the
// pattern list `grep -F -f` scans a corpus for, the floor the extractor's
// actor scan is compared with.
func Aliases(l *lexicon.Lexicon) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range l.Actors {
		for _, list := range [][]string{{a.Name}, a.Aliases, a.Demonyms, a.Capitals} {
			for _, s := range list {
				if s != "" && !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}
