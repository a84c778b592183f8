package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/report"
)

// reportRunOptions are `report run`'s settings, parsed apart from running.
type reportRunOptions struct {
	Report report.Report
	Params map[string]string // --param name=value, checked against the report's header
	Format report.Format
}

func reportCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "list and run the saved Cypher reports (cypher/reports/*.cypher)",
		Description: "Saved reports are Cypher files whose comment header gives a title, a description\n" +
			"and parameters with defaults. The same files can be dragged onto Neo4j Browser as\n" +
			"favorites (see docs/neo4j-browser.md).",
		Subcommands: []*cli.Command{reportListCmd(io), reportRunCmd(io)},
	}
}

func reportFormatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: string(report.Table),
		Usage: "output format: table, csv, json (array of row objects) or md (Markdown table)"}
}

func reportListCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list the saved reports with their descriptions and parameters",
		Flags: []cli.Flag{reportFormatFlag()},
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return usageError{fmt.Errorf("report list: unexpected argument %q", c.Args().First())}
			}
			f, err := report.ParseFormat(c.String("format"))
			if err != nil {
				return usageError{err}
			}
			cat, err := report.Load(cypher.FS, cypher.Reports)
			if err != nil {
				return err
			}
			if f == report.Table {
				return writeCatalog(io, cat)
			}
			return report.Write(io.Out, f, catalogResult(cat, f == report.JSON))
		},
	}
}

// writeCatalog prints one block per report: name and title, the wrapped
// description, then each parameter as the --param to give.
func writeCatalog(io streams, cat report.Catalog) error {
	var b strings.Builder
	for i, r := range cat {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%-12s %s\n", r.Name, r.Title)
		for _, l := range reportWrap(r.Description, 72) {
			fmt.Fprintf(&b, "%13s%s\n", "", l)
		}
		for _, p := range r.Params {
			def := "required"
			if p.HasDefault {
				def = fmt.Sprintf("default: %q", p.Default)
			}
			fmt.Fprintf(&b, "%13s--param %s=...  %s (%s)\n", "", p.Name, p.Description, def)
		}
	}
	_, err := fmt.Fprint(io.Out, b.String())
	return err
}

// catalogResult is the catalogue as rows; structured (for json) keeps each
// parameter as an object, the text formats show `name (default: "x")`.
func catalogResult(cat report.Catalog, structured bool) report.Result {
	res := report.Result{Columns: []string{"name", "title", "description", "params"}}
	for _, r := range cat {
		params := make([]any, len(r.Params))
		for i, p := range r.Params {
			params[i] = p.String()
			if structured {
				var def any
				if p.HasDefault {
					def = p.Default
				}
				params[i] = map[string]any{"name": p.Name, "description": p.Description, "default": def, "required": !p.HasDefault}
			}
		}
		res.Rows = append(res.Rows, []any{r.Name, r.Title, r.Description, params})
	}
	return res
}

func reportWrap(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

func reportRunCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:      "run",
		Usage:     "run a saved report against Neo4j",
		ArgsUsage: "NAME [--param name=value ...]",
		Description: "Runs the report NAME (see `relgraph report list`) in a read-only transaction.\n" +
			"Each --param name=value becomes a Cypher parameter $name; it is never spliced into\n" +
			"the query text. Values are strings (reports convert where they need numbers);\n" +
			"parameters not given take the default from the report's header.\n" +
			"Flags may come before or after NAME.",
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "report parameter `name=value` (repeatable)"},
			reportFormatFlag(),
		}, neo4jFlags()...),
		Action: func(c *cli.Context) error {
			opt, err := parseReportRunOptions(c)
			if err != nil {
				return err
			}
			return runReport(c, io, opt)
		},
	}
}

// parseReportRunOptions reads the report name, its parameters and the
// format, and checks the parameters against the report's header, all
// before any connection is made.
func parseReportRunOptions(c *cli.Context) (reportRunOptions, error) {
	var opt reportRunOptions
	args, err := trailingFlags(c)
	if err != nil {
		return opt, err
	}
	cat, err := report.Load(cypher.FS, cypher.Reports)
	if err != nil {
		return opt, err
	}
	switch len(args) {
	case 0:
		return opt, usageError{fmt.Errorf("report run: give a report name (one of %s)", strings.Join(cat.Names(), ", "))}
	case 1:
	default:
		return opt, usageError{fmt.Errorf("report run: one report at a time (unexpected %q)", args[1])}
	}
	if opt.Report, err = cat.Find(args[0]); err != nil {
		return opt, usageError{err}
	}
	if opt.Format, err = report.ParseFormat(c.String("format")); err != nil {
		return opt, usageError{err}
	}
	if opt.Params, err = report.ParseArgs(c.StringSlice("param")); err != nil {
		return opt, usageError{err}
	}
	if _, err := opt.Report.Bind(opt.Params); err != nil {
		return opt, usageError{err}
	}
	return opt, nil
}

// trailingFlags applies the flags written after the report name
// (`report run partners --param country=Cuba`), which urfave/cli v2 leaves
// among the arguments, and returns the positional arguments.
func trailingFlags(c *cli.Context) ([]string, error) {
	args := c.Args().Slice()
	isBool := map[string]bool{}
	canonical := map[string]string{} // any name or alias -> the flag's name
	for _, f := range c.Command.Flags {
		_, b := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			canonical[n], isBool[n] = f.Names()[0], b
		}
	}
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(pos, args[i+1:]...), nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if canonical[name] == "" {
			return nil, usageError{fmt.Errorf("report run: unknown flag %s", a)}
		}
		if !hasValue {
			switch {
			case isBool[name]:
				value = "true"
			case i+1 < len(args):
				i++
				value = args[i]
			default:
				return nil, usageError{fmt.Errorf("report run: flag %s needs a value", a)}
			}
		}
		if err := c.Set(canonical[name], value); err != nil {
			return nil, usageError{fmt.Errorf("report run: %s: %w", a, err)}
		}
	}
	return pos, nil
}

// runReport connects (the driver exists only from here on), runs the
// report and writes its rows to stdout; the row count goes to stderr.
func runReport(c *cli.Context, io streams, opt reportRunOptions) error {
	st, err := openStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := report.Run(c.Context, st, opt.Report, opt.Params)
	if err != nil {
		return err
	}
	if err := report.Write(io.Out, opt.Format, res); err != nil {
		return fmt.Errorf("report %s: write %s: %w", opt.Report.Name, opt.Format, err)
	}
	if opt.Format == report.Table {
		n := len(res.Rows)
		if n == 1 {
			fmt.Fprintln(io.Err, "(1 row)")
		} else {
			fmt.Fprintf(io.Err, "(%d rows)\n", n)
		}
	}
	return nil
}
