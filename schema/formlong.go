package schema

import (
	"slices"
	"strings"
	"unicode"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// A long table prints every project's indicators one row each, the project's
// name, funds and goals in merged cells on the left, and repeats its column
// header at the top of every page. longForms reads it into one form per
// project.

// gridCol is one column of an indicator table's header.
type gridCol struct {
	role   string
	label  string
	col    int
	x0, x1 float64
}

type gridHeader []gridCol

// addHeader adds the roles of a header row's cells; a later, narrower
// column (財政资金 under 其中：) wins where both cover a cell.
func (h *gridHeader) addRow(r FormRow) {
	for _, c := range r.Cells {
		role := gridRole(c.Text)
		if role == "" {
			// a header cell with a merged body cell's text printed into it
			role, _ = gridLabelCut(c.Text)
		}
		if role != "" {
			*h = append(*h, gridCol{role: role, label: c.Text, col: c.Col, x0: c.X0, x1: c.X1})
		}
	}
}

// totalUnit is the unit printed in the total column's label (预算数（万元）), or "".
func (h gridHeader) totalUnit() string {
	for _, g := range h {
		if g.role == "total" {
			if m := fundsUnit.FindStringSubmatch(g.label); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// has reports whether a column of the header has the role.
func (h gridHeader) has(role string) bool {
	for _, g := range h {
		if g.role == role {
			return true
		}
	}
	return false
}

// roleOf returns the role of the column a cell sits under, or "".
func (h gridHeader) roleOf(c FormCell) string {
	best, width := "", 0.0
	cx := (c.X0 + c.X1) / 2
	for _, g := range h {
		if c.X1 > c.X0 && g.x1 > g.x0 {
			if cx >= g.x0 && cx <= g.x1 && (best == "" || g.x1-g.x0 < width) {
				best, width = g.role, g.x1-g.x0
			}
			continue
		}
		if g.col == c.Col {
			best = g.role
		}
	}
	return best
}

// headerOnly reports whether every text cell of the row is a header label.
func headerOnly(r FormRow) bool {
	n := 0
	for _, t := range rowTexts(r) {
		if gridRole(t) == "" && squeezeLabel(t) != "其中" {
			return false
		}
		n++
	}
	return n > 0
}

// projectCode is a project code printed before the name: ten or more ASCII
// letters and digits, then "-".
var projectCode = textutil.NewRegexp(`^([0-9A-Za-z]{10,})[-－—]\s*(.+)$`)

// startsWithCode reports whether a project cell's text starts a new code.
func startsWithCode(s string) bool {
	n, digits := 0, 0
	for _, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsDigit(r) || unicode.IsLetter(r)) {
			break
		}
		n++
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return n >= 10 && digits >= 4
}

// longForm is a form being read from a long table.
type longForm struct {
	f       PerformanceForm
	text    string // the project cell's fragments joined
	goals   []string
	period  []string // 实施期目标 texts
	packed  []string // a packed indicator cell's pieces
	table   int      // the table a title-named project was read from
	hasName bool     // the project text holds a name (not a code only)
	hasFund bool
	pages   map[int]bool
	// pending: started by an empty merged project cell; its name is to come
	// at the top of the next page, or it was a piece of the project before.
	pending bool
}

// absorb appends the rows read into o (a pending form that was a piece of
// lf's merged cell) to lf.
func (lf *longForm) absorb(o *longForm) {
	lf.f.Indicators = append(lf.f.Indicators, o.f.Indicators...)
	lf.goals = append(lf.goals, o.goals...)
	lf.period = append(lf.period, o.period...)
	lf.packed = append(lf.packed, o.packed...)
	for _, p := range o.f.Pages {
		if !lf.pages[p] {
			lf.pages[p] = true
			lf.f.Pages = append(lf.f.Pages, p)
		}
	}
}

func longForms(rows []FormRow) ([]PerformanceForm, []Warning) {
	var (
		head     gridHeader
		forms    []*longForm
		cur      *longForm
		warns    []Warning
		inHdr    bool // the rows just read were header rows
		lastPage int
		// The header's kind: a goal-only table (no indicator columns), a
		// table named by its title (no project column), whose goals are
		// the 实施期's (its targets then too).
		goalOnly, titled, periodOnly bool
	)
	newForm := func(page int, unit string) *longForm {
		lf := &longForm{f: PerformanceForm{Family: FormFamilyLongTable, Pages: []int{}, Indicators: []Indicator{}}, pages: map[int]bool{}}
		if unit != "" {
			lf.f.Funds.Unit = Str(unit)
		}
		forms = append(forms, lf)
		return lf
	}
	for _, r := range rows {
		if isTargetTableHeader(r) {
			head, inHdr = nil, true
			head.addRow(r)
			goalOnly, titled, periodOnly = indicatorColumns(r) == 0, !head.has("project"), head.has("period_goals") && !head.has("goals")
			// A merged goals cell cut by the page break may print its text
			// into the repeated header cell (绩效目标监督检查办法》等).
			if cur != nil {
				for _, c := range r.Cells {
					// It repeats the text clipped at the foot of the page
					// before, or adds to it.
					if role, rest := gridLabelCut(c.Text); role == "goals" && rest != "" &&
						!strings.HasSuffix(squeezeLabel(strings.Join(cur.goals, "")), rest) {
						cur.goals = append(cur.goals, rest)
					}
				}
			}
			continue
		}
		if head == nil {
			continue
		}
		if inHdr && headerOnly(r) {
			head.addRow(r)
			continue
		}
		// The first body row of a page continues the project of the page
		// before when its project cell is empty.
		pageTop := inHdr || r.Page != lastPage
		lastPage = r.Page
		inHdr = false
		if len(rowTexts(r)) == 0 {
			continue
		}
		cells := map[string]string{}
		var projectText string
		emptyProject := false // an empty merged project cell starts here
		for _, c := range r.Cells {
			if c.Text == "" {
				emptyProject = emptyProject || (c.RowSpan > 1 && head.roleOf(c) == "project")
				continue
			}
			role := head.roleOf(c)
			if role == "project" {
				projectText = c.Text
				continue
			}
			if role != "" {
				cells[role] += c.Text
			}
		}
		if titled {
			// One project, named by the table's title.
			if name := titleProject(r.Title); cur == nil || cur.table != r.Table {
				cur = newForm(r.Page, r.Unit)
				cur.text, cur.hasName, cur.table = name, true, r.Table
				cur.f.Family = FormFamilyHeader // a per-project form, its header block the title
			}
		}
		tv, ok := textutil.Amount(cells["total"])
		hasTotal := ok && tv != nil
		// A goal-only row whose project cell has text but whose amount
		// column is empty is the wrapped rest of the row above (a ruled
		// cell's lines read as rows), not a project of its own.
		cont := goalOnly && !hasTotal && head.has("total") && cur != nil
		wrapped := cont && projectText != ""
		if goalOnly && projectText != "" && !wrapped {
			cur = nil // each row of a goal-only table is a project
		}
		serial := cells["serial"] != "" && strings.Trim(squeezeLabel(cells["serial"]), "0123456789") == ""
		if serial && cur != nil && (cur.text != "" || cur.hasFund) {
			cur = nil // a new 序号 starts a new project
		}
		switch {
		case titled:
		case projectText != "":
			if cur != nil && cur.pending {
				cur.pending = false
				if !pageTop && len(forms) > 1 { // no name came over the page: a piece of the form before
					prev := forms[len(forms)-2]
					prev.absorb(cur)
					forms = forms[:len(forms)-1]
					cur = prev
				}
			}
			// The project's text printed again on a later page is no new
			// project; a bare code that merely shares a prefix is.
			joined := cur != nil && cur.hasName && strings.ContainsFunc(projectText, func(r rune) bool { return r > unicode.MaxASCII }) &&
				strings.HasPrefix(squeezeLabel(cur.text), squeezeLabel(projectText))
			if cur == nil || (!wrapped && !joined && ((startsWithCode(projectText) && cur.hasName) || (hasTotal && cur.hasFund))) {
				cur = newForm(r.Page, r.Unit)
			}
			if !joined {
				cur.text += projectText
				cur.hasName = cur.hasName || strings.ContainsFunc(cur.text, func(r rune) bool { return r > unicode.MaxASCII })
			}
		case emptyProject && !pageTop && cur != nil && cur.hasName && cells["goals"] != "":
			// A project whose name and funds print on the next page only
			// (a merged cell cut by the page break): its rows start here.
			cur = newForm(r.Page, r.Unit)
			cur.pending = true
		case hasTotal && (cur == nil || cur.hasFund):
			cur = newForm(r.Page, r.Unit)
		case cur == nil:
			cur = newForm(r.Page, r.Unit)
		}
		if r.Page > 0 && !cur.pages[r.Page] {
			cur.pages[r.Page] = true
			cur.f.Pages = append(cur.f.Pages, r.Page)
		}
		if u := cells["unit_name"]; u != "" {
			switch {
			case cur.f.ImplementingUnit == nil:
				cur.f.ImplementingUnit = Str(u)
			case cont && !strings.Contains(*cur.f.ImplementingUnit, u):
				cur.f.ImplementingUnit = Str(*cur.f.ImplementingUnit + u)
			}
		}
		if hasTotal && !cur.hasFund {
			cur.hasFund = true
			if u := head.totalUnit(); u != "" {
				cur.f.Funds.Unit = Str(u) // 预算数（万元）
			}
			ff := &cur.f.Funds.Annual
			ff.Total, _ = textutil.Amount(cells["total"])
			if v, ok := textutil.Amount(cells["fiscal"]); ok {
				ff.Fiscal = v
			}
			if v, ok := textutil.Amount(cells["other"]); ok {
				ff.Other = v
			}
		}
		if g := cells["goals"]; g != "" {
			cur.goals = append(cur.goals, g)
		}
		if g := cells["period_goals"]; g != "" {
			cur.period = append(cur.period, g)
		}
		if pk := cells["packed"]; pk != "" {
			cur.packed = append(cur.packed, pk)
		}
		if goalOnly {
			cur.f.Family = FormFamilyGoalOnly
		}
		if ind, ok := gridIndicator(cells, cur.f.Indicators); ok {
			ind.Scope = ScopeAnnual
			if periodOnly {
				ind.Scope = ScopePeriod
			}
			cur.f.Indicators = append(cur.f.Indicators, ind)
		}
	}
	if n := len(forms); n > 1 && forms[n-1].pending {
		forms[n-2].absorb(forms[n-1])
		forms = forms[:n-1]
	}
	out := make([]PerformanceForm, 0, len(forms))
	for _, lf := range forms {
		f := lf.f
		if len(lf.packed) > 0 {
			f.Family = FormFamilyPacked
			f.Indicators = append(f.Indicators, parsePacked(strings.Join(lf.packed, ""))...)
		}
		// A subtotal row (合计, a unit's line) has funds and no targets.
		if len(f.Indicators) == 0 && len(lf.goals) == 0 && len(lf.period) == 0 {
			continue
		}
		name := strings.TrimSpace(lf.text)
		if m := projectCode.FindStringSubmatch(name); m != nil {
			f.ProjectCode, name = Str(m[1]), m[2]
		}
		f.Project = name
		if len(lf.goals) > 0 {
			f.Goals.Annual = Str(strings.Join(lf.goals, ""))
		}
		if len(lf.period) > 0 {
			f.Goals.Period = Str(strings.Join(lf.period, ""))
		}
		// The same project (code and name) printed again on the next page
		// with its own merged cell continues the form before.
		if n := len(out); n > 0 && f.ProjectCode != nil && out[n-1].ProjectCode != nil && *f.ProjectCode == *out[n-1].ProjectCode && f.Project == out[n-1].Project {
			prev := &out[n-1]
			prev.Indicators = append(prev.Indicators, f.Indicators...)
			for _, p := range f.Pages {
				if !slices.Contains(prev.Pages, p) {
					prev.Pages = append(prev.Pages, p)
				}
			}
			if prev.Goals.Annual == nil {
				prev.Goals.Annual = f.Goals.Annual
			}
			if prev.Funds.Annual.Total == nil {
				prev.Funds.Annual = f.Funds.Annual
			}
			continue
		}
		if f.Project == "" {
			page := 0
			if len(f.Pages) > 0 {
				page = f.Pages[0]
			}
			warns = append(warns, Warning{Page: page, Code: "form_no_project", Message: "performance form row group with no project name"})
		}
		out = append(out, f)
	}
	return out, warns
}

// gridIndicator builds an indicator from one grid row's cells by role; the
// levels not printed on the row are filled down from the previous indicator.
func gridIndicator(cells map[string]string, prev []Indicator) (Indicator, bool) {
	ind := Indicator{Level1: cells["level1"], Level2: cells["level2"], Level3: cells["level3"]}
	if ind.Level1 == "" && ind.Level2 == "" {
		if l1, l2, l3, ok := splitLevels(ind.Level3); ok {
			ind.Level1, ind.Level2, ind.Level3 = l1, l2, l3
		}
	}
	value := cells["value"]
	if ind.Level3 == "" && value == "" {
		return ind, false
	}
	if n := len(prev); n > 0 {
		if ind.Level1 == "" {
			ind.Level1 = prev[n-1].Level1
		}
		if ind.Level2 == "" && cells["level1"] == "" {
			ind.Level2 = prev[n-1].Level2
		}
	}
	setGridValue(&ind, cells["op"], value, cells["unit"])
	if w := cells["weight"]; w != "" {
		ind.Weight = Str(w)
	}
	if c, ok := coreValues[squeezeLabel(cells["core"])]; ok {
		ind.Core = &c
	}
	if d := squeezeLabel(cells["direction"]); d != "" {
		for _, v := range directionValues {
			if strings.Contains(d, v) {
				ind.Direction = Str(v)
			}
		}
	}
	if a := cells["actual"]; a != "" {
		ind.Actual = Str(a)
		if value != "" {
			ind.Planned = Str(value)
		}
	}
	if s := cells["score"]; s != "" {
		ind.Score = Str(s)
	}
	return ind, true
}

// setGridValue sets value, op, number and unit from a grid's separate
// columns: 指标性质 (≥, ＝, 定性 …), 指标值, 计量单位. A unit column wins
// over a unit parsed from the value; an op column over a parsed op;
// 定性 (qualitative) leaves op and number null.
func setGridValue(ind *Indicator, opText, value, unit string) {
	if value != "" {
		ind.Value = Str(value)
		ind.Op, ind.Number, ind.NumberMax, ind.Unit = ParseRange(value)
	}
	if o := opText; o != "" {
		if op, ok := parseOp(o); ok && ind.Number != nil {
			ind.Op = Str(op)
		} else if !ok {
			ind.Op, ind.Number, ind.NumberMax = nil, nil, nil
			if unit == "" {
				ind.Unit = nil
			}
		}
	}
	if u := strings.TrimSpace(unit); u != "" && ind.Number != nil {
		ind.Unit = Str(stripUnitBrackets(u))
	}
}

// parseOp reads a printed comparison alone (≥, ＝, 不低于 …).
func parseOp(s string) (string, bool) {
	s = squeezeLabel(s)
	for _, p := range valueOps {
		if s == p.prefix {
			return p.op, true
		}
	}
	return "", false
}
