//go:build !unix

package article

import "time"

// cpuTime is 0 where getrusage is missing: benchmarks then omit MB/cpu-s.
func cpuTime() time.Duration { return 0 }
