package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// TODO(owner of the eval command): replace this placeholder.
func evalCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "(not implemented yet)",
		Action: func(c *cli.Context) error {
			return errors.New("eval: not implemented yet")
		},
	}
}
