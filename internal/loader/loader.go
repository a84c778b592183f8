// Package loader orchestrates a load: read articles, skip the ones Neo4j
// already holds unchanged, extract the others in parallel, and write them in
// batches of whole articles, reporting progress and a summary. A bad article
// is named and skipped; the others are still loaded.
package loader

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/store"
)

// Extractor turns one article into its facts (*extract.Extractor). It must
// be safe for concurrent use.
type Extractor interface {
	Extract(a model.Article) model.Extraction
}

// DefaultBatchSize is how many whole articles one transaction writes.
// Each batch rewrites the per-article lists of every relationship it
// touches, and hub relationships (a country and ASEAN, ...) carry an entry
// per article that ever stated them, so a load's cost grows with its number
// of batches more than with their size. Measured on 10k generated articles
// (docs/BENCHMARKS.md): 500 articles per batch 45 s, 1000 30 s, 2000 17 s,
// 5000 11 s, 10000 10 s; 5000 holds some tens of MB of parameters and
// transaction state. A batch that fails for a reason other than Neo4j being
// unavailable is retried in halves, down to the bad articles.
const DefaultBatchSize = 5000

// Options tune a load. The zero value is a real load with defaults.
type Options struct {
	// Workers is the number of goroutines reading and extracting articles
	// (default: the number of CPUs). Writes go through one transaction at a
	// time: concurrent writers to the same relationships would only wait
	// on each other's locks.
	Workers int
	// BatchSize is the number of whole articles per transaction
	// (default: DefaultBatchSize).
	BatchSize int
	// DryRun extracts and counts what would be written, without Neo4j.
	DryRun bool
	// Force rewrites articles whose content hash is unchanged.
	Force bool
	// Progress, when set, is told about every article.
	Progress Progress
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	return o
}

// Outcome is what happened to one article.
type Outcome int

// Outcomes.
const (
	Loaded  Outcome = iota // written (or, in a dry run, would be)
	Skipped                // unchanged since it was loaded
	Failed                 // could not be read, extracted or written
)

func (o Outcome) String() string {
	return [...]string{"loaded", "skipped", "failed"}[o]
}

// Progress receives a load's progress; calls come from one goroutine.
type Progress interface {
	Start(total int)
	Step(path string, o Outcome, err error)
	Finish()
}

// Failure is an article (or path) that was not loaded, and why.
type Failure struct {
	Path string
	Err  error
}

// Summary is the result of a load.
type Summary struct {
	DryRun  bool
	Files   int // article files found
	Loaded  int
	Skipped int
	Failed  []Failure // sorted by path
	Write   store.WriteStats
	Plan    Plan // dry run: what would be written
	Elapsed time.Duration
}

// Plan counts what a dry run would write: the graph the loaded articles
// make on their own.
type Plan struct {
	Articles      int
	Nodes         map[model.Label]int
	Relationships map[model.RelType]int
	Evidence      int
}

// Load reads the articles under paths, extracts them with ex and writes
// them to st (nil for a dry run). Bad articles are listed in the summary's
// Failed; the error is for what stops the whole load: Neo4j unreachable,
// ctx cancelled.
func Load(ctx context.Context, paths []string, ex Extractor, st *store.Store, opt Options) (sum Summary, err error) {
	start := time.Now()
	opt = opt.withDefaults()
	sum.DryRun = opt.DryRun
	if !opt.DryRun && st == nil {
		return sum, errors.New("load: no store for a real load")
	}
	defer func() {
		sort.SliceStable(sum.Failed, func(i, j int) bool { return sum.Failed[i].Path < sum.Failed[j].Path })
		sum.Elapsed = time.Since(start)
	}()
	files, errs := article.Files(paths)
	for _, err := range errs {
		sum.Failed = append(sum.Failed, Failure{Err: err})
	}
	sum.Files = len(files)
	progress := opt.Progress
	if progress == nil {
		progress = nopProgress{}
	}
	progress.Start(len(files))
	defer progress.Finish()
	fail := func(path string, err error) {
		sum.Failed = append(sum.Failed, Failure{Path: path, Err: err})
		progress.Step(path, Failed, err)
	}

	// 1. Hash every file (in parallel) while Neo4j is asked for the stored
	// hashes of their ids (the file names): an unchanged article is never
	// parsed, and a reload costs about one pass over the files. The text
	// is read again, and checked, when the article is extracted, so a load
	// never holds the corpus.
	var (
		stored    map[string]string
		storedErr error
		asked     = make(chan struct{})
	)
	if !opt.DryRun && !opt.Force && len(files) > 0 {
		go func() {
			defer close(asked)
			stored, storedErr = st.Hashes(ctx, distinctIDs(files))
		}()
	} else {
		close(asked)
	}
	hashes := make([]string, len(files))
	readErrs := make([]error, len(files))
	parallel(ctx, len(files), opt.Workers, func(i int) {
		hashes[i], readErrs[i] = article.Reader{}.HashFile(files[i])
	})
	<-asked
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if storedErr != nil {
		return sum, storedErr
	}
	var todo []model.Article
	seen := map[string]string{}
	for i, path := range files {
		id := article.ID(path)
		switch {
		case readErrs[i] != nil:
			fail(path, readErrs[i])
		case seen[id] != "":
			fail(path, model.Errorf(model.EInvalid, "%s: article id %q is also the id of %s (ids are file names without extension)", path, id, seen[id]))
		default:
			seen[id] = path
			todo = append(todo, model.Article{ID: id, Path: path, Hash: hashes[i]})
		}
	}

	// 2. Skip articles stored with the same content hash.
	if stored != nil {
		kept := todo[:0]
		for _, a := range todo {
			if h, ok := stored[a.ID]; ok && h == a.Hash && a.Hash != "" {
				sum.Skipped++
				progress.Step(a.Path, Skipped, nil)
				continue
			}
			kept = append(kept, a)
		}
		todo = kept
	}

	// 3. Extract in parallel; write batches of whole articles as they come.
	type extracted struct {
		item store.Item
		err  error
	}
	results := make(chan extracted, opt.BatchSize)
	xctx, stopExtracting := context.WithCancel(ctx)
	defer stopExtracting()
	go func() {
		parallel(xctx, len(todo), opt.Workers, func(i int) {
			// A file changed since step 1 is loaded as it is now, with
			// the hash of what was extracted.
			a, err := article.ReadFile(todo[i].Path)
			it := store.Item{Article: a}
			if err != nil {
				it.Article = todo[i]
			} else {
				err = extractInto(ex, &it)
			}
			results <- extracted{it, err}
		})
		close(results)
	}()
	var plan extractionPlan
	w := writer{st: st, dry: opt.DryRun, plan: &plan, sum: &sum, progress: progress}
	var batch []store.Item
	var fatal error
	for r := range results {
		switch {
		case fatal != nil:
			// Drain what the workers already started.
		case r.err != nil:
			fail(r.item.Article.Path, r.err)
		default:
			batch = append(batch, r.item)
			if len(batch) >= opt.BatchSize {
				fatal = w.flush(ctx, batch, fail)
				batch = nil
				if fatal != nil {
					stopExtracting()
				}
			}
		}
	}
	if fatal == nil && len(batch) > 0 {
		fatal = w.flush(ctx, batch, fail)
	}
	if fatal == nil {
		fatal = ctx.Err()
	}
	if opt.DryRun {
		sum.Plan = plan.count()
	}
	return sum, fatal
}

