package review

import (
	"slices"
	"testing"

	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
)

// cell builds a layout cell on page pg at grid position (row, col), 20pt
// rows and 60pt columns.
func cell(pg, row, col, rowSpan, colSpan int, text string) layout.Cell {
	y := float64(100 + 20*row)
	x := float64(50 + 60*col)
	return layout.Cell{Text: text, Row: row, Col: col, RowSpan: rowSpan, ColSpan: colSpan, Page: pg,
		Box: layout.Box{X0: x, Y0: y, X1: x + 60*float64(colSpan), Y1: y + 20*float64(rowSpan)}}
}

// spendTable is a 一般公共预算支出表 printed on pages 3 and 4: the subject
// code as 类 | 款 | 项 under 科目编码, a name, a total; a blank row on page
// 3, the 行政运行 row on page 4.
func spendTable() layout.Table {
	return layout.Table{
		Title: "2023年一般公共预算支出预算表", Pages: []int{3, 4}, NCols: 5, Ruled: true,
		Box: layout.Box{X0: 50, Y0: 100, X1: 350, Y1: 200},
		Header: [][]layout.Cell{
			{cell(3, 0, 0, 1, 3, "科目编码"), cell(3, 0, 3, 2, 1, "科目名称"), cell(3, 0, 4, 2, 1, "合计")},
			{cell(3, 1, 0, 1, 1, "类"), cell(3, 1, 1, 1, 1, "款"), cell(3, 1, 2, 1, 1, "项")},
		},
		Rows: [][]layout.Cell{
			{cell(3, 2, 0, 1, 3, "合计"), cell(3, 2, 3, 1, 1, ""), cell(3, 2, 4, 1, 1, "60.00")},
			{cell(3, 3, 0, 1, 1, ""), cell(3, 3, 1, 1, 1, ""), cell(3, 3, 2, 1, 1, ""), cell(3, 3, 3, 1, 1, ""), cell(3, 3, 4, 1, 1, "")},
			{cell(4, 4, 0, 1, 1, "201"), cell(4, 4, 1, 1, 1, "01"), cell(4, 4, 2, 1, 1, "01"), cell(4, 4, 3, 1, 1, "行政运行"), cell(4, 4, 4, 1, 1, "60.00")},
		},
	}
}

func TestFromLayout(t *testing.T) {
	ld := &layout.Document{
		Pages:  []layout.PageText{{Number: 3, Width: 595, Height: 842}, {Number: 4, Width: 595, Height: 842}},
		Tables: []layout.Table{spendTable()},
		Record: []layout.PageRecord{{Number: 3, Width: 595, Height: 842, FontSize: 10}, {Number: 4, Width: 595, Height: 842, FontSize: 9}},
	}
	doc := schema.Build(ld)
	if len(doc.Tables) != 1 || len(doc.Tables[0].Columns) != 3 || len(doc.Tables[0].Rows) != 2 {
		t.Fatalf("schema built %+v", doc.Tables)
	}
	g := FromLayout(ld, doc)
	if len(g.Pages) != 2 || len(g.Pages[0].Grids) != 1 || len(g.Pages[1].Grids) != 1 {
		t.Fatalf("geometry %+v", g)
	}
	if g.Pages[0].FontSize != 10 || g.Pages[1].FontSize != 9 {
		t.Errorf("font sizes %v %v", g.Pages[0].FontSize, g.Pages[1].FontSize)
	}
	for _, p := range g.Pages {
		if gr := p.Grids[0]; gr.Table != 0 || gr.First != 3 {
			t.Errorf("page %d: grid of table %d first page %d, want 0 and 3", p.Number, gr.Table, gr.First)
		}
	}
	// Where each printed cell went, written by hand: output columns are
	// subject_code (the three code columns), subject_name, total.
	type pos struct{ row, col int }
	want := map[int][]pos{
		3: {{-1, -1}, {-1, -1}, {-1, -1}, {-1, -1}, {-1, -1}, {-1, -1}, // header
			{0, 0}, {0, 1}, {0, 2}, // 合计 starts in the code column (the schema moves the label to the name per value)
			{-1, 0}, {-1, 0}, {-1, 0}, {-1, 1}, {-1, 2}}, // the blank row: not in the output
		4: {{1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 2}},
	}
	for _, p := range g.Pages {
		cells := p.Grids[0].Cells
		if len(cells) != len(want[p.Number]) {
			t.Fatalf("page %d: %d cells, want %d", p.Number, len(cells), len(want[p.Number]))
		}
		for i, c := range cells {
			if got := (pos{c.Row, c.Col}); got != want[p.Number][i] {
				t.Errorf("page %d cell %d %q: row/col %v, want %v", p.Number, i, c.Text, got, want[p.Number][i])
			}
		}
	}
	if got := doc.Tables[0].Rows[1].Get("subject_code"); got == nil || *got != "2010101" {
		t.Errorf("schema code %v", got)
	}
}

