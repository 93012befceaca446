package checks

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
)

// projectSum is the sum of the project list, this year's (项目支出表 本年)
// or carried over (上年结转): the rows of the printed table when there is
// one, else doc.Projects.
func projectSum(doc *schema.Document, carryover bool) (ref, bool) {
	return projectSumOf(doc, carryover, nil)
}

// groupedProjectSum is projectSum without the group rows (see
// groupsForward); ok only where the list has some.
func groupedProjectSum(doc *schema.Document, carryover bool) (ref, bool) {
	return projectSumOf(doc, carryover, groupsForward)
}

// nestedProjectSum is projectSum without nested group rows (see
// groupsNested); ok only where the list has some.
func nestedProjectSum(doc *schema.Document, carryover bool) (ref, bool) {
	return projectSumOf(doc, carryover, groupsNested)
}

// projectSumOf sums the project list, without the group rows g finds
// where g is not nil.
func projectSumOf(doc *schema.Document, carryover bool, g grouping) (ref, bool) {
	grouped := g != nil
	kind := schema.TableProjectExpenditure
	if carryover {
		kind = schema.TableProjectExpenditureCarryover
	}
	if t := lookup(doc, kind); t != nil {
		v := newView(t)
		if !v.amount[schema.KeyTotal] {
			return ref{}, false
		}
		var rows []schema.Row
		for i, r := range t.Rows {
			l := anyLabel(r)
			if i == v.totalRow(sideNone) || isIndexRow(r) || l == "小计" || strings.HasPrefix(l, "其中") {
				continue
			}
			rows = append(rows, r)
		}
		leaves, groups := rows, 0
		if grouped {
			if leaves, groups = withoutGroups(rows, g); groups == 0 {
				return ref{}, false
			}
		}
		sum := decimal.Zero
		for _, r := range leaves {
			sum = sum.Add(amount(r.Get(schema.KeyTotal)))
		}
		what := fmt.Sprintf("%s Σ %d projects total", kind, len(leaves))
		if groups > 0 {
			what = fmt.Sprintf("%s Σ %d projects (under %d group rows) total", kind, len(leaves), groups)
		}
		return ref{t, what, figure{sum, t.Unit, v.scale()}, len(leaves)}, true
	}
	if grouped {
		return ref{}, false
	}
	var t schema.Table
	sum, n := decimal.Zero, 0
	var scale int32
	for _, p := range doc.Projects {
		if p.Carryover != carryover {
			continue
		}
		sum = sum.Add(amount(p.Total))
		scale = max(scale, scaleOf(p.Total))
		t.Unit = p.Unit
		n++
	}
	if n == 0 {
		return ref{}, false
	}
	t.Kind = kind
	for i := range doc.Tables {
		if tableKind(&doc.Tables[i]) == kind {
			t.Pages = doc.Tables[i].Pages
		}
	}
	return ref{&t, fmt.Sprintf("%s Σ %d projects total", kind, n), figure{sum, t.Unit, scale}, n}, true
}

// A grouping reads which rows of a list are group rows (a unit's line over
// its projects, see groupsForward and groupsNested): a mask, true at each
// group row, with the number of groups.
type grouping func(rows []schema.Row) (isGroup []bool, groups int)

// groupings are the readings the checks try, the forward one first.
var groupings = []grouping{groupsForward, groupsNested}

// withoutGroups is rows without the group rows g finds, and how many.
func withoutGroups(rows []schema.Row, g grouping) (leaves []schema.Row, groups int) {
	isGroup, groups := g(rows)
	for i, r := range rows {
		if !isGroup[i] {
			leaves = append(leaves, r)
		}
	}
	return leaves, groups
}

// groupTol is how far a group row of printed unit may miss the sum of its
// n rows: half a unit of its last printed place per row, at least one unit.
func groupTol(unit decimal.Decimal, n int) decimal.Decimal {
	return decimal.Max(unit, unit.Mul(decimal.NewFromInt(int64(n))).Div(decimal.NewFromInt(2)))
}

