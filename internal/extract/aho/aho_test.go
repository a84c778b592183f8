package aho

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

type match struct{ p, s, e int }

func all(a *Automaton, text string) []match {
	var out []match
	a.Each([]byte(text), func(p, s, e int) bool {
		out = append(out, match{p, s, e})
		return true
	})
	return out
}

// naive finds every occurrence by brute force, in the order Each promises:
// by end, longest first, then by pattern index.
func naive(patterns []string, text string) []match {
	var out []match
	for pi, p := range patterns {
		if p == "" {
			continue
		}
		for s := 0; s+len(p) <= len(text); s++ {
			if text[s:s+len(p)] == p {
				out = append(out, match{pi, s, s + len(p)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].e != out[j].e {
			return out[i].e < out[j].e
		}
		if out[i].s != out[j].s {
			return out[i].s < out[j].s
		}
		return out[i].p < out[j].p
	})
	return out
}

func TestEach(t *testing.T) {
	tests := []struct {
		name     string
		patterns []string
		text     string
		want     []match
	}{
		{"none", []string{"navy"}, "the army", nil},
		{"overlapping", []string{"he", "she", "his", "hers"}, "ushers", []match{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}},
		{"nested", []string{"defence", "defence cooperation", "cooperation"}, "defence cooperation",
			[]match{{0, 0, 7}, {1, 0, 19}, {2, 8, 19}}},
		{"repeated", []string{"aa"}, "aaaa", []match{{0, 0, 2}, {0, 1, 3}, {0, 2, 4}}},
		{"duplicate pattern", []string{"in", "in"}, "in", []match{{0, 0, 2}, {1, 0, 2}}},
		{"empty pattern", []string{"", "x"}, "x", []match{{1, 0, 1}}},
		{"bytes outside the patterns", []string{"vi\xc3\xaat"}, "\xffvi\xc3\xaat\x00", []match{{0, 1, 6}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := all(Compile(tt.patterns), tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestEachRandom compares the automaton with brute force on random
// patterns and texts over a small alphabet (many overlaps).
func TestEachRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var sb strings.Builder
		for i := 0; i < n; i++ {
			sb.WriteByte("ab c"[r.IntN(4)])
		}
		return sb.String()
	}
	for round := 0; round < 300; round++ {
		patterns := make([]string, 1+r.IntN(12))
		for i := range patterns {
			patterns[i] = word(1 + r.IntN(5))
		}
		text := word(r.IntN(60))
		got, want := all(Compile(patterns), text), naive(patterns, text)
		// Each orders matches ending together longest first; ties of
		// equal length (duplicates) keep pattern order
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("patterns %q text %q:\ngot  %v\nwant %v", patterns, text, got, want)
		}
	}
}

// TestAppendByStart compares the scan in parts with brute force on long
// random texts (so that it splits them).
func TestAppendByStart(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func(n int) string {
		var sb strings.Builder
		for i := 0; i < n; i++ {
			sb.WriteByte("ab c"[r.IntN(4)])
		}
		return sb.String()
	}
	for round := 0; round < 200; round++ {
		patterns := make([]string, 1+r.IntN(12))
		for i := range patterns {
			patterns[i] = word(1 + r.IntN(9))
		}
		text := word(r.IntN(3000))
		a := Compile(patterns)
		got := appended(a, text)
		if want := byStart(naive(patterns, text)); !reflect.DeepEqual(got, want) {
			t.Fatalf("patterns %q text %q:\ngot  %v\nwant %v", patterns, text, got, want)
		}
	}
}

// TestAppendByStartLongPatterns compares AppendByStart with brute force where
// occurrences span several of its quarters: patterns longer than a
// quarter, on periodic texts that hold many of them.
func TestAppendByStartLongPatterns(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 200; round++ {
		unit := []string{"ab", "aab", "ab ", "a"}[r.IntN(4)]
		text := strings.Repeat(unit, (minSplit+r.IntN(120))/len(unit)+1)
		patterns := []string{text[:1+r.IntN(len(text)/2)], text[r.IntN(4) : r.IntN(len(text)-4)+4], "ba", "b a"}
		a := Compile(patterns)
		if got, want := appended(a, text), byStart(naive(patterns, text)); !reflect.DeepEqual(got, want) {
			t.Fatalf("patterns %q text %q:\ngot  %v\nwant %v", patterns, text, got, want)
		}
	}
}

func TestEachStops(t *testing.T) {
	a := Compile([]string{"a"})
	n := 0
	a.Each([]byte("aaaa"), func(p, s, e int) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("fn called %d times after returning false, want 2", n)
	}
}

func TestAllBytesUsed(t *testing.T) {
	var sb strings.Builder
	for b := 0; b < 256; b++ {
		sb.WriteByte(byte(b))
	}
	p := sb.String()
	a := Compile([]string{p, "\x00\x01"})
	if got := all(a, "z"+p); !reflect.DeepEqual(got, []match{{1, 1, 3}, {0, 1, 257}}) {
		t.Errorf("got %v", got)
	}
}

func BenchmarkAppendByStart(b *testing.B) {
	patterns := strings.Fields("in at to the has have will navy army defence cooperation defence cooperation vietnam viet nam laos thai")
	text := []byte(strings.Repeat("vietnam and laos will boost defence cooperation in the navy; thai army has trained at sea. ", 200))
	a := Compile(patterns)
	b.SetBytes(int64(len(text)))
	var ms []Match
	var sc Scratch
	for b.Loop() {
		ms = a.AppendByStart(ms[:0], text, &sc)
	}
}

func BenchmarkEach(b *testing.B) {
	patterns := strings.Fields("in at to the has have will navy army defence cooperation defence cooperation vietnam viet nam laos thai")
	text := []byte(strings.Repeat("vietnam and laos will boost defence cooperation in the navy; thai army has trained at sea. ", 200))
	a := Compile(patterns)
	b.SetBytes(int64(len(text)))
	n := 0
	for b.Loop() {
		a.Each(text, func(p, s, e int) bool { n++; return true })
	}
}

// TestBounded compares a bounded automaton (Each and AppendByStart, on short
// and long random texts) with the naive matches minus those starting
// inside a word, for patterns not allowed to. Patterns and texts mix word
// bytes ('a', 'b', 'x'), non-word bytes (' ', '-', '.') and bytes no
// pattern uses ('x', '.').
func TestBounded(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	gen := func(alphabet string, n int) string {
		var sb strings.Builder
		for i := 0; i < n; i++ {
			sb.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		return sb.String()
	}
	var wordByte [256]bool
	wordByte['a'], wordByte['b'], wordByte['x'] = true, true, true
	for round := 0; round < 600; round++ {
		patterns := make([]string, 1+r.IntN(12))
		inWord := make([]bool, len(patterns))
		for i := range patterns {
			patterns[i] = gen("aab -", 1+r.IntN(9))
			inWord[i] = r.IntN(3) == 0
		}
		n := r.IntN(60)
		if round%2 == 1 {
			n = r.IntN(3000)
		}
		text := gen("aabb  -x.", n)
		a := CompileBounded(patterns, Bounds{Word: &wordByte, InWord: inWord})
		var want []match
		for _, m := range naive(patterns, text) {
			if m.s == 0 || !wordByte[text[m.s-1]] || inWord[m.p] {
				want = append(want, m)
			}
		}
		if got := all(a, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Each: patterns %q in word %v text %q:\ngot  %v\nwant %v", patterns, inWord, text, got, want)
		}
		got := appended(a, text)
		if want := byStart(want); !reflect.DeepEqual(got, want) {
			t.Fatalf("AppendByStart: patterns %q in word %v text %q:\ngot  %v\nwant %v", patterns, inWord, text, got, want)
		}
	}
}

// appended returns the matches AppendByStart finds in text, after a
// match of pattern 0 at text's start that it must keep where it is, with
// a Scratch used before.
func appended(a *Automaton, text string) []match {
	var sc Scratch
	a.AppendByStart(nil, []byte(strings.Repeat("x", 3*minSplit)), &sc)
	ms := a.AppendByStart([]Match{{0, 0, 0}}, []byte(text), &sc)
	if ms[0] != (Match{0, 0, 0}) {
		panic("AppendByStart changed dst's matches")
	}
	var got []match
	for _, m := range ms[1:] {
		got = append(got, match{int(m.Pattern), int(m.Start), int(m.End)})
	}
	return got
}

// byStart returns matches in naive's order sorted in AppendByStart's: by
// start, the longest first, stable.
func byStart(ms []match) []match {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b match) int { return cmp.Or(cmp.Compare(a.s, b.s), cmp.Compare(b.e, a.e)) })
	return ms
}

// TestAppendByStartPartEdges compares AppendByStart with brute force on every
// text length around the shortest split texts, so that occurrences start,
// end and span the parts' edges at every remainder of the length.
func TestAppendByStartPartEdges(t *testing.T) {
	patterns := []string{"ab", "ba", "abcab", "cabcabcabca", "c"}
	a := Compile(patterns)
	for n := minSplit - 1; n <= minSplit+3*parts; n++ {
		text := strings.Repeat("abc", n/3+1)[:n]
		if got, want := appended(a, text), byStart(naive(patterns, text)); !reflect.DeepEqual(got, want) {
			t.Fatalf("text %q:\ngot  %v\nwant %v", text, got, want)
		}
	}
}

// TestLayout checks the table's layout: classes numbered by their bytes'
// frequency in the patterns (ties by byte), the others last; rows of
// whole cache lines.
func TestLayout(t *testing.T) {
	a := Compile([]string{"ccc b", "bb"})
	for c, want := range map[byte]uint8{'b': 0, 'c': 1, ' ': 2, 'a': 3, 0xff: 3} {
		if got := a.class[c]; got != want {
			t.Errorf("class[%q] = %d, want %d", c, got, want)
		}
	}
	if a.stride != lineInts {
		t.Errorf("stride %d, want %d", a.stride, lineInts)
	}
	var w [256]bool
	wide := CompileBounded([]string{"abcdefghijklmnopqrstuvwxyz -.0123456789"}, Bounds{Word: &w, InWord: []bool{false}})
	if wide.stride%lineInts != 0 || wide.stride < 41 {
		t.Errorf("stride %d for 41 classes, want a multiple of %d", wide.stride, lineInts)
	}
}

// TestWideAlphabet compares AppendByStart with brute force where the
// classes fill rows of several cache lines, the last one in part.
func TestWideAlphabet(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	const alphabet = "abcdefghijklmnopqrstuvwxyz -.0123456789"
	gen := func(alphabet string, n int) string {
		var sb strings.Builder
		for i := 0; i < n; i++ {
			sb.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		return sb.String()
	}
	for round := 0; round < 100; round++ {
		patterns := make([]string, 1+r.IntN(200))
		for i := range patterns {
			patterns[i] = gen(alphabet[:4+r.IntN(len(alphabet)-4)], 1+r.IntN(4))
		}
		text := gen(alphabet[:10], r.IntN(3000)) + gen(alphabet+"!?", r.IntN(3000))
		a := Compile(patterns)
		if got, want := appended(a, text), byStart(naive(patterns, text)); !reflect.DeepEqual(got, want) {
			t.Fatalf("patterns %q text %q:\ngot  %v\nwant %v", patterns, text, got, want)
		}
	}
}
