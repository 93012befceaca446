package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestRecordIsTheOutput converts files once as extract does (ConvertFiles)
// and once keeping the layout (ConvertRead, what inspect and review read)
// and checks that the layout's record is the run that made the output, not
// a second reading: the two outputs are the same bytes; every output table
// is made of the layout tables whose reading names it, with their pages and
// its kind; every page has its record, whose grids name the stitched table
// they became, first piece first, each body cell of a stitched table
// printed in one of its grids.
func TestRecordIsTheOutput(t *testing.T) {
	files := []string{
		"../fixtures/pdf/luliang-2023-calc.pdf",
		"../fixtures/pdf/jinchuan-edu-2024-fpdf.pdf",       // rule-less tables over pages
		"../fixtures/pdf/jinchuan-health-2025-chrome.pdf",  // repeated <thead>
		filepath.Join(realDir, "js-swbgt-2019-tables.pdf"), // pages turned by /Rotate 90
		filepath.Join(nationalDir, "002_北京", "统计局_附件2：北京市统计局2026年度部门预算报表.pdf"),
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := ReadFile(path)
			if os.IsNotExist(err) {
				t.Skipf("corpus: %v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			extracted, err := ConvertFiles([]File{f}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc, in, err := ConvertRead(f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var a, b bytes.Buffer
			if err := schema.WriteJSON(&a, extracted); err != nil {
				t.Fatal(err)
			}
			if err := schema.WriteJSON(&b, doc); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("ConvertRead's output differs from ConvertFiles'")
			}
			ld := in.Layout
			if len(ld.Readings) != len(ld.Tables) {
				t.Fatalf("%d readings for %d tables", len(ld.Readings), len(ld.Tables))
			}
			// Output tables from the readings.
			pages := make([][]int, len(doc.Tables))
			for k, r := range ld.Readings {
				if r.Form {
					continue
				}
				if r.Output < 0 || r.Output >= len(doc.Tables) {
					t.Fatalf("layout table %d read as output table %d of %d", k, r.Output, len(doc.Tables))
				}
				if r.Kind != doc.Tables[r.Output].Kind || len(r.Keys) != ld.Tables[k].NCols {
					t.Errorf("layout table %d: kind %s, %d keys; output %s, %d printed columns", k, r.Kind, len(r.Keys), doc.Tables[r.Output].Kind, ld.Tables[k].NCols)
				}
				for _, p := range ld.Tables[k].Pages {
					if n := len(pages[r.Output]); n == 0 || pages[r.Output][n-1] != p {
						pages[r.Output] = append(pages[r.Output], p)
					}
				}
			}
			for i, tb := range doc.Tables {
				if !slices.Equal(pages[i], tb.Pages) {
					t.Errorf("output table %d %q: pages %v, its layout tables' %v", i, tb.Title, tb.Pages, pages[i])
				}
			}
			// The record: one per page, grids naming their stitched table.
			if len(ld.Record) != doc.Source.Pages {
				t.Errorf("%d page records for %d pages", len(ld.Record), doc.Source.Pages)
			}
			gridPages := make([][]int, len(ld.Tables))
			texts := make([]map[string]int, len(ld.Tables))
			for _, rec := range ld.Record {
				for _, g := range rec.Grids {
					if g.Table < 0 || g.Table >= len(ld.Tables) {
						t.Fatalf("page %d: grid of table %d of %d", rec.Number, g.Table, len(ld.Tables))
					}
					if first := len(gridPages[g.Table]) == 0; first == g.Continues {
						t.Errorf("page %d: grid of table %d continues %v, first piece %v", rec.Number, g.Table, g.Continues, first)
					}
					gridPages[g.Table] = append(gridPages[g.Table], rec.Number)
					if texts[g.Table] == nil {
						texts[g.Table] = map[string]int{}
					}
					for _, c := range g.Cells {
						texts[g.Table][c.Text]++
					}
				}
			}
			for k, lt := range ld.Tables {
				if !slices.Equal(gridPages[k], lt.Pages) {
					t.Errorf("table %d %q: pages %v, its grids' %v", k, lt.Title, lt.Pages, gridPages[k])
				}
				for _, row := range lt.Rows {
					for _, c := range row {
						if c.Text == "" {
							continue
						}
						if texts[k][c.Text] == 0 {
							t.Errorf("table %d %q: cell %q on page %d in none of its grids", k, lt.Title, c.Text, c.Page)
						}
						texts[k][c.Text]--
					}
				}
			}
		})
	}
}
