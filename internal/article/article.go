// Package article reads news articles from .txt and .md files: one article
// per file, its id the file name without extension, optional YAML front
// matter (title, date, source, url) and, where front matter is missing,
// metadata inferred from the text (see infer.go and date.go for the rules).
//
// The body is kept exactly as it stands in the file (only a UTF-8 byte
// order mark and the front matter are removed), because evidence sentences
// must be quoted verbatim; whitespace normalisation is the caller's job.
//
// Every problem with a file is a *model.Error whose message starts with the
// file's path: ENotFound for a path that does not exist, EInvalid for the
// rest (unreadable, empty, binary, not UTF-8, too large, bad front matter).
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unsafe"

	"github.com/relgraph/relgraph/internal/model"
)

// DefaultMaxSize is the largest article file read by default: 10 MiB, far
// above any news article, small enough that a stray dump or archive is
// refused before it is read.
const DefaultMaxSize int64 = 10 << 20

// Extensions are the file name extensions (compared case-insensitively)
// that Files collects from folders and accepts as explicit paths.
var Extensions = []string{".txt", ".md"}

// Reader reads articles with a size limit. The zero Reader uses
// DefaultMaxSize and sets Hash; the package-level functions use the zero
// Reader.
type Reader struct {
	// MaxSize is the largest file, in bytes, that is read; 0 means
	// DefaultMaxSize.
	MaxSize int64

	// NoHash leaves Article.Hash empty. The SHA-256 costs about a quarter
	// of parsing and only incremental loads compare it, so callers that
	// just extract (relgraph extract, export) skip it.
	NoHash bool
}

func (r Reader) maxSize() int64 {
	if r.MaxSize > 0 {
		return r.MaxSize
	}
	return DefaultMaxSize
}

// ReadFile reads and parses the article at path with the default limit.
func ReadFile(path string) (model.Article, error) { return Reader{}.ReadFile(path) }

// Parse parses an article's bytes; path gives its id and appears in errors.
func Parse(path string, data []byte) (model.Article, error) { return Reader{}.Parse(path, data) }

// ReadFile reads and parses the article at path. A file over the size limit
// is refused from its size alone, before any of it is read.
func (r Reader) ReadFile(path string) (model.Article, error) {
	return r.readFileIn(nil, path)
}

// readFileIn is ReadFile opening path relative to dir when it is path's
// folder (see folder; dir may be nil).
func (r Reader) readFileIn(dir *folder, path string) (model.Article, error) {
	data, err := readFileIn(dir, path, r.maxSize())
	if err != nil {
		return model.Article{}, err
	}
	// The buffer is ours and never written again, so the article's text
	// can share it instead of being a copy.
	return r.parse(path, data, unsafe.String(unsafe.SliceData(data), len(data)))
}

// checkFile refuses, from its stat alone, a file that ReadFile must not
// read: a folder, anything but a regular file (a pipe or device could
// block or never end), a file over max bytes.
func checkFile(path string, mode fs.FileMode, size, max int64) error {
	switch {
	case mode.IsDir():
		return fileError(model.EInvalid, path, nil, "is a folder, not an article file")
	case !mode.IsRegular():
		return fileError(model.EInvalid, path, nil, "not a regular file")
	case size > max:
		return tooLarge(path, humanBytes(size), max)
	}
	return nil
}

// checkRead refuses a file that grew past max bytes after its stat; data
// holds what was read, at most max+1 bytes.
func checkRead(path string, data []byte, max int64) error {
	if int64(len(data)) > max {
		return tooLarge(path, "more than "+humanBytes(max), max)
	}
	return nil
}

// Parse checks data (size, text, encoding), splits off the front matter,
// fills the metadata from it or infers it from the text, and sets ID, Path
// and (unless r.NoHash) Hash. The returned Text is the body exactly as in data.
func (r Reader) Parse(path string, data []byte) (model.Article, error) {
	if max := r.maxSize(); int64(len(data)) > max {
		return model.Article{}, tooLarge(path, humanBytes(int64(len(data))), max)
	}
	return r.parse(path, data, string(data))
}

