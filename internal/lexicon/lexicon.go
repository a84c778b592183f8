// Package lexicon holds what relgraph knows about the world as data: actors
// (countries, organisations, forums, agencies) with their aliases and
// demonyms, and the phrases the extractor's rules look for (relationship
// triggers, status cues, groups, references to the article's pair).
//
// The default lexicon is embedded YAML under data/: countries.yaml is
// generated from the npm package world-countries by tools/gencountries,
// actors.yaml and rules.yaml are curated by hand. Load adds YAML files on
// top, so users extend or correct the lexicon without rebuilding.
package lexicon

//go:generate sh ../../tools/gencountries/fetch.sh

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/relgraph/relgraph/internal/model"
)

//go:embed data/countries.yaml data/actors.yaml data/rules.yaml
var defaults embed.FS

// defaultFiles are loaded in this order: later files extend earlier ones.
var defaultFiles = []string{"data/countries.yaml", "data/actors.yaml", "data/rules.yaml"}

// Actor is a node relationships can connect: a country, an international
// organisation, a forum or a named national agency.
type Actor struct {
	ID      string      // lowercase slug, stable across runs ("vietnam")
	Name    string      // canonical name ("Vietnam")
	Label   model.Label // Country, Organization, Forum or Agency
	Country string      // Agency: id of its country; Country: its own id
	Kind    string      // Agency: the generic kind it fills for its country ("navy")
	Member  bool        // Organization: membership of it is a MEMBER_OF (ASEAN yes, the UN only when stated)
	Code    string      // Country: ISO 3166-1 alpha-3
	Members []string    // Organization: ids of member countries, when known (relations inside a bloc are not bilateral ties with it)

	Aliases  []string // names, acronyms and spellings
	Demonyms []string // adjectives and nationalities ("Thai"): the country, or its people
	Capitals []string // capital cities, a metonym for the country except as a place
}

// Generic is a kind of national body named without its country ("the
// Defence Ministry", "the navy"), resolved by the extractor per article.
type Generic struct {
	Kind    string
	Name    string
	Phrases []string
}

// GroupDef is an unnamed set of actors ("neighbouring countries"). A '#' in
// a phrase stands for a number, the group's count.
type GroupDef struct {
	Name    string
	Phrases []string
}

// Place is a named place. Matching it keeps a country inside its name
// ("South China Sea") from being read as the country.
type Place struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

// Lexicon is the loaded knowledge. It is read-only after Load.
type Lexicon struct {
	Actors   []Actor // sorted by ID
	Generics []Generic
	Groups   []GroupDef
	Places   []Place // named places (seas, islands, regions), never actors
	PairRefs []string

	Triggers map[model.RelType][]string // phrases by relationship type
	Weak     []string                   // triggers that need both sides named
	Suppress []string                   // phrases that hide a trigger they contain

	Planned          []string // planned-status cues
	Established      []string // established-status cues
	Locatives        []string // words making a following country a place
	Membership       []string // MEMBER_OF cues
	PeacekeepingCues []string // PEACEKEEPING needs one of these
	Hardware         []string // military hardware: DEFENCE_INDUSTRY with a transfer word
	Transfer         []string // transfer words (supply, hand-over, sale)
	Give             []string // giving words: a transfer when hardware follows them closely (provide, give, grant)

	Areas  map[string][]string // DEFENCE_COOPERATION area -> phrases
	Levels map[string][]string // DIALOGUE/PARTNERSHIP level -> phrases

	byID map[string]int
}

// Actor returns the actor with id.
func (l *Lexicon) Actor(id string) (Actor, bool) {
	i, ok := l.byID[id]
	if !ok {
		return Actor{}, false
	}
	return l.Actors[i], true
}

// Load reads the embedded default lexicon, then each override file in
// order. An override entry with the id of an existing actor changes the
// fields it sets and adds its aliases; lists of phrases are extended.
// Errors are *model.Error (EInvalid) naming the file and line.
func Load(overrides ...string) (*Lexicon, error) {
	b := newBuilder()
	for _, name := range defaultFiles {
		data, err := defaults.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("lexicon: read embedded %s: %w", name, err)
		}
		if err := b.add("lexicon/"+name, data); err != nil {
			return nil, err
		}
	}
	for _, path := range overrides {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, model.Wrap(model.EInvalid, err, "lexicon %s", path)
		}
		if err := b.add(path, data); err != nil {
			return nil, err
		}
	}
	return b.build()
}

// MustDefault returns the embedded lexicon and panics if it is broken (a
// build defect, caught by the package's tests).
func MustDefault() *Lexicon {
	l, err := Load()
	if err != nil {
		panic(err)
	}
	return l
}

type actorYAML struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Label    string   `yaml:"label"`
	Country  string   `yaml:"country"`
	Kind     string   `yaml:"kind"`
	Code     string   `yaml:"code"`
	Member   *bool    `yaml:"member"`
	Aliases  []string `yaml:"aliases"`
	Demonyms []string `yaml:"demonyms"`
	Capitals []string `yaml:"capitals"`
	Members  []string `yaml:"members"`
}

