// Package aho is a compact Aho-Corasick automaton over bytes, compiled to a
// DFA, that reports every occurrence of every pattern (overlapping matches)
// in one pass without allocating.
//
// The extractor matches about two thousand folded phrases against every
// article, and most words of a text end a match of some short phrase
// ("in", "to", "has"), so the cost per match decides its throughput. The
// libraries at hand did not fit that: github.com/petar-dambovaliev/aho-corasick
// allocates twice per match and dispatches through interfaces per byte;
// github.com/BobuSumisu/aho-corasick keeps 256 eight-byte transitions per
// state (about 50 MB for the lexicon) and follows failure links at run
// time; github.com/cloudflare/ahocorasick reports which patterns occur but
// not where. Here the bytes the patterns use get one class each and all
// others share one (two for a bounded automaton, see CompileBounded), so
// the DFA's table is states x classes int32s (about 3.1 MB for the
// lexicon: 16,100 states, 36 classes in rows of 48), and the scan is one
// table load per byte. Each load depends on the one before, so a scan is
// bound by the loads' latency: AppendByStart runs eight scans, of the eighths
// of the text, side by side.
package aho

import (
	"cmp"
	"math/bits"
	"slices"
)

// Automaton finds patterns in a byte string. It is immutable after Compile
// and safe for concurrent use.
type Automaton struct {
	class  [256]uint8 // byte -> class
	stride int32      // row length: the classes, padded to whole cache lines
	// trans[s+class] is the next state, premultiplied by stride
	trans []int32
	// accept is the first state that ends a pattern: they come last, so
	// that a scan tells them by a comparison off the chain of loads.
	accept int32
	// ends[(s-accept)>>shift] are the patterns accepting state s ends,
	// and spans[s>>shift] is the length of the text state s stands for
	// (appendTail). Tables of their own, indexed by a shift, not a division
	// by stride: with 1<<shift <= stride no two states share an entry. They
	// are dense (a few unused entries per state), so a report or a tail
	// most often finds its entry in the cache; an entry in the state's row
	// was often a cache line the scan had not loaded. ends holds a state's
	// longest pattern itself: a report most often reads one place.
	ends  []ends
	spans []int32
	shift uint
	start int32 // the state at the start of a text (premultiplied)
	root  int32 // the state after a word byte that begins no pattern (premultiplied)
	// boundary[c] says that a text's boundary symbol follows byte c: a
	// scan starting right after c starts in start, not root.
	boundary [256]bool
	outs     []out   // the patterns of states that end more than one, but their longest (ends.rest)
	lens     []int32 // pattern lengths
	maxLen   int     // longest pattern
}

// out is a pattern a state ends, with its length: a report reads one
// place, not a table of lengths too.
type out struct{ pattern, len int32 }

// ends are the patterns an accepting state ends, longest first: first,
// then outs[rest[0]:rest[1]] (none for most states).
type ends struct {
	first out
	rest  [2]int32
}

// Bounds makes an automaton word-aware (CompileBounded): an occurrence of
// pattern p that starts right after a byte c with Word[c] is reported only
// if InWord[p].
type Bounds struct {
	Word   *[256]bool // the bytes words are made of
	InWord []bool     // by pattern: may start inside a word; len must be len(patterns)
}

// Compile builds the automaton of patterns; pattern i is reported as i.
// Empty patterns never match; duplicates are each reported.
func Compile(patterns []string) *Automaton { return compile(patterns, nil) }

// CompileBounded builds the automaton of patterns that reports only the
// occurrences b allows.
//
// Most words of a text end an occurrence of some short phrase inside a
// word ("in" in "training"). Dropping those after the scan costs a report
// per occurrence; here the automaton never reaches them. It matches a
// virtual text with a boundary symbol after every byte that is not a
// word byte (and at the start), patterns that may not start inside a word
// get the symbol in front, and every pattern gets it after each of its
// non-word bytes, so that an occurrence in the text is one of the virtual
// text. The symbol follows from the byte before it, so the transition on
// a non-word byte takes the symbol's transition too: a scan still makes
// one step per byte.
func CompileBounded(patterns []string, b Bounds) *Automaton { return compile(patterns, &b) }

func compile(patterns []string, b *Bounds) *Automaton {
	a := &Automaton{lens: make([]int32, len(patterns))}
	for i, p := range patterns {
		a.lens[i] = int32(len(p))
		a.maxLen = max(a.maxLen, len(p))
	}
	n := a.classify(patterns, b)
	t := buildTrie(a, patterns, b, n)
	t.link()
	a.finish(t, b, n)
	return a
}

