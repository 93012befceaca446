package layout_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
)

// realCorpus is the shared corpus of published disclosures, relative to the
// package directory.
var realCorpus = filepath.Join("..", "..", "shared", "corpus", "real")

// amountToken is a printed amount the coverage figure counts: two decimals
// or thousands separators.
var amountToken = regexp.MustCompile(`^-?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d\d)$`)

func realPDFs(tb testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(realCorpus, "*.pdf"))
	if len(files) == 0 {
		tb.Skip("no real corpus at", realCorpus)
	}
	return files
}

// TestRealCorpus runs the layout over every real disclosure: no page may
// fail, no table cell may hold U+FFFD or a private-use character, and it
// reports per file the tables found and the coverage: of the amount tokens
// printed on pages with a table, the share that lands in a table cell.
func TestRealCorpus(t *testing.T) {
	for _, path := range realPDFs(t) {
		name := filepath.Base(path)
		d, err := extract.Open(path, extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		pages, err := d.ReadAll()
		if err != nil {
			t.Logf("%s: %v", name, err)
		}
		doc := layout.FromPages(pages)
		for _, w := range doc.Warnings {
			t.Errorf("%s: page %d: %s: %s", name, w.Page, w.Code, w.Message)
		}
		bad := 0
		for _, tb := range doc.Tables {
			for _, rows := range [][][]layout.Cell{tb.Header, tb.Rows} {
				for _, row := range rows {
					for _, c := range row {
						if strings.ContainsFunc(c.Text, garbled) {
							bad++
						}
					}
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d table cells with U+FFFD or private-use characters", name, bad)
		}
		got, want := coverage(pages, doc)
		pct := 100.0
		if want > 0 {
			pct = 100 * float64(got) / float64(want)
		}
		t.Logf("%-32s pages %3d  tables %2d  coverage %4d/%4d = %5.1f%%", name, len(pages), len(doc.Tables), got, want, pct)
	}
}

func garbled(r rune) bool {
	return r == unicode.ReplacementChar || unicode.Is(unicode.Co, r)
}

// coverage counts the amount tokens printed on pages that hold a table and
// how many of them appear in the cells of that page's tables.
func coverage(pages []*extract.Page, doc *layout.Document) (got, want int) {
	inCells := map[int]map[string]int{}
	for _, tb := range doc.Tables {
		for _, rows := range [][][]layout.Cell{tb.Header, tb.Rows} {
			for _, row := range rows {
				for _, c := range row {
					for _, f := range strings.Fields(c.Text) {
						if amountToken.MatchString(f) {
							if inCells[c.Page] == nil {
								inCells[c.Page] = map[string]int{}
							}
							inCells[c.Page][f]++
						}
					}
				}
			}
		}
	}
	for _, p := range pages {
		cells, ok := inCells[p.Number]
		if !ok {
			continue
		}
		for _, l := range layout.Lines(layout.Words(p)) {
			for _, w := range l.Words {
				if !amountToken.MatchString(w.Text) {
					continue
				}
				want++
				if cells[w.Text] > 0 {
					cells[w.Text]--
					got++
				}
			}
		}
	}
	return got, want
}

// BenchmarkLayout runs the layout stage over the real corpus, pages already
// extracted, and reports pages per second beside the extraction's own
// (the faster of two extraction passes, timed the same way) and their ratio:
// layout/extract below 1 means layout costs less than extraction.
func BenchmarkLayout(b *testing.B) {
	var pages []*extract.Page
	extractSecs := 0.0
	for pass := 0; pass < 2; pass++ {
		pages = pages[:0]
		start := time.Now()
		for _, path := range realPDFs(b) {
			d, err := extract.Open(path, extract.Options{})
			if err != nil {
				b.Fatal(err)
			}
			ps, _ := d.ReadAll()
			pages = append(pages, ps...)
		}
		if secs := time.Since(start).Seconds(); pass == 0 || secs < extractSecs {
			extractSecs = secs
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		layout.FromPages(pages)
	}
	secs := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(len(pages))/secs, "pages/s")
	b.ReportMetric(float64(len(pages))/extractSecs, "extract-pages/s")
	b.ReportMetric(secs/extractSecs, "layout/extract")
}