type fileYAML struct {
	Source           string                 `yaml:"source"`
	Countries        []yaml.Node            `yaml:"countries"`
	Actors           []yaml.Node            `yaml:"actors"`
	Generics         []yaml.Node            `yaml:"generic_agencies"`
	Groups           []yaml.Node            `yaml:"groups"`
	Places           []Place                `yaml:"places"`
	PairRefs         []string               `yaml:"pair_refs"`
	Triggers         map[string][]string    `yaml:"triggers"`
	Weak             []string               `yaml:"weak"`
	Suppress         []string               `yaml:"suppress"`
	Planned          []string               `yaml:"planned"`
	Established      []string               `yaml:"established"`
	Locatives        []string               `yaml:"locatives"`
	Membership       []string               `yaml:"membership"`
	PeacekeepingCues []string               `yaml:"peacekeeping_cues"`
	Hardware         []string               `yaml:"hardware"`
	Transfer         []string               `yaml:"transfer"`
	Give             []string               `yaml:"give"`
	Areas            map[string][]string    `yaml:"areas"`
	Levels           map[string][]string    `yaml:"levels"`
	Rest             map[string]interface{} `yaml:",inline"`
}

type builder struct {
	lex    *Lexicon
	origin map[string]string // actor id -> "file:line" that created it
}

