package checks

import (
	"bytes"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// tbl builds a table: the first row of cells is the keys; "" is a blank cell.
func tbl(kind string, keys []string, rows ...[]string) schema.Table {
	t := schema.Table{Kind: kind, Unit: schema.Str("万元"), Pages: []int{5}}
	for _, k := range keys {
		t.Columns = append(t.Columns, schema.Column{Key: k, Label: k})
	}
	for _, r := range rows {
		var row schema.Row
		for i, k := range keys {
			var v *string
			if i < len(r) && r[i] != "" {
				v = schema.Str(r[i])
			}
			row = append(row, schema.Cell{Key: k, Value: v})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

var esKeys = []string{"subject_code", "subject_name", "total", "basic", "project"}

// expenditure is a small 支出总表, added up by hand (4 parents and 合计 over
// 3 columns: 15 sums):
// 201 = 20101 = 50.00 + 20.00 = 70.00 (basic 30.00 + 10.00, project 20.00 + 10.00);
// 208 = 20805 = 2080501 = 30.00; 合计 = 70.00 + 30.00 = 100.00.
func expenditure() schema.Table {
	return tbl(schema.TableExpenditureSummary, esKeys,
		[]string{"", "合计", "100.00", "70.00", "30.00"},
		[]string{"201", "一般公共服务支出", "70.00", "40.00", "30.00"},
		[]string{"20101", "人大事务", "70.00", "40.00", "30.00"},
		[]string{"2010101", "行政运行", "50.00", "30.00", "20.00"},
		[]string{"2010102", "一般行政管理事务", "20.00", "10.00", "10.00"},
		[]string{"208", "社会保障和就业支出", "30.00", "30.00", ""},
		[]string{"20805", "行政事业单位养老支出", "30.00", "30.00", ""},
		[]string{"2080501", "行政单位离退休", "30.00", "30.00", ""},
	)
}

// set changes one cell of a table.
func set(t schema.Table, row int, key, v string) schema.Table {
	t.Rows = copyRows(t.Rows)
	for j := range t.Rows[row] {
		if t.Rows[row][j].Key == key {
			t.Rows[row][j].Value = schema.Str(v)
		}
	}
	return t
}

// blankColumn blanks column key in every row.
func blankColumn(t schema.Table, key string) schema.Table {
	t.Rows = copyRows(t.Rows)
	for _, r := range t.Rows {
		for j := range r {
			if r[j].Key == key {
				r[j].Value = nil
			}
		}
	}
	return t
}

func drop(t schema.Table, row int) schema.Table {
	t.Rows = append(copyRows(t.Rows[:row]), copyRows(t.Rows[row+1:])...)
	return t
}

// statuses renders checks as "status: message" lines.
func statuses(cs []schema.Check) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Status + ": " + c.Message + "\n")
	}
	return b.String()
}

// expect asserts the checks' statuses in order and that each message
// contains its fragment.
func expect(t *testing.T, name string, cs []schema.Check, want ...string) {
	t.Helper()
	if len(cs) != len(want) {
		t.Errorf("%s: %d checks, want %d:\n%s", name, len(cs), len(want), statuses(cs))
		return
	}
	for i, w := range want {
		status, frag, _ := strings.Cut(w, " ")
		if cs[i].Status != status || !strings.Contains(cs[i].Message, frag) {
			t.Errorf("%s: check %d = %s: %s, want %s ~ %q", name, i, cs[i].Status, cs[i].Message, status, frag)
		}
	}
}

func TestSubjectTree(t *testing.T) {
	tests := []struct {
		name string
		t    schema.Table
		want []string
	}{
		{"holds", expenditure(), []string{"pass 15 sums hold over total, basic, project"}},
		// 2010102 total 20.00 → 21.00: 20101 = 70.00 but Σ = 71.00.
		{"digit", set(expenditure(), 4, "total", "21.00"), []string{"fail total: 20101 = 70.00 but Σ20101xx = 71.00 (page 5)"}},
		// 201 basic 40.00 → 41.00: 201 ≠ Σ201xx, and 合计 70.00 ≠ 41.00 + 30.00.
		{"category", set(expenditure(), 1, "basic", "41.00"), []string{
			"fail basic: 201 = 41.00 but Σ201xx = 40.00", "fail basic: 合计 = 70.00 but Σ3-digit rows = 71.00"}},
		{"dropped 项", drop(expenditure(), 3), []string{"fail total: 20101 = 70.00 but Σ20101xx = 20.00",
			"fail basic: 20101 = 40.00 but Σ20101xx = 10.00", "fail project: 20101 = 30.00 but Σ20101xx = 10.00"}},
		{"dropped only 项", drop(expenditure(), 7), []string{"fail 20805 行政事业单位养老支出: has amounts but none of its 7-digit rows"}},
		// 2080501 now hangs under 208 directly, whose sum still holds: the
		// missing level is what shows.
		{"dropped 款", drop(expenditure(), 6), []string{"fail 2080501 行政单位离退休: its parent 20805 is not printed"}},
		{"dropped 合计", drop(expenditure(), 0), []string{"fail has no 合计 row"}},
		// a column blank from top to bottom is named, not counted: 5 sums
		// over the 2 columns left.
		{"blank column", blankColumn(expenditure(), "project"), []string{"pass 10 sums hold over total, basic (合计 = Σ类, 类 = Σ款, 款 = Σ项; blank: project"}},
		// "201 | 01 | 2" printed for 2010102: the zero comes back.
		{"unpadded 项", set(expenditure(), 4, "subject_code", "201012"), []string{"pass 15 sums hold"}},
		{"empty", schema.Table{Kind: schema.TableGovernmentFundExpenditure, Empty: true, Columns: expenditure().Columns},
			[]string{"skipped the table says it has no data"}},
	}
	for _, tt := range tests {
		expect(t, tt.name, subjectTree(&tt.t), tt.want...)
	}
}

// leaves is a table that prints 项 rows only, in two unnamed blocks that
// repeat codes (Beijing's 一般公共预算支出表): 合计 = Σ every row,
// 30.00 + 20.00 + 5.00 + 30.00 + 15.00 = 100.00.
func leaves() schema.Table {
	return tbl(schema.TableGeneralPublicBudgetExpenditure, esKeys,
		[]string{"2010501", "行政运行", "30.00", "30.00", ""},
		[]string{"2010505", "专项统计业务", "20.00", "", "20.00"},
		[]string{"2080505", "机关事业单位基本养老保险缴费支出", "5.00", "5.00", ""},
		[]string{"2010501", "行政运行", "30.00", "30.00", ""},
		[]string{"2210201", "住房公积金", "15.00", "5.00", "10.00"},
		[]string{"", "合计", "100.00", "70.00", "30.00"},
	)
}

// units is a multi-unit 汇总表 (Shenzhen's 支出总表): the department's row,
// then per unit its row and its subject rows, the same codes in both
// blocks, no 合计: 部门 = 本级 + 中心 = 60.00 + 40.00 = 100.00.
func units() schema.Table {
	t := tbl(schema.TableExpenditureSummary, append([]string{"unit_name"}, esKeys...),
		[]string{"某局", "", "", "100.00", "70.00", "30.00"},
		[]string{"某局（本级）", "", "", "60.00", "40.00", "20.00"},
		[]string{"某局（本级）", "205", "教育支出", "60.00", "40.00", "20.00"},
		[]string{"某局（本级）", "20508", "进修及培训", "60.00", "40.00", "20.00"},
		[]string{"某局（本级）", "2050803", "培训支出", "60.00", "40.00", "20.00"},
		[]string{"某中心", "", "", "40.00", "30.00", "10.00"},
		[]string{"某中心", "205", "教育支出", "40.00", "30.00", "10.00"},
		[]string{"某中心", "20508", "进修及培训", "40.00", "30.00", "10.00"},
		[]string{"某中心", "2050803", "培训支出", "25.00", "20.00", "5.00"},
		[]string{"某中心", "2050899", "其他进修及培训", "15.00", "10.00", "5.00"},
	)
	return t
}

func TestSubjectTreeBlocks(t *testing.T) {
	tests := []struct {
		name string
		t    schema.Table
		want []string
	}{
		{"leaves", leaves(), []string{"pass 3 sums hold over total, basic, project"}},
		{"leaves digit", set(leaves(), 4, "total", "16.00"), []string{"fail total: 合计 = 100.00 but Σ7-digit rows = 101.00"}},
		{"leaves dropped", drop(leaves(), 1), []string{"fail total: 合计 = 100.00 but Σ7-digit rows = 80.00",
			"fail project: 合计 = 30.00 but Σ7-digit rows = 10.00"}},
		// per block 205 = Σ款, 20508 = Σ项, the unit's row = Σ类, and the
		// department's row = Σ units: (3 + 3 + 1) sums × 3 columns.
		{"units", units(), []string{"pass 21 sums hold over total, basic, project"}},
		{"units digit", set(units(), 8, "total", "26.00"), []string{"fail total: 某中心: 20508 = 40.00 but Σ20508xx = 41.00"}},
		{"units unit row", set(units(), 5, "basic", "31.00"), []string{
			"fail basic: 某中心 = 31.00 but Σ its 3-digit rows = 30.00", "fail basic: 某局 = 70.00 but Σ 2 units = 71.00"}},
		// one code on consecutive rows broken down by funding, unit and
		// item (西安's 政府采购预算表): the first row is the subject.
		{"breakdown", tbl(schema.TableGovernmentProcurement, []string{"subject_code", "item", "total"},
			[]string{"", "合计", "300.00"},
			[]string{"2011301", "全额", "250.00"}, []string{"2011301", "某局", "250.00"},
			[]string{"2011301", "物业服务", "130.00"}, []string{"2011301", "维修", "120.00"},
			[]string{"2011302", "全额", "50.00"}, []string{"2011302", "展览", "50.00"}),
			[]string{"pass 3 sums hold over total"}},
		{"breakdown digit", set(tbl(schema.TableGovernmentProcurement, []string{"subject_code", "item", "total"},
			[]string{"", "合计", "300.00"},
			[]string{"2011301", "全额", "250.00"}, []string{"2011301", "某局", "250.00"},
			[]string{"2011301", "物业服务", "130.00"}, []string{"2011301", "维修", "120.00"},
			[]string{"2011302", "全额", "50.00"}, []string{"2011302", "展览", "50.00"}), 3, "total", "131.00"),
			// 全额 repeats 某局's figures (a group of one, dropped); 某局 no
			// longer adds up its purchases: 250 + 131 + 120 + 50.
			[]string{"fail total: 合计 = 300.00 but Σ7-digit rows = 551.00"}},
		// 216 99 99 in 西安 商务: no row of the subject's own, two funds each
		// over its unit over its purchase.
		{"forest", tbl(schema.TableGovernmentProcurement, []string{"subject_code", "item", "total"},
			[]string{"", "合计", "440.00"},
			[]string{"2169999", "全额", "150.00"}, []string{"2169999", "西安市商务局", "150.00"}, []string{"2169999", "展览服务", "150.00"},
			[]string{"2169999", "差额", "290.00"}, []string{"2169999", "西安跨境电子商务服务中心", "290.00"}, []string{"2169999", "外贸大楼正常运营项目", "290.00"}),
			[]string{"pass"}},
		{"forest digit", set(tbl(schema.TableGovernmentProcurement, []string{"subject_code", "item", "total"},
			[]string{"", "合计", "440.00"},
			[]string{"2169999", "全额", "150.00"}, []string{"2169999", "西安市商务局", "150.00"}, []string{"2169999", "展览服务", "150.00"},
			[]string{"2169999", "差额", "290.00"}, []string{"2169999", "西安跨境电子商务服务中心", "290.00"}, []string{"2169999", "外贸大楼正常运营项目", "290.00"}), 6, "total", "291.00"),
			[]string{"fail total: 合计 = 440.00"}},
		// the second unit's rows now count under the first.
		{"units dropped unit", drop(units(), 5), []string{"fail total: 某局（本级） = 60.00 but Σ its 3-digit rows = 100.00",
			"fail basic: 某局（本级）", "fail project: 某局（本级）", "fail total: 某局 = 100.00 but Σ 1 units = 60.00", "fail basic: 某局", "fail project: 某局"}},
	}
	for _, tt := range tests {
		expect(t, tt.name, subjectTree(&tt.t), tt.want...)
	}
}

func TestRowTotals(t *testing.T) {
	ao := tbl(schema.TableAgencyOperating, []string{"unit_name", "total", "general_public_budget", "government_fund"},
		[]string{"部门合计", "12.50", "10.00", "2.50"},
		[]string{"本级", "8.00", "8.00", ""},
		[]string{"中心", "4.50", "2.00", "2.50"},
	)
	tests := []struct {
		name string
		t    schema.Table
		want []string
	}{
		{"支出总表", expenditure(), []string{"pass total = basic + project holds on 8 rows"}},
		// 2010101: 50.00 ≠ 30.00 + 20.10.
		{"支出总表 project", set(expenditure(), 3, "project", "20.10"),
			[]string{"fail 2010101 行政运行: total 50.00 != basic 30.00 + project 20.10"}},
		{"机关运行经费", ao, []string{"pass total = general_public_budget + government_fund holds on 3 rows",
			"pass 部门合计 = Σ 2 rows over total, general_public_budget, government_fund"}},
		{"机关运行经费 dropped unit", drop(ao, 2), []string{"pass total = general_public_budget",
			"fail 部门合计 = Σ 1 rows: total 12.50 but Σ = 8.00; general_public_budget 10.00 but Σ = 8.00; government_fund 2.50 but Σ = 0.00"}},
		{"机关运行经费 no total", drop(ao, 0), []string{"pass total = general_public_budget", "fail no 合计 row"}},
	}
	for _, tt := range tests {
		expect(t, tt.name, rowTotals(&tt.t), tt.want...)
	}
}

// summary is a small 收支总表 with 上年结转 10.00:
// income 本年收入合计 = 80.00 + 20.00 = 100.00, 收入总计 = 100.00 + 10.00 = 110.00;
// expenditure 本年支出合计 = 110.00 (当年 100.00 + 结转 10.00), 支出总计 110.00.
func summary() schema.Table {
	return tbl(schema.TableIncomeExpenditureSummary,
		[]string{"income_item", "income_amount", "expenditure_item", "expenditure_total", "expenditure_current_year", "expenditure_carryover"},
		[]string{"一、一般公共预算", "80.00", "一、一般公共服务支出", "70.00", "60.00", "10.00"},
		[]string{"二、政府性基金预算", "20.00", "二、教育支出", "40.00", "40.00", ""},
		[]string{"本年收入合计", "100.00", "本年支出合计", "110.00", "100.00", "10.00"},
		[]string{"上年结转", "10.00", "年终结转", "", "", ""},
		[]string{"收入总计", "110.00", "支出总计", "110.00", "100.00", "10.00"},
	)
}

func TestTwoSided(t *testing.T) {
	tests := []struct {
		name string
		t    schema.Table
		want []string
	}{
		{"holds", summary(), []string{
			"pass expenditure_total = expenditure_current_year + expenditure_carryover holds on 4 rows",
			"pass 本年收入合计 = Σ 2 items above it over income_amount",
			"pass 收入总计 = 本年收入合计 + 1 rows between",
			"pass 本年支出合计 = Σ 2 items above it",
			"pass 支出总计 = 本年支出合计 + 1 rows between",
			"pass 本年收入合计 = 本年支出合计 当年预算安排: income_amount 100.00 = expenditure_current_year 100.00",
			"pass 收入总计 = 支出总计: income_amount 110.00 = expenditure_total 110.00"}},
		{"income item", set(summary(), 1, "income_amount", "21.00"), []string{
			"pass", "fail 本年收入合计 = Σ 2 items above it: income_amount 100.00 but Σ = 101.00", "pass", "pass", "pass", "pass", "pass"}},
		{"grand total", set(summary(), 4, "income_amount", "111.00"), []string{
			"pass", "pass", "fail 收入总计 = 本年收入合计 + 1 rows between: income_amount 111.00 but Σ = 110.00", "pass", "pass", "pass",
			"fail 收入总计 = 支出总计: income_amount 111.00 != expenditure_total 110.00"}},
		{"no 总计", drop(summary(), 4), []string{"pass", "pass", "fail income side has no 总计 row", "pass",
			"fail expenditure side has no 总计 row", "pass"}},
	}
	for _, tt := range tests {
		expect(t, tt.name, rowTotals(&tt.t), tt.want...)
	}
}

func TestThreePublic(t *testing.T) {
	keys := []string{"item", "total", "general_public_budget"}
	// 合计 = 0.00 + 3.60 + 12.80; 12.80 = 0.00 + 12.80.
	rows := func() schema.Table {
		return tbl(schema.TableThreePublic, keys,
			[]string{"因公出国（境）费", "0.00", "0.00"},
			[]string{"公务接待费", "3.60", "3.60"},
			[]string{"公务用车购置及运行费", "12.80", "12.80"},
			[]string{"①公务用车购置费", "", ""},
			[]string{"②公务用车运行维护费", "12.80", "12.80"},
			[]string{"合计", "16.40", "16.40"})
	}
	// 95.71 = 70.00 + 18.53 + 7.18; 18.53 = 0.00 + 18.53 (Guangzhou 工信局 page 18).
	gz := tbl(schema.TableThreePublic, keys,
		[]string{"行政经费", "836.46", "836.46"},
		[]string{"“三公”经费", "95.71", "95.71"},
		[]string{"其中：（一）因公出国（境）支出", "70.00", "70.00"},
		[]string{"（二）公务用车购置及运行维护支出", "18.53", "18.53"},
		[]string{"1.公务用车购置费", "0.00", "0.00"},
		[]string{"2.公务用车运行维护费", "18.53", "18.53"},
		[]string{"（三）公务接待费支出", "7.18", "7.18"})
	// The Shanghai layout: the parts are columns.
	cols := schema.Table{Kind: schema.TableThreePublic, Columns: []schema.Column{
		{Key: "total", Label: "合计"}, {Key: "col_2", Label: "因公出国（境）费"}, {Key: "col_3", Label: "公务接待费"},
		{Key: "col_4", Label: "公务用车购置及运行费/小计"}, {Key: "col_5", Label: "公务用车购置及运行费/购置费"},
		{Key: "col_6", Label: "公务用车购置及运行费/运行费"}}}
	cols.Rows = []schema.Row{{{Key: "total", Value: schema.Str("16.40")}, {Key: "col_2", Value: schema.Str("0.00")},
		{Key: "col_3", Value: schema.Str("3.60")}, {Key: "col_4", Value: schema.Str("12.80")},
		{Key: "col_5", Value: schema.Str("0.00")}, {Key: "col_6", Value: schema.Str("12.80")}}}
	// Jiangsu adds 会议费 and 培训费: its 合计 is not the 三公 total, its
	// "“三公”经费/小计" is (676.10 = 76.00 + 156.60 + 443.50).
	jiangsu := schema.Table{Kind: schema.TableThreePublic}
	for _, c := range [][3]string{{"total", "合计", "1852.32"}, {"col_2", "“三公”经费/小计", "676.10"},
		{"col_3", "“三公”经费/因公出国（境）费", "76.00"}, {"col_4", "“三公”经费/公务用车购置及运行维护费/小计", "156.60"},
		{"col_5", "“三公”经费/公务用车购置及运行维护费/公务用车购置费", ""},
		{"col_6", "“三公”经费/公务用车购置及运行维护费/公务用车运行维护费", "156.60"},
		{"col_7", "“三公”经费/公务接待费", "443.50"}, {"col_8", "会议费", "1094.62"}, {"col_9", "培训费", "81.60"}} {
		jiangsu.Columns = append(jiangsu.Columns, schema.Column{Key: c[0], Label: c[1]})
		var v *string
		if c[2] != "" {
			v = schema.Str(c[2])
		}
		if len(jiangsu.Rows) == 0 {
			jiangsu.Rows = []schema.Row{nil}
		}
		jiangsu.Rows[0] = append(jiangsu.Rows[0], schema.Cell{Key: c[0], Value: v})
	}
	tests := []struct {
		name string
		t    schema.Table
		want []string
	}{
		{"rows", rows(), []string{"pass total = general_public_budget", "pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费",
			"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费"}},
		{"rows 运行维护费", set(set(rows(), 4, "total", "12.08"), 4, "general_public_budget", "12.08"), []string{"pass",
			"fail 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费: total 12.80 but Σ = 12.08", "pass"}},
		{"rows no 合计", drop(rows(), 5), []string{"pass", "pass", "fail three_public has no 合计 row"}},
		// Guangzhou: 行政经费 above, the "三公" total printed as its own row.
		{"rows 三公经费", gz, []string{"pass total = general_public_budget", "pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费",
			"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费"}},
		{"rows 三公经费 off", set(gz, 1, "total", "95.17"), []string{"fail", "pass", "fail 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费: total 95.17 but Σ = 95.71"}},
		{"columns", cols, []string{"pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费 holds on 1 rows",
			"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 holds on 1 rows"}},
		{"columns with 会议费", jiangsu, []string{"pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费 holds on 1 rows",
			"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 holds on 1 rows"}},
		{"columns 接待", set(cols, 0, "col_3", "3.06"), []string{"pass", "fail 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费: row 1: 合计 16.40 but Σ = 15.86"}},
	}
	for _, tt := range tests {
		expect(t, tt.name, rowTotals(&tt.t), tt.want...)
	}
}

func TestEconomicRows(t *testing.T) {
	e := func(level, name, total, personnel, public string) schema.EconomicRow {
		p := func(s string) *string {
			if s == "" {
				return nil
			}
			return schema.Str(s)
		}
		return schema.EconomicRow{Level: level, DeptSubject: name, Total: p(total), Personnel: p(personnel), Public: p(public)}
	}
	// 合计 = 95.00 + 5.00 = 100.00; 工资福利支出 = 60.00 + 35.00; 商品和服务支出 = 5.00.
	rows := []schema.EconomicRow{
		e("total", "合计", "100.00", "95.00", "5.00"),
		e("category", "工资福利支出", "95.00", "95.00", ""),
		e("item", "基本工资", "60.00", "60.00", ""),
		e("item", "津贴补贴", "35.00", "35.00", ""),
		e("category", "商品和服务支出", "5.00", "", "5.00"),
		e("item", "办公费", "5.00", "", "5.00"),
	}
	bad := append([]schema.EconomicRow(nil), rows...)
	bad[3] = e("item", "津贴补贴", "35.00", "53.00", "")
	expect(t, "holds", economic(&schema.Document{EconomicRows: rows}),
		"pass total = personnel + public holds on 6 rows", "pass 工资福利支出 = Σ its 2 items", "pass 商品和服务支出 = Σ its 1 items", "pass 合计 = Σ 2 类")
	expect(t, "personnel", economic(&schema.Document{EconomicRows: bad}),
		"fail 津贴补贴: total 35.00 != personnel 53.00 + public 0.00", "fail 工资福利支出 = Σ its 2 items: personnel 95.00 but Σ = 113.00", "pass", "pass")
}

func TestCrossTable(t *testing.T) {
	isKeys := []string{"subject_code", "subject_name", "total", "general_public_budget", "government_fund"}
	doc := func() *schema.Document {
		is := tbl(schema.TableIncomeSummary, isKeys,
			[]string{"", "合计", "100.00", "100.00", ""},
			[]string{"201", "一般公共服务支出", "70.00", "70.00", ""},
			[]string{"208", "社会保障和就业支出", "30.00", "30.00", ""})
		gp := expenditure()
		gp.Kind = schema.TableGeneralPublicBudgetExpenditure
		pe := tbl(schema.TableProjectExpenditure, []string{"item", "total", "general_public_budget"},
			[]string{"专线租金", "12.00", "12.00"}, []string{"培训费", "18.00", "18.00"})
		return &schema.Document{Tables: []schema.Table{is, expenditure(), gp, pe}}
	}
	// 支出总表 合计 100.00 = 收入总表 合计 100.00; 一般公共预算 100.00 = 100.00;
	// projects 12.00 + 18.00 = 30.00 = 项目支出 30.00.
	expect(t, "holds", crossTable(doc(), nil),
		"pass expenditure_summary 合计 total 100.00 = income_summary 合计 total 100.00",
		"pass general_public_budget_expenditure 合计 total 100.00 = income_summary 合计 general_public_budget 100.00",
		"pass project_expenditure Σ 2 projects total 30.00 = expenditure_summary 合计 project 30.00")
	d := doc()
	d.Tables[3] = drop(d.Tables[3], 0)
	d.Tables[0] = set(d.Tables[0], 0, "general_public_budget", "99.00")
	expect(t, "broken", crossTable(d, nil),
		"pass",
		"fail general_public_budget_expenditure 合计 total 100.00 != income_summary 合计 general_public_budget 99.00",
		"fail project_expenditure Σ 1 projects total 18.00 != expenditure_summary 合计 project 30.00")
}

func TestForms(t *testing.T) {
	p := func(name, total string) schema.Project {
		return schema.Project{Name: name, Total: schema.Str(total), Unit: schema.Str("万元")}
	}
	f := func(name, annual string) schema.PerformanceForm {
		return schema.PerformanceForm{Project: name, Funds: schema.Funds{Unit: schema.Str("元"),
			Annual: schema.FundFigures{Total: schema.Str(annual)}}, Pages: []int{20}}
	}
	doc := &schema.Document{
		Projects: []schema.Project{p("专线年租金", "0.80"), p("工作运行经费", "7.32"), p("工作运行经费", "0.24"), p("培训费", "4.62")},
		PerformanceForms: []schema.PerformanceForm{
			f("专线年租金", "8000"),   // 0.80万元 = 8000元
			f("工作运行经费", "2400"),  // one of the two rows: 0.24万元
			f("工作运行经费", "75600"), // both rows: 7.56万元
			f("培训费", "46000"),    // 4.60 ≠ 4.62
			f("不在清单的项目", "1000"), // no project of that name
			f("（专线年租金）", "8000"), // brackets differ
			f("专线年租", "8000"),    // one character short of 专线年租金
			f("专线年租", "9000"),    // the same, with other funds
		},
	}
	expect(t, "forms", forms(doc),
		"pass performance form 专线年租金 annual funds 8000 (元) = project list 专线年租金 total 0.80 (万元)",
		"pass one of 2 rows of that name",
		"pass project list Σ 2 rows named 工作运行经费 total 7.56",
		"fail performance form 培训费 annual funds 46000 (元) != project list 培训费 total 4.62 (万元)",
		"skipped no project of that name",
		"skipped no project of that name",
		"pass project list 专线年租金 (the form's name differs by one character) total 0.80",
		"fail performance form 专线年租 annual funds 9000 (元) != project list 专线年租金 (the form's name differs by one character) total 0.80 (万元)")
}

func TestSummaryAndReport(t *testing.T) {
	cs := []schema.Check{
		{Rule: RuleSubjectTree, Table: "expenditure_summary", Status: schema.StatusPass, Message: "ok"},
		{Rule: RuleRowTotal, Table: "expenditure_summary", Status: schema.StatusFail, Message: "2013101: 1346.54 != 1138.72 + 207.80"},
		{Rule: RuleCrossTable, Status: schema.StatusFail, Message: "a != b"},
		{Rule: RuleNarrative, Status: schema.StatusSkipped, Message: "no base"},
	}
	p, f, s := Summary(cs)
	if p != 1 || f != 2 || s != 1 {
		t.Errorf("Summary = %d, %d, %d; want 1, 2, 1", p, f, s)
	}
	var b bytes.Buffer
	Report(&b, "x.pdf", cs)
	want := `"x.pdf": FAIL row_total expenditure_summary: 2013101: 1346.54 != 1138.72 + 207.80` + "\n" +
		`"x.pdf": FAIL cross_table: a != b` + "\n" +
		`"x.pdf": FAIL: 4 checks, 1 pass, 2 fail, 1 skipped` + "\n"
	if b.String() != want {
		t.Errorf("Report:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	Report(&b, "y.pdf", cs[:1])
	if got := b.String(); got != `"y.pdf": ok: 1 checks, 1 pass, 0 fail, 0 skipped`+"\n" {
		t.Errorf("Report = %q", got)
	}
}

func TestRunRecoversAndOrders(t *testing.T) {
	if Run(nil, nil) != nil {
		t.Error("Run(nil) is not nil")
	}
	if cs := Run(&schema.Document{}, nil); cs == nil || len(cs) != 0 {
		t.Errorf("Run(empty document) = %#v, want an empty, non-nil list", cs)
	}
	unknown := expenditure()
	unknown.Kind = schema.TableUnknown
	unknown = set(unknown, 1, "total", "1.00")
	doc := &schema.Document{Tables: []schema.Table{expenditure(), unknown}}
	cs := Run(doc, nil)
	if len(cs) != 2 || cs[0].Rule != RuleSubjectTree || cs[1].Rule != RuleRowTotal {
		t.Errorf("Run = %s", statuses(cs))
	}
	for _, c := range cs {
		if len(c.Pages) != 1 || c.Pages[0] != 5 || c.Table != schema.TableExpenditureSummary {
			t.Errorf("check %+v: want table expenditure_summary, pages [5]", c)
		}
	}
}

// editDistance is the Levenshtein distance between two strings, by rune:
// the textbook dynamic programme, the reference oneEdit is held to.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// TestOneEdit: oneEdit is editDistance == 1 on every pair drawn from
// project-like names and their one- and two-rune edits.
func TestOneEdit(t *testing.T) {
	base := []string{"", "费", "国安办公设备购置费", "国安办办公设备购置费", "专线年租金", "专线年租费",
		"工作运行经费", "工作运行经费(机关)", "abc", "ab", "ba", "aab", "abab", "办办公", "办公公"}
	words := append([]string(nil), base...)
	for _, w := range base {
		r := []rune(w)
		for i := 0; i <= len(r); i++ {
			words = append(words, string(r[:i])+"x"+string(r[i:])) // insertion
			if i < len(r) {
				words = append(words, string(r[:i])+string(r[i+1:]))     // deletion
				words = append(words, string(r[:i])+"费"+string(r[i+1:])) // replacement
			}
		}
	}
	for _, a := range words {
		for _, b := range words {
			if got, want := oneEdit(a, b), editDistance(a, b) == 1; got != want {
				t.Errorf("oneEdit(%q, %q) = %v, editDistance %d", a, b, got, editDistance(a, b))
			}
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"国安办公设备购置费", "国安办办公设备购置费", 1}, {"专线年租金", "专线年租费", 1},
		{"工作运行经费", "工作运行经费(机关)", 4}, {"abc", "", 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAgencyOperating(t *testing.T) {
	doc := func(agency string) *schema.Document {
		ao := tbl(schema.TableAgencyOperating, []string{"unit_name", "total", "general_public_budget"},
			[]string{"部门合计", agency, agency}, []string{"本级", agency, agency})
		return &schema.Document{Tables: []schema.Table{ao}, EconomicRows: []schema.EconomicRow{
			{Level: schema.LevelTotal, DeptSubject: "合计", Total: schema.Str("150.00"), Personnel: schema.Str("100.00"), Public: schema.Str("50.00")}}}
	}
	restricted := []Text{{Page: 45, Text: "四、机关运行经费：指行政单位和参照公务员法管理的事业单位使用财政拨款"}, {Page: 45, Text: "安排的基本支出中的公用经费支出。"}}
	plain := []Text{{Page: 45, Text: "四、机关运行经费：即部门基本支出中的公用经费支出。"}}
	tests := []struct {
		name   string
		agency string
		text   []Text
		want   string
	}{
		{"no definition", "50.00", nil, "skipped the document does not define 机关运行经费"},
		{"行政单位 part, equal", "50.00", restricted, "pass agency_operating 合计 total 50.00 <= basic_expenditure_economic 合计 public 50.00"},
		{"行政单位 part, less", "42.00", restricted, "pass agency_operating 合计 total 42.00 <= "},
		{"行政单位 part, more", "52.00", restricted, "fail agency_operating 合计 total 52.00 > basic_expenditure_economic 合计 public 50.00"},
		{"all 公用经费, equal", "50.00", plain, "pass agency_operating 合计 total 50.00 = basic_expenditure_economic 合计 public 50.00"},
		{"all 公用经费, less", "42.00", plain, "fail agency_operating 合计 total 42.00 != basic_expenditure_economic 合计 public 50.00"},
	}
	for _, tt := range tests {
		expect(t, tt.name, agencyOperating(doc(tt.agency), tt.text), tt.want)
	}
}
