package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/gen"
)

// sampleTexts returns the seeds' texts and those of n generated articles:
// the real texts oracle tests run a fast path on.
func sampleTexts(t testing.TB, n int) []string {
	t.Helper()
	var texts []string
	for _, a := range readSeeds(t) {
		texts = append(texts, a.Text)
	}
	for i := range n {
		texts = append(texts, gen.Generate(1, i).Text)
	}
	return texts
}

// randomText joins up to max-1 pieces drawn from pieces: random text of
// the pieces a fast path tells apart.
func randomText(r *rand.Rand, pieces []string, max int) string {
	var sb strings.Builder
	for n := r.IntN(max); n > 0; n-- {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}

// randomWords is randomText with a space after half the pieces.
func randomWords(r *rand.Rand, pieces []string, max int) string {
	var sb strings.Builder
	for n := r.IntN(max); n > 0; n-- {
		sb.WriteString(pieces[r.IntN(len(pieces))])
		if r.IntN(2) == 0 {
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}
