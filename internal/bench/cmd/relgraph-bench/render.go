package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/relgraph/relgraph/internal/bench"
	"github.com/relgraph/relgraph/internal/export"
	"github.com/relgraph/relgraph/internal/render"
)

// runRender builds the DOT of a synthetic graph with export.BuildDOT (as
// `relgraph export` does), writes it to -dot for the native Graphviz runs,
// and times render.Render (go-graphviz) to SVG with each engine. An engine
// that exceeds -timeout is reported as -1 seconds; since go-graphviz cannot
// stop a layout, put the slowest engine last.
func runRender(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("render", flag.ExitOnError)
	nodes := fs.Int("nodes", 100, "nodes of the synthetic graph")
	dotFile := fs.String("dot", "", "write the DOT source to `FILE`")
	engines := fs.String("engines", "sfdp,dot", "engines to time, in order")
	timeout := fs.Duration("timeout", 2*time.Minute, "give up on an engine after this long")
	fs.Parse(args)
	g := bench.SyntheticGraph(*nodes, 1)
	dot := export.BuildDOT(g, export.DOTOptions{Title: fmt.Sprintf("Synthetic graph, %d nodes", *nodes)})
	if *dotFile != "" {
		if err := os.WriteFile(*dotFile, dot, 0o644); err != nil {
			return fmt.Errorf("render: %w", err)
		}
	}
	out := map[string]any{
		"nodes": len(g.Nodes), "edges": len(g.Edges), "dot_bytes": len(dot),
		"engine": string(render.Choose(render.Auto, len(g.Nodes))),
	}
	// The first call compiles and instantiates the WebAssembly module: time
	// it apart, so the figures below are layout and drawing only.
	start := time.Now()
	if _, err := render.Render(ctx, []byte("digraph { a -> b }"), render.Dot, render.SVG); err != nil {
		return err
	}
	out["init_seconds"] = time.Since(start).Seconds()
	for _, name := range strings.Split(*engines, ",") {
		e, err := render.ParseEngine(name)
		if err != nil {
			return err
		}
		rctx, cancel := context.WithTimeout(ctx, *timeout)
		start := time.Now()
		svg, err := render.Render(rctx, dot, e, render.SVG)
		el := time.Since(start)
		timedOut := err != nil && rctx.Err() != nil
		cancel()
		switch {
		case timedOut:
			out[name] = -1.0
		case err != nil:
			return err
		default:
			out[name] = el.Seconds()
			out[name+"_svg_bytes"] = len(svg)
		}
	}
	return printJSON(out)
}
