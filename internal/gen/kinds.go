package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// A kind writes the opening of one sort of article (and usually its body)
// and returns its title. Titles state nothing the lead does not.
type kind func(w *builder) string

var (
	kinds       = []kind{visit, patrol, dialogue, forumMeeting, attache, peacekeeping, overview}
	kindWeights = []int{26, 12, 12, 16, 12, 10, 12}
)

var vietnam = &countries[0]

// host picks the reporting side: Vietnam in most articles, as in VNA copy.
func host(r *rand.Rand, pct int, ok func(*country) bool) *country {
	if r.IntN(100) < pct && ok(vietnam) {
		return vietnam
	}
	return other(r, ok)
}

// other picks a country accepted by ok and different from every one of not.
func other(r *rand.Rand, ok func(*country) bool, not ...*country) *country {
	for {
		c := &countries[r.IntN(len(countries))]
		if !ok(c) {
			continue
		}
		dup := false
		for _, n := range not {
			dup = dup || n == c
		}
		if !dup {
			return c
		}
	}
}

func hasNavy(c *country) bool { return c.navy != "" }

var (
	vnTitles = []string{"Deputy Defence Minister", "Defence Minister", "Deputy Minister of National Defence", "Chief of the General Staff of the Vietnam People’s Army", "Director of the Defence Ministry’s Foreign Relations Department"}
	vnRanks  = []string{"Sen. Lieut. Gen.", "Lieut. Gen.", "General", "Major General", "Senior Lieutenant General"}
	fgRanks  = []string{"General", "Lieutenant General", "Major General", "Lt. Gen.", "Air Marshal"}
	navRanks = []string{"Admiral", "Vice Admiral", "Rear Admiral"}
)

// makeOfficial invents a defence official of c: a full first mention with
// office and rank, and the short form used afterwards.
func makeOfficial(r *rand.Rand, c *country) official {
	name, short := personName(r, c)
	if c == vietnam {
		rank := pick(r, vnRanks)
		return official{full: pick(r, vnTitles) + " " + rank + " " + name, short: short}
	}
	switch r.IntN(4) {
	case 0:
		if c.navy != "" {
			return official{full: "Commander of the " + c.navy + " " + pick(r, navRanks) + " " + name, short: "Admiral " + short}
		}
		fallthrough
	case 1:
		return official{full: "Chief of the " + c.forces + " " + pick(r, fgRanks) + " " + name, short: "General " + short}
	case 2:
		return official{full: c.demonym + " Defence Minister " + name, short: short}
	default:
		return official{full: c.demonym + " Deputy Minister of Defence " + pick(r, fgRanks) + " " + name, short: short}
	}
}

func personName(r *rand.Rand, c *country) (full, short string) {
	fam, given := pick(r, c.family), pick(r, c.given)
	switch {
	case c == vietnam:
		return fam + " " + pick(r, c.middle) + " " + given, given
	case c.familyFirst:
		return fam + " " + given, fam
	}
	return given + " " + fam, fam
}

func dateline(c *country) string { return c.capital + " (VNA) – " }

// visit: one side's official receives the other's.
func visit(w *builder) string {
	w.a = host(w.r, 75, func(*country) bool { return true })
	w.b = other(w.r, func(*country) bool { return true }, w.a)
	w.oa, w.ob = makeOfficial(w.r, w.a), makeOfficial(w.r, w.b)
	w.anaphora, w.guest = true, true
	leads := []string{
		"{OA} received {OB}, who is on an official visit to {A}, in {Acap} on {date}.",
		"{OB} paid a courtesy call to {OA} in {Acap} on {date}, during his official visit to {A}.",
		"{OA} held talks with visiting {OB} in {Acap} on {date}.",
	}
	w.lead(template{pick(w.r, leads), ab(model.Exchange, est)})
	w.body(visitFillers)
	return fmt.Sprintf("%s defence delegation visits %s", w.b.demonym, w.a.forms[0])
}

