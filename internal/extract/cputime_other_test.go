//go:build !unix

package extract

import "time"

// cpuTime is not measured here: the MB/cpu-s metric is then left out.
func cpuTime() time.Duration { return 0 }
