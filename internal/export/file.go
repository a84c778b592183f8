package export

import (
	"os"
	"path/filepath"

	"github.com/relgraph/relgraph/internal/model"
)

// WriteFile writes data to path atomically: into a temporary file in the
// same folder, synced, then renamed over path. Readers see the old file or
// the whole new one, never a partial file; on any error the temporary file
// is removed and the error (EInvalid) names path. The file gets mode 0644
// (CreateTemp's 0600 would surprise users sharing a drawing).
func WriteFile(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return model.Wrap(model.EInvalid, unwrapPath(err), "write %s", path)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return model.Wrap(model.EInvalid, unwrapPath(err), "write %s", path)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return model.Wrap(model.EInvalid, unwrapPath(err), "write %s", path)
	}
	if err = tmp.Sync(); err != nil {
		return model.Wrap(model.EInvalid, unwrapPath(err), "write %s", path)
	}
	if err = tmp.Close(); err != nil {
		return model.Wrap(model.EInvalid, unwrapPath(err), "write %s", path)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return model.Wrap(model.EInvalid, unwrapPath(err), "write %s", path)
	}
	return nil
}

// unwrapPath drops the *PathError's own (temporary) path so the message
// names the target once: "write out.svg: permission denied".
func unwrapPath(err error) error {
	switch e := err.(type) {
	case *os.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}
