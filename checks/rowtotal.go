package checks

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
)

// sourceKeys are the funding-source columns whose sum is the total.
var sourceKeys = []string{schema.KeyGeneralPublicBudget, schema.KeyGovernmentFund, schema.KeyStateCapital, schema.KeyFiscalSpecialAccount, schema.KeyUnitFunds, schema.KeyCarryover,
	schema.KeyFiscalAppropriation, schema.KeySuperiorSubsidy, schema.KeyBusinessIncome, schema.KeyOperatingIncome, schema.KeySubordinateRemittance}

// extraParts are named expenditure columns that add to 基本支出 + 项目支出
// in the total (单位预留机动经费, a final account's 上缴上级支出 …).
var extraParts = map[string]bool{schema.KeyReserveFund: true, schema.KeyRemittanceToSuperior: true, schema.KeyOperatingExpenditure: true, schema.KeySubsidyToSubordinate: true}

// relation is "total = Σ parts" across the columns of one row.
type relation struct {
	total string
	parts []string
}

// relations lists the column relations a side of v supports:
// 合计 = 基本 + 项目 (or = 人员经费 + 公用经费 + 项目 where 基本支出 is
// printed as its two parts), 基本 = 人员 + 公用, 合计 = 当年 + 结转,
// 合计 = Σ funding sources.
func (v *view) relations(side string) []relation {
	total := side + schema.KeyTotal
	if !v.amount[total] {
		return nil
	}
	has := func(k string) bool { return v.amount[side+k] }
	var out []relation
	rel := func(t string, parts ...string) {
		r := relation{total: side + t}
		for _, p := range parts {
			r.parts = append(r.parts, side+p)
		}
		out = append(out, r)
	}
	switch {
	case has(schema.KeyBasic) && has(schema.KeyProject):
		rel(schema.KeyTotal, schema.KeyBasic, schema.KeyProject)
		if has(schema.KeyPersonnel) && has(schema.KeyPublic) {
			rel(schema.KeyBasic, schema.KeyPersonnel, schema.KeyPublic)
		}
	case has(schema.KeyPersonnel) && has(schema.KeyPublic) && has(schema.KeyProject):
		rel(schema.KeyTotal, schema.KeyPersonnel, schema.KeyPublic, schema.KeyProject)
	case has(schema.KeyPersonnel) && has(schema.KeyPublic):
		rel(schema.KeyTotal, schema.KeyPersonnel, schema.KeyPublic)
	}
	current := has(schema.KeyCurrentYear)
	if current {
		rel(schema.KeyTotal, schema.KeyCurrentYear, schema.KeyCarryover)
	}
	var src []string
	for _, k := range sourceKeys {
		if !has(k) {
			continue
		}
		if k == schema.KeyCarryover && (current || !sameGroup(v.labels[total], v.labels[side+k])) {
			continue
		}
		src = append(src, side+k)
	}
	// Columns the recognizer could not name (事业收入 …) under the total's
	// header group are sources too; elsewhere they make the sum unknowable.
	known := len(src) > 0 && !(len(src) == 1 && src[0] == side+schema.KeyCarryover)
	for _, k := range v.amountKeys(side) {
		if !strings.HasPrefix(strings.TrimPrefix(k, side), schema.ColPrefix) || k == schema.ColPrefix {
			continue
		}
		if g := group(v.labels[total]); g != "" && g == group(v.labels[k]) {
			src = append(src, k)
		} else {
			known = false
		}
	}
	if known {
		out = append(out, relation{total, src})
	}
	return out
}

// group is a column label's header group: "本年收入/合计" → "本年收入".
func group(label string) string {
	if i := strings.LastIndex(label, "/"); i >= 0 {
		return textutil.Squeeze(label[:i])
	}
	return ""
}

// sameGroup reports whether a carryover column falls under the total's
// header group: "本年收入/合计" does not cover "上年结转", "合计" covers all.
func sameGroup(totalLabel, label string) bool {
	return group(totalLabel) == "" || group(totalLabel) == group(label)
}

