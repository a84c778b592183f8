package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/cputime"
	"github.com/relgraph/relgraph/internal/extract/aho"
	"github.com/relgraph/relgraph/internal/gen"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// BenchmarkExtract measures extraction throughput over the seeds (one
// core, streaming article after article).
func BenchmarkExtract(b *testing.B) {
	benchExtract(b, readSeeds(b))
}

// benchExtract extracts arts one after another per iteration, counting
// their text as the bytes processed.
func benchExtract(b *testing.B, arts []model.Article) {
	b.Helper()
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	e := New(lexicon.MustDefault())
	measureCPU(b, size, func() {
		for _, a := range arts {
			e.Extract(a)
		}
	})
}

// measureCPU runs pass (one pass over size bytes) b.N times and reports
// MB/s, allocations and MB/cpu-s.
func measureCPU(b *testing.B, size int, pass func()) {
	b.Helper()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		pass()
	}
	reportCPU(b, size, c0)
}

// reportCPU adds the metric MB/cpu-s: megabytes of text per second of the
// process's CPU time since c0. On a shared machine it is the figure to
// compare (with GOMAXPROCS=1 it is one core's throughput); MB/s counts
// wall-clock time, waiting for a core included.
func reportCPU(b *testing.B, size int, c0 time.Duration) {
	b.Helper()
	if c0 == 0 {
		return
	}
	if cpu := cputime.Process() - c0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkExtractGenerated measures throughput over 300 generated
// articles (internal/gen, seed 1: about 1 MB in the seeds' style, with
// scraped text missing spaces), one core, article after article. Run with
// GOMAXPROCS=1 for the one-core figure.
func BenchmarkExtractGenerated(b *testing.B) {
	benchExtract(b, generated(b, 300))
}

// BenchmarkParts measures the linear stages on their own: the folded view,
// sentence splitting, finding the phrases (find), the automaton's scan
// alone (with the hits it reports per text byte), and the whole scanning
// stage of an extraction (getDoc and mentions: view, sentences, phrases,
// mentions), over the seeds and over generated articles.
func BenchmarkParts(b *testing.B) {
	corpora := []struct {
		name string
		arts []model.Article
	}{{"seeds", readSeeds(b)}, {"gen", generated(b, 100)}}
	for _, c := range corpora {
		b.Run(c.name, func(b *testing.B) { benchParts(b, c.arts) })
	}
}

func benchParts(b *testing.B, arts []model.Article) {
	e := testExtractor
	size := 0
	views := make([]view, len(arts))
	for i, a := range arts {
		size += len(a.Text)
		views[i] = newView(a.Text)
	}
	hits := 0 // reported by the automaton
	run := func(name string, f func(a model.Article, v *view)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			c0 := cputime.Process()
			for b.Loop() {
				for i, a := range arts {
					f(a, &views[i])
				}
			}
			reportCPU(b, size, c0)
			if hits > 0 {
				b.ReportMetric(float64(hits)/float64(b.N)/float64(size), "hits/byte")
				hits = 0
			}
		})
	}
	var w view
	run("view", func(a model.Article, _ *view) { w.build(a.Text) }) // buffers reused, as Extract does
	var sents []sentence
	run("split", func(a model.Article, _ *view) { sents = appendSentences(sents, a.Text, true) })
	var ec, cc []hit
	var pool []payload
	var fs findScratch
	run("phrases", func(a model.Article, v *view) {
		ec, cc, pool = e.phrases.find(v, a.Text, ec[:0], cc[:0], pool[:0], &fs) // buffers reused, as Extract does
	})
	var ms []aho.Match
	var sc aho.Scratch
	run("automaton", func(_ model.Article, v *view) {
		ms = e.phrases.ac.AppendByStart(ms[:0], v.b, &sc)
		hits += len(ms)
	})
	run("scan", func(a model.Article, _ *view) {
		d := e.getDoc(a)
		d.mentions()
		e.putDoc(d)
	})
}

// generated returns n generated articles (internal/gen, seed 1), parsed.
func generated(b *testing.B, n int) []model.Article {
	arts := make([]model.Article, n)
	for i := range arts {
		d := gen.Generate(1, i)
		a, err := article.Parse(d.ID+".txt", []byte(d.Text))
		if err != nil {
			b.Fatal(err)
		}
		arts[i] = a
	}
	return arts
}

// BenchmarkRunOnText measures a 160 KB "sentence" dense with actors and
// triggers (text without full stops): throughput must stay that of normal
// text, since the rules look only within a bounded reach of each trigger.
func BenchmarkRunOnText(b *testing.B) {
	text := strings.Repeat("Vietnam and Laos boost defence cooperation with the Thai navy and the two countries, ", 2000)
	a := model.Article{ID: "run-on", Text: text}
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		testExtractor.Extract(a)
	}
}

// BenchmarkRules measures the rule stage on its own: the relations of
// every sentence and the result, over 100 generated articles scanned
// beforehand (view, sentences, mentions, kinds, salience), each time with the
// rules' memos cleared as a new extraction has them.
func BenchmarkRules(b *testing.B) {
	arts := generated(b, 100)
	docs := make([]*doc, len(arts))
	size := 0
	for i, a := range arts {
		d := testExtractor.getDoc(a) // not put back: each keeps its own state
		d.mentions()
		d.salience()
		d.resolveGenerics()
		docs[i] = d
		size += len(a.Text)
	}
	measureCPU(b, size, func() {
		for _, d := range docs {
			d.forgetRules()
			for si := range d.sents {
				d.sentenceRelations(si)
			}
			d.result()
		}
	})
}

// forgetRules clears what the rules and result found or memoised in d,
// leaving what getDoc and mentions made.
func (d *doc) forgetRules() {
	n := len(d.sents)
	d.marked = resetSlice(d.marked, n)
	d.stext = resetSlice(d.stext, n)
	d.years = resetSlice(d.years, n)
	d.enum = nil
	d.pair = [2]arg{}
	d.relv, d.relIDs = d.relv[:0], d.relIDs[:0]
	clear(d.rels)
	d.partOf = d.partOf[:0]
}
