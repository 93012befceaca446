package checks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// yuan is a narrative amount in 元.
func yuan(v decimal.Decimal, unit string) decimal.Decimal {
	return v.Mul(unitFactor(&unit))
}

// A finder returns the table figures a narrative label may stand for; the
// narrative figure must equal one of them.
type finder func(doc *schema.Document, label string) []ref

// target says where the table figure for a narrative label is printed.
type target struct {
	re   *regexp.Regexp
	find finder
}

// one turns a single lookup into a finder.
func one(f func(doc *schema.Document) (ref, bool)) finder {
	return func(doc *schema.Document, _ string) []ref {
		if r, ok := f(doc); ok {
			return []ref{r}
		}
		return nil
	}
}

// either tries several finders.
func either(fs ...finder) finder {
	return func(doc *schema.Document, l string) []ref {
		var out []ref
		for _, f := range fs {
			out = append(out, f(doc, l)...)
		}
		return out
	}
}

// row finds a side's total row: this year's (本年收入合计) or the grand
// total (收入总计).
func row(kind string, side string, grand bool, name, key string) finder {
	return one(func(doc *schema.Document) (ref, bool) {
		t := lookup(doc, kind)
		k := key
		if k == "" { // the side's main amount
			k = newView0(t).sideAmount(side)
		}
		if grand {
			return grandTotal(t, side, name, k)
		}
		return yearTotal(t, side, name, k)
	})
}

func total(kind, key string) finder {
	return one(func(doc *schema.Document) (ref, bool) { return totalOf(lookup(doc, kind), key) })
}

func threePublicRow(part string) finder {
	return one(func(doc *schema.Document) (ref, bool) {
		return sideRow(lookup(doc, schema.TableThreePublic), sideNone,
			func(l string) bool { return threePublicPart(l) == part }, part, "total")
	})
}

func economicTotal(key string) finder {
	return one(func(doc *schema.Document) (ref, bool) {
		et, levels := economicTable(doc)
		for i, l := range levels {
			if l == schema.LevelTotal {
				v := newView(et)
				if !v.amount[key] {
					return ref{}, false
				}
				return ref{et, et.Kind + " 合计 " + key, figure{amount(et.Rows[i].Get(key)), et.Unit, v.scale()}}, true
			}
		}
		return ref{}, false
	})
}

// subjectRow finds a 类 row by name: the 3-digit row of the 一般公共预算支出表
// and the 支出总表, and the listed item of the 财政拨款收支总表 and 收支总表
// ("十四、交通运输支出").
func subjectRow(doc *schema.Document, name string) []ref {
	var out []ref
	for _, kind := range []string{schema.TableGeneralPublicBudgetExpenditure, schema.TableExpenditureSummary} {
		r, ok := cell(lookup(doc, kind), func(v *view) int {
			for i, r := range v.t.Rows {
				if len(code(r, sideNone)) == 3 && label(r, sideNone) == name {
					return i
				}
			}
			return -1
		}, "total", name)
		if ok {
			out = append(out, r)
		}
	}
	for _, kind := range []string{schema.TableFiscalAppropriationSummary, schema.TableIncomeExpenditureSummary} {
		t := lookup(doc, kind)
		match := func(l string) bool { return numbered.ReplaceAllString(l, "") == name }
		if r, ok := sideRow(t, sideExpenditure, match, name, newView0(t).sideAmount(sideExpenditure)); ok {
			out = append(out, r)
		}
	}
	return out
}

