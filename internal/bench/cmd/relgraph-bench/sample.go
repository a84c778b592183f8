package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// runSample is a sampling profiler of the server: every -interval it lists
// the running transactions' current statements (SHOW TRANSACTIONS, which
// Community Edition has, unlike the query log) and counts them by their
// first lines, until -for elapses or ctx ends. Run it beside a load to see
// which statements the server spends its time in.
func runSample(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("sample", flag.ExitOnError)
	interval := fs.Duration("interval", 50*time.Millisecond, "time between samples")
	dur := fs.Duration("for", time.Minute, "how long to sample")
	lines := fs.Int("lines", 3, "statement lines that name a sample")
	fs.Parse(args)
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	counts := map[string]int{}
	samples := 0
	end := time.Now().Add(*dur)
	for time.Now().Before(end) && ctx.Err() == nil {
		res, err := neo4j.ExecuteQuery(ctx, drv, `SHOW TRANSACTIONS YIELD currentQuery, status WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN currentQuery`,
			nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
		if err != nil {
			return fmt.Errorf("sample: %w", err)
		}
		samples++
		for _, r := range res.Records {
			q, _ := r.Values[0].(string)
			if q == "" {
				q = "(between statements)"
			}
			parts := strings.SplitN(q, "\n", *lines+1)
			if len(parts) > *lines {
				parts = parts[:*lines]
			}
			counts[strings.Join(parts, " / ")]++
		}
		time.Sleep(*interval)
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return counts[keys[i]] > counts[keys[j]] })
	fmt.Printf("%d samples\n", samples)
	for _, k := range keys {
		fmt.Printf("%6d  %5.1f%%  %s\n", counts[k], 100*float64(counts[k])/float64(samples), k)
	}
	return nil
}
