package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/export"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/render"
)

// exportOptions are the export command's settings, parsed from flags apart
// from running so flag handling is tested without I/O.
type exportOptions struct {
	Format   string // svg (default, or from -o's extension), png, dot, graphml, json
	Output   string // file; "" = stdout
	Filter   export.Filter
	From     string   // articles (default) or neo4j
	Lexicons []string // YAML files layered over the embedded lexicon
	Title    string
	Engine   render.Engine
	Timeout  time.Duration // bound on layout and drawing
	Paths    []string
}

var exportFormats = []string{"svg", "png", "dot", "graphml", "json"}

// formatByExt infers --format from -o's extension.
var formatByExt = map[string]string{
	".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot", ".graphml": "graphml", ".json": "json",
}

// defaultRenderTimeout bounds layout: a 5000-node graph takes ~25 s with sfdp.
const defaultRenderTimeout = 2 * time.Minute

func exportCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "draw the relationship graph (SVG, PNG) or export it (DOT, GraphML, JSON)",
		ArgsUsage: "PATH...",
		Description: "Builds the graph from articles (files or folders; --from articles, the default) or\n" +
			"reads it from Neo4j (--from neo4j), keeps the part asked for, and writes it.\n" +
			"svg and png are drawn with Graphviz built in (no install needed); dot is the styled\n" +
			"Graphviz source; graphml suits yEd and Gephi; json is {nodes, edges} with evidence.\n" +
			"Nodes are shaped and coloured by label, edges coloured by type, planned ones dashed;\n" +
			"a legend lists what is drawn. --engine auto uses dot up to 150 nodes and sfdp above.\n" +
			"--focus keeps the actors within --depth relationships of one actor (PART_OF links\n" +
			"between an agency and its country are free); --depth 0 means no limit.\n" +
			"Files are written atomically. A summary goes to stderr.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, DefaultText: "svg, or from -o's extension",
				Usage: "output `FORMAT`: " + strings.Join(exportFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (default: stdout)"},
			&cli.StringFlag{Name: "focus", Usage: "keep only the actors around `NAME` (id, name or alias, any case)"},
			&cli.IntFlag{Name: "depth", Value: export.DefaultDepth, Usage: "with --focus: relationships to follow, `N` (0 = no limit)"},
			&cli.StringFlag{Name: "types", Usage: "keep only these relationship types, `T,...` (e.g. hotline,joint_patrol)"},
			&cli.StringFlag{Name: "status", Value: "all", Usage: "keep `STATUS`: established, planned or all"},
			&cli.StringFlag{Name: "from", Value: "articles", Usage: "read the graph from `SOURCE`: articles or neo4j"},
			&cli.StringSliceFlag{Name: "lexicon", Aliases: []string{"l"}, Usage: "YAML lexicon `FILE` layered over the built-in one (repeatable)"},
			&cli.StringFlag{Name: "title", Usage: "drawing title `TEXT` (default \"Defence relationships\")"},
			&cli.StringFlag{Name: "engine", Value: string(render.Auto), Usage: "layout `ENGINE`: auto, dot, neato, fdp, sfdp, circo"},
			&cli.DurationFlag{Name: "render-timeout", Value: defaultRenderTimeout, Usage: "give up drawing after `DURATION`"},
		}, neo4jFlags()...),
		Action: func(c *cli.Context) error {
			opts, err := parseExportOptions(c)
			if err != nil {
				return err
			}
			g, err := exportGraph(c, opts)
			if err != nil {
				return err
			}
			return runExport(c.Context, io, opts, g)
		},
	}
}

func parseExportOptions(c *cli.Context) (exportOptions, error) {
	o := exportOptions{
		Format:   strings.ToLower(c.String("format")),
		Output:   c.String("output"),
		From:     strings.ToLower(c.String("from")),
		Lexicons: c.StringSlice("lexicon"),
		Title:    c.String("title"),
		Timeout:  c.Duration("render-timeout"),
		Paths:    c.Args().Slice(),
	}
	o.Filter.Focus = c.String("focus")
	o.Filter.Depth = c.Int("depth")
	var err error
	if o.Filter.Types, err = export.ParseTypes(c.String("types")); err != nil {
		return o, usageError{fmt.Errorf("export: %w", err)}
	}
	if o.Filter.Status, err = export.ParseStatus(c.String("status")); err != nil {
		return o, usageError{fmt.Errorf("export: --status: %w", err)}
	}
	if o.Engine, err = render.ParseEngine(c.String("engine")); err != nil {
		return o, usageError{fmt.Errorf("export: --engine: %w", err)}
	}
	if o.Format == "" {
		o.Format = "svg"
		if f, ok := formatByExt[strings.ToLower(filepath.Ext(o.Output))]; ok {
			o.Format = f
		}
	}
	return o, o.validate()
}

func (o exportOptions) validate() error {
	known := false
	for _, f := range exportFormats {
		known = known || o.Format == f
	}
	switch {
	case !known:
		return usageError{fmt.Errorf("export: unknown --format %q (want %s)", o.Format, strings.Join(exportFormats, ", "))}
	case o.Filter.Depth < 0:
		return usageError{fmt.Errorf("export: --depth must be 0 (no limit) or more, not %d", o.Filter.Depth)}
	case o.From != "articles" && o.From != "neo4j":
		return usageError{fmt.Errorf("export: unknown --from %q (want articles or neo4j)", o.From)}
	case o.From == "articles" && len(o.Paths) == 0:
		return usageError{fmt.Errorf("export: no PATH given (article files or folders)")}
	case o.From == "neo4j" && len(o.Paths) > 0:
		return usageError{fmt.Errorf("export: --from neo4j takes no PATH (got %s)", strings.Join(o.Paths, " "))}
	case o.Timeout <= 0:
		return usageError{fmt.Errorf("export: --render-timeout must be positive")}
	}
	return nil
}

