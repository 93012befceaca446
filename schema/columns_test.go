package schema

import (
	"strings"
	"testing"
)

func TestColumnKeys(t *testing.T) {
	tests := []struct {
		kind   string
		labels string // "|"-separated
		keys   string // " "-separated
	}{
		{TableExpenditureSummary, "项目/科目编码|项目/科目名称|2023年预算数/合计|2023年预算数/基本支出|2023年预算数/项目支出",
			"subject_code subject_name total basic project"},
		{TableIncomeSummary, "项目/科目编码|项目/科目名称|本年收入/合计|本年收入/一般公共预算|本年收入/政府性基金|本年收入/国有资本经营预算|本年收入/财政专户管理资金|上年结转",
			"subject_code subject_name total general_public_budget government_fund state_capital fiscal_special_account carryover"},
		{TableIncomeExpenditureSummary, "收入/项目|收入/2023年|支出/项目|支出/2023年合计|支出/当年预算安排|支出/上年结转安排",
			"income_item income_amount expenditure_item expenditure_total expenditure_current_year expenditure_carryover"},
		{TableFiscalAppropriationSummary, "收入/项目|收入/金额|支出/项目|支出/金额/小计|支出/金额/一般公共预算|支出/金额/政府性基金预算|支出/金额/国有资本经营预算",
			"income_item income_amount expenditure_item expenditure_total expenditure_general_public_budget expenditure_government_fund expenditure_state_capital"},
		{TableBasicExpenditureEconomic, "部门预算支出经济科目名称|政府预算支出经济科目名称|2023年预算数/合计|2023年预算数/人员经费|2023年预算数/公用经费",
			"dept_subject gov_subject total personnel public"},
		{TableGovernmentFundIncome, "项目/收入科目编码|项目/科目名称|政府性基金收入预算", "subject_code subject_name total"},
		{TableStateCapital, "国有资本经营预算收入/项目/收入科目编码|国有资本经营预算收入/项目/科目名称|国有资本经营预算收入/国有资本经营收入预算|国有资本经营预算支出/科目编码|国有资本经营预算支出/科目名称|国有资本经营预算支出/合计|国有资本经营预算支出/基本支出|国有资本经营预算支出/项目支出",
			"income_subject_code income_subject_name income_amount expenditure_subject_code expenditure_subject_name expenditure_total expenditure_basic expenditure_project"},
		{TableThreePublic, "项目|2023年预算数/合计|2023年预算数/一般公共预算|2023年预算数/政府性基金预算|2023年预算数/国有资本经营预算",
			"item total general_public_budget government_fund state_capital"},
		{TableAgencyOperating, "单位名称|2023预算数/合计|2023预算数/一般公共预算|2023预算数/政府性基金预算|2023预算数/国有资本经营预算",
			"unit_name total general_public_budget government_fund state_capital"},
		{TableProjectExpenditure, "项目名称|合计|2023年财政拨款/一般公共预算|2023年财政拨款/政府性基金预算|2023年财政拨款/国有资本经营预算|财政专户管理资金|单位资金",
			"item total general_public_budget government_fund state_capital fiscal_special_account unit_funds"},
		{TableExpenditureSummary, "功能分类科目编码|功能分类科目名称|合计|备注", "subject_code subject_name total col_4"},
	}
	for _, tt := range tests {
		got := strings.Join(ColumnKeys(tt.kind, strings.Split(tt.labels, "|")), " ")
		if got != tt.keys {
			t.Errorf("%s:\n got %s\nwant %s", tt.kind, got, tt.keys)
		}
	}
}

func TestColumnKeysWrappedLabel(t *testing.T) {
	got := strings.Join(ColumnKeys(TableProjectExpenditure, []string{"项目名称", "合计", "财政专户管理/资金", "单位资金"}), " ")
	if want := "item total fiscal_special_account unit_funds"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
