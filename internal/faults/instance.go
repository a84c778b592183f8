package faults

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Instance is a Neo4j server run by scripts/neo4j under its own instance
// name and ports, with its own data, logs and pid file, so a test can kill
// and restart it without touching the shared test server.
type Instance struct {
	Name     string
	BoltPort int
	HTTPPort int
	Password string
	script   string // scripts/neo4j
}

// Memory of a test instance: half of scripts/neo4j's defaults, enough for
// the small corpora of fault tests on a machine that also runs the shared
// test server.
const (
	instanceHeap      = "512m"
	instancePageCache = "128m"
)

// StartInstance resets instance name (deleting the data of an earlier run)
// and starts it on the preferred ports, or on free ones when those are
// taken. The server is stopped when the test ends and its folder (about
// 500 MB) deleted, unless the test failed: its data and logs then stay for
// a look (in the folder scripts/neo4j status names) until the next run.
func StartInstance(t testing.TB, name string, boltPort, httpPort int) *Instance {
	t.Helper()
	in := &Instance{
		Name:     name,
		BoltPort: freePort(t, boltPort),
		Password: "faults-" + name + "-pw",
		script:   filepath.Join(RepoRoot(t), "scripts", "neo4j"),
	}
	in.HTTPPort = freePort(t, httpPort, in.BoltPort)
	in.run(t, "reset")
	t.Cleanup(func() {
		cmd := "reset"
		if t.Failed() {
			cmd = "stop"
		}
		if out, err := in.command(cmd).CombinedOutput(); err != nil {
			t.Errorf("scripts/neo4j %s (instance %s): %v\n%s", cmd, in.Name, err, out)
		}
	})
	in.Start(t)
	return in
}

// URI is the instance's Bolt address.
func (in *Instance) URI() string { return fmt.Sprintf("bolt://127.0.0.1:%d", in.BoltPort) }

// Use points NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE
// at the instance until the test ends, so storetest's helpers and relgraph
// subprocesses talk to it.
func (in *Instance) Use(t testing.TB) {
	t.Setenv("NEO4J_URI", in.URI())
	t.Setenv("NEO4J_USERNAME", "neo4j")
	t.Setenv("NEO4J_PASSWORD", in.Password)
	t.Setenv("NEO4J_DATABASE", "neo4j")
}

// Start starts the server and waits until it answers (scripts/neo4j start).
func (in *Instance) Start(t testing.TB) {
	t.Helper()
	began := time.Now()
	in.run(t, "start")
	t.Logf("neo4j instance %s started on %s in %s", in.Name, in.URI(), time.Since(began).Round(time.Millisecond))
}

// Kill ends the server with SIGKILL, as a crash or the OOM killer would:
// no shutdown, no checkpoint (scripts/neo4j kill).
func (in *Instance) Kill(t testing.TB) {
	t.Helper()
	in.run(t, "kill")
	if in.Running() {
		t.Fatalf("neo4j instance %s still running after scripts/neo4j kill", in.Name)
	}
}

// Running reports whether the server process is alive (scripts/neo4j pid).
func (in *Instance) Running() bool {
	return in.command("pid").Run() == nil
}

func (in *Instance) command(arg string) *exec.Cmd {
	cmd := exec.Command(in.script, arg)
	cmd.Env = append(os.Environ(),
		"NEO4J_INSTANCE="+in.Name,
		"NEO4J_BOLT_PORT="+strconv.Itoa(in.BoltPort),
		"NEO4J_HTTP_PORT="+strconv.Itoa(in.HTTPPort),
		"NEO4J_PASSWORD="+in.Password,
		"NEO4J_HEAP="+instanceHeap,
		"NEO4J_PAGECACHE="+instancePageCache,
	)
	return cmd
}

func (in *Instance) run(t testing.TB, arg string) {
	t.Helper()
	out, err := in.command(arg).CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/neo4j %s (instance %s): %v\n%s", arg, in.Name, err, out)
	}
}

// freePort returns preferred if nothing listens on it (and it is not one
// of taken), else a port the kernel picks.
func freePort(t testing.TB, preferred int, taken ...int) int {
	t.Helper()
	for _, p := range taken {
		if p == preferred {
			preferred = 0
		}
	}
	if preferred != 0 {
		if l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", preferred)); err == nil {
			l.Close()
			return preferred
		}
	}
	for {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatalf("no free port: %v", err)
		}
		p := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if !contains(taken, p) {
			return p
		}
	}
}

func contains(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// RepoRoot is the folder of relgraph's go.mod, found from the working
// directory up (go test runs in the package's folder).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(data, []byte("module github.com/relgraph/relgraph\n")) {
			return dir
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("relgraph's go.mod not found above the working directory")
		}
		dir = parent
	}
}