func newBuilder() *builder {
	return &builder{
		lex: &Lexicon{
			Triggers: map[model.RelType][]string{},
			Areas:    map[string][]string{},
			Levels:   map[string][]string{},
			byID:     map[string]int{},
		},
		origin: map[string]string{},
	}
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func invalid(file string, line int, format string, args ...any) error {
	return model.Errorf(model.EInvalid, "lexicon %s:%d: %s", file, line, fmt.Sprintf(format, args...))
}

func (b *builder) add(file string, data []byte) error {
	var f fileYAML
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		if err.Error() == "EOF" {
			return nil
		}
		return model.Wrap(model.EInvalid, err, "lexicon %s", file)
	}
	if len(f.Rest) > 0 {
		keys := make([]string, 0, len(f.Rest))
		for k := range f.Rest {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return model.Errorf(model.EInvalid, "lexicon %s: unknown section(s) %s", file, strings.Join(keys, ", "))
	}
	for _, n := range f.Countries {
		if err := b.addActor(file, n, model.Country); err != nil {
			return err
		}
	}
	for _, n := range f.Actors {
		if err := b.addActor(file, n, ""); err != nil {
			return err
		}
	}
	for _, n := range f.Generics {
		var g Generic
		var raw struct {
			Kind    string   `yaml:"kind"`
			Name    string   `yaml:"name"`
			Phrases []string `yaml:"phrases"`
		}
		if err := n.Decode(&raw); err != nil {
			return invalid(file, n.Line, "generic agency: %v", err)
		}
		if !slugRE.MatchString(raw.Kind) || raw.Name == "" || len(raw.Phrases) == 0 {
			return invalid(file, n.Line, "generic agency needs kind (slug), name and phrases")
		}
		g = Generic{Kind: raw.Kind, Name: raw.Name, Phrases: raw.Phrases}
		merged := false
		for i := range b.lex.Generics {
			if b.lex.Generics[i].Kind == g.Kind {
				b.lex.Generics[i].Name = g.Name
				b.lex.Generics[i].Phrases = appendNew(b.lex.Generics[i].Phrases, g.Phrases...)
				merged = true
			}
		}
		if !merged {
			b.lex.Generics = append(b.lex.Generics, g)
		}
	}
	for _, n := range f.Groups {
		var g GroupDef
		var raw struct {
			Name    string   `yaml:"name"`
			Phrases []string `yaml:"phrases"`
		}
		if err := n.Decode(&raw); err != nil {
			return invalid(file, n.Line, "group: %v", err)
		}
		if raw.Name == "" || len(raw.Phrases) == 0 {
			return invalid(file, n.Line, "group needs name and phrases")
		}
		g = GroupDef{Name: raw.Name, Phrases: raw.Phrases}
		merged := false
		for i := range b.lex.Groups {
			if b.lex.Groups[i].Name == g.Name {
				b.lex.Groups[i].Phrases = appendNew(b.lex.Groups[i].Phrases, g.Phrases...)
				merged = true
			}
		}
		if !merged {
			b.lex.Groups = append(b.lex.Groups, g)
		}
	}
	for name, phrases := range f.Triggers {
		t, err := model.ParseRelType(name)
		if err != nil || t == model.PartOf {
			return model.Errorf(model.EInvalid, "lexicon %s: triggers: unknown relationship type %q", file, name)
		}
		b.lex.Triggers[t] = appendNew(b.lex.Triggers[t], phrases...)
	}
	l := b.lex
	l.PairRefs = appendNew(l.PairRefs, f.PairRefs...)
	for _, p := range f.Places {
		if p.Name == "" {
			return model.Errorf(model.EInvalid, "lexicon %s: place without a name", file)
		}
		l.Places = append(l.Places, p)
	}
	l.Weak = appendNew(l.Weak, f.Weak...)
	l.Suppress = appendNew(l.Suppress, f.Suppress...)
	l.Planned = appendNew(l.Planned, f.Planned...)
	l.Established = appendNew(l.Established, f.Established...)
	l.Locatives = appendNew(l.Locatives, f.Locatives...)
	l.Membership = appendNew(l.Membership, f.Membership...)
	l.PeacekeepingCues = appendNew(l.PeacekeepingCues, f.PeacekeepingCues...)
	l.Hardware = appendNew(l.Hardware, f.Hardware...)
	l.Transfer = appendNew(l.Transfer, f.Transfer...)
	l.Give = appendNew(l.Give, f.Give...)
	for k, v := range f.Areas {
		l.Areas[k] = appendNew(l.Areas[k], v...)
	}
	for k, v := range f.Levels {
		l.Levels[k] = appendNew(l.Levels[k], v...)
	}
	return nil
}

func (b *builder) addActor(file string, n yaml.Node, defaultLabel model.Label) error {
	var a actorYAML
	if err := n.Decode(&a); err != nil {
		return invalid(file, n.Line, "%v", err)
	}
	if !slugRE.MatchString(a.ID) {
		return invalid(file, n.Line, "actor id %q is not a lowercase slug", a.ID)
	}
	var label model.Label
	if a.Label != "" {
		l, err := model.ParseLabel(a.Label)
		if err != nil || !(l == model.Country || l == model.Organization || l == model.Forum || l == model.Agency) {
			return invalid(file, n.Line, "actor %s: label %q is not Country, Organization, Forum or Agency", a.ID, a.Label)
		}
		label = l
	}
	for _, s := range [][]string{a.Aliases, a.Demonyms, a.Capitals} {
		for _, v := range s {
			if strings.TrimSpace(v) == "" {
				return invalid(file, n.Line, "actor %s: empty alias", a.ID)
			}
		}
	}
	l := b.lex
	i, ok := l.byID[a.ID]
	if !ok {
		if label == "" {
			label = defaultLabel
		}
		if a.Name == "" || label == "" {
			return invalid(file, n.Line, "new actor %s needs a name and a label", a.ID)
		}
		l.Actors = append(l.Actors, Actor{ID: a.ID})
		i = len(l.Actors) - 1
		l.byID[a.ID] = i
		b.origin[a.ID] = fmt.Sprintf("%s:%d", file, n.Line)
	}
	act := &l.Actors[i]
	if a.Name != "" {
		act.Name = a.Name
	}
	if label != "" {
		act.Label = label
	}
	if a.Country != "" {
		act.Country = a.Country
	}
	if a.Kind != "" {
		act.Kind = a.Kind
	}
	if a.Code != "" {
		act.Code = a.Code
	}
	if a.Member != nil {
		act.Member = *a.Member
	}
	act.Aliases = appendNew(act.Aliases, a.Aliases...)
	act.Demonyms = appendNew(act.Demonyms, a.Demonyms...)
	act.Capitals = appendNew(act.Capitals, a.Capitals...)
	act.Members = appendNew(act.Members, a.Members...)
	return nil
}

// build checks cross references and freezes the lexicon.
func (b *builder) build() (*Lexicon, error) {
	l := b.lex
	for i := range l.Actors {
		a := &l.Actors[i]
		switch a.Label {
		case model.Country:
			a.Country = a.ID
			if a.Member {
				a.Member = false
			}
		case model.Agency:
			c, ok := l.byID[a.Country]
			if !ok || l.Actors[c].Label != model.Country {
				return nil, model.Errorf(model.EInvalid, "lexicon %s: agency %s: country %q is not a known country", b.origin[a.ID], a.ID, a.Country)
			}
		default:
			a.Country = ""
		}
		if a.Label == model.Forum {
			a.Member = true
		}
		for _, m := range a.Members {
			if c, ok := l.byID[m]; !ok || l.Actors[c].Label != model.Country {
				return nil, model.Errorf(model.EInvalid, "lexicon %s: %s: member %q is not a known country", b.origin[a.ID], a.ID, m)
			}
		}
	}
	sort.SliceStable(l.Actors, func(i, j int) bool { return l.Actors[i].ID < l.Actors[j].ID })
	for i, a := range l.Actors {
		l.byID[a.ID] = i
	}
	return l, nil
}

func appendNew(list []string, add ...string) []string {
	for _, v := range add {
		dup := false
		for _, x := range list {
			if x == v {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}

// Slug turns a name into an id: lowercase letters and digits, other runs
// become one '-' ("ASEAN Navy Chiefs' Meeting" -> "asean-navy-chiefs-meeting").
func Slug(s string) string {
	f := Fold(s)
	var sb strings.Builder
	dash := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteByte(c)
		case c == '\'':
		default:
			dash = true
		}
	}
	return sb.String()
}