// patrol: the two navies' joint patrol.
func patrol(w *builder) string {
	w.a = host(w.r, 70, hasNavy)
	w.b = other(w.r, hasNavy, w.a)
	w.oa, w.ob = makeOfficial(w.r, w.a), makeOfficial(w.r, w.b)
	w.anaphora = true
	ord := ordinal(2 + w.r.IntN(59))
	w.lead(template{"The {Anavy} and the {Bnavy} have conducted their " + ord + " joint patrol in the {sea}, according to {paper}.", ab(model.JointPatrol, est)})
	w.say(template{"The participating forces included ships {n3} and {n3} of the {Anavy} and ship {n3} of the {Bnavy}.", nil})
	if w.r.IntN(2) == 0 {
		w.say(template{"The two navies have maintained a hotline since {year}.", ab(model.Hotline, est)})
	}
	w.body([]template{
		{"During the patrol, the two sides~practised communication procedures and search~and rescue at sea.", nil},
		{"The patrol aimed to~maintain security and order at sea and create favourable conditions for fishermen to~make a living.", nil},
	})
	return fmt.Sprintf("%s, %s navies conduct %s joint patrol", w.a.demonym, w.b.demonym, ord)
}

// dialogue: a session of the pair's defence policy dialogue.
func dialogue(w *builder) string {
	w.a = host(w.r, 70, func(*country) bool { return true })
	w.b = other(w.r, func(*country) bool { return true }, w.a)
	w.oa, w.ob = makeOfficial(w.r, w.a), makeOfficial(w.r, w.b)
	w.anaphora, w.guest = true, true
	ord := ordinal(2 + w.r.IntN(20))
	level := pick(w.r, []string{"deputy-ministerial", "ministerial", "vice-ministerial"})
	w.lead(template{"{A} and {B} held their " + ord + " defence policy dialogue at " + level + " level in {Acap} on {date}.", ab(model.Dialogue, est)})
	w.say(template{"The dialogue was co-chaired by {OA} and {OB}.", nil})
	minister, _ := personName(w.r, w.a)
	w.say(template{"Before the dialogue, {oB} paid a courtesy call to {Adem} Defence Minister " + minister + ".", ab(model.Exchange, est)})
	w.body(visitFillers)
	return fmt.Sprintf("%s, %s hold %s defence policy dialogue", w.a.forms[0], w.b.forms[0], ord)
}

// forumMeeting: a session of a multilateral forum, its participants and a
// bilateral meeting on the sidelines.
func forumMeeting(w *builder) string {
	f := pick(w.r, forums)
	w.forum = f
	h := host(w.r, 30, f.members)
	var list []*country
	if f.members(vietnam) && h != vietnam && w.r.IntN(10) < 7 {
		list = append(list, vietnam)
	}
	for n := 3 + w.r.IntN(6); len(list) < n; {
		list = appendCountry(list, other(w.r, f.members, append(list, h)...))
	}
	ord := ordinal(2 + w.r.IntN(19))
	form := pick(w.r, f.forms)
	w.add(w.render(dateline(h) + "The " + ord + " " + strings.TrimPrefix(form, "the ") + " opened in " + h.capital + " on {date}, bringing together defence leaders from " + w.names(list) + "."))
	lead := w.last()
	for _, c := range list {
		w.record(Relation{Type: model.MemberOf, From: c.name, To: f.name, Status: est, Evidence: lead})
	}
	s := w.render(pick(w.r, h.forms) + ", which holds the chair this year, hosted the meeting.")
	w.record(Relation{Type: model.MemberOf, From: h.name, To: f.name, Status: est, Evidence: s})
	w.add(s)
	if w.r.IntN(2) == 0 {
		next := other(w.r, f.members, append(list, h)...)
		s := w.render(pick(w.r, next.forms) + " will host the next meeting of " + pick(w.r, f.forms) + " in {ynext}.")
		w.record(Relation{Type: model.MemberOf, From: next.name, To: f.name, Status: pln, Evidence: s})
		w.add(s)
	}
	w.say(template{"Participants discussed~the regional security situation and measures to~promote practical cooperation.", nil})
	// A bilateral meeting on the sidelines, named explicitly: a forum
	// article has no single pair for "the two sides" to point back to.
	w.a, w.b = list[0], list[1+w.r.IntN(len(list)-1)]
	w.oa, w.ob = makeOfficial(w.r, w.a), makeOfficial(w.r, w.b)
	w.say(template{"On the sidelines of the meeting, {OA} held talks with {OB}.", ab(model.Exchange, est)})
	w.body([]template{
		{"The meeting adopted a joint declaration on~regional peace and stability.", nil},
		{"Delegates highlighted the central role of ASEAN in~the regional security architecture.", nil},
		{"The next session will focus~on practical measures to respond to natural disasters.", nil},
	})
	short := f.name
	return fmt.Sprintf("%s %s opens in %s", ord, short, h.capital)
}

