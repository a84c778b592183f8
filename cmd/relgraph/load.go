package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// TODO(owner of the load command): replace this placeholder.
func loadCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "load",
		Usage: "(not implemented yet)",
		Action: func(c *cli.Context) error {
			return errors.New("load: not implemented yet")
		},
	}
}
