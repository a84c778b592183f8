package extract

import (
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// BenchmarkExtract measures extraction throughput over the seeds (one
// core, streaming article after article).
func BenchmarkExtract(b *testing.B) {
	seeds := readSeeds(b)
	size := 0
	for _, a := range seeds {
		size += len(a.Text)
	}
	e := New(lexicon.MustDefault())
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range seeds {
			e.Extract(a)
		}
	}
}

// BenchmarkParts measures the linear stages on their own: the folded view,
// sentence splitting and the phrase automaton.

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
		for i := 0; i < b.N; i++ {
			newView(text)
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
		for i := 0; i < b.N; i++ {
			e.phrases.find(&v, text)
		}
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
