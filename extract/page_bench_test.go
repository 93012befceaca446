package extract

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchFiles is the real corpus and the fixture PDFs.
func benchFiles(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "real", "*.pdf"))
	fx, _ := filepath.Glob(filepath.Join("..", "fixtures", "pdf", "*.pdf"))
	files = append(files, fx...)
	if len(files) == 0 {
		b.Skip("no PDFs to measure")
	}
	return files
}

// BenchmarkPages opens every file and extracts all its pages, one page at
// a time, and reports pages per second and allocated bytes per page.
func BenchmarkPages(b *testing.B) {
	files := benchFiles(b)
	data := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	pages := 0
	for range b.N {
		for i, d := range data {
			doc, err := openBytes(d, Options{})
			if err != nil {
				b.Fatalf("%s: %v", files[i], err)
			}
			for n := 1; n <= doc.NumPages(); n++ {
				if _, err := doc.Page(n); err != nil {
					b.Fatalf("%s page %d: %v", files[i], n, err)
				}
				pages++
			}
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
	// On a shared machine wall time includes waiting for a core; the
	// process's own CPU time shows the single-core rate.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(pages)/cpu.Seconds(), "pages/cpu-s")
	}
	b.ReportMetric(float64(pages)/float64(b.N), "pages/op")
}
