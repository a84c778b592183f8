package extract

import (
	"slices"

	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// MEMBER_OF and PEACEKEEPING: relations to a multilateral body.

// peacekeeping: an actor taking part in, deploying to or supporting UN
// peacekeeping; the sentence's actors, else the home country.
func (d *doc) peacekeeping(si int, c *cue) {
	if !d.hasCue(si, pPeacekeeping) {
		return
	}
	un := d.countryArg("united-nations")
	actors := d.participants(si, false, false)
	actors = slices.DeleteFunc(actors, notNational)
	if len(actors) == 0 {
		if h, ok := d.homeArg(); ok {
			actors = append(actors, h)
		}
	}
	st := d.status(si, c.vs)
	since := d.sinceIf(st, si, c.vs)
	for i := range actors {
		d.addRel(model.Peacekeeping, &actors[i], &un, st, si, since)
	}
}

// membership: the actors of a sentence naming a multilateral body with a
// membership cue (taking part, hosting, chairing) are its members; so is
// the country it is held in or handed over to. Organisations such as the
// UN need the word "member".
func (d *doc) membership(si int, mi int) {
	m := &d.ments[mi]
	body := &d.e.lex.Actors[m.idx]
	if !body.Member && !d.memberWordNear(si, m) {
		return // "member of the United Nations", "UN member states"
	}
	if !d.cueNear(si, pMembership, m.vs, m.ve, 120) {
		return
	}
	if w1, _ := d.prevWords(m.vs); w1 == "with" {
		return // "ties with ASEAN": a counterpart, not membership
	}
	d.addMembers(si, m, body)
}

// addMembers records the members of body that sentence si names.
func (d *doc) addMembers(si int, m *mention, body *lexicon.Actor) {
	lo, hi := d.clause(si, m.vs)
	members := d.participantsIn(si, false, false, lo, hi) // one per projected actor
	members = slices.DeleteFunc(members, notNational)
	future := false
	// held in X / handed over to X
	for _, oi := range d.mentionsIn(si, m.ve, m.ve+100) {
		o := &d.ments[oi]
		if !o.place || o.label != model.Country || o.vs < m.ve || hasProj(members, o.proj) {
			continue
		}
		g := d.gap(m.ve, o.vs)
		if len(g) > 80 {
			continue
		}
		handover := containsRare(g, handoverWords)
		if handover && o.dest || containsRare(g, hostWords) {
			members = append(members, o.arg())
			future = future || handover
		}
	}
	if len(members) == 0 {
		if h, ok := d.homeArg(); ok && d.paraNamesHome(si) {
			members = append(members, h)
		}
	}
	st := d.status(si, m.vs)
	if st == model.Planned && !future && !d.joinNear(si, m) {
		st = model.Established // membership is a state; "need to support at the ADMM" presumes it
	}
	if future {
		_, end := d.sentView(si)
		st = d.status(si, end)
		if d.hasCue(si, pPlanned) {
			st = model.Planned
		}
	}
	body0 := d.countryArg(body.ID)
	since := d.sinceIf(st, si, m.vs)
	for i := range members {
		if members[i].proj == body.ID {
			continue
		}
		d.addRel(model.MemberOf, &members[i], &body0, st, si, since)
	}
}

// handoverWords and hostWords, between a body and a country, make the
// country a member (addMembers).
var (
	handoverWords = rareWords("chair", "hand-over", "handover", "handed over")
	hostWords     = rareWords("held", "opened", "hosted", "take place", "took place", "convened", "organised", "organized")
)

// notNational reports a side that is neither a country nor an agency.
func notNational(a arg) bool { return a.label != model.Country && a.label != model.Agency }

// hasProj reports whether args hold one for projected actor proj.
func hasProj(args []arg, proj string) bool {
	for i := range args {
		if args[i].proj == proj {
			return true
		}
	}
	return false
}

func (d *doc) inBloc(org, member *arg) bool {
	if org.label != model.Organization {
		return false
	}
	o := d.actor(org.proj)
	if o == nil {
		return false
	}
	for _, m := range o.Members {
		if m == member.proj {
			return true
		}
	}
	return false
}
