package main

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/internal/gen"
	"github.com/relgraph/relgraph/internal/model"
)

// genOptions are the gen command's flags.
type genOptions struct {
	Seed  uint64
	Count int
	Out   string
}

func genCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:      "gen",
		Usage:     "generate a synthetic corpus with its gold relationships (benchmarks, sanity checks)",
		ArgsUsage: " ",
		Description: "Writes COUNT articles in the style of the seeds to OUT/articles/, the relationships\n" +
			"each states to OUT/gold.jsonl and the actors' surface forms to OUT/aliases.json, so that\n" +
			"`relgraph eval --gold OUT/gold.jsonl --aliases OUT/aliases.json OUT/articles` scores the\n" +
			"extractor on it. The same seed always gives byte-identical files.",
		Flags: []cli.Flag{
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "random seed"},
			&cli.IntFlag{Name: "count", Aliases: []string{"n"}, Value: 1000, Usage: "number of articles"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "output folder (its articles/ subfolder must be empty or absent)", Required: true},
		},
		Action: func(c *cli.Context) error {
			opts, err := parseGenOptions(c)
			if err != nil {
				return err
			}
			return runGen(c, io, opts)
		},
	}
}

func parseGenOptions(c *cli.Context) (genOptions, error) {
	o := genOptions{Seed: c.Uint64("seed"), Count: c.Int("count"), Out: c.String("out")}
	if c.NArg() > 0 {
		return o, usageError{fmt.Errorf("gen takes no arguments, got %q", c.Args().First())}
	}
	if o.Count < 0 {
		return o, usageError{model.Errorf(model.EInvalid, "--count must be >= 0, got %d", o.Count)}
	}
	if o.Out == "" {
		return o, usageError{model.Errorf(model.EInvalid, "--out must name a folder")}
	}
	return o, nil
}

func runGen(c *cli.Context, io streams, o genOptions) error {
	start := time.Now()
	sum, err := gen.Write(c.Context, o.Out, gen.Options{Seed: o.Seed, Count: o.Count})
	if err != nil {
		return err
	}
	fmt.Fprintf(io.Err, "gen: wrote %d articles (%.1f MB, %d gold relations) to %s in %s\n",
		sum.Articles, float64(sum.Bytes)/1e6, sum.Relations, o.Out, time.Since(start).Round(time.Millisecond))
	return nil
}
