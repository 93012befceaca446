package review

import (
	"fmt"
	"slices"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// sample is a 一般公共预算支出表 on page 7 (合计, 201, 20113 商贸事务,
// 2011301 行政运行 and a second 行政运行 under 20101) and a 财政拨款收支总表
// on page 6, with a narrative line on page 2; the geometry puts each
// output cell in its own box.
func sample() (*schema.Document, *Geometry) {
	s := schema.Str
	row := func(code, name, total, basic string) schema.Row {
		r := schema.Row{{Key: "subject_code"}, {Key: "subject_name", Value: s(name)}, {Key: "total", Value: s(total)}, {Key: "basic", Value: s(basic)}}
		if code != "" {
			r[0].Value = s(code)
		}
		return r
	}
	gp := schema.Table{Kind: schema.TableGeneralPublicBudgetExpenditure, Title: "一般公共预算支出表", Pages: []int{7},
		Columns: []schema.Column{{Key: "subject_code"}, {Key: "subject_name"}, {Key: "total"}, {Key: "basic"}},
		Rows: []schema.Row{row("", "合计", "30.00", "20.00"), row("201", "一般公共服务支出", "30.00", "20.00"),
			row("20113", "商贸事务", "20.00", "10.00"), row("2011301", "行政运行", "20.00", "10.00"), row("2010101", "行政运行", "10.00", "10.00")}}
	fa := schema.Table{Kind: schema.TableFiscalAppropriationSummary, Title: "财政拨款收支总表", Pages: []int{6},
		Columns: []schema.Column{{Key: "income_item"}, {Key: "income_amount"}},
		Rows:    []schema.Row{{{Key: "income_item", Value: s("一般公共预算")}, {Key: "income_amount", Value: s("29.00")}}}}
	doc := &schema.Document{Tables: []schema.Table{gp, fa}}
	g := &Geometry{}
	for pi, t := range doc.Tables {
		p := Page{Number: t.Pages[0], Width: 595, Height: 842}
		gr := Grid{Table: pi, First: t.Pages[0]}
		for ri, r := range t.Rows {
			for ci := range r {
				b := Box{float64(50 + 60*ci), float64(100 + 20*ri), float64(110 + 60*ci), float64(120 + 20*ri)}
				gr.Cells = append(gr.Cells, Cell{Box: b, Row: ri, Col: ci})
				gr.Box = gr.Box.union(b)
			}
		}
		p.Grids = []Grid{gr}
		g.Pages = append(g.Pages, p)
	}
	g.Pages = append([]Page{{Number: 2, Width: 595, Height: 842, Lines: []Line{
		{Box: Box{50, 80, 500, 92}, Text: "一般公共服务支出 31.00万元，主要用于…"},
		{Box: Box{50, 100, 500, 112}, Text: "商贸事务 20.00万元"},
	}}}, g.Pages...)
	return doc, g
}

// at names the places a test expects: "p7 r2 c2" is the cell of row 2,
// column 2 on page 7; "p2 line 0" a narrative line; "p7 table", "p9 page".
func at(g *Geometry, m Mark) string {
	p := g.page(m.Page)
	switch m.Where {
	case "cell":
		for _, gr := range p.Grids {
			for _, c := range gr.Cells {
				if c.Box == m.Box {
					return fmt.Sprintf("p%d r%d c%d", m.Page, c.Row, c.Col)
				}
			}
		}
	case "line":
		for i, l := range p.Lines {
			if l.Box == m.Box {
				return fmt.Sprintf("p%d line %d", m.Page, i)
			}
		}
	}
	return fmt.Sprintf("p%d %s", m.Page, m.Where)
}

func TestCheckMarks(t *testing.T) {
	gp := schema.TableGeneralPublicBudgetExpenditure
	tests := []struct {
		name  string
		check schema.Check
		want  []string
	}{
		{"subject tree names the code and the column",
			schema.Check{Rule: "subject_tree", Table: gp, Pages: []int{7}, Message: "total: 20113 = 20.00 but Σ20113xx = 20.01 (page 7)"},
			[]string{"p7 r2 c2"}},
		{"a parent not printed: the child's label cells",
			schema.Check{Rule: "subject_tree", Table: gp, Pages: []int{7}, Message: "2010101 行政运行: its parent 20101 is not printed (page 7)"},
			[]string{"p7 r4 c0", "p7 r4 c1"}},
		{"row total: the figures it quotes",
			schema.Check{Rule: "row_total", Table: gp, Pages: []int{7}, Message: "total = basic + project: 201 一般公共服务支出: total 30.00 != basic 20.00 + project 0.00 (page 7)"},
			[]string{"p7 r1 c2", "p7 r1 c3"}},
		{"a row named without a code needs one of its figures",
			schema.Check{Rule: "row_total", Table: gp, Pages: []int{7}, Message: "合计 = Σ 2 rows: total 30.000000 but Σ = 10.000000 (page 7)"},
			[]string{"p7 r0 c2"}},
		{"cross table: both tables' cells",
			schema.Check{Rule: "cross_table", Table: gp, Pages: []int{6, 7}, Message: "general_public_budget_expenditure 合计 total 30.00 != fiscal_appropriation_summary 一般公共预算 income_amount 29.00 (pages 6-7)"},
			[]string{"p6 r0 c1", "p7 r0 c2"}},
		{"narrative: the table's cell and the line quoting the figure",
			schema.Check{Rule: "narrative", Table: gp, Pages: []int{2, 7}, Message: "narrative (page 2) 一般公共服务支出 31.00万元 != general_public_budget_expenditure 一般公共服务支出 total 30.00 (pages 2, 7)"},
			[]string{"p2 line 0", "p7 r1 c2"}},
		{"naming no cell: the table's frame",
			schema.Check{Rule: "row_total", Table: gp, Pages: []int{7}, Message: "economic rows do not add up"},
			[]string{"p7 table"}},
		{"naming no table on a drawn page: the page",
			schema.Check{Rule: "cross_table", Table: "three_public", Pages: []int{9}, Message: "三公 missing"},
			[]string{"p9 page"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, g := sample()
			tc.check.Status = schema.StatusFail
			doc.Checks = []schema.Check{{Rule: "row_total", Status: schema.StatusPass}, tc.check}
			g.Pages = append(g.Pages, Page{Number: 9, Width: 595, Height: 842})
			var got []string
			for _, m := range Marks(doc, g) {
				if m.Index != 1 || m.Warning {
					t.Errorf("mark for check %d (warning %v)", m.Index, m.Warning)
				}
				got = append(got, at(g, m))
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("marks %v, want %v", got, tc.want)
			}
		})
	}
}

func TestWarningMarks(t *testing.T) {
	doc, g := sample()
	g.page(6).Grids[0].Cells[0].Text = "一般公共预算"
	doc.Warnings = []schema.Warning{
		{Page: 6, Code: "not_an_amount", Message: `财政拨款收支总表: income_item holds "一般公共预算"`},
		{Page: 7, Code: "layout_error", Message: "layout: page 7: boom"},
		{Page: 0, Code: "no_tables", Message: "no budget table"},
	}
	var got []string
	for _, m := range Marks(doc, g) {
		if !m.Warning {
			t.Errorf("check mark %+v", m)
		}
		got = append(got, fmt.Sprintf("w%d %s", m.Index, at(g, m)))
	}
	want := []string{"w0 p6 r0 c0", "w1 p7 page"}
	if !slices.Equal(got, want) {
		t.Errorf("marks %v, want %v", got, want)
	}
}
