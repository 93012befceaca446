package main

import (
	"os"
	"runtime/debug"
)

// The collector's settings for one conversion per process: the heap may
// grow to 5× what is live (GOGC=400; Go's default 100 spends a fifth of a
// conversion's CPU collecting), but the collector works harder as the heap
// nears gcSoftLimit, which keeps a long document's peak RSS near 100 MB.
// GOGC and GOMEMLIMIT in the environment win.
const (
	gcPercent   = 400
	gcSoftLimit = 80 << 20
)

func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcSoftLimit)
	}
}
