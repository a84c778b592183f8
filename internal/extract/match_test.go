package extract

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCapitalFirst checks capitalFirst's ASCII shortcut against decoding
// the first rune.
func TestCapitalFirst(t *testing.T) {
	for _, s := range []string{"", "a", "A", "Z", "z", "0", "9", "-", " ", "Éire", "éire", "Ωmega", "ωmega", "\xff", "1st", "US", "uS"} {
		r, _ := utf8.DecodeRuneInString(s)
		if want := unicode.IsUpper(r) || isDigit(r); capitalFirst(s) != want {
			t.Errorf("capitalFirst(%q) = %v, want %v", s, !want, want)
		}
	}
}

// TestEntityPick checks the payload find keeps for a hit of actors etc.,
// through the plan and pick or through pickHeld, against choosing among
// the payloads that hold (allows), for every pattern of the lexicon (but
// acronyms, whose capitals are counted in the text) and every condition
// set.
func TestEntityPick(t *testing.T) {
	m := &testExtractor.phrases
	for pat, in := range m.info {
		ps := m.flat[in.lo:in.mid]
		if slices.ContainsFunc(ps, func(p payload) bool { return p.upper > 0 }) {
			continue
		}
		for c := range uint8(nConds) {
			var want [2]int32
			held := []int32{}
			for i := int32(in.lo); i < int32(in.mid); i++ {
				if m.flat[i].allows(c) {
					held = append(held, i)
				}
			}
			if len(held) > 0 {
				best := held[0]
				for _, i := range held {
					if m.flat[i].kind < m.flat[best].kind {
						best = i
					}
				}
				want = [2]int32{best, best + 1}
			}
			var got [2]int32
			switch w := in.holds(c); {
			case w&holdPick != 0:
				got = [2]int32{int32(in.pick), int32(in.pick) + 1}
			case w&holdEachEnt != 0:
				got[0], got[1] = m.pickHeld(int32(in.lo), int32(in.mid), c, nil, "", 0, 0)
			}
			if got[1] == got[0] && want[1] == want[0] {
				continue // none: an empty range anywhere
			}
			if got != want {
				t.Errorf("pattern %d, conditions %b: got %+v, want %+v", pat, c, got, want)
			}
		}
	}
}

// TestCueHolds checks the triggers and cues find keeps for a hit, through
// the plan or through holdEach, against those that hold (allows), for
// every pattern of the lexicon but acronyms and every condition set.
func TestCueHolds(t *testing.T) {
	m := &testExtractor.phrases
	for pat, in := range m.info {
		ps := m.flat[in.mid:in.hi]
		if slices.ContainsFunc(ps, func(p payload) bool { return p.upper > 0 }) {
			continue
		}
		for c := range uint8(nConds) {
			var want []payload
			for _, p := range ps {
				if p.allows(c) {
					want = append(want, p)
				}
			}
			var got []payload
			switch w := in.holds(c); {
			case w&holdCues != 0:
				got = ps
			case w&holdEachCue != 0:
				var pool []payload
				p0, p1, _ := m.holdEach(int32(in.mid), int32(in.hi), c, nil, "", 0, 0, &pool)
				got = pool[p0:p1]
			}
			if !slices.Equal(got, want) {
				t.Errorf("pattern %d, conditions %b: got %+v, want %+v", pat, c, got, want)
			}
		}
	}
}

// TestCueKinds checks that the kinds of triggers and cues fit a
// cueKindSet and that each pattern's are those of its payloads.
func TestCueKinds(t *testing.T) {
	if pGive-pTrigger >= 16 {
		t.Fatalf("%d kinds of triggers and cues: more than a cueKindSet holds", pGive-pTrigger+1)
	}
	m := &testExtractor.phrases
	for pat, in := range m.info {
		if got, want := in.cueKinds.set(), kindSet(m.flat[in.mid:in.hi]); got != want {
			t.Errorf("pattern %d: kinds %b, want %b", pat, got, want)
		}
	}
}

// TestBoundedStarts checks what find takes from the automaton: a pattern
// that may not start inside a word (patInfo.inWord) is reported only at a
// word's start, so find need not look at the byte before it.
func TestBoundedStarts(t *testing.T) {
	m := &testExtractor.phrases
	texts := append([]string{"UNpeacekeeping theVietnamese with80 80nations", "xUS US-India (US) aUN"}, sampleTexts(t, 50)...)
	for _, text := range texts {
		v := newView(text)
		for _, h := range m.ac.AppendByStart(nil, v.b, nil) {
			s, e := int(h.Start), int(h.End)
			if !m.info[h.Pattern].inWord && wordConditions(v.b, s, e, true)&condStart == 0 {
				t.Errorf("pattern %d reported inside a word at %d: %q", h.Pattern, s, v.b[max(0, s-10):e])
			}
		}
	}
}