// attache: a new defence attaché, or a new attaché office.
func attache(w *builder) string {
	w.a = host(w.r, 80, func(*country) bool { return true })
	w.b = other(w.r, func(*country) bool { return true }, w.a)
	w.oa = makeOfficial(w.r, w.a)
	w.anaphora = true
	if w.r.IntN(3) > 0 {
		name, short := personName(w.r, w.b)
		w.ob = official{full: "Colonel " + name, short: "Col. " + short}
		w.guest = true
		w.lead(template{"{OA} hosted a reception in {Acap} on {date} for new {Bdem} Defence Attaché to {A}, Colonel " + name + ".",
			[]relSpec{rel(model.AttacheOffice, 'B', 'A', est), rel(model.Exchange, 'A', 'B', est)}})
		w.body(visitFillers)
		return fmt.Sprintf("New %s defence attaché received in %s", w.b.demonym, w.a.capital)
	}
	w.ob = makeOfficial(w.r, w.b)
	w.add(w.render(dateline(w.b) + "{A} opened its defence attaché office in {Bcap} on {date}, marking the " + ordinal(5+w.r.IntN(50)) + " anniversary of diplomatic ties between the two countries."))
	w.record(Relation{Type: model.AttacheOffice, From: w.a.name, To: w.b.name, Status: est, Evidence: w.last()})
	w.say(template{"Speaking at the ceremony, {OB} said the office would help~deepen mutual understanding.", nil})
	w.body(nil)
	return fmt.Sprintf("%s opens defence attaché office in %s", w.a.forms[0], w.b.capital)
}

var missions = []string{
	"the UN Mission in South Sudan (UNMISS)",
	"the UN Interim Security Force for Abyei (UNISFA)",
	"the UN Multidimensional Integrated Stabilization Mission in the Central African Republic (MINUSCA)",
	"the UN Interim Force in Lebanon (UNIFIL)",
}

// peacekeeping: a country's deployment to a UN mission, often with a
// partner's support.
func peacekeeping(w *builder) string {
	w.a = host(w.r, 70, func(*country) bool { return true })
	w.oa = makeOfficial(w.r, w.a)
	ord := ordinal(2 + w.r.IntN(9))
	mission := pick(w.r, missions)
	leads := []string{
		"{A} has sent its " + ord + " level-2 field hospital to " + mission + ", {paper} reported.",
		"The " + ord + " engineering unit of the {Aforces} left {Acap} on {date} for " + mission + ".",
	}
	w.lead(template{pick(w.r, leads), []relSpec{rel(model.Peacekeeping, 'A', 'U', est)}})
	w.say(template{"The unit consists of {big} officers and soldiers, including {n} female personnel.", nil})
	w.say(template{"They will~perform their duties for one year under~the UN flag.", nil})
	if w.r.IntN(10) < 6 {
		w.b = other(w.r, func(*country) bool { return true }, w.a)
		w.ob = makeOfficial(w.r, w.b)
		w.anaphora = true
		w.say(template{"{B} provided airlift support for the deployment as part of its defence cooperation programme with {A}, {OB} said.",
			[]relSpec{rel(model.DefenceCooperation, 'B', 'A', est)}})
		if w.r.IntN(2) == 0 {
			w.say(template{"{B} has also provided English language training for {Adem} peacekeepers since {year}.", []relSpec{rel(model.Training, 'B', 'A', est)}})
		}
		if w.r.IntN(2) == 0 {
			w.say(template{"Both {A} and {B} currently have personnel serving at " + mission + ".",
				[]relSpec{rel(model.Peacekeeping, 'A', 'U', est), rel(model.Peacekeeping, 'B', 'U', est)}})
		}
	}
	w.body(nil)
	return fmt.Sprintf("%s sends %s rotation to UN peacekeeping mission", w.a.forms[0], ord)
}

