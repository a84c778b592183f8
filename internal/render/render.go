// Package render lays out and draws DOT with Graphviz compiled to
// WebAssembly (github.com/goccy/go-graphviz v0.2.9, Graphviz 12.1.2), so
// relgraph needs no Graphviz installed.
//
// Known issues of go-graphviz since its WebAssembly port, and how this
// package deals with them:
//   - one WebAssembly module is shared by the whole process and concurrent
//     use crashes it: every call here is serialised by a package mutex;
//   - the module's memory grows with the largest graph drawn and is never
//     given back: fine for a CLI run, worth knowing in a long-lived process;
//   - a layout cannot be interrupted: Render runs it in a goroutine and
//     returns when ctx ends, leaving the layout to finish (and hold the
//     mutex) in the background;
//   - layout/render regressions were reported after v0.2.1: the version is
//     pinned in go.mod and an SVG golden test guards the output;
//   - its own PNG renderer draws edges as filled shapes and drops node
//     outlines, so PNG is drawn by this package's renderer (png.go).
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/goccy/go-graphviz"

	"github.com/relgraph/relgraph/internal/model"
)

// Engine is a Graphviz layout engine.
type Engine string

// Engines relgraph offers (go-graphviz v0.2.9 also has osage, patchwork,
// twopi and nop*, which suit this kind of graph poorly).
const (
	Auto  Engine = "auto"
	Dot   Engine = "dot"
	Neato Engine = "neato"
	FDP   Engine = "fdp"
	SFDP  Engine = "sfdp"
	Circo Engine = "circo"
)

// Engines lists the accepted engine names, Auto first.
var Engines = []Engine{Auto, Dot, Neato, FDP, SFDP, Circo}

// ParseEngine accepts one of Engines ("" = Auto).
func ParseEngine(s string) (Engine, error) {
	if s == "" {
		return Auto, nil
	}
	for _, e := range Engines {
		if string(e) == s {
			return e, nil
		}
	}
	return "", model.Errorf(model.EInvalid, "unknown engine %q (want auto, dot, neato, fdp, sfdp or circo)", s)
}

// DotLimit is the largest graph Auto lays out with dot (hierarchical,
// readable labels). Above it Auto picks sfdp: measured with go-graphviz,
// dot takes ~3 s at 1000 nodes and over 3 minutes at 5000, sfdp ~25 s.
const DotLimit = 150

// Choose resolves Auto for a graph of n nodes; other engines are kept.
func Choose(e Engine, n int) Engine {
	if e != Auto && e != "" {
		return e
	}
	if n <= DotLimit {
		return Dot
	}
	return SFDP
}

// Format is an output format Render draws.
type Format string

// Formats.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

var mu sync.Mutex // go-graphviz's WebAssembly module is not safe for concurrent use

// Render lays out the DOT source with engine (Auto must be resolved by the
// caller with Choose) and draws it as format. It returns when ctx ends even
// though the layout cannot be stopped; the error then says so.
func Render(ctx context.Context, dot []byte, engine Engine, format Format) ([]byte, error) {
	if engine == Auto || engine == "" {
		return nil, fmt.Errorf("render: engine not chosen")
	}
	if format != SVG && format != PNG {
		return nil, model.Errorf(model.EInvalid, "render: unknown format %q (want svg or png)", format)
	}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned layout can still finish
	start := time.Now()
	go func() {
		mu.Lock()
		defer mu.Unlock()
		if ctx.Err() != nil { // gave up while waiting for the mutex
			done <- result{err: ctx.Err()}
			return
		}
		out, err := draw(dot, engine, format)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		if r.err != nil && ctx.Err() != nil { // ended while waiting for the mutex
			return nil, stopped(ctx, engine, start)
		}
		if r.err != nil {
			return nil, fmt.Errorf("render %s with %s: %w", format, engine, r.err)
		}
		return r.out, nil
	case <-ctx.Done():
		return nil, stopped(ctx, engine, start)
	}
}

// stopped is the error for a render whose ctx ended first.
func stopped(ctx context.Context, engine Engine, start time.Time) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return model.Errorf(model.EUnavailable,
			"render with %s: gave up after %s (layout still running; draw less with --focus/--types, try --engine sfdp, or export --format dot|graphml)",
			engine, time.Since(start).Round(time.Second))
	}
	return fmt.Errorf("render with %s: %w", engine, ctx.Err())
}

// gv is the process's one Graphviz context, created on first use.
var gv *graphviz.Graphviz

// draw does the work under mu.
func draw(dot []byte, engine Engine, format Format) (out []byte, err error) {
	ctx := context.Background() // go-graphviz ignores cancellation anyway
	if gv == nil {
		if gv, err = newGraphviz(ctx); err != nil {
			return nil, fmt.Errorf("start graphviz: %w", err)
		}
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("parse dot: %w", err)
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close graph: %w", cerr)
		}
	}()
	gv.SetLayout(graphviz.Layout(engine))
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.Format(format), &buf); err != nil {
		return nil, err
	}
	if buf.Len() == 0 {
		return nil, fmt.Errorf("graphviz produced no output")
	}
	if format == SVG {
		return fontFallback.ReplaceAll(buf.Bytes(), []byte(`font-family="DejaVu Sans,Verdana,sans-serif"`)), nil
	}
	return buf.Bytes(), nil
}

// fontFallback: Graphviz sizes text with DejaVu Sans metrics (a wide font,
// so labels fit in any viewer); viewers without it should fall back to
// another wide sans-serif font rather than their default serif.
var fontFallback = regexp.MustCompile(`font-family="DejaVu Sans"`)
