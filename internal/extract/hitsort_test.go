package extract

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHitOrder checks sinkLast, hit by hit, against a comparison sort in
// compareHits order, on random hits with many shared starts and ends; and
// the order of the hits the phrases of the seeds give.
func TestHitOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 500 {
		n := 1 + r.IntN(200)
		seen := map[[3]int32]bool{}
		var hits []hit
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
		}
		want := slices.Clone(hits)
		slices.SortFunc(want, compareHits)
		got := slices.Clone(hits)
		for i := range got {
			sinkLast(got[:i+1])
		}
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
