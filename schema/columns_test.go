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
		// Xi'an 收入总表 (规划和自然资源局 p42): the 小计 under a heading that
		// names a source is that source, beside the table's own 合计.
		{TableIncomeSummary, "序号|单位名称|部门预算/合计|部门预算/一般公共预算拨款/小计|部门预算/政府性基金拨款|部门预算/事业收入",
			"serial_number unit_name total general_public_budget government_fund business_income"},
		// Xi'an 支出总表 (国资委 p26): 公共预算拨款 without 一般, its 其中 column
		// a part of it (of_which, not summed); 其中：基本支出 keeps its key.
		{TableExpenditureSummary, "序号|单位名称|部门预算/合计|部门预算/公共预算拨款/小计|部门预算/公共预算拨款/其中：专项资金列入部门预算的项目|部门预算/政府性基金拨款",
			"serial_number unit_name total general_public_budget of_which government_fund"},
		{TableExpenditureSummary, "科目名称|合计|其中：基本支出|项目支出", "subject_name total basic project"},
		// The national corpus: 人员支出 / 日常公用支出 under 基本支出 (Yantai),
		// a heading's 小计 beside the table's 合计 (Beijing, Chongqing, Wuxi),
		// 本年收入/合计 alone is the total, a lone 预算 (Guangzhou), 行次 and
		// 序号 (Xi'an), 专项业务经费, 预算单位 (Shenzhen), Beijing's names.
		{TableGeneralPublicBudgetExpenditure, "科目编码|科目名称|合计|基本支出/小计|基本支出/人员支出|基本支出/日常公用支出|项目支出",
			"subject_code subject_name total basic personnel public project"},
		{TableIncomeSummary, "合计|本年收入/小计|本年收入/一般公共预算资金|上年结转结余/小计|上年结转结余/一般公共预算资金",
			"total current_income general_public_budget carryover right_general_public_budget"},
		{TableIncomeSummary, "科目编码|科目名称|本年收入/合计|本年收入/一般公共预算", "subject_code subject_name total general_public_budget"},
		{TableBasicExpenditureEconomic, "项目/经济分类科目编码|项目/部门经济分类科目名称|一般公共预算基本支出/合计|一般公共预算基本支出/人员经费|一般公共预算基本支出/公用经费",
			"subject_code subject_name total personnel public"},
		{TableBasicExpenditureEconomic, "部门预算支出经济科目|预算", "dept_subject total"},
		{TableIncomeExpenditureSummary + FinalSuffix, "收入/项目|收入/行次|收入/金额|支出/项目|支出/行次|支出/金额",
			"income_item income_line_number income_amount expenditure_item expenditure_line_number expenditure_total"},
		{TableGeneralPublicBudgetExpenditure, "序号|功能科目编码|功能科目名称|合计|人员经费支出|公用经费支出|专项业务经费支出|备注",
			"serial_number subject_code subject_name total personnel public project col_8"},
		{TableGeneralPublicBudgetExpenditure, "预算单位|科目编码|科目名称|支出总计|基本支出|项目支出",
			"unit_name subject_code subject_name total basic project"},
		{TableBasicExpenditureEconomic, "政府支出经济分类科目|部门支出经济分类科目|预算数/合计|预算数/人员经费|预算数/公用经费",
			"gov_subject dept_subject total personnel public"},
		// Last year's figures printed beside this year's (Chongqing, Yantai).
		{TableGeneralPublicBudgetExpenditure, "功能分类科目/科目编码|功能分类科目/科目名称|2025年预算数|2026年预算数/总计|2026年预算数/基本支出/小计|2026年预算数/基本支出/人员经费|2026年预算数/基本支出/公用经费|2026年预算数/项目支出",
			"subject_code subject_name prior_year_total total basic personnel public project"},
		{TableThreePublic, "2025年预算数/合计|2025年预算数/因公出国（境）经费|2026年预算数/合计|2026年预算数/因公出国（境）经费",
			"prior_year_total prior_year_overseas_travel total overseas_travel"},
		{TableThreePublic, "2026年预算数/合计|2026年预算数/公务用车购置及运行维护费/小计|2026年预算数/公务用车购置及运行维护费/公务用车购置经费|2026年预算数/公务用车购置及运行维护费/公务用车运行维护费",
			"total vehicle_total vehicle_purchase vehicle_operation"},
		{TableThreePublic, "单位名称|上年/合计|上年/公务接待费|当年/合计|当年/公务接待费",
			"unit_name prior_year_total prior_year_official_reception total official_reception"},
		{TableIncomeSummary, "合计|上年结转结余/小计|上年结转结余/单位资金", "total carryover unit_funds"},
		// Real published disclosures (../shared/corpus/real).
		{TableIncomeExpenditureSummary, "收入/项目名称|收入/金额|支出/功能分类/功能科目名称|支出/功能分类/金额|支出/支出用途/项目名称|支出/支出用途/金额",
			"income_item income_amount expenditure_subject_name expenditure_total expenditure_item expenditure_amount"},
		{TableIncomeSummary, "项目名称||金额", "item sub_item total"},
		{TableIncomeSummary, "项目名称|项目名称|金额", "item sub_item total"},
		{TableExpenditureSummary, "合计|基本支出|项目支出|单位预留机动经费|结转下年资金", "total basic project reserve_fund carryover"},
		{TableThreePublic, "合计|“三公”经费/小计|“三公”经费/因公出国（境）费|“三公”经费/公务用车购置及运行维护费/小计|“三公”经费/公务用车购置及运行维护费/公务用车购置费|“三公”经费/公务用车购置及运行维护费/公务用车运行维护费|“三公”经费/公务接待费|会议费|培训费",
			"total three_public_total overseas_travel vehicle_total vehicle_purchase vehicle_operation official_reception meeting training"},
		{TableThreePublic, "2024年“三公”经费预算数/合计|2024年“三公”经费预算数/因公出国(境)费|2024年“三公”经费预算数/公务接待费|2024年“三公”经费预算数/公务用车购置及运行费/小计|2024年“三公”经费预算数/公务用车购置及运行费/购置费|2024年“三公”经费预算数/公务用车购置及运行费/运行费|2024年机关运行经费预算数",
			"total overseas_travel official_reception vehicle_total vehicle_purchase vehicle_operation agency_operating"},
		{TableAgencyOperating, "科目编码|科目名称|机关运行经费支出", "subject_code subject_name total"},
		{TableGovernmentProcurement, "采购品目大类|专项名称|经济科目|采购物品名称|采购组织形式|总计",
			"procurement_category program_name subject_name procurement_item procurement_method total"},
		{TableIncomeSummary, "项目/功能分类科目编码|项目/功能分类科目名称|收入预算/合计|收入预算/财政拨款收入|收入预算/事业收入|收入预算/事业单位经营收入|收入预算/其他收入",
			"subject_code subject_name total fiscal_appropriation business_income operating_income unit_funds"},
		{TableStateCapital, "项目/功能分类科目编码|项目/功能分类科目名称|国有资本经营预算支出/合计|国有资本经营预算支出/基本支出|国有资本经营预算支出/项目支出",
			"subject_code subject_name total basic project"},
		{TableIncomeSummary + FinalSuffix, "项目/功能分类科目编码|项目/科目名称|本年收入合计|财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入",
			"subject_code subject_name total fiscal_appropriation superior_subsidy business_income operating_income subordinate_remittance unit_funds"},
		{TableExpenditureSummary + FinalSuffix, "项目/功能分类科目编码|项目/科目名称|本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出",
			"subject_code subject_name total basic project remittance_to_superior operating_expenditure subsidy_to_subordinate"},
		{TableBasicExpenditureEconomic + FinalSuffix, "经济分类科目编码|科目名称|决算数|经济分类科目编码|科目名称|决算数",
			"subject_code subject_name total right_subject_code right_subject_name right_total"},
		{TableThreePublic + FinalSuffix, "财政拨款“三公”经费/合计/预算数|财政拨款“三公”经费/合计/决算数|财政拨款“三公”经费/因公出国（境）费/预算数|财政拨款“三公”经费/因公出国（境）费/决算数|财政拨款“三公”经费/公务用车购置及运行维护费/小计/预算数|财政拨款“三公”经费/公务用车购置及运行维护费/小计/决算数|财政拨款“三公”经费/公务接待费/预算数|财政拨款“三公”经费/公务接待费/决算数",
			"total_budget total_final overseas_travel_budget overseas_travel_final vehicle_total_budget vehicle_total_final official_reception_budget official_reception_final"},
		{TableGovernmentFundExpenditure + FinalSuffix, "项目/功能分类科目编码/合计|项目/科目名称/合计|年初结转和结余|本年收入|本年支出/合计|本年支出/基本支出|本年支出/项目支出|年末结转和结余",
			"subject_code subject_name opening_balance current_income total basic project closing_balance"},
		{TableStateCapital + FinalSuffix, "项目/功能分类科目编码|项目/科目名称|年初结转和结余|本年收入|本年支出/合计|本年支出/基本支出|本年支出/项目支出|年末结转和结余",
			"subject_code subject_name opening_balance current_income total basic project closing_balance"},
		{TableGeneralPublicBudgetExpenditure + FinalSuffix, "项目/科目编码|项目/科目名称|年初预算数|调整预算数|决算数",
			"subject_code subject_name initial_budget adjusted_budget total"},
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
