package schema

import "strings"

// The registry of table kinds: every kind, what the code knows about it, and
// the wordings that name it. This file is the one to open for a new table
// kind (a constant, a Kinds entry, its titleRules or headerRules) or a new
// title wording (one titleRules line); kinds_test.go holds a title per rule.

// Table kinds of the contract (../shared/spec/output.md).
const (
	TableIncomeExpenditureSummary       = "income_expenditure_summary"
	TableIncomeSummary                  = "income_summary"
	TableExpenditureSummary             = "expenditure_summary"
	TableFiscalAppropriationSummary     = "fiscal_appropriation_summary"
	TableGeneralPublicBudgetExpenditure = "general_public_budget_expenditure"
	TableBasicExpenditureEconomic       = "basic_expenditure_economic"
	TableGovernmentFundIncome           = "government_fund_income"
	TableGovernmentFundExpenditure      = "government_fund_expenditure"
	TableStateCapital                   = "state_capital"
	TableThreePublic                    = "three_public"
	TableAgencyOperating                = "agency_operating"
	TableProjectExpenditure             = "project_expenditure"
	TableProjectExpenditureCarryover    = "project_expenditure_carryover"
	TableUnknown                        = "unknown"
)

// Extra table kinds beyond the contract's list (documented in README.md).
const (
	TableFiscalAppropriationExpenditure = "fiscal_appropriation_expenditure"
	TableFiscalAppropriationBasic       = "fiscal_appropriation_basic_economic"
	TableGovernmentProcurement          = "government_procurement"
	TableGovernmentPurchaseService      = "government_purchase_service"
	TableProjectExpenditureEconomic     = "project_expenditure_economic"
	TableUnitList                       = "unit_list"
	TableReportList                     = "report_list"
	TableMeetingTrainingDetail          = "meeting_training_detail"
	TableDepartmentPerformanceTarget    = "department_performance_target"
	TableProjectPerformanceTarget       = "project_performance_target"
	TablePerformanceSelfEvaluation      = "performance_self_evaluation"
)

// FinalSuffix marks final-account (决算) kinds: income_summary_final, ….
const FinalSuffix = SuffixFinal

// RowsRole says what the document takes from a kind's rows besides the table.
type RowsRole int

const (
	RowsTable     RowsRole = iota // the table only
	RowsEconomic                  // economic_rows (EconomicRows)
	RowsProjects                  // projects (Projects), this year's
	RowsCarryover                 // projects carried over (Projects, carryover true)
)

// KindInfo is what the code knows about one table kind.
type KindInfo struct {
	Kind string
	// Contract: the output contract names the kind; the others are extras.
	Contract bool
	// Name is how disclosures title it.
	Name string
	// TwoSided: prints income and expenditure side by side (income_/expenditure_ keys).
	TwoSided bool
	// Final: a title with 决算 gives the final-account twin, Kind + FinalSuffix.
	Final bool
	// Rows: what the document takes from its rows.
	Rows RowsRole
	// Subjects: its rows are subjects of the classification, so a table that
	// prints names only is coded from the catalogue.
	Subjects bool
	// NeedsTotal: a table of this kind without a 合计 row fails row_total
	// (elsewhere a missing 合计 row is only skipped).
	NeedsTotal bool
}

