// Package gctune sets the garbage collector's target for relgraph's
// workload, in one place for the relgraph command and the benchmark tool
// that measures it.
package gctune

import (
	"os"
	"runtime/debug"
)

// Percent is relgraph's GOGC when the environment does not set one.
//
// Extraction keeps a small heap live (the lexicon and its automaton,
// about 7 MB) and makes garbage at a steady rate (the text and result of
// each article, about 11 KB), so with Go's default of 100 the collector
// runs every few hundred articles and each cycle marks the whole lexicon
// again. At 400 it runs a quarter as often, for a heap of about five
// times the live one (some 35 MB), still bounded whatever the corpus:
// about 3% fewer instructions and 9% fewer last-level cache misses per
// article (docs/BENCHMARKS.md, "fifth pass").
const Percent = 400

// Apply sets the collector's target to Percent unless GOGC is set, so a
// user's own setting wins.
func Apply() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(Percent)
	}
}
