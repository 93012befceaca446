//go:build linux

package extract

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"testing"
)

// TestFaultInWorkers: a mapped document whose middle cannot be read any
// more (made unreadable with mprotect, as a file cut short is past its new
// end) faults in the page workers when they read pages from there; each
// worker turns the fault into a panic (SetPanicOnFault), so those pages
// come back as errors instead of the process dying of the signal. The
// file's ends (header, cross-reference table) stay readable, so its copies
// open and the workers run.
func TestFaultInWorkers(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testModuleRoot(t), "..", "shared", "corpus", "national", "003_深圳", "人力资源和社会保障局_2026年部门预算.pdf"))
	if err != nil {
		t.Skip(err)
	}
	path := filepath.Join(t.TempDir(), "cut.pdf")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, len(src), syscall.PROT_READ, syscall.MAP_SHARED)
	f.Close()
	if err != nil {
		t.Skip("mmap:", err)
	}
	defer syscall.Munmap(data)
	d, err := NewReaderBytes(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.NumPages() < 2*minPagesPerWorker {
		t.Fatalf("%d pages: too few for two workers", d.NumPages())
	}
	page := os.Getpagesize()
	from, to := len(data)/4/page*page, len(data)*3/4/page*page
	if err := syscall.Mprotect(data[from:to], syscall.PROT_NONE); err != nil {
		t.Skip("mprotect:", err)
	}
	// The caller's goroutine is the caller's to guard (pipeline's guard
	// does it); the workers' are ReadEach's.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	pages, _, err := ReadEach(context.Background(), d, 2, func(*Page) int { return 0 })
	failed := 0
	for _, p := range pages {
		if hasCode(p.Warnings, "page_error") {
			failed++
		}
	}
	if err == nil && failed == 0 {
		t.Fatalf("%d pages read whole from a file with bytes %d to %d unreadable", len(pages), from, to)
	}
}
