// Integration tests: every saved report against a REAL Neo4j holding the
// seed articles, loaded with the real extractor and loader into a database
// emptied first (internal/store/storetest: NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE; skipped without NEO4J_URI).
//
//	scripts/test                                      # starts a server, runs everything
//	go test -tags integration ./internal/report/      # against $NEO4J_URI
package report_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/loader"
	"github.com/relgraph/relgraph/internal/report"
	"github.com/relgraph/relgraph/internal/seedtest"
	"github.com/relgraph/relgraph/internal/store"
	"github.com/relgraph/relgraph/internal/store/storetest"
)

// fixture is the loaded seed graph the subtests share.
type fixture struct {
	st  *store.Store
	cat report.Catalog
}

// TestReportsOnSeeds loads ../../seeds once and runs every report on it.
func TestReportsOnSeeds(t *testing.T) {
	st := storetest.Open(t)
	sum, err := loader.Load(context.Background(), []string{filepath.Join("..", "..", "seeds")}, seedtest.Extractor(t), st, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) > 0 {
		t.Fatalf("load: %v", sum.Failed[0].Err)
	}
	cat, err := report.Load(cypher.FS, cypher.Reports)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st, cat: cat}
	t.Run("every report runs with its defaults", f.everyReport)
	t.Run("memberships", f.memberships)
	t.Run("hotlines", f.hotlines)
	t.Run("partners", f.partners)
	t.Run("between", f.between)
	t.Run("path", f.path)
	t.Run("by-year and status count every relationship", f.byYearAndStatus)
	t.Run("actor", f.actor)
	t.Run("injection is inert", f.injection)
}

