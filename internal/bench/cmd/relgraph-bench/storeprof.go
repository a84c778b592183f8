package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
	"github.com/relgraph/relgraph/internal/store"
)

// runStoreProf writes the corpus with store.Write in batches, as relgraph
// load does, but extracts everything first and times each batch: it tells
// the server's share of a load from the client's, and whether the cost of
// a batch grows with the database (first batches vs last ones).
func runStoreProf(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("storeprof", flag.ExitOnError)
	size := fs.Int("batch", 50, "articles per transaction")
	fs.Parse(args)
	files, errs := article.Files(fs.Args())
	if len(errs) > 0 {
		return fmt.Errorf("storeprof: %v", errs[0])
	}
	lex, err := lexicon.Load()
	if err != nil {
		return err
	}
	ex := extract.New(lex)
	items := make([]store.Item, 0, len(files))
	rels := 0
	for _, f := range files {
		a, err := article.ReadFile(f)
		if err != nil {
			return err
		}
		x := ex.Extract(a)
		rels += len(x.Relations)
		items = append(items, store.Item{Article: a, Extraction: x})
	}
	st, err := store.Open(ctx, store.Config{URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE"), Timeout: 10 * time.Minute})
	if err != nil {
		return err
	}
	defer st.Close()
	var times []time.Duration
	start := time.Now()
	for i := 0; i < len(items); i += *size {
		b := items[i:min(i+*size, len(items))]
		t0 := time.Now()
		if _, err := st.Write(ctx, b); err != nil {
			return err
		}
		times = append(times, time.Since(t0))
	}
	total := time.Since(start)
	k := max(1, len(times)/10)
	avg := func(d []time.Duration) float64 {
		var s time.Duration
		for _, x := range d {
			s += x
		}
		return s.Seconds() / float64(len(d))
	}
	first, last := avg(times[:k]), avg(times[len(times)-k:])
	sorted := append([]time.Duration(nil), times...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return printJSON(map[string]any{
		"articles": len(items), "relations": rels, "batches": len(times), "seconds": total.Seconds(),
		"relations_per_s":     float64(rels) / total.Seconds(),
		"first_tenth_batch_s": first, "last_tenth_batch_s": last,
		"p50_batch_s": sorted[len(sorted)/2].Seconds(), "p95_batch_s": sorted[len(sorted)*95/100].Seconds(),
	})
}
