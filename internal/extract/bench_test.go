package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/internal/article"
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
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			e.Extract(a)
		}
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
	if cpu := cpuTime() - c0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkExtractGenerated measures throughput over 300 generated
// articles (internal/gen, seed 1: about 1 MB in the seeds' style, with
// scraped text missing spaces), one core, article after article. Run with
// GOMAXPROCS=1 for the one-core figure.
func BenchmarkExtractGenerated(b *testing.B) {
	arts := make([]model.Article, 300)
	for i := range arts {
		d := gen.Generate(1, i)
		a, err := article.Parse(d.ID+".txt", []byte(d.Text))
		if err != nil {
			b.Fatal(err)
		}
		arts[i] = a
	}
	benchExtract(b, arts)
}

// BenchmarkParts measures the linear stages on their own: the folded view,
// sentence splitting, finding the phrases (find) and the automaton's scan
// alone (with the hits it reports per view byte).

func BenchmarkParts(b *testing.B) {
	seeds := readSeeds(b)
	text := ""
	for _, a := range seeds {
		text += a.Text
	}
	e := testExtractor
	v := newView(text)
	b.Run("view", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		var w view
		for i := 0; i < b.N; i++ {
			w.build(text) // buffers reused, as Extract does
		}
	})
	b.Run("split", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for i := 0; i < b.N; i++ {
			splitSentences(text)
		}
	})
	b.Run("phrases", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		var ec, cc []hit
		var pool []payload
		var hs hitSorter
		for i := 0; i < b.N; i++ {
			ec, cc, pool = e.phrases.find(&v, text, ec[:0], cc[:0], pool[:0], &hs) // buffers reused, as Extract does
		}
	})
	b.Run("automaton", func(b *testing.B) {
		b.SetBytes(int64(len(v.b)))
		ws := aho.WordStarts{Word: &foldedWordBytes, InWord: e.phrases.anyStart}
		n := 0
		for i := 0; i < b.N; i++ {
			e.phrases.ac.EachAnyWordStart(v.b, ws, func(p, s, e int) bool { n++; return true })
		}
		b.ReportMetric(float64(n)/float64(b.N)/float64(len(v.b)), "hits/byte")
	})
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