// classify gives each byte the patterns use a class of its own and the
// others one class (two for a bounded automaton: word bytes and the
// rest). It returns the number of classes.
//
// The classes are numbered by how often their bytes occur in the
// patterns, the most frequent first (e, a, i, n, space... for the
// lexicon). In text like the patterns' that puts most of a scan's steps
// in the first cache line of their row (lineInts): a scan reaching a row
// that is out of the cache, which it does about every third byte, most
// often loads one line of it, where steps spread over the row load two
// or three.
func (a *Automaton) classify(patterns []string, b *Bounds) int {
	var count [256]int
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			count[p[i]]++
		}
	}
	used := make([]int, 0, 256) // the bytes the patterns use, most frequent first
	for c := range count {
		if count[c] > 0 {
			used = append(used, c)
		}
	}
	slices.SortStableFunc(used, func(c, d int) int { return cmp.Compare(count[d], count[c]) })
	for n, c := range used {
		a.class[c] = uint8(n)
	}
	n := len(used)
	other := [2]int{-1, -1} // class of unused non-word and word bytes
	for c := range count {
		if count[c] > 0 {
			continue
		}
		w := 0
		if b != nil && b.Word[c] {
			w = 1
		}
		if other[w] < 0 {
			other[w] = n
			n++
		}
		a.class[c] = uint8(other[w])
	}
	return n
}

// trie is the automaton under construction, over symbols: the classes
// and, for a bounded automaton, the boundary symbol after them.
type trie struct {
	syms int
	// next[s*syms+sym] is the child of state s on sym, 0 for none (the
	// root is never a child); after link, the DFA's transition.
	next []int32
	own  [][]int32 // per state: the patterns ending there
	// per state: its string's length in text bytes (boundary symbols
	// take none)
	span     []int32
	boundary int       // the boundary symbol, -1 if none
	out      [][]int32 // after link: the patterns ending there or at a suffix
}

// buildTrie puts the patterns, as symbols, in a trie (see CompileBounded).
func buildTrie(a *Automaton, patterns []string, b *Bounds, classes int) *trie {
	t := &trie{syms: classes, own: [][]int32{nil}, span: []int32{0}, boundary: -1}
	if b != nil {
		t.syms++
		t.boundary = classes
	}
	boundary := classes
	t.next = make([]int32, t.syms, t.syms*64)
	for pi, p := range patterns {
		if p == "" {
			continue
		}
		s := 0
		if b != nil && !b.InWord[pi] {
			s = t.child(s, boundary)
		}
		for i := 0; i < len(p); i++ {
			s = t.child(s, int(a.class[p[i]]))
			if b != nil && !b.Word[p[i]] {
				s = t.child(s, boundary)
			}
		}
		t.own[s] = append(t.own[s], int32(pi))
	}
	return t
}

// child returns the child of s on sym, adding it if need be.
func (t *trie) child(s, sym int) int {
	i := s*t.syms + sym
	if c := t.next[i]; c != 0 {
		return int(c)
	}
	c := len(t.own)
	t.own = append(t.own, nil)
	span := t.span[s]
	if sym != t.boundary {
		span++
	}
	t.span = append(t.span, span)
	t.next = append(t.next, make([]int32, t.syms)...)
	t.next[i] = int32(c)
	return c
}

// link makes the trie the DFA of Aho-Corasick: breadth first, a state
// takes the transitions it lacks and the patterns it ends from its
// failure link (the longest proper suffix of it in the trie).
func (t *trie) link() {
	states := len(t.own)
	fail := make([]int32, states)
	t.out = make([][]int32, states)
	queue := make([]int32, 0, states)
	for c := 0; c < t.syms; c++ {
		if x := t.next[c]; x != 0 {
			queue = append(queue, x) // fail[x] = root
		}
	}
	t.out[0] = t.own[0]
	for q := 0; q < len(queue); q++ {
		s := int(queue[q])
		f := int(fail[s])
		t.out[s] = append(append([]int32(nil), t.own[s]...), t.out[f]...)
		for c := 0; c < t.syms; c++ {
			x := t.next[s*t.syms+c]
			if x != 0 {
				fail[x] = t.next[f*t.syms+c]
				queue = append(queue, x)
			} else {
				t.next[s*t.syms+c] = t.next[f*t.syms+c]
			}
		}
	}
}

