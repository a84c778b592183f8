package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/model"
)

// Relation is one gold relationship of an article, in the format of
// corpus/dev/gold.jsonl: canonical names (projected to countries,
// organizations and forums, rule 8), the article's status (rule 6) and the
// first sentence that states it (rule 4).
type Relation struct {
	Type     model.RelType `json:"type"`
	From     string        `json:"from"`
	To       string        `json:"to"`
	Status   model.Status  `json:"status"`
	Evidence string        `json:"evidence"`
}

// Doc is one generated article and the relationships it states.
type Doc struct {
	ID        string
	Text      string
	Relations []Relation
}

// Gold is one line of gold.jsonl.
type Gold struct {
	Article   string     `json:"article"`
	Relations []Relation `json:"relations"`
}

// Generate returns article i of the corpus with the given seed. An article
// depends only on (seed, i), never on the corpus size, so the first 1000
// articles of a 10k corpus are the 1k corpus.
func Generate(seed uint64, i int) Doc {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	w := &builder{r: r, idx: map[model.Key]int{}}
	if r.IntN(100) < 15 {
		w.glue = 0.35 // some scraped articles lose spaces here and there
	}
	w.blank = r.IntN(2) == 0
	w.target = 1800 + r.IntN(2000)
	kind := kinds[pickWeighted(r, kindWeights)]
	title := kind(w)
	w.close()
	return Doc{
		ID:        fmt.Sprintf("g%06d_%s", i, slug(title)),
		Text:      title + "\n" + w.text(),
		Relations: w.rels,
	}
}

// builder writes one article: sentences grouped in paragraphs, and the
// relationships they state, one per (from, type, to) with the first
// sentence as evidence and established winning over planned.
type builder struct {
	r      *rand.Rand
	glue   float64 // probability of dropping a "~" space
	blank  bool    // paragraphs separated by a blank line
	target int     // approximate article size in bytes

	a, b     *country // the article's pair
	oa, ob   official
	forum    *body
	guest    bool // "his guest" points back to b's official
	anaphora bool // "the two sides" points back to the pair

	paras [][]string
	size  int
	used  map[string]bool
	rels  []Relation
	idx   map[model.Key]int
}

type official struct{ full, short string }

func (w *builder) say(t template) {
	s := w.render(t.text)
	for _, rs := range t.rels {
		w.state(rs, s)
	}
	w.add(s)
}

// add puts sentence s into the current paragraph or a new one.
func (w *builder) add(s string) {
	if n := len(w.paras); n == 0 || len(w.paras[n-1]) >= 2 || w.r.IntN(3) > 0 {
		w.paras = append(w.paras, nil)
	}
	n := len(w.paras) - 1
	w.paras[n] = append(w.paras[n], s)
	w.size += len(s) + 1
}

func (w *builder) state(rs relSpec, sentence string) {
	from, to := w.role(rs.from), w.role(rs.to)
	if from == to {
		return
	}
	w.record(Relation{Type: rs.t, From: from, To: to, Status: rs.status, Evidence: sentence})
}

func (w *builder) record(x Relation) {
	k := model.Relation{Type: x.Type, From: x.From, To: x.To}.Key()
	if i, ok := w.idx[k]; ok {
		if x.Status == est {
			w.rels[i].Status = est
		}
		return
	}
	w.idx[k] = len(w.rels)
	w.rels = append(w.rels, x)
}

func (w *builder) role(c byte) string {
	switch c {
	case 'A':
		return w.a.name
	case 'B':
		return w.b.name
	case 'U':
		return unitedNations.name
	case 'F':
		return w.forum.name
	}
	panic("gen: unknown role " + string(c))
}

