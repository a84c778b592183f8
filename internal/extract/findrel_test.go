package extract

import (
	"strconv"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// TestFindRel adds relations one by one, past relMapFrom, as addRel does,
// and checks that findRel finds each one added and none other, first by
// its linear search and then through the map.
func TestFindRel(t *testing.T) {
	d := &doc{rels: map[relKey]int{}}
	key := func(n int) relKey {
		return keyOf("a"+strconv.Itoa(n%7), model.RelTypes[n%len(model.RelTypes)], "b"+strconv.Itoa(n))
	}
	for n := 0; n < 3*relMapFrom; n++ {
		k := key(n)
		if i := d.findRel(k); i != -1 {
			t.Fatalf("findRel(%v) = %d before it was added", k, i)
		}
		d.appendRel(k)
		for m := 0; m <= n; m++ {
			if i := d.findRel(key(m)); i != m {
				t.Fatalf("with %d relations, findRel(%v) = %d, want %d", n+1, key(m), i, m)
			}
		}
	}
	if len(d.rels) != len(d.relv) {
		t.Errorf("the map indexes %d relations of %d", len(d.rels), len(d.relv))
	}
}
