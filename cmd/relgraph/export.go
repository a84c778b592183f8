package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// TODO(owner of the export command): replace this placeholder.
func exportCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "(not implemented yet)",
		Action: func(c *cli.Context) error {
			return errors.New("export: not implemented yet")
		},
	}
}