// body fills the article up to its target size with a few relationship
// sentences about the pair (at most one per type, so an article never says
// both "will hold their first exercise" and "have held 20 exercises"),
// group sentences and fillers, never repeating a template.
func (w *builder) body(extra []template) {
	if w.used == nil {
		w.used = map[string]bool{}
	}
	usedType := map[model.RelType]bool{}
	for _, x := range w.rels {
		usedType[x.Type] = true
	}
	relLeft := 2 + w.r.IntN(5)
	for tries := 0; w.size < w.target && tries < 300; tries++ {
		var t template
		switch n := w.r.IntN(10); {
		case n < 4 && relLeft > 0:
			t = pick(w.r, pairTemplates)
		case n < 5:
			t = pick(w.r, groupTemplates)
		case n < 7 && len(extra) > 0:
			t = pick(w.r, extra)
		default:
			t = pick(w.r, fillers)
		}
		if w.used[t.text] || !w.fits(t) || len(t.rels) > 0 && usedType[t.rels[0].t] {
			continue
		}
		if !composed(t) {
			w.used[t.text] = true
		}
		if len(t.rels) > 0 {
			relLeft--
			for _, rs := range t.rels {
				usedType[rs.t] = true
			}
		}
		if needsForum(t) {
			w.forum = commonForum(w.r, w.a, w.b)
		}
		w.say(t)
	}
}

// composed templates are mostly slots and may be said twice.
func composed(t template) bool {
	return strings.Contains(t.text, "{goal}") || strings.Contains(t.text, "{topic}")
}

// fits reports whether t can be said in this article: pair sentences need a
// pair, and phrases that point back to it need an article about it.
func (w *builder) fits(t template) bool {
	if w.b == nil && needsPair(t) {
		return false
	}
	if !w.anaphora && (strings.Contains(t.text, "two sides") || strings.Contains(t.text, "his guest")) {
		return false
	}
	return true
}

func needsPair(t template) bool {
	for _, rs := range t.rels {
		if rs.from == 'B' || rs.to == 'B' || rs.to == 'F' {
			return true
		}
	}
	return strings.Contains(t.text, "{pair}") || strings.Contains(t.text, "{B") || strings.Contains(t.text, "B}") ||
		strings.Contains(t.text, "two sides")
}

func needsForum(t template) bool { return strings.Contains(t.text, "{F}") }

// commonForum picks a body both countries can belong to.
func commonForum(r *rand.Rand, a, b *country) *body {
	var ok []*body
	for _, f := range append([]*body{&asean}, forums...) {
		if f.members(a) && f.members(b) {
			ok = append(ok, f)
		}
	}
	return pick(r, ok) // the Shangri-La Dialogue admits anyone
}

var closings = []string{
	"The two sides will continue to~consult each other on matters of mutual concern, the statement said.",
	"The event was covered~widely by local media.",
	"The delegation is scheduled to~visit several historical and cultural sites during their stay.",
	"The conference was wrapped~up the same day.",
}

// close ends the article with a sentence that states nothing, then a
// VNA-style end mark.
func (w *builder) close() {
	s := w.render(pick(w.r, closings))
	switch w.r.IntN(3) {
	case 0:
		s += "./."
	case 1:
		s += "-VNA"
	}
	w.add(s)
}

func (w *builder) text() string {
	sep := "\n"
	if w.blank {
		sep = "\n\n"
	}
	var sb strings.Builder
	sb.Grow(w.size + 2*len(w.paras))
	for i, p := range w.paras {
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.WriteString(strings.Join(p, " "))
	}
	sb.WriteString("\n")
	return sb.String()
}

// render fills a template's slots, drops some "~" spaces and capitalises
// the sentence.
func (w *builder) render(t string) string { return capitalise(w.fill(t)) }

