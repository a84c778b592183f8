package extract

import (
	"math/rand/v2"
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

// TestStatusBefore compares statusBefore, which looks back from pos, with
// a look at every cue in reach before it.
func TestStatusBefore(t *testing.T) {
	simple := func(d *doc, pos int) (nearest *cue, planned bool) {
		for _, ci := range d.sc[0] {
			c := &d.cues[ci]
			if c.vs < pos-reach || c.vs >= pos {
				continue
			}
			ps := d.cuePayloads(c)
			for j := range ps {
				if p := &ps[j]; (p.kind == pPlanned || p.kind == pEstablished) && (nearest == nil || c.vs > nearest.vs) {
					nearest, planned = c, p.kind == pPlanned
				}
			}
		}
		return nearest, planned
	}
	kinds := [][]payloadKind{{pTrigger}, {pPlanned}, {pEstablished}, {pArea, pEstablished, pPlanned}, {pPlanned, pEstablished}, {}}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		d := &doc{sc: [][]int{nil}}
		vs := 0
		for i := range rng.IntN(12) {
			vs += rng.IntN(3) * rng.IntN(400) // starts shared, near and beyond reach
			c := cue{vs: vs, ve: vs + 3}
			c.p0 = int32(len(d.payloads))
			for _, k := range kinds[rng.IntN(len(kinds))] {
				d.payloads = append(d.payloads, payload{kind: k})
			}
			c.p1 = int32(len(d.payloads))
			c.kinds = kindSet(d.payloads[c.p0:c.p1])
			d.cues = append(d.cues, c)
			d.sc[0] = append(d.sc[0], i)
		}
		for pos := 0; pos <= vs+reach+2; pos += 1 + rng.IntN(50) {
			gc, gp := d.statusBefore(0, pos)
			wc, wp := simple(d, pos)
			if gc != wc || gp != wp {
				t.Fatalf("cues %v, pos %d: statusBefore = %v %v, want %v %v", d.cues, pos, gc, gp, wc, wp)
			}
		}
	}
}
