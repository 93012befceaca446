package schema

import "testing"

// kindTitles are printed titles and their kinds; TestTitleRulesCovered
// requires one per title rule of registry.go.
var kindTitles = []struct{ title, kind string }{
	{"2023年预算收支总表", TableIncomeExpenditureSummary},
	{"2023年预算收入总表", TableIncomeSummary},
	{"2023年预算支出总表", TableExpenditureSummary},
	{"2023年财政拨款收支总表", TableFiscalAppropriationSummary},
	{"2023年一般公共预算支出预算表（不含上年结转）", TableGeneralPublicBudgetExpenditure},
	{"一般公共预算支出表", TableGeneralPublicBudgetExpenditure},
	{"2023年一般公共预算安排基本支出分经济科目表（不含上年结转）", TableBasicExpenditureEconomic},
	{"2023年政府性基金预算收入表（不含上年结转）", TableGovernmentFundIncome},
	{"2023年政府性基金预算支出表（不含上年结转）", TableGovernmentFundExpenditure},
	{"2023年国有资本经营预算收支预算表（不含上年结转）", TableStateCapital},
	{"2023年一般公共预算“三公”经费支出预算表", TableThreePublic},
	{"2023年机关运行经费预算财政拨款情况统计表", TableAgencyOperating},
	{"2023年项目支出预算表（本年预算）", TableProjectExpenditure},
	{"2023年项目支出预算表（上年结转）", TableProjectExpenditureCarryover},
	{"2019年部门综合预算财政拨款结转资金支出表", TableProjectExpenditureCarryover}, // Xi'an 应急管理局 page 29
	// Jiangsu
	{"收支预算总表", TableIncomeExpenditureSummary},
	{"财政拨款收支预算总表", TableFiscalAppropriationSummary},
	{"财政拨款支出预算表（功能科目）", TableFiscalAppropriationExpenditure},
	{"财政拨款基本支出预算表（经济科目）", TableFiscalAppropriationBasic},
	{"一般公共预算基本支出预算表（经济科目）", TableBasicExpenditureEconomic},
	{"一般公共预算支出预算表（功能科目）", TableGeneralPublicBudgetExpenditure},
	{"“三公”经费、会议费、培训费支出预算表（一般公共预算）", TableThreePublic},
	{"财政拨款政府性基金支出预算表", TableGovernmentFundExpenditure},
	{"一般公共预算机关运行经费支出预算表", TableAgencyOperating},
	{"2017年政府采购预算表", TableGovernmentProcurement},
	{"公开 05 表", TableUnknown},
	// Shanghai
	{"2026年部门财务收支预算总表", TableIncomeExpenditureSummary},
	{"2025年预算单位收入预算总表", TableIncomeSummary},
	{"2026年部门一般公共预算支出功能分类预算表", TableGeneralPublicBudgetExpenditure},
	{"2026年部门一般公共预算基本支出部门预算经济分类预算表", TableBasicExpenditureEconomic},
	{"2026年部门政府性基金预算支出功能分类预算表", TableGovernmentFundExpenditure},
	{"2026年部门“三公”经费和机关运行经费预算表", TableThreePublic},
	{"5．2026年部门一般公共预算支出功能分类预算表 ……………", TableGeneralPublicBudgetExpenditure},
	// final accounts
	// The national template's 总体情况表 (Chongqing, Guangzhou, Yantai).
	{"2026年部门收支总体情况表", TableIncomeExpenditureSummary},
	{"2026年单位收入总体情况表", TableIncomeSummary},
	{"本年支出总体情况表", TableExpenditureSummary},
	{"2026年财政拨款收支总体情况表", TableFiscalAppropriationSummary},
	{"预算11表财政拨款政府购买服务明细表", TableGovernmentPurchaseService},
	{"会议费明细表", TableMeetingTrainingDetail},
	{"培训费明细表", TableMeetingTrainingDetail},
	{"2022年部门综合预算专项业务经费支出表", TableProjectExpenditure},
	{"2026年部门整体绩效目标表", TableUnknown}, // a performance table: PerformanceKind
	{"一般公共预算项目支出情况表（按经济分类科目）", TableProjectExpenditureEconomic},
	{"收入支出决算总表", TableIncomeExpenditureSummary + FinalSuffix},
	{"收入决算表", TableIncomeSummary + FinalSuffix},
	{"支出决算表", TableExpenditureSummary + FinalSuffix},
	{"财政拨款收入支出决算总表", TableFiscalAppropriationSummary + FinalSuffix},
	{"一般公共预算财政拨款支出决算表", TableGeneralPublicBudgetExpenditure + FinalSuffix},
	{"一般公共预算财政拨款基本支出决算表", TableBasicExpenditureEconomic + FinalSuffix},
	{"财政拨款“三公”经费支出决算表", TableThreePublic + FinalSuffix},
	{"政府性基金预算财政拨款收入支出决算表", TableGovernmentFundExpenditure + FinalSuffix},
	{"国有资本经营预算财政拨款收入支出决算表", TableStateCapital + FinalSuffix},
	{"一般公共预算财政拨款项目支出决算表", TableProjectExpenditure + FinalSuffix},
	{"七、财政拨款“三公”经费支出决算表", TableThreePublic + FinalSuffix},
	// not tables
	{"一、收支预算总表情况说明", TableUnknown},
	{"吕梁市市级预算部门（单位）项目支出绩效目标申报表", TableUnknown},
	{"2023年度预算收入总计1,738.50万元", TableUnknown},
	{"委办公厅部门收支预算总表》收入数一致。", TableUnknown},
}

