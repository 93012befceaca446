package checks

import (
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

// TestSumStatus: a difference rounding can make is at most half a cent per
// printed figure, the total's included ((n+1)/2 cents for n addends, never
// more than 0.01 × n); anything else fails, and so does any difference on
// figures printed without cents.
func TestSumStatus(t *testing.T) {
	tests := []struct {
		got, sum string
		n        int
		scale    int32
		want     string
	}{
		{"6575.72", "6575.72", 2, 2, schema.StatusPass},
		{"6575.72", "6575.73", 2, 2, schema.StatusWarn}, // Shenzhen 20802: 3222.33 + 3353.40
		{"6575.72", "6575.74", 2, 2, schema.StatusFail}, // 2 cents over 2 addends: not rounding
		{"101833.84", "101833.85", 3, 2, schema.StatusWarn},
		{"8876.23", "8876.21", 3, 2, schema.StatusWarn},    // (3+1)/2 = 2 cents
		{"8876.23", "8876.20", 4, 2, schema.StatusFail},    // 3 cents over 4 addends: 2.5 at most
		{"8876.23", "8876.20", 5, 2, schema.StatusWarn},    // 3 cents over 5 addends
		{"1738.53", "1738.50", 1, 2, schema.StatusFail},    // one addend: half a cent each side
		{"24840779", "24840778", 18, 0, schema.StatusFail}, // 元 without cents: no rounding accepted
		{"2883.542401", "2883.542400", 2, 6, schema.StatusWarn},
		{"2883.542500", "2883.542400", 2, 6, schema.StatusFail}, // 100 units of the last place
		{"10.23", "10.22", 0, 2, schema.StatusFail},             // nothing printed to round
	}
	for _, tt := range tests {
		st, diff := sumStatus(decimal.RequireFromString(tt.got), decimal.RequireFromString(tt.sum), tt.n, tt.scale)
		if st != tt.want {
			t.Errorf("sumStatus(%s, %s, %d, %d) = %s (diff %s), want %s", tt.got, tt.sum, tt.n, tt.scale, st, diff, tt.want)
		}
		if want := decimal.RequireFromString(tt.got).Sub(decimal.RequireFromString(tt.sum)); !diff.Equal(want) {
			t.Errorf("diff %s, want %s", diff, want)
		}
	}
}

// TestRoundingWarned: a row whose parts miss their total by a cent is
// warned with the difference; by more, it fails; the corruption of one
// digit in a column of several printed figures still fails.
func TestRoundingWarned(t *testing.T) {
	tb := tbl(schema.TableExpenditureSummary, []string{"subject_name", "total", "basic", "project"},
		[]string{"合计", "100.00", "70.00", "30.00"},
		[]string{"民政管理事务", "6575.72", "3222.33", "3353.40"},
		[]string{"行政运行", "50.00", "30.00", "20.00"},
	)
	v := newView(&tb)
	cs := v.across(relation{"total", []string{"basic", "project"}})
	if len(cs) != 1 || cs[0].Status != schema.StatusWarn || !strings.Contains(cs[0].Message, "rounding difference -0.01 over 2 printed addends") {
		t.Fatalf("across = %+v", cs)
	}
	tb = set(tb, 1, "total", "6575.75")
	cs = newView(&tb).across(relation{"total", []string{"basic", "project"}})
	if len(cs) != 1 || cs[0].Status != schema.StatusFail {
		t.Fatalf("across, 2 cents off = %+v", cs)
	}
	// Down a column: 合计 = Σ rows, one rounding cent warned.
	col := tbl(schema.TableProjectExpenditure, []string{"item", "total"},
		[]string{"项目一", "10.01"}, []string{"项目二", "20.01"}, []string{"项目三", "30.01"}, []string{"合计", "60.02"})
	if c := newView(&col).sumCheck(sideNone, "合计 = Σ 3 rows", col.Rows[3], col.Rows[:3]); c.Status != schema.StatusWarn {
		t.Errorf("sumCheck = %+v", c)
	}
	col = set(col, 3, "total", "60.06")
	if c := newView(&col).sumCheck(sideNone, "合计 = Σ 3 rows", col.Rows[3], col.Rows[:3]); c.Status != schema.StatusFail {
		t.Errorf("sumCheck, 3 cents off = %+v", c)
	}
}

// TestTwoSidedTotalFirst: Chongqing prints 合计 on the first row, over the
// items of each side; 一、本年收入 heads its (一)(二) items (figures of
// 重庆市气象局's 收支总体情况表 and 财政拨款收支总体情况表, page 6 and 8).
func TestTwoSidedTotalFirst(t *testing.T) {
	keys := []string{"income_item", "income_amount", "expenditure_item", "expenditure_total"}
	tb := tbl(schema.TableIncomeExpenditureSummary, keys,
		[]string{"合计", "14770.62", "合计", "14770.62"},
		[]string{"一、一般公共预算资金", "12672.73", "一、社会保障和就业支出", "120.17"},
		[]string{"二、政府性基金预算资金", "579.89", "二、卫生健康支出", "40.68"},
		[]string{"五、事业收入资金", "388.00", "三、农林水支出", "579.89"},
		[]string{"九、其他收入资金", "1130.00", "四、自然资源海洋气象等支出", "13873.36"},
		[]string{"", "", "五、住房保障支出", "56.53"},
		[]string{"", "", "六、灾害防治及应急管理支出", "100.00"},
	)
	want := []string{
		"pass income_expenditure_summary 合计 = Σ 4 items below it",
		"warn income_expenditure_summary 合计 = Σ 6 items below it", // 14770.63 printed: a rounding tail
	}
	var got []string
	for _, c := range twoSided(newView(&tb)) {
		if c.Rule == RuleRowTotal && strings.Contains(c.Message, "Σ") {
			got = append(got, c.Status+" "+head(c.Message))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tb = set(tb, 4, "income_amount", "1130.03") // a misread digit still fails
	caught := false
	for _, c := range twoSided(newView(&tb)) {
		caught = caught || strings.Contains(c.Message, "income_amount 14770.62 but Σ = 14770.65") && c.Status == schema.StatusFail
	}
	if !caught {
		t.Errorf("a changed income item is not caught")
	}
	heading := tbl(schema.TableFiscalAppropriationSummary, keys,
		[]string{"一、本年收入", "12572.73", "一、本年支出", "13252.62"},
		[]string{"(一)一般公共预算资金", "12572.73", "(一)社会保障和就业支出", "82.51"},
		[]string{"", "", "(二)卫生健康支出", "31.68"},
		[]string{"二、上年结转", "679.89", "二、结转下年", ""},
		[]string{"收入总计", "13252.62", "支出总计", "13252.62"},
	)
	var msgs []string
	for _, c := range twoSided(newView(&heading)) {
		if strings.Contains(c.Message, "一、本年收入") && !strings.Contains(c.Message, "支出总计") {
			msgs = append(msgs, c.Status+" "+head(c.Message))
		}
	}
	if want := "pass fiscal_appropriation_summary 一、本年收入 = Σ 1 items under it\npass fiscal_appropriation_summary 收入总计 = 一、本年收入 + 1 rows between"; strings.Join(msgs, "\n") != want {
		t.Errorf("heading table:\n%s\nwant\n%s", strings.Join(msgs, "\n"), want)
	}
}

// head is a check message up to its figures: before " over" or ":".
func head(m string) string {
	m = strings.SplitN(m, " over", 2)[0]
	return strings.SplitN(m, ":", 2)[0]
}

// TestThreePublicYears: last year's 三公 columns printed beside this year's
// are checked apart (烟台市应急管理局 公开表7, page 21: 2025 48.75 = 39.20 +
// 9.55; 2026 18.26 = 8.71 + 9.55).
func TestThreePublicYears(t *testing.T) {
	keys := []string{"prior_year_total", "prior_year_vehicle_total", "prior_year_vehicle_operation", "prior_year_official_reception",
		"total", "vehicle_total", "vehicle_operation", "official_reception"}
	tb := tbl(schema.TableThreePublic, keys, []string{"48.75", "39.20", "39.20", "9.55", "18.26", "8.71", "8.71", "9.55"})
	labels := []string{"2025年/合计", "2025年/公务用车购置及运行维护费/小计", "2025年/公务用车购置及运行维护费/公务用车运行维护费", "2025年/公务接待费",
		"2026年/合计", "2026年/公务用车购置及运行维护费/小计", "2026年/公务用车购置及运行维护费/公务用车运行维护费", "2026年/公务接待费"}
	for i := range tb.Columns {
		tb.Columns[i].Label = labels[i]
	}
	cs := newView(&tb).threePublicColumns()
	pass := 0
	for _, c := range cs {
		if c.Status != schema.StatusPass {
			t.Errorf("%s %s", c.Status, c.Message)
		} else {
			pass++
		}
	}
	if pass != 4 {
		t.Errorf("%d passing checks, want 4 (two relations, two years)", pass)
	}
	tb = set(tb, 0, "vehicle_operation", "8.74")
	failed := false
	for _, c := range newView(&tb).threePublicColumns() {
		failed = failed || c.Status == schema.StatusFail && !strings.Contains(c.Message, "last year")
	}
	if !failed {
		t.Errorf("this year's changed digit is not caught")
	}
}

// TestBlankColumnSkipped: a cross-table figure read from a column that is
// blank throughout its table is not compared (skipped, naming the column);
// a printed figure that differs still fails.
func TestBlankColumnSkipped(t *testing.T) {
	is := tbl(schema.TableIncomeSummary, []string{"subject_name", "total", "general_public_budget", "government_fund"},
		[]string{"合计", "100.00", "100.00", ""}, []string{"一般公共服务支出", "100.00", "100.00", ""})
	gf := tbl(schema.TableGovernmentFundExpenditure, []string{"subject_code", "subject_name", "total"},
		[]string{"", "合计", "40.00"}, []string{"212", "城乡社区支出", "40.00"})
	find := func(doc *schema.Document) *schema.Check {
		for _, c := range crossTable(doc, nil) {
			if strings.HasPrefix(c.Message, "government_fund_expenditure 合计 total") {
				return &c
			}
		}
		return nil
	}
	c := find(&schema.Document{Tables: []schema.Table{is, gf}})
	if c == nil || c.Status != schema.StatusSkipped || !strings.Contains(c.Message, "column government_fund of income_summary is blank throughout") {
		t.Fatalf("blank column: %+v", c)
	}
	is = set(is, 0, "government_fund", "30.00")
	if c := find(&schema.Document{Tables: []schema.Table{is, gf}}); c == nil || c.Status != schema.StatusFail {
		t.Fatalf("printed and different: %+v", c)
	}
}

// TestProjectLeaves: a unit's row over its projects (Shenzhen 项目支出总表,
// 深圳市民政局（本级） 22701.77 over its 7 projects) is a group, not a project.
func TestProjectLeaves(t *testing.T) {
	pl := tbl(schema.TableProjectExpenditure, []string{"item", "total"},
		[]string{"深圳市民政局（本级）", "22701.77"}, []string{"安全生产和应急管理专项经费", "21.96"},
		[]string{"福利彩票公益金项目", "19336.15"}, []string{"民政综合业务管理", "1618.85"}, []string{"社工服务项目", "628.10"},
		[]string{"社会组织管理", "569.04"}, []string{"预算准备金", "345.00"}, []string{"政务信息化项目（软件开发服务）", "182.67"})
	leaves, groups := withoutGroups(pl.Rows, groupsForward)
	if len(leaves) != 7 || groups != 1 {
		t.Errorf("%d leaves, %d groups; want 7, 1", len(leaves), groups)
	}
	flat := pl.Rows[1:]
	if leaves, groups := withoutGroups(flat, groupsForward); len(leaves) != 7 || groups != 0 {
		t.Errorf("flat list: %d leaves, %d groups", len(leaves), groups)
	}
}

// TestGPBWithCarried: Beijing's 财政拨款收支总表 prints no 一般公共预算
// expenditure column; the 一般公共预算支出表's 合计 is this year's 一般公共预算
// income and the 一般公共预算 carried over (北京市统计局 预算04表, page 8:
// 50665.496773 + 152.679076 = 50818.175849).
func TestGPBWithCarried(t *testing.T) {
	keys := []string{"income_item", "income_amount", "expenditure_item", "expenditure_total"}
	fas := tbl(schema.TableFiscalAppropriationSummary, keys,
		[]string{"一、一般公共预算资金", "50665.496773", "一、一般公共服务支出", "50818.175849"},
		[]string{"本年收入合计", "50665.496773", "本年支出合计", "50818.175849"},
		[]string{"上年结转结余", "152.679076", "年终结转结余", ""},
		[]string{"一、一般公共预算拨款", "152.679076", "", ""},
		[]string{"收入总计", "50818.175849", "支出总计", "50818.175849"})
	gpbe := tbl(schema.TableGeneralPublicBudgetExpenditure, []string{"subject_code", "subject_name", "total"},
		[]string{"", "合计", "50818.175849"}, []string{"201", "一般公共服务支出", "50818.175849"})
	status := func() string {
		for _, c := range crossTable(&schema.Document{Tables: []schema.Table{fas, gpbe}}, nil) {
			if strings.HasPrefix(c.Message, "general_public_budget_expenditure 合计 total") && strings.Contains(c.Message, "fiscal_appropriation_summary") {
				return c.Status + " " + c.Message
			}
		}
		return "none"
	}
	if s := status(); !strings.HasPrefix(s, "pass") || !strings.Contains(s, "上年结转 一般公共预算") {
		t.Errorf("got %s", s)
	}
	fas = set(fas, 3, "income_amount", "152.679079")
	if s := status(); !strings.HasPrefix(s, "fail") {
		t.Errorf("changed carry-over digit: %s", s)
	}
}

func TestUnitFactor(t *testing.T) {
	for _, c := range []struct {
		unit *string
		want int64
	}{
		{schema.Str("元"), 1}, {schema.Str("万元"), 10000}, {schema.Str("单位：万元"), 10000},
		{schema.Str("亿元"), 100000000}, {schema.Str("千元"), 1000}, {schema.Str("个"), 0}, {nil, 0},
	} {
		if got := UnitFactor(c.unit); !got.Equal(decimal.NewFromInt(c.want)) {
			t.Errorf("UnitFactor(%v) = %s, want %d", c.unit, got, c.want)
		}
	}
}

// TestSumRefsRounding: a figure against the sum of three figures printed
// in another table (广州 交通运输局: 财政拨款收支总表 本年收入合计 632,065.70
// against 收入总表's 一般公共预算 + 政府性基金 + 国有资本经营, 632,065.69) is a
// rounding warning within 1.5 cents, a failure beyond; one figure gets no
// allowance.
func TestSumRefsRounding(t *testing.T) {
	tb := &schema.Table{Kind: schema.TableIncomeSummary, Unit: schema.Str("万元"), Pages: []int{9}}
	fig := func(v string) ref {
		return ref{tb, "income_summary 合计 x", figure{decimal.RequireFromString(v), schema.Str("万元"), 2}, 0}
	}
	printed := ref{&schema.Table{Kind: schema.TableFiscalAppropriationSummary, Unit: schema.Str("万元"), Pages: []int{13}},
		"fiscal_appropriation_summary 本年收入合计", figure{decimal.RequireFromString("632065.70"), schema.Str("万元"), 2}, 0}
	for _, tt := range []struct {
		parts []string
		want  string
	}{
		{[]string{"400000.23", "232065.46", "0.00"}, schema.StatusWarn}, // 632065.69
		{[]string{"400000.23", "232065.47", "0.00"}, schema.StatusPass},
		{[]string{"400000.23", "232065.40", "0.00"}, schema.StatusFail}, // 6 cents
		{[]string{"632065.69"}, schema.StatusFail},                      // one figure
	} {
		var rs []ref
		for _, p := range tt.parts {
			rs = append(rs, fig(p))
		}
		if c := compare(printed, sumRefs(rs...)); c.Status != tt.want {
			t.Errorf("%v: %s %s, want %s", tt.parts, c.Status, c.Message, tt.want)
		}
	}
}

// TestGrandTotalBreakdown: 西安 卫健's 财政拨款收入支出决算总表 (p153) prints
// 年初结转和结余 58,926.37 over its breakdown 一般公共预算财政拨款 95.39 and
// 政府性基金预算财政拨款 58,830.98, unnumbered: 总计 = 本年收入合计 + the row,
// not + the row and its breakdown. A planted digit still fails.
func TestGrandTotalBreakdown(t *testing.T) {
	var rows [][]string
	for _, l := range strings.Split(`一、一般公共预算财政拨款|296030.91|一、一般公共服务支出|864099.38
二、政府性基金预算财政拨款|509220.65||
本年收入合计|805251.56|本年支出合计|864099.38
年初结转和结余|58926.37|年末结转和结余|78.55
一般公共预算财政拨款|95.39||
政府性基金预算财政拨款|58830.98||
总计|864177.93|总计|864177.93`, "\n") {
		rows = append(rows, strings.Split(l, "|"))
	}
	tb := tbl(schema.TableFiscalAppropriationSummary, []string{"income_item", "income_amount", "expenditure_item", "expenditure_total"}, rows...)
	status := func(tb schema.Table) string {
		for _, c := range twoSided(newView(&tb)) {
			if strings.Contains(c.Message, "总计 = 本年收入合计") {
				return c.Status
			}
		}
		return "none"
	}
	if got := status(tb); got != schema.StatusPass {
		t.Errorf("as printed: %s, want pass", got)
	}
	if got := status(set(tb, 5, "income_amount", "58831.98")); got != schema.StatusFail {
		t.Errorf("政府性基金 58831.98: %s, want fail", got)
	}
}