// fill fills a template's slots and drops some "~" spaces.
func (w *builder) fill(t string) string {
	var sb strings.Builder
	for len(t) > 0 {
		i := strings.IndexAny(t, "{~")
		if i < 0 {
			sb.WriteString(t)
			break
		}
		sb.WriteString(t[:i])
		if t[i] == '~' {
			if w.glue == 0 || w.r.Float64() >= w.glue {
				sb.WriteByte(' ')
			}
			t = t[i+1:]
			continue
		}
		j := strings.IndexByte(t[i:], '}')
		sb.WriteString(w.slot(t[i+1 : i+j]))
		t = t[i+j+1:]
	}
	return sb.String()
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

var (
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	seas    = []string{"East Sea", "Gulf of Thailand", "Andaman Sea", "Sulu Sea", "Celebes Sea", "Arafura Sea", "Strait of Malacca"}
	areas   = []string{"maritime security", "military medicine", "the settlement of war consequences", "search and rescue", "cyber security", "humanitarian assistance and disaster relief", "counter-terrorism", "information sharing", "border management", "UN peacekeeping"}
	equip   = []string{"patrol vessels", "radar systems", "trainer aircraft", "military trucks", "coastal surveillance equipment", "unmanned aerial vehicles", "communications equipment"}
	levels  = []string{"strategic", "comprehensive", "comprehensive strategic"}
	soon    = []string{"in the near future", "next year", "in the coming time", "before the end of {ynext}"}
	papers  = []string{"Quan doi Nhan dan (People’s Army) newspaper", "the Vietnam News Agency", "the navy’s press office", "local media"}
	goals   = []string{"maintain peace and stability in the region", "build strategic trust", "respond~effectively to non-traditional security challenges", "settle disputes by peaceful~means on the basis of international law", "improve~the effectiveness of defence diplomacy", "raise the capacity of officers~working in external affairs", "build a revolutionary, regular, elite and~modern army", "protect the Fatherland early and from afar", "strengthen the all-people national~defence posture"}
	topics  = []string{"the regional security situation", "the East Sea issue", "cyber security", "climate change", "maritime security", "terrorism", "the risk of epidemics"}
	periods = []string{"2021-2025", "2023-2027", "2024-2028", "2019-2023", "2020-2024"}
)

func (w *builder) slot(name string) string {
	r := w.r
	switch name {
	case "A":
		return pick(r, w.a.forms)
	case "B":
		return pick(r, w.b.forms)
	case "Acap":
		return w.a.capital
	case "Bcap":
		return w.b.capital
	case "Adem":
		return w.a.demonym
	case "Bdem":
		return w.b.demonym
	case "Anavy":
		return navyOf(w.a)
	case "Bnavy":
		return navyOf(w.b)
	case "Aforces":
		return w.a.forces
	case "Bforces":
		return w.b.forces
	case "Amin":
		return w.a.ministry
	case "Bmin":
		return w.b.ministry
	case "OA":
		return w.oa.full
	case "OB":
		return w.ob.full
	case "oA":
		return w.oa.short
	case "oB":
		return w.ob.short
	case "pair":
		return w.pair()
	case "F":
		return pick(r, w.forum.forms)
	case "year":
		return fmt.Sprint(2000 + r.IntN(23))
	case "ynext":
		return fmt.Sprint(2024 + r.IntN(4))
	case "ord":
		return ordinal(2 + r.IntN(59))
	case "n":
		return fmt.Sprint(2 + r.IntN(38))
	case "n3":
		return fmt.Sprint(100 + r.IntN(900))
	case "big":
		return fmt.Sprint(50 + r.IntN(450))
	case "date":
		return pick(r, months) + " " + fmt.Sprint(1+r.IntN(28))
	case "month":
		return pick(r, months)
	case "sea":
		return pick(r, seas)
	case "area":
		return pick(r, areas)
	case "area2":
		return pick(r, areas)
	case "equip":
		return pick(r, equip)
	case "level":
		return pick(r, levels)
	case "soon":
		return w.fill(pick(r, soon))
	case "goal":
		return w.fill(pick(r, goals))
	case "topic":
		return pick(r, topics)
	case "ties":
		return fmt.Sprint(60 + r.IntN(50))
	case "paper":
		return pick(r, papers)
	case "period":
		return pick(r, periods)
	}
	panic("gen: unknown slot {" + name + "}")
}

func navyOf(c *country) string {
	if c.navy != "" {
		return c.navy
	}
	return c.forces
}

// pair names both countries, or points back to them when the article has
// made them its pair.
func (w *builder) pair() string {
	if !w.anaphora || w.r.IntN(3) == 0 {
		return pick(w.r, w.a.forms) + " and " + pick(w.r, w.b.forms)
	}
	opts := []string{"the two sides", "both sides", "the two countries", "the two defence ministries"}
	if w.guest {
		opts = append(opts, w.oa.short+" and his guest", w.oa.short+" and his "+w.b.demonym+" counterpart")
	}
	return pick(w.r, opts)
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprint(n) + suffix
}

// slug turns a title into the tail of an article id.
func slug(title string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			sb.WriteRune(r)
			dash = false
		} else if !dash && sb.Len() > 0 {
			sb.WriteByte('-')
			dash = true
		}
		if sb.Len() >= 40 {
			break
		}
	}
	return strings.TrimRight(sb.String(), "-")
}

func pickWeighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}
