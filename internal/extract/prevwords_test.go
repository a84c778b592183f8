package extract

import (
	"math/rand/v2"
	"testing"

	"github.com/relgraph/relgraph/internal/lexicon"
)

// prevWordsOracle is prevWords as one loop: up to two words before vs,
// skipping "the" (any number of them) as the nearest.
func prevWordsOracle(d *doc, vs int) (w1, w2 string) {
	var start, end [2]int
	n := 0
	i := vs
	for n < 2 {
		for i > 0 && d.v.b[i-1] == ' ' {
			i--
		}
		j := i
		for j > 0 && lexicon.IsWordByte(d.v.b[j-1]) {
			j--
		}
		if j == i {
			break
		}
		if d.vstr[j:i] == "the" && n == 0 {
			i = j
			continue
		}
		start[n], end[n] = j, i
		n++
		i = j
	}
	if n > 0 {
		w1 = d.vstr[start[0]:end[0]]
	}
	if n > 1 {
		if start[0]-end[1] == 1 {
			w2 = d.vstr[start[1]:end[0]]
		} else {
			w2 = d.vstr[start[1]:end[1]] + " " + w1
		}
	}
	return
}

// TestPrevWords compares prevWords with prevWordsOracle at every offset of
// random text.
func TestPrevWords(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"the", "visit", "to", "in", " ", "  ", ",", ".", "a"}
	for round := 0; round < 3000; round++ {
		d := &doc{v: newView(randomWords(r, pieces, 12))}
		d.vstr = string(d.v.b)
		for vs := 0; vs <= len(d.v.b); vs++ {
			w1, w2 := d.prevWords(vs)
			o1, o2 := prevWordsOracle(d, vs)
			if w1 != o1 || w2 != o2 {
				t.Fatalf("prevWords(%q, %d) = %q, %q; want %q, %q", d.vstr, vs, w1, w2, o1, o2)
			}
		}
	}
}

// locativeOracle is locative as it was written first: the comma case
// looked at first, then the words before.
func locativeOracle(d *doc, vs int) (place, dest bool) {
	k := vs
	for k > 0 && d.v.b[k-1] == ' ' {
		k--
	}
	if k > 0 && d.v.b[k-1] == ',' {
		if s1, e1 := d.wordBefore(k - 1); s1 < e1 && d.upperAt(s1) {
			if s2, e2 := d.wordBefore(s1); s2 < e2 && d.e.locative[d.vstr[s2:e2]] {
				return true, d.e.destination[d.vstr[s2:e2]]
			}
		}
	}
	w1, w2 := prevWordsOracle(d, vs)
	if w2 != "" && d.e.locative[w2] {
		return true, d.e.destination[w2]
	}
	if w1 != "" && d.e.locative[w1] {
		return true, d.e.destination[w1]
	}
	return false, false
}

// TestLocative compares locative with locativeOracle at every offset of
// random text.
func TestLocative(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	pieces := []string{"the", "visit to", "to", "in", "In", "Guangzhou", "China", "of", "tour", " ", "  ", ",", ".", "a"}
	for round := 0; round < 3000; round++ {
		text := randomWords(r, pieces, 12)
		d := &doc{e: testExtractor, text: text, v: newView(text)}
		d.vstr = string(d.v.b)
		for vs := 0; vs <= len(d.v.b); vs++ {
			p, q := d.locative(vs)
			op, oq := locativeOracle(d, vs)
			if p != op || q != oq {
				t.Fatalf("locative(%q, %d) = %v, %v; want %v, %v", d.vstr, vs, p, q, op, oq)
			}
		}
	}
}
