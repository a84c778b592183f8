package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/gen"
	"github.com/relgraph/relgraph/internal/lexicon"
)

// pipelineDocs is the corpus of the pipeline benchmark: 300 generated
// articles (internal/gen, seed 1, about 1 MB), written as files and read
// back, so the bytes are those `relgraph gen` writes.
func pipelineDocs(b *testing.B) (paths []string, docs [][]byte, size int) {
	b.Helper()
	dir := b.TempDir()
	for i := range 300 {
		d := gen.Generate(1, i)
		p := filepath.Join(dir, d.ID+".txt")
		if err := os.WriteFile(p, []byte(d.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
		docs = append(docs, data)
		size += len(data)
	}
	return paths, docs, size
}

// BenchmarkPipeline measures the streaming pipeline on one core: each
// generated file's bytes are parsed (checks, hash, metadata inference:
// article.Parse) and extracted, article after article, as `relgraph
// extract --workers 1` does minus the file system and the JSON output. The
// throughput counts the files' bytes. Run with GOMAXPROCS=1 (-cpu 1) for
// the one-core figure; MB/cpu-s is the figure to compare on a busy machine.
func BenchmarkPipeline(b *testing.B) {
	paths, docs, size := pipelineDocs(b)
	e := New(lexicon.MustDefault())
	measureCPU(b, size, func() {
		for j, d := range docs {
			a, err := article.Parse(paths[j], d)
			if err != nil {
				b.Fatal(err)
			}
			e.Extract(a)
		}
	})
}

// BenchmarkPipelineParse measures the parse stage of BenchmarkPipeline on
// its own (same files), so the two stages' shares can be told apart.
func BenchmarkPipelineParse(b *testing.B) {
	paths, docs, size := pipelineDocs(b)
	measureCPU(b, size, func() {
		for j, d := range docs {
			if _, err := article.Parse(paths[j], d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