// parse is Parse for data within the size limit, with text the same bytes
// as a string.
func (r Reader) parse(path string, data []byte, text string) (model.Article, error) {
	if err := checkText(path, data); err != nil {
		return model.Article{}, err
	}
	fm, body, hasFM, err := splitFrontMatter(strings.TrimPrefix(text, "\uFEFF"))
	if err != nil {
		return model.Article{}, fileError(model.EInvalid, path, nil, err.Error())
	}
	if strings.TrimSpace(body) == "" {
		problem := "empty: no text"
		if hasFM {
			problem = "empty: no text after the front matter"
		}
		return model.Article{}, fileError(model.EInvalid, path, nil, problem)
	}
	a := model.Article{
		ID:     ID(path),
		Title:  fm.Title,
		Date:   fm.Date,
		Source: fm.Source,
		URL:    fm.URL,
		Path:   path,
		Text:   body,
	}
	if !r.NoHash {
		sum := sha256.Sum256(data)
		a.Hash = hex.EncodeToString(sum[:])
	}
	inferred := Infer(body)
	if a.Title == "" {
		a.Title = inferred.Title
	}
	if a.Date == "" {
		a.Date = inferred.Date
	}
	if a.Source == "" {
		a.Source = inferred.Source
	}
	return a, nil
}

// ID returns the article id for path: the file name without its extension.
func ID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Files expands paths into the article files they name: a file is taken as
// it is (it must have one of Extensions), a folder is walked recursively for
// files with those extensions, skipping hidden files and folders (names
// starting with "."). The result is sorted and free of duplicates. Each
// path that cannot be used gives one error naming it; the other paths are
// still expanded.
func Files(paths []string) (files []string, errs []error) {
	add := func(p string) { files = append(files, p) }
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, openError(p, err))
			continue
		}
		if !st.IsDir() {
			if !hasExt(p) {
				errs = append(errs, fileError(model.EInvalid, p, nil,
					"not an article file (want "+strings.Join(Extensions, " or ")+")"))
				continue
			}
			add(p)
			continue
		}
		errs = append(errs, walk(p, add)...)
	}
	// Sorted, the duplicates (a file named twice, or under two of the
	// paths) are neighbours: no set of the paths seen is needed.
	slices.Sort(files)
	return slices.Compact(files), errs
}

// walk collects the article files under root; unreadable folders are
// reported and skipped.
func walk(root string, add func(string)) []error {
	var errs []error
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, openError(p, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !hasExt(p) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Follow a link to a file; a link to a folder is not walked
			// (it could loop).
			st, err := os.Stat(p)
			if err != nil {
				errs = append(errs, openError(p, err))
				return nil
			}
			if st.IsDir() {
				return nil
			}
		}
		add(p)
		return nil
	})
	if err != nil {
		errs = append(errs, openError(root, err))
	}
	return errs
}

func hasExt(p string) bool {
	ext := filepath.Ext(p)
	for _, e := range Extensions {
		if strings.EqualFold(ext, e) {
			return true
		}
	}
	return false
}

// fileError is the error for a problem with one file: the message names the
// file and the problem; cause, if any, is kept for errors.Is.
func fileError(code, path string, cause error, problem string) *model.Error {
	return &model.Error{Code: code, Message: path + ": " + problem, Err: cause}
}

// openError classifies an error from opening or stating path: the message
// reads "PATH: no such file or folder" or "PATH: cannot read: CAUSE".
func openError(path string, err error) *model.Error {
	if errors.Is(err, fs.ErrNotExist) {
		return fileError(model.ENotFound, path, nil, "no such file or folder")
	}
	return fileError(model.EInvalid, path, unwrapPath(err), "cannot read")
}

// unwrapPath drops the *fs.PathError wrapper (whose text repeats the path).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooLarge(path, size string, max int64) *model.Error {
	return fileError(model.EInvalid, path, nil,
		fmt.Sprintf("too large: %s, over the %s limit", size, humanBytes(max)))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