func TestFromLayoutUnfoldedHalves(t *testing.T) {
	// 基本支出决算表 style: 人员经费 codes and amounts on the left, 公用经费
	// on the right; the schema stacks the right half under the left.
	h := func(col int, s string) layout.Cell { return cell(5, 0, col, 1, 1, s) }
	b := func(row, col int, s string) layout.Cell { return cell(5, row, col, 1, 1, s) }
	lt := layout.Table{
		Title: "2023年一般公共预算基本支出决算表", Pages: []int{5}, NCols: 6,
		Header: [][]layout.Cell{{h(0, "科目编码"), h(1, "科目名称"), h(2, "决算数"), h(3, "科目编码"), h(4, "科目名称"), h(5, "决算数")}},
		Rows: [][]layout.Cell{
			{b(1, 0, "301"), b(1, 1, "工资福利支出"), b(1, 2, "10.00"), b(1, 3, "302"), b(1, 4, "商品和服务支出"), b(1, 5, "4.00")},
			{b(2, 0, "30101"), b(2, 1, "基本工资"), b(2, 2, "10.00"), b(2, 3, ""), b(2, 4, ""), b(2, 5, "")},
		},
	}
	ld := &layout.Document{Pages: []layout.PageText{{Number: 5, Width: 595, Height: 842}}, Tables: []layout.Table{lt}}
	doc := schema.Build(ld)
	tb := doc.Tables[0]
	if len(tb.Columns) != 3 || len(tb.Rows) != 3 {
		t.Skipf("the schema no longer stacks this table's halves (%d columns, %d rows)", len(tb.Columns), len(tb.Rows))
	}
	g := FromLayout(ld, doc)
	got := map[string][2]int{}
	for _, c := range g.Pages[0].Grids[0].Cells {
		if !c.Header && c.Text != "" {
			got[c.Text] = [2]int{c.Row, c.Col}
		}
	}
	want := map[string][2]int{"301": {0, 0}, "工资福利支出": {0, 1}, "302": {2, 0}, "商品和服务支出": {2, 1}, "4.00": {2, 2}, "30101": {1, 0}, "基本工资": {1, 1}}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: row/col %v, want %v", k, got[k], w)
		}
	}
	for _, c := range g.Pages[0].Grids[0].Cells {
		if c.Row >= 0 && c.Col >= 0 && c.Text != "" {
			v := tb.Rows[c.Row].Get(tb.Columns[c.Col].Key)
			if v == nil || *v != c.Text {
				t.Errorf("cell %q maps to value %v", c.Text, v)
			}
		}
	}
}

// TestTableLinks: each layout table links to the output table the
// schema's reading of it names; the performance-form section's tables and
// every table of a document the schema has not read link to none.
func TestTableLinks(t *testing.T) {
	row := func(pg int, texts ...string) []layout.Cell {
		var r []layout.Cell
		for i, s := range texts {
			r = append(r, cell(pg, 1, i, 1, 1, s))
		}
		return r
	}
	table := func(title string, pg int, header []string, body ...[]string) layout.Table {
		lt := layout.Table{Title: title, Pages: []int{pg}, NCols: len(header), Header: [][]layout.Cell{row(pg, header...)}}
		for _, b := range body {
			lt.Rows = append(lt.Rows, row(pg, b...))
		}
		return lt
	}
	ld := &layout.Document{Tables: []layout.Table{
		table("2023年一般公共预算支出预算表", 1, []string{"科目编码", "科目名称", "合计"}, []string{"201", "一般公共服务支出", "1.00"}),
		table("项目支出绩效目标表", 2, []string{"项目名称", "某项目"}, []string{"项目资金", "1.00"}),
		table("", 3, []string{"项目名称", "某项目"}, []string{"年度目标", "完成"}),
		table("2023年“三公”经费支出预算表", 4, []string{"项目", "合计"}, []string{"合计", "1.00"}),
	}}
	if got := tableLinks(ld); !slices.Equal(got, []int{-1, -1, -1, -1}) {
		t.Errorf("before the schema read it: links %v", got)
	}
	doc := schema.Build(ld)
	got := tableLinks(ld)
	want := []int{0, -1, -1, 1}
	if !slices.Equal(got, want) {
		t.Fatalf("links %v, want %v", got, want)
	}
	for i, o := range got {
		if o >= 0 && (doc.Tables[o].Title != ld.Tables[i].Title || !slices.Equal(doc.Tables[o].Pages, ld.Tables[i].Pages)) {
			t.Errorf("table %d linked to output %q pages %v", i, doc.Tables[o].Title, doc.Tables[o].Pages)
		}
	}
}
