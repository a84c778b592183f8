package extract

import (
	"strings"
	"testing"
)

func TestRarestByte(t *testing.T) {
	for _, c := range []struct {
		w    string
		want int
	}{
		{"", 0}, {"e", 0}, {"established", 4}, {"set up", 5}, {"hand-over", 4}, {"take place", 2}, {"organized", 6}, {"a b", 2}, {"- x", 0}, {"ee", 0},
	} {
		if got := rarestByte(c.w); got != c.want {
			t.Errorf("rarestByte(%q) = %d, want %d", c.w, got, c.want)
		}
	}
}

// TestContainsRare compares containsRare with strings.Contains.
func TestContainsRare(t *testing.T) {
	ws := rareWords("held", "hand-over", "took place", "organized")
	for _, s := range []string{"", "hel", "held", "he held", "hand over", "the hand-over to", "took  place", "it took place", "organised",
		"organize", "was organized", "hheld", "took placetook place"} {
		want := false
		for _, w := range ws {
			want = want || strings.Contains(s, w.w)
		}
		if got := containsRare(s, ws); got != want {
			t.Errorf("containsRare(%q) = %v, want %v", s, got, want)
		}
	}
}
