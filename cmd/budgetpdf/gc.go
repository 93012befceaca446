package main

import (
	"os"
	"runtime/debug"
)

// The collector's settings for one conversion per process: the heap may
// grow to 9× what is live (GOGC=800; Go's default 100 spent a fifth of a
// conversion's CPU collecting, and 800 takes 2–6% less CPU than 400 over
// the national and real corpora, one process per file), but the collector
// works harder as the heap nears gcSoftLimit, which keeps a long
// document's peak RSS near 100 MB (the largest corpus file, 262 pages:
// 63 MB at 400, 71 MB at 800). GOGC and GOMEMLIMIT in the environment win.
const (
	gcPercent   = 800
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
