//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time of the process: on a shared machine
// it measures the work of a benchmark better than wall-clock time, which
// includes waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
