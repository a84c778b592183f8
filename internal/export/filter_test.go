package export

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

// sample is a small hand-built graph shaped like the seeds': a hub
// (Vietnam) with bilateral partners, an agency with its own relationships,
// memberships and a planned relationship.
func sample() model.Graph {
	ev := func(article, sentence string) []model.Evidence {
		return []model.Evidence{{Article: article, Sentence: sentence}}
	}
	return model.Graph{
		Nodes: []model.Entity{
			{ID: "admm-plus", Name: "ADMM-Plus", Label: model.Forum, Aliases: []string{"ADMM+"}},
			{ID: "asean", Name: "ASEAN", Label: model.Organization},
			{ID: "china", Name: "China", Label: model.Country, Country: "china"},
			{ID: "india", Name: "India", Label: model.Country, Country: "india"},
			{ID: "neighbouring-countries", Name: "neighbouring countries", Label: model.Group},
			{ID: "philippine-navy", Name: "Philippine Navy", Label: model.Agency, Country: "philippines"},
			{ID: "philippines", Name: "Philippines", Label: model.Country, Country: "philippines"},
			{ID: "russia", Name: "Russia", Label: model.Country, Country: "russia"},
			{ID: "united-nations", Name: "United Nations", Label: model.Organization, Aliases: []string{"the UN"}},
			{ID: "vietnam", Name: "Vietnam", Label: model.Country, Country: "vietnam", Aliases: []string{"Viet Nam", "Vietnamese"}},
			{ID: "vietnam-people-s-navy", Name: "Vietnam People's Navy", Label: model.Agency, Country: "vietnam"},
		},
		Edges: []model.Edge{
			{Type: model.Hotline, From: "china", To: "vietnam", Status: model.Established, Since: "2015", Evidence: ev("a1", "China and Vietnam keep a defence hotline.")},
			{Type: model.JointPatrol, From: "china", To: "vietnam", Status: model.Established, Evidence: ev("a1", "The two navies hold joint patrols.")},
			{Type: model.DefenceCooperation, From: "india", To: "vietnam", Status: model.Planned, Areas: []string{"military medicine"}, Evidence: ev("a2", "India and Vietnam will expand defence cooperation.")},
			{Type: model.JointPatrol, From: "neighbouring-countries", To: "vietnam", Status: model.Established, Evidence: ev("a3", "Vietnam patrols its borders with neighbouring countries.")},
			{Type: model.Hotline, From: "philippine-navy", To: "vietnam-people-s-navy", Status: model.Planned, Evidence: ev("a4", "The two navies agreed on a hotline.")},
			{Type: model.PartOf, From: "philippine-navy", To: "philippines", Status: model.Established},
			{Type: model.DefenceCooperation, From: "russia", To: "vietnam", Status: model.Established, Evidence: ev("a2", "Russia & Vietnam have \"traditional\" defence ties.")},
			{Type: model.AttacheOffice, From: "vietnam", To: "russia", Status: model.Established, Count: 1, Evidence: ev("a2", "Vietnam has a defence attaché office in Russia.")},
			{Type: model.MemberOf, From: "vietnam", To: "admm-plus", Status: model.Established, Since: "2010", Evidence: ev("a3", "Vietnam chaired the ADMM-Plus in 2010.")},
			{Type: model.MemberOf, From: "vietnam", To: "asean", Status: model.Established, Evidence: ev("a3", "Vietnam is an ASEAN member.")},
			{Type: model.Peacekeeping, From: "vietnam", To: "united-nations", Status: model.Established, Since: "2014", Evidence: ev("a3", "Vietnam joined UN peacekeeping in 2014.")},
			{Type: model.PartOf, From: "vietnam-people-s-navy", To: "vietnam", Status: model.Established},
		},
	}
}

func ids(g model.Graph) []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.ID)
	}
	return out
}

func edgeKeys(g model.Graph) []string {
	var out []string
	for _, e := range g.Edges {
		out = append(out, e.From+" "+string(e.Type)+" "+e.To)
	}
	sort.Strings(out)
	return out
}

