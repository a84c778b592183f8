//go:build integration

package faults

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/internal/gen"
	"github.com/relgraph/relgraph/internal/store"
	"github.com/relgraph/relgraph/internal/store/storetest"
)

// relgraphBin is the relgraph binary built by TestMain, in a folder any
// user may read (the permission test runs it as another user), or the one
// RELGRAPH_FAULTS_BIN names (to test a given build).
var relgraphBin string

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if bin := os.Getenv("RELGRAPH_FAULTS_BIN"); bin != "" {
		relgraphBin = bin
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "relgraph-faults-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	relgraphBin = filepath.Join(dir, "relgraph")
	build := exec.Command("go", "build", "-o", relgraphBin, "github.com/relgraph/relgraph/cmd/relgraph")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "faults: go build relgraph: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// requireServer skips the test, as every integration test does, when
// scripts/test did not set up Neo4j (NEO4J_URI unset), unless
// RELGRAPH_REQUIRE_NEO4J=1 makes that a failure.
func requireServer(t *testing.T) {
	t.Helper()
	storetest.Config(t)
}

// result is how a relgraph run ended.
type result struct {
	stdout, stderr string
	code           int // exit status; -1 when killed by a signal
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// relgraph runs the binary with args and the test's environment, bounded
// by two minutes.
func relgraph(t *testing.T, args ...string) result {
	t.Helper()
	return start(t, args...).wait(t, 2*time.Minute)
}

// proc is a relgraph process running in the background.
type proc struct {
	cmd       *exec.Cmd
	out, errb bytes.Buffer
	done      chan struct{}
	err       error // cmd.Wait's, once done is closed
}

// start starts the binary with args and the test's environment.
func start(t *testing.T, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(relgraphBin, args...)
	cmd.Env = os.Environ()
	return startCmd(t, cmd)
}

// startCmd starts cmd, capturing its output.
func startCmd(t *testing.T, cmd *exec.Cmd) *proc {
	t.Helper()
	p := &proc{cmd: cmd, done: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = &p.out, &p.errb
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	return p
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// wait waits up to limit for the process, and kills it (failing the test)
// when it takes longer.
func (p *proc) wait(t *testing.T, limit time.Duration) result {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(limit):
		p.cmd.Process.Kill()
		<-p.done
		t.Fatalf("relgraph %s: still running after %s, killed\nstderr:\n%s", strings.Join(p.cmd.Args[1:], " "), limit, p.errb.String())
	}
	r := result{stdout: p.out.String(), stderr: p.errb.String()}
	var exit *exec.ExitError
	switch {
	case p.err == nil:
	case errors.As(p.err, &exit):
		r.code = exit.ExitCode()
	default:
		t.Fatalf("relgraph: %v", p.err)
	}
	return r
}

// corpus writes count generated articles (internal/gen, seed) and returns
// the folder of the articles and their paths, sorted.
func corpus(t *testing.T, seed uint64, count int) (dir string, files []string) {
	t.Helper()
	root := t.TempDir()
	if _, err := gen.Write(context.Background(), root, gen.Options{Seed: seed, Count: count}); err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(root, gen.ArticlesDir)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != count {
		t.Fatalf("corpus: %d articles, want %d (%v)", len(files), count, err)
	}
	return dir, files
}

// openStore connects to the server the environment names (NEO4J_URI...).
func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), storetest.Config(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dump is the canonical text of the database the environment names.
func dump(t *testing.T) string {
	t.Helper()
	d, err := openStore(t).Dump(context.Background())
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	return d
}

// emptyDatabase deletes every node of the database the environment names
// (schema kept).
func emptyDatabase(t *testing.T) {
	t.Helper()
	storetest.Query(t, "MATCH (n) DETACH DELETE n", nil)
	if n := storetest.Int(t, "MATCH (n) RETURN count(n)"); n != 0 {
		t.Fatalf("%d nodes left after emptying the database", n)
	}
}

// assertSameDump fails when got and want differ, showing the lines only
// one of them has (the first few).
func assertSameDump(t *testing.T, gotName, got, wantName, want string) {
	t.Helper()
	if got == want {
		return
	}
	only := func(a, b string) []string {
		inB := map[string]int{}
		for _, l := range strings.Split(b, "\n") {
			inB[l]++
		}
		var out []string
		for _, l := range strings.Split(a, "\n") {
			if inB[l] > 0 {
				inB[l]--
				continue
			}
			out = append(out, l)
		}
		return out
	}
	shorten := func(lines []string) string {
		for i, l := range lines {
			if len(l) > 400 {
				lines[i] = l[:400] + "..."
			}
		}
		if len(lines) > 10 {
			lines = append(lines[:10], fmt.Sprintf("... and %d more", len(lines)-10))
		}
		return strings.Join(lines, "\n")
	}
	t.Errorf("the %s graph differs from the %s graph:\nonly in %s:\n%s\nonly in %s:\n%s",
		gotName, wantName, gotName, shorten(only(got, want)), wantName, shorten(only(want, got)))
}
