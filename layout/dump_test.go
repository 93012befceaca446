package layout

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// TestDump is a tool for looking at a file's layout, skipped unless asked:
//
//	LAYOUT_DUMP=file.pdf go test -run TestDump -v ./layout            # tables, first rows
//	LAYOUT_DUMP=file.pdf LAYOUT_ALL=1 go test -run TestDump -v ./layout # every row and the narrative
//	LAYOUT_DUMP=file.pdf LAYOUT_PAGE=5 go test -run TestDump -v ./layout # one page's lines and grids
func TestDump(t *testing.T) {
	path := os.Getenv("LAYOUT_DUMP")
	if path == "" {
		t.Skip("set LAYOUT_DUMP=file.pdf")
	}
	d, err := extract.Open(path, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := strconv.Atoi(os.Getenv("LAYOUT_PAGE")); n > 0 {
		p, err := d.Page(n)
		if err != nil {
			t.Fatal(err)
		}
		dumpPage(p)
		return
	}
	pages, err := d.ReadAll()
	if err != nil {
		t.Log(err)
	}
	all := os.Getenv("LAYOUT_ALL") != ""
	doc := FromPages(pages)
	for i, tb := range doc.Tables {
		fmt.Printf("#%d %q label=%q dept=%q unit=%q note=%q pages=%v ruled=%v ncols=%d header=%d rows=%d\n",
			i, tb.Title, tb.Label, tb.Department, tb.Unit, tb.Note, tb.Pages, tb.Ruled, tb.NCols, len(tb.Header), len(tb.Rows))
		fmt.Println("  labels:", strings.Join(tb.HeaderLabels(), " | "))
		for k, r := range tb.Rows {
			if k < 3 || all {
				fmt.Println("   ", strings.Join(RowTexts(r, tb.NCols), " | "))
			}
		}
	}
	if all {
		for _, p := range doc.Pages {
			for _, l := range p.Lines {
				fmt.Println(p.Number, l.Text)
			}
		}
	}
}

func dumpPage(p *extract.Page) {
	fmt.Printf("page %d %gx%g rotate %d: %d glyphs, %d segments, sideways %d\n",
		p.Number, p.Width, p.Height, p.Rotate, len(p.Glyphs), len(p.Segments), defaults.sideways(p))
	rec := FromPages([]*extract.Page{p}).Page(p.Number)
	for _, l := range rec.Lines {
		fmt.Printf("%6.1f %6.1f %6.1f %6.1f  %q\n", l.Box.X0, l.Box.Y0, l.Box.X1, l.Box.Y1, l.Text)
	}
	for _, g := range rec.Grids {
		fmt.Printf("table %q ruled=%v box=%+v cols=%v cells=%d\n", g.Title, g.Ruled, g.Box, g.ColX, len(g.Cells))
	}
}
