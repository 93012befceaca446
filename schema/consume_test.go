package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
)

// nationalDir is the national corpus; a test that converts its files is
// skipped without it and under -short.
func nationalDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "national")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("national corpus not present")
	}
	if testing.Short() {
		t.Skip("converts real files")
	}
	return dir
}

// TestConsume: on national files that print performance forms and a
// department target table, Consume makes Build's document byte for byte
// and the same readings, and leaves no cell in the layout's tables.
func TestConsume(t *testing.T) {
	dir := nationalDir(t)
	files := []string{
		"002_北京/退役军人事务局_附件2：北京市退役军人事务局2026年度部门预算报表.pdf",
		"004_重庆/规划和自然资源局_重庆市规划和自然资源局.pdf",
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			d, err := extract.Open(filepath.Join(dir, f), extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			pages, err := d.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			built, consumed := layout.FromPages(pages), layout.FromPages(pages)
			packed := compacted(pages)
			want, got := Build(built), Consume(consumed, 2)
			if len(want.PerformanceForms) == 0 || len(want.DepartmentTargets) == 0 {
				t.Fatalf("%d performance forms, %d department targets: the file no longer tests what is read before the tables", len(want.PerformanceForms), len(want.DepartmentTargets))
			}
			var wb, gb bytes.Buffer
			if err := WriteJSON(&wb, want); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&gb, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gb.Bytes(), wb.Bytes()) {
				t.Errorf("Consume's document (%d bytes) differs from Build's (%d bytes)", gb.Len(), wb.Len())
			}
			// A document joined from compacted pages (as the pipeline lays
			// out a page) keeps its tables packed; Consume and Build read
			// them as they read the cells of one that is not.
			if n := countPacked(packed); n == 0 {
				t.Fatal("no table of the compacted pages' document is packed")
			}
			for name, doc := range map[string]*Document{"Build": Build(packed), "Consume": Consume(compacted(pages), 2)} {
				var pb bytes.Buffer
				if err := WriteJSON(&pb, doc); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(pb.Bytes(), wb.Bytes()) {
					t.Errorf("%s of packed tables: document (%d bytes) differs from Build's (%d bytes)", name, pb.Len(), wb.Len())
				}
			}
			if !reflect.DeepEqual(consumed.Readings, built.Readings) {
				t.Errorf("readings differ:\n%+v\nwant\n%+v", consumed.Readings, built.Readings)
			}
			for i, tb := range consumed.Tables {
				if tb.Header != nil || tb.Rows != nil || tb.Packed() {
					t.Errorf("table %d %q keeps %d header and %d body rows", i, tb.Title, len(tb.Header), len(tb.Rows))
				}
			}
		})
	}
}

// compacted lays pages out as the pipeline does (each page on its own, its
// record dropped and its cells packed) and joins them.
func compacted(pages []*extract.Page) *layout.Document {
	pls := make([]*layout.PageLayout, len(pages))
	for i, p := range pages {
		pls[i] = layout.LayoutPage(p)
		pls[i].DropRecord()
		pls[i].Compact()
	}
	return layout.Join(pls)
}

func countPacked(ld *layout.Document) int {
	n := 0
	for i := range ld.Tables {
		if ld.Tables[i].Packed() {
			n++
		}
	}
	return n
}

// TestHasTargetHeader: hasTargetHeader, which reads a layout table's cells
// as they are, agrees with isTargetTableHeader over the rows tableFormRows
// and cleanRows make of them, on every table of the first file of each
// city of the national corpus.
func TestHasTargetHeader(t *testing.T) {
	dir := nationalDir(t)
	cities, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	yes, no := 0, 0
	for _, city := range cities {
		files, _ := filepath.Glob(filepath.Join(city, "*.pdf"))
		if len(files) == 0 {
			continue
		}
		d, err := extract.Open(files[0], extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		pages, err := d.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		ld := layout.FromPages(pages)
		for ti := range ld.Tables {
			tb := &ld.Tables[ti]
			want := false
			for _, r := range cleanRows(tableFormRows(tb, ti, 0)) {
				want = want || isTargetTableHeader(r)
			}
			if got := hasTargetHeader(tb); got != want {
				t.Errorf("%s table %d %q: hasTargetHeader %v, want %v", filepath.Base(files[0]), ti, tb.Title, got, want)
			}
			if want {
				yes++
			} else {
				no++
			}
		}
	}
	if yes == 0 || no == 0 {
		t.Errorf("%d target tables and %d others: the test no longer sees both", yes, no)
	}
	t.Logf("%d target tables, %d others", yes, no)
}
