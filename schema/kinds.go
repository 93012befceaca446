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
	switch {
	case !strings.HasSuffix(strings.TrimRight(t, "）)（(一般公共预算经济科目功能"), "表") && !has("表（") && !has("表("):
		return TableUnknown
	case has("绩效"):
		return TableUnknown
	case has("三公"):
		return TableThreePublic
	case has("机关运行经费"):
		return TableAgencyOperating
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
	case has("收支") && has("总表"), has("收入支出") && has("总表"):
		if has("财政拨款") {
			return TableFiscalAppropriationSummary
		}
		return TableIncomeExpenditureSummary
	case has("收入") && (has("总表") || has("决算表")):
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
	case has("支出") && (has("总表") || has("决算表")):
		return TableExpenditureSummary
	}
	return TableUnknown
}

// IsTableTitle reports whether a line reads as a table title.
func IsTableTitle(line string) bool { return TableKind(line) != TableUnknown }
