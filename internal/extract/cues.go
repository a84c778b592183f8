package extract

import (
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// Looking up cues and mentions around a position, bounded so that time
// stays linear in the text.

func (d *doc) cueIn(si int, k payloadKind, lo, hi int) bool {
	for _, ci := range d.cuesIn(si, lo, hi) {
		c := &d.cues[ci]
		if c.vs >= lo && c.vs < hi && c.has(k) {
			return true
		}
	}
	return false
}

func (d *doc) hasCue(si int, k payloadKind) bool { return d.kindsOf(si)&(1<<k) != 0 }

// kindsOf returns the bit set of the payload kinds of sentence si's cues
// (see kindSet).
func (d *doc) kindsOf(si int) uint64 { return d.kinds[si] }

// cueText reports whether a cue of kind k whose text starts with prefix
// stands in sentence si.
func (d *doc) cueText(si int, k payloadKind, prefixes ...string) bool {
	for _, ci := range d.sc[si] {
		c := &d.cues[ci]
		if !c.has(k) {
			continue
		}
		ps := d.cuePayloads(c)
		for j := range ps {
			p := &ps[j]
			if p.kind != k {
				continue
			}
			t := d.vstr[c.vs:c.ve]
			for _, pre := range prefixes {
				if strings.HasPrefix(t, pre) {
					return true
				}
			}
		}
	}
	return false
}

// joinNear reports "join"/"accession" next to a body: a future membership.
func (d *doc) joinNear(si int, m *mention) bool {
	for _, ci := range d.cuesIn(si, m.vs-40, m.vs) {
		c := &d.cues[ci]
		if c.ve <= m.vs && m.vs-c.ve <= 12 {
			t := d.vstr[c.vs:c.ve]
			if strings.HasPrefix(t, "join") || strings.HasPrefix(t, "accession") {
				return true
			}
		}
	}
	return false
}

func (d *doc) memberWordNear(si int, m *mention) bool {
	for _, ci := range d.cuesIn(si, m.vs-40, m.ve+10) {
		c := &d.cues[ci]
		if (c.ve <= m.vs && m.vs-c.ve <= 12 || c.vs >= m.ve && c.vs-m.ve <= 3) && strings.HasPrefix(d.vstr[c.vs:c.ve], "member") {
			return true
		}
	}
	return false
}

// hasTrigger reports a trigger of type t in sentence si.
func (d *doc) hasTrigger(si int, t model.RelType) bool {
	if d.kindsOf(si)&(1<<pTrigger) == 0 {
		return false
	}
	for _, ci := range d.sc[si] {
		c := &d.cues[ci]
		if !c.has(pTrigger) {
			continue
		}
		ps := d.cuePayloads(c)
		for j := range ps {
			p := &ps[j]
			if p.kind == pTrigger && p.rel == t {
				return true
			}
		}
	}
	return false
}

// insideGroup reports a view range inside a group phrase ("ASEAN member
// countries"): its words are the group's, not cues.
func (d *doc) insideGroup(si, vs, ve int) bool {
	ids := d.mentionsIn(si, 0, vs+1)
	if len(ids) == 0 {
		return false
	}
	m := &d.ments[ids[len(ids)-1]]
	return m.kind == pGroup && m.vs <= vs && ve <= m.ve
}

// cueNear reports a cue of kind k within n view bytes of [vs, ve).
func (d *doc) cueNear(si int, k payloadKind, vs, ve, n int) bool {
	for _, ci := range d.cuesIn(si, vs-n-60, ve+n+1) {
		c := &d.cues[ci]
		if !c.has(k) || c.ve < vs-n || c.vs > ve+n || d.insideGroup(si, c.vs, c.ve) {
			continue
		}
		return true
	}
	return false
}

// paraNamesHome reports whether the paragraph of sentence si names the
// home country (d.home set): resolveGenerics has marked those paragraphs.
func (d *doc) paraNamesHome(si int) bool { return d.paraHome[d.sents[si].para] }
