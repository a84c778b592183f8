package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestProcessGrows checks that busy work shows as CPU time (on the systems
// that report it).
func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no process CPU time here")
	}
	t0 := Process()
	x := 0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		x++
	}
	if d := Process() - t0; d < 10*time.Millisecond {
		t.Errorf("50 ms of busy work used %v of CPU time (x=%d)", d, x)
	}
}
