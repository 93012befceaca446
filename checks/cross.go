package checks

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
)

// ref is one figure of the document: where it is printed and its value.
type ref struct {
	table *schema.Table
	what  string // "income_summary 合计 total"
	fig   figure
	// addends is the number of printed figures a computed sum adds (0 for
	// a printed figure): a sum may differ from a printed total by their
	// rounding, a warning as in the row sums.
	addends int
}

// tableKind is a table's kind without the final-account suffix.
func tableKind(t *schema.Table) string { return schema.BaseKind(t.Kind) }

// lookup returns the first non-empty table of kind (budget or final).
func lookup(doc *schema.Document, kind string) *schema.Table {
	for i := range doc.Tables {
		t := &doc.Tables[i]
		if tableKind(t) == kind && len(t.Rows) > 0 {
			return t
		}
	}
	return nil
}

// cell reads column key of the row picked by pick (a row index, -1 when
// absent) in t; ok is false when the table, row or column is missing.
func cell(t *schema.Table, pick func(v *view) int, key, what string) (ref, bool) {
	if t == nil {
		return ref{}, false
	}
	v := newView(t)
	i := pick(v)
	if i < 0 || !v.amount[key] {
		return ref{}, false
	}
	p := t.Rows[i].Get(key)
	return ref{t, fmt.Sprintf("%s %s %s", t.Kind, what, key), figure{amount(p), t.Unit, v.scale()}, 0}, true
}

// totalOf is the 合计 row's cell of column key.
func totalOf(t *schema.Table, key string) (ref, bool) {
	return cell(t, func(v *view) int { return v.totalRow(sideNone) }, key, "合计")
}

// sideRow is the cell of column key in the first row whose label on side
// matches.
func sideRow(t *schema.Table, side string, match func(string) bool, name, key string) (ref, bool) {
	return cell(t, func(v *view) int {
		for i, r := range v.t.Rows {
			if match(label(r, side)) {
				return i
			}
		}
		return -1
	}, key, name)
}

// yearTotal is the cell of column key in a side's 本年收入合计 row.
func yearTotal(t *schema.Table, side, name, key string) (ref, bool) {
	return cell(t, func(v *view) int { y, _ := v.totals(side); return y }, key, name)
}

// grandTotal is the cell of column key in a side's 收入总计 row.
func grandTotal(t *schema.Table, side, name, key string) (ref, bool) {
	return cell(t, func(v *view) int { _, g := v.totals(side); return g }, key, name)
}

// sumRefs adds figures of one table (same unit); ok when any is present.
func sumRefs(rs ...ref) ref {
	var out ref
	var names []string
	first := 0
	for _, r := range rs {
		if r.table == nil {
			continue
		}
		if out.table == nil {
			out, first = r, r.addends
		} else {
			out.fig.v = out.fig.v.Add(r.fig.v)
			out.fig.scale = max(out.fig.scale, r.fig.scale)
		}
		// figures rounded apart: a sum may miss a printed total by
		// their rounding (see compare)
		out.addends += max(r.addends, 1)
		names = append(names, r.what)
	}
	if len(names) == 1 {
		out.addends = first // one figure: as it was
	}
	out.what = strings.Join(names, " + ")
	return out
}

// compare reports whether a and b agree (across units), as one check; alt,
// when present, is a second figure b may equal instead.
func compare(a ref, bs ...ref) schema.Check {
	var pages []int
	pages = append(pages, a.table.Pages...)
	var parts []string
	for _, b := range bs {
		pages = unionPages(pages, b.table.Pages)
		if eq, _, _ := sameFigure(a.fig, b.fig); eq {
			return newCheck(RuleCrossTable, tableKind(a.table), schema.StatusPass, pages, "%s %s = %s %s (%s)",
				a.what, showFig(a.fig, b.fig), b.what, showFig(b.fig, a.fig), pageNote(pages))
		}
		parts = append(parts, fmt.Sprintf("%s %s", b.what, showFig(b.fig, a.fig)))
	}
	// A figure read from a column blank throughout its table, against a
	// figure that is not zero: the column was not found where it should be
	// (misnamed or misread), so nothing is compared.
	for _, r := range append([]ref{a}, bs...) {
		if col, ok := blankRef(r); ok && (!a.fig.v.IsZero() || !bs[0].fig.v.IsZero()) {
			return newCheck(RuleCrossTable, tableKind(a.table), schema.StatusSkipped, pages, "%s %s vs %s: column %s of %s is blank throughout, not compared (%s)",
				a.what, showFig(a.fig, bs[0].fig), strings.Join(parts, " nor "), col, r.table.Kind, pageNote(pages))
		}
	}
	msg := fmt.Sprintf("%s %s != %s (%s)", a.what, showFig(a.fig, bs[0].fig), strings.Join(parts, " nor "), pageNote(pages))
	for _, b := range bs {
		// One side a sum of printed figures: within their rounding.
		n := max(a.addends, b.addends)
		if n == 0 || min(a.addends, b.addends) > 0 || !sameUnit(a.fig.unit, b.fig.unit) {
			continue
		}
		scale := max(a.fig.scale, b.fig.scale)
		if st, diff := sumStatus(b.fig.v, a.fig.v, n, scale); st == schema.StatusWarn {
			return newCheck(RuleCrossTable, tableKind(a.table), schema.StatusWarn, pages, "%s", roundingNote(msg, diff, scale, n))
		}
	}
	return newCheck(RuleCrossTable, tableKind(a.table), schema.StatusFail, pages, "%s", msg)
}

