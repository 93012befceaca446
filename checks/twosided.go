package checks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

// numbered matches the "一、" / "（一）" a listed item starts with.
var numbered = regexp.MustCompile(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])`)

// twoSided checks the income and expenditure sides of a two-sided table:
// 本年收入合计 = Σ the items above it, 收入总计 = 本年收入合计 + the rows
// between (上年结转 …), the same for 支出; and the two sides balance.
func twoSided(v *view) []schema.Check {
	var out []schema.Check
	for _, side := range []string{sideIncome, sideExpenditure} {
		if v.has(side+"item") && !v.has(side+"subject_code") {
			out = append(out, v.sideSums(side)...)
		}
	}
	return append(out, v.balance()...)
}

// isYearTotal matches 本年收入合计 / 本年支出合计 (and 收入合计, 支出合计).
func isYearTotal(l string) bool {
	return strings.HasSuffix(l, "合计") && (strings.Contains(l, "收入") || strings.Contains(l, "支出") || strings.Contains(l, "本年"))
}

// isGrandTotal matches 收入总计 / 支出总计.
func isGrandTotal(l string) bool { return strings.HasSuffix(l, "总计") }

func (v *view) sideSums(side string) []schema.Check {
	rows := v.t.Rows
	year, grand := -1, -1
	for i, r := range rows {
		l := label(r, side)
		if year < 0 && grand < 0 && isYearTotal(l) {
			year = i
		}
		if grand < 0 && isGrandTotal(l) {
			grand = i
		}
	}
	listed := func(from, to int) (all, top []schema.Row) {
		for i := from; i < to; i++ {
			l := label(rows[i], side)
			if l == "" || strings.HasPrefix(l, "其中") || isIndexRow(rows[i]) {
				continue
			}
			all = append(all, rows[i])
			if !numbered.MatchString(l) {
				top = append(top, rows[i])
			}
		}
		return all, top
	}
	var out []schema.Check
	if year >= 0 {
		items, _ := listed(0, year)
		out = append(out, v.sumCheck(side, fmt.Sprintf("%s = Σ %d items above it", label(rows[year], side), len(items)), rows[year], items))
	}
	if grand < 0 {
		return out
	}
	if year < 0 {
		items, _ := listed(0, grand)
		return append(out, v.sumCheck(side, fmt.Sprintf("%s = Σ %d items above it", label(rows[grand], side), len(items)), rows[grand], items))
	}
	// 收入总计 = 本年收入合计 + what lies between; where a 结转 row is broken
	// down into numbered sub-rows, either the row or its sub-rows count.
	all, top := listed(year+1, grand)
	what := fmt.Sprintf("%s = %s + %d rows between", label(rows[grand], side), label(rows[year], side), len(all))
	c := v.sumCheck(side, what, rows[grand], append([]schema.Row{rows[year]}, all...))
	if c.Status == schema.StatusFail && len(top) < len(all) {
		if alt := v.sumCheck(side, what, rows[grand], append([]schema.Row{rows[year]}, top...)); alt.Status == schema.StatusPass {
			c = alt
		}
	}
	return append(out, c)
}

// sideAmount is the side's main amount column: its total, else its first.
func (v *view) sideAmount(side string) string {
	if v.amount[side+"total"] {
		return side + "total"
	}
	if ks := v.amountKeys(side); len(ks) > 0 {
		return ks[0]
	}
	return ""
}

// balance compares the income side's totals with the expenditure side's.
func (v *view) balance() []schema.Check {
	ik, ek := v.sideAmount(sideIncome), v.sideAmount(sideExpenditure)
	if ik == "" || ek == "" {
		return nil
	}
	find := func(side string, match func(string) bool) int {
		for i, r := range v.t.Rows {
			if match(label(r, side)) {
				return i
			}
		}
		return -1
	}
	type pairing struct {
		what   string
		in, ex int
	}
	var ps []pairing
	if v.has(sideIncome + "subject_code") {
		ps = append(ps, pairing{"income 合计 = expenditure 合计", v.totalRow(sideIncome), v.totalRow(sideExpenditure)})
	} else {
		ps = append(ps,
			pairing{"本年收入合计 = 本年支出合计", find(sideIncome, isYearTotal), find(sideExpenditure, isYearTotal)},
			pairing{"收入总计 = 支出总计", find(sideIncome, isGrandTotal), find(sideExpenditure, isGrandTotal)})
	}
	var out []schema.Check
	scale := v.scale()
	for _, p := range ps {
		if p.in < 0 || p.ex < 0 {
			continue
		}
		a, b := amount(v.t.Rows[p.in].Get(ik)), amount(v.t.Rows[p.ex].Get(ek))
		status := schema.StatusPass
		if !a.Equal(b) {
			status = schema.StatusFail
		}
		out = append(out, newCheck(RuleRowTotal, v.t.Kind, status, v.t.Pages, "%s %s: %s %s %s %s %s (%s)",
			v.t.Kind, p.what, ik, show(a, scale), cmpSign(a, b), ek, show(b, scale), pageNote(v.t.Pages)))
	}
	return out
}

func cmpSign(a, b decimal.Decimal) string {
	if a.Equal(b) {
		return "="
	}
	return "!="
}
