package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

func TestDefaultLexicon(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	countries := 0
	for _, a := range l.Actors {
		if a.Label == model.Country && a.Code != "" {
			countries++
		}
		if a.Label == model.Agency {
			if c, ok := l.Actor(a.Country); !ok || c.Label != model.Country {
				t.Errorf("agency %s: country %q", a.ID, a.Country)
			}
		}
	}
	if countries != 193 {
		t.Errorf("%d UN member states, want 193", countries)
	}
	for id, name := range map[string]string{
		"vietnam": "Vietnam", "united-states": "United States", "united-kingdom": "United Kingdom",
		"south-korea": "South Korea", "czech-republic": "Czech Republic", "admm-plus": "ADMM-Plus",
		"asean-navy-chiefs-meeting": "ASEAN Navy Chiefs' Meeting", "united-nations": "United Nations",
	} {
		if a, ok := l.Actor(id); !ok || a.Name != name {
			t.Errorf("actor %s: got %+v, want name %q", id, a, name)
		}
	}
	for _, rt := range []model.RelType{model.Hotline, model.JointPatrol, model.AttacheOffice, model.DefenceCooperation,
		model.Dialogue, model.Exercise, model.Training, model.Exchange, model.DefenceIndustry, model.Peacekeeping, model.Partnership} {
		if len(l.Triggers[rt]) == 0 {
			t.Errorf("no triggers for %s", rt)
		}
	}
}

func TestOverride(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "extra.yaml")
	data := `
countries:
  - id: vietnam
    aliases: [Vietnamland]
actors:
  - {id: mekong-forum, name: Mekong Defence Forum, label: Forum, aliases: [MDF]}
  - {id: lao-border-police, name: Lao Border Police, label: Agency, country: laos, aliases: [LBP]}
triggers:
  HOTLINE: [red phone]
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := l.Actor("vietnam")
	if v.Name != "Vietnam" || !contains(v.Aliases, "Vietnamland") || !contains(v.Aliases, "Viet Nam") {
		t.Errorf("vietnam after override: %+v", v)
	}
	if f, ok := l.Actor("mekong-forum"); !ok || f.Label != model.Forum || !f.Member {
		t.Errorf("new forum: %+v", f)
	}
	if a, ok := l.Actor("lao-border-police"); !ok || a.Country != "laos" {
		t.Errorf("new agency: %+v", a)
	}
	if !contains(l.Triggers[model.Hotline], "red phone") || !contains(l.Triggers[model.Hotline], "hotline*") {
		t.Errorf("hotline triggers: %v", l.Triggers[model.Hotline])
	}
}

func TestOverrideErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"bad id", "actors:\n  - {id: Bad Id, name: X, label: Forum}\n", "extra.yaml:2: actor id \"Bad Id\""},
		{"unknown label", "actors:\n  - id: x\n    name: X\n    label: Club\n", "extra.yaml:2: actor x: label \"Club\""},
		{"new actor without name", "actors:\n  - {id: newcomer, label: Forum}\n", "extra.yaml:2: new actor newcomer needs a name"},
		{"agency of no country", "actors:\n\n  - {id: ghost-navy, name: Ghost Navy, label: Agency, country: atlantis}\n", "extra.yaml:3: agency ghost-navy: country \"atlantis\""},
		{"unknown type", "triggers:\n  FRIENDSHIP: [pals]\n", "unknown relationship type \"FRIENDSHIP\""},
		{"unknown section", "colours: [red]\n", "unknown section(s) colours"},
		{"syntax", "actors: [\n", "extra.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "extra.yaml")
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if err == nil {
				t.Fatal("no error")
			}
			if model.ErrorCode(err) != model.EInvalid || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q (code %s), want it to contain %q", err, model.ErrorCode(err), tt.want)
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); model.ErrorCode(err) != model.EInvalid {
		t.Errorf("missing file: %v", err)
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Việt Nam":          "viet nam",
		"People’s Army":     "people's army",
		"Hanoi – Vientiane": "hanoi - vientiane",
		"Đà Nẵng":           "da nang",
		"Côte d’Ivoire":     "cote d'ivoire",
		"line\tbreak\nhere": "line break here",
		"北京":                "__",
		"a\u00a0b":          "a b",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
		if n := len(Fold(in)); n != len([]rune(in)) {
			t.Errorf("Fold(%q) has %d bytes for %d runes", in, n, len([]rune(in)))
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"ASEAN Navy Chiefs' Meeting": "asean-navy-chiefs-meeting",
		"Vietnam People’s Army":      "vietnam-peoples-army",
		"ADMM-Plus":                  "admm-plus",
		"Côte d'Ivoire":              "cote-divoire",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
