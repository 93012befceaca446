package layout

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// continuedPages are a table that runs over three pages (the second
// repeats its header, the third goes straight into data) and a second table.
func continuedPages() []*extract.Page {
	return []*extract.Page{
		ruledPage(1, "2023年预算支出总表", true, [][]string{
			{"合计", "1,738.50", "1,530.68", "207.82"},
			{"一般公共服务支出", "1,346.54", "1,138.72", "207.82"},
		}),
		ruledPage(2, "", true, [][]string{{"社会保障和就业支出", "239.93", "239.93", ""}}),
		ruledPage(3, "", false, [][]string{{"住房公积金", "152.03", "152.03", ""}}),
		ruledPage(4, "2023年一般公共预算支出预算表", true, [][]string{{"合计", "1.00", "1.00", ""}}),
	}
}

// TestCompact: Join of compacted page layouts (DropRecord, then Compact, as
// a conversion that draws nothing lays out a page) has the tables and the
// narrative text and boxes of Join of the page layouts as laid out, and no
// word of the narrative; every row it keeps holds its own cells (appending
// to one never writes into the next).
func TestCompact(t *testing.T) {
	cases := []struct {
		name  string
		pages func() []*extract.Page
	}{
		{"one table", func() []*extract.Page {
			return []*extract.Page{ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "2.00", "2.00", ""}})}
		}},
		{"a table over three pages and another", continuedPages},
		{"narrative only", func() []*extract.Page {
			return []*extract.Page{page(1, cat(text("部门预算公开", 100, 100, 16), text("第一部分 部门概况", 80, 200, 12)), nil)}
		}},
	}
	join := func(pages []*extract.Page, compact bool) *Document {
		var pls []*PageLayout
		for _, p := range pages {
			pl := LayoutPage(p)
			if compact {
				pl.DropRecord()
				pl.Compact()
			}
			pls = append(pls, pl)
		}
		return Join(pls)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, got := join(c.pages(), false), join(c.pages(), true)
			if len(want.Tables) == 0 && c.name != "narrative only" {
				t.Fatal("no table laid out")
			}
			for i := range got.Tables {
				if tb := &got.Tables[i]; !tb.Packed() || tb.Header != nil || tb.Rows != nil {
					t.Errorf("table %d %q: packed %v, %d header and %d body rows; want it packed", i, tb.Title, tb.Packed(), len(tb.Header), len(tb.Rows))
				}
				if w := want.Tables[i]; w.Packed() {
					t.Errorf("table %d of pages not compacted is packed", i)
				}
				view := got.Tables[i].WithCells()
				if !got.Tables[i].Packed() || !reflect.DeepEqual(view.Rows, want.Tables[i].Rows) || !reflect.DeepEqual(view.Header, want.Tables[i].Header) {
					t.Errorf("table %d: WithCells unpacks %+v, want %+v, and leaves the table packed", i, view.Rows, want.Tables[i].Rows)
				}
			}
			got.Unpack()
			if !reflect.DeepEqual(got.Tables, want.Tables) {
				t.Errorf("tables\n%+v\nwant\n%+v", got.Tables, want.Tables)
			}
			if len(got.Pages) != len(want.Pages) {
				t.Fatalf("%d pages, want %d", len(got.Pages), len(want.Pages))
			}
			for i, p := range got.Pages {
				w := want.Pages[i]
				if len(p.Lines) != len(w.Lines) {
					t.Fatalf("page %d: %d lines, want %d", p.Number, len(p.Lines), len(w.Lines))
				}
				for k, l := range p.Lines {
					if l.Text != w.Lines[k].Text || l.Box != w.Lines[k].Box || l.Words != nil {
						t.Errorf("page %d line %d: %q %v with %d words, want %q %v without words", p.Number, k, l.Text, l.Box, len(l.Words), w.Lines[k].Text, w.Lines[k].Box)
					}
				}
			}
			for _, tb := range got.Tables {
				rows := append(append([][]Cell{}, tb.Header...), tb.Rows...)
				for i := 0; i+1 < len(rows); i++ {
					if len(rows[i+1]) == 0 {
						continue
					}
					next := rows[i+1][0]
					_ = append(rows[i], Cell{Text: "planted"})
					if rows[i+1][0] != next {
						t.Errorf("appending to row %d of %q changed row %d", i, tb.Title, i+1)
					}
				}
			}
		})
	}
}