// targets map narrative labels to table figures; a label matching none is
// not checked. Patterns are anchored: "涉及一般公共预算当年拨款" in the
// performance section is not the 一般公共预算 total. Where funds are carried
// over, the narrative may state a figure with or without them, so those
// labels accept either table figure.
var targets = []target{
	{regexp.MustCompile(`机关运行经费`), total(schema.TableAgencyOperating, "total")},
	{regexp.MustCompile(`三公.?经费`), threePublicRow(tpTotal)},
	{regexp.MustCompile(`^因公出国[(（]境[)）]费$`), threePublicRow(tpAbroad)},
	{regexp.MustCompile(`^公务接待费$`), threePublicRow(tpReception)},
	{regexp.MustCompile(`^公务用车购置及运行费$`), threePublicRow(tpCar)},
	{regexp.MustCompile(`^公务用车购置费$`), threePublicRow(tpCarBuy)},
	{regexp.MustCompile(`^公务用车运行维护费$`), threePublicRow(tpCarRun)},
	{regexp.MustCompile(`^一般公共预算基本支出$`), total(schema.TableGeneralPublicBudgetExpenditure, "basic")},
	{regexp.MustCompile(`^基本支出$`), total(schema.TableExpenditureSummary, "basic")},
	{regexp.MustCompile(`^项目支出$`), total(schema.TableExpenditureSummary, "project")},
	{regexp.MustCompile(`^人员经费$`), economicTotal("personnel")},
	{regexp.MustCompile(`^公用经费$`), economicTotal("public")},
	{regexp.MustCompile(`^一般公共预算当年拨款$`), total(schema.TableGeneralPublicBudgetExpenditure, "total")},
	{regexp.MustCompile(`^一般公共预算(拨款)?(收入)?$`), either(total(schema.TableIncomeSummary, "general_public_budget"),
		row(schema.TableFiscalAppropriationSummary, sideExpenditure, true, "支出总计", sideExpenditure+"general_public_budget"))},
	{regexp.MustCompile(`^政府性基金预算(拨款)?(收入)?$`), either(total(schema.TableIncomeSummary, "government_fund"),
		row(schema.TableFiscalAppropriationSummary, sideExpenditure, true, "支出总计", sideExpenditure+"government_fund"))},
	{regexp.MustCompile(`^国有资本经营预算(拨款)?(收入)?$`), either(total(schema.TableIncomeSummary, "state_capital"),
		row(schema.TableFiscalAppropriationSummary, sideExpenditure, true, "支出总计", sideExpenditure+"state_capital"))},
	{regexp.MustCompile(`^财政专户管理资金(收入)?$`), total(schema.TableIncomeSummary, "fiscal_special_account")},
	{regexp.MustCompile(`^单位资金(收入)?$`), total(schema.TableIncomeSummary, "unit_funds")},
	{regexp.MustCompile(`^(本年)?(部门)?(预算)?收入总计$`), row(schema.TableIncomeExpenditureSummary, sideIncome, true, "收入总计", "")},
	{regexp.MustCompile(`^(本年)?(部门)?(预算)?支出总计$`), row(schema.TableIncomeExpenditureSummary, sideExpenditure, true, "支出总计", "")},
	{regexp.MustCompile(`^本年收入$`), row(schema.TableIncomeExpenditureSummary, sideIncome, false, "本年收入合计", "")},
	{regexp.MustCompile(`^(部门)?(预算收入|收入预算)$`), either(total(schema.TableIncomeSummary, "total"),
		row(schema.TableIncomeExpenditureSummary, sideIncome, true, "收入总计", ""))},
	{regexp.MustCompile(`^(部门)?(支出预算|预算支出)$`), either(total(schema.TableExpenditureSummary, "total"),
		row(schema.TableIncomeExpenditureSummary, sideExpenditure, true, "支出总计", ""))},
	{regexp.MustCompile(`^财政拨款收支总预算$`), row(schema.TableFiscalAppropriationSummary, sideIncome, true, "收入总计", "")},
	{regexp.MustCompile(`^当年拨款收入$`), row(schema.TableFiscalAppropriationSummary, sideIncome, false, "本年收入合计", "")},
	{regexp.MustCompile(`^.+支出$`), subjectRow},
}

// narrativeChecks checks every figure of the narrative: against the table
// figure its label names, its share against the figure it is a share of,
// and its change against last year for internal consistency.
func narrativeChecks(doc *schema.Document, texts []Text) []schema.Check {
	ms := parseNarrative(texts)
	var out []schema.Check
	for i, m := range ms {
		if m.delta {
			continue
		}
		for _, t := range targets {
			if !t.re.MatchString(m.label) {
				continue
			}
			if rs := t.find(doc, m.label); len(rs) > 0 {
				out = append(out, againstTable(m, rs))
			}
			break
		}
		if m.share != nil {
			out = append(out, shareCheck(ms, i))
		}
		if m.change != nil && m.change.pct != nil {
			out = append(out, changeCheck(m, clauseHead(ms, i)))
		}
	}
	return out
}

