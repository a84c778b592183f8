package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/contract"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// extractOptions are the extract command's settings, parsed from flags
// apart from running so they can be checked without I/O.
type extractOptions struct {
	Format   string   // "json" (the contract, default) or "table"
	Lexicons []string // YAML files layered over the embedded lexicon, in order
	Workers  int      // articles extracted at once; default runtime.NumCPU()
	Paths    []string // article files and folders
}

// extractFormats are the values --format accepts.
var extractFormats = []string{"json", "table"}

func extractCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "extract actors and defence relationships from articles",
		ArgsUsage: "PATH...",
		Description: "Reads articles (.txt or .md files, or folders of them, searched recursively) and prints\n" +
			"what they state: --format json prints the extract contract (one JSON object:\n" +
			"articles, entities, relations); --format table a view per article.\n" +
			"An article's title, date and source come from YAML front matter (title, date, source,\n" +
			"url between \"---\" lines) or are inferred from the text.\n" +
			"A file that cannot be read is reported on stderr and the others are still extracted;\n" +
			"the exit status is then 1.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json",
				Usage: "output `FORMAT`: " + strings.Join(extractFormats, " or ")},
			&cli.StringSliceFlag{Name: "lexicon", Aliases: []string{"l"},
				Usage: "YAML lexicon `FILE` layered over the built-in one (repeatable)"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"w"}, Value: runtime.NumCPU(), DefaultText: "number of CPUs",
				Usage: "extract `N` articles in parallel (output order does not change)"},
		},
		Action: func(c *cli.Context) error {
			opts, err := parseExtractOptions(c)
			if err != nil {
				return err
			}
			return runExtract(c.Context, io, opts)
		},
	}
}

func parseExtractOptions(c *cli.Context) (extractOptions, error) {
	opts := extractOptions{
		Format:   strings.ToLower(c.String("format")),
		Lexicons: c.StringSlice("lexicon"),
		Workers:  c.Int("workers"),
		Paths:    c.Args().Slice(),
	}
	return opts, opts.validate()
}

func (o extractOptions) validate() error {
	known := false
	for _, f := range extractFormats {
		known = known || o.Format == f
	}
	switch {
	case !known:
		return usageError{fmt.Errorf("extract: unknown --format %q (want %s)", o.Format, strings.Join(extractFormats, " or "))}
	case o.Workers < 1:
		return usageError{fmt.Errorf("extract: --workers must be at least 1, not %d", o.Workers)}
	case len(o.Paths) == 0:
		return usageError{fmt.Errorf("extract: no PATH given (article files or folders)")}
	}
	return nil
}

// runExtract reads, extracts and prints the articles under opts.Paths.
// Every input problem is printed on io.Err as it is met; when there was
// any, a summary follows and errSilent makes the exit status 1 after the
// good articles have been printed.
func runExtract(ctx context.Context, io streams, opts extractOptions) error {
	files, pathErrs := article.Files(opts.Paths)
	for _, err := range pathErrs {
		fmt.Fprintf(io.Err, "relgraph: %v\n", err)
	}
	lex, err := lexicon.Load(opts.Lexicons...)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	report := func(err error) { fmt.Fprintf(io.Err, "relgraph: %v\n", err) }
	var read int
	var failed []string
	switch opts.Format {
	case "table":
		var x model.Extraction
		x, failed, err = extractAll(ctx, extract.New(lex), files, opts.Workers, report)
		if err != nil {
			return err
		}
		read = len(x.Articles)
		if err = writeTable(io.Out, x); err != nil {
			err = fmt.Errorf("write output: %w", err)
		}
	default:
		read, failed, err = streamJSON(ctx, io.Out, extract.New(lex), files, opts.Workers, report)
	}
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	for i := len(pathErrs) - 1; i >= 0; i-- { // in the order they were printed
		failed = append([]string{errorPath(pathErrs[i])}, failed...)
	}
	if len(failed) == 0 {
		return nil
	}
	fmt.Fprintf(io.Err, "extract: %d %s read, %d failed: %s\n",
		read, plural(read, "article", "articles"), len(failed), strings.Join(failed, ", "))
	return errSilent
}

// extractAll reads and extracts files (see extractEach) and merges the
// results into one sorted extraction.
func extractAll(ctx context.Context, ex *extract.Extractor, files []string, workers int,
	report func(error)) (x model.Extraction, failed []string, err error) {
	x = model.Extraction{Articles: []model.ArticleRef{}, Entities: []model.Entity{}, Relations: []model.Relation{}}
	failed, err = extractEach(ctx, ex, files, workers, report, func(r model.Extraction) error {
		x.Merge(r)
		return nil
	})
	if err != nil {
		return x, failed, err
	}
	x.Sort()
	return x, failed, nil
}

// streamJSON writes the contract object for files to out without holding
// the extractions (contract.Writer spools relation rows to a temporary
// file). It returns how many articles were read and the files that failed.
func streamJSON(ctx context.Context, out io.Writer, ex *extract.Extractor, files []string, workers int,
	report func(error)) (read int, failed []string, err error) {
	w := contract.NewWriter("")
	defer w.Close()
	failed, err = extractEach(ctx, ex, files, workers, report, func(x model.Extraction) error {
		read += len(x.Articles)
		return w.Add(x)
	})
	if err != nil {
		return read, failed, err
	}
	if err := w.Finish(out); err != nil {
		return read, failed, fmt.Errorf("write output: %w", err)
	}
	return read, failed, nil
}