// finish makes a's table from the DFA t: one step per class, the step on
// a non-word byte of a bounded automaton taking the boundary's step after
// it. It keeps only the states a scan reaches, numbered breadth first
// from the start.
func (a *Automaton) finish(t *trie, b *Bounds, classes int) {
	var nonWord [256]bool // by class
	for c := range 256 {
		nonWord[a.class[c]] = b != nil && !b.Word[c]
		a.boundary[c] = b != nil && !b.Word[c]
	}
	step := func(s, c int) int {
		x := int(t.next[s*t.syms+c])
		if nonWord[c] {
			x = int(t.next[x*t.syms+classes])
		}
		return x
	}
	start, root := 0, 0
	if b != nil {
		start = int(t.next[classes]) // the boundary at the start of a text
	}
	id := make([]int32, len(t.own))
	for i := range id {
		id[i] = -1
	}
	order := make([]int, 0, len(t.own))
	for _, s := range []int{start, root} {
		if id[s] < 0 {
			id[s] = int32(len(order))
			order = append(order, s)
		}
	}
	for q := 0; q < len(order); q++ {
		for c := range classes {
			if x := step(order[q], c); id[x] < 0 {
				id[x] = int32(len(order))
				order = append(order, x)
			}
		}
	}
	// the states that end patterns last
	accepting := func(s int) bool { return len(t.out[s]) > 0 }
	order = append(slices.DeleteFunc(slices.Clone(order), accepting), slices.DeleteFunc(order, func(s int) bool { return !accepting(s) })...)
	for i, s := range order {
		id[s] = int32(i)
	}
	a.accept = int32(len(order))
	if i := slices.IndexFunc(order, accepting); i >= 0 {
		a.accept = int32(i)
	}

	// a row per state: its steps, padded to whole cache lines
	stride := (classes + lineInts - 1) / lineInts * lineInts
	a.stride = int32(stride)
	a.start, a.root = id[start]*a.stride, id[root]*a.stride
	a.accept *= a.stride
	a.shift = uint(bits.Len(uint(stride)) - 1)
	a.ends = make([]ends, (int32(len(order))*a.stride-a.accept)>>a.shift+1)
	a.spans = make([]int32, len(order)*stride>>a.shift+1)
	a.trans = make([]int32, len(order)*stride)
	for i, s := range order {
		row := a.trans[i*stride : (i+1)*stride]
		for c := range classes {
			x := step(s, c)
			row[c] = id[x] * a.stride
		}
		a.spans[i*stride>>a.shift] = t.span[s]
		o := t.out[s]
		if len(o) == 0 {
			continue
		}
		slices.SortFunc(o, func(p, q int32) int { // longest first, then in pattern order
			return cmp.Or(cmp.Compare(a.lens[q], a.lens[p]), cmp.Compare(p, q))
		})
		e := &a.ends[(int32(i)*a.stride-a.accept)>>a.shift]
		e.first = out{o[0], a.lens[o[0]]}
		e.rest[0] = int32(len(a.outs))
		for _, p := range o[1:] {
			a.outs = append(a.outs, out{p, a.lens[p]})
		}
		e.rest[1] = int32(len(a.outs))
	}
}

// lineInts is how many transitions a cache line (64 bytes) holds. Rows of
// whole lines (a large table starts on a page) hold the first classes,
// the frequent bytes', in one line. For the lexicon's 36 classes that
// takes rows of three lines, not 2.25: with the classes' order it took
// the lexicon's scan of articles 8% fewer cache misses (cachegrind, 32 KB
// L1). Three lines is also an odd number: the rows' first lines spread
// over all sets of the cache.
const lineInts = 64 / 4

// Len reports the number of patterns.
func (a *Automaton) Len() int { return len(a.lens) }

// Each calls fn(pattern, start, end) for every occurrence text[start:end]
// of every pattern, in order of end, the longest first at each end. It
// stops when fn returns false.
func (a *Automaton) Each(text []byte, fn func(pattern, start, end int) bool) {
	trans, class := a.trans, &a.class
	s := a.start
	for i := 0; i < len(text); i++ {
		s = trans[s+int32(class[text[i]])]
		if s >= a.accept {
			if !a.report(s, i+1, fn) {
				return
			}
		}
	}
}

// Match is an occurrence text[Start:End] of pattern Pattern (AppendByStart).
type Match struct{ Pattern, Start, End int32 }

// Scratch is AppendByStart's working memory, kept by a caller between
// calls so that a call neither allocates nor clears it. The zero value is
// ready to use.
type Scratch struct {
	ends  [parts * blockLen]uint64 // walk's records
	parts [parts][]Match           // the occurrences starting in each part, in order of end
}