// run runs a saved report and returns its rows as column -> text.
func (f *fixture) run(t *testing.T, name string, params map[string]string) []map[string]string {
	t.Helper()
	r, err := f.cat.Find(name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := report.Run(context.Background(), f.st, r, params)
	if err != nil {
		t.Fatalf("report %s %v: %v", name, params, err)
	}
	rows := make([]map[string]string, len(res.Rows))
	for i, row := range res.Rows {
		rows[i] = map[string]string{}
		for j, c := range res.Columns {
			rows[i][c] = report.Text(row[j])
		}
	}
	return rows
}

// count runs a query returning one integer.
func count(t *testing.T, query string) int {
	t.Helper()
	return int(storetest.Int(t, query))
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}

// find returns the rows where every given column has the given value.
func find(rows []map[string]string, want map[string]string) []map[string]string {
	var out []map[string]string
next:
	for _, r := range rows {
		for k, v := range want {
			if r[k] != v {
				continue next
			}
		}
		out = append(out, r)
	}
	return out
}

const defenceTypes = "['HOTLINE','JOINT_PATROL','ATTACHE_OFFICE','MEMBER_OF','DEFENCE_COOPERATION','DIALOGUE','EXERCISE','TRAINING','EXCHANGE','DEFENCE_INDUSTRY','PEACEKEEPING','PARTNERSHIP']"

func (f *fixture) everyReport(t *testing.T) {
	for _, r := range f.cat {
		t.Run(r.Name, func(t *testing.T) {
			params := map[string]string{}
			for _, p := range r.Params {
				if !p.HasDefault {
					params[p.Name] = "Vietnam"
				}
			}
			if rows := f.run(t, r.Name, params); len(rows) == 0 {
				t.Errorf("report %s returned no rows on the seeds", r.Name)
			}
		})
	}
}

// names returns the name of every node with the label.
func names(t *testing.T, label string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, r := range storetest.Query(t, "MATCH (n:"+label+") RETURN n.name AS name", nil) {
		name, _, _ := neo4j.GetRecordValue[string](r, "name")
		out[name] = true
	}
	return out
}

func (f *fixture) memberships(t *testing.T) {
	rows := f.run(t, "memberships", map[string]string{"actor": "Vietnam"})
	for _, body := range []string{"ADMM-Plus", "ADMM", "ASEAN"} {
		if len(find(rows, map[string]string{"member": "Vietnam", "relation": "MEMBER_OF", "body": body, "kind": kindOf(body)})) != 1 {
			t.Errorf("Vietnam MEMBER_OF %s missing:\n%v", body, rows)
		}
	}
	pk := find(rows, map[string]string{"member": "Vietnam", "relation": "PEACEKEEPING", "body": "United Nations", "status": "established"})
	if len(pk) != 1 || !strings.Contains(pk[0]["evidence"], "peacekeeping operations") {
		t.Errorf("Vietnam PEACEKEEPING United Nations (established, with its sentence) missing:\n%v", rows)
	}
	for _, r := range rows {
		if r["member"] != "Vietnam" && !strings.HasSuffix(r["member"], " (Vietnam)") {
			t.Errorf("actor=Vietnam lists a membership of %q", r["member"])
		}
	}
	// The filter matches ids and names in any case, and '' means everyone.
	byID := f.run(t, "memberships", map[string]string{"actor": "VIETNAM"})
	all := f.run(t, "memberships", nil)
	if len(byID) != len(rows) || len(all) <= len(rows) {
		t.Errorf("actor=VIETNAM gives %d rows, actor=Vietnam %d, all %d", len(byID), len(rows), len(all))
	}
	if len(find(all, map[string]string{"member": "Brunei", "body": "ADMM"})) != 1 {
		t.Errorf("all memberships miss Brunei in ADMM:\n%v", all)
	}
}

func kindOf(body string) string {
	if body == "ASEAN" {
		return "Organization"
	}
	return "Forum"
}

func (f *fixture) hotlines(t *testing.T) {
	rows := f.run(t, "hotlines", nil)
	groups := names(t, "Group")
	var navy []map[string]string
	for _, r := range find(rows, map[string]string{"type": "HOTLINE"}) {
		if groups[r["from"]] && strings.Contains(r["to"], "Vietnam") || groups[r["to"]] && strings.Contains(r["from"], "Vietnam") {
			navy = append(navy, r)
		}
	}
	if len(navy) == 0 {
		t.Fatalf("no hotline between Vietnam (or a Vietnamese agency) and a Group:\n%v", rows)
	}
	const sentence = "The Vietnamese Navy will continue to maintain hotlines and joint patrols with other navies."
	found := false
	for _, r := range navy {
		found = found || strings.Contains(r["evidence"], sentence) && r["status"] == "established"
	}
	if !found {
		t.Errorf("no established Vietnam-Group hotline with the evidence %q:\n%v", sentence, navy)
	}
	types := map[string]bool{}
	for _, r := range rows {
		types[r["type"]] = true
		if r["evidence"] == "" || r["articles"] == "" {
			t.Errorf("row without evidence: %v", r)
		}
	}
	if !types["HOTLINE"] || !types["JOINT_PATROL"] || !types["ATTACHE_OFFICE"] || len(types) != 3 {
		t.Errorf("types %v, want exactly HOTLINE, JOINT_PATROL, ATTACHE_OFFICE", types)
	}
	// "Defence attaché offices have been set up in 29 countries, while 45
	// foreign defence attaché offices are currently active in Vietnam."
	abroad := find(rows, map[string]string{"type": "ATTACHE_OFFICE", "from": "Vietnam", "offices": "29"})
	home := find(rows, map[string]string{"type": "ATTACHE_OFFICE", "to": "Vietnam", "offices": "45"})
	if len(abroad) != 1 || len(home) != 1 {
		t.Errorf("want Vietnam's 29 attaché offices abroad and 45 foreign ones in Vietnam:\n%v", find(rows, map[string]string{"type": "ATTACHE_OFFICE"}))
	}
}

func (f *fixture) partners(t *testing.T) {
	rows := f.run(t, "partners", map[string]string{"country": "vietnam"})
	if len(rows) < 5 {
		t.Fatalf("only %d partners of Vietnam", len(rows))
	}
	prev := 1 << 30
	for _, r := range rows {
		n := atoi(t, r["types"])
		if n > prev {
			t.Errorf("not ranked by types: %v", rows)
		}
		prev = n
		if got := len(strings.Split(r["relationship_types"], "; ")); got != n {
			t.Errorf("%s: types %d but %d listed (%s)", r["partner"], n, got, r["relationship_types"])
		}
		if atoi(t, r["established"])+atoi(t, r["planned"]) != atoi(t, r["relationships"]) {
			t.Errorf("%s: established + planned != relationships", r["partner"])
		}
		if r["kind"] == "Group" {
			t.Errorf("unnamed group ranked as a partner: %v", r)
		}
		if r["partner"] == "Vietnam" || strings.HasPrefix(r["partner"], "Vietnam ") {
			t.Errorf("Vietnam or its agency listed as its own partner: %v", r)
		}
	}
	for _, p := range []string{"Philippines", "Russia", "United Nations", "ADMM-Plus"} {
		if len(find(rows, map[string]string{"partner": p})) != 1 {
			t.Errorf("partner %s missing", p)
		}
	}
}

func (f *fixture) between(t *testing.T) {
	rows := f.run(t, "between", map[string]string{"a": "Philippines", "b": "vietnam"})
	if len(rows) == 0 {
		t.Fatal("nothing between Philippines and Vietnam")
	}
	ex := find(rows, map[string]string{"type": "EXCHANGE", "article": "003_86d00f9e133ffe8c", "date": "2014-02-20"})
	if len(ex) != 1 || !strings.Contains(ex[0]["evidence"], "between Vietnamese and Philippino forces") {
		t.Errorf("EXCHANGE with its sentence from 003 missing:\n%v", rows)
	}
	for _, r := range rows {
		ends := r["from"] + "|" + r["to"]
		if !strings.Contains(ends, "Philippines") || !strings.Contains(ends, "Vietnam") {
			t.Errorf("row not between the two: %v", r)
		}
	}
	// Evidence rows add up to the sentences stored on those relationships.
	n := count(t, `MATCH (x:Actor)-[r]-(y:Actor)
WHERE x.id = 'philippines' AND (y.id = 'vietnam' OR y.country = 'vietnam') AND type(r) IN `+defenceTypes+`
RETURN sum(size(r.evidence_sentences)) AS n`)
	if n != len(rows) {
		t.Errorf("%d rows, want %d evidence sentences", len(rows), n)
	}
}

func (f *fixture) path(t *testing.T) {
	rows := f.run(t, "path", map[string]string{"a": "Vietnam", "b": "Russia"})
	if len(rows) == 0 {
		t.Fatal("no path from Vietnam to Russia")
	}
	for _, r := range rows {
		p := r["path"]
		if !strings.HasPrefix(p, "Vietnam ") || !strings.HasSuffix(p, " Russia") {
			t.Errorf("path %q does not run from Vietnam to Russia", p)
		}
		if hops := atoi(t, r["hops"]); strings.Count(p, "-[") != hops || hops > 6 {
			t.Errorf("path %q: hops %d", p, hops)
		}
	}
	// Groups are never passed through: "other countries" links Vietnam to
	// nothing else in particular.
	for _, r := range f.run(t, "path", map[string]string{"a": "Philippines", "b": "Cuba"}) {
		for g := range names(t, "Group") {
			if strings.Contains(r["path"], "- "+g+" -") {
				t.Errorf("path through group %q: %s", g, r["path"])
			}
		}
	}
	if rows := f.run(t, "path", map[string]string{"a": "Vietnam", "b": "vietnam"}); len(rows) != 0 {
		t.Errorf("path from Vietnam to itself: %v", rows)
	}
}

func (f *fixture) byYearAndStatus(t *testing.T) {
	total := count(t, "MATCH (:Actor)-[r]->(:Actor) WHERE type(r) IN "+defenceTypes+" RETURN count(r) AS n")
	if total == 0 {
		t.Fatal("no defence relationships loaded")
	}
	sum := 0
	years := f.run(t, "by-year", nil)
	for _, r := range years {
		sum += atoi(t, r["relationships"])
		if y := r["year"]; y != "unknown" && (len(y) != 4 || y < "1945" || y > "2100") {
			t.Errorf("year %q", y)
		}
	}
	if sum != total {
		t.Errorf("by-year counts %d relationships, the graph has %d", sum, total)
	}
	if len(find(years, map[string]string{"year": "2006", "dated_by": "since", "type": "MEMBER_OF"})) != 1 {
		t.Errorf("Vietnam's ADMM membership since 2006 missing:\n%v", years)
	}

	sum = 0
	for _, r := range f.run(t, "status", nil) {
		e, p, n := atoi(t, r["established"]), atoi(t, r["planned"]), atoi(t, r["total"])
		if e+p != n {
			t.Errorf("%s: %d + %d != %d", r["type"], e, p, n)
		}
		sum += n
	}
	if sum != total {
		t.Errorf("status counts %d relationships, the graph has %d", sum, total)
	}
	hot := find(f.run(t, "status", map[string]string{"actor": "Philippines"}), map[string]string{"type": "HOTLINE"})
	want := count(t, "MATCH (:Actor {id: 'philippines'})-[r:HOTLINE]-() RETURN count(r) AS n")
	if want > 0 && (len(hot) != 1 || atoi(t, hot[0]["total"]) != want) {
		t.Errorf("Philippines hotlines %v, want %d", hot, want)
	}
}

func (f *fixture) actor(t *testing.T) {
	rows := f.run(t, "actor", map[string]string{"name": "VIETNAM"})
	if len(rows) != 1 {
		t.Fatalf("actor VIETNAM: %d rows", len(rows))
	}
	r := rows[0]
	mentions := count(t, "MATCH (a:Article)-[:MENTIONS]->(:Actor {id: 'vietnam'}) RETURN count(a) AS n")
	if r["id"] != "vietnam" || r["kind"] != "Country" || atoi(t, r["articles"]) != mentions || mentions == 0 {
		t.Errorf("actor VIETNAM = %v (articles want %d)", r, mentions)
	}
	navy := f.run(t, "actor", map[string]string{"name": "Vietnam People's Navy"})
	if len(navy) != 1 || navy[0]["kind"] != "Agency" || navy[0]["country"] != "Vietnam" {
		t.Errorf("actor Vietnam People's Navy = %v", navy)
	}
}

// injection passes Cypher-looking text as parameters: it must
// match nothing and change nothing, because it only ever reaches Neo4j as a
// parameter value (and reports run in read transactions anyway).
func (f *fixture) injection(t *testing.T) {
	const evil = `x'}) MATCH (n) DETACH DELETE n; //"{`
	before := count(t, "MATCH (n) RETURN count(n) AS n")
	rels := count(t, "MATCH ()-[r]->() RETURN count(r) AS n")
	if before == 0 {
		t.Fatal("empty graph")
	}
	for _, c := range []struct {
		report string
		params map[string]string
	}{
		{"actor", map[string]string{"name": evil}},
		{"partners", map[string]string{"country": evil}},
		{"memberships", map[string]string{"actor": evil}},
		{"hotlines", map[string]string{"actor": evil}},
		{"between", map[string]string{"a": evil, "b": "Vietnam"}},
		{"path", map[string]string{"a": "Vietnam", "b": evil}},
	} {
		if rows := f.run(t, c.report, c.params); len(rows) != 0 {
			t.Errorf("%s with %v returned %d rows", c.report, c.params, len(rows))
		}
	}
	if after := count(t, "MATCH (n) RETURN count(n) AS n"); after != before {
		t.Errorf("node count changed from %d to %d", before, after)
	}
	if after := count(t, "MATCH ()-[r]->() RETURN count(r) AS n"); after != rels {
		t.Errorf("relationship count changed from %d to %d", rels, after)
	}
}
