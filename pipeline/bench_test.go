package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// benchFiles are the fixture PDFs and the real corpus.
func benchFiles(b *testing.B) []string {
	var files []string
	for _, g := range []string{"../fixtures/pdf/*.pdf", "../../shared/corpus/real/*.pdf"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) == 0 {
		b.Skip("no PDFs")
	}
	return files
}

// BenchmarkExtractCommand runs the whole structured extraction (extract →
// layout → schema → checks) over every fixture and real PDF, and times
// `pdftotext -layout` on the same files in the same run: ratio is our time
// over poppler's (goal ≤ 1.0); pages/s and docs/s are ours.
func BenchmarkExtractCommand(b *testing.B) {
	files := benchFiles(b)
	pages := 0
	var ours time.Duration
	for i := 0; i < b.N; i++ {
		pages = 0
		start := time.Now()
		for _, f := range files {
			doc, err := Convert([]string{f}, Options{})
			if err != nil {
				b.Fatalf("%s: %v", f, err)
			}
			pages += doc.Source.Pages
		}
		ours += time.Since(start)
	}
	b.StopTimer()
	sec := ours.Seconds() / float64(b.N)
	b.ReportMetric(float64(pages)/sec, "pages/s")
	b.ReportMetric(float64(len(files))/sec, "docs/s")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	const rounds = 3
	start := time.Now()
	for r := 0; r < rounds; r++ {
		for _, f := range files {
			cmd := exec.Command("pdftotext", "-layout", f, os.DevNull)
			if err := cmd.Run(); err != nil {
				b.Logf("pdftotext %s: %v", f, err)
			}
		}
	}
	poppler := time.Since(start).Seconds() / rounds
	b.ReportMetric(sec/poppler, "ratio")
}
