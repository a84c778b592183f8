// Package bench holds benchmark-only code: streaming extraction over a
// corpus on disk (the one-core throughput figure of scripts/bench), the Go
// benchmarks of the extractor on generated articles, and synthetic graphs
// for the render benchmarks. Nothing in relgraph itself imports it.
package bench

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/cputime"
	"github.com/relgraph/relgraph/internal/model"
)

// Extractor is what ExtractFiles runs on each article (*extract.Extractor).
type Extractor interface {
	Extract(a model.Article) model.Extraction
}

// ExtractStats are the figures of one pass over a corpus.
type ExtractStats struct {
	Articles  int
	Failed    int   // files that could not be read
	Bytes     int64 // article text bytes extracted
	Relations int
	Elapsed   time.Duration
	CPU       time.Duration // user+system time of the process during the pass
	// Reading (open, read, parse) and extracting, summed over workers, by
	// the monotonic clock around each call: with one worker they split
	// Elapsed, and their ratio splits CPU between the two stages.
	ReadTime, ExtractTime time.Duration
}

// ExtractShare is the extractor's share of the pass (ExtractTime over
// ReadTime+ExtractTime).
func (s ExtractStats) ExtractShare() float64 {
	if t := s.ReadTime + s.ExtractTime; t > 0 {
		return s.ExtractTime.Seconds() / t.Seconds()
	}
	return 0
}

// ExtractMBpsCPU is the extractor's own throughput per CPU-second: the
// text over the CPU time apportioned to extraction by ExtractShare, the
// figure of extraction without the file system.
func (s ExtractStats) ExtractMBpsCPU() float64 {
	return float64(s.Bytes) / 1e6 / (s.CPU.Seconds() * s.ExtractShare())
}

// MBpsCPU is the throughput per second of CPU time: the figure to trust
// when the machine is shared and wall-clock time includes waiting for a core.
func (s ExtractStats) MBpsCPU() float64 { return float64(s.Bytes) / 1e6 / s.CPU.Seconds() }

// MBps is the throughput in megabytes (10^6 bytes) of text per second.
func (s ExtractStats) MBps() float64 { return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds() }

// ArticlesPerSec is the throughput in articles per second.
func (s ExtractStats) ArticlesPerSec() float64 { return float64(s.Articles) / s.Elapsed.Seconds() }

// MicrosPerArticle is the cost of one article.
func (s ExtractStats) MicrosPerArticle() float64 {
	return float64(s.Elapsed.Microseconds()) / float64(s.Articles)
}

// ExtractFiles reads the files as relgraph extract does (article.Reader
// with NoHash, in batches: Reader.Batches) and extracts them with ex on workers
// goroutines (default 1), keeping only counts: memory stays bounded
// whatever the corpus size, which is what the benchmark shows.
func ExtractFiles(ctx context.Context, files []string, ex Extractor, workers int) (ExtractStats, error) {
	if workers < 1 {
		workers = 1
	}
	var (
		next                    atomic.Int64
		articles, failed, nrels atomic.Int64
		nbytes                  atomic.Int64
		readNs, extractNs       atomic.Int64
		wg                      sync.WaitGroup
	)
	reader := article.Reader{NoHash: true}
	start, cpu0 := time.Now(), cputime.Process()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var read, extract time.Duration
			defer func() { readNs.Add(int64(read)); extractNs.Add(int64(extract)) }()
			for {
				lo := int(next.Add(article.BatchFiles)) - article.BatchFiles
				if lo >= len(files) || ctx.Err() != nil {
					return
				}
				t0 := time.Now() // the batch is read between t0 and the body's start
				for _, batch := range reader.Batches(files[lo:min(lo+article.BatchFiles, len(files))], article.BatchBytes) {
					t1 := time.Now()
					read += t1.Sub(t0)
					for i := range batch {
						if batch[i].Err != nil {
							failed.Add(1)
							continue
						}
						x := ex.Extract(batch[i].Article)
						articles.Add(1)
						nbytes.Add(int64(len(batch[i].Article.Text)))
						nrels.Add(int64(len(x.Relations)))
						batch[i] = article.Read{} // the text is not held past its extraction
					}
					t0 = time.Now()
					extract += t0.Sub(t1)
				}
			}
		}()
	}
	wg.Wait()
	st := ExtractStats{
		Articles:    int(articles.Load()),
		Failed:      int(failed.Load()),
		Bytes:       nbytes.Load(),
		Relations:   int(nrels.Load()),
		Elapsed:     time.Since(start),
		CPU:         cputime.Process() - cpu0,
		ReadTime:    time.Duration(readNs.Load()),
		ExtractTime: time.Duration(extractNs.Load()),
	}
	return st, ctx.Err()
}
