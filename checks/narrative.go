package checks

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// yuan is a narrative amount in 元.
func yuan(v decimal.Decimal, unit string) decimal.Decimal {
	return v.Mul(unitFactor(&unit))
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
	// A sum of N printed figures may miss the narrative's printed total by
	// their rounding, in the narrative's own unit and decimals.
	for _, r := range rs {
		if r.addends == 0 || !sameUnit(r.fig.unit, &m.unit) {
			continue
		}
		if st, diff := sumStatus(m.v, r.fig.v, r.addends, m.scale); st == schema.StatusWarn {
			return newCheck(RuleNarrative, tableKind(r.table), schema.StatusWarn, pages, "%s", roundingNote(fmt.Sprintf("narrative (page %d) %s %s%s != %s (%s)",
				m.page, m.label, m.printed, m.unit, strings.Join(seen, " nor "), pageNote(pages)), diff, m.scale, r.addends))
		}
	}
	if col, ok := blankRef(rs[0]); ok && len(rs) == 1 && !m.v.IsZero() {
		return newCheck(RuleNarrative, tableKind(rs[0].table), schema.StatusSkipped, pages, "narrative (page %d) %s %s%s vs %s: column %s of %s is blank throughout, not compared (%s)",
			m.page, m.label, m.printed, m.unit, strings.Join(seen, " nor "), col, rs[0].table.Kind, pageNote(pages))
	}
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
