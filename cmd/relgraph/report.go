package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// TODO(owner of the report command): replace this placeholder.
func reportCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "(not implemented yet)",
		Action: func(c *cli.Context) error {
			return errors.New("report: not implemented yet")
		},
	}
}
