package extract

import (
	"slices"
	"sort"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// TestFirstMention compares firstMention and firstCue, which try the ends
// of the list first, with a plain binary search.
func TestFirstMention(t *testing.T) {
	starts := []int{3, 5, 5, 9, 20}
	d := &doc{}
	for _, vs := range starts {
		d.ments = append(d.ments, mention{vs: vs})
		d.cues = append(d.cues, cue{vs: vs})
	}
	for n := 0; n <= len(starts); n++ {
		ids := make([]int, n)
		for i := range ids {
			ids[i] = i
		}
		for vs := 0; vs <= 22; vs++ {
			want := sort.Search(n, func(k int) bool { return starts[k] >= vs })
			if got := d.firstMention(ids, vs); got != want {
				t.Errorf("firstMention(%d of %v, %d) = %d, want %d", n, starts, vs, got, want)
			}
			if got := d.firstCue(ids, vs); got != want {
				t.Errorf("firstCue(%d of %v, %d) = %d, want %d", n, starts, vs, got, want)
			}
		}
	}
}

// TestTypeRank checks typeRank against the types sorted by name.
func TestTypeRank(t *testing.T) {
	ts := slices.Clone(model.RelTypes)
	slices.Sort(ts)
	for want, rt := range ts {
		if got := typeRank(rt); got != want {
			t.Errorf("typeRank(%s) = %d, want %d", rt, got, want)
		}
	}
}
