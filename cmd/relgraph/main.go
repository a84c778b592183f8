// Command relgraph turns defence-diplomacy articles into a graph of
// bilateral and multilateral defence relationships: extract, evaluate,
// export, load into Neo4j and report.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(os.Stderr, err))
}

// errSilent marks an error whose message was already printed (e.g. the
// per-file summary of extract); main only sets the exit status.
var errSilent = errors.New("failed")

func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(stderr, "relgraph: "+err.Error())
	}
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// usageError is a command-line mistake (unknown flag value, missing argument).
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }
