package extract

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// BenchmarkExtract opens every file of a corpus and extracts each page, one
// page at a time as a streaming caller would. It reports pages per second,
// bytes allocated per page, and, when pdftotext is installed, pdftotext
// -layout's pages per second on the same files in the same run and the ratio
// ours/pdftotext. Run it on one core: go test -run '^$' -bench Extract -cpu 1.
func BenchmarkExtract(b *testing.B) {
	root := testModuleRoot(b)
	corpora := []struct{ name, glob string }{
		{"fixtures", filepath.Join(root, "fixtures", "pdf", "*.pdf")},
		{"real", filepath.Join(realCorpusDir(b), "*.pdf")},
	}
	for _, c := range corpora {
		files, _ := filepath.Glob(c.glob)
		if len(files) == 0 {
			continue
		}
		b.Run(c.name, func(b *testing.B) { benchCorpus(b, files) })
	}
}

func benchCorpus(b *testing.B, files []string) {
	data := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	pages, glyphs := 0, 0
	b.ResetTimer()
	for b.Loop() {
		for i, d := range data {
			doc, err := openBytes(d, Options{})
			if err != nil {
				b.Fatalf("%s: %v", files[i], err)
			}
			for n := 1; n <= doc.NumPages(); n++ {
				p, err := doc.Page(n)
				if err != nil {
					b.Fatalf("%s page %d: %v", files[i], n, err)
				}
				pages++
				glyphs += len(p.Glyphs)
			}
		}
	}
	elapsed := b.Elapsed()
	b.StopTimer()
	runtime.ReadMemStats(&ms1)
	if pages == 0 || glyphs == 0 {
		b.Fatal("no pages or no glyphs extracted")
	}
	ours := float64(pages) / elapsed.Seconds()
	b.ReportMetric(ours, "pages/s")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(pages), "B/page")
	if pt := pdftotextRate(b, files); pt > 0 {
		b.ReportMetric(pt, "pdftotext-pages/s")
		b.ReportMetric(ours/pt, "ours/pdftotext")
	}
}

// pdftotextRate times pdftotext -layout over files (at least a second's
// worth of runs) and returns its pages per second, or 0 when it is absent.
func pdftotextRate(b *testing.B, files []string) float64 {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Log("pdftotext not installed: no comparison")
		return 0
	}
	pages := 0
	counts := make([]int, len(files))
	for i, f := range files {
		doc, err := Open(f, Options{})
		if err != nil {
			b.Fatal(err)
		}
		counts[i] = doc.NumPages()
	}
	start := time.Now()
	for time.Since(start) < time.Second {
		for i, f := range files {
			if out, err := exec.Command("pdftotext", "-layout", f, os.DevNull).CombinedOutput(); err != nil {
				b.Fatalf("pdftotext %s: %v\n%s", f, err, out)
			}
			pages += counts[i]
		}
	}
	return float64(pages) / time.Since(start).Seconds()
}

// TestMemoryFlat checks that extracting a document page by page keeps no more
// than the file, the fonts and one page: the live heap after the last page
// is about what it was after the first few.
func TestMemoryFlat(t *testing.T) {
	var path string
	var most int
	for _, f := range corpusPDFs(t) {
		doc, err := Open(f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.NumPages() > most {
			path, most = f, doc.NumPages()
		}
	}
	if most < 20 {
		t.Skip("no document of 20 pages or more")
	}
	doc, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var early uint64
	for n := 1; n <= doc.NumPages(); n++ {
		if _, err := doc.Page(n); err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		if n == 5 {
			early = heap()
		}
	}
	late := heap()
	t.Logf("%s: %d pages, live heap %d KB after page 5, %d KB after page %d", filepath.Base(path), most, early>>10, late>>10, most)
	if late > early+early/4+256<<10 {
		t.Errorf("live heap grew from %d KB to %d KB over %d pages", early>>10, late>>10, most-5)
	}
}