// againstTable compares a narrative figure with the table figures its label
// may stand for: each table value in the narrative's unit, rounded to the
// decimals the narrative prints; one equal one passes.
func againstTable(m *mention, rs []ref) schema.Check {
	var pages []int
	var seen []string
	for _, r := range rs {
		pages = unionPages(pages, r.table.Pages)
		tv := r.fig.v
		if f := unitFactor(r.fig.unit); !f.IsZero() {
			tv = tv.Mul(f).Div(unitFactor(&m.unit))
		}
		figure := fmt.Sprintf("%s %s%s", r.what, show(r.fig.v, r.fig.scale), unitNote(r.fig.unit, m.unit))
		if tv.Round(m.scale).Equal(m.v) {
			pages = unionPages([]int{m.page}, r.table.Pages)
			return newCheck(RuleNarrative, tableKind(r.table), schema.StatusPass, pages, "narrative (page %d) %s %s%s = %s (%s)",
				m.page, m.label, m.printed, m.unit, figure, pageNote(pages))
		}
		seen = append(seen, figure)
	}
	pages = unionPages([]int{m.page}, pages)
	return newCheck(RuleNarrative, tableKind(rs[0].table), schema.StatusFail, pages, "narrative (page %d) %s %s%s != %s (%s)",
		m.page, m.label, m.printed, m.unit, strings.Join(seen, " nor "), pageNote(pages))
}

// unitNote names the table's unit where it is not the narrative's.
func unitNote(u *string, narrative string) string {
	if u == nil || *u == narrative {
		return ""
	}
	return *u
}

// shareBase is the figure a share is of: the nearest figure before it in
// the same sentence that is not itself a share, else in the paragraph.
func shareBase(ms []*mention, i int) *mention {
	var para *mention
	for j := i - 1; j >= 0 && ms[j].para == ms[i].para; j-- {
		if ms[j].share != nil || ms[j].delta {
			continue
		}
		if ms[j].sentence == ms[i].sentence {
			return ms[j]
		}
		if para == nil {
			para = ms[j]
		}
	}
	return para
}

// clauseHead is the first figure of the mention's clause (up to 。 or ；).
func clauseHead(ms []*mention, i int) *mention {
	h := ms[i]
	for j := i - 1; j >= 0 && ms[j].para == ms[i].para && ms[j].clause == ms[i].clause; j-- {
		h = ms[j]
	}
	return h
}

// withinPrinted reports whether a recomputed percentage rounds to the
// printed one, allowing one unit in the last printed place.
func withinPrinted(got decimal.Decimal, p *percent) bool {
	tol := decimal.New(1, -p.scale)
	return got.Round(p.scale).Sub(p.v).Abs().LessThanOrEqual(tol)
}

func shareCheck(ms []*mention, i int) schema.Check {
	m := ms[i]
	pages := []int{m.page}
	base := shareBase(ms, i)
	// A share that names its base (占“三公”经费的…) is of the latest figure
	// with that name.
	named := false
	if m.shareOf != "" {
		for j := i - 1; j >= 0 && ms[j].para == m.para; j-- {
			if ms[j].share == nil && !ms[j].delta && strings.Contains(ms[j].label, strings.Trim(m.shareOf, "“”\"")) {
				base, named = ms[j], true
				break
			}
		}
	}
	if base == nil || base.v.IsZero() {
		return newCheck(RuleNarrative, "", schema.StatusSkipped, pages, "narrative (page %d) %s %s%s 占%s%%: no figure to take the share of",
			m.page, m.label, m.printed, m.unit, m.share.printed)
	}
	share := func(b *mention) decimal.Decimal {
		return yuan(m.v, m.unit).Mul(hundred).Div(yuan(b.v, b.unit)).Round(2)
	}
	got := share(base)
	if withinPrinted(got, m.share) {
		return newCheck(RuleNarrative, "", schema.StatusPass, pages, "narrative (page %d) %s %s / %s %s = %s%% = printed %s%%",
			m.page, m.label, m.printed, base.label, base.printed, got.StringFixed(2), m.share.printed)
	}
	// The figure it is a share of may stand further back on the page.
	for j, n := i-1, 0; j >= 0 && ms[j].para == m.para && n < 12; j-- {
		b := ms[j]
		if b.share != nil || b.delta || b == base || b.v.IsZero() {
			continue
		}
		n++
		if g := share(b); withinPrinted(g, m.share) {
			return newCheck(RuleNarrative, "", schema.StatusPass, pages, "narrative (page %d) %s %s / %s %s = %s%% = printed %s%%",
				m.page, m.label, m.printed, b.label, b.printed, g.StringFixed(2), m.share.printed)
		}
	}
	if m.shareOf != "" && !named {
		return newCheck(RuleNarrative, "", schema.StatusSkipped, pages, "narrative (page %d) %s %s%s 占%s的%s%%: %s is not stated",
			m.page, m.label, m.printed, m.unit, m.shareOf, m.share.printed, m.shareOf)
	}
	return newCheck(RuleNarrative, "", schema.StatusFail, pages, "narrative (page %d) %s %s / %s %s = %s%% != printed %s%%",
		m.page, m.label, m.printed, base.label, base.printed, got.StringFixed(2), m.share.printed)
}

