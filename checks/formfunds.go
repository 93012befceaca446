package checks

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// Rules of the performance forms.
const (
	// RuleFormFunds: a form's 年度/实施期资金总额 equals its parts.
	RuleFormFunds = "form_funds"
	// RuleFormCount: the forms and their funds against the narrative's
	// "编报绩效目标的项目N个，涉及项目预算资金X万元".
	RuleFormCount = "form_count"
)

const formTable = "performance_form"

// formFunds checks each form's funds total against its parts: 中央 + 省级 +
// 市县 + 自筹 + 其他, or, where the block prints 财政拨款 as one line,
// 财政拨款 + 上年结转 + 其他. A block that prints no part is not checked.
func formFunds(doc *schema.Document) []schema.Check {
	var out []schema.Check
	for _, f := range doc.PerformanceForms {
		for _, side := range []struct {
			name string
			ff   schema.FundFigures
		}{{"实施期", f.Funds.Period}, {"年度", f.Funds.Annual}} {
			ff := side.ff
			if blank(ff.Total) {
				continue
			}
			var parts []*string
			if !blank(ff.Fiscal) {
				parts = []*string{ff.Fiscal, ff.CarriedOver, ff.Other}
			} else {
				parts = []*string{ff.Central, ff.Provincial, ff.Local, ff.SelfRaised, ff.Other}
			}
			sum, n := decimal.Zero, 0
			var printed []string
			for _, p := range parts {
				if !blank(p) {
					sum = sum.Add(amount(p))
					printed = append(printed, *p)
					n++
				}
			}
			if n == 0 {
				continue
			}
			status := schema.StatusPass
			op := "="
			if !amount(ff.Total).Equal(sum) {
				status, op = schema.StatusFail, "!="
			}
			out = append(out, newCheck(RuleFormFunds, formTable, status, f.Pages,
				"performance form %s: %s资金总额 %s %s %s (%s)", f.Project, side.name, *ff.Total, op, strings.Join(printed, " + "), pageNote(f.Pages)))
		}
	}
	return out
}

// formCountRe is the narrative's count of projects with targets.
var formCountRe = textutil.NewRegexp(`编报绩效目标的(?:[0-9]{4}年度?)?项目(?:共)?\s*([0-9]+)\s*个[，,]\s*涉及(?:项目)?预算(?:资金|金额)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元|亿元)`)

// formCount compares the number of forms, and their annual funds, with the
// narrative's sentence. A document whose forms are not printed in it (no
// form at all) is skipped: the narrative counts forms published elsewhere.
func formCount(doc *schema.Document, texts []Text) []schema.Check {
	s, starts, pages := stream(texts)
	m := formCountRe.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	page := 0
	for i, st := range starts {
		if st <= m[0] {
			page = pages[i]
		}
	}
	n, printed, unit := s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
	if len(doc.PerformanceForms) == 0 {
		return []schema.Check{newCheck(RuleFormCount, formTable, schema.StatusSkipped, []int{page},
			"narrative: %s projects with targets, %s%s; no performance form in the document (page %d)", n, printed, unit, page)}
	}
	var out []schema.Check
	got := itoa(len(doc.PerformanceForms))
	status := schema.StatusPass
	if got != strings.TrimLeft(n, "0") && !(n == "0" && got == "0") {
		status = schema.StatusFail
	}
	out = append(out, newCheck(RuleFormCount, formTable, status, []int{page},
		"narrative (page %d): %s projects with targets; %s performance forms", page, n, got))
	// The funds: Σ annual totals, in the narrative's unit.
	want, _ := decimal.NewFromString(strings.ReplaceAll(printed, ",", ""))
	scale := int32(0)
	if i := strings.IndexByte(printed, '.'); i >= 0 {
		scale = int32(len(printed) - i - 1)
	}
	sum := decimal.Zero
	for _, f := range doc.PerformanceForms {
		if blank(f.Funds.Annual.Total) {
			return append(out, newCheck(RuleFormCount, formTable, schema.StatusSkipped, f.Pages,
				"narrative (page %d): %s%s of projects with targets; form %s prints no annual funds", page, printed, unit, f.Project))
		}
		sum = sum.Add(toUnit(amount(f.Funds.Annual.Total), unitName(f.Funds.Unit), unit))
	}
	status = schema.StatusPass
	if !sum.Round(scale).Equal(want) {
		status = schema.StatusFail
	}
	return append(out, newCheck(RuleFormCount, formTable, status, []int{page},
		"narrative (page %d): projects with targets %s%s; Σ forms' annual funds %s%s", page, printed, unit, sum.Round(scale).StringFixed(scale), unit))
}

// toUnit converts v from unit from to unit to (元, 万元, 亿元).
func toUnit(v decimal.Decimal, from, to string) decimal.Decimal {
	factor := map[string]int64{"元": 1, "万元": 10000, "亿元": 100000000}
	f, t := factor[from], factor[to]
	if f == 0 || t == 0 {
		return v
	}
	return v.Mul(decimal.NewFromInt(f)).Div(decimal.NewFromInt(t))
}
