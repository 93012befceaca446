package checks

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestCarRunning: 公务用车运行维护费 of the economic tables against the "三公"
// table. Beijing's basic table prints 30231 once per 政府 economic subject
// (50208 36.60, 50502 31.84: 68.44 = the 三公 figure); Guangzhou prints
// project spending by economic subject too (368.94 + 1.40 = 370.34); Yantai
// prints neither, and its 三公 figure also covers project spending
// (21.10 <= 22.05).
func TestCarRunning(t *testing.T) {
	ecoKeys := []string{"gov_subject_code", "gov_subject", "subject_code", "dept_subject", "total"}
	beijing := tbl(schema.TableBasicExpenditureEconomic, ecoKeys,
		[]string{"", "", "", "合计", "104.44"},
		[]string{"50208", "公务用车运行维护费", "30231", "公务用车运行维护费", "36.60"},
		[]string{"50502", "商品和服务支出", "30201", "办公费", "36.00"},
		[]string{"50502", "商品和服务支出", "30231", "公务用车运行维护费", "31.84"})
	three := func(v string) schema.Table {
		return tbl(schema.TableThreePublic, []string{"item", "total"},
			[]string{"因公出国（境）费", "0.00"},
			[]string{"公务用车购置及运行费", v},
			[]string{"①公务用车购置费", "0.00"},
			[]string{"②公务用车运行维护费", v},
			[]string{"合计", v})
	}
	gzKeys := []string{"subject_code", "dept_subject", "total"}
	gzBasic := tbl(schema.TableBasicExpenditureEconomic, gzKeys,
		[]string{"", "合计", "368.94"}, []string{"30231", "公务用车运行维护费", "368.94"})
	gzProject := tbl(schema.TableProjectExpenditureEconomic, gzKeys,
		[]string{"", "合计", "1.40"}, []string{"30231", "公务用车运行维护费", "1.40"})
	ytBasic := tbl(schema.TableBasicExpenditureEconomic, gzKeys,
		[]string{"", "合计", "21.10"}, []string{"30231", "公务用车运行维护费", "21.10"})
	doc := func(ts ...schema.Table) *schema.Document { return &schema.Document{Tables: ts} }
	tests := []struct {
		name string
		doc  *schema.Document
		want []string
	}{
		{"two rows of 30231", doc(beijing, three("68.44")), []string{"pass Σ 2 rows of 公务用车运行维护费 total 68.44 = three_public"}},
		{"a digit in one row", doc(set(beijing, 3, "total", "38.14"), three("68.44")), []string{"fail Σ 2 rows of 公务用车运行维护费 total 74.74"}},
		{"basic + project", doc(gzBasic, gzProject, three("370.34")), []string{"pass basic_expenditure_economic 公务用车运行维护费 total + project_expenditure_economic"}},
		{"basic + project off", doc(gzBasic, gzProject, three("370.43")), []string{"fail"}},
		{"basic only, at most", doc(ytBasic, three("22.05")), []string{"pass 公务用车运行维护费 total 21.10 <= three_public"}},
		{"basic only, more", doc(ytBasic, three("20.11")), []string{"fail 公务用车运行维护费 total 21.10 != three_public"}},
	}
	for _, tt := range tests {
		expect(t, tt.name, carRunning(tt.doc), tt.want...)
	}
}

// TestProjectGroupRows: Guangzhou's 项目支出预算表 prints one line per unit
// over its projects (广州市人民政府办公厅 2026, pages 21-23: 1361.61 over
// 226.48 + 21.20 + 156.38 + 749.25 + 138.05 + 70.25, 广州市政府政务信息系统
// 管理中心 70.30 over 16.10 + 7.00 + 21.00 + 26.20, 广州地区公文交换站 65.15
// over 56.15 + 1.02 + 3.18 + 4.80; 合计 1497.06). The 合计 adds the projects,
// not the unit lines too; a group of Guangzhou's 住房和建设局 rounds its rows
// (739.46 over rows adding to 739.47). A planted corruption breaks its group
// and the sum still fails.
func TestProjectGroupRows(t *testing.T) {
	rows := [][]string{
		{"合计", "1497.06"},
		{"广州市人民政府办公厅", "1361.61"},
		{"工作经费", "226.48"}, {"购置经费", "21.20"}, {"其他运行经费", "156.38"}, {"专项工作经费", "749.25"},
		{"2025-2026年度信息化整体运维服务项目", "138.05"}, {"2026-2027年度信息化运维服务项目", "70.25"},
		{"广州市政府政务信息系统管理中心", "70.30"},
		{"购置经费", "16.10"}, {"机构运行辅助经费", "7.00"}, {"专项工作经费", "21.00"}, {"2025年度政务信息化建设项目", "26.20"},
		{"广州地区公文交换站", "65.15"},
		{"专项工作经费", "56.15"}, {"购置经费", "1.02"}, {"2025-2026年度信息化运维服务", "3.18"}, {"2026-2027年度信息化运维服务", "4.80"},
	}
	tb := tbl(schema.TableProjectExpenditure, []string{"item", "total"}, rows...)
	expect(t, "as printed", rowTotals(&tb), "pass 合计 = Σ 14 rows under 3 group rows")
	for _, tt := range []struct {
		row  int
		v    string
		want string
	}{
		{3, "21.30", "fail 合计 = Σ 17 rows"},   // a project: its group no longer adds up
		{1, "1361.71", "fail 合计 = Σ 17 rows"}, // a group row
		{0, "1497.16", "fail 合计 = Σ 17 rows"}, // the 合计
	} {
		expect(t, tt.v, rowTotals(ptr(set(tb, tt.row, "total", tt.v))), tt.want)
	}
	// A group row rounding its rows: 739.46 over 105.88 + 233.91 + 399.68.
	rounded := tbl(schema.TableProjectExpenditure, []string{"item", "total"},
		[]string{"合计", "1000.00"}, []string{"广州市房屋安全管理所", "739.46"},
		[]string{"其他运行经费", "105.88"}, []string{"全市房屋应急抢险管理费", "233.91"}, []string{"全市直管房管理工作经费", "399.68"},
		[]string{"另一单位", "260.54"}, []string{"项目甲", "160.54"}, []string{"项目乙", "100.00"})
	expect(t, "rounded group", rowTotals(&rounded), "warn 合计 = Σ 5 rows under 2 group rows")
}