func TestFilterApply(t *testing.T) {
	all := sample()
	tests := []struct {
		name   string
		filter Filter
		nodes  []string // nil: every node of the sample
		edges  []string // nil: every edge of the sample
	}{
		{name: "zero value keeps everything", filter: Filter{}},
		{name: "status all keeps everything", filter: Filter{Status: StatusAll}},
		{
			name:   "types",
			filter: Filter{Types: []model.RelType{model.Hotline}},
			nodes:  []string{"china", "philippine-navy", "philippines", "vietnam", "vietnam-people-s-navy"},
			// PART_OF comes along: each shown agency with its country.
			edges: []string{
				"china HOTLINE vietnam",
				"philippine-navy HOTLINE vietnam-people-s-navy",
				"philippine-navy PART_OF philippines",
				"vietnam-people-s-navy PART_OF vietnam",
			},
		},
		{
			name:   "planned only",
			filter: Filter{Status: StatusPlanned},
			nodes:  []string{"india", "philippine-navy", "philippines", "vietnam", "vietnam-people-s-navy"},
			edges: []string{
				"india DEFENCE_COOPERATION vietnam",
				"philippine-navy HOTLINE vietnam-people-s-navy",
				"philippine-navy PART_OF philippines",
				"vietnam-people-s-navy PART_OF vietnam",
			},
		},
		{
			name:   "established joint patrols",
			filter: Filter{Status: StatusEstablished, Types: []model.RelType{model.JointPatrol}},
			nodes:  []string{"china", "neighbouring-countries", "vietnam"},
			edges:  []string{"china JOINT_PATROL vietnam", "neighbouring-countries JOINT_PATROL vietnam"},
		},
		{
			name:   "focus by id, depth 1: the agency's partner counts as Vietnam's",
			filter: Filter{Focus: "vietnam", Depth: 1},
			nodes:  nil,
			edges:  nil,
		},
		{
			name:   "focus by name, other case",
			filter: Filter{Focus: "RUSSIA", Depth: 1},
			nodes:  []string{"russia", "vietnam"},
			edges:  []string{"russia DEFENCE_COOPERATION vietnam", "vietnam ATTACHE_OFFICE russia"},
		},
		{
			name:   "focus by alias, depth 1, PART_OF free",
			filter: Filter{Focus: "ADMM+", Depth: 1},
			nodes:  []string{"admm-plus", "vietnam"},
			edges:  []string{"vietnam MEMBER_OF admm-plus"},
		},
		{
			name:   "focus depth 2 reaches the hub's partners, not its agencies",
			filter: Filter{Focus: "the un", Depth: 2},
			nodes:  []string{"admm-plus", "asean", "china", "india", "neighbouring-countries", "russia", "united-nations", "vietnam"},
			edges: []string{
				"china HOTLINE vietnam", "china JOINT_PATROL vietnam", "india DEFENCE_COOPERATION vietnam",
				"neighbouring-countries JOINT_PATROL vietnam", "russia DEFENCE_COOPERATION vietnam",
				"vietnam ATTACHE_OFFICE russia", "vietnam MEMBER_OF admm-plus", "vietnam MEMBER_OF asean",
				"vietnam PEACEKEEPING united-nations",
			},
		},
		{
			name:   "focus on an agency climbs to its country for free",
			filter: Filter{Focus: "Philippine Navy", Depth: 1},
			nodes:  []string{"philippine-navy", "philippines", "vietnam", "vietnam-people-s-navy"},
			edges: []string{
				"philippine-navy HOTLINE vietnam-people-s-navy",
				"philippine-navy PART_OF philippines",
				"vietnam-people-s-navy PART_OF vietnam",
			},
		},
		{
			name:   "depth 0 is the whole connected part, filtered by type",
			filter: Filter{Focus: "india", Depth: 0, Types: []model.RelType{model.DefenceCooperation}},
			nodes:  []string{"india", "russia", "vietnam"},
			edges:  []string{"india DEFENCE_COOPERATION vietnam", "russia DEFENCE_COOPERATION vietnam"},
		},
		{
			name:   "focus without matching edges keeps the focus alone",
			filter: Filter{Focus: "asean", Depth: 1, Types: []model.RelType{model.Hotline}},
			nodes:  []string{"asean"},
			edges:  []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := tt.filter.Apply(all)
			if err != nil {
				t.Fatal(err)
			}
			wantNodes, wantEdges := tt.nodes, tt.edges
			if wantNodes == nil {
				wantNodes = ids(all)
			}
			if wantEdges == nil {
				wantEdges = edgeKeys(all)
			}
			if got := ids(g); !reflect.DeepEqual(got, wantNodes) {
				t.Errorf("nodes:\n got %v\nwant %v", got, wantNodes)
			}
			if got := edgeKeys(g); !reflect.DeepEqual(got, wantEdges) && !(len(got) == 0 && len(wantEdges) == 0) {
				t.Errorf("edges:\n got %v\nwant %v", got, wantEdges)
			}
		})
	}
}

func TestFilterErrors(t *testing.T) {
	tests := []struct {
		name   string
		filter Filter
		code   string
		want   string
	}{
		{"unknown focus suggests names", Filter{Focus: "viet", Depth: 1}, model.ENotFound, `did you mean Vietnam, Vietnam People's Navy?`},
		{"unknown focus", Filter{Focus: "Atlantis", Depth: 1}, model.ENotFound, `--focus "Atlantis": no actor with that id, name or alias`},
		{"negative depth", Filter{Focus: "vietnam", Depth: -1}, model.EInvalid, "--depth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.filter.Apply(sample())
			if err == nil {
				t.Fatal("no error")
			}
			if c := model.ErrorCode(err); c != tt.code {
				t.Errorf("code %q, want %q", c, tt.code)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestParseTypes(t *testing.T) {
	tests := []struct {
		in      string
		want    []model.RelType
		wantErr string
	}{
		{in: "", want: nil},
		{in: "hotline", want: []model.RelType{model.Hotline}},
		{in: "hotline, joint-patrol,HOTLINE,member_of", want: []model.RelType{model.Hotline, model.JointPatrol, model.MemberOf}},
		{in: "hotline,friendship", wantErr: `unknown relationship type "friendship" (want one of HOTLINE, JOINT_PATROL, ATTACHE_OFFICE`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTypes(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				var me *model.Error
				if !errors.As(err, &me) || me.Code != model.EInvalid {
					t.Errorf("error %v is not an EInvalid *model.Error", err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseTypes(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]StatusFilter{"": StatusAll, "all": StatusAll, "Established": StatusEstablished, "planned": StatusPlanned} {
		if got, err := ParseStatus(in); err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseStatus("rumoured"); err == nil || !strings.Contains(err.Error(), "established, planned or all") {
		t.Errorf("ParseStatus(rumoured) error = %v", err)
	}
}