// Kinds lists every table kind.
var Kinds = []KindInfo{
	{Kind: TableIncomeExpenditureSummary, Contract: true, Name: "收支总表", TwoSided: true, Final: true},
	{Kind: TableIncomeSummary, Contract: true, Name: "收入总表", Final: true},
	{Kind: TableExpenditureSummary, Contract: true, Name: "支出总表", Final: true, Subjects: true},
	{Kind: TableFiscalAppropriationSummary, Contract: true, Name: "财政拨款收支总表", TwoSided: true, Final: true},
	{Kind: TableGeneralPublicBudgetExpenditure, Contract: true, Name: "一般公共预算支出表", Final: true, Subjects: true},
	{Kind: TableBasicExpenditureEconomic, Contract: true, Name: "一般公共预算基本支出表", Final: true, Rows: RowsEconomic, Subjects: true},
	{Kind: TableGovernmentFundIncome, Contract: true, Name: "政府性基金预算收入表", Final: true},
	{Kind: TableGovernmentFundExpenditure, Contract: true, Name: "政府性基金预算支出表", Final: true, Subjects: true},
	{Kind: TableStateCapital, Contract: true, Name: "国有资本经营预算收支表", TwoSided: true, Final: true},
	{Kind: TableThreePublic, Contract: true, Name: "“三公”经费支出表", Final: true},
	{Kind: TableAgencyOperating, Contract: true, Name: "机关运行经费表", Final: true, NeedsTotal: true},
	{Kind: TableProjectExpenditure, Contract: true, Name: "项目支出表", Final: true, Rows: RowsProjects},
	{Kind: TableProjectExpenditureCarryover, Contract: true, Name: "上年结转项目支出表", Final: true, Rows: RowsCarryover},
	{Kind: TableFiscalAppropriationExpenditure, Name: "财政拨款支出预算表 (Jiangsu)", Final: true, Subjects: true},
	{Kind: TableFiscalAppropriationBasic, Name: "财政拨款基本支出预算表 (Jiangsu)", Final: true, Subjects: true},
	{Kind: TableGovernmentProcurement, Name: "政府采购预算表", Final: true},
	{Kind: TableGovernmentPurchaseService, Name: "政府购买服务(预算)明细表", Final: true},
	{Kind: TableProjectExpenditureEconomic, Name: "项目支出情况表（按经济分类科目）", Final: true},
	{Kind: TableUnitList, Name: "部门预算单位构成: 序号 | 单位名称 (| 拟变动情况)"},
	{Kind: TableReportList, Name: "报表目录: 报表名称 | 是否空表 | 公开空表理由"},
	{Kind: TableMeetingTrainingDetail, Name: "会议费明细表, 培训费明细表", Final: true},
	{Kind: TableDepartmentPerformanceTarget, Name: "部门整体(支出)绩效目标表"},
	{Kind: TableProjectPerformanceTarget, Name: "项目支出 / 专项资金绩效目标表 (a table, not forms)"},
	{Kind: TablePerformanceSelfEvaluation, Name: "部门整体支出绩效自评表"},
	{Kind: TableUnknown, Contract: true, Name: "(not recognized)"},
}

var kindInfo = func() map[string]KindInfo {
	m := make(map[string]KindInfo, len(Kinds))
	for _, k := range Kinds {
		m[k.Kind] = k
	}
	return m
}()

// BaseKind is a kind without its final-account suffix.
func BaseKind(kind string) string { return strings.TrimSuffix(kind, FinalSuffix) }

// Kind returns what the registry knows about a kind (budget or final); ok
// is false for a kind it does not list.
func Kind(kind string) (KindInfo, bool) {
	k, ok := kindInfo[BaseKind(kind)]
	return k, ok
}

// titleRule names a kind by its title: the first rule whose words all
// match wins, so specific rules come first. A word matches when the title
// contains it; "a|b" matches either; "!a" matches when the title does not
// contain a. TableUnknown rules keep a title from the rules below them.
type titleRule struct {
	kind  string
	words []string
}

// summaryWord is a summary table's title: 总表, or the national template's 总体情况表.
const summaryWord = "总表|总体情况"

