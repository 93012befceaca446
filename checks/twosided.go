package checks

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
)

// yearHeading is this year's total printed as the heading of its items
// (Chongqing: 一、本年收入 above (一)一般公共预算资金 …).
var yearHeading = textutil.NewRegexp(`^(一、)?本年(收入|支出)$`)

// numbered matches the "一、" / "（一）" a listed item starts with.
var numbered = textutil.NewRegexp(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])`)

// twoSided checks the income and expenditure sides of a two-sided table:
// 本年收入合计 = Σ the items above it, 收入总计 = 本年收入合计 + the rows
// between (上年结转 …), the same for 支出; and the two sides balance.
func twoSided(v *view) []schema.Check {
	var out []schema.Check
	for _, side := range []string{sideIncome, sideExpenditure} {
		if v.has(side+schema.KeyItem) && !v.has(side+schema.KeySubjectCode) {
			out = append(out, v.sideSums(side)...)
		}
	}
	return append(out, v.balance()...)
}

// isYearTotal matches this year's total of a side: 本年收入合计, 当年支出小计,
// 收入小计.
func isYearTotal(l string) bool {
	if yearHeading.MatchString(l) {
		return true
	}
	sub := strings.HasSuffix(l, "合计") || strings.HasSuffix(l, "小计")
	side := strings.Contains(l, "收入") || strings.Contains(l, "支出")
	return sub && (strings.Contains(l, "本年") || strings.Contains(l, "当年") || side && strings.HasSuffix(l, "小计"))
}

// isGrandTotal matches a side's grand total: 收入总计, 支出总计, and 收入合计
// where it is not this year's total.
func isGrandTotal(l string) bool {
	if strings.HasSuffix(l, "总计") {
		return true
	}
	return strings.HasSuffix(l, "合计") && !isYearTotal(l) && (strings.Contains(l, "收入") || strings.Contains(l, "支出"))
}

// totals finds a side's total rows: this year's (本年收入合计) and the grand
// total (收入总计), -1 when absent. Where both a 收入合计 and a 收入总计 are
// printed, the 合计 is this year's.
func (v *view) totals(side string) (year, grand int) {
	year, grand = -1, -1
	var grands []int
	for i, r := range v.t.Rows {
		l := label(r, side)
		switch {
		case isYearTotal(l):
			if year < 0 {
				year = i
			}
		case isGrandTotal(l):
			grands = append(grands, i)
		}
	}
	if len(grands) > 0 {
		grand = grands[len(grands)-1]
	}
	if grand < 0 && year < 0 {
		// A bare 合计 / 总计 (Chongqing prints it on the first row, above
		// the items) is the side's total.
		for i, r := range v.t.Rows {
			if l := textutil.Squeeze(label(r, side)); l == "合计" || l == "总计" {
				grand = i
			}
		}
	}
	if len(grands) > 1 && year < 0 {
		year = grands[0]
	}
	return year, grand
}

// level is the depth of a listed item's numbering: 一、 0, （一） 1, 1. 2,
// （1） 3; an unnumbered label is 0.
func level(l string) int {
	for i, re := range levels {
		if re.MatchString(l) {
			return len(levels) - i
		}
	}
	return 0
}

var levels = []*textutil.Regexp{
	textutil.NewRegexp(`^[（(][0-9]+[)）]`),
	textutil.NewRegexp(`^[0-9]+[.、．]`),
	textutil.NewRegexp(`^[（(][一二三四五六七八九十]+[)）]`),
}

func (v *view) sideSums(side string) []schema.Check {
	rows := v.t.Rows
	year, grand := v.totals(side)
	// The items a total adds up are the shallowest listed level:
	// "1. 一般公共预算" under "一、财政拨款收入" breaks that item down further.
	listed := func(from, to int) (all, top []schema.Row) {
		shallowest := 99
		for i := from; i < to; i++ {
			if l := label(rows[i], side); l != "" && !strings.HasPrefix(l, "其中") && !isIndexRow(rows[i]) {
				shallowest = min(shallowest, level(l))
			}
		}
		for i := from; i < to; i++ {
			l := label(rows[i], side)
			if l == "" || strings.HasPrefix(l, "其中") || isIndexRow(rows[i]) || level(l) != shallowest {
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
		where := "above"
		if len(items) == 0 { // a heading over its items: they run to the next heading
			end := year + 1
			for end < len(rows) && (label(rows[end], side) == "" || level(label(rows[end], side)) > level(label(rows[year], side))) {
				end++
			}
			items, _ = listed(year+1, end)
			where = "under"
		}
		c := v.printedSumCheck(side, fmt.Sprintf("%s = Σ %d items %s it", label(rows[year], side), len(items), where), rows[year], items)
		if c.Status == schema.StatusFail {
			// Items numbered 一、二、… with their breakdown printed unnumbered
			// under each (Shenzhen: 一、教育支出, 进修及培训, 培训支出): the
			// numbered items add up.
			var heads []schema.Row
			for _, r := range items {
				if numbered.MatchString(label(r, side)) {
					heads = append(heads, r)
				}
			}
			if len(heads) > 0 && len(heads) < len(items) {
				alt := v.printedSumCheck(side, fmt.Sprintf("%s = Σ %d numbered items %s it", label(rows[year], side), len(heads), where), rows[year], heads)
				if alt.Status != schema.StatusFail {
					c = alt
				}
			}
		}
		out = append(out, c)
	}
	if grand < 0 {
		return append(out, newCheck(RuleRowTotal, v.t.Kind, schema.StatusFail, v.t.Pages,
			"%s %s side has no 总计 row (%s)", v.t.Kind, strings.TrimSuffix(side, "_"), pageNote(v.t.Pages)))
	}
	if year < 0 {
		items, _ := listed(0, grand)
		where := "above"
		if len(items) == 0 { // the total printed first, the items under it
			items, _ = listed(grand+1, len(rows))
			where = "below"
		}
		return append(out, v.printedSumCheck(side, fmt.Sprintf("%s = Σ %d items %s it", label(rows[grand], side), len(items), where), rows[grand], items))
	}
	// 收入总计 = 本年收入合计 + what lies between; where a 结转 row is broken
	// down into numbered sub-rows, either the row or its sub-rows count.
	all, top := listed(year+1, grand)
	what := fmt.Sprintf("%s = %s + %d rows between", label(rows[grand], side), label(rows[year], side), len(all))
	c := v.printedSumCheck(side, what, rows[grand], append([]schema.Row{rows[year]}, all...))
	if c.Status == schema.StatusFail && len(top) < len(all) {
		if alt := v.printedSumCheck(side, what, rows[grand], append([]schema.Row{rows[year]}, top...)); alt.Status == schema.StatusPass {
			c = alt
		}
	}
	// A 年初结转和结余 row over its unnumbered breakdown (西安 卫健's 财政拨款
	// 收入支出决算总表: 58,926.37 over 95.39 and 58,830.98): the breakdown
	// counts, not the row too.
	byAmount := func(rs []schema.Row) ([]bool, int) { return groupsForwardBy(rs, v.sideAmount(side)) }
	if leaves, groups := withoutGroups(all, byAmount); c.Status == schema.StatusFail && groups > 0 {
		if alt := v.printedSumCheck(side, what, rows[grand], append([]schema.Row{rows[year]}, leaves...)); alt.Status != schema.StatusFail {
			c = alt
		}
	}
	return append(out, c)
}

// sideAmount is the side's main amount column: its total, else its first.
func (v *view) sideAmount(side string) string {
	if v.amount[side+schema.KeyTotal] {
		return side + schema.KeyTotal
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
	type pairing struct {
		what   string
		in, ex int
		ek     string
	}
	var ps []pairing
	var out []schema.Check
	if v.has(sideIncome + schema.KeySubjectCode) {
		ps = append(ps, pairing{"income 合计 = expenditure 合计", v.totalRow(sideIncome), v.totalRow(sideExpenditure), ek})
	} else {
		iy, ig := v.totals(sideIncome)
		ey, eg := v.totals(sideExpenditure)
		// This year's income pays for this year's spending: the 当年预算安排
		// column where the expenditure side splits it off, else the total
		// when nothing is carried over on either side.
		switch {
		case v.amount[sideExpenditure+schema.KeyCurrentYear]:
			ps = append(ps, pairing{"本年收入合计 = 本年支出合计 当年预算安排", iy, ey, sideExpenditure + schema.KeyCurrentYear})
		case v.between(sideIncome, iy, ig).IsZero() && v.between(sideExpenditure, ey, eg).IsZero():
			ps = append(ps, pairing{"本年收入合计 = 本年支出合计", iy, ey, ek})
		case iy >= 0 && ey >= 0:
			out = append(out, newCheck(RuleRowTotal, v.t.Kind, schema.StatusSkipped, v.t.Pages,
				"%s 本年收入合计 = 本年支出合计: not applicable, funds are carried over (上年结转 %s, 年终结转 %s) (%s)", v.t.Kind,
				show(v.between(sideIncome, iy, ig), v.scale()), show(v.between(sideExpenditure, ey, eg), v.scale()), pageNote(v.t.Pages)))
		}
		ps = append(ps, pairing{"收入总计 = 支出总计", ig, eg, ek})
	}
	scale := v.scale()
	for _, p := range ps {
		if p.in < 0 || p.ex < 0 {
			continue
		}
		ik, ek := v.printedKey(p.in, sideIncome, ik), v.printedKey(p.ex, sideExpenditure, p.ek)
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

// printedKey is key, or when row i leaves it blank, the first column of the
// side that prints a figure in that row.
func (v *view) printedKey(i int, side, key string) string {
	if !blank(v.t.Rows[i].Get(key)) {
		return key
	}
	for _, k := range v.amountKeys(side) {
		if !blank(v.t.Rows[i].Get(k)) {
			return k
		}
	}
	return key
}

// between adds the side's main amount over the rows strictly between rows
// from and to (上年结转, 年终结转 …); zero when either is missing.
func (v *view) between(side string, from, to int) decimal.Decimal {
	sum := decimal.Zero
	if from < 0 || to < 0 {
		return sum
	}
	// A 结转 row may be broken down into numbered rows under it: count the
	// unnumbered rows, or the numbered ones when those are all blank.
	k := v.sideAmount(side)
	numberedSum := decimal.Zero
	for i := from + 1; i < to; i++ {
		l := label(v.t.Rows[i], side)
		a := amount(v.t.Rows[i].Get(k)).Abs()
		switch {
		case l == "":
		case numbered.MatchString(l):
			numberedSum = numberedSum.Add(a)
		default:
			sum = sum.Add(a)
		}
	}
	if sum.IsZero() {
		return numberedSum
	}
	return sum
}

func cmpSign(a, b decimal.Decimal) string {
	if a.Equal(b) {
		return "="
	}
	return "!="
}