// rowTotals checks t's rows across columns (合计 = 基本支出 + 项目支出, …)
// and down (totals rows = Σ their rows; two-sided tables balance).
func rowTotals(t *schema.Table) []schema.Check {
	v := newView(t)
	if t.Empty {
		return []schema.Check{newCheck(RuleRowTotal, t.Kind, schema.StatusSkipped, t.Pages,
			"%s: the table says it has no data (%s)", t.Kind, pageNote(t.Pages))}
	}
	var out []schema.Check
	for _, side := range v.sides() {
		for _, rel := range v.relations(side) {
			out = append(out, v.acrossOrUnnamed(rel)...)
		}
	}
	info, _ := schema.Kind(t.Kind)
	switch {
	case info.Rows == schema.RowsEconomic:
		// 合计 = Σ 类 = Σ items: see economic, which knows the levels.
	case tableKind(t) == schema.TableThreePublic:
		out = append(out, threePublic(v)...)
	case v.has(sideIncome+schema.KeyItem) || v.has(sideExpenditure+schema.KeyItem) || v.has(sideIncome+schema.KeySubjectCode):
		out = append(out, twoSided(v)...)
	case !v.has(schema.KeySubjectCode) && !v.has(schema.KeyUnitCode):
		out = append(out, v.down(sideNone)...)
	}
	return flatten(out)
}

// flatten drops the zero checks helpers return for "nothing to say".
func flatten(cs []schema.Check) []schema.Check {
	out := cs[:0]
	for _, c := range cs {
		if c.Status != "" {
			out = append(out, c)
		}
	}
	return out
}

// across checks one relation on every row: one pass when it holds on all,
// else one fail per row where it does not.
func (v *view) across(rel relation) []schema.Check {
	kind, pages := v.t.Kind, v.t.Pages
	scale := v.scale()
	what := rel.total + " = " + strings.Join(rel.parts, " + ")
	var fails, warns []schema.Check
	n := 0
	for _, r := range v.t.Rows {
		if isIndexRow(r) {
			continue
		}
		sum, printed := decimal.Zero, 0
		for _, p := range rel.parts {
			sum = sum.Add(amount(r.Get(p)))
			if !blank(r.Get(p)) {
				printed++
			}
		}
		got := amount(r.Get(rel.total))
		if blank(r.Get(rel.total)) && sum.IsZero() {
			continue
		}
		n++
		status, diff := sumStatus(got, sum, printed, scale)
		if status == schema.StatusPass {
			continue
		}
		var terms []string
		for _, p := range rel.parts {
			terms = append(terms, p+" "+show(amount(r.Get(p)), scale))
		}
		c := newCheck(RuleRowTotal, kind, status, pages, "%s %s: %s: %s %s != %s (%s)",
			kind, what, rowName(r, sideOf(rel.total)), rel.total, show(got, scale), strings.Join(terms, " + "), pageNote(pages))
		if status == schema.StatusWarn {
			c.Message = roundingNote(c.Message, diff, scale, printed)
			warns = append(warns, c)
		} else {
			fails = append(fails, c)
		}
	}
	switch {
	case len(fails)+len(warns) > 0:
		return append(fails, warns...)
	case n == 0:
		return []schema.Check{newCheck(RuleRowTotal, kind, schema.StatusSkipped, pages, "%s %s: the columns are blank (%s)", kind, what, pageNote(pages))}
	}
	return []schema.Check{newCheck(RuleRowTotal, kind, schema.StatusPass, pages, "%s %s holds on %d rows (%s)", kind, what, n, pageNote(pages))}
}

// acrossOrUnnamed is across, retried with the side's columns the recognizer
// could not name (单位预留机动经费 …) when the named parts fall short.
func (v *view) acrossOrUnnamed(rel relation) []schema.Check {
	cs := v.across(rel)
	if cs[0].Status != schema.StatusFail {
		return cs
	}
	used := map[string]bool{}
	for _, p := range rel.parts {
		used[p] = true
	}
	side := sideOf(rel.total)
	var extra []string
	for _, k := range v.amountKeys(side) {
		if bare := strings.TrimPrefix(k, side); !used[k] && (strings.HasPrefix(bare, schema.ColPrefix) || extraParts[bare]) {
			extra = append(extra, k)
		}
	}
	if len(extra) == 0 {
		return cs
	}
	alt := v.across(relation{rel.total, append(append([]string(nil), rel.parts...), extra...)})
	if alt[0].Status != schema.StatusPass {
		return cs
	}
	var names []string
	for _, k := range extra {
		names = append(names, k+" = "+v.labels[k])
	}
	alt[0].Message += " (" + strings.Join(names, ", ") + ")"
	return alt
}

// sumCheck compares one total cell with the sum of other rows' cells in
// every amount column of a side. what names the relation in messages.
func (v *view) sumCheck(side, what string, total schema.Row, parts []schema.Row) schema.Check {
	return v.sumCheckKeys(v.amountKeys(side), what, total, parts)
}

