package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/cypher"
	"github.com/relgraph/relgraph/internal/store"
)

// schemaScript is cypher/schema.cypher, embedded in the binary.
func schemaScript() (string, error) {
	b, err := cypher.FS.ReadFile(cypher.Schema)
	return string(b), err
}

func schemaCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "manage the Neo4j schema (constraints and indexes)",
		Subcommands: []*cli.Command{
			{
				Name:  "apply",
				Usage: "create relgraph's constraints and indexes (idempotent: safe to run again)",
				Description: "Runs cypher/schema.cypher (embedded): a unique id per actor label, on :Actor\n" +
					"and on :Article, a full-text index on actor names and aliases. Every statement\n" +
					"is IF NOT EXISTS. `relgraph load` applies it too.",
				Flags: neo4jFlags(),
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return usageError{fmt.Errorf("schema apply: takes no arguments, got %q", c.Args().Slice())}
					}
					script, err := schemaScript()
					if err != nil {
						return err
					}
					st, err := openStore(c)
					if err != nil {
						return err
					}
					defer st.Close()
					results, err := st.ApplySchema(c.Context, script)
					printSchemaResults(io, results)
					if err != nil {
						return err
					}
					created := 0
					for _, r := range results {
						if r.Created {
							created++
						}
					}
					fmt.Fprintf(io.Out, "schema applied to database %q at %s: %d created, %d already present\n",
						st.Database(), st.URI(), created, len(results)-created)
					return nil
				},
			},
			{
				Name:  "show",
				Usage: "print the schema script that apply runs",
				Action: func(c *cli.Context) error {
					script, err := schemaScript()
					if err != nil {
						return err
					}
					_, err = fmt.Fprint(io.Out, script)
					return err
				},
			},
		},
	}
}

func printSchemaResults(io streams, results []store.SchemaResult) {
	for _, r := range results {
		state := "exists "
		if r.Created {
			state = "created"
		}
		fmt.Fprintf(io.Out, "%s  %-10s %s\n", state, r.Kind, r.Name)
	}
}
