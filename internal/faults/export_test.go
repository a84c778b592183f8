//go:build integration

package faults

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// These tests need no Neo4j: `relgraph export` draws the seeds' graph from
// the articles. internal/export's unit tests cover a missing folder, a
// folder that is a file and a target that is a folder; these add a folder
// the user may not write, a read-only file system and a full disk.

// nobody is the user the permission test runs relgraph as when the tests
// run as root (root writes anywhere).
const nobody = 65534

// exportDir is a fresh folder any user may enter, removed at the end.
func exportDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "relgraph-faults-export-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Chmod(dir, 0o755)
		os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// exportSeeds runs `relgraph export -o out seeds/`, as uid when it is not
// -1.
func exportSeeds(t *testing.T, out string, uid int) result {
	t.Helper()
	cmd := exec.Command(relgraphBin, "export", "-o", out, filepath.Join(RepoRoot(t), "seeds"))
	cmd.Env = os.Environ()
	if uid >= 0 {
		// go-graphviz keeps its compiled WebAssembly under $TMPDIR/go-graphviz,
		// readable only by the user who ran it first: give this user its own.
		tmp := filepath.Join(exportDir(t), "tmp")
		if err := os.Mkdir(tmp, 0o777); err != nil || os.Chmod(tmp, 0o777) != nil {
			t.Fatalf("tmp for uid %d: %v", uid, err)
		}
		cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(uid)}}
	}
	return startCmd(t, cmd).wait(t, time.Minute)
}

// assertExportFailed checks the run failed with one message naming out and
// saying why, and that dir holds only the names given (no temporary or
// partial file).
func assertExportFailed(t *testing.T, r result, out, why, dir string, names ...string) {
	t.Helper()
	if r.code != 1 {
		t.Errorf("exit status %d, want 1\n%v", r.code, r)
	}
	if want := "relgraph: export: write " + out + ": " + why; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing", r.stdout)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v after the failed export, want %v", dir, got, names)
	}
}

func TestExportToReadOnlyFolder(t *testing.T) {
	dir := exportDir(t)
	dest := filepath.Join(dir, "dest")
	if err := os.Mkdir(dest, 0o555); err != nil {
		t.Fatal(err)
	}
	uid := -1
	if os.Geteuid() == 0 {
		uid = nobody
	}
	out := filepath.Join(dest, "out.svg")
	assertExportFailed(t, exportSeeds(t, out, uid), out, "permission denied", dest)
}

// mountTmpfs mounts a tmpfs of the given options on a new folder and
// unmounts it at the end; it skips the test unless running as root.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root: not tested here")
	}
	dir := filepath.Join(exportDir(t), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s): not tested here", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

func TestExportToReadOnlyFileSystem(t *testing.T) {
	dir := mountTmpfs(t, "ro,size=64k")
	out := filepath.Join(dir, "out.svg")
	assertExportFailed(t, exportSeeds(t, out, -1), out, "read-only file system", dir)
}

// TestExportToFullDisk writes the seeds' drawing (about 56 kB) onto a
// 16 kB file system that already holds an older drawing: the export fails
// naming the file, the older drawing is intact and no temporary file is
// left.
func TestExportToFullDisk(t *testing.T) {
	dir := mountTmpfs(t, "size=16k")
	out := filepath.Join(dir, "out.svg")
	old := []byte("<svg>older drawing</svg>\n")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	assertExportFailed(t, exportSeeds(t, out, -1), out, "no space left on device", dir, "out.svg")
	if got, err := os.ReadFile(out); err != nil || string(got) != string(old) {
		t.Errorf("the older drawing was changed: %q, %v", got, err)
	}
	// The same export fits on a normal disk: the failure was the space.
	ok := filepath.Join(exportDir(t), "out.svg")
	if r := exportSeeds(t, ok, -1); r.code != 0 {
		t.Fatalf("export to a normal folder: %v", r)
	}
	if fi, err := os.Stat(ok); err != nil || fi.Size() <= 16<<10 {
		t.Fatalf("the drawing (%v, %v) would fit in 16 kB: the test proves nothing", fi.Size(), err)
	}
}

// TestExportToFullStdout writes the drawing to a standard output that
// cannot take it (/dev/full): a clear error, exit status 1.
func TestExportToFullStdout(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	cmd := exec.Command(relgraphBin, "export", "-f", "dot", filepath.Join(RepoRoot(t), "seeds"))
	cmd.Env = os.Environ()
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = full, &stderr
	err = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit status %d (%v), want 1", code, err)
	}
	if !strings.HasPrefix(stderr.String(), "relgraph: export: ") || !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("stderr %q, want relgraph: export: ... no space left on device", stderr.String())
	}
}
