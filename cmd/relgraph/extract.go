package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// TODO(owner of the extract command): replace this placeholder.
func extractCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "extract",
		Usage: "(not implemented yet)",
		Action: func(c *cli.Context) error {
			return errors.New("extract: not implemented yet")
		},
	}
}
