package store

import (
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

func actorRef(label, id string) DumpNode {
	return DumpNode{Labels: []string{label, "Actor"}, Props: map[string]any{"id": id}}
}

// hotline is a relationship stated by articles b then a, as a load that
// wrote b's batch first stores it.
func hotline(articles, statuses, evArticles, evSentences []any) DumpRel {
	return DumpRel{
		From: actorRef("Country", "philippines"),
		Type: "HOTLINE",
		To:   actorRef("Country", "vietnam"),
		Props: map[string]any{
			"status": "established", "since": "2011",
			"article_ids": articles, "article_statuses": statuses,
			"article_sinces": []any{"", "2011"}, "article_levels": []any{"", ""}, "article_counts": []any{int64(0), int64(0)},
			"evidence_articles": evArticles, "evidence_sentences": evSentences,
		},
	}
}

func TestFormatDump(t *testing.T) {
	date := dbtype.Date(time.Date(2014, 2, 20, 0, 0, 0, 0, time.UTC))
	nodes := []DumpNode{
		{Labels: []string{"Country", "Actor"}, Props: map[string]any{"name": "Vietnam", "id": "vietnam", "aliases": []any{"Viet Nam", "Vietnamese"}}},
		{Labels: []string{"Article"}, Props: map[string]any{"id": "a", "date": date, "loaded_at": time.Now(), "hash": "h1"}},
		{Labels: []string{"Actor", "Group"}, Props: map[string]any{"id": "29-countries", "count": int64(29), "ratio": 2.0, "code": "29"}},
	}
	rels := []DumpRel{
		hotline([]any{"b", "a"}, []any{"planned", "established"},
			[]any{"b", "a", "b"}, []any{"b said 1.", "a said.", "b said 2."}),
		{From: DumpNode{Labels: []string{"Article"}, Props: map[string]any{"id": "a"}}, Type: "MENTIONS", To: actorRef("Country", "vietnam"), Props: map[string]any{}},
	}
	want := `# nodes 3
(:Actor:Country {aliases: ["Viet Nam", "Vietnamese"], id: "vietnam", name: "Vietnam"})
(:Actor:Group {code: "29", count: 29, id: "29-countries", ratio: 2.0})
(:Article {date: date("2014-02-20"), hash: "h1", id: "a"})
# relationships 2
(:Actor:Country {id: "philippines"})-[:HOTLINE {article_counts: [0, 0], article_ids: ["a", "b"], article_levels: ["", ""], article_sinces: ["2011", ""], article_statuses: ["established", "planned"], evidence_articles: ["a", "b", "b"], evidence_sentences: ["a said.", "b said 1.", "b said 2."], since: "2011", status: "established"}]->(:Actor:Country {id: "vietnam"})
(:Article {id: "a"})-[:MENTIONS {}]->(:Actor:Country {id: "vietnam"})
`
	got := FormatDump(nodes, rels)
	if got != want {
		t.Errorf("dump:\n%s\nwant:\n%s", got, want)
	}
	// The same graph read in another order, with the rows stored in
	// article order already, gives the same text.
	reordered := []DumpRel{rels[1], hotline([]any{"a", "b"}, []any{"established", "planned"},
		[]any{"a", "b", "b"}, []any{"a said.", "b said 1.", "b said 2."})}
	reordered[1].Props["article_sinces"] = []any{"2011", ""}
	if again := FormatDump([]DumpNode{nodes[2], nodes[0], nodes[1]}, reordered); again != got {
		t.Errorf("another read order gives another dump:\n%s\nwant:\n%s", again, got)
	}
}

func TestFormatDumpShowsDifferences(t *testing.T) {
	base := hotline([]any{"b", "a"}, []any{"planned", "established"},
		[]any{"b", "a", "b"}, []any{"b said 1.", "a said.", "b said 2."})
	baseDump := FormatDump(nil, []DumpRel{base})
	tests := []struct {
		name string
		rels []DumpRel
		want string // a fragment of the different dump
	}{
		{"evidence of one article in another order",
			[]DumpRel{hotline([]any{"b", "a"}, []any{"planned", "established"},
				[]any{"b", "a", "b"}, []any{"b said 2.", "a said.", "b said 1."})},
			`evidence_sentences: ["a said.", "b said 2.", "b said 1."]`},
		{"evidence twice",
			[]DumpRel{hotline([]any{"b", "a"}, []any{"planned", "established"},
				[]any{"b", "a", "b", "a"}, []any{"b said 1.", "a said.", "b said 2.", "a said."})},
			`evidence_articles: ["a", "a", "b", "b"]`},
		{"parallel lists of different lengths stay as stored",
			[]DumpRel{hotline([]any{"b", "a"}, []any{"planned", "established"},
				[]any{"b", "a"}, []any{"b said 1.", "a said.", "b said 2."})},
			`evidence_articles: ["b", "a"], evidence_sentences: ["b said 1.", "a said.", "b said 2."]`},
		{"relationship twice", []DumpRel{base, base}, "# relationships 2\n"},
		{"string instead of integer",
			func() []DumpRel {
				r := hotline([]any{"b", "a"}, []any{"planned", "established"},
					[]any{"b", "a", "b"}, []any{"b said 1.", "a said.", "b said 2."})
				r.Props["article_counts"] = []any{"0", "0"}
				return []DumpRel{r}
			}(),
			`article_counts: ["0", "0"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FormatDump(nil, tt.rels)
			if got == baseDump {
				t.Fatalf("same dump as the base graph:\n%s", got)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("dump lacks %s:\n%s", tt.want, got)
			}
		})
	}
}
