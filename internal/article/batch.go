package article

import (
	"iter"

	"github.com/relgraph/relgraph/internal/model"
)

// Read is one file's outcome in a batch: its article or why it could not
// be read.
type Read struct {
	Article model.Article
	Err     error
}

// Batch limits for callers that read ahead (ReadBatch): enough files to
// keep the system calls back to back, little enough text to stay a small,
// bounded part of memory.
const (
	BatchFiles = 64
	BatchBytes = 1 << 20
)

// ReadBatch reads files in order, appending each one's Read to dst, until
// all are read or the text read reaches maxBytes; it reads at least one
// file. The caller goes on from files[len(appended):].
//
// Reading a batch of files and then extracting them, rather than one file
// at a time, is what makes a pass over a corpus fast on one core: the
// system calls, made back to back, find the kernel's code and data still
// in the processor's caches, and the extraction after them finds its own.
// With batches of 64 generated articles a core extracts 10-20% more per
// CPU-second than reading and extracting by turns (docs/BENCHMARKS.md).
func (r Reader) ReadBatch(dst []Read, files []string, maxBytes int) []Read {
	var dir folder
	defer dir.Close()
	size := 0
	for _, f := range files {
		a, err := r.readFileIn(&dir, f)
		dst = append(dst, Read{a, err})
		if size += len(a.Text); size >= maxBytes {
			break
		}
	}
	return dst
}

// Batches reads files with ReadBatch, batch after batch of at most
// maxBytes of text, and yields each batch with the index in files of its
// first file. The batch's slice is reused for the next one.
func (r Reader) Batches(files []string, maxBytes int) iter.Seq2[int, []Read] {
	return func(yield func(int, []Read) bool) {
		var batch []Read
		for i := 0; i < len(files); i += len(batch) {
			batch = r.ReadBatch(batch[:0], files[i:], maxBytes)
			if !yield(i, batch) {
				return
			}
		}
	}
}