// printedSumCheck is sumCheck over the columns where the total row prints a
// figure: a summary's total row may leave a column blank where the figure
// stands in another column of a merged cell.
func (v *view) printedSumCheck(side, what string, total schema.Row, parts []schema.Row) schema.Check {
	var keys []string
	for _, k := range v.amountKeys(side) {
		if !blank(total.Get(k)) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return newCheck(RuleRowTotal, v.t.Kind, schema.StatusSkipped, v.t.Pages, "%s %s: the total row is blank (%s)", v.t.Kind, what, pageNote(v.t.Pages))
	}
	return v.sumCheckKeys(keys, what, total, parts)
}

func (v *view) sumCheckKeys(all []string, what string, total schema.Row, parts []schema.Row) schema.Check {
	kind, pages := v.t.Kind, v.t.Pages
	scale := v.scale()
	var keys []string
	for _, k := range all {
		if !v.blankColumn(k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return newCheck(RuleRowTotal, kind, schema.StatusSkipped, pages, "%s %s: the columns are blank (%s)", kind, what, pageNote(pages))
	}
	var fails []string
	status := schema.StatusPass
	for _, k := range keys {
		sum, printed := decimal.Zero, 0
		for _, r := range parts {
			sum = sum.Add(amount(r.Get(k)))
			if !blank(r.Get(k)) {
				printed++
			}
		}
		got := amount(total.Get(k))
		st, diff := sumStatus(got, sum, printed, scale)
		switch st {
		case schema.StatusFail:
			fails = append(fails, fmt.Sprintf("%s %s but Σ = %s", k, show(got, scale), show(sum, scale)))
		case schema.StatusWarn:
			fails = append(fails, roundingNote(fmt.Sprintf("%s %s but Σ = %s", k, show(got, scale), show(sum, scale)), diff, scale, printed))
		}
		status = worse(status, st)
	}
	if len(fails) > 0 {
		return newCheck(RuleRowTotal, kind, status, pages, "%s %s: %s (%s)", kind, what, strings.Join(fails, "; "), pageNote(pages))
	}
	return newCheck(RuleRowTotal, kind, schema.StatusPass, pages, "%s %s over %s (%s)", kind, what, strings.Join(keys, ", "), pageNote(pages))
}

// down checks a one-sided table without codes: each 小计 row is the sum of
// the rows after the previous 小计 (or the start), and the 合计 row is the
// sum of the 小计 rows when there are any, else of all other rows. Rows
// labelled 其中… break a figure down further and are left out.
func (v *view) down(side string) []schema.Check {
	ti := v.totalRow(side)
	if ti < 0 {
		status := schema.StatusSkipped // project lists often print none
		if info, _ := schema.Kind(v.t.Kind); info.NeedsTotal {
			status = schema.StatusFail
		}
		return []schema.Check{newCheck(RuleRowTotal, v.t.Kind, status, v.t.Pages,
			"%s: no 合计 row to add up to (%s)", v.t.Kind, pageNote(v.t.Pages))}
	}
	var out []schema.Check
	var items, subtotals []schema.Row
	for i, r := range v.t.Rows {
		l := label(r, side)
		if l == "" {
			l = anyLabel(r)
		}
		switch {
		case i == ti || isIndexRow(r) || strings.HasPrefix(l, "其中"):
		case l == "小计":
			out = append(out, v.sumCheck(side, fmt.Sprintf("小计 row %d = Σ the %d rows above it", len(subtotals)+1, len(items)), r, items))
			subtotals = append(subtotals, r)
			items = nil
		default:
			items = append(items, r)
		}
	}
	total := v.t.Rows[ti]
	name := label(total, side)
	if name == "" {
		name = anyLabel(total)
	}
	if len(subtotals) > 0 {
		return append(out, v.sumCheck(side, fmt.Sprintf("%s = Σ %d 小计 rows", name, len(subtotals)), total, subtotals))
	}
	c := v.sumCheck(side, fmt.Sprintf("%s = Σ %d rows", name, len(items)), total, items)
	if c.Status == schema.StatusFail {
		// Group rows (a unit's line over its projects, Guangzhou's 项目支出
		// 预算表) add up to the rows under them: the total is the sum of
		// the rest. A corrupted group row or project breaks its group, so
		// the sum still fails.
		for _, g := range groupings {
			if leaves, groups := withoutGroups(items, g); groups > 0 && c.Status == schema.StatusFail {
				alt := v.sumCheck(side, fmt.Sprintf("%s = Σ %d rows under %d group rows", name, len(leaves), groups), total, leaves)
				if alt.Status != schema.StatusFail {
					c = alt
				}
			}
		}
	}
	return append(out, c)
}