// distinctIDs returns the article ids of files, each once.
func distinctIDs(files []string) []string {
	ids := make([]string, 0, len(files))
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		if id := article.ID(f); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}

// extractInto runs the extractor on it.Article, turning a panic into the
// article's failure (one bad article must not stop the load), and checks
// the result is writable.
func extractInto(ex Extractor, it *store.Item) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf(model.EInternal, "%s: extraction failed: %v", it.Article.Path, r)
		}
	}()
	it.Extraction = ex.Extract(it.Article)
	return it.Validate()
}

// writer writes batches, or plans them in a dry run.
type writer struct {
	st       *store.Store
	dry      bool
	plan     *extractionPlan
	sum      *Summary
	progress Progress
}

// flush writes batch in one transaction. If that fails for a reason other
// than Neo4j being unavailable, the halves are tried separately, down to
// single articles, so that only the bad ones fail. The returned error stops the load.
func (w *writer) flush(ctx context.Context, batch []store.Item, fail func(string, error)) error {
	if w.dry {
		for _, it := range batch {
			w.plan.add(it)
			w.sum.Loaded++
			w.progress.Step(it.Article.Path, Loaded, nil)
		}
		return nil
	}
	st, err := w.st.Write(ctx, batch)
	if err == nil {
		w.sum.Write.Add(st)
		for _, it := range batch {
			w.sum.Loaded++
			w.progress.Step(it.Article.Path, Loaded, nil)
		}
		return nil
	}
	if stop(ctx, err) {
		// The connection may have dropped during the commit itself, so the
		// batch may or may not be stored; a rerun tells, as stored articles
		// are skipped by their hash.
		for _, it := range batch {
			fail(it.Article.Path, fmt.Errorf("%s: not confirmed written (load again: stored articles are skipped): %w", it.Article.Path, err))
		}
		return err
	}
	if len(batch) == 1 {
		fail(batch[0].Article.Path, fmt.Errorf("%s: %w", batch[0].Article.Path, err))
		return nil
	}
	// Bisect: the good halves commit in large transactions and a bad article
	// is isolated in O(log n) rounds instead of n one-article transactions,
	// which matters with batches of thousands.
	mid := len(batch) / 2
	if err := w.flush(ctx, batch[:mid], fail); err != nil {
		return err
	}
	return w.flush(ctx, batch[mid:], fail)
}

// stop reports whether err ends the whole load rather than one batch.
func stop(ctx context.Context, err error) bool {
	return ctx.Err() != nil || model.ErrorCode(err) == model.EUnavailable
}

// parallel calls f(0..n-1) on up to workers goroutines, stopping early
// when ctx is cancelled.
func parallel(ctx context.Context, n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}

type nopProgress struct{}

func (nopProgress) Start(int)                   {}
func (nopProgress) Step(string, Outcome, error) {}
func (nopProgress) Finish()                     {}

// extractionPlan merges what a dry run would write.
type extractionPlan struct {
	x model.Extraction
}

func (p *extractionPlan) add(it store.Item) {
	p.x.Merge(it.Extraction)
	if len(it.Extraction.Articles) == 0 {
		p.x.Articles = append(p.x.Articles, it.Article.Ref())
	}
}

func (p *extractionPlan) count() Plan {
	g := model.BuildGraph(p.x)
	plan := Plan{Articles: len(p.x.Articles), Nodes: map[model.Label]int{}, Relationships: map[model.RelType]int{}}
	for _, n := range g.Nodes {
		plan.Nodes[n.Label]++
	}
	for _, e := range g.Edges {
		plan.Relationships[e.Type]++
		plan.Evidence += len(e.Evidence)
	}
	return plan
}
