// Package contract writes the `relgraph extract --format json` object
// (shared/spec/relations.md) for a stream of per-article extractions,
// without holding the stream.
//
// The contract is one JSON object whose lists are sorted: articles by id,
// entities by id, relations by (article, type, from, to). No list can be
// written before every article is known, so Writer keeps only what is small
// (article rows and one row per distinct entity) and spools each article's
// encoded relation rows to a temporary file, copying them out in article
// order at the end. Memory then follows the number of articles and distinct
// actors, not the number of relations or the size of their evidence.
//
// The bytes are those encoding/json writes for model.Extraction with
// two-space indentation and HTML escaping of the rows' strings (what the
// rows' MarshalJSON methods give); the tests hold the two side by side.
package contract

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/relgraph/relgraph/internal/model"
)

// Writer collects per-article extractions and writes the contract object.
// Use NewWriter, Add each article's extraction, then Finish; Close removes
// the spool file and may be deferred. A Writer is not safe for concurrent
// use.
type Writer struct {
	dir      string // where the spool file goes ("" = os.TempDir())
	spool    *os.File
	sw       *bufio.Writer // buffers writes to spool
	size     int64         // bytes written to spool
	articles []model.ArticleRef
	entities map[string]model.Entity // first seen wins, as model.Extraction.Merge
	chunks   map[string]chunk        // article id -> its relation rows in the spool
	buf      []byte                  // encoding scratch
}

// chunk is where one article's relation rows sit in the spool.
type chunk struct{ off, n int64 }

// NewWriter returns a Writer that spools relation rows to a temporary file
// in dir (the system's temporary directory when dir is "").
func NewWriter(dir string) *Writer {
	return &Writer{dir: dir, entities: map[string]model.Entity{}, chunks: map[string]chunk{}}
}

// Add records one extraction, usually one article's. Entities already seen
// are skipped; relations are made canonical and kept once per (from, type,
// to, article). Every relation of an article must come in one Add: a
// relation whose article an earlier Add already had is an error, and
// nothing of x is recorded then.
func (w *Writer) Add(x model.Extraction) error {
	rels := make([]model.Relation, 0, len(x.Relations))
	for _, r := range x.Relations {
		r = r.Canonical()
		if _, dup := w.chunks[r.Article]; dup {
			return fmt.Errorf("relations of article %q given twice", r.Article)
		}
		rels = append(rels, r)
	}
	// The contract's relation order; stable, so the first of equal keys
	// comes first and Compact keeps it.
	slices.SortStableFunc(rels, compareRelations)
	rels = slices.CompactFunc(rels, func(a, b model.Relation) bool { return compareRelations(a, b) == 0 })
	for i := 0; i < len(rels); {
		j := i + 1
		for j < len(rels) && rels[j].Article == rels[i].Article {
			j++
		}
		if err := w.spoolRows(rels[i:j]); err != nil {
			return err
		}
		i = j
	}
	w.articles = append(w.articles, x.Articles...)
	for _, e := range x.Entities {
		if _, ok := w.entities[e.ID]; !ok {
			w.entities[e.ID] = e
		}
	}
	return nil
}

// spoolRows writes the rows of one article's relations (sorted) to the
// spool and records where they are.
func (w *Writer) spoolRows(rels []model.Relation) error {
	if w.spool == nil {
		f, err := os.CreateTemp(w.dir, "relgraph-relations-*.json")
		if err != nil {
			return fmt.Errorf("spool relations: %w", err)
		}
		w.spool, w.sw = f, bufio.NewWriterSize(f, 64<<10)
	}
	b := w.buf[:0]
	for i, r := range rels {
		if i > 0 {
			b = append(b, rowSep...)
		}
		b = appendRelation(b, r)
	}
	w.buf = b
	if _, err := w.sw.Write(b); err != nil {
		return fmt.Errorf("spool relations to %s: %w", w.spool.Name(), err)
	}
	w.chunks[rels[0].Article] = chunk{off: w.size, n: int64(len(b))}
	w.size += int64(len(b))
	return nil
}

// Finish writes the contract object to out and removes the spool.
func (w *Writer) Finish(out io.Writer) (err error) {
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	if w.sw != nil {
		if err := w.sw.Flush(); err != nil {
			return fmt.Errorf("spool relations to %s: %w", w.spool.Name(), err)
		}
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	articles := slices.Clone(w.articles)
	slices.SortStableFunc(articles, func(a, b model.ArticleRef) int { return cmp.Compare(a.ID, b.ID) })
	b := append(w.buf[:0], "{\n  \"articles\": ["...)
	for i, a := range articles {
		b = appendSep(b, i)
		b = appendArticle(b, a)
		if len(b) > 32<<10 {
			if _, err := bw.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = appendEnd(b, len(articles))
	b = append(b, ",\n  \"entities\": ["...)
	ids := make([]string, 0, len(w.entities))
	for id := range w.entities {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for i, id := range ids {
		b = appendSep(b, i)
		b = appendEntity(b, w.entities[id])
	}
	b = appendEnd(b, len(ids))
	b = append(b, ",\n  \"relations\": ["...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	// Relation chunks in article order (ids are unique: a chunk each).
	withRels := make([]string, 0, len(w.chunks))
	for id := range w.chunks {
		withRels = append(withRels, id)
	}
	slices.Sort(withRels)
	for i, id := range withRels {
		if _, err := bw.Write(appendSep(b[:0], i)); err != nil {
			return err
		}
		c := w.chunks[id]
		if _, err := io.Copy(bw, io.NewSectionReader(w.spool, c.off, c.n)); err != nil {
			return fmt.Errorf("read spooled relations: %w", err)
		}
	}
	b = appendEnd(b[:0], len(withRels))
	b = append(b, "\n}\n"...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// Close removes the spool file; the Writer cannot be used after it. It is
// safe to call more than once and after Finish.
func (w *Writer) Close() error {
	if w.spool == nil {
		return nil
	}
	f := w.spool
	w.spool, w.sw = nil, nil
	cerr := f.Close()
	if err := os.Remove(f.Name()); err != nil {
		return fmt.Errorf("remove spool: %w", err)
	}
	return cerr
}

// compareRelations is the contract's relation order.
func compareRelations(a, b model.Relation) int {
	return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}