// extractReader reads articles for extraction, which never uses their
// hash (extract and export output no hash): skipping the SHA-256 saves
// about a quarter of parsing.
var extractReader = article.Reader{NoHash: true}

// result is one article's outcome, small enough to keep until its turn.
type result struct {
	index int
	path  string
	x     model.Extraction
	err   error
}

// extractEach reads and extracts files with workers goroutines and passes
// each article's extraction to sink in file order, so output does not
// depend on scheduling. A worker takes a span of files (batchSpan), reads
// them ahead in batches (article.Reader.Batches: much faster than a file at a
// time) and extracts them; an article's text is dropped once it is
// extracted. At most about 2×workers spans are in flight. Each file that
// fails is passed to report (in file order) and its path returned in
// failed. An error from sink stops the work and is returned.
func extractEach(ctx context.Context, ex *extract.Extractor, files []string, workers int,
	report func(error), sink func(model.Extraction) error) (failed []string, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	span := batchSpan(len(files), workers)
	jobs := make(chan int, workers) // the first file of each span
	results := make(chan []result, workers)
	go func() {
		defer close(jobs)
		for lo := 0; lo < len(files); lo += span {
			select {
			case jobs <- lo:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range jobs {
				hi := min(lo+span, len(files))
				for first, batch := range extractReader.Batches(files[lo:hi], article.BatchBytes) {
					rs := make([]result, len(batch))
					for k, b := range batch {
						i := lo + first + k
						rs[k] = result{index: i, path: files[i], err: b.Err}
						if b.Err == nil {
							rs[k].x = ex.Extract(b.Article)
						}
						batch[k] = article.Read{}
					}
					select {
					case results <- rs:
					case <-ctx.Done():
						return
					}
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	byID := map[string]string{} // article id -> path, to refuse a second file with the same id
	pending := map[int]result{}
	next := 0
	for rs := range results {
		for _, r := range rs {
			pending[r.index] = r
		}
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if r.err == nil {
				r.err = checkUniqueIDs(byID, r)
			}
			if r.err != nil {
				report(r.err)
				failed = append(failed, r.path)
				continue
			}
			if err := sink(r.x); err != nil {
				cancel()
				for range results { // let the workers finish
				}
				return failed, err
			}
		}
	}
	return failed, ctx.Err()
}

// batchSpan is how many files a worker of extractEach takes at a time:
// article.BatchFiles, or fewer so that a small corpus still gives every
// worker a few spans.
func batchSpan(files, workers int) int {
	return max(1, min(article.BatchFiles, files/(4*workers)))
}

// checkUniqueIDs refuses an article whose id (its file name without
// extension) an earlier file already has: relations are keyed by article id.
func checkUniqueIDs(byID map[string]string, r result) error {
	for _, a := range r.x.Articles {
		if prev, ok := byID[a.ID]; ok {
			return model.Errorf(model.EInvalid, "%s: article id %q is already the id of %s", r.path, a.ID, prev)
		}
		byID[a.ID] = r.path
	}
	return nil
}

// evidenceWidth is how much of an evidence sentence the table shows.
const evidenceWidth = 72

// writeTable prints the relations of each article (type, from and to by
// name, status, since, a shortened evidence sentence) and a summary line.
func writeTable(w io.Writer, x model.Extraction) error {
	names := make(map[string]string, len(x.Entities))
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	name := func(id string) string {
		if n := names[id]; n != "" {
			return n
		}
		return id
	}
	byArticle := map[string][]model.Relation{}
	established := 0
	for _, r := range x.Relations {
		byArticle[r.Article] = append(byArticle[r.Article], r)
		if r.Status == model.Established {
			established++
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, a := range x.Articles {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\n", articleHeading(a))
		rels := byArticle[a.ID]
		if len(rels) == 0 {
			fmt.Fprintln(tw, "  (no relations)")
			continue
		}
		fmt.Fprintln(tw, "  TYPE\tFROM\tTO\tSTATUS\tSINCE\tEVIDENCE")
		for _, r := range rels {
			since := r.Since
			if since == "" {
				since = "-"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n",
				r.Type, name(r.From), name(r.To), r.Status, since, shorten(r.Sentence, evidenceWidth))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d %s, %d %s (%d established, %d planned), %d %s\n",
		len(x.Articles), plural(len(x.Articles), "article", "articles"),
		len(x.Relations), plural(len(x.Relations), "relation", "relations"),
		established, len(x.Relations)-established,
		len(x.Entities), plural(len(x.Entities), "entity", "entities"))
	return err
}

func articleHeading(a model.ArticleRef) string {
	h := "== " + a.ID
	if a.Title != "" {
		h += ": " + a.Title
	}
	if a.Date != "" {
		h += " (" + a.Date + ")"
	}
	return h
}

// shorten collapses white space and cuts s to at most n runes, marking a
// cut with "…".
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// errorPath returns the path an error of article.Files names: its
// messages start with "PATH: ".
func errorPath(err error) string {
	p, _, _ := strings.Cut(err.Error(), ": ")
	return p
}
