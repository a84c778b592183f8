package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"
)

// streams are a command's I/O: data on Out, diagnostics and progress on Err
// (after the GitHub CLI's IOStreams), so every command runs in tests without
// a process.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return newApp(streams{In: stdin, Out: stdout, Err: stderr}).RunContext(ctx, args)
}

func newApp(io streams) *cli.App {
	return &cli.App{
		Name:  "relgraph",
		Usage: "turn defence-diplomacy articles into a graph of defence relationships",
		Description: "Extract actors and typed relationships (with status, dates and verbatim evidence)\n" +
			"from news articles, evaluate the extractor, draw the graph, load it into Neo4j\n" +
			"and run saved Cypher reports.",
		Reader:               io.In,
		Writer:               io.Out,
		ErrWriter:            io.Err,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
		ExitErrHandler:       func(*cli.Context, error) {}, // errors go back to main
		Commands: []*cli.Command{
			extractCmd(io),
			evalCmd(io),
			exportCmd(io),
			schemaCmd(io),
			loadCmd(io),
			reportCmd(io),
			genCmd(io),
		},
	}
}
