package schema

import (
	"regexp"
	"strings"
)

// Extra table kinds beyond the contract's list (documented in README.md).
const (
	TableFiscalAppropriationExpenditure = "fiscal_appropriation_expenditure"    // 财政拨款支出预算表 (Jiangsu)
	TableFiscalAppropriationBasic       = "fiscal_appropriation_basic_economic" // 财政拨款基本支出预算表 (Jiangsu)
	TableGovernmentProcurement          = "government_procurement"              // 政府采购预算表
	TableGovernmentPurchaseService      = "government_purchase_service"         // 政府购买服务(预算)明细表
	TableProjectExpenditureEconomic     = "project_expenditure_economic"        // 项目支出情况表（按经济分类科目）
	TableUnitList                       = "unit_list"                           // 部门预算单位构成: 序号 | 单位名称 (| 拟变动情况)
	TableReportList                     = "report_list"                         // 报表目录: 报表名称 | 是否空表 | 公开空表理由
	TableMeetingTrainingDetail          = "meeting_training_detail"             // 会议费明细表, 培训费明细表
	TableDepartmentPerformanceTarget    = "department_performance_target"       // 部门整体(支出)绩效目标表
	TableProjectPerformanceTarget       = "project_performance_target"          // 项目支出 / 专项资金绩效目标表 (a table, not forms)
	TablePerformanceSelfEvaluation      = "performance_self_evaluation"         // 部门整体支出绩效自评表
	// FinalSuffix marks final-account (决算) kinds: income_summary_final, ...
	FinalSuffix = "_final"
)

var titleNoise = regexp.MustCompile(`^(?:[0-9０-９]+[.．、]\s*|[一二三四五六七八九十]+、\s*|公开\s*\d+\s*表\s*|预算公开表\s*\d+\s*)|(?:\s|…|\.{2,}).*$`)

// TableKind names a table by its title: the contract's kinds, a few extra
// ones, "_final" appended for final accounts (决算), unknown otherwise.
func TableKind(title string) string {
	t := CleanText(title)
	t = titleNoise.ReplaceAllString(t, "")
	t = strings.ReplaceAll(t, " ", "")
	kind := tableKind(t)
	if kind != TableUnknown && strings.Contains(t, "决算") {
		kind += FinalSuffix
	}
	return kind
}

func tableKind(t string) string {
	has := func(subs ...string) bool {
		for _, s := range subs {
			if !strings.Contains(t, s) {
				return false
			}
		}
		return true
	}
	// summary: 总表, or the national template's 总体情况表.
	summary := func() bool { return has("总表") || has("总体情况") }
	switch {
	case !strings.HasSuffix(strings.TrimRight(t, "）)（(一般公共预算经济科目功能"), "表") && !has("表（") && !has("表("):
		return TableUnknown
	case has("绩效"):
		return TableUnknown // performance tables: see PerformanceKind
	case has("三公"):
		return TableThreePublic
	case has("机关运行经费"):
		return TableAgencyOperating
	case has("政府购买服务"):
		return TableGovernmentPurchaseService
	case has("会议费") && has("明细"), has("培训费") && has("明细"):
		return TableMeetingTrainingDetail
	case has("专项业务经费") && has("支出"):
		return TableProjectExpenditure
	case has("项目支出") && (has("经济分类") || has("经济科目")):
		return TableProjectExpenditureEconomic
	case has("项目支出"):
		if has("上年结转") {
			return TableProjectExpenditureCarryover
		}
		return TableProjectExpenditure
	case has("政府采购"):
		return TableGovernmentProcurement
	case has("国有资本经营"):
		return TableStateCapital
	case has("政府性基金"):
		if has("收入") && !has("支出") {
			return TableGovernmentFundIncome
		}
		return TableGovernmentFundExpenditure
	case has("收支") && summary(), has("收入支出") && summary():
		if has("财政拨款") {
			return TableFiscalAppropriationSummary
		}
		return TableIncomeExpenditureSummary
	case has("收入") && (summary() || has("决算表")):
		return TableIncomeSummary
	case has("基本支出"):
		if has("财政拨款") && !has("一般公共预算") {
			return TableFiscalAppropriationBasic
		}
		return TableBasicExpenditureEconomic
	case has("一般公共预算") && has("支出"):
		return TableGeneralPublicBudgetExpenditure
	case has("财政拨款") && has("支出"):
		return TableFiscalAppropriationExpenditure
	case has("支出") && (summary() || has("决算表")):
		return TableExpenditureSummary
	}
	return TableUnknown
}

// IsTableTitle reports whether a line reads as a table title.
func IsTableTitle(line string) bool { return TableKind(line) != TableUnknown }

// PerformanceKind names a performance table by its title (部门整体绩效目标表,
// 项目支出绩效目标表 printed as a table, 绩效自评表), unknown otherwise.
// TableKind leaves them unknown: they belong to the performance-form section
// when they are printed as forms, and a table kind would end that section.
func PerformanceKind(title string) string {
	t := strings.ReplaceAll(titleNoise.ReplaceAllString(CleanText(title), ""), " ", "")
	has := func(s string) bool { return strings.Contains(t, s) }
	switch {
	case !has("绩效") || !strings.HasSuffix(strings.TrimRight(t, "）)（(含转移支付项目"), "表"):
		return TableUnknown
	case has("自评"):
		return TablePerformanceSelfEvaluation
	case has("部门整体"), has("整体支出"):
		return TableDepartmentPerformanceTarget
	case has("目标"):
		return TableProjectPerformanceTarget
	}
	return TableUnknown
}

// headerKinds name an untitled table by its header vocabulary: the first
// entry whose words all appear in the joined header labels wins.
var headerKinds = []struct {
	kind  string
	words []string
}{
	{TableReportList, []string{"报表名称", "是否空表"}},
	{TableUnitList, []string{"序号", "单位名称", "拟变动情况"}},
	{TableMeetingTrainingDetail, []string{"会议名称", "人数"}},
	{TableMeetingTrainingDetail, []string{"培训名称", "人数"}},
	{TableGovernmentProcurement, []string{"采购项目", "采购目录"}},
	{TablePerformanceSelfEvaluation, []string{"年度绩效指标完成情况"}},
	{TableProjectPerformanceTarget, []string{"一级指标", "二级指标"}},
	{TableProjectPerformanceTarget, []string{"项目名称", "绩效目标"}},
	{TableProjectExpenditure, []string{"支出项目类别", "绩效目标"}}, // Guangzhou's 项目支出及其他支出预算表
}

// HeaderKind names a table that prints no title of its own by its header
// labels (a continuation the layout could not join, a table whose title is
// part of the narrative), unknown when no vocabulary matches.
func HeaderKind(labels []string) string {
	h := strings.ReplaceAll(CleanText(strings.Join(labels, "|")), " ", "")
	for _, hk := range headerKinds {
		all := true
		for _, w := range hk.words {
			all = all && strings.Contains(h, w)
		}
		if all {
			return hk.kind
		}
	}
	return TableUnknown
}