// TestProjectSumRounding: the sum of 503 printed projects may miss the
// printed 项目支出 total by their rounding (Guangzhou 卫生健康委员会:
// 2313909.41 against 2313909.42): a warning; beyond it, a failure.
func TestProjectSumRounding(t *testing.T) {
	es := tbl(schema.TableExpenditureSummary, []string{"item", "total", "project"}, []string{"合计", "30.02", "30.02"})
	pl := func(a string) schema.Table {
		return tbl(schema.TableProjectExpenditure, []string{"item", "total"},
			[]string{"项目一", a}, []string{"项目二", "10.01"}, []string{"项目三", "10.01"})
	}
	for _, tt := range []struct{ a, want string }{{"10.01", "warn"}, {"10.05", "fail"}, {"10.00", "pass"}} {
		p := pl(tt.a)
		doc := &schema.Document{Tables: []schema.Table{es, p}}
		cs := projectTotal(doc, &doc.Tables[0])
		if len(cs) != 1 || cs[0].Status != tt.want {
			t.Errorf("project 一 %s: %+v, want %s", tt.a, cs, tt.want)
		}
	}
}

// TestProjectGroupRowsNested: 深圳 人社局's 项目支出总表 (p151) prints the
// department's line over its units' lines over their projects, and a unit
// with one project prints its figure twice (深圳市劳动人事争议仲裁院 2,149.05
// over 劳动关系管理 2,149.05). Guangzhou's 水务局 has a project equal to the
// two after it (70.00 = 30.00 + 40.00), which must not be taken for a group.
func TestProjectGroupRowsNested(t *testing.T) {
	keys := []string{"item", "total"}
	nested := tbl(schema.TableProjectExpenditure, keys,
		[]string{"合计", "100.00"}, []string{"部门", "100.00"},
		[]string{"单位甲", "60.00"}, []string{"项目一", "25.00"}, []string{"项目二", "35.00"},
		[]string{"单位乙", "30.00"}, []string{"劳动关系管理", "30.00"},
		[]string{"单位丙", "10.00"}, []string{"项目三", "4.00"}, []string{"项目四", "6.00"})
	expect(t, "nested", rowTotals(&nested), "pass 合计 = Σ 5 rows under 4 group rows")
	expect(t, "nested, 项目二 36.00", rowTotals(ptr(set(nested, 4, "total", "36.00"))), "fail 合计 = Σ 9 rows")
	expect(t, "nested, 劳动关系管理 31.00", rowTotals(ptr(set(nested, 6, "total", "31.00"))), "fail 合计 = Σ 9 rows")
	// A row printed twice under one name is no group of one.
	twice := tbl(schema.TableProjectExpenditure, keys,
		[]string{"合计", "30.00"}, []string{"项目一", "10.00"}, []string{"项目一", "10.00"}, []string{"项目二", "20.00"})
	expect(t, "row printed twice", rowTotals(&twice), "fail 合计 = Σ 3 rows")

	coincidence := tbl(schema.TableProjectExpenditure, keys,
		[]string{"合计", "260.00"},
		[]string{"单位甲", "160.00"}, []string{"项目一", "20.00"}, []string{"项目二", "70.00"}, []string{"项目三", "30.00"}, []string{"项目四", "40.00"},
		[]string{"单位乙", "100.00"}, []string{"项目五", "60.00"}, []string{"项目六", "40.00"})
	expect(t, "a project equal to the two after it", rowTotals(&coincidence), "pass 合计 = Σ 6 rows under 2 group rows")
}
