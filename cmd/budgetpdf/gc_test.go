package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// TestGCSettings checks that the process starts with the collector settings
// of gc.go unless the environment sets its own.
func TestGCSettings(t *testing.T) {
	if os.Getenv("GOGC") == "" {
		prev := debug.SetGCPercent(gcPercent)
		if prev != gcPercent {
			t.Errorf("GC percent %d, want %d", prev, gcPercent)
		}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		if got := debug.SetMemoryLimit(-1); got != gcSoftLimit {
			t.Errorf("memory limit %d, want %d", got, gcSoftLimit)
		}
	}
	if gcSoftLimit >= math.MaxInt64 || gcPercent <= 100 {
		t.Errorf("settings %d%% / %d bytes do not change the defaults", gcPercent, gcSoftLimit)
	}
}
