// Command relgraph-bench is scripts/bench's helper: it runs the measured
// steps that relgraph's own commands do not expose on their own.
//
//	relgraph-bench extract [-workers N] PATH...   stream read+extract, print figures as JSON
//	relgraph-bench time [-repeat N] CMD ARGS...    best wall and CPU time of a command, as JSON
//	relgraph-bench aliases                        print the lexicon's surface forms, one a line
//	relgraph-bench merge PATH...                  load with one MERGE statement per relationship
//	relgraph-bench csv -import DIR PATH...        write CSVs into DIR and load them with LOAD CSV
//	relgraph-bench storeprof [-batch N] PATH...  time store.Write batch by batch (where a load's time goes)
//	relgraph-bench sample [-for D] [-interval D]   sample the server's running statements (profile a load)
//	relgraph-bench info                           print the server's version and import folder (shell syntax)
//	relgraph-bench clear                          delete every node and relationship (schema stays)
//	relgraph-bench render -nodes N -dot FILE      time go-graphviz on a synthetic graph
//
// Neo4j is configured as for relgraph (NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"

	"github.com/relgraph/relgraph/internal/article"
	"github.com/relgraph/relgraph/internal/bench"
	"github.com/relgraph/relgraph/internal/extract"
	"github.com/relgraph/relgraph/internal/lexicon"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: relgraph-bench extract|time|aliases|merge|csv|storeprof|sample|info|clear|render ...")
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "extract":
		err = runExtract(ctx, args)
	case "time":
		err = runTime(ctx, args)
	case "aliases":
		err = runAliases()
	case "merge":
		err = runMerge(ctx, args)
	case "csv":
		err = runCSV(ctx, args)
	case "clear":
		err = runClear(ctx)
	case "storeprof":
		err = runStoreProf(ctx, args)
	case "sample":
		err = runSample(ctx, args)
	case "info":
		err = runInfo(ctx)
	case "render":
		err = runRender(ctx, args)
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "relgraph-bench: "+err.Error())
		os.Exit(1)
	}
}

func printJSON(v any) error {
	enc := json.NewEncoder(os.Stdout)
	return enc.Encode(v)
}

func runExtract(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ExitOnError)
	workers := fs.Int("workers", 1, "extracting goroutines")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the pass to `FILE`")
	fs.Parse(args)
	files, errs := article.Files(fs.Args())
	if len(errs) > 0 {
		return fmt.Errorf("extract: %v", errs[0])
	}
	lex, err := lexicon.Load()
	if err != nil {
		return err
	}
	ex := extract.New(lex)
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	st, err := bench.ExtractFiles(ctx, files, ex, *workers)
	if err != nil {
		return err
	}
	return printJSON(map[string]any{
		"workers":              *workers,
		"gomaxprocs":           runtime.GOMAXPROCS(0),
		"articles":             st.Articles,
		"failed":               st.Failed,
		"bytes":                st.Bytes,
		"relations":            st.Relations,
		"seconds":              st.Elapsed.Seconds(),
		"mb_per_s":             st.MBps(),
		"cpu_seconds":          st.CPU.Seconds(),
		"mb_per_cpu_s":         st.MBpsCPU(),
		"articles_per_s":       st.ArticlesPerSec(),
		"micros_per_article":   st.MicrosPerArticle(),
		"read_seconds":         st.ReadTime.Seconds(),
		"extract_seconds":      st.ExtractTime.Seconds(),
		"extract_share":        st.ExtractShare(),
		"extract_mb_per_cpu_s": st.ExtractMBpsCPU(),
	})
}

func runAliases() error {
	lex, err := lexicon.Load()
	if err != nil {
		return err
	}
	for _, s := range bench.Aliases(lex) {
		fmt.Println(s)
	}
	return nil
}
