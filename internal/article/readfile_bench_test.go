package article

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/relgraph/relgraph/internal/cputime"
	"github.com/relgraph/relgraph/internal/gen"
)

// BenchmarkReadFile reads and parses 1000 generated articles from disk
// (page cache): system calls, checks, inference and, unless NoHash, the
// hash. One op is the whole corpus; cpu-us/file and MB/cpu-s are the figures to
// compare with the 60 µs of CPU a 3 KB article has at 50 MB/s.
func BenchmarkReadFile(b *testing.B) {
	files, sum := generatedFiles(b)
	for _, bc := range []struct {
		name string
		r    Reader
	}{
		{"hash", Reader{}},
		{"nohash", Reader{NoHash: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(sum.Bytes)
			cpu0 := cputime.Process()
			for b.Loop() {
				for _, f := range files {
					if _, err := bc.r.ReadFile(f); err != nil {
						b.Fatal(err)
					}
				}
			}
			reportPerFile(b, len(files), sum.Bytes, cputime.Process()-cpu0)
		})
	}
}

// BenchmarkReadBatch reads the same 1000 articles as BenchmarkReadFile
// (nohash) with ReadBatch, which opens each batch's files relative to
// their folder, next to ReadFile one by one, which opens every path whole.
func BenchmarkReadBatch(b *testing.B) {
	files, sum := generatedFiles(b)
	r := Reader{NoHash: true}
	b.Run("batches", func(b *testing.B) {
		b.SetBytes(sum.Bytes)
		cpu0 := cputime.Process()
		for b.Loop() {
			for _, batch := range r.Batches(files, BatchBytes) {
				for _, rd := range batch {
					if rd.Err != nil {
						b.Fatal(rd.Err)
					}
				}
			}
		}
		reportPerFile(b, len(files), sum.Bytes, cputime.Process()-cpu0)
	})
	b.Run("one-by-one", func(b *testing.B) {
		b.SetBytes(sum.Bytes)
		cpu0 := cputime.Process()
		for b.Loop() {
			for _, f := range files {
				if _, err := r.ReadFile(f); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportPerFile(b, len(files), sum.Bytes, cputime.Process()-cpu0)
	})
}

// reportPerFile adds CPU µs per file and MB of text per CPU-second to a
// benchmark whose op reads n files of size bytes in all: on a shared
// machine CPU time holds where wall-clock time does not.
func reportPerFile(b *testing.B, n int, size int64, cpu time.Duration) {
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*n), "cpu-us/file")
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkFiles lists a folder of 1000 generated articles, as relgraph
// extract does before reading them (getdents, the walk's sort, joins, the
// final sort). One op is the whole listing; cpu-us/file is the figure.
func BenchmarkFiles(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Write(context.Background(), dir, gen.Options{Seed: 1, Count: 1000}); err != nil {
		b.Fatal(err)
	}
	root := []string{filepath.Join(dir, gen.ArticlesDir)}
	cpu0 := cputime.Process()
	n := 0
	for b.Loop() {
		files, errs := Files(root)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		n = len(files)
	}
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(b.N*n), "cpu-us/file")
	}
}

// generatedFiles writes 1000 generated articles (seed 1) to a temporary
// folder and returns their paths and the generator's summary.
func generatedFiles(b *testing.B) ([]string, gen.Summary) {
	dir := b.TempDir()
	sum, err := gen.Write(context.Background(), dir, gen.Options{Seed: 1, Count: 1000})
	if err != nil {
		b.Fatal(err)
	}
	files, errs := Files([]string{filepath.Join(dir, gen.ArticlesDir)})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	return files, sum
}
