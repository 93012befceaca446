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