// changeCheck checks "X万元，比上年减少C万元，下降P%": the previous year is
// X ∓ C and P = C / previous × 100. The change may follow a breakdown of
// the figure it is about (…其中：…上年结转0.00万元，比上年减少…), so the
// clause's first figure is tried too.
func changeCheck(m, head *mention) schema.Check {
	c := m.change
	pages := []int{m.page}
	try := func(cur *mention) (decimal.Decimal, decimal.Decimal, bool) {
		cv := yuan(c.v, c.unit)
		prev := yuan(cur.v, cur.unit).Sub(cv.Mul(decimal.NewFromInt(int64(c.sign))))
		if prev.Sign() <= 0 {
			return prev.Div(unitFactor(&cur.unit)), decimal.Zero, false
		}
		got := cv.Mul(hundred).Div(prev).Round(2)
		return prev.Div(unitFactor(&cur.unit)), got, withinPrinted(got, c.pct)
	}
	word := map[int]string{1: "增加", -1: "减少"}[c.sign]
	if c.sign != c.pctSign {
		return newCheck(RuleNarrative, "", schema.StatusFail, pages, "narrative (page %d) %s %s%s: %s %s%s but the percentage goes the other way (%s%%)",
			m.page, m.label, m.printed, m.unit, word, c.printed, c.unit, c.pct.printed)
	}
	cur := m
	prev, got, ok := try(m)
	if !ok && head != nil && head != m {
		if p2, g2, ok2 := try(head); ok2 {
			cur, prev, got, ok = head, p2, g2, true
		}
	}
	if prev.Sign() <= 0 {
		return newCheck(RuleNarrative, "", schema.StatusSkipped, pages, "narrative (page %d) %s %s%s, 比上年%s%s%s: last year was %s, no percentage to check (printed %s%%)",
			m.page, cur.label, cur.printed, cur.unit, word, c.printed, c.unit, prev.String(), c.pct.printed)
	}
	status, op, note := schema.StatusPass, "=", ""
	if !ok {
		status, op = schema.StatusFail, "!="
		// A common slip: the change taken as a share of this year.
		if alt := yuan(c.v, c.unit).Mul(hundred).Div(yuan(cur.v, cur.unit)).Round(2); withinPrinted(alt, c.pct) {
			note = fmt.Sprintf(" (the printed figure is the change over this year's %s, %s%%)", cur.printed, alt.StringFixed(2))
		}
	}
	return newCheck(RuleNarrative, "", status, pages, "narrative (page %d) %s %s%s, 比上年%s%s%s: previous %s, change %s%% %s printed %s%%%s",
		m.page, cur.label, cur.printed, cur.unit, word, c.printed, c.unit, prev.String(), got.StringFixed(2), op, c.pct.printed, note)
}

// narrativeLabel is for tests and messages: the labels found in texts.
func narrativeLabels(texts []Text) []string {
	var out []string
	for _, m := range parseNarrative(texts) {
		out = append(out, fmt.Sprintf("%s=%s", m.label, m.printed))
	}
	return out
}