// AppendByStart appends to dst the occurrences Each reports, in order of
// start, the longest first at each start (then in pattern order). A
// caller looks at every occurrence: a slice to loop over costs less per
// occurrence than a call. sc is its working memory (nil allocates one).
//
// It scans the parts (eighths) of a text side by side: independent
// chains of table loads run in parallel in the processor, which makes the
// scan several times faster where the loads' latency bounds it. An
// article's scan reaches a state it has not seen about every third byte,
// and most of those rows are out of the cache after the rest of an
// extraction: eight chains wait for eight misses at once (more gained
// nothing; four took half as much again). Each
// chain reports the occurrences that start in its part: it starts at the
// part's first byte in the state after the byte before it (as if the text
// began there), and goes on past the part's end only while its state's
// string starts inside the part (appendTail), usually a few bytes.
//
// A chain reports in order of end, so the parts' occurrences, each part's
// in a stretch of its own, are in order of start but where they overlap
// (sortByStart): a few moves of an insertion sort, where a sort of them
// all by start cost about as much as reporting them.
func (a *Automaton) AppendByStart(dst []Match, text []byte, sc *Scratch) []Match {
	first := len(dst)
	n := len(text)
	if n < minSplit {
		dst = a.appendFrom(dst, text, 0, a.start)
		sortByStart(dst[first:])
		return dst
	}
	if sc == nil {
		sc = new(Scratch)
	}
	q := n / parts
	var s [parts]int32 // the chains' states
	s[0] = a.start
	for i := 1; i < parts; i++ {
		s[i] = a.stateAfter(text[i*q-1])
	}
	for i := range sc.parts {
		sc.parts[i] = sc.parts[i][:0]
	}
	for lo := 0; lo < q; lo += blockLen {
		k := a.walk(&s, text, q, lo, min(lo+blockLen, q), &sc.ends)
		for _, r := range sc.ends[:k] {
			end := uint32(r)
			// the end is p*q+lo+j+1 in part p, j < q (the mask only
			// spares a bounds check)
			ms := &sc.parts[(end-uint32(lo)-1)/uint32(q)&(parts-1)]
			e := a.endsOf(int32(r >> 32))
			*ms = append(*ms, Match{e.first.pattern, int32(end) - e.first.len, int32(end)})
			if e.rest[0] < e.rest[1] { // most often not: no call
				*ms = a.appendRest(*ms, e, int32(end))
			}
		}
	}
	for i := range parts - 1 {
		dst = append(dst, sc.parts[i]...)
		dst = a.appendTail(dst, text, (i+1)*q, s[i])
	}
	dst = append(dst, sc.parts[parts-1]...)
	dst = a.appendFrom(dst, text, parts*q, s[parts-1]) // the last part is the longest
	sortByStart(dst[first:])
	return dst
}

// sortByStart sorts ms, in order of end but where one starts before an
// earlier one (it overlaps it), in order of start, the longest first: an
// insertion sort, stable.
func sortByStart(ms []Match) {
	for i := 1; i < len(ms); i++ {
		if !startsBefore(&ms[i], &ms[i-1]) {
			continue // most: in place
		}
		x := ms[i]
		j := i
		for ; j > 0 && startsBefore(&x, &ms[j-1]); j-- {
			ms[j] = ms[j-1]
		}
		ms[j] = x
	}
}

// startsBefore reports whether a goes before b in order of start, the
// longest first.
func startsBefore(a, b *Match) bool {
	return a.Start < b.Start || a.Start == b.Start && a.End > b.End
}

// parts is how many parts of a text AppendByStart scans side by side: more
// chains than registers would keep states in memory.
const parts = 8

// minSplit is the shortest text AppendByStart scans in parts.
const minSplit = 64

// blockLen is how many bytes each of AppendByStart's chains scans (walk)
// before the occurrences found are appended: no call inside the scan,
// which would make the compiler keep the states in memory.
const blockLen = 64