// exportGraph builds the whole graph from the articles or Neo4j.
func exportGraph(c *cli.Context, o exportOptions) (model.Graph, error) {
	if o.From == "neo4j" {
		return graphFromNeo4j(c)
	}
	return graphFromArticles(c.Context, o.Paths, o.Lexicons)
}

// graphFromArticles reads and extracts the articles under paths and
// aggregates them. Any unreadable path or article is an error: a drawing
// silently missing an article would mislead.
func graphFromArticles(ctx context.Context, paths, lexicons []string) (model.Graph, error) {
	files, pathErrs := article.Files(paths)
	if len(pathErrs) > 0 {
		return model.Graph{}, pathErrs[0]
	}
	lex, err := lexicon.Load(lexicons...)
	if err != nil {
		return model.Graph{}, fmt.Errorf("export: %w", err)
	}
	var first error
	x, failed, err := extractAll(ctx, extract.New(lex), files, runtime.NumCPU(), func(err error) {
		if first == nil {
			first = err
		}
	})
	if err != nil {
		return model.Graph{}, err
	}
	if len(failed) > 0 {
		return model.Graph{}, fmt.Errorf("export: %d of %d articles failed, first: %w", len(failed), len(files), first)
	}
	g := model.BuildGraph(x)
	// Let --focus find actors by the lexicon's aliases and demonyms too.
	for i, n := range g.Nodes {
		if a, ok := lex.Actor(n.ID); ok {
			g.Nodes[i].Aliases = append(append(append([]string(nil), n.Aliases...), a.Aliases...), a.Demonyms...)
		}
	}
	return g, nil
}

// runExport filters g, encodes it in opts.Format and writes it.
func runExport(ctx context.Context, io streams, o exportOptions, whole model.Graph) error {
	g, err := o.Filter.Apply(whole)
	if err != nil {
		return err
	}
	if o.Output == "" && o.Format == "png" && isTerminal(io.Out) {
		return usageError{fmt.Errorf("export: not writing PNG to a terminal; use -o FILE or redirect stdout")}
	}
	engine := render.Choose(o.Engine, len(g.Nodes))
	start := time.Now()
	var out []byte
	switch o.Format {
	case "json", "graphml":
		var buf bytes.Buffer
		if o.Format == "json" {
			err = export.WriteJSON(&buf, g)
		} else {
			err = export.WriteGraphML(&buf, g)
		}
		out, engine = buf.Bytes(), ""
	default:
		dot := export.BuildDOT(g, export.DOTOptions{Title: o.Title, Subtitle: subtitle(g, o.Filter), Layout: string(engine)})
		if o.Format == "dot" {
			out = dot
			break
		}
		rctx, cancel := context.WithTimeout(ctx, o.Timeout)
		out, err = render.Render(rctx, dot, engine, render.Format(o.Format))
		cancel()
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	elapsed := time.Since(start)
	dest := "stdout"
	if o.Output != "" {
		dest = o.Output
		err = export.WriteFile(o.Output, out)
	} else {
		_, err = io.Out.Write(out)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintln(io.Err, summary(g, o.Format, dest, engine, elapsed))
	return nil
}

// subtitle is the drawing's second title line: counts and the filter.
func subtitle(g model.Graph, f export.Filter) string {
	s := fmt.Sprintf("%d actors · %d relationships", len(g.Nodes), len(g.Edges))
	if f.Focus != "" {
		depth := fmt.Sprintf("depth %d", f.Depth)
		if f.Depth == 0 {
			depth = "any depth"
		}
		s += fmt.Sprintf(" · around %s (%s)", f.Focus, depth)
	}
	if len(f.Types) > 0 {
		var ts []string
		for _, t := range f.Types {
			ts = append(ts, string(t))
		}
		s += " · " + strings.Join(ts, ", ")
	}
	if f.Status == export.StatusEstablished || f.Status == export.StatusPlanned {
		s += " · " + string(f.Status) + " only"
	}
	return s
}

// summary is the stderr line: counts by type, destination, engine, time.
func summary(g model.Graph, format, dest string, engine render.Engine, took time.Duration) string {
	byType := map[model.RelType]int{}
	for _, e := range g.Edges {
		byType[e.Type]++
	}
	var parts []string
	for _, t := range model.RelTypes {
		if n := byType[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", t, n))
		}
	}
	var other []string
	for t, n := range byType {
		if !t.Valid() {
			other = append(other, fmt.Sprintf("%s %d", t, n))
		}
	}
	sort.Strings(other)
	parts = append(parts, other...)
	s := fmt.Sprintf("export: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	s += fmt.Sprintf(" -> %s (%s", dest, format)
	if engine != "" && format != "dot" {
		s += fmt.Sprintf(", engine %s, rendered in %s", engine, took.Round(time.Millisecond))
	}
	return s + ")"
}

// isTerminal reports whether w is a terminal (never true in tests).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