// titleRules name a table by its title (TableKind), in order.
var titleRules = []titleRule{
	{TableUnknown, []string{"绩效"}}, // performance tables: see performanceRules
	{TableThreePublic, []string{"三公"}},
	{TableAgencyOperating, []string{"机关运行经费"}},
	{TableGovernmentPurchaseService, []string{"政府购买服务"}},
	{TableMeetingTrainingDetail, []string{"会议费", "明细"}},
	{TableMeetingTrainingDetail, []string{"培训费", "明细"}},
	{TableProjectExpenditure, []string{"专项业务经费", "支出"}}, // Xi'an
	{TableProjectExpenditureEconomic, []string{"项目支出", "经济分类|经济科目"}},
	{TableProjectExpenditureCarryover, []string{"项目支出", "上年结转"}},
	{TableProjectExpenditureCarryover, []string{"结转资金", "支出"}}, // Xi'an's 财政拨款结转资金支出表: one row per project
	{TableProjectExpenditure, []string{"项目支出"}},
	{TableGovernmentProcurement, []string{"政府采购"}},
	{TableStateCapital, []string{"国有资本经营"}},
	{TableGovernmentFundIncome, []string{"政府性基金", "收入", "!支出"}},
	{TableGovernmentFundExpenditure, []string{"政府性基金"}},
	{TableFiscalAppropriationSummary, []string{"收支|收入支出", summaryWord, "财政拨款"}},
	{TableIncomeExpenditureSummary, []string{"收支|收入支出", summaryWord}},
	{TableIncomeSummary, []string{"收入", summaryWord + "|决算表"}},
	{TableFiscalAppropriationBasic, []string{"基本支出", "财政拨款", "!一般公共预算"}},
	{TableBasicExpenditureEconomic, []string{"基本支出"}},
	{TableGeneralPublicBudgetExpenditure, []string{"一般公共预算", "支出"}},
	{TableFiscalAppropriationExpenditure, []string{"财政拨款", "支出"}},
	{TableExpenditureSummary, []string{"支出", summaryWord + "|决算表"}},
}

// titleTail is what may follow a title's closing 表 (the brackets and the
// words printed in them: 支出表（按经济科目）, 支出表(一般公共预算)); a
// title without 表 at its end or before a bracket names no kind.
const titleTail = "）)（(一般公共预算经济科目功能"

// performanceTail is titleTail for performance tables (…目标表（含转移支付项目）).
const performanceTail = "）)（(含转移支付项目"

// performanceRules name a performance table by its title (PerformanceKind):
// every title has 绩效 and ends in 表.
var performanceRules = []titleRule{
	{TablePerformanceSelfEvaluation, []string{"自评"}},
	{TableDepartmentPerformanceTarget, []string{"部门整体|整体支出"}},
	{TableProjectPerformanceTarget, []string{"目标"}},
}

// headerRules name an untitled table by its header vocabulary (HeaderKind):
// the first entry whose words all appear in the joined header labels wins.
var headerRules = []titleRule{
	{TableReportList, []string{"报表名称", "是否空表"}},
	{TableUnitList, []string{"序号", "单位名称", "拟变动情况"}},
	{TableMeetingTrainingDetail, []string{"会议名称", "人数"}},
	{TableMeetingTrainingDetail, []string{"培训名称", "人数"}},
	{TableGovernmentProcurement, []string{"采购项目", "采购目录"}},
	{TablePerformanceSelfEvaluation, []string{"年度绩效指标完成情况"}},
	{TableProjectPerformanceTarget, []string{"一级指标", "二级指标"}},
	{TableProjectPerformanceTarget, []string{"项目名称", "绩效目标"}},
	{TableProjectExpenditure, []string{"支出项目类别", "绩效目标"}},          // Guangzhou's 项目支出及其他支出预算表
	{TableProjectPerformanceTarget, []string{"项目", "预算数", "绩效目标"}}, // Guangzhou's 重点项目预算绩效目标情况 in the narrative
}

// matches reports whether text satisfies every word of the rule.
func (r titleRule) matches(text string) bool {
	for _, w := range r.words {
		if neg, ok := strings.CutPrefix(w, "!"); ok {
			if strings.Contains(text, neg) {
				return false
			}
			continue
		}
		any := false
		for _, alt := range strings.Split(w, "|") {
			any = any || strings.Contains(text, alt)
		}
		if !any {
			return false
		}
	}
	return true
}

// firstRule is the kind of the first rule text matches, unknown when none does.
func firstRule(rules []titleRule, text string) string {
	for _, r := range rules {
		if r.matches(text) {
			return r.kind
		}
	}
	return TableUnknown
}
