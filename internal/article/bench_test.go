package article

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/relgraph/relgraph/internal/cputime"
)

// BenchmarkParse measures reading the seeds' bytes into articles (checks,
// hash, front matter, inference).
func BenchmarkParse(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	var docs [][]byte
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	for b.Loop() {
		for i, d := range docs {
			if _, err := Parse(paths[i], d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadFileTooLarge shows that a 50 MB file is refused from its
// size alone: the time per op is a few system calls, not a 50 MB read.
func BenchmarkReadFileTooLarge(b *testing.B) {
	p := filepath.Join(b.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for b.Loop() {
		if _, err := ReadFile(p); err == nil {
			b.Fatal("50 MB file accepted")
		}
	}
}

// BenchmarkParseGenerated parses 1000 generated articles from memory: the
// read stage of relgraph extract without its system calls. One op is the
// whole corpus.
func BenchmarkParseGenerated(b *testing.B) {
	files, sum := generatedFiles(b)
	docs := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if docs[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	r := Reader{NoHash: true}
	b.SetBytes(sum.Bytes)
	cpu0 := cputime.Process()
	for b.Loop() {
		for i, d := range docs {
			if _, err := r.Parse(files[i], d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportPerFile(b, len(files), sum.Bytes, cputime.Process()-cpu0)
}

// BenchmarkInferGenerated infers the metadata of 1000 generated articles
// (their bodies, without front matter): the part of parsing that reads the
// text rather than checks it. One op is the whole corpus.
func BenchmarkInferGenerated(b *testing.B) {
	files, sum := generatedFiles(b)
	bodies := make([]string, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, bodies[i], _, _ = splitFrontMatter(string(data))
	}
	b.SetBytes(sum.Bytes)
	cpu0 := cputime.Process()
	for b.Loop() {
		for _, body := range bodies {
			Infer(body)
		}
	}
	reportPerFile(b, len(files), sum.Bytes, cputime.Process()-cpu0)
}
