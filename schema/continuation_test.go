package schema

import "testing"

func TestContinues(t *testing.T) {
	cols := []Column{{Key: "unit_code", Label: "单位编码"}, {Key: "item", Label: "单位（项目）名称"}, {Key: "total", Label: "项目金额"}}
	prev := Table{Kind: TableProjectExpenditure, Title: "部门综合预算专项业务经费支出表", Pages: []int{43, 44}, Columns: cols,
		Rows: []Row{{{Key: "total", Value: Str("16604100.00")}}}}
	rest := Table{Kind: TableUnknown, Pages: []int{45}, Columns: cols, Rows: []Row{{{Key: "total", Value: Str("2194600.00")}}}}
	tests := []struct {
		name string
		t    Table
		want bool
	}{
		{"the page after, same header, no title", rest, true},
		{"with a title of its own", func() Table { x := rest; x.Title = "会议费明细表"; return x }(), false},
		{"two pages on", func() Table { x := rest; x.Pages = []int{46}; return x }(), false},
		{"another header", func() Table {
			x := rest
			x.Columns = []Column{{Key: "col_1", Label: "序号"}, {Key: "item", Label: "单位（项目）名称"}, {Key: "total", Label: "项目金额"}}
			return x
		}(), false},
		{"unlabelled columns", func() Table {
			x := rest
			x.Columns = []Column{{Key: "col_1"}, {Key: "col_2"}, {Key: "col_3"}}
			return x
		}(), false},
	}
	for _, tt := range tests {
		p := prev
		if got := continues(&p, &tt.t); got != tt.want {
			t.Errorf("%s: continues = %v, want %v", tt.name, got, tt.want)
		}
	}
	p := prev
	join(&p, &rest)
	if len(p.Rows) != 2 || len(p.Pages) != 3 || p.Pages[2] != 45 {
		t.Errorf("join: %d rows, pages %v", len(p.Rows), p.Pages)
	}
}

func TestColumnNumberRow(t *testing.T) {
	tests := []struct {
		texts []string
		want  bool
	}{
		{[]string{"**", "**", "1", "2", "3"}, true},
		{[]string{"栏次", "", "1", "2", "3", "4"}, true},
		{[]string{"", "1", "2", "3"}, true},
		{[]string{"合计", "1", "2", "3"}, false}, // a total row printing small figures
		{[]string{"**", "1", "2"}, false},      // too few to tell
		{[]string{"**", "2", "3", "4"}, false}, // not numbered from 1
		{[]string{"301", "工资福利支出", "1.00", "2.00", "3.00"}, false},
	}
	for _, tt := range tests {
		if got := columnNumberRow(tt.texts); got != tt.want {
			t.Errorf("columnNumberRow(%q) = %v, want %v", tt.texts, got, tt.want)
		}
	}
}