func sameUnit(a, b *string) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// blankRef reports whether a figure comes from a column of its table that is
// blank in every row (its key is the last word of the figure's name).
func blankRef(r ref) (string, bool) {
	if r.table == nil || len(r.table.Rows) == 0 || !r.fig.v.IsZero() {
		return "", false
	}
	key := r.what[strings.LastIndex(r.what, " ")+1:]
	v := newView(r.table)
	if _, ok := v.labels[key]; !ok {
		return "", false
	}
	return key, v.blankColumn(key)
}

// showFig prints a figure, noting the unit when the two sides differ.
func showFig(f, other figure) string {
	s := show(f.v, f.scale)
	if fa, fb := unitFactor(f.unit), unitFactor(other.unit); !fa.IsZero() && !fb.IsZero() && !fa.Equal(fb) {
		return s + " (" + *f.unit + ")"
	}
	return s
}

// crossTable compares the totals the summary tables share.
func crossTable(doc *schema.Document, narrative []Text) []schema.Check {
	is := lookup(doc, schema.TableIncomeSummary)
	es := lookup(doc, schema.TableExpenditureSummary)
	ies := lookup(doc, schema.TableIncomeExpenditureSummary)
	fas := lookup(doc, schema.TableFiscalAppropriationSummary)
	gpbe := lookup(doc, schema.TableGeneralPublicBudgetExpenditure)
	gfe := lookup(doc, schema.TableGovernmentFundExpenditure)

	var out []schema.Check
	add := func(a ref, aok bool, bs ...refOK) {
		if !aok {
			return
		}
		var got []ref
		for _, b := range bs {
			if b.ok {
				got = append(got, b.r)
			}
		}
		if len(got) > 0 {
			out = append(out, compare(a, got...))
		}
	}
	isTotal, isTotalOK := totalOf(is, schema.KeyTotal)
	esTotal, esTotalOK := totalOf(es, schema.KeyTotal)
	iesIncome := newView0(ies).sideAmount(sideIncome)
	iesExp := newView0(ies).sideAmount(sideExpenditure)

	// 收入总表 and 支出总表 against 收支总表.
	add(isTotal, isTotalOK,
		ro(yearTotal(ies, sideIncome, "本年收入合计", iesIncome)),
		ro(grandTotal(ies, sideIncome, "收入总计", iesIncome)))
	add(esTotal, esTotalOK,
		ro(yearTotal(ies, sideExpenditure, "本年支出合计", iesExp)),
		ro(grandTotal(ies, sideExpenditure, "支出总计", iesExp)))
	// 支出总表 against 收入总表 (with or without 上年结转).
	carry, carryOK := totalOf(is, schema.KeyCarryover)
	withCarry := sumRefs(isTotal, carry)
	add(esTotal, esTotalOK, ro(isTotal, isTotalOK), refOK{withCarry, isTotalOK && carryOK && !carry.fig.v.IsZero()})
	// 一般公共预算支出表 against the 一般公共预算 income and 财政拨款收支总表.
	gpbTotal, gpbOK := totalOf(gpbe, schema.KeyTotal)
	add(gpbTotal, gpbOK, ro(totalOf(is, schema.KeyGeneralPublicBudget)))
	// 财政拨款收支总表: the 一般公共预算 income of this year; its expenditure
	// column also spends carried-over funds.
	fasIncome := newView0(fas).sideAmount(sideIncome)
	// Or, where it prints no 一般公共预算 expenditure column, this year's
	// 一般公共预算 income with the carried-over 一般公共预算 under 上年结转
	// (Beijing: 一、一般公共预算资金 + 上年结转结余/一、一般公共预算拨款).
	isGPB := func(l string) bool { return strings.Contains(l, "一般公共预算") }
	fasGPB, fasGPBOK := sideRow(fas, sideIncome, isGPB, "一般公共预算", fasIncome)
	carriedGPB, carriedOK := cell(fas, func(v *view) int {
		y, g := v.totals(sideIncome)
		for i := y + 1; y >= 0 && i < g; i++ {
			if isGPB(label(v.t.Rows[i], sideIncome)) {
				return i
			}
		}
		return -1
	}, fasIncome, "上年结转 一般公共预算")
	withCarried := sumRefs(fasGPB, carriedGPB)
	add(gpbTotal, gpbOK,
		ro(fasGPB, fasGPBOK),
		ro(yearTotal(fas, sideExpenditure, "本年支出合计", sideExpenditure+schema.KeyGeneralPublicBudget)),
		refOK{withCarried, fasGPBOK && carriedOK && !carriedGPB.fig.v.IsZero()})
	// 财政拨款收支总表 本年收入合计 against the fiscal sources of 收入总表.
	fa, faOK := yearTotal(fas, sideIncome, "本年收入合计", fasIncome)
	g, gok := totalOf(is, schema.KeyGeneralPublicBudget)
	f, fok := totalOf(is, schema.KeyGovernmentFund)
	s, sok := totalOf(is, schema.KeyStateCapital)
	if gok || fok || sok {
		// Where 收入总表 prints no 上年结转 column, its fiscal sources may
		// include the carried-over funds (Chongqing's 收入总体情况表): the
		// 财政拨款收支总表's grand total then.
		fg, fgOK := grandTotal(fas, sideIncome, "收入总计", fasIncome)
		add(fa, faOK, refOK{sumRefs(pick(g, gok), pick(f, fok), pick(s, sok)), true})
		if n := len(out) - 1; n >= 0 && out[n].Status == schema.StatusFail && fgOK && !carryOK && faOK {
			if alt := compare(fg, sumRefs(pick(g, gok), pick(f, fok), pick(s, sok))); alt.Status == schema.StatusPass {
				out[n] = alt
			}
		}
	}
	// 政府性基金预算收入表 and 支出表 against the 政府性基金 income; the
	// 国有资本经营预算收支表's expenditure against the 国有资本经营 income.
	gfi := lookup(doc, schema.TableGovernmentFundIncome)
	gfiTotal, gfiOK := totalOf(gfi, newView0(gfi).sideAmount(sideNone))
	add(gfiTotal, gfiOK, ro(totalOf(is, schema.KeyGovernmentFund)))
	gfTotal, gfOK := totalOf(gfe, schema.KeyTotal)
	add(gfTotal, gfOK, ro(totalOf(is, schema.KeyGovernmentFund)))
	sc := lookup(doc, schema.TableStateCapital)
	scTotal, scOK := cell(sc, func(v *view) int { return v.totalRow(sideExpenditure) }, newView0(sc).sideAmount(sideExpenditure), "合计")
	add(scTotal, scOK, ro(totalOf(is, schema.KeyStateCapital)))
	// The economic table's 合计 is the 一般公共预算 基本支出.
	if et, levels := economicTable(doc); et != nil {
		for i, l := range levels {
			if l == schema.LevelTotal {
				ev := newView(et)
				r := ref{et, et.Kind + " 合计 total", figure{amount(et.Rows[i].Get(schema.KeyTotal)), et.Unit, ev.scale()}, 0}
				add(r, ev.amount[schema.KeyTotal], ro(totalOf(gpbe, schema.KeyBasic)))
				break
			}
		}
	}
	out = append(out, projectTotal(doc, es)...)
	out = append(out, carRunning(doc)...)
	out = append(out, agencyOperating(doc, narrative)...)
	return out
}

// refOK is a figure and whether it was found.
type refOK struct {
	r  ref
	ok bool
}

func ro(r ref, ok bool) refOK { return refOK{r, ok} }

// pick is r when ok, else the zero ref (which sumRefs skips).
func pick(r ref, ok bool) ref {
	if !ok {
		return ref{}
	}
	return r
}

// newView0 is newView that tolerates a missing table.
func newView0(t *schema.Table) *view {
	if t == nil {
		return newView(&schema.Table{})
	}
	return newView(t)
}