// groupsForward reads a project list from the top: a row (a unit's,
// Shenzhen's 深圳市民政局（本级）) whose total is the sum of the two or more
// rows after it, within groupTol, is their group.
func groupsForward(rows []schema.Row) ([]bool, int) {
	return groupsForwardBy(rows, schema.KeyTotal)
}

// groupsForwardBy is groupsForward on the figures of column key.
func groupsForwardBy(rows []schema.Row, key string) ([]bool, int) {
	isGroup, groups := make([]bool, len(rows)), 0
	for i := 0; i < len(rows); i++ {
		total := amount(rows[i].Get(key))
		if !total.IsPositive() {
			continue
		}
		unit := decimal.New(1, total.Exponent())
		sum, j := decimal.Zero, i+1
		for ; j < len(rows) && sum.Add(groupTol(unit, j-i)).LessThan(total); j++ {
			sum = sum.Add(amount(rows[j].Get(key)))
		}
		if j-i > 2 && sum.Sub(total).Abs().LessThanOrEqual(groupTol(unit, j-i-1)) {
			isGroup[i] = true
			groups++
			i = j - 1
		}
	}
	return isGroup, groups
}

// groupsNested reads a project list from the end, so that groups nest (a
// department's line over its units' lines over their projects): a unit's
// group is formed before the department's line adds up the units. A row
// is a group when its total is the sum of the two or more items after it
// within groupTol, or of one item under another name that is no group
// itself (a unit with a single project). A project that happens to equal
// the sum of the two after it makes a false group, which the forward
// reading does not; the checks try that first.
func groupsNested(rows []schema.Row) ([]bool, int) {
	isGroup, groups := make([]bool, len(rows)), 0
	var items []int // the items after the row being read, the nearest last
	for i := len(rows) - 1; i >= 0; i-- {
		total := amount(rows[i].Get(schema.KeyTotal))
		if total.IsPositive() {
			unit := decimal.New(1, total.Exponent())
			sum, n := decimal.Zero, 0
			for n < len(items) {
				sum = sum.Add(amount(rows[items[len(items)-1-n]].Get(schema.KeyTotal)))
				n++
				if sum.Add(groupTol(unit, n)).GreaterThanOrEqual(total) {
					break
				}
			}
			// A unit with one project prints the same figure twice, under
			// two names; a row printed twice (same name) is no group.
			next := 0
			if n > 0 {
				next = items[len(items)-1]
			}
			single := n == 1 && sum.Equal(total) && !isGroup[next] && anyLabel(rows[next]) != anyLabel(rows[i])
			if (n >= 2 || single) && sum.Sub(total).Abs().LessThanOrEqual(groupTol(unit, n)) {
				items = items[:len(items)-n]
				isGroup[i] = true
				groups++
			}
		}
		items = append(items, i)
	}
	return isGroup, groups
}

// projectTotal compares the project list with 项目支出 of 支出总表 (or of
// the 一般公共预算支出表 when there is no 支出总表): this year's projects, or
// this year's and the carried-over ones together where 项目支出 includes
// spending carried over.
func projectTotal(doc *schema.Document, es *schema.Table) []schema.Check {
	p, ok := projectSum(doc, false)
	if !ok {
		return nil
	}
	if es == nil {
		es = lookup(doc, schema.TableGeneralPublicBudgetExpenditure)
	}
	e, eok := totalOf(es, schema.KeyProject)
	if !eok {
		return []schema.Check{newCheck(RuleCrossTable, schema.TableProjectExpenditure, schema.StatusSkipped, p.table.Pages,
			"%s %s: no 项目支出 total to compare with", p.what, show(p.fig.v, p.fig.scale))}
	}
	c := compare(p, e)
	for _, sum := range []func(*schema.Document, bool) (ref, bool){groupedProjectSum, nestedProjectSum} {
		if g, ok := sum(doc, false); ok && c.Status == schema.StatusFail {
			if alt := compare(g, e); alt.Status != schema.StatusFail {
				c = alt
			}
		}
	}
	if c.Status == schema.StatusFail {
		if q, ok := projectSum(doc, true); ok && !q.fig.v.IsZero() {
			both := sumRefs(p, q)
			both.what = p.what + " + " + q.what
			if alt := compare(both, e); alt.Status == schema.StatusPass {
				alt.Pages = unionPages(alt.Pages, q.table.Pages)
				c = alt
			} else {
				c.Message += fmt.Sprintf("; with %s: %s", q.what, show(both.fig.v, both.fig.scale))
			}
		}
	}
	return []schema.Check{c}
}

