package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

var aliases = Aliases{
	"Vietnam":       {"Viet Nam", "Vietnamese"},
	"South Korea":   {"Republic of Korea", "RoK"},
	"ASEAN":         {"Association of Southeast Asian Nations"},
	"United States": {"US", "the US"},
}

func ents() []model.Entity {
	return []model.Entity{
		{ID: "vietnam", Name: "Vietnam", Label: model.Country, Country: "vietnam"},
		{ID: "south-korea", Name: "South Korea", Label: model.Country, Country: "south-korea"},
		{ID: "united-states", Name: "United States", Label: model.Country, Country: "united-states"},
		{ID: "laos", Name: "Laos", Label: model.Country, Country: "laos"},
		{ID: "asean", Name: "ASEAN", Label: model.Organization},
		{ID: "vietnam-peoples-navy", Name: "Vietnam People's Navy", Label: model.Agency, Country: "vietnam"},
		{ID: "group-other-navies", Name: "other navies", Label: model.Group},
	}
}

func rel(art string, t model.RelType, from, to string, st model.Status) model.Relation {
	return model.Relation{Article: art, Type: t, From: from, To: to, Status: st, Sentence: "s"}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	gold := Gold{
		"a": {
			{Type: model.Hotline, From: "Vietnam", To: "South Korea", Status: model.Planned},
			{Type: model.MemberOf, From: "Vietnam", To: "ASEAN", Status: model.Established},
			{Type: model.AttacheOffice, From: "United States", To: "Vietnam", Status: model.Established},
		},
		"b": {},
	}
	tests := []struct {
		name                string
		rels                []model.Relation
		tp, fp, fn          int
		pairTP, pairFP      int
		statusOK, statusAll int
	}{
		{"perfect, symmetric reversed, agency projected",
			[]model.Relation{
				rel("a", model.Hotline, "south-korea", "vietnam-peoples-navy", model.Planned),
				rel("a", model.MemberOf, "vietnam", "asean", model.Established),
				rel("a", model.AttacheOffice, "united-states", "vietnam", model.Established),
			}, 3, 0, 0, 3, 0, 3, 3},
		{"directed type reversed is wrong",
			[]model.Relation{rel("a", model.AttacheOffice, "vietnam", "united-states", model.Established)},
			0, 1, 3, 1, 0, 0, 0},
		{"groups ignored, self relations ignored, unjudged article ignored",
			[]model.Relation{
				rel("a", model.Hotline, "vietnam", "group-other-navies", model.Established),
				rel("a", model.PartOf, "vietnam-peoples-navy", "vietnam", model.Established),
				rel("a", model.Exchange, "vietnam", "vietnam-peoples-navy", model.Established),
				rel("z", model.Hotline, "vietnam", "laos", model.Established),
			}, 0, 0, 3, 0, 0, 0, 0},
		{"false positive in an article without gold relations; established wins",
			[]model.Relation{
				rel("b", model.Exchange, "vietnam", "laos", model.Planned),
				rel("a", model.Hotline, "vietnam", "south-korea", model.Established),
				rel("a", model.Hotline, "vietnam-peoples-navy", "south-korea", model.Planned),
			}, 1, 1, 2, 1, 1, 0, 1},
	}
	names := NewNamer(aliases, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []model.ArticleRef{{ID: "a"}, {ID: "b"}}
			r := Score(model.Extraction{Articles: arts, Entities: ents(), Relations: tt.rels}, gold, names)
			if r.Overall.TP != tt.tp || r.Overall.FP != tt.fp || r.Overall.FN != tt.fn {
				t.Errorf("overall %+v, want tp=%d fp=%d fn=%d", r.Overall, tt.tp, tt.fp, tt.fn)
			}
			if r.Pairs.TP != tt.pairTP || r.Pairs.FP != tt.pairFP {
				t.Errorf("pairs %+v, want tp=%d fp=%d", r.Pairs, tt.pairTP, tt.pairFP)
			}
			if r.StatusCorrect != tt.statusOK || r.StatusMatched != tt.statusAll {
				t.Errorf("status %d/%d, want %d/%d", r.StatusCorrect, r.StatusMatched, tt.statusOK, tt.statusAll)
			}
			if len(r.Misses) != tt.fn || len(r.FalsePositives) != tt.fp {
				t.Errorf("listed %d misses, %d false positives", len(r.Misses), len(r.FalsePositives))
			}
		})
	}
}

