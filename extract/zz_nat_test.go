package extract

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func cpuNow() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}

func BenchmarkZZNat(b *testing.B) {
	var files []string
	for _, g := range []string{"../../shared/corpus/national/*/*.pdf", "../../shared/corpus/real/*.pdf"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	data := make([][]byte, len(files))
	for i, f := range files {
		data[i], _ = os.ReadFile(f)
	}
	b.ReportAllocs()
	c0 := cpuNow()
	defer func() { b.ReportMetric((cpuNow()-c0)/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		for _, d := range data {
			doc, err := openBytes(d, Options{})
			if err != nil {
				b.Fatal(err)
			}
			for n := 1; n <= doc.NumPages(); n++ {
				doc.Page(n)
			}
		}
	}
}
