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
// others share one, so the DFA's table is states x classes int32s (about
// 2 MB for the lexicon: 15,800 states, 35 classes), and the scan is one
// table load per byte. Each load depends on the one before, so a scan is
// bound by the loads' latency: EachAny runs two scans, of the two halves
// of the text, side by side.
package aho

import "sort"

// Automaton finds patterns in a byte string. It is immutable after Compile
// and safe for concurrent use.
type Automaton struct {
	class  [256]uint8 // byte -> class
	stride int32      // classes per state
	// trans[s+class] is the next state, premultiplied by stride; negative
	// (the complement) when that state ends at least one pattern.
	trans    []int32
	outStart []int32 // per state: its patterns are outs[outStart[s]:outStart[s+1]]
	outs     []int32 // pattern indexes, longest first
	lens     []int32 // pattern lengths
	maxLen   int     // longest pattern
}

// Compile builds the automaton of patterns; pattern i is reported as i.
// Empty patterns never match; duplicates are each reported.
func Compile(patterns []string) *Automaton {
	a := &Automaton{lens: make([]int32, len(patterns))}
	// byte classes: 0 for bytes no pattern uses
	used := [256]bool{}
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[p[i]] = true
		}
	}
	n := int32(1)
	for b := range used {
		if used[b] {
			a.class[b] = uint8(n)
			n++
		}
	}
	if n > 256 {
		// every byte value is used: classes are the bytes themselves
		for b := range a.class {
			a.class[b] = uint8(b)
		}
		n = 256
	}
	a.stride = n
	stride := int(n)

	// the trie: state 0 is the root; trans holds unpremultiplied child
	// indexes, 0 meaning none (the root is never a child)
	trans := make([]int32, stride, stride*64)
	var own [][]int32 // patterns ending at each state
	own = append(own, nil)
	for pi, p := range patterns {
		a.lens[pi] = int32(len(p))
		a.maxLen = max(a.maxLen, len(p))
		if p == "" {
			continue
		}
		s := 0
		for i := 0; i < len(p); i++ {
			c := int(a.class[p[i]])
			next := int(trans[s*stride+c])
			if next == 0 {
				next = len(own)
				own = append(own, nil)
				trans = append(trans, make([]int32, stride)...)
				trans[s*stride+c] = int32(next)
			}
			s = next
		}
		own[s] = append(own[s], int32(pi))
	}
	states := len(own)

	// breadth-first: failure links, DFA transitions, output lists
	fail := make([]int32, states)
	out := make([][]int32, states)
	queue := make([]int32, 0, states)
	for c := 0; c < stride; c++ {
		if t := trans[c]; t != 0 {
			queue = append(queue, t) // fail[t] = root
		}
	}
	out[0] = own[0]
	for q := 0; q < len(queue); q++ {
		s := int(queue[q])
		f := int(fail[s])
		out[s] = append(append([]int32(nil), own[s]...), out[f]...)
		for c := 0; c < stride; c++ {
			t := trans[s*stride+c]
			if t != 0 {
				fail[t] = trans[f*stride+c]
				queue = append(queue, t)
			} else {
				trans[s*stride+c] = trans[f*stride+c]
			}
		}
	}

	a.outStart = make([]int32, states+1)
	for s := 0; s < states; s++ {
		o := out[s]
		sort.SliceStable(o, func(i, j int) bool { return a.lens[o[i]] > a.lens[o[j]] })
		a.outStart[s] = int32(len(a.outs))
		a.outs = append(a.outs, o...)
	}
	a.outStart[states] = int32(len(a.outs))

	// premultiply and flag the targets that end a pattern
	for i, t := range trans {
		v := t * n
		if len(out[t]) > 0 {
			v = ^v
		}
		trans[i] = v
	}
	a.trans = trans
	return a
}

// Len reports the number of patterns.
func (a *Automaton) Len() int { return len(a.lens) }

// Each calls fn(pattern, start, end) for every occurrence text[start:end]
// of every pattern, in order of end, the longest first at each end. It
// stops when fn returns false.
func (a *Automaton) Each(text []byte, fn func(pattern, start, end int) bool) {
	trans, class := a.trans, &a.class
	s := int32(0)
	for i := 0; i < len(text); i++ {
		s = trans[s+int32(class[text[i]])]
		if s >= 0 {
			continue
		}
		s = ^s
		st := s / a.stride
		for _, p := range a.outs[a.outStart[st]:a.outStart[st+1]] {
			if !fn(int(p), i+1-int(a.lens[p]), i+1) {
				return
			}
		}
	}
}

// EachAny reports the same occurrences as Each, in no particular order. On
// a long text it scans both halves at once (the second from maxLen-1 bytes
// before the middle, reporting only what ends after it): two independent
// chains of table loads run in parallel in the processor, which makes the
// scan about twice as fast where the loads' latency bounds it. On a text
// of more than about 8*maxLen+1 KB it scans four quarters at once (about
// a fifth faster again on the extractor's lexicon).
func (a *Automaton) EachAny(text []byte, fn func(pattern, start, end int) bool) {
	a.eachAny(text, nil, fn)
}

