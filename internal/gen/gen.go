// Package gen writes a deterministic synthetic corpus of defence-diplomacy
// articles in the style of the seeds (VNA datelines, officials with ranks,
// "the two sides", "his guest", lists of countries, planned and established
// statements, attaché offices, ADMM/ADMM-Plus membership, UN peacekeeping,
// hotlines and joint patrols, scraped text with missing spaces) together
// with the relationships each article states, as gold.jsonl and
// aliases.json in the format of corpus/dev.
//
// It is a load generator for benchmarks and a sanity check of the
// extractor, not a training set: the templates were written from the
// annotation rules, not from the extractor's output.
//
// The same seed gives byte-identical output, and article i depends only on
// (seed, i), so a smaller corpus is a prefix of a larger one. Articles are
// written as they are generated: memory does not grow with the count.
package gen

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/relgraph/relgraph/internal/model"
)

// Options say what to generate.
type Options struct {
	Seed  uint64 // default 0 is a seed like any other
	Count int    // number of articles
}

// Summary counts what Write wrote.
type Summary struct {
	Articles  int
	Relations int
	Bytes     int64 // article bytes
}

// The files Write creates under its output folder.
const (
	ArticlesDir = "articles"
	GoldFile    = "gold.jsonl"
	AliasesFile = "aliases.json"
)

// Write generates opts.Count articles into dir/articles/<id>.txt, their
// relationships into dir/gold.jsonl (one line per article, in order) and
// the canonical names' surface forms into dir/aliases.json. dir may exist
// but dir/articles must not hold files, so an older, larger corpus never
// leaves stray articles behind.
func Write(ctx context.Context, dir string, opts Options) (Summary, error) {
	var sum Summary
	if opts.Count < 0 {
		return sum, model.Errorf(model.EInvalid, "gen: count must be >= 0, got %d", opts.Count)
	}
	adir := filepath.Join(dir, ArticlesDir)
	if err := checkEmpty(adir); err != nil {
		return sum, err
	}
	if err := os.MkdirAll(adir, 0o755); err != nil {
		return sum, model.Wrap(model.EInvalid, err, "gen: create %s", adir)
	}
	gf, err := os.Create(filepath.Join(dir, GoldFile))
	if err != nil {
		return sum, model.Wrap(model.EInvalid, err, "gen: create gold file")
	}
	defer gf.Close()
	gold := bufio.NewWriterSize(gf, 1<<16)
	enc := json.NewEncoder(gold)
	enc.SetEscapeHTML(false)
	width := idWidth(opts.Count)
	for i := 0; i < opts.Count; i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
		}
		d := Generate(opts.Seed, i)
		if width > 6 {
			d.ID = fmt.Sprintf("g%0*d", width, i) + d.ID[7:]
		}
		path := filepath.Join(adir, d.ID+".txt")
		if err := os.WriteFile(path, []byte(d.Text), 0o644); err != nil {
			return sum, model.Wrap(model.EInvalid, err, "gen: write article")
		}
		rels := d.Relations
		if rels == nil {
			rels = []Relation{}
		}
		if err := enc.Encode(Gold{Article: d.ID, Relations: rels}); err != nil {
			return sum, fmt.Errorf("gen: write gold: %w", err)
		}
		sum.Articles++
		sum.Relations += len(d.Relations)
		sum.Bytes += int64(len(d.Text))
	}
	if err := gold.Flush(); err != nil {
		return sum, model.Wrap(model.EInvalid, err, "gen: write gold file")
	}
	if err := gf.Close(); err != nil {
		return sum, model.Wrap(model.EInvalid, err, "gen: write gold file")
	}
	if err := writeAliases(filepath.Join(dir, AliasesFile)); err != nil {
		return sum, err
	}
	return sum, nil
}

func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return model.Wrap(model.EInvalid, err, "gen: read %s", dir)
	}
	if len(entries) > 0 {
		return model.Errorf(model.EInvalid, "gen: %s is not empty; write into a new folder", dir)
	}
	return nil
}

// idWidth is the digits in article ids: 6, or more for corpora of a
// million articles or more, so ids always sort in generation order.
func idWidth(count int) int {
	w := 6
	for n := 1000000; count > n && w < 18; n *= 10 {
		w++
	}
	return w
}

func writeAliases(path string) error {
	b, err := json.MarshalIndent(aliases(), "", " ")
	if err != nil {
		return fmt.Errorf("gen: aliases: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return model.Wrap(model.EInvalid, err, "gen: write aliases")
	}
	return nil
}
