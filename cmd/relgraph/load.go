package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/loader"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/store"
)

// loadOptions are the load command's settings, parsed apart from running.
type loadOptions struct {
	Paths    []string
	Lexicons []string // override files for lexicon.Load
	Loader   loader.Options
}

func loadCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "extract articles and load their graph into Neo4j",
		ArgsUsage: "PATH...",
		Description: "Reads articles (files or folders), extracts actors and relationships and writes\n" +
			"them to Neo4j in transactions of whole articles. Articles whose content is\n" +
			"unchanged since they were loaded are skipped; a changed article's previous\n" +
			"facts are replaced. Applies the schema first (idempotent). A bad article is\n" +
			"named and the others are still loaded; the exit status is then 1.",
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "dry-run", Usage: "extract and report what would be written; do not contact Neo4j"},
			&cli.IntFlag{Name: "workers", Value: 0, Usage: "goroutines reading and extracting articles (0: one per CPU)"},
			&cli.IntFlag{Name: "batch-size", Value: loader.DefaultBatchSize, Usage: "whole articles per transaction"},
			&cli.StringSliceFlag{Name: "lexicon", Usage: "YAML lexicon `FILE` overriding the built-in one (repeatable)"},
			&cli.BoolFlag{Name: "force", Usage: "rewrite articles even when their content is unchanged"},
		}, neo4jFlags()...),
		Action: func(c *cli.Context) error {
			opt, err := parseLoadOptions(c)
			if err != nil {
				return err
			}
			return runLoad(c, io, opt)
		},
	}
}

func parseLoadOptions(c *cli.Context) (loadOptions, error) {
	opt := loadOptions{
		Paths:    c.Args().Slice(),
		Lexicons: c.StringSlice("lexicon"),
		Loader: loader.Options{
			Workers:   c.Int("workers"),
			BatchSize: c.Int("batch-size"),
			DryRun:    c.Bool("dry-run"),
			Force:     c.Bool("force"),
		},
	}
	switch {
	case len(opt.Paths) == 0:
		return opt, usageError{fmt.Errorf("load: give at least one article file or folder")}
	case opt.Loader.Workers < 0:
		return opt, usageError{fmt.Errorf("load: --workers %d: want 0 (one per CPU) or more", opt.Loader.Workers)}
	case opt.Loader.BatchSize < 1:
		return opt, usageError{fmt.Errorf("load: --batch-size %d: want at least 1", opt.Loader.BatchSize)}
	}
	return opt, nil
}

func runLoad(c *cli.Context, io streams, opt loadOptions) error {
	lex, err := lexicon.Load(opt.Lexicons...)
	if err != nil {
		return err
	}
	var st *store.Store
	if !opt.Loader.DryRun {
		script, err := schemaScript()
		if err != nil {
			return err
		}
		if st, err = openStore(c); err != nil {
			return err
		}
		defer st.Close()
		if _, err := st.ApplySchema(c.Context, script); err != nil {
			return err
		}
	}
	opt.Loader.Progress = newLoadProgress(io.Err)
	sum, err := loader.Load(c.Context, opt.Paths, &lazyExtractor{lex: lex}, st, opt.Loader)
	for _, f := range sum.Failed {
		fmt.Fprintf(io.Err, "relgraph: load: %v\n", f.Err)
	}
	printLoadSummary(io.Out, sum, st)
	if err != nil {
		return err
	}
	if n := len(sum.Failed); n > 0 {
		return model.Errorf(model.EInvalid, "load: %d of %d article(s) failed", n, sum.Files)
	}
	return nil
}

// printLoadSummary writes the figures of a load (or dry run) on w.
func printLoadSummary(w io.Writer, sum loader.Summary, st *store.Store) {
	elapsed := sum.Elapsed.Round(time.Millisecond)
	if sum.DryRun {
		p := sum.Plan
		fmt.Fprintf(w, "dry run: %d article(s) would be loaded, %d failed, in %s; Neo4j was not contacted\n",
			sum.Loaded, len(sum.Failed), elapsed)
		fmt.Fprintf(w, "nodes: %d%s\n", total(p.Nodes), breakdown(p.Nodes))
		fmt.Fprintf(w, "relationships: %d%s\n", total(p.Relationships), breakdown(p.Relationships))
		fmt.Fprintf(w, "evidence sentences: %d\n", p.Evidence)
		return
	}
	ws := sum.Write
	fmt.Fprintf(w, "loaded %d article(s), skipped %d unchanged, failed %d, in %s (database %q at %s)\n",
		sum.Loaded, sum.Skipped, len(sum.Failed), elapsed, st.Database(), st.URI())
	fmt.Fprintf(w, "nodes: %d created, %d updated, %d deleted\n", ws.NodesCreated, ws.NodesUpdated, ws.NodesDeleted)
	fmt.Fprintf(w, "relationships: %d created, %d updated, %d deleted; %d evidence sentence(s) written\n",
		ws.RelationshipsCreated, ws.RelationshipsUpdated, ws.RelationshipsDeleted, ws.Evidence)
}

func total[K comparable](m map[K]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// breakdown is " (A 3, B 1)" in key order, or "" for an empty map.
func breakdown[K ~string](m map[K]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, string(k))
	}
	if len(keys) == 0 {
		return ""
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[K(k)])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// newLoadProgress is a progress bar when w is a terminal, else a log line
// at most every few seconds (and at the end), so logs stay readable.
func newLoadProgress(w io.Writer) loader.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{w: w}
	}
	return &logProgress{w: w, every: 5 * time.Second}
}

type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(total int) {
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionShowIts(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}

func (p *barProgress) Step(string, loader.Outcome, error) { _ = p.bar.Add(1) }
func (p *barProgress) Finish()                            { _ = p.bar.Finish() }

type logProgress struct {
	w      io.Writer
	every  time.Duration
	total  int
	counts [3]int
	last   time.Time
}

func (p *logProgress) Start(total int) { p.total, p.last = total, time.Now() }

func (p *logProgress) Step(_ string, o loader.Outcome, _ error) {
	p.counts[o]++
	if time.Since(p.last) >= p.every {
		p.print()
	}
}

func (p *logProgress) Finish() {}

func (p *logProgress) print() {
	p.last = time.Now()
	done := p.counts[0] + p.counts[1] + p.counts[2]
	fmt.Fprintf(p.w, "load: %d/%d articles (%d loaded, %d skipped, %d failed)\n",
		done, p.total, p.counts[loader.Loaded], p.counts[loader.Skipped], p.counts[loader.Failed])
}

// lazyExtractor compiles the extractor when the first article needs it:
// reloading an unchanged corpus extracts nothing and so skips the compile
// (about 0.1 s, a good part of such a reload).
type lazyExtractor struct {
	lex  *lexicon.Lexicon
	once sync.Once
	ex   *extract.Extractor
}

func (l *lazyExtractor) Extract(a model.Article) model.Extraction {
	l.once.Do(func() { l.ex = extract.New(l.lex) })
	return l.ex.Extract(a)
}
