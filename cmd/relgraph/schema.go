package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// TODO(owner of the schema command): replace this placeholder.
func schemaCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "(not implemented yet)",
		Action: func(c *cli.Context) error {
			return errors.New("schema: not implemented yet")
		},
	}
}