// walk advances the chains of AppendByStart, in states s, over bytes lo to hi
// of each part of text (parts of q bytes), and records in ends the
// accepting states they pass and where; it returns how many. The chains
// are written out: the compiler keeps local variables in registers, not
// an array's elements.
func (a *Automaton) walk(s *[parts]int32, text []byte, q, lo, hi int, ends *[parts * blockLen]uint64) int {
	trans, class, accept := a.trans, &a.class, a.accept
	t0 := text[lo:hi]
	n := len(t0) // the other parts' slices have that length too: no bounds checks
	t1, t2, t3 := text[q+lo:][:n], text[2*q+lo:][:n], text[3*q+lo:][:n]
	t4, t5, t6, t7 := text[4*q+lo:][:n], text[5*q+lo:][:n], text[6*q+lo:][:n], text[7*q+lo:][:n]
	s0, s1, s2, s3, s4, s5, s6, s7 := s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]
	k := 0
	record := func(state int32, end int) {
		ends[k&(len(ends)-1)] = uint64(state)<<32 | uint64(end)
		k++
	}
	for j := range t0 {
		s0 = trans[s0+int32(class[t0[j]])]
		s1 = trans[s1+int32(class[t1[j]])]
		s2 = trans[s2+int32(class[t2[j]])]
		s3 = trans[s3+int32(class[t3[j]])]
		s4 = trans[s4+int32(class[t4[j]])]
		s5 = trans[s5+int32(class[t5[j]])]
		s6 = trans[s6+int32(class[t6[j]])]
		s7 = trans[s7+int32(class[t7[j]])]
		end := lo + j + 1
		if s0 >= accept {
			record(s0, end)
		}
		if s1 >= accept {
			record(s1, q+end)
		}
		if s2 >= accept {
			record(s2, 2*q+end)
		}
		if s3 >= accept {
			record(s3, 3*q+end)
		}
		if s4 >= accept {
			record(s4, 4*q+end)
		}
		if s5 >= accept {
			record(s5, 5*q+end)
		}
		if s6 >= accept {
			record(s6, 6*q+end)
		}
		if s7 >= accept {
			record(s7, 7*q+end)
		}
	}
	s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7] = s0, s1, s2, s3, s4, s5, s6, s7
	return k
}

// stateAfter returns the state a scan starting right after byte c starts
// in (premultiplied): the one it would be in there, as if the text began
// at c's successor.
func (a *Automaton) stateAfter(c byte) int32 {
	if a.boundary[c] {
		return a.start
	}
	return a.root
}

// appendFrom appends the occurrences that end in text[i:], scanning it in
// state s.
func (a *Automaton) appendFrom(dst []Match, text []byte, i int, s int32) []Match {
	trans, class := a.trans, &a.class
	for ; i < len(text); i++ {
		s = trans[s+int32(class[text[i]])]
		if s >= a.accept {
			dst = a.appendOuts(dst, s, i+1)
		}
	}
	return dst
}

// appendTail appends the occurrences that start before lo and end after
// it, scanning text from lo in state s. It stops once s's string (the
// longest suffix of the text scanned that may begin an occurrence) starts
// at lo or later: every occurrence after that starts there too.
func (a *Automaton) appendTail(dst []Match, text []byte, lo int, s int32) []Match {
	trans, class := a.trans, &a.class
	for i := lo; i < len(text) && int(a.spans[s>>a.shift]) > i-lo; i++ {
		s = trans[s+int32(class[text[i]])]
		if s >= a.accept {
			dst = a.appendLonger(dst, s, i+1, int32(i+1-lo))
		}
	}
	return dst
}

// appendLonger appends the patterns longer than min that state s
// (premultiplied) ends at end.
func (a *Automaton) appendLonger(dst []Match, s int32, end int, min int32) []Match {
	e := a.endsOf(s)
	if e.first.len <= min {
		return dst
	}
	dst = append(dst, Match{e.first.pattern, int32(end) - e.first.len, int32(end)})
	for i := e.rest[0]; i < e.rest[1]; i++ {
		o := &a.outs[i]
		if o.len <= min {
			break
		}
		dst = append(dst, Match{o.pattern, int32(end) - o.len, int32(end)})
	}
	return dst
}

// endsOf returns the patterns accepting state s (premultiplied) ends.
func (a *Automaton) endsOf(s int32) *ends { return &a.ends[(s-a.accept)>>a.shift] }

// appendOuts appends the patterns that state s (premultiplied) ends at
// end.
func (a *Automaton) appendOuts(dst []Match, s int32, end int) []Match {
	e := a.endsOf(s)
	dst = append(dst, Match{e.first.pattern, int32(end) - e.first.len, int32(end)})
	return a.appendRest(dst, e, int32(end))
}

// appendRest appends the patterns of e but its longest, ending at end.
func (a *Automaton) appendRest(dst []Match, e *ends, end int32) []Match {
	for i := e.rest[0]; i < e.rest[1]; i++ { // most often none: not even a slice of outs to make
		o := &a.outs[i]
		dst = append(dst, Match{o.pattern, end - o.len, end})
	}
	return dst
}

// report calls fn for the patterns that state s (premultiplied) ends at
// end.
func (a *Automaton) report(s int32, end int, fn func(pattern, start, end int) bool) bool {
	e := a.endsOf(s)
	if !fn(int(e.first.pattern), end-int(e.first.len), end) {
		return false
	}
	for i := e.rest[0]; i < e.rest[1]; i++ {
		o := &a.outs[i]
		if !fn(int(o.pattern), end-int(o.len), end) {
			return false
		}
	}
	return true
}