// WordStarts restricts EachAnyWordStart: an occurrence of pattern p that
// starts right after a byte c with Word[c] is reported only if InWord[p].
// (Most words of a text end a match of some short phrase inside a word:
// dropping those before the call saves most calls.)
type WordStarts struct {
	Word   *[256]bool
	InWord []bool // by pattern; len must be Len()
}

// EachAnyWordStart is EachAny without the occurrences w excludes.
func (a *Automaton) EachAnyWordStart(text []byte, w WordStarts, fn func(pattern, start, end int) bool) {
	a.eachAny(text, &w, fn)
}

func (a *Automaton) eachAny(text []byte, w *WordStarts, fn func(pattern, start, end int) bool) {
	n := len(text)
	ov := a.maxLen - 1
	trans, class := a.trans, &a.class
	if n < 4*ov+256 {
		s := int32(0)
		for i := 0; i < n; i++ {
			s = trans[s+int32(class[text[i]])]
			if s < 0 {
				s = ^s
				if !a.report(text, s, i+1, w, fn) {
					return
				}
			}
		}
		return
	}
	if n >= 8*ov+1024 {
		a.eachAny4(text, w, fn)
		return
	}
	mid := n / 2
	var s1, s2 int32
	i, j := 0, mid-ov // the second half is the longer: it ends the loop
	for i < mid {
		s1 = trans[s1+int32(class[text[i]])]
		s2 = trans[s2+int32(class[text[j]])]
		i++
		j++
		if s1 < 0 {
			s1 = ^s1
			if !a.report(text, s1, i, w, fn) {
				return
			}
		}
		if s2 < 0 {
			s2 = ^s2
			if j > mid && !a.report(text, s2, j, w, fn) {
				return
			}
		}
	}
	for ; j < n; j++ {
		s2 = trans[s2+int32(class[text[j]])]
		if s2 < 0 {
			s2 = ^s2
			if j+1 > mid && !a.report(text, s2, j+1, w, fn) {
				return
			}
		}
	}
}

// eachAny4 is eachAny's scan in four quarters side by side, for long texts
// (each quarter but the first starts ov bytes early and reports only what
// ends inside it): four independent chains of table loads hide more of
// their latency than two.
func (a *Automaton) eachAny4(text []byte, w *WordStarts, fn func(pattern, start, end int) bool) {
	n := len(text)
	ov := a.maxLen - 1
	q := n / 4
	b1, b2, b3 := q, 2*q, 3*q // where the quarters start
	trans, class := a.trans, &a.class
	var s0, s1, s2, s3 int32
	i0, i1, i2, i3 := 0, b1-ov, b2-ov, b3-ov // next byte of each chain
	for i0 < b1 {
		s0 = trans[s0+int32(class[text[i0]])]
		s1 = trans[s1+int32(class[text[i1]])]
		s2 = trans[s2+int32(class[text[i2]])]
		s3 = trans[s3+int32(class[text[i3]])]
		i0++
		i1++
		i2++
		i3++
		if s0 < 0 {
			s0 = ^s0
			if !a.report(text, s0, i0, w, fn) {
				return
			}
		}
		if s1 < 0 {
			s1 = ^s1
			if i1 > b1 && !a.report(text, s1, i1, w, fn) {
				return
			}
		}
		if s2 < 0 {
			s2 = ^s2
			if i2 > b2 && !a.report(text, s2, i2, w, fn) {
				return
			}
		}
		if s3 < 0 {
			s3 = ^s3
			if i3 > b3 && !a.report(text, s3, i3, w, fn) {
				return
			}
		}
	}
	// the other chains' last bytes, one chain after the other
	for _, c := range [...]struct {
		s         int32
		i, lo, hi int
	}{{s1, i1, b1, b2}, {s2, i2, b2, b3}, {s3, i3, b3, n}} {
		s := c.s
		for i := c.i; i < c.hi; i++ {
			s = trans[s+int32(class[text[i]])]
			if s < 0 {
				s = ^s
				if i+1 > c.lo && !a.report(text, s, i+1, w, fn) {
					return
				}
			}
		}
	}
}

// report calls fn for the patterns that state s (premultiplied) ends at
// end, but those w excludes (w may be nil).
func (a *Automaton) report(text []byte, s int32, end int, w *WordStarts, fn func(pattern, start, end int) bool) bool {
	st := s / a.stride
	for _, p := range a.outs[a.outStart[st]:a.outStart[st+1]] {
		start := end - int(a.lens[p])
		if w != nil && start > 0 && w.Word[text[start-1]] && !w.InWord[p] {
			continue
		}
		if !fn(int(p), start, end) {
			return false
		}
	}
	return true
}
