package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/eval"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/model"
)

// evalOptions are the eval command's inputs, parsed apart from running.
type evalOptions struct {
	Gold      string
	Aliases   string
	Lexicons  []string
	Verbose   bool
	Format    string  // table (default) or json
	MinF1     float64 // fail when triple F1 is below; 0 disables
	MinPairF1 float64 // fail when pair F1 (type ignored) is below; 0 disables
	Paths     []string
}

func evalCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score the extractor against gold annotations",
		ArgsUsage: "PATH...",
		Description: "Extracts relations from the articles at PATH (files or folders) and compares them with\n" +
			"GOLD (one JSON line per article) after projecting endpoints to countries, organisations and\n" +
			"forums: precision/recall/F1 per type and overall over (article, from, type, to) triples,\n" +
			"pair F1 (type ignored) and status accuracy on matched triples.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "gold annotations `FILE` (gold.jsonl)", Required: true},
			&cli.StringFlag{Name: "aliases", Usage: "canonical names `FILE` (aliases.json)", Required: true},
			&cli.StringSliceFlag{Name: "lexicon", Usage: "extra lexicon YAML `FILE` (repeatable)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list misses, false positives and status errors with their sentences"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "output format: table or json"},
			&cli.StringFlag{Name: "min-f1", Usage: "exit with an error when triple F1 is below `X` (0-1), for CI"},
			&cli.StringFlag{Name: "min-pair-f1", Usage: "exit with an error when pair F1 (type ignored) is below `X` (0-1), for CI"},
		},
		Action: func(c *cli.Context) error {
			opts, err := parseEvalOptions(c)
			if err != nil {
				return err
			}
			return runEval(io, opts)
		},
	}
}

func parseEvalOptions(c *cli.Context) (evalOptions, error) {
	o := evalOptions{
		Gold: c.String("gold"), Aliases: c.String("aliases"), Lexicons: c.StringSlice("lexicon"),
		Verbose: c.Bool("verbose"), Format: c.String("format"), Paths: c.Args().Slice(),
	}
	if o.Format != "table" && o.Format != "json" {
		return o, usageError{fmt.Errorf("eval: --format %q: want table or json", o.Format)}
	}
	var err error
	if o.MinF1, err = parseThreshold(c, "min-f1"); err != nil {
		return o, err
	}
	if o.MinPairF1, err = parseThreshold(c, "min-pair-f1"); err != nil {
		return o, err
	}
	if len(o.Paths) == 0 {
		return o, usageError{fmt.Errorf("eval: no articles given (PATH...)")}
	}
	return o, nil
}

// parseThreshold reads an F1 gate flag: empty (0, disabled) or 0-1.
func parseThreshold(c *cli.Context, name string) (float64, error) {
	s := c.String(name)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f > 1 {
		return 0, usageError{fmt.Errorf("eval: --%s %q: want a number between 0 and 1", name, s)}
	}
	return f, nil
}

func runEval(io streams, o evalOptions) error {
	gold, err := eval.ReadGold(o.Gold)
	if err != nil {
		return err
	}
	aliases, err := eval.ReadAliases(o.Aliases)
	if err != nil {
		return err
	}
	lex, err := lexicon.Load(o.Lexicons...)
	if err != nil {
		return err
	}
	files, errs := article.Files(o.Paths)
	if len(errs) > 0 {
		return errs[0]
	}
	if len(files) == 0 {
		return model.Errorf(model.EInvalid, "eval: no articles (.txt, .md) under %v", o.Paths)
	}
	ex := extract.New(lex)
	var x model.Extraction
	for _, f := range files {
		a, err := article.ReadFile(f)
		if err != nil {
			return err
		}
		x.Merge(ex.Extract(a))
	}
	rep := eval.Score(x, gold, eval.NewNamer(aliases, lex))
	switch o.Format {
	case "json":
		b, err := rep.JSON(o.Verbose)
		if err != nil {
			return fmt.Errorf("eval: encode report: %w", err)
		}
		fmt.Fprintln(io.Out, string(b))
	default:
		fmt.Fprint(io.Out, rep.WriteTable(o.Verbose))
	}
	var below []string
	if o.MinF1 > 0 && rep.Overall.F1() < o.MinF1 {
		below = append(below, fmt.Sprintf("triple F1 %.3f is below --min-f1 %.3f", rep.Overall.F1(), o.MinF1))
	}
	if o.MinPairF1 > 0 && rep.Pairs.F1() < o.MinPairF1 {
		below = append(below, fmt.Sprintf("pair F1 %.3f is below --min-pair-f1 %.3f", rep.Pairs.F1(), o.MinPairF1))
	}
	if len(below) > 0 {
		return model.Errorf(model.EInvalid, "eval: %s", strings.Join(below, "; "))
	}
	return nil
}
