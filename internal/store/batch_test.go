package store

import (
	"reflect"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

func ent(id string, l model.Label) model.Entity {
	return model.Entity{ID: id, Name: strings.ToUpper(id), Label: l}
}

func item(id string, ents []model.Entity, rels ...model.Relation) Item {
	for i := range rels {
		rels[i].Article = id
	}
	return Item{
		Article:    model.Article{ID: id, Path: id + ".txt", Hash: "h-" + id, Date: "2020-01-02"},
		Extraction: model.Extraction{Entities: ents, Relations: rels},
	}
}

func TestItemValidate(t *testing.T) {
	vn, ph := ent("vietnam", model.Country), ent("philippines", model.Country)
	tests := []struct {
		name    string
		it      Item
		wantErr string
	}{
		{"ok", item("a", []model.Entity{vn, ph}, model.Relation{Type: model.Hotline, From: "vietnam", To: "philippines"}), ""},
		{"unknown type", item("a", []model.Entity{vn, ph}, model.Relation{Type: "LOVES", From: "vietnam", To: "philippines"}), `unknown relationship type "LOVES"`},
		{"label injection", item("a", []model.Entity{{ID: "x", Label: "Country` DETACH DELETE n //"}}), "unknown label"},
		{"lower-case label", item("a", []model.Entity{{ID: "x", Label: "country"}}), "unknown label"},
		{"endpoint not an entity", item("a", []model.Entity{vn}, model.Relation{Type: model.Hotline, From: "vietnam", To: "china"}), `uses "china"`},
		{"entity without id", item("a", []model.Entity{{Name: "X", Label: model.Country}}), "has no id"},
		{"no article id", Item{}, "no id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.it.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want it to contain %q", err, tt.wantErr)
			}
			if model.ErrorCode(err) != model.EInvalid {
				t.Errorf("code %q, want invalid", model.ErrorCode(err))
			}
		})
	}
}

// TestNewBatchAggregates checks the per-article facts written for one
// relationship key: one list entry per article in article order, the
// article's own aggregate (status established if any sentence says so,
// earliest since, first level, largest count, sorted areas) and every
// distinct evidence sentence.
func TestNewBatchAggregates(t *testing.T) {
	vn, ph := ent("vietnam", model.Country), ent("philippines", model.Country)
	navy := model.Entity{ID: "vietnam-navy", Name: "Vietnam People's Navy", Label: model.Agency, Country: "vietnam", Aliases: []string{"VPN"}}
	navy2 := navy
	navy2.Aliases = []string{"Vietnamese Navy", "VPN"}
	items := []Item{
		// Given out of order: the batch sorts by article id.
		item("b", []model.Entity{ph, vn, navy2},
			model.Relation{Type: model.DefenceCooperation, From: "vietnam", To: "philippines", Status: model.Planned, Since: "2015", Areas: []string{"search and rescue"}, Sentence: "S3."},
			model.Relation{Type: model.PartOf, From: "vietnam-navy", To: "vietnam", Sentence: "ignored for PART_OF"},
		),
		item("a", []model.Entity{vn, ph, navy},
			model.Relation{Type: model.DefenceCooperation, From: "philippines", To: "vietnam", Status: model.Planned, Since: "2013", Sentence: "S1.", Areas: []string{"maritime security"}},
			model.Relation{Type: model.DefenceCooperation, From: "vietnam", To: "philippines", Status: model.Established, Since: "2010", Sentence: "S2.", Areas: []string{"hadr", "maritime security"}},
			model.Relation{Type: model.DefenceCooperation, From: "vietnam", To: "philippines", Status: model.Planned, Sentence: "S1."},
			model.Relation{Type: model.Dialogue, From: "vietnam", To: "philippines", Status: model.Planned, Level: "deputy-ministerial", Sentence: "S4."},
		),
	}
	b, err := newBatch(items)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b"}; !reflect.DeepEqual(b.ids, want) {
		t.Errorf("ids %v, want %v", b.ids, want)
	}
	dc := b.rels[model.DefenceCooperation]
	if len(dc) != 1 {
		t.Fatalf("DEFENCE_COOPERATION rows: %d, want 1 (symmetric, one per pair): %+v", len(dc), dc)
	}
	want := relRow{
		From: "philippines", To: "vietnam",
		ArticleIDs:        []string{"a", "b"},
		Statuses:          []string{"established", "planned"},
		Sinces:            []string{"2010", "2015"},
		Levels:            []string{"", ""},
		Counts:            []int64{0, 0},
		EvidenceArticles:  []string{"a", "a", "b"},
		EvidenceSentences: []string{"S1.", "S2.", "S3."},
		AreaArticles:      []string{"a", "a", "b"},
		AreaNames:         []string{"hadr", "maritime security", "search and rescue"},
	}
	if !reflect.DeepEqual(dc[0], want) {
		t.Errorf("DEFENCE_COOPERATION row\n got %+v\nwant %+v", dc[0], want)
	}
	if d := b.rels[model.Dialogue]; len(d) != 1 || d[0].Levels[0] != "deputy-ministerial" {
		t.Errorf("DIALOGUE rows %+v, want one with level deputy-ministerial", d)
	}
	po := b.rels[model.PartOf]
	if len(po) != 1 || po[0].From != "vietnam-navy" || po[0].To != "vietnam" || len(po[0].EvidenceSentences) != 0 {
		t.Errorf("PART_OF rows %+v, want vietnam-navy -> vietnam without evidence", po)
	}
	if b.evidence != 4 {
		t.Errorf("evidence %d, want 4", b.evidence)
	}
	ag := b.nodes[model.Agency]
	if len(ag) != 1 || !reflect.DeepEqual(ag[0].Aliases, []string{"VPN", "Vietnamese Navy"}) || ag[0].Country != "vietnam" {
		t.Errorf("agency rows %+v, want one with the union of aliases", ag)
	}
	if c := b.nodes[model.Country]; len(c) != 2 || c[0].ID != "philippines" || c[1].ID != "vietnam" {
		t.Errorf("country rows %+v, want philippines, vietnam", c)
	}
	if got := b.articles[0]["actors"]; !reflect.DeepEqual(got, []string{"philippines", "vietnam", "vietnam-navy"}) {
		t.Errorf("article a mentions %v", got)
	}
	if b.articles[0]["date"] == nil {
		t.Errorf("article date not passed as a DATE")
	}
}