// TestPackCells: the packed cells of Compact unpack to the cells packed,
// whatever their numbers, boxes and texts: empty rows and texts, negative
// and large numbers, boxes that are not round, coordinates that differ in
// the last bit or only in sign (-0), tables with no rows.
func TestPackCells(t *testing.T) {
	tables := []Table{
		{Title: "表一", NCols: 3,
			Header: [][]Cell{{{Text: "项目", Row: 0, Col: 0, RowSpan: 2, ColSpan: 1, Box: Box{1.5, 2.25, 3.125, 1e-9}, Page: 7}}},
			Rows: [][]Cell{
				{{Text: "", Row: -1, Col: 1 << 40, RowSpan: 1, ColSpan: 3, Box: Box{-0.1, 0.2, 595.28, 841.89}, Page: 0}, {Text: "一、<收入>", Row: 3, Col: 2}},
				{},
				{{Text: "合计", Row: 1<<31 + 5, Col: -7, Box: Box{1.0 / 3, 2.0 / 3, 1, 1}, Page: 1 << 20}},
				{{Text: "末位", Box: Box{math.Nextafter(1.0/3, 1), math.Copysign(0, -1), 0, 1.5}}, {Text: "同框", Box: Box{1.5, 2.25, 3.125, 1e-9}}},
			}},
		{Title: "没有行的表"},
		{Title: "只有表头", Header: [][]Cell{{{Text: "单位：万元"}}}},
	}
	want := make([]Table, len(tables))
	for i, tb := range tables {
		want[i] = tb
		want[i].Header = append([][]Cell{}, tb.Header...)
		want[i].Rows = append([][]Cell{}, tb.Rows...)
	}
	cells := []int{6, 0, 1} // counted by hand
	for i := range tables {
		if n := tables[i].Cells(); n != cells[i] {
			t.Errorf("table %d: %d cells before packing, want %d", i, n, cells[i])
		}
	}
	pl := &PageLayout{Number: 7, tables: tables}
	pl.Compact()
	for i, tb := range pl.tables {
		if tb.Header != nil || tb.Rows != nil {
			t.Errorf("table %d keeps rows while packed", i)
		}
		if n := tb.Cells(); n != cells[i] {
			t.Errorf("table %d: %d cells packed, want %d", i, n, cells[i])
		}
	}
	for i := range pl.tables {
		pl.tables[i].Unpack()
	}
	for i, tb := range pl.tables {
		w := want[i]
		if len(tb.Header) != len(w.Header) || len(tb.Rows) != len(w.Rows) {
			t.Fatalf("table %d: %d+%d rows, want %d+%d", i, len(tb.Header), len(tb.Rows), len(w.Header), len(w.Rows))
		}
		for k, rows := range [][][]Cell{tb.Header, tb.Rows} {
			wrows := [][][]Cell{w.Header, w.Rows}[k]
			for r := range rows {
				if len(rows[r]) != len(wrows[r]) || len(rows[r]) > 0 && !reflect.DeepEqual(rows[r], wrows[r]) {
					t.Errorf("table %d row %d: %+v, want %+v", i, r, rows[r], wrows[r])
				}
				for c := range min(len(rows[r]), len(wrows[r])) {
					g, w := rows[r][c].Box, wrows[r][c].Box
					for k, f := range [4]float64{g.X0, g.Y0, g.X1, g.Y1} {
						if wf := [4]float64{w.X0, w.Y0, w.X1, w.Y1}[k]; math.Float64bits(f) != math.Float64bits(wf) {
							t.Errorf("table %d row %d cell %d: box coordinate %d is %v (bits %x), want %v (bits %x)", i, r, c, k, f, math.Float64bits(f), wf, math.Float64bits(wf))
						}
					}
				}
			}
		}
	}
}

// TestLayoutPageCompact: LayoutPageCompact, which never makes the words
// and grid cells of a record that will not be drawn and reuses the arrays
// of its words from page to page, gives the page layout
// of LayoutPage, DropRecord and Compact, field for field, on made pages
// and on every page of a fixture and of national files (ruled and unruled
// tables, forms, turned pages).
func TestLayoutPageCompact(t *testing.T) {
	pages := continuedPages()
	files := []string{"../fixtures/pdf/luliang-2023-calc.pdf"}
	if !testing.Short() {
		files = append(files, filepath.Join(nationalCorpus, "002_北京", "退役军人事务局_附件2：北京市退役军人事务局2026年度部门预算报表.pdf"),
			filepath.Join(nationalCorpus, "004_重庆", "规划和自然资源局_重庆市规划和自然资源局.pdf"))
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil && strings.HasPrefix(f, nationalCorpus) {
			t.Skipf("no national corpus: %v", err)
		}
		d, err := extract.Open(f, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ps, err := d.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	// Every page is laid out before any is compared: a page that kept a
	// piece of memory reused by a later page (the words' arrays) would
	// show it.
	gots := make([]*PageLayout, len(pages))
	for i, p := range pages {
		gots[i] = LayoutPageCompact(p)
	}
	tables := 0
	for i, p := range pages {
		want := LayoutPage(p)
		want.DropRecord()
		want.Compact()
		got := gots[i]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("page %d: LayoutPageCompact\n%+v\nwant\n%+v", p.Number, got, want)
		}
		tables += len(got.tables)
	}
	if len(pages) < 50 || tables < 40 {
		t.Errorf("%d pages, %d tables: the test no longer reads real files", len(pages), tables)
	}
	t.Logf("%d pages, %d tables", len(pages), tables)
}

const nationalCorpus = "../../shared/corpus/national"

// TestJoinerRestart: a Joiner restarted after some pages joins the pages
// added after as a new Joiner does: the document of a table over three
// pages and another, nothing of the pages before the restart in it.
func TestJoinerRestart(t *testing.T) {
	lay := func() []*PageLayout {
		var pls []*PageLayout
		for _, p := range continuedPages() {
			pls = append(pls, LayoutPage(p))
		}
		return pls
	}
	want := Join(lay())
	j := NewJoiner()
	for _, pl := range lay()[:2] {
		j.Take(nil, pl)
	}
	j.Restart()
	for _, pl := range lay() {
		j.Take(nil, pl)
	}
	got := j.Document()
	if len(want.Tables) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("after a restart: %d tables on %d pages, want %d tables on %d pages", len(got.Tables), len(got.Pages), len(want.Tables), len(want.Pages))
	}
}
