package gctune

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestApply checks that Apply sets Percent when GOGC is unset and leaves
// the collector as the runtime set it from GOGC otherwise.
func TestApply(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100)) // restore the test binary's setting
	tests := []struct {
		name    string
		gogc    string // "" : unset
		current int    // the runtime's setting before Apply
		want    int
	}{
		{"unset", "", 100, Percent},
		{"set by the user", "150", 150, 150},
		{"off", "off", -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc) // restored after the test
			if tt.gogc == "" {
				os.Unsetenv("GOGC")
			}
			debug.SetGCPercent(tt.current)
			Apply()
			if got := debug.SetGCPercent(100); got != tt.want {
				t.Errorf("GC percent %d after Apply, want %d", got, tt.want)
			}
		})
	}
}