func TestTableKind(t *testing.T) {
	for _, tt := range kindTitles {
		if got := TableKind(tt.title); got != tt.kind {
			t.Errorf("TableKind(%q) = %s, want %s", tt.title, got, tt.kind)
		}
	}
}

var performanceTitles = []struct{ title, kind string }{
	{"2026年部门整体绩效目标表", TableDepartmentPerformanceTarget},
	{"部门整体预算绩效目标申报表", TableDepartmentPerformanceTarget},
	{"2019年部门整体支出绩效目标表", TableDepartmentPerformanceTarget},
	{"项目支出绩效目标表（含转移支付项目）", TableProjectPerformanceTarget},
	{"2019年专项资金整体支出绩效目标表", TableDepartmentPerformanceTarget},
	{"专项资金绩效目标表", TableProjectPerformanceTarget},
	{"西安市卫生健康委员会部门整体支出绩效自评表", TablePerformanceSelfEvaluation},
	{"2026年部门收支总体情况表", TableUnknown},
	{"绩效目标管理情况", TableUnknown},
}

func TestPerformanceKind(t *testing.T) {
	for _, tt := range performanceTitles {
		if got := PerformanceKind(tt.title); got != tt.kind {
			t.Errorf("PerformanceKind(%q) = %q, want %q", tt.title, got, tt.kind)
		}
	}
}

var headerTitles = []struct {
	labels []string
	kind   string
}{
	{[]string{"报表/表 1/表 2", "报表名称/2022 年部门综合预算收支总表", "是否空表/是", "公开空表理由/不涉及"}, TableReportList},
	{[]string{"序号", "单位名称", "拟变动情况"}, TableUnitList},
	{[]string{"序号", "", "会议名称", "时间", "人数", "金额", "备注"}, TableMeetingTrainingDetail},
	{[]string{"序号", "培训名称", "培训时间", "人数", "金额"}, TableMeetingTrainingDetail},
	{[]string{"一级指标", "二级指标", "三级指标", "年度绩效指标完成情况/预期目标值", "年度绩效指标完成情况/实际完成值"}, TablePerformanceSelfEvaluation},
	{[]string{"科目编码", "单位编码", "采购项目", "采购目录", "购买服务的内容"}, TableGovernmentProcurement},
	{[]string{"", "一级指标", "二级指标/数量指标", "指标内容", "指标值"}, TableProjectPerformanceTarget},
	{[]string{"二级预算单位名称", "一级项目名称", "预算数（万元）", "绩效目标"}, TableProjectPerformanceTarget},
	{[]string{"支出项目类别（资金使用单/总计/位）", "总计", "财政拨款/一般公共预/算", "绩效目标/通过开展……"}, TableProjectExpenditure},
	{[]string{"项目", "预算数（单位：万元）", "绩效目标"}, TableProjectPerformanceTarget}, // Guangzhou 工信局 page 29
	{[]string{"", "", "", ""}, TableUnknown},
	{[]string{"项目/科目代码", "项目/科目名称", "本年收入合计"}, TableUnknown}, // untitled, but no vocabulary of its own
}

func TestHeaderKind(t *testing.T) {
	for _, tt := range headerTitles {
		if got := HeaderKind(tt.labels); got != tt.kind {
			t.Errorf("HeaderKind(%q) = %q, want %q", tt.labels, got, tt.kind)
		}
	}
}
