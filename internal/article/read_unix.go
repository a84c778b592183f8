//go:build unix

package article

import (
	"io/fs"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/relgraph/relgraph/internal/model"
)

// readFile returns the bytes of the article file at path after the checks
// of checkFile and checkRead.
//
// It makes the four system calls reading needs (open, fstat, read, close)
// and no more. System calls cost more than parsing a news article, and
// os.Open adds its own: it tries to register every file with the network
// poller (which refuses regular files) and os.File reads once more to see
// the end of the file.
func readFile(path string, max int64) ([]byte, error) {
	return readFileIn(nil, path, max)
}

// readFileIn is readFile opening path relative to the folder f keeps open
// when it is path's folder (f may be nil).
func readFileIn(f *folder, path string, max int64) ([]byte, error) {
	fd, err := f.open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		// The error as os.File.Stat gives it, so the message is the same
		// as where readFile uses os.
		return nil, fileError(model.EInvalid, path, &fs.PathError{Op: "stat", Path: path, Err: err}, "cannot read")
	}
	if err := checkFile(path, fileType(uint32(st.Mode)), st.Size, max); err != nil {
		return nil, err
	}
	data, err := readAll(fd, int(st.Size), int(max))
	if err != nil {
		return nil, fileError(model.EInvalid, path, err, "cannot read")
	}
	if err := checkRead(path, data, max); err != nil {
		return nil, err
	}
	return data, nil
}

// open opens path for reading only, closed on exec like every file os
// opens.
func open(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// folder keeps the folder of the files last read open, so that the next
// file of the same folder is opened relative to it (openat): the kernel
// then resolves one path component instead of every folder on the path,
// about a quarter of the cost of an open here (docs/BENCHMARKS.md). A
// batch of a corpus's files is mostly one folder. The zero folder is
// ready; Close it when done.
type folder struct {
	dir  string // with its trailing separator, as filepath.Split gives it
	fd   int    // a descriptor of dir, if held
	held bool   // false too when dir could not be opened: its files are opened whole
}

// open opens path for reading only, relative to f's folder when path is
// in it, after opening path's folder when it is not. A nil f, a path
// without a folder, or a folder that cannot be opened fall back to a
// plain open: the error, if any, is then open's own.
func (f *folder) open(path string) (int, error) {
	dir, name := filepath.Split(path)
	if f == nil || dir == "" || name == "" {
		return open(path)
	}
	if dir != f.dir {
		f.Close()
		f.dir = dir
		if fd, err := openFolder(dir); err == nil {
			f.fd, f.held = fd, true
		}
	}
	if !f.held {
		return open(path)
	}
	for {
		fd, err := unix.Openat(f.fd, name, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// Close closes the folder's descriptor, if any.
func (f *folder) Close() {
	if f == nil {
		return
	}
	if f.held {
		syscall.Close(f.fd)
	}
	*f = folder{}
}

// openFolder opens dir to open files relative to it. It needs read
// permission on dir, which listing the corpus needed too; without it the
// files are opened by their whole paths.
func openFolder(dir string) (int, error) {
	for {
		fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// fileType is the type of a file with stat mode m as fs.FileMode has it:
// a folder, a regular file or something else.
func fileType(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFREG:
		return 0
	}
	return fs.ModeIrregular
}

// maxRead is the most one read asks for: some systems refuse a read of
// 2 GiB or more (os caps its reads the same way).
const maxRead = 1 << 30

// readAll reads fd to its end, at most max+1 bytes so that a file growing
// without end cannot make us read without bound. The buffer is sized from
// size (fstat's), one byte more so that a file that grew since shows it by
// filling the buffer. A read that stops short at exactly size bytes is
// taken as the end of the file, as a regular file's read stops short only
// there: that saves the read that would return 0 bytes.
func readAll(fd, size, max int) ([]byte, error) {
	buf := make([]byte, 0, size+1)
	for len(buf) <= max {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		want := min(cap(buf), max+1) - len(buf)
		chunk := min(want, maxRead)
		n, err := syscall.Read(fd, buf[len(buf):len(buf)+chunk])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
		if len(buf) == size && n < chunk {
			break
		}
	}
	return buf, nil
}

// ignoringEINTR calls fn until it does not fail with EINTR, which a signal
// can cause on some file systems.
func ignoringEINTR(fn func() error) error {
	for {
		if err := fn(); err != syscall.EINTR {
			return err
		}
	}
}
