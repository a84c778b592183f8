package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestParseRelType(t *testing.T) {
	tests := []struct {
		in      string
		want    RelType
		wantErr bool
	}{
		{"HOTLINE", Hotline, false},
		{"joint-patrol", JointPatrol, false},
		{" member_of ", MemberOf, false},
		{"ALLIANCE", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseRelType(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("ParseRelType(%q) = %q, %v; want %q, err=%v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "HOTLINE") {
				t.Errorf("error should list the valid types: %v", err)
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		name     string
		in       Relation
		from, to string
	}{
		{"symmetric is sorted", Relation{Type: Hotline, From: "vietnam", To: "philippines"}, "philippines", "vietnam"},
		{"symmetric already sorted", Relation{Type: Exchange, From: "china", To: "vietnam"}, "china", "vietnam"},
		{"directed keeps direction", Relation{Type: AttacheOffice, From: "vietnam", To: "poland"}, "vietnam", "poland"},
		{"member of keeps direction", Relation{Type: MemberOf, From: "vietnam", To: "admm"}, "vietnam", "admm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.in.Canonical()
			if c.From != tt.from || c.To != tt.to {
				t.Fatalf("Canonical = %s->%s, want %s->%s", c.From, c.To, tt.from, tt.to)
			}
		})
	}
}

func TestMergeKeepsFirstPerArticle(t *testing.T) {
	var x Extraction
	x.Merge(Extraction{
		Entities: []Entity{{ID: "vietnam", Name: "Vietnam", Label: Country, Country: "vietnam"}},
		Relations: []Relation{
			{Type: Hotline, From: "vietnam", To: "philippines", Status: Planned, Article: "a", Sentence: "first"},
			{Type: Hotline, From: "philippines", To: "vietnam", Status: Planned, Article: "a", Sentence: "second"},
		},
	})
	x.Merge(Extraction{
		Entities:  []Entity{{ID: "vietnam", Name: "Viet Nam", Label: Country}},
		Relations: []Relation{{Type: Hotline, From: "vietnam", To: "philippines", Article: "b", Sentence: "third"}},
	})
	if len(x.Entities) != 1 || x.Entities[0].Name != "Vietnam" {
		t.Errorf("entities = %+v, want the first Vietnam only", x.Entities)
	}
	if len(x.Relations) != 2 {
		t.Fatalf("relations = %+v, want one per article", x.Relations)
	}
	if x.Relations[0].Sentence != "first" || x.Relations[0].From != "philippines" {
		t.Errorf("first relation = %+v, want first sentence in canonical direction", x.Relations[0])
	}
}

func TestContractJSONNulls(t *testing.T) {
	x := Extraction{
		Articles:  []ArticleRef{{ID: "a", Title: "T", Path: "a.txt"}},
		Entities:  []Entity{{ID: "asean", Name: "ASEAN", Label: Organization, Count: 3}},
		Relations: []Relation{{Type: MemberOf, From: "vietnam", To: "asean", Status: Established, Article: "a", Sentence: "s", Count: 2}},
	}
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"articles":[{"id":"a","title":"T","date":null,"path":"a.txt"}],` +
		`"entities":[{"id":"asean","name":"ASEAN","label":"Organization","country":null}],` +
		`"relations":[{"type":"MEMBER_OF","from":"vietnam","to":"asean","status":"established","since":null,"article":"a","sentence":"s"}]}`
	if string(b) != want {
		t.Fatalf("contract JSON:\n got %s\nwant %s", b, want)
	}
	var back Extraction
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	x.Entities[0].Count, x.Relations[0].Count = 0, 0 // model-only fields are not in the contract
	if !reflect.DeepEqual(back, x) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, x)
	}
}

func TestBuildGraphAggregates(t *testing.T) {
	x := Extraction{
		Entities: []Entity{{ID: "vietnam"}, {ID: "china"}},
		Relations: []Relation{
			{Type: Hotline, From: "vietnam", To: "china", Status: Planned, Article: "b", Sentence: "s2", Since: "2015"},
			{Type: Hotline, From: "china", To: "vietnam", Status: Established, Article: "a", Sentence: "s1", Since: "2010"},
			{Type: Hotline, From: "china", To: "vietnam", Status: Established, Article: "a", Sentence: "s1"},
			{Type: PartOf, From: "vpa", To: "vietnam", Article: "a"},
		},
	}
	g := BuildGraph(x)
	if len(g.Edges) != 2 {
		t.Fatalf("edges = %+v, want HOTLINE and PART_OF", g.Edges)
	}
	h := g.Edges[0]
	if h.Type != Hotline || h.From != "china" || h.To != "vietnam" {
		t.Fatalf("first edge = %+v", h)
	}
	if h.Status != Established || h.Since != "2010" {
		t.Errorf("status/since = %s/%s, want established/2010", h.Status, h.Since)
	}
	wantEv := []Evidence{{"a", "s1"}, {"b", "s2"}}
	if !reflect.DeepEqual(h.Evidence, wantEv) {
		t.Errorf("evidence = %+v, want %+v", h.Evidence, wantEv)
	}
	if len(g.Edges[1].Evidence) != 0 {
		t.Errorf("PART_OF carries no evidence, got %+v", g.Edges[1].Evidence)
	}
	if g.Nodes[0].ID != "china" {
		t.Errorf("nodes not sorted: %+v", g.Nodes)
	}
	if _, ok := g.Node("vietnam"); !ok {
		t.Error("Node(vietnam) not found")
	}
}

func TestErrorCode(t *testing.T) {
	base := Errorf(ENotFound, "no such article %q", "x")
	wrapped := Wrap(EInvalid, base, "read x.txt")
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{base, ENotFound},
		{wrapped, EInvalid},
		{json.Unmarshal([]byte("{"), &struct{}{}), EInternal},
	}
	for _, tt := range tests {
		if got := ErrorCode(tt.err); got != tt.want {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if got := wrapped.Error(); got != `read x.txt: no such article "x"` {
		t.Errorf("message = %q", got)
	}
}

// BenchmarkMerge guards against Merge going quadratic again: ns/op per
// article must stay flat as the number already merged grows.
func BenchmarkMerge(b *testing.B) {
	one := func(i int) Extraction {
		id := string(rune('a'+i%26)) + strings.Repeat("x", i%7)
		return Extraction{
			Articles:  []ArticleRef{{ID: id}},
			Entities:  []Entity{{ID: "vietnam"}, {ID: id}},
			Relations: []Relation{{Type: Exchange, From: "vietnam", To: id, Article: id}},
		}
	}
	var x Extraction
	for i := 0; b.Loop(); i++ {
		x.Merge(one(i))
	}
}
