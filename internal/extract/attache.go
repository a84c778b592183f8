package extract

import (
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// attache: "Thai attachés in Vietnam", "defence attachés of Russia, China
// and India", "Vietnam opened its Military Attache Office in the UK",
// "attaché offices in 29 countries". The owner is the actor named with the
// attaché (before it, or the list after "of"), else the sentence's first
// actor, else the home country; the host is the place after it, else the
// home country.
func (d *doc) attache(si int, c *cue) {
	var ownerBuf, hostBuf [4]arg // on the stack: a statement has few of either
	owners, hosts := ownerBuf[:0], hostBuf[:0]
	ids := d.mentionsIn(si, c.vs-reach, c.ve+reach)
	// the end of this attaché's clause: the next attaché trigger
	limit := c.ve + reach
	for _, ci := range d.cuesIn(si, c.ve+1, limit) {
		o := &d.cues[ci]
		if o.vs > c.ve && o.vs < limit && o.has(pTrigger) {
			ps := d.cuePayloads(o)
			for j := range ps {
				p := &ps[j]
				if p.kind == pTrigger && p.rel == model.AttacheOffice {
					limit = o.vs
				}
			}
		}
	}
	// a group holding the trigger ("45 foreign defence attaché offices")
	for _, mi := range ids {
		m := &d.ments[mi]
		if m.kind == pGroup && m.vs <= c.vs && m.ve >= c.vs {
			owners = append(owners, m.arg())
		}
	}
	// "attachés of X, Y and Z"
	if len(owners) == 0 && strings.HasPrefix(strings.TrimSpace(d.vstr[c.ve:min(len(d.v.b), c.ve+5)]), "of ") {
		prev := c.ve
		for _, mi := range ids {
			m := &d.ments[mi]
			if m.vs < c.ve || m.vs >= limit {
				continue
			}
			g := d.gap(prev, m.vs)
			g = strings.TrimPrefix(g, "of")
			g = strings.TrimSpace(strings.Trim(strings.TrimSpace(g), ","))
			g = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(g, "and"), "the"))
			g = strings.TrimSpace(strings.TrimPrefix(g, "the"))
			if g != "" {
				break
			}
			if m.ent != "" && m.kind != pPair {
				owners = append(owners, m.arg())
			}
			prev = m.ve
		}
	}
	// the actor just before the attaché ("Thai navy attaché", "Cuba's military attaché")
	if len(owners) == 0 {
		for k := len(ids) - 1; k >= 0; k-- {
			m := &d.ments[ids[k]]
			if m.ve > c.vs || m.ent == "" || m.kind == pPair {
				continue
			}
			if c.vs-m.ve <= 45 && !(m.place && m.label == model.Country) {
				owners = append(owners, m.arg())
			}
			break
		}
	}
	if len(owners) == 0 {
		lo, hi := d.clause(si, c.vs)
		for _, a := range d.participantsIn(si, false, false, lo, hi) {
			owners = append(owners, a)
			break
		}
	}
	if len(owners) == 0 {
		if h, ok := d.homeArg(); ok {
			owners = append(owners, h)
		}
	}
	for _, mi := range ids {
		m := &d.ments[mi]
		if m.vs < c.ve || m.vs >= limit || m.ent == "" || !m.place {
			continue
		}
		hosts = append(hosts, m.arg())
	}
	if len(hosts) == 0 {
		if h, ok := d.homeArg(); ok {
			hosts = append(hosts, h)
		}
	}
	st := d.status(si, c.vs)
	since := d.sinceIf(st, si, c.vs)
	for i := range owners {
		o := &owners[i]
		for j := range hosts {
			h := &hosts[j]
			count := o.count
			if h.count > 0 {
				count = h.count
			}
			if r := d.addRel(model.AttacheOffice, o, h, st, si, since); r != nil && count > r.Count {
				r.Count = count
			}
		}
	}
}