func TestScoreJudgesGivenArticles(t *testing.T) {
	gold := Gold{
		"a": {{Type: model.Hotline, From: "Vietnam", To: "Laos", Status: model.Planned}},
		"b": {{Type: model.Hotline, From: "Vietnam", To: "Cuba", Status: model.Planned}},
	}
	x := model.Extraction{Articles: []model.ArticleRef{{ID: "a"}, {ID: "c"}}, Entities: ents()}
	r := Score(x, gold, NewNamer(aliases, nil))
	if r.Articles != 1 || r.NotGiven != 1 || r.Overall.FN != 1 || len(r.Unjudged) != 1 || r.Unjudged[0] != "c" {
		t.Errorf("report %+v", r)
	}
}

func TestCountsMetrics(t *testing.T) {
	c := Counts{TP: 3, FP: 1, FN: 2}
	if !near(c.Precision(), 0.75) || !near(c.Recall(), 0.6) || !near(c.F1(), 2*0.75*0.6/1.35) {
		t.Errorf("P=%v R=%v F1=%v", c.Precision(), c.Recall(), c.F1())
	}
	if z := (Counts{}); z.Precision() != 0 || z.Recall() != 0 || z.F1() != 0 {
		t.Errorf("empty counts: %v %v %v", z.Precision(), z.Recall(), z.F1())
	}
}

func TestNamerUsesLexicon(t *testing.T) {
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := NewNamer(Aliases{"South Korea": {"RoK"}, "ASEAN": nil, "Czech Republic": {"Czech"}}, lex)
	for id, want := range map[string]string{"south-korea": "South Korea", "asean": "ASEAN", "czech-republic": "Czech Republic", "laos": "Laos"} {
		a, _ := lex.Actor(id)
		if got := n.Name(model.Entity{ID: id, Name: a.Name}); got != want {
			t.Errorf("Name(%s) = %q, want %q", id, got, want)
		}
	}
}

func TestReadGold(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(good, []byte(`{"article": "a", "relations": [{"type": "HOTLINE", "from": "Vietnam", "to": "Laos", "status": "planned", "evidence": "x"}]}

{"article": "b", "relations": []}
`), 0o644)
	g, err := ReadGold(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(g) != 2 || len(g["a"]) != 1 || g["a"][0].Evidence != "x" {
		t.Errorf("gold %+v", g)
	}
	for name, tc := range map[string]struct{ data, want string }{
		"syntax":  {"{\"article\": \"a\"\n", "gold.jsonl:1"},
		"type":    {`{"article": "a", "relations": [{"type": "FRIENDS", "from": "A", "to": "B", "status": "planned"}]}`, "unknown type"},
		"status":  {`{"article": "a", "relations": [{"type": "HOTLINE", "from": "A", "to": "B", "status": "maybe"}]}`, "status \"maybe\""},
		"no id":   {`{"relations": []}`, "missing article id"},
		"missing": {"", "no such file"},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "gold.jsonl")
			if name != "missing" {
				os.WriteFile(p, []byte(tc.data), 0o644)
			}
			_, err := ReadGold(p)
			if err == nil || !strings.Contains(err.Error(), tc.want) || model.ErrorCode(err) != model.EInvalid {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReportFormats(t *testing.T) {
	gold := Gold{"a": {{Type: model.Hotline, From: "Vietnam", To: "South Korea", Status: model.Planned, Evidence: "They will set up a hotline."}}}
	r := Score(model.Extraction{Entities: ents(), Relations: []model.Relation{rel("a", model.Exchange, "vietnam", "laos", model.Established)}}, gold, NewNamer(aliases, nil))
	table := r.WriteTable(true)
	for _, want := range []string{"overall (triples)", "pairs (type ignored)", "status accuracy", "misses (1)", "They will set up a hotline.", "false positives (1)", "Laos <-EXCHANGE-> Vietnam"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	b, err := r.JSON(false)
	if err != nil || !strings.Contains(string(b), `"f1"`) || strings.Contains(string(b), "misses") {
		t.Errorf("json: %v\n%s", err, b)
	}
}
