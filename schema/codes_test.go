package schema

import (
	"strings"
	"testing"
)

func TestSplitCodeName(t *testing.T) {
	tests := []struct {
		in, code, name string
		ok             bool
	}{
		{"[205]教育支出", "205", "教育支出", true},      // 广州
		{" [20132]组织事务", "20132", "组织事务", true}, // 广州, indented
		{"[2013299]其他组织事务支出", "2013299", "其他组织事务支出", true},
		{"【301】工资福利支出", "301", "工资福利支出", true},
		{"50101-工资奖金津补贴", "50101", "工资奖金津补贴", true}, // 北京
		{"3021101-差旅费", "3021101", "差旅费", true},     // 北京, a 7-digit economic code
		{"205 教育支出", "205", "教育支出", true},
		{"2050101．学前教育", "2050101", "学前教育", true},
		{"06 司法", "", "", false},               // a staggered part, not a whole code
		{"2026年预算数", "", "", false},            // a year
		{"100 万元", "", "", false},              // an amount with its unit
		{"125001 西安市安全生产监督管理局", "", "", false}, // a unit code
		{"401 其他", "", "", false},              // no classification starts with 4
		{"教育支出", "", "", false},
		{"205", "", "", false},
	}
	for _, tt := range tests {
		code, name, ok := SplitCodeName(tt.in)
		if code != tt.code || name != tt.name || ok != tt.ok {
			t.Errorf("SplitCodeName(%q) = %q, %q, %v; want %q, %q, %v", tt.in, code, name, ok, tt.code, tt.name, tt.ok)
		}
	}
}

