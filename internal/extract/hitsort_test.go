package extract

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/internal/extract/aho"
)

// TestHitSorterOrder checks the counting sort of matches by start bucket
// (stable) and the ordering of hits in bucket order against a comparison
// sort in compareHits order, on random hits with many shared starts and
// ends; and the order of the hits the phrases of the seeds give.
func TestHitSorterOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var hs hitSorter
	for round := range 500 {
		n := 1 + r.IntN(200)
		seen := map[[3]int32]bool{}
		var hits []hit
		var ms []aho.Match
		for range r.IntN(3 * n) {
			vs := int32(r.IntN(n))
			end := vs + 1 + int32(r.IntN(8))
			ve := end + int32(r.IntN(4))
			k := [3]int32{vs, ve, end}
			if seen[k] { // keys are unique in find's output
				continue
			}
			seen[k] = true
			hits = append(hits, hit{vs: vs, ve: ve, end: end, p0: int32(len(hits)), p1: int32(len(hits) + 1)})
			ms = append(ms, aho.Match{Pattern: int32(len(ms)), Start: vs, End: end})
		}
		wantMs := slices.Clone(ms)
		slices.SortStableFunc(wantMs, func(a, b aho.Match) int { return int(a.Start>>hitBucket - b.Start>>hitBucket) })
		if got := hs.bucket(slices.Clone(ms), n); !slices.Equal(got, wantMs) {
			t.Fatalf("round %d: bucket got %v, want %v", round, got, wantMs)
		}
		want := slices.Clone(hits)
		slices.SortFunc(want, compareHits)
		got := slices.Clone(hits)
		slices.SortStableFunc(got, func(a, b hit) int { return int(a.vs>>hitBucket - b.vs>>hitBucket) })
		orderBuckets(got)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: got %v, want %v", round, got, want)
		}
	}
	for _, a := range readSeeds(t) {
		v := newView(a.Text)
		ents, cues, _ := testExtractor.phrases.find(&v, a.Text, nil, nil, nil, nil)
		for _, hs := range [][]hit{ents, cues} {
			if !slices.IsSortedFunc(hs, compareHits) {
				t.Errorf("%s: hits not in order", a.ID)
			}
		}
	}
}
