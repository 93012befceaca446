package schema

import (
	"bytes"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/layout"
	"gopkg.in/yaml.v3"
)

// row builds a layout row from tab-separated texts, one cell per column.
func row(r int, tsv string) []layout.Cell {
	var out []layout.Cell
	for c, s := range strings.Split(tsv, "\t") {
		if s != "" {
			out = append(out, layout.Cell{Text: s, Row: r, Col: c, RowSpan: 1, ColSpan: 1, Page: 5})
		}
	}
	return out
}

func TestBuildExpenditureSummary(t *testing.T) {
	lt := layout.Table{
		Title: "2023年预算支出总表", Label: "预算公开表3", Department: "中国共产党吕梁市委员会办公室", Unit: "万元",
		Pages: []int{5}, NCols: 5,
		Header: [][]layout.Cell{
			{{Text: "项目", Row: 0, Col: 0, RowSpan: 1, ColSpan: 2}, {Text: "2023年预算数", Row: 0, Col: 2, RowSpan: 1, ColSpan: 3}},
			row(1, "科目编码\t科目名称\t合计\t基本支出\t项目支出"),
		},
		Rows: [][]layout.Cell{
			row(2, "\t合   计\t1,738.50\t1,530.68\t207.82"),
			row(3, "201\t一般公共服务支出\t1,346.54\t1,138.72\t207.82"),
			row(4, "208\t社会保障和就业支出\t239.93\t239.93\t"),
		},
	}
	doc := Build(&layout.Document{Tables: []layout.Table{lt}})
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode(doc.Tables); err != nil {
		t.Fatal(err)
	}
	want := `- kind: expenditure_summary
  title: 2023年预算支出总表
  number: 3
  department: 中国共产党吕梁市委员会办公室
  unit: 万元
  pages: [5]
  empty: false
  columns:
    - key: subject_code
      label: 项目/科目编码
    - key: subject_name
      label: 项目/科目名称
    - key: total
      label: 2023年预算数/合计
    - key: basic
      label: 2023年预算数/基本支出
    - key: project
      label: 2023年预算数/项目支出
  rows:
    - {subject_code: null, subject_name: "合计", total: "1738.50", basic: "1530.68", project: "207.82"}
    - {subject_code: "201", subject_name: "一般公共服务支出", total: "1346.54", basic: "1138.72", project: "207.82"}
    - {subject_code: "208", subject_name: "社会保障和就业支出", total: "239.93", basic: "239.93", project: null}
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestBuildSplitCodesAndEconomicRows(t *testing.T) {
	lt := layout.Table{
		Title: "2026年部门一般公共预算基本支出部门预算经济分类预算表", Unit: "元", NCols: 6,
		Header: [][]layout.Cell{
			{{Text: "经济分类科目编码", Col: 0, ColSpan: 2, RowSpan: 1}, {Text: "经济分类科目名称", Row: 0, Col: 2, RowSpan: 2, ColSpan: 1},
				{Text: "合计", Col: 3, RowSpan: 2, ColSpan: 1}, {Text: "人员经费", Col: 4, RowSpan: 2, ColSpan: 1}, {Text: "公用经费", Col: 5, RowSpan: 2, ColSpan: 1}},
			row(1, "类\t款"),
		},
		Rows: [][]layout.Cell{
			row(2, "301\t\t工资福利支出\t100.00\t100.00\t"),
			row(3, "301\t01\t基本工资\t60.00\t60.00\t"),
			row(4, "302\t\t商品和服务支出\t5.00\t\t5.00"),
			row(5, "302\t07\t邮电费\t5.00\t\t5.00"),
			row(6, "\t\t合计\t105.00\t100.00\t5.00"),
		},
	}
	doc := Build(&layout.Document{Tables: []layout.Table{lt}})
	tb := doc.Tables[0]
	if tb.Kind != TableBasicExpenditureEconomic {
		t.Fatalf("kind %s", tb.Kind)
	}
	var keys []string
	for _, c := range tb.Columns {
		keys = append(keys, c.Key)
	}
	if got := strings.Join(keys, " "); got != "subject_code subject_name total personnel public" {
		t.Fatalf("keys %s", got)
	}
	if got := *tb.Rows[3].Get("subject_code"); got != "30207" {
		t.Errorf("joined code %s, want 30207", got)
	}
	want := []struct{ level, cat, name string }{
		{LevelCategory, "工资福利支出", "工资福利支出"}, {LevelItem, "工资福利支出", "基本工资"},
		{LevelCategory, "商品和服务支出", "商品和服务支出"}, {LevelItem, "商品和服务支出", "邮电费"}, {LevelTotal, "", "合计"},
	}
	if len(doc.EconomicRows) != len(want) {
		t.Fatalf("%d economic rows, want %d", len(doc.EconomicRows), len(want))
	}
	for i, w := range want {
		e := doc.EconomicRows[i]
		if e.Level != w.level || s(e.Category) != w.cat || e.DeptSubject != w.name {
			t.Errorf("row %d: %s %q %s, want %v", i, e.Level, s(e.Category), e.DeptSubject, w)
		}
	}
}

func TestDocumentInfoWithoutTables(t *testing.T) {
	page := func(lines ...string) layout.PageText {
		p := layout.PageText{Number: 1}
		for _, l := range lines {
			p.Lines = append(p.Lines, layout.Line{Text: l})
		}
		return p
	}
	tests := []struct {
		lines []string
		dept  string
		year  int
		kind  string
	}{
		{[]string{"江苏省委办公厅2017年度部门预算", "第一部分部门概况"}, "江苏省委办公厅", 2017, KindBudget},
		{[]string{"目录", "中共上海市普陀区委社会工作部", "2024年度部门决算"}, "中共上海市普陀区委社会工作部", 2024, KindFinalAccount},
		{[]string{"江苏省人大常委会办公厅2018年度部门", "预算公开"}, "江苏省人大常委会办公厅", 2018, KindBudget},
	}
	for _, tt := range tests {
		doc := Build(&layout.Document{Pages: []layout.PageText{page(tt.lines...)}})
		if got := doc.Document; got.Department != tt.dept || got.Year != tt.year || got.Kind != tt.kind {
			t.Errorf("%v: got %+v, want %s %d %s", tt.lines, got, tt.dept, tt.year, tt.kind)
		}
	}
}

func TestEmptyCollectionsEncodeAsArrays(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, &Document{}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"tables", "economic_rows", "projects", "performance_forms", "checks", "warnings"} {
		if !strings.Contains(buf.String(), `"`+k+`": []`) {
			t.Errorf("%s is not [] in %s", k, buf.String())
		}
	}
}

// The right half of a table printed as two halves side by side is stacked
// under the left half (Shanghai Putuo 2024 final account, 基本支出决算表).
func TestBuildUnfoldsRightHalf(t *testing.T) {
	lt := layout.Table{
		Title: "一般公共预算财政拨款基本支出决算表", Pages: []int{13}, NCols: 6,
		Header: [][]layout.Cell{row(0, "经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数")},
		Rows: [][]layout.Cell{
			row(1, "301\t工资福利支出\t95.36\t302\t商品和服务支出\t10.23"),
			row(2, "30101\t基本工资\t14.12\t30201\t办公费\t3.78"),
			row(3, "\t\t\t310\t资本性支出\t0.00"),
			row(4, "\t人员经费合计\t95.36\t\t公用经费合计\t10.23"),
		},
	}
	got := Build(&layout.Document{Tables: []layout.Table{lt}}).Tables[0]
	var keys []string
	for _, c := range got.Columns {
		keys = append(keys, c.Key)
	}
	if want := "subject_code subject_name total"; strings.Join(keys, " ") != want {
		t.Errorf("keys %v, want %s", keys, want)
	}
	want := []string{"301 95.36", "30101 14.12", "人员经费合计 95.36", "302 10.23", "30201 3.78", "310 0.00", "公用经费合计 10.23"}
	var rows []string
	for _, r := range got.Rows {
		id := r.Get("subject_code")
		if id == nil {
			id = r.Get("subject_name")
		}
		rows = append(rows, *id+" "+*r.Get("total"))
	}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Errorf("rows\n got %q\nwant %q", rows, want)
	}
	var levels []string
	for _, e := range EconomicRows(got) {
		levels = append(levels, e.Level)
	}
	if got, want := strings.Join(levels, " "), "category item total category item category total"; got != want {
		t.Errorf("economic levels %s, want %s", got, want)
	}
}

// An economic 款 printed without its leading zero (Shanghai Putuo 万里街道
// 2024: 301 | 2 津贴补贴) is padded, with a warning naming the page.
func TestBuildPadsSplitCode(t *testing.T) {
	lt := layout.Table{
		Title: "2024年部门一般公共预算基本支出部门预算经济分类预算表", Pages: []int{29}, NCols: 4,
		Header: [][]layout.Cell{
			{{Text: "部门预算经济分类科目编码", Row: 0, Col: 0, RowSpan: 1, ColSpan: 2}, {Text: "经济分类科目名称", Row: 0, Col: 2, RowSpan: 2, ColSpan: 1}, {Text: "合计", Row: 0, Col: 3, RowSpan: 2, ColSpan: 1}},
			row(1, "类\t款"),
		},
		Rows: [][]layout.Cell{
			row(2, "301\t\t工资福利支出\t88,282,511"),
			row(3, "301\t01\t基本工资\t5,873,551"),
			row(4, "301\t2\t津贴补贴\t16,623,810"),
		},
	}
	doc := Build(&layout.Document{Tables: []layout.Table{lt}})
	var codes []string
	for _, r := range doc.Tables[0].Rows {
		codes = append(codes, *r.Get("subject_code"))
	}
	if got, want := strings.Join(codes, " "), "301 30101 30102"; got != want {
		t.Errorf("codes %s, want %s", got, want)
	}
	if len(doc.Warnings) != 1 || doc.Warnings[0].Page != 5 || doc.Warnings[0].Code != "code_padded" {
		t.Errorf("warnings %+v, want one code_padded on page 5", doc.Warnings)
	}
}

// Cover titles wrapped over two or three lines (real covers: Shanghai
// Putuo 2024 final account, Jiangsu 2018 tables PDF, Jiangsu 人大 2018).
func TestDocumentInfoWrappedCover(t *testing.T) {
	tests := []struct {
		cover                   []string
		title, department, kind string
		year                    int
	}{
		{[]string{"中共上海市普陀区委", "社会工作部 2024 年度", "部门决算"}, "中共上海市普陀区委社会工作部2024年度部门决算", "中共上海市普陀区委社会工作部", KindFinalAccount, 2024},
		{[]string{"江苏省2018年度", "省级部门预算公开报表", "江苏省财政厅印制"}, "江苏省2018年度省级部门预算公开报表", "", KindBudget, 2018},
		{[]string{"江苏省人大常委会办公厅2018年度部门", "预算公开", "1"}, "江苏省人大常委会办公厅2018年度部门预算公开", "江苏省人大常委会办公厅", KindBudget, 2018},
	}
	for _, tt := range tests {
		var lines []layout.Line
		for _, s := range tt.cover {
			lines = append(lines, layout.Line{Text: s})
		}
		got := Build(&layout.Document{Pages: []layout.PageText{{Number: 1, Lines: lines}}}).Document
		want := DocumentInfo{Title: tt.title, Department: tt.department, Year: tt.year, Kind: tt.kind}
		if got != want {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.cover, got, want)
		}
	}
}

// A group label merged over several rows beside a second 项目名称 column
// names each of those rows (Jiangsu 收入预算总表).
func TestBuildFillsGroupLabel(t *testing.T) {
	span := func(r int, text string, n int) layout.Cell {
		return layout.Cell{Text: text, Row: r, Col: 0, RowSpan: n, ColSpan: 1, Page: 2}
	}
	lt := layout.Table{
		Title: "收入预算总表", Pages: []int{2}, NCols: 3,
		Header: [][]layout.Cell{{{Text: "项目名称", Row: 0, Col: 0, RowSpan: 1, ColSpan: 2}, {Text: "金额", Row: 0, Col: 2, RowSpan: 1, ColSpan: 1}}},
		Rows: [][]layout.Cell{
			row(1, "收入总计\t\t20,849.45"),
			append([]layout.Cell{span(2, "一般公共预算资金", 2)}, row(2, "\t小计\t20,702.25")...),
			row(3, "\t公共财政拨款(补助)资金\t20,702.25"),
			row(4, "\t其他非税收入\t147.20"),
		},
	}
	got := Build(&layout.Document{Tables: []layout.Table{lt}}).Tables[0]
	var rows []string
	for _, r := range got.Rows {
		item, sub := "-", "-"
		if v := r.Get("item"); v != nil {
			item = *v
		}
		if v := r.Get("sub_item"); v != nil {
			sub = *v
		}
		rows = append(rows, item+"/"+sub)
	}
	want := "收入总计/-|一般公共预算资金/小计|一般公共预算资金/公共财政拨款(补助)资金|-/其他非税收入"
	if strings.Join(rows, "|") != want {
		t.Errorf("rows %s\nwant %s", strings.Join(rows, "|"), want)
	}
}