// staggered builds a one-column code table: code, name, total per row.
func staggered(rows ...[3]string) *Table {
	t := &Table{Kind: TableGeneralPublicBudgetExpenditure, Columns: []Column{
		{Key: "subject_code", Label: "科目编码"}, {Key: "subject_name", Label: "科目名称"}, {Key: "total", Label: "合计"}}}
	for _, r := range rows {
		var row Row
		for i, k := range []string{"subject_code", "subject_name", "total"} {
			var v *string
			if r[i] != "" {
				v = Str(r[i])
			}
			row = append(row, Cell{Key: k, Value: v})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func TestCompleteStaggered(t *testing.T) {
	// 烟台 司法局 公开表5 (page 16), the amounts as printed: 20406 司法
	// 2,510.38 is made up (to a rounding tail) by its five 项, so 08 after
	// 50 starts the 款 20408.
	tab := staggered(
		[3]string{"", "合计", "7367.46"},
		[3]string{"201", "一般公共服务支出", "5.00"},
		[3]string{"99", "其他一般公共服务支出", "5.00"},
		[3]string{"99", "其他一般公共服务支出", "5.00"},
		[3]string{"204", "公共安全支出", "5496.18"},
		[3]string{"06", "司法", "2510.38"},
		[3]string{"01", "行政运行", "1072.95"},
		[3]string{"02", "一般行政管理事务", "168.00"},
		[3]string{"06", "律师管理", "391.21"},
		[3]string{"07", "公共法律服务", "406.07"},
		[3]string{"50", "事业运行", "472.14"},
		[3]string{"08", "强制隔离戒毒", "2985.80"},
		[3]string{"01", "行政运行", "2498.78"},
		[3]string{"99", "其他强制隔离戒毒支出", "86.49"},
		[3]string{"205", "教育支出", "144.00"},
		[3]string{"8", "进修及培训", "144.00"}, // a dropped zero
		[3]string{"3", "培训支出", "144.00"},
		[3]string{"2210201", "住房公积金", "1.00"}, // whole codes reset the context
		[3]string{"03", "购房补贴", "1.00"},
	)
	want := []string{"", "201", "20199", "2019999", "204", "20406", "2040601", "2040602", "2040606", "2040607", "2040650",
		"20408", "2040801", "2040899", "205", "20508", "2050803", "2210201", "2210203"}
	completeStaggered(tab, "subject_code")
	for i, w := range want {
		got := tab.Rows[i].Get("subject_code")
		if (got == nil) != (w == "") || (got != nil && *got != w) {
			t.Errorf("row %d %s: code %v, want %q", i, *tab.Rows[i].Get("subject_name"), show(got), w)
		}
	}
}

func TestSplitNamesAddsColumn(t *testing.T) {
	tab := &Table{Kind: TableGeneralPublicBudgetExpenditure, Columns: []Column{{Key: "subject_name", Label: "功能科目名称"}, {Key: "total", Label: "小计"}},
		Rows: []Row{
			{{Key: "subject_name", Value: Str("合计")}, {Key: "total", Value: Str("16.25")}},
			{{Key: "subject_name", Value: Str("[201]一般公共服务支出")}, {Key: "total", Value: Str("16.25")}},
			{{Key: "subject_name", Value: Str("[20132]组织事务")}, {Key: "total", Value: Str("16.25")}},
		}}
	resolveCodes(tab)
	if len(tab.Columns) != 3 || tab.Columns[0].Key != "subject_code" {
		t.Fatalf("columns %+v, want subject_code first", tab.Columns)
	}
	if c, n := tab.Rows[2].Get("subject_code"), tab.Rows[2].Get("subject_name"); c == nil || *c != "20132" || *n != "组织事务" {
		t.Errorf("row 2 = %v %v", show(c), show(n))
	}
	if c := tab.Rows[0].Get("subject_code"); c != nil {
		t.Errorf("合计 got code %s", *c)
	}
}

func TestCatalogue(t *testing.T) {
	c := parseCatalogue("# header\n2100410\t突发公共卫生事件应急处理\t2022\t2022\t2\n2100410\t突发公共卫生事件应急处置\t2026\t2026\t2\n21004\t公共卫生\t2022\t2026\t5\nbad line\n")
	if len(c.all) != 3 || !c.children["21004"] || c.children["2100410"] {
		t.Fatalf("parsed %+v", c)
	}
	// The embedded catalogue: a renamed code answers by year, and the
	// national classification's common names are there.
	if n, ok := catalogueName("2100410", 2022); !ok || n != "突发公共卫生事件应急处理" {
		t.Errorf("2100410 in 2022 = %q %v", n, ok)
	}
	if n, ok := catalogueName("2100410", 2026); !ok || n != "突发公共卫生事件应急处置" {
		t.Errorf("2100410 in 2026 = %q %v", n, ok)
	}
	for code, name := range map[string]string{"301": "工资福利支出", "30101": "基本工资", "2080505": "机关事业单位基本养老保险缴费支出", "2210201": "住房公积金", "50101": "工资奖金津补贴"} {
		if n, ok := catalogueName(code, 0); !ok || n != name {
			t.Errorf("catalogue %s = %q %v, want %s", code, n, ok, name)
		}
	}
	if !CataloguedLeaf("2080505") || CataloguedLeaf("20805") || !catalogue().children["20805"] {
		t.Error("leaf / children wrong for 20805")
	}
	if got := codesNamed("其他社会保障缴费", 2023); len(got) == 0 || got[0] != "30112" {
		t.Errorf("其他社会保障缴费 in 2023 = %v, want 30112 first", got)
	}
}

// rowsTable builds a table from keys and rows of cells ("" blank).
func rowsTable(kind string, keys []string, rows ...[]string) *Table {
	t := &Table{Kind: kind}
	for _, k := range keys {
		t.Columns = append(t.Columns, Column{Key: k, Label: k})
	}
	for _, r := range rows {
		var row Row
		for i, k := range keys {
			var v *string
			if r[i] != "" {
				v = Str(r[i])
			}
			row = append(row, Cell{Key: k, Value: v})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func TestInferCodesAndUnits(t *testing.T) {
	// 广州 表11 部门预算基本支出预算表 (page 24) as printed: names only, a
	// row per unit (the first one's name wrapped over two rows).
	tab := rowsTable(TableBasicExpenditureEconomic, []string{"item", "total"},
		[]string{"合计", "103700.53"},
		[]string{"广州市交通运输局（本", "38755.89"},
		[]string{"级）", ""},
		[]string{"工资福利支出", "31702.41"},
		[]string{"商品和服务支出", "3706.87"},
		[]string{"对个人和家庭的补助", "3254.41"},
		[]string{"资本性支出", "92.20"},
		[]string{"广州市交通管理总站", "8755.07"},
		[]string{"工资福利支出", "7278.01"},
	)
	inferCodes(tab, 2026)
	markUnits(tab)
	want := []struct{ code, unit string }{
		{"", ""}, {"", "广州市交通运输局（本级）"}, {"", "广州市交通运输局（本级）"},
		{"301", "广州市交通运输局（本级）"}, {"302", "广州市交通运输局（本级）"}, {"303", "广州市交通运输局（本级）"}, {"310", "广州市交通运输局（本级）"},
		{"", "广州市交通管理总站"}, {"301", "广州市交通管理总站"},
	}
	for i, w := range want {
		r := tab.Rows[i]
		c, u, inf := r.Get(KeySubjectCode), r.Get(KeyUnitName), r.Get(KeyInferred)
		if (c == nil) != (w.code == "") || (c != nil && *c != w.code) {
			t.Errorf("row %d: code %s, want %q", i, show(c), w.code)
		}
		if (u == nil) != (w.unit == "") || (u != nil && *u != w.unit) {
			t.Errorf("row %d: unit %s, want %q", i, show(u), w.unit)
		}
		if (inf != nil) != (w.code != "") {
			t.Errorf("row %d: inferred flag %s", i, show(inf))
		}
	}
	// A table whose names the catalogue does not know stays uncoded (a
	// project list is not a subject table either).
	items := rowsTable(TableBasicExpenditureEconomic, []string{"item", "total"},
		[]string{"合计", "3.00"}, []string{"信息化运维", "1.00"}, []string{"课题研究", "1.00"}, []string{"宣传经费", "1.00"})
	inferCodes(items, 2026)
	if hasColumn(items, KeySubjectCode) {
		t.Errorf("uncatalogued names got codes: %+v", items.Rows)
	}
	// 行政运行 is a 项 of many 款: it takes the one of the 款 above it.
	fn := rowsTable(TableGeneralPublicBudgetExpenditure, []string{"subject_name", "total"},
		[]string{"社会保障和就业支出", "3.00"}, []string{"行政事业单位养老支出", "3.00"}, []string{"机关事业单位基本养老保险缴费支出", "2.00"},
		[]string{"机关事业单位职业年金缴费支出", "1.00"}, []string{"住房保障支出", "1.00"}, []string{"住房改革支出", "1.00"}, []string{"住房公积金", "1.00"})
	inferCodes(fn, 2026)
	var got []string
	for _, r := range fn.Rows {
		got = append(got, show(r.Get(KeySubjectCode)))
	}
	if w := "208 20805 2080505 2080506 221 22102 2210201"; strings.Join(got, " ") != w {
		t.Errorf("codes %v, want %s", got, w)
	}
}

func TestMarkUnitsNeedsBodies(t *testing.T) {
	// A row without a code whose name is no body's (a name wrapped into
	// the code column, 北京 预算03表) is not a unit.
	tab := rowsTable(TableExpenditureSummary, []string{"subject_code", "subject_name", "total"},
		[]string{"", "合计", "3.00"},
		[]string{"", "缴费支出", "1.00"},
		[]string{"2101101", "行政单位医疗", "1.00"},
		[]string{"2210201", "住房公积金", "2.00"},
	)
	markUnits(tab)
	if hasColumn(tab, KeyUnitName) {
		t.Errorf("unit_name added: %+v", tab.Rows)
	}
}

func TestFillCodeParts(t *testing.T) {
	// 类 | 款 | 项 columns printing each part on its own row (烟台's layout,
	// had the three columns been cut apart): texts per row, cols 0-2.
	rows := [][]string{
		{"", "", "", "合计"}, // 合计 row: left alone
		{"201", "", "", "一般公共服务支出"},
		{"", "99", "", "其他一般公共服务支出"},
		{"", "", "99", "其他一般公共服务支出"},
		{"204", "", "", "公共安全支出"},
		{"", "06", "", "司法"},
		{"", "", "01", "行政运行"},
		{"", "", "06", "律师管理"},
		{"", "08", "", "强制隔离戒毒"},
		{"", "", "01", "行政运行"},
		{"205", "08", "03", "培训支出"}, // printed whole: unchanged
	}
	want := []string{"", "201", "20199", "2019999", "204", "20406", "2040601", "2040606", "20408", "2040801", "2050803"}
	var last [2]string
	for i, r := range rows {
		fillCodeParts(r, []int{0, 1, 2}, &last)
		if got := r[0] + r[1] + r[2]; got != want[i] {
			t.Errorf("row %d (%s): %q, want %q", i, r[3], got, want[i])
		}
	}
}

// catalogueName is the catalogued name of code for a year (0: any year, the
// latest name), and whether the code is catalogued.
func catalogueName(code string, year int) (string, bool) {
	c := catalogue()
	best := -1
	for _, i := range c.byCode[code] {
		e := c.all[i]
		switch {
		case year != 0 && year >= e.From && year <= e.To:
			return e.Name, true
		case best < 0 || e.To > c.all[best].To:
			best = i
		}
	}
	if best < 0 {
		return "", false
	}
	return c.all[best].Name, true
}
