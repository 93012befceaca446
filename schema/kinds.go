package schema

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// The kinds and their wordings are data in registry.go; this file applies them.

var titleNoise = textutil.NewRegexp(`^(?:[0-9０-９]+[.．、]\s*|[一二三四五六七八九十]+、\s*|公开\s*\d+\s*表\s*|预算公开表\s*\d+\s*)|(?:\s|…|\.{2,}).*$`)

// cleanTitle is a title without its numbering, the dots of a table of
// contents and spaces.
func cleanTitle(title string) string {
	return strings.ReplaceAll(titleNoise.ReplaceAllString(CleanText(title), ""), " ", "")
}

// TableKind names a table by its title: the contract's kinds, a few extra
// ones, "_final" appended for final accounts (决算), unknown otherwise.
func TableKind(title string) string {
	t := cleanTitle(title)
	kind := tableKind(t)
	if info, ok := Kind(kind); ok && info.Final && strings.Contains(t, "决算") {
		kind += FinalSuffix
	}
	return kind
}

func tableKind(t string) string {
	if !strings.HasSuffix(strings.TrimRight(t, titleTail), "表") && !strings.Contains(t, "表（") && !strings.Contains(t, "表(") {
		return TableUnknown
	}
	return firstRule(titleRules, t)
}

// PerformanceKind names a performance table by its title (部门整体绩效目标表,
// 项目支出绩效目标表 printed as a table, 绩效自评表), unknown otherwise.
// TableKind leaves them unknown: they belong to the performance-form section
// when they are printed as forms, and a table kind would end that section.
func PerformanceKind(title string) string {
	t := cleanTitle(title)
	if !strings.Contains(t, "绩效") || !strings.HasSuffix(strings.TrimRight(t, performanceTail), "表") {
		return TableUnknown
	}
	return firstRule(performanceRules, t)
}

// HeaderKind names a table that prints no title of its own by its header
// labels (a continuation the layout could not join, a table whose title is
// part of the narrative), unknown when no vocabulary matches.
func HeaderKind(labels []string) string {
	return firstRule(headerRules, strings.ReplaceAll(CleanText(strings.Join(labels, "|")), " ", ""))
}

// TwoSided reports whether a table kind prints income and expenditure side by side.
func TwoSided(kind string) bool {
	info, ok := Kind(kind)
	return ok && info.TwoSided
}
