package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// TODO(owner of the gen command): replace this placeholder.
func genCmd(io streams) *cli.Command {
	return &cli.Command{
		Name:  "gen",
		Usage: "(not implemented yet)",
		Action: func(c *cli.Context) error {
			return errors.New("gen: not implemented yet")
		},
	}
}
