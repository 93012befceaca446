package checks

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
)

// The parts of the "三公" table, told apart by their printed names.
const (
	tpAbroad    = "因公出国（境）费"
	tpReception = "公务接待费"
	tpCar       = "公务用车购置及运行费"
	tpCarBuy    = "①公务用车购置费"
	tpCarRun    = "②公务用车运行维护费"
	tpTotal     = "合计"
)

// threePublicPart names the part a label stands for, or "".
func threePublicPart(l string) string {
	switch {
	case isTotalLabel(l):
		return tpTotal
	case strings.Contains(l, "出国"):
		return tpAbroad
	case strings.Contains(l, "接待"):
		return tpReception
	case strings.Contains(l, "购置及运行"):
		return tpCar
	case strings.Contains(l, "购置"):
		return tpCarBuy
	case strings.Contains(l, "运行"):
		return tpCarRun
	case strings.Contains(l, "三公"):
		// "“三公”经费" printed as the sum of its parts (Guangzhou's
		// 行政经费及"三公"经费预算表 has no 合计 row)
		return tpTotal
	}
	return ""
}

// threePublic checks 公务用车购置及运行费 = ① + ② and 合计 = 因公出国（境）费
// + 公务接待费 + 公务用车购置及运行费, whether the parts are printed as rows
// (per amount column) or as columns (per row).
func threePublic(v *view) []schema.Check {
	rows := map[string]schema.Row{}
	for _, r := range v.t.Rows {
		if p := threePublicPart(anyLabel(r)); p != "" {
			if _, dup := rows[p]; !dup {
				rows[p] = r
			}
		}
	}
	if len(rows) >= 2 {
		var out []schema.Check
		if car, ok := rows[tpCar]; ok {
			out = append(out, v.partsCheck(tpCar, car, rows, tpCarBuy, tpCarRun))
		}
		if tot, ok := rows[tpTotal]; ok {
			out = append(out, v.partsCheck(tpTotal, tot, rows, tpAbroad, tpReception, tpCar))
		} else {
			out = append(out, newCheck(RuleRowTotal, v.t.Kind, schema.StatusFail, v.t.Pages,
				"%s has no 合计 row (%s)", v.t.Kind, pageNote(v.t.Pages)))
		}
		return out
	}
	return v.threePublicColumns()
}

// partsCheck compares the row of whole with the sum of the rows of parts
// that are printed; a part that is not printed at all is reported.
func (v *view) partsCheck(whole string, r schema.Row, rows map[string]schema.Row, parts ...string) schema.Check {
	var got []schema.Row
	var missing []string
	for _, p := range parts {
		if pr, ok := rows[p]; ok {
			got = append(got, pr)
		} else {
			missing = append(missing, p)
		}
	}
	what := whole + " = " + strings.Join(parts, " + ")
	c := v.sumCheck(sideNone, what, r, got)
	if len(missing) > 0 {
		c.Message += "; not printed: " + strings.Join(missing, ", ")
		if c.Status == schema.StatusPass {
			c.Status = schema.StatusSkipped
		}
	}
	return c
}

// threePublicColumns handles the layout where the parts are columns; last
// year's columns printed beside this year's (prior_year_…) are checked
// apart.
func (v *view) threePublicColumns() []schema.Check {
	out := v.threePublicYear(false)
	for _, k := range v.keys {
		if v.amount[k] && strings.Contains(k, schema.PriorYearPrefix) {
			return append(out, v.threePublicYear(true)...)
		}
	}
	return out
}

func (v *view) threePublicYear(prior bool) []schema.Check {
	cols := map[string]string{}
	for _, k := range v.keys {
		if !v.amount[k] || strings.Contains(k, schema.ChangePrefix) || strings.Contains(k, schema.PriorYearPrefix) != prior {
			continue
		}
		l := textutil.Squeeze(v.labels[k])
		i := strings.LastIndex(l, "/")
		p := threePublicPart(l[i+1:])
		if p == "" && strings.HasSuffix(l, "/小计") {
			p = tpTotal
		}
		if (p == "" || p == tpTotal) && i >= 0 && strings.Contains(l[:i], "购置及运行") {
			p = tpCar // "公务用车购置及运行费/小计"
		}
		if p == "" && (l == "合计" || strings.HasSuffix(l, "/合计")) {
			p = tpTotal
		}
		// "“三公”经费/小计" beside a 合计 that also covers 会议费 and 培训费.
		if p == tpTotal && i >= 0 && strings.Contains(l[:i], "三公") {
			cols[p] = k
			continue
		}
		if p != "" {
			if _, dup := cols[p]; !dup {
				cols[p] = k
			}
		}
	}
	if len(cols) < 2 {
		return []schema.Check{newCheck(RuleRowTotal, v.t.Kind, schema.StatusSkipped, v.t.Pages,
			"%s: cannot tell its parts apart (%s)", v.t.Kind, pageNote(v.t.Pages))}
	}
	var out []schema.Check
	scale := v.scale()
	rel := func(whole string, parts ...string) {
		wk, ok := cols[whole]
		if !ok {
			return
		}
		var fails []string
		status := schema.StatusPass
		n := 0
		for i, r := range v.t.Rows {
			if isIndexRow(r) {
				continue
			}
			sum, printed := decimal.Zero, 0
			for _, p := range parts {
				sum = sum.Add(amount(r.Get(cols[p])))
				if !blank(r.Get(cols[p])) {
					printed++
				}
			}
			n++
			if got := amount(r.Get(wk)); !got.Equal(sum) {
				name := rowName(r, sideNone)
				if name == "" {
					name = fmt.Sprintf("row %d", i+1)
				}
				msg := fmt.Sprintf("%s: %s %s but Σ = %s", name, whole, show(got, scale), show(sum, scale))
				st, diff := sumStatus(got, sum, printed, scale)
				if st == schema.StatusWarn {
					msg = roundingNote(msg, diff, scale, printed)
				}
				status = worse(status, st)
				fails = append(fails, msg)
			}
		}
		what := whole + " = " + strings.Join(parts, " + ")
		if prior {
			what += " (last year's columns)"
		}
		if len(fails) > 0 {
			out = append(out, newCheck(RuleRowTotal, v.t.Kind, status, v.t.Pages, "%s %s: %s (%s)",
				v.t.Kind, what, strings.Join(fails, "; "), pageNote(v.t.Pages)))
			return
		}
		out = append(out, newCheck(RuleRowTotal, v.t.Kind, schema.StatusPass, v.t.Pages, "%s %s holds on %d rows (%s)",
			v.t.Kind, what, n, pageNote(v.t.Pages)))
	}
	rel(tpCar, tpCarBuy, tpCarRun)
	rel(tpTotal, tpAbroad, tpReception, tpCar)
	return out
}
