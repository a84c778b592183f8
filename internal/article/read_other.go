//go:build !unix

package article

import (
	"bytes"
	"io"
	"os"

	"github.com/relgraph/relgraph/internal/model"
)

// readFile returns the bytes of the article file at path after the checks
// of checkFile and checkRead.
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(model.EInvalid, path, err, "cannot read")
	}
	if err := checkFile(path, st.Mode(), st.Size(), max); err != nil {
		return nil, err
	}
	// Read at most max+1 bytes: a file that grows after Stat still cannot
	// make us read without bound. The buffer is sized from Stat, with the
	// room bytes.Buffer wants to see the end: one allocation and two reads,
	// where io.ReadAll would start at 512 bytes and grow, reading again at
	// each step.
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, fileError(model.EInvalid, path, unwrapPath(err), "cannot read")
	}
	data := buf.Bytes()
	if err := checkRead(path, data, max); err != nil {
		return nil, err
	}
	return data, nil
}

// folder opens nothing here: files are opened by their whole paths.
type folder struct{}

// Close does nothing.
func (*folder) Close() {}

// readFileIn is readFile.
func readFileIn(_ *folder, path string, max int64) ([]byte, error) { return readFile(path, max) }