// carRunning compares 公务用车运行维护费 of the economic table with
// ②公务用车运行维护费 of the "三公" table. The economic figure adds every
// row of 30231 (a table with two classifications prints it once per 政府
// economic subject: 50208 and 50502) and, where the document prints project
// spending by economic subject too, that table's 30231: the "三公" figures
// cover basic and project spending. Without such a table the basic figure
// can only be at most the "三公" one (the rest is project spending).
func carRunning(doc *schema.Document) []schema.Check {
	et, _ := economicTable(doc)
	tp := lookup(doc, schema.TableThreePublic)
	if et == nil || tp == nil {
		return nil
	}
	e, ok := carRunningRows(et)
	if !ok {
		return nil
	}
	pt := lookup(doc, schema.TableProjectExpenditureEconomic)
	if pt != nil {
		if p, ok := carRunningRows(pt); ok {
			e = sumRefs(e, p)
		}
	}
	tv := newView(tp)
	var t ref
	for _, r := range tp.Rows {
		if threePublicPart(anyLabel(r)) == tpCarRun && tv.amount[schema.KeyTotal] {
			t = ref{tp, tp.Kind + " " + anyLabel(r) + " total", figure{amount(r.Get(schema.KeyTotal)), tp.Unit, tv.scale()}, 0}
			break
		}
	}
	if t.table == nil { // the parts printed as columns
		ti := tv.totalRow(sideNone)
		if ti < 0 && len(tp.Rows) > 0 {
			ti = len(tp.Rows) - 1
		}
		for _, k := range tv.keys {
			l := textutil.Squeeze(tv.labels[k])
			if tv.amount[k] && !strings.Contains(k, schema.PriorYearPrefix) && !strings.Contains(k, schema.ChangePrefix) && threePublicPart(l[strings.LastIndex(l, "/")+1:]) == tpCarRun && ti >= 0 {
				t = ref{tp, tp.Kind + " " + l, figure{amount(tp.Rows[ti].Get(k)), tp.Unit, tv.scale()}, 0}
				break
			}
		}
	}
	if t.table == nil {
		return nil
	}
	c := compare(e, t)
	if c.Status == schema.StatusFail && pt == nil {
		ev, tv := e.fig.v, t.fig.v
		if fe, ft := unitFactor(e.fig.unit), unitFactor(t.fig.unit); !fe.IsZero() && !ft.IsZero() {
			ev, tv = ev.Mul(fe), tv.Mul(ft)
		}
		if ev.LessThan(tv) {
			pages := unionPages(e.table.Pages, t.table.Pages)
			c = newCheck(RuleCrossTable, tableKind(et), schema.StatusPass, pages,
				"%s %s <= %s %s: basic spending only, the rest is project spending (no economic table of project spending printed; %s)",
				e.what, showFig(e.fig, t.fig), t.what, showFig(t.fig, e.fig), pageNote(pages))
		}
	}
	return []schema.Check{c}
}