// overview: a review of Vietnam's defence diplomacy, with lists of partners.
func overview(w *builder) string {
	w.a = vietnam
	w.oa = makeOfficial(w.r, w.a)
	period := pick(w.r, periods)
	w.lead(template{"The Central Military Commission held a conference in {Acap} on {date} to review~the international integration and defence diplomacy work in " + period + ".", nil})
	w.say(template{"Addressing~the event, {OA} emphasised~important achievements of the work in the period.", nil})
	all := func(*country) bool { return true }
	ties := w.someCountries(all, 3+w.r.IntN(4))
	s := w.render("{A} has so far established defence ties with {ties} nations and international organisations, including " + w.names(ties) + ".")
	for _, c := range ties {
		w.record(Relation{Type: model.DefenceCooperation, From: w.a.name, To: c.name, Status: est, Evidence: s})
	}
	w.add(s)
	att := w.someCountries(all, 2+w.r.IntN(4))
	s = w.render("Defence attaché offices of " + w.names(att) + " are currently active in {Acap}.")
	for _, c := range att {
		w.record(Relation{Type: model.AttacheOffice, From: c.name, To: w.a.name, Status: est, Evidence: s})
	}
	w.add(s)
	w.forum = pick(w.r, []*body{&admm, &admmPlus, &navyChiefs, &cdf})
	w.say(template{"Since {year}, the {Aforces} has actively participated in {F}.", []relSpec{rel(model.MemberOf, 'A', 'F', est)}})
	if w.r.IntN(2) == 0 {
		w.say(template{"{A} will send more forces to UN peacekeeping missions in the coming years.", []relSpec{rel(model.Peacekeeping, 'A', 'U', pln)}})
	} else {
		w.say(template{"{A} has taken part in UN peacekeeping operations since 2014.", []relSpec{rel(model.Peacekeeping, 'A', 'U', est)}})
	}
	partners := w.someCountries(all, 2+w.r.IntN(3))
	s = w.render("Priority will be given to promoting military cooperation with traditional partners such as " + w.names(partners) + ".")
	for _, c := range partners {
		w.record(Relation{Type: model.DefenceCooperation, From: w.a.name, To: c.name, Status: pln, Evidence: s})
	}
	w.add(s)
	w.body(nil)
	return "Defence diplomacy work in " + period + " reviewed"
}

// lead writes the article's first sentence, after its dateline.
func (w *builder) lead(t template) {
	t.text = dateline(w.a) + t.text
	w.say(t)
}

func (w *builder) last() string {
	p := w.paras[len(w.paras)-1]
	return p[len(p)-1]
}

// someCountries picks n distinct countries other than the article's host.
func (w *builder) someCountries(ok func(*country) bool, n int) []*country {
	var list []*country
	for len(list) < n {
		list = appendCountry(list, other(w.r, ok, w.a))
	}
	return list
}

func appendCountry(list []*country, c *country) []*country {
	for _, x := range list {
		if x == c {
			return list
		}
	}
	return append(list, c)
}

// names lists countries as running text: "A, B and C".
func (w *builder) names(list []*country) string {
	parts := make([]string, len(list))
	for i, c := range list {
		parts[i] = pick(w.r, c.forms)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