func TestNewBatchDuplicateArticle(t *testing.T) {
	if _, err := newBatch([]Item{item("a", nil), item("a", nil)}); err == nil {
		t.Fatal("two items with article id a: no error")
	}
}

func TestQueriesUseOnlyVocabulary(t *testing.T) {
	for _, ty := range model.RelTypes {
		if q := relQuery(ty); !strings.Contains(q, "[r:`"+string(ty)+"`]") {
			t.Errorf("relQuery(%s) does not merge its type:\n%s", ty, q)
		}
	}
}

// TestRelRowParamAggregates checks the batch's own aggregates sent with a
// relationship row, which relQuery combines with the stored ones: they
// must be what the full recomputation over the row's lists gives.
func TestRelRowParamAggregates(t *testing.T) {
	tests := []struct {
		name string
		row  relRow
		want map[string]any
	}{
		{
			name: "planned, level from the first article that gives one",
			row: relRow{
				ArticleIDs: []string{"a", "b", "c"}, Statuses: []string{"planned", "planned", "planned"},
				Sinces: []string{"", "2019", "2012"}, Levels: []string{"", "ministerial", "deputy"},
				Counts: []int64{0, 3, 2}, AreaNames: []string{"hadr", "cyber", "hadr"},
			},
			want: map[string]any{
				"established": false, "first_id": "a", "first_status": "planned",
				"level": "ministerial", "level_id": "b", "since": "2012", "count": int64(3),
				"areas": []string{"cyber", "hadr"},
			},
		},
		{
			name: "established by a later article, nothing else given",
			row: relRow{
				ArticleIDs: []string{"a", "b"}, Statuses: []string{"", "established"},
				Sinces: []string{"", ""}, Levels: []string{"", ""}, Counts: []int64{0, 0},
			},
			want: map[string]any{
				"established": true, "first_id": "a", "first_status": nil,
				"level": nil, "level_id": nil, "since": nil, "count": int64(0),
				"areas": []string{},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.row.param()
			for k, want := range tt.want {
				if got := p[k]; !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v, want %#v", k, got, want)
				}
			}
		})
	}
}

func TestNodeParamLabels(t *testing.T) {
	p := nodeRow{ID: "vietnam-navy"}.param(model.Agency)
	if p["label"] != "Agency" {
		t.Errorf("label %v, want Agency", p["label"])
	}
	others, _ := p["others"].([]string)
	if len(others) != len(model.Labels)-1 || contains(others, "Agency") {
		t.Errorf("others %v, want every actor label but Agency", others)
	}
}