// carRunningRows adds up a table's rows of 公务用车运行维护费: by code 30231
// where the table prints codes, else by name.
func carRunningRows(t *schema.Table) (ref, bool) {
	v := newView(t)
	coded := false
	for _, r := range t.Rows {
		if r.Get(schema.KeySubjectCode) != nil {
			coded = true
			break
		}
	}
	var sum decimal.Decimal
	n := 0
	for _, r := range t.Rows {
		match := false
		if coded {
			c := r.Get(schema.KeySubjectCode)
			match = c != nil && *c == carRunningCode
		} else {
			match = strings.Contains(anyLabel(r), carRunningName)
		}
		if match {
			sum = sum.Add(amount(r.Get(schema.KeyTotal)))
			n++
		}
	}
	if n == 0 {
		return ref{}, false
	}
	what := t.Kind + " " + carRunningName + " total"
	if n > 1 {
		what = fmt.Sprintf("%s Σ %d rows of %s total", t.Kind, n, carRunningName)
	}
	return ref{t, what, figure{sum, t.Unit, v.scale()}, 0}, true
}

// The economic subject of 公务用车运行维护费.
const (
	carRunningCode = "30231"
	carRunningName = "公务用车运行维护费"
)

// agencyOperating compares the 机关运行经费 total with the economic table's
// 公用经费 where the document defines 机关运行经费 as 公用经费 (its 名词解释:
// "机关运行经费：指……基本支出中的公用经费支出"); elsewhere the two differ
// by design and the check is skipped.
func agencyOperating(doc *schema.Document, narrative []Text) []schema.Check {
	ao := lookup(doc, schema.TableAgencyOperating)
	if ao == nil {
		return nil
	}
	a, ok := totalOf(ao, schema.KeyTotal)
	if !ok {
		return nil
	}
	var e ref
	et, levels := economicTable(doc)
	for i, l := range levels {
		if l == schema.LevelTotal {
			e = ref{et, et.Kind + " 合计 public", figure{amount(et.Rows[i].Get(schema.KeyPublic)), et.Unit, newView(et).scale()}, 0}
			break
		}
	}
	if e.table == nil || !newView(et).amount[schema.KeyPublic] {
		return nil
	}
	// The 名词解释 decides:
	// "机关运行经费：指行政单位和参照公务员法管理的事业单位……公用经费支出"
	// makes it the part of 公用经费 those units spend, at most all of it;
	// without the restriction, all of it.
	definition := ""
	text, _, _ := stream(narrative)
	for rest := text; definition == ""; {
		i := strings.Index(rest, "机关运行经费")
		if i < 0 {
			break
		}
		rest = rest[i+len("机关运行经费"):]
		if d := []rune(rest); len(d) > 1 && (d[0] == '：' || d[0] == ':' || d[0] == '是') && strings.Contains(string(d[:min(len(d), 80)]), "公用经费") {
			definition = string(d[:min(len(d), 80)])
		}
	}
	pages := unionPages(ao.Pages, et.Pages)
	switch {
	case definition == "":
		return []schema.Check{newCheck(RuleCrossTable, tableKind(ao), schema.StatusSkipped, pages,
			"%s %s vs %s %s: the document does not define 机关运行经费 as 公用经费",
			a.what, show(a.fig.v, a.fig.scale), e.what, show(e.fig.v, e.fig.scale))}
	case strings.Contains(definition, "行政单位"):
		eq, _, _ := sameFigure(a.fig, e.fig)
		av, ev := a.fig.v, e.fig.v
		if fa, fe := unitFactor(a.fig.unit), unitFactor(e.fig.unit); !fa.IsZero() && !fe.IsZero() {
			av, ev = av.Mul(fa), ev.Mul(fe)
		}
		status, op := schema.StatusPass, "<="
		if !eq && av.GreaterThan(ev) {
			status, op = schema.StatusFail, ">"
		}
		return []schema.Check{newCheck(RuleCrossTable, tableKind(ao), status, pages,
			"%s %s %s %s %s: 机关运行经费 is the 行政单位 part of 公用经费 (%s)",
			a.what, showFig(a.fig, e.fig), op, e.what, showFig(e.fig, a.fig), pageNote(pages))}
	}
	return []schema.Check{compare(a, e)}
}
