package extract

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

var testExtractor = New(lexicon.MustDefault())

func extractText(t *testing.T, text string) model.Extraction {
	t.Helper()
	return testExtractor.Extract(model.Article{ID: "t", Text: text})
}

// projected lists "TYPE from>to status" with agencies replaced by their
// country, groups kept as their id, sorted as the extraction is.
func projected(x model.Extraction) []string {
	country := map[string]string{}
	for _, e := range x.Entities {
		country[e.ID] = e.ID
		if e.Label == model.Agency {
			country[e.ID] = e.Country
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, r := range x.Relations {
		if r.Type == model.PartOf {
			continue
		}
		r.From, r.To = country[r.From], country[r.To]
		r = r.Canonical()
		s := string(r.Type) + " " + r.From + ">" + r.To + " " + string(r.Status)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Vietnam met Laos. They talked! Did they?", []string{"Vietnam met Laos.", "They talked!", "Did they?"}},
		{"missing space", "It ended on May 2.Then it began.", []string{"It ended on May 2.", "Then it began."}},
		{"titles and abbreviations", "Sen. Lieut. Gen. Tran Van An met Col. Le Binh and the U.S. envoy. He left.",
			[]string{"Sen. Lieut. Gen. Tran Van An met Col. Le Binh and the U.S. envoy.", "He left."}},
		{"dateline", "Hanoi (VNA) – The navy held a drill. It ended.", []string{"Hanoi (VNA) – The navy held a drill.", "It ended."}},
		{"vna end mark", "The talks were fruitful./. See more", []string{"The talks were fruitful./.", "See more"}},
		{"lines are paragraphs", "A headline without stop\nThe body starts here.", []string{"A headline without stop", "The body starts here."}},
		{"decimals", "It grew 3.5 percent. Good.", []string{"It grew 3.5 percent.", "Good."}},
		{"etc ends a sentence", "Partners such as Laos, Cuba etc. Developing ties matters.", []string{"Partners such as Laos, Cuba etc.", "Developing ties matters."}},
		{"hard wrapped", strings.Repeat("the quick brown fox jumps over the lazy dog again and\n", 4) + "ends here.",
			[]string{strings.TrimSpace(strings.ReplaceAll(strings.Repeat("the quick brown fox jumps over the lazy dog again and\n", 4), "\n", " ")) + " ends here."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.text) {
				got = append(got, normalizeSpace(tt.text[s.start:s.end]))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // entity ids of actor mentions, in order
	}{
		{"aliases and demonyms", "Viet Nam and the Philippino navy met Thai officers.", []string{"vietnam", "philippines", "thailand"}},
		{"diacritics and curly apostrophes", "The Việt Nam People’s Army hosted them.", []string{"vietnam-peoples-army"}},
		{"glued words", "ties with theUnitedNations and annualASEAN Defence Ministers’ Meeting", []string{"united-nations", "admm"}},
		{"longest match", "the ASEAN Defence Ministers’ Meeting Plus (ADMM+)", []string{"admm-plus", "admm-plus"}},
		{"acronyms need capitals", "let us go to the US and the un-named UN office", []string{"united-states", "united-nations"}},
		{"currency is not a country", "it cost US$5 million", nil},
		{"places hide countries", "patrols in the South China Sea", nil},
		{"proper nouns need capitals", "a polish on the chad", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testExtractor.getDoc(model.Article{ID: "t", Text: tt.text})
			defer testExtractor.putDoc(d)
			d.mentions()
			var got []string
			for _, m := range d.ments {
				if m.kind <= pCapital {
					got = append(got, m.ent)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRelations(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"between X and Y",
			"Officials reviewed defence cooperation between Laos and Cambodia.",
			[]string{"DEFENCE_COOPERATION cambodia>laos established"}},
		{"X-Y compound",
			"Vietnam-Mongolia defence ties have grown steadily.",
			[]string{"DEFENCE_COOPERATION mongolia>vietnam established"}},
		{"the two countries resolve to the article's pair",
			"Indonesia and Malaysia signed a defence cooperation agreement.\nThe two countries will set up a hotline next year. Indonesian and Malaysian navies met again.",
			[]string{"DEFENCE_COOPERATION indonesia>malaysia established", "HOTLINE indonesia>malaysia planned"}},
		{"his guest",
			"Defence Minister of Laos received a Cuban general. The minister and his guest agreed to expand training.",
			[]string{"EXCHANGE cuba>laos established", "TRAINING cuba>laos planned"}},
		{"list after such as, home as subject",
			"Vietnam praised its ties. Vietnam will promote military cooperation with partners such as Russia, China, India, Cuba etc. Vietnam thanked them.",
			[]string{"DEFENCE_COOPERATION russia>vietnam planned", "DEFENCE_COOPERATION china>vietnam planned", "DEFENCE_COOPERATION india>vietnam planned", "DEFENCE_COOPERATION cuba>vietnam planned"}},
		{"enumerated items take the lead-in's modality",
			"Laos reviewed its ties. In the coming years the ministry should pay attention to these tasks. First, deepening training with Cambodia. Second, promoting military cooperation with Vietnam.",
			[]string{"TRAINING cambodia>laos planned", "DEFENCE_COOPERATION laos>vietnam planned"}},
		{"enumerated achievements stay established",
			"Laos has made progress in the following areas. First, deepening training with Cambodia. Second, promoting military cooperation with Vietnam.",
			[]string{"TRAINING cambodia>laos established", "DEFENCE_COOPERATION laos>vietnam established"}},
		{"a reporting clause is not a side",
			"Vietnam has strengthened defence ties with China, a Japanese expert said.",
			[]string{"DEFENCE_COOPERATION china>vietnam established"}},
		{"a relative clause is background",
			"Laos and Cambodia agreed to boost naval cooperation, which Thai officials welcomed.",
			[]string{"DEFENCE_COOPERATION cambodia>laos planned"}},
		{"established wins over planned",
			"Thailand and Cambodia will hold joint patrols. Thailand and Cambodia held joint patrols last year.",
			[]string{"JOINT_PATROL cambodia>thailand established"}},
		{"groups for unnamed sets",
			"The Vietnamese Navy will continue to maintain hotlines with other navies.",
			[]string{"HOTLINE group-other-navies>vietnam established"}},
		{"attaché owners and hosts",
			"Vietnam briefed defence attachés of Russia, Japan and India in Hanoi. The Polish Defence Attaché to Vietnam met him.",
			[]string{"ATTACHE_OFFICE russia>vietnam established", "ATTACHE_OFFICE japan>vietnam established", "ATTACHE_OFFICE india>vietnam established", "ATTACHE_OFFICE poland>vietnam established"}},
		{"membership by hosting",
			"The ASEAN Navy Chiefs' Meeting opened in Malaysia. The Lao delegation attended it.",
			[]string{"MEMBER_OF malaysia>asean-navy-chiefs-meeting established", "MEMBER_OF laos>asean-navy-chiefs-meeting established"}},
		{"peacekeeping needs taking part",
			"Cambodia deployed engineers to UN peacekeeping missions. Cambodia and Laos discussed peacekeeping training.",
			[]string{"PEACEKEEPING cambodia>united-nations established", "TRAINING cambodia>laos planned"}},
		{"cooperation in training is training only",
			"Singapore and Brunei agreed on cooperation in training.",
			[]string{"TRAINING brunei>singapore planned"}},
		{"ties with a bloc one belongs to are not bilateral",
			"Malaysia boosted defence ties with ASEAN partners and the European Union.",
			[]string{"DEFENCE_COOPERATION european-union>malaysia established"}},
		{"giving hardware is a transfer",
			"Korea has provided Cambodia with three patrol vessels under an aid scheme. Peru gave Chile two helicopters. Spain granted Morocco new radars.",
			[]string{"DEFENCE_INDUSTRY cambodia>south-korea established", "DEFENCE_INDUSTRY chile>peru established", "DEFENCE_INDUSTRY morocco>spain established"}},
		{"giving is a transfer only with hardware close after it",
			"Norway provided logistics support for Kenyan personnel and their equipment.",
			nil},
		{"patrol vessels are hardware, not a patrol",
			"Japan handed over patrol vessels to the Philippines.",
			[]string{"DEFENCE_INDUSTRY japan>philippines established"}},
		{"the pair as subject of membership and peacekeeping",
			"Cambodia and Laos signed a defence cooperation pact. Both countries are members of ASEAN and have taken part in United Nations peacekeeping operations.",
			[]string{"DEFENCE_COOPERATION cambodia>laos established", "MEMBER_OF cambodia>asean established", "MEMBER_OF laos>asean established",
				"PEACEKEEPING cambodia>united-nations established", "PEACEKEEPING laos>united-nations established"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := projected(extractText(t, tt.text))
			if !sameSet(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

func TestGenericAgencies(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // agency entities
	}{
		{"bound to a demonym", "The Thai navy and the Lao army held exchanges.", []string{"lao-peoples-army", "royal-thai-navy"}},
		{"resolved to the home country of the paragraph", "Cambodia reviewed its work. The Defence Ministry held exchanges with neighbouring countries.", []string{"cambodia-defence-ministry"}},
		{"unresolved without a country", "The army held exchanges with neighbouring countries.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range extractText(t, tt.text).Entities {
				if e.Label == model.Agency {
					got = append(got, e.ID)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSinceAndCounts(t *testing.T) {
	x := extractText(t, "Since 2006, Laos has taken part in the ASEAN Regional Forum. Laos opened defence attaché offices in 12 countries in 2015, while 9 foreign defence attaché offices are active in Laos.")
	got := map[string]model.Relation{}
	for _, r := range x.Relations {
		got[string(r.Type)+" "+r.From+">"+r.To] = r
	}
	if r, ok := got["MEMBER_OF laos>arf"]; !ok || r.Since != "2006" {
		t.Errorf("MEMBER_OF laos>arf since 2006 missing: %+v", got)
	}
	if r, ok := got["ATTACHE_OFFICE laos>group-12-countries"]; !ok || r.Count != 12 || r.Since != "2015" {
		t.Errorf("ATTACHE_OFFICE laos>group(12) count 12 since 2015 missing: %+v", r)
	}
	if r, ok := got["ATTACHE_OFFICE group-foreign-countries-9>laos"]; !ok || r.Count != 9 {
		t.Errorf("ATTACHE_OFFICE group(foreign, 9)>laos count 9 missing: %+v", r)
	}
}

// TestSeedsRequired checks the relations the seeds must yield.
func TestSeedsRequired(t *testing.T) {
	x := extractSeeds(t)
	have := map[string]model.Relation{}
	for _, r := range x.Relations {
		have[r.Article[:3]+" "+string(r.Type)+" "+r.From+">"+r.To] = r
	}
	for _, k := range []string{
		"000 HOTLINE group-other-navies>vietnam-peoples-navy",
		"000 JOINT_PATROL group-other-navies>vietnam-peoples-navy",
		"000 PEACEKEEPING vietnam-peoples-army>united-nations",
		"002 ATTACHE_OFFICE vietnam>group-29-countries",
		"002 ATTACHE_OFFICE group-foreign-countries-45>vietnam",
		"002 MEMBER_OF vietnam-peoples-army>admm",
		"002 DEFENCE_COOPERATION european-union>vietnam",
		"002 DEFENCE_COOPERATION united-nations>vietnam",
		"003 MEMBER_OF vietnam>admm-plus",
		"003 MEMBER_OF vietnam>admm",
		"003 DEFENCE_COOPERATION russia>vietnam",
		"003 DEFENCE_COOPERATION china>vietnam",
		"003 DEFENCE_COOPERATION india>vietnam",
		"003 DEFENCE_COOPERATION cuba>vietnam",
		"004 PEACEKEEPING vietnam>united-nations",
		"004 JOINT_PATROL group-neighbouring-countries>vietnam",
	} {
		if _, ok := have[k]; !ok {
			t.Errorf("missing %s", k)
		}
	}
	if r := have["002 ATTACHE_OFFICE vietnam>group-29-countries"]; r.Count != 29 {
		t.Errorf("attaché offices in 29 countries: count %d", r.Count)
	}
	if r := have["002 ATTACHE_OFFICE group-foreign-countries-45>vietnam"]; r.Count != 45 {
		t.Errorf("45 foreign attaché offices: count %d", r.Count)
	}
	for _, c := range []string{"russia", "china", "india", "cuba"} {
		if r := have["003 DEFENCE_COOPERATION "+c+">vietnam"]; r.Status != model.Planned {
			t.Errorf("003 DEFENCE_COOPERATION %s-vietnam: status %q, want planned", c, r.Status)
		}
	}
	if r := have["002 MEMBER_OF vietnam-peoples-army>admm"]; r.Since != "2006" {
		t.Errorf("ADMM since %q, want 2006", r.Since)
	}
}

// TestContract checks the extract contract on the seeds: every relation's
// sentence occurs verbatim (after whitespace normalisation) in its article,
// every endpoint is an entity, agencies are PART_OF their country.
func TestContract(t *testing.T) {
	e := New(lexicon.MustDefault())
	for _, a := range readSeeds(t) {
		checkContract(t, a, e.Extract(a))
	}
}

func checkContract(t testing.TB, a model.Article, x model.Extraction) {
	t.Helper()
	norm := normalizeSpace(a.Text)
	ents := map[string]model.Entity{}
	for _, en := range x.Entities {
		if en.ID == "" || en.Name == "" || en.ID != strings.ToLower(en.ID) {
			t.Errorf("%s: bad entity %+v", a.ID, en)
		}
		ents[en.ID] = en
	}
	partOf := map[string]bool{}
	seen := map[model.Key]bool{}
	for _, r := range x.Relations {
		if !r.Type.Valid() || (r.Status != model.Established && r.Status != model.Planned) {
			t.Errorf("%s: bad relation %+v", a.ID, r)
		}
		if r.Article != a.ID {
			t.Errorf("relation of article %q in %q", r.Article, a.ID)
		}
		if _, ok := ents[r.From]; !ok {
			t.Errorf("%s: from %q is not an entity", a.ID, r.From)
		}
		if _, ok := ents[r.To]; !ok {
			t.Errorf("%s: to %q is not an entity", a.ID, r.To)
		}
		if r.Sentence == "" || !strings.Contains(norm, r.Sentence) {
			t.Errorf("%s: sentence not in article: %q", a.ID, r.Sentence)
		}
		if c := r.Canonical(); c.From != r.From || c.To != r.To {
			t.Errorf("%s: relation not canonical: %+v", a.ID, r)
		}
		if seen[r.Key()] {
			t.Errorf("%s: duplicate relation %+v", a.ID, r.Key())
		}
		seen[r.Key()] = true
		if r.Type == model.PartOf {
			partOf[r.From] = true
		}
	}
	for _, en := range x.Entities {
		if en.Label == model.Agency && !partOf[en.ID] {
			t.Errorf("%s: agency %s has no PART_OF", a.ID, en.ID)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	seeds := readSeeds(t)
	want := make([]model.Extraction, len(seeds))
	for i, a := range seeds {
		want[i] = testExtractor.Extract(a)
	}
	var wg sync.WaitGroup
	for k := 0; k < 4; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, a := range seeds {
				if got := testExtractor.Extract(a); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("concurrent extraction of %s differs", a.ID)
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	for _, a := range readSeeds(f) {
		f.Add(a.Text[:min(len(a.Text), 600)])
	}
	f.Add("Hanoi (VNA) – Vietnam and the RoK signed 10 MoUs since 2010./.")
	f.Add("with80 nations\n\n\n45 foreign attachés of ,, and the two countries")
	f.Fuzz(func(t *testing.T, text string) {
		a := model.Article{ID: "fuzz", Text: text}
		checkContract(t, a, testExtractor.Extract(a))
	})
}

func TestNormalizeSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"already normal.", "already normal."},
		{"two  spaces", "two spaces"},
		{" leading", "leading"},
		{"trailing ", "trailing"},
		{"line\nbreak\tand tab", "line break and tab"},
		{"no\u00a0break space", "no break space"},
		{"curly ’quotes’ stay", "curly ’quotes’ stay"},
		{"a control\x01char stays", "a control\x01char stays"},
		{"em\u2003space", "em space"},
		{"space \u00a0before", "space before"},
	}
	for _, tt := range tests {
		if got := normalizeSpace(tt.in); got != tt.want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHeadline checks the headline policy (findTitle): the body gives the
// evidence of what it states too; the headline's status comes from its own
// cues; a relation stated only by the headline is kept; and a headline
// line is cut off from hard-wrapped body text.
func TestHeadline(t *testing.T) {
	wrapped := "Peru, Chile agree to boost naval cooperation\n" +
		"Lima - Peruvian and Chilean naval officers met in Lima on Friday and\n" +
		"reviewed the naval cooperation between Peru and Chile, which has grown\n" +
		"steadily since the two navies first held joint drills near the border\n" +
		"in the Pacific Ocean many years ago, the Peruvian navy said today.\n"
	wrappedBody := normalizeSpace(wrapped[strings.IndexByte(wrapped, '\n'):])
	tests := []struct {
		name, title, text string
		want              []string // "TYPE from>to status | evidence"
	}{
		{"body evidence, headline status counts",
			"Peru, Chile agree to boost naval cooperation",
			"Peru, Chile agree to boost naval cooperation\n\nPeru and Chile will hold more joint exercises. Naval cooperation between Peru and Chile has grown.\n",
			[]string{"DEFENCE_COOPERATION chile>peru established | Naval cooperation between Peru and Chile has grown.",
				"EXERCISE chile>peru planned | Peru and Chile will hold more joint exercises."}},
		{"headline only: kept, with its own cues",
			"Peru, Chile agree to boost naval cooperation",
			"Peru, Chile agree to boost naval cooperation\n\nOfficers of both navies met in Lima.\n",
			[]string{"DEFENCE_COOPERATION chile>peru planned | Peru, Chile agree to boost naval cooperation"}},
		{"a headline printed twice is one headline",
			"Peru, Chile agree to boost naval cooperation",
			"Peru, Chile agree to boost naval cooperation\nPeru, Chile agree to boost naval cooperation\nLima - Peru and Chile agreed on Friday to boost naval cooperation.\n",
			[]string{"DEFENCE_COOPERATION chile>peru planned | Lima - Peru and Chile agreed on Friday to boost naval cooperation."}},
		{"headline cut off from hard-wrapped text",
			"Peru, Chile agree to boost naval cooperation", wrapped,
			[]string{"DEFENCE_COOPERATION chile>peru established | " + wrappedBody, "EXERCISE chile>peru established | " + wrappedBody}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := testExtractor.Extract(model.Article{ID: "t", Title: tt.title, Text: tt.text})
			var got []string
			for _, r := range x.Relations {
				if r.Type == model.PartOf || r.Type == model.Exchange {
					continue
				}
				got = append(got, string(r.Type)+" "+r.From+">"+r.To+" "+string(r.Status)+" | "+r.Sentence)
			}
			if !sameSet(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestAliases checks Entity.Aliases: the lexicon's names and demonyms of
// an actor; the phrases the article used for a group or a generic agency.
func TestAliases(t *testing.T) {
	x := extractText(t, "Viet Nam will set up a hotline between the Vietnam People's Navy and the Thai navy. Vietnam maintains hotlines with neighbouring countries. The Lao navy keeps a hotline with the Thai navy.")
	got := map[string][]string{}
	for _, e := range x.Entities {
		got[e.ID] = e.Aliases
	}
	tests := []struct {
		id   string
		want []string // must be among the aliases
		not  []string // must not be
	}{
		{"vietnam", []string{"Viet Nam", "Vietnam", "Vietnamese"}, []string{"Hanoi"}},
		{"thailand", []string{"Thailand", "Thai"}, nil},
		{"vietnam-peoples-navy", []string{"Vietnam People's Navy", "Viet Nam People's Navy"}, nil},
		{"group-neighbouring-countries", []string{"neighbouring countries"}, nil},
		{"laos-navy", []string{"Laos Navy", "Lao navy"}, nil},
	}
	for _, tt := range tests {
		as, ok := got[tt.id]
		if !ok {
			t.Errorf("no entity %s in %v", tt.id, got)
			continue
		}
		if !slices.IsSorted(as) || len(slices.Compact(slices.Clone(as))) != len(as) {
			t.Errorf("%s: aliases %q not sorted and unique", tt.id, as)
		}
		for _, w := range tt.want {
			if !slices.Contains(as, w) {
				t.Errorf("%s: aliases %q lack %q", tt.id, as, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(as, w) {
				t.Errorf("%s: aliases %q hold %q", tt.id, as, w)
			}
		}
	}
}
