package extract

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortIDs compares sortIDs, which sorts the ids' heads and compares
// the ids only where those tie, with sorting the strings.
func TestSortIDs(t *testing.T) {
	words := []string{"", "a", "ab", "vietnam", "vietnam-navy", "vietnam-army", "vietna", "vietnamese",
		"malaysia", "malaysia-navy", "mali", "malawi", "group-3-countries", "group-29-countries", "un", "us", "a\x00", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(ids []string) {
		t.Helper()
		want := slices.Clone(ids)
		slices.Sort(want)
		before := slices.Clone(ids)
		d := &doc{}
		rank := d.sortIDs(ids)
		if !slices.Equal(ids, want) {
			t.Fatalf("sortIDs(%q) sorted %q, want %q", before, ids, want)
		}
		for i, id := range before {
			if ids[rank[i]] != id {
				t.Fatalf("sortIDs(%q): rank[%d] = %d holds %q, want %q", before, i, rank[i], ids[rank[i]], id)
			}
		}
	}
	for range 2000 {
		ids := []string{}
		for _, w := range words {
			if rng.IntN(2) == 0 {
				ids = append(ids, w)
			}
		}
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		check(ids)
	}
	// more ids than a key has room to place: no heads
	many := make([]string, 1<<placeBits+3)
	for i := range many {
		many[i] = fmt.Sprintf("id-%d", rng.IntN(1<<30))
	}
	check(many)
}

// TestIDHead checks that heads order as their ids do where they differ.
func TestIDHead(t *testing.T) {
	ids := []string{"", "\x00", "a", "a\x00", "a-b", "ab", "abcdef", "abcdefg", "abcdeg", "b", "zzzzzzzz"}
	for _, a := range ids {
		for _, b := range ids {
			if ha, hb := idHead(a), idHead(b); ha < hb && a >= b || ha > hb && a <= b {
				t.Errorf("idHead(%q) = %#x, idHead(%q) = %#x: not in the ids' order", a, ha, b, hb)
			}
		}
	}
}
