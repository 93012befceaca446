package schema

import (
	"slices"
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// formParser accumulates forms row by row.
type formParser struct {
	forms []PerformanceForm
	warns []Warning
	cur   *PerformanceForm
	// indicator grid state
	roles    []role // column roles from the last indicator header
	inGrid   bool
	level1   string
	level2   [2]string
	inFunds  bool
	lastPage int   // page of the last indicator row
	indPages []int // page of each indicator of the current form
	// expectGoals: the row after a 实施期目标 | 年度目标 header holds the goals.
	expectGoals bool
	// expectPlanned: the row after 年度总体目标完成情况 holds the planned
	// goal, then the achieved one.
	expectPlanned bool
	// lastHeader: the row before was an indicator header (one printed above
	// the form, as a <thead>, heads the form that follows).
	lastHeader bool
	flat       bool // the last indicator header was a flat grid's
	// inHead: the rows since the form's 项目名称 row are its header block,
	// which never holds indicators; it ends at the indicator header or the
	// goals row.
	inHead bool
	// fundScope is the scope (0 period, 1 annual) the block's last scoped
	// label set: a lone label row (其中：财政拨款 | 15.00) follows it.
	fundScope int
	// fundCols are the columns of a self-evaluation's funds block
	// (全年预算数 → total, 全年执行数 → executed), by horizontal extent.
	fundCols []gridCol
}

// fundColumns reads a funds column header row, or returns nil.
func fundColumns(r FormRow) []gridCol {
	var cols []gridCol
	for _, c := range r.Cells {
		l := squeezeLabel(c.Text)
		for _, e := range fundColumnLabels {
			if strings.HasPrefix(l, e.label) {
				cols = append(cols, gridCol{role: e.role, col: c.Col, x0: c.X0, x1: c.X1})
			}
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return cols
}

// fundsByColumn reads one funds line under fundCols.
func (p *formParser) fundsByColumn(r FormRow) bool {
	key := ""
	for _, c := range r.Cells {
		if k := fundKey(c.Text); k != "" {
			key = k
			break
		}
	}
	if key == "" {
		return false
	}
	ff := &p.cur.Funds.Annual
	for _, c := range r.Cells {
		role := gridHeader(p.fundCols).roleOf(c)
		v, ok := textutil.Amount(c.Text)
		if role == "" || !ok || v == nil {
			continue
		}
		var dst **string
		switch {
		case role == "executed":
			dst = &ff.Executed
		case role == fundTotal && (key == fundTotal || key == fundFiscal || key == fundCarriedOver || key == fundOther):
			dst = fundFields[key](ff)
		}
		if dst != nil {
			*dst = v
		}
	}
	return true
}

type role struct {
	kind   string // level1, level2, level3, value
	scope  int    // 0 period, 1 annual
	col    int
	x0, x1 float64
}

func (p *formParser) finish() {
	if p.cur != nil {
		for i, ind := range p.cur.Indicators {
			if (ind.Level1 == "" || ind.Level2 == "") && p.cur.Family != FormFamilyGrid {
				p.warns = append(p.warns, Warning{Page: p.indPages[i], Code: "indicator_levels",
					Message: p.cur.Project + ": indicator " + ind.Level3 + " has no 一级/二级指标 above it"})
			}
		}
		p.indPages = p.indPages[:0]
		// One goals text on a form whose targets are all annual (a single
		// 指标值 column, no 实施期 funds) is the year's goal.
		if g := &p.cur.Goals; g.Period != nil && g.Annual == nil && len(p.cur.Indicators) > 0 && p.cur.Funds.Period == (FundFigures{}) {
			annual := true
			for _, ind := range p.cur.Indicators {
				annual = annual && ind.Scope == ScopeAnnual
			}
			if annual {
				g.Period, g.Annual = nil, g.Period
			}
		}
		if p.cur.Indicators == nil {
			p.cur.Indicators = []Indicator{}
		}
		p.forms = append(p.forms, *p.cur)
		p.cur = nil
	}
}

func (p *formParser) addPage(page int) {
	if p.cur == nil || page == 0 {
		return
	}
	if n := len(p.cur.Pages); n == 0 || p.cur.Pages[n-1] != page {
		p.cur.Pages = append(p.cur.Pages, page)
	}
}

func (p *formParser) row(r FormRow) {
	texts := rowTexts(r)
	if len(texts) == 0 {
		p.expectGoals = false // an empty goals row
		return
	}
	wasHeader := p.lastHeader
	p.lastHeader = isIndicatorHeader(r)
	if isProjectRow(r) {
		p.finish()
		unit := "元"
		if r.Unit != "" {
			unit = r.Unit
		}
		p.cur = &PerformanceForm{Family: FormFamilyHeader, Pages: []int{}, Funds: Funds{Unit: Str(unit)}}
		p.inHead, p.fundScope, p.fundCols = true, -1, nil
		if !wasHeader && p.flat {
			// A flat grid is printed with each form: the one of the form
			// before heads nothing here (a print-title grid may).
			p.roles = p.roles[:0]
		}
		p.inGrid, p.inFunds, p.expectGoals = false, false, false
		p.level1, p.level2 = "", [2]string{}
	}
	if p.cur == nil {
		return
	}
	if !isIndicatorHeader(r) {
		p.addPage(r.Page) // a header repeated at a page top is no part of the form
	}
	lead := squeezeLabel(texts[0])
	expectGoals := p.expectGoals
	p.expectGoals = false
	switch {
	case isIndicatorHeader(r):
		p.header(r)
		p.inHead = false
		p.flat = isFlatGridHeader(r)
		if p.flat && p.cur.Family == FormFamilyHeader {
			p.cur.Family = FormFamilyGrid
		}
		p.inGrid, p.inFunds = true, false
		p.expectGoals = expectGoals // a header repeated at a page top comes between
		return
	case isContactLabel(texts[0]):
		p.contact(texts)
		p.inGrid = false
		return
	case strings.HasPrefix(lead, "项目资金") || (strings.Contains(lead, "资金") && fundsUnit.MatchString(lead) && len([]rune(lead)) <= 14):
		p.inFunds = true
		if cols := fundColumns(r); cols != nil {
			p.fundCols = cols
			if u := fundsUnit.FindStringSubmatch(lead); u != nil {
				p.cur.Funds.Unit = Str(u[1])
			}
			return
		}
		texts = texts[1:]
		if u := fundsUnit.FindStringSubmatch(lead); u != nil {
			p.cur.Funds.Unit = Str(u[1])
		}
		p.funds(texts)
		return
	case goalsHeader(texts):
		// 总体目标 | 实施期目标 | 年度目标: the goals come on the next row.
		p.expectGoals, p.inFunds = true, false
		p.inHead = p.inHead && len(p.roles) == 0
		return
	case goalLabels[lead] == 3:
		p.expectPlanned, p.inFunds = true, false
		return
	case p.expectPlanned:
		p.expectPlanned = false
		p.cur.Goals.Annual = Str(texts[0])
		p.inHead = p.inHead && len(p.roles) == 0
		return
	case goalLabels[lead] != 0:
		if g := goalLabels[lead]; g == 1 && len(texts) == 2 {
			p.cur.Goals.Period = Str(texts[1])
		} else {
			p.goals(texts[1:], g == 2)
		}
		p.inFunds = false
		p.inHead = p.inHead && len(p.roles) == 0
		return
	case expectGoals && !levelNames(texts):
		p.goals(texts, false)
		p.inHead = p.inHead && len(p.roles) == 0
		return
	}
	// Funds rows, also without their 项目资金 label: a merged label cell that
	// crosses a page break prints on one page only.
	if p.inFunds && p.fundCols != nil && p.fundsByColumn(r) {
		return
	}
	if (p.inFunds || !p.inGrid) && isFundsRow(texts) {
		p.inFunds = true
		p.funds(texts)
		return
	}
	p.inFunds = false
	// A field label in the leftmost column is a field row even after an
	// indicator header: <thead> and print titles repeat that header on pages
	// where the fields of a form still continue.
	if fieldLabel(texts[0]) >= 0 && (!p.inGrid || leftmost(r)) {
		p.inGrid = false
		p.inFunds = false
		for i := 0; i < len(texts); i++ {
			k := fieldLabel(texts[i])
			if k < 0 {
				continue
			}
			var v *string
			if i+1 < len(texts) && fieldLabel(texts[i+1]) < 0 {
				v = Str(texts[i+1])
				i++
			}
			formFields[k].set(p.cur, v)
		}
		return
	}
	// Rows under a dropped print-title block continue the indicator grid.
	if !p.inHead && (p.inGrid || (len(p.roles) > 0 && !p.inFunds)) {
		p.inGrid = true
		p.indicatorRow(r)
	}
}

func goalsHeader(texts []string) bool {
	n := 0
	for _, t := range texts {
		if slices.Contains(goalHeaderLabels, squeezeLabel(t)) {
			n++
		}
	}
	return n > 0 && len(texts) <= n+1
}

// levelNames reports whether a row holds indicator level names (a goals
// row never does): 绩效指标, 效益指标, ….
func levelNames(texts []string) bool {
	for _, t := range texts {
		if l := squeezeLabel(t); len([]rune(l)) <= 8 && strings.HasSuffix(l, "指标") {
			return true
		}
	}
	return false
}

// leftmost reports whether the row's first cell starts in the form's first column.
func leftmost(r FormRow) bool {
	for _, c := range r.Cells {
		if c.Text != "" {
			return c.Col == 0
		}
	}
	return false
}

var fundsUnit = textutil.NewRegexp(`[（(]\s*(万元|元)\s*[)）]`)

func isFundsRow(texts []string) bool {
	for _, t := range texts {
		if fundKey(t) != "" {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// fundKey names a funds label by fundLabels: a fund role, or "".
func fundKey(s string) string {
	s = squeezeLabel(s)
	if textutil.IsAmount(s) || len([]rune(s)) > 12 || !(containsAny(s, fundLabelHints) || strings.HasSuffix(s, fundLabelSuffix)) {
		return ""
	}
	for _, f := range fundLabels {
		if containsAny(s, f.words) || slices.Contains(f.whole, s) {
			return f.role
		}
	}
	return ""
}

func (p *formParser) funds(texts []string) {
	side := 0
	labels := 0
	for _, t := range texts {
		if fundKey(t) != "" {
			labels++
		}
	}
	if labels == 1 && p.fundScope >= 0 {
		side = p.fundScope // a lone label row continues the block's column
	}
	for i := 0; i < len(texts); i++ {
		k := fundKey(texts[i])
		if k == "" {
			continue
		}
		sc := side
		s := squeezeLabel(texts[i])
		switch {
		case strings.Contains(s, fundPeriodWord):
			sc = 0
		case containsAny(s, fundAnnualWords):
			sc = 1
		}
		if sc != side || strings.Contains(s, fundPeriodWord) {
			p.fundScope = sc
		}
		if labels == 1 && (containsAny(s, fundAnnualWords) || strings.Contains(s, fundPeriodWord)) {
			p.fundScope = sc
		}
		side = sc + 1
		var v *string
		if i+1 < len(texts) && fundKey(texts[i+1]) == "" {
			if a, ok := textutil.Amount(texts[i+1]); ok {
				v = a
				i++
			}
		}
		ff := &p.cur.Funds.Period
		if sc >= 1 {
			ff = &p.cur.Funds.Annual
		}
		*fundFields[k](ff) = v
	}
}

func (p *formParser) goals(texts []string, annual bool) {
	switch len(texts) {
	case 0:
	case 1:
		if annual || p.singleScope() {
			p.cur.Goals.Annual = Str(texts[0])
		} else {
			p.cur.Goals.Period = Str(texts[0])
		}
	default:
		p.cur.Goals.Period, p.cur.Goals.Annual = Str(texts[0]), Str(texts[1])
	}
}

func (p *formParser) singleScope() bool {
	values := 0
	for _, r := range p.roles {
		if r.kind == "value" {
			values++
		}
	}
	return values == 1
}

var digitsOnly = textutil.NewRegexp(`^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$`)

func (p *formParser) contact(texts []string) {
	for i := 0; i < len(texts); i++ {
		l := squeezeLabel(texts[i])
		var dst **string
		for _, cl := range contactLabels {
			if strings.HasPrefix(l, cl.label) {
				dst = cl.field(&p.cur.Contact)
				break
			}
		}
		if dst == nil {
			continue
		}
		// A value printed inside the label cell ("经办人:栗志伟").
		if _, after, ok := strings.Cut(textutil.NFKC(texts[i]), ":"); ok && strings.TrimSpace(after) != "" {
			*dst = Str(strings.TrimSpace(after))
		} else if i+1 < len(texts) && !isContactLabel(texts[i+1]) {
			*dst = Str(texts[i+1])
			i++
		}
	}
	if f := p.cur.Contact.FilledAt; f != nil {
		if m := digitsOnly.FindStringSubmatch(*f); m != nil {
			p.cur.Contact.FilledAt = Str(m[1] + "-" + m[2] + "-" + m[3] + "T" + m[4] + ":" + m[5] + ":" + m[6])
		}
	}
}

func isContactLabel(s string) bool {
	l := squeezeLabel(s)
	for _, cl := range contactLabels {
		if strings.HasPrefix(l, cl.label) {
			return true
		}
	}
	return false
}

// header records the column roles of an indicator header row.
func (p *formParser) header(r FormRow) {
	p.roles = p.roles[:0]
	scope := 0
	seenValue := false
	for _, c := range r.Cells {
		k := ""
		// A merged body cell crossing the page break may print its text into
		// the repeated header cell ("一级指标产出指标"): match by prefix.
		l := squeezeLabel(c.Text)
		switch level := indicatorLevel(l); {
		case level == "level1":
			k = level
		case level != "":
			k = level
			if seenValue {
				scope = 1
			}
		case strings.Contains(l, indicatorValueLabel):
			k = "value"
			if seenValue {
				scope = 1
			}
			seenValue = true
		default:
			switch g := gridRole(c.Text); g {
			case "op", "unit", "weight", "core", "direction", "actual", "score":
				k = g
			case "level3": // 指标名称 / 指标内容 of a flat grid
				k = "level3"
			default:
				continue
			}
		}
		p.roles = append(p.roles, role{kind: k, scope: scope, col: c.Col, x0: c.X0, x1: c.X1})
	}
	values := 0
	for _, ro := range p.roles {
		if ro.kind == "value" {
			values++
		}
	}
	if values == 1 { // a single 年度指标值 column: annual only
		for i := range p.roles {
			p.roles[i].scope = 1
		}
	}
}

// roleOf finds the header role under which a cell sits: by horizontal
// overlap when the cells carry positions, by grid column otherwise.
func (p *formParser) roleOf(c FormCell) (role, bool) {
	best, bestOv := -1, 0.0
	for i, r := range p.roles {
		if c.X1 > c.X0 && r.x1 > r.x0 {
			cx := (c.X0 + c.X1) / 2
			if cx >= r.x0 && cx <= r.x1 {
				return r, true
			}
			ov := min(c.X1, r.x1) - max(c.X0, r.x0)
			if ov > bestOv {
				best, bestOv = i, ov
			}
			continue
		}
		if r.col == c.Col {
			return r, true
		}
	}
	if best >= 0 {
		return p.roles[best], true
	}
	return role{}, false
}

func (p *formParser) indicatorRow(r FormRow) {
	var l3, val [2]string
	l2 := [2]string{}
	extra := map[string]string{}
	samePage := r.Page == p.lastPage
	for _, c := range r.Cells {
		t := c.Text
		ro, ok := p.roleOf(c)
		if !ok {
			continue
		}
		if t == "" {
			// An empty level cell below the first row of a page starts a
			// merged cell whose name is printed elsewhere (past the page
			// break): the name is pending, filled in when it shows.
			if samePage && ro.kind == "level1" {
				p.level1 = ""
			} else if samePage && ro.kind == "level2" {
				p.level2[ro.scope] = ""
			}
			continue
		}
		switch ro.kind {
		case "level1":
			if squeezeLabel(t) != "绩效指标" {
				p.level1 = p.joinLevel(r.Page, 1, -1, p.level1, t)
			}
		case "level2":
			l2[ro.scope] = t
		case "level3":
			l3[ro.scope] = t
		case "value":
			val[ro.scope] = t
		default:
			extra[ro.kind] += t
		}
	}
	for s := 0; s < 2; s++ {
		if l2[s] != "" {
			p.level2[s] = p.joinLevel(r.Page, 2, s, p.level2[s], l2[s])
		}
	}
	p.lastPage = r.Page
	for s := 0; s < 2; s++ {
		if l3[s] == "" && val[s] == "" {
			continue
		}
		if squeezeLabel(l3[s]) == "总分" && val[s] == "" {
			continue // a self-evaluation's total score row
		}
		ind := Indicator{Scope: ScopePeriod, Level1: p.level1, Level2: p.level2[s], Level3: l3[s]}
		if s == 1 {
			ind.Scope = ScopeAnnual
			if full := l3[0]; full != "" && l3[1] != full && strings.HasPrefix(full, l3[1]) {
				ind.Level3Full = full
			}
		}
		if len(extra) > 0 {
			g, _ := gridIndicator(map[string]string{"level3": l3[s], "value": val[s], "op": extra["op"], "unit": extra["unit"],
				"weight": extra["weight"], "core": extra["core"], "direction": extra["direction"], "actual": extra["actual"], "score": extra["score"]}, nil)
			ind.Value, ind.Op, ind.Number, ind.NumberMax, ind.Unit = g.Value, g.Op, g.Number, g.NumberMax, g.Unit
			ind.Weight, ind.Core, ind.Direction, ind.Planned, ind.Actual, ind.Score = g.Weight, g.Core, g.Direction, g.Planned, g.Actual, g.Score
			if ind.Actual != nil || ind.Score != nil {
				p.cur.Family = FormFamilySelfEvaluation
			}
		} else if val[s] != "" {
			ind.Value = Str(val[s])
			ind.Op, ind.Number, ind.NumberMax, ind.Unit = ParseRange(val[s])
		}
		p.cur.Indicators = append(p.cur.Indicators, ind)
		p.indPages = append(p.indPages, r.Page)
	}
}

// complete reports whether an indicator level name reads as whole.
func complete(name string) bool {
	return strings.HasSuffix(name, "指标") || strings.HasSuffix(name, "满意度")
}

// joinLevel returns the level name that holds from this row on, given the
// one above (prev) and the text of this row's cell (t). It mends what merged
// cells do at a page break: a name printed below the first rows it covers
// fills those rows in (they were left blank), and a name whose wrapped lines
// fell on two pages ("可持续影响" | "指标") is joined back, also in the rows
// already read.
func (p *formParser) joinLevel(page, level, scope int, prev, t string) string {
	set := func(old, new string) {
		for i := range p.cur.Indicators {
			ind := &p.cur.Indicators[i]
			if scope >= 0 && (ind.Scope == ScopeAnnual) != (scope == 1) {
				continue
			}
			if level == 1 && ind.Level1 == old {
				ind.Level1 = new
			} else if level == 2 && ind.Level2 == old {
				ind.Level2 = new
			}
		}
	}
	switch {
	case prev == "":
		set("", t)
		return t
	case page != p.lastPage && !complete(prev) && complete(prev+t) && (len([]rune(t)) <= 2 || !complete(t)):
		set(prev, prev+t)
		return prev + t
	}
	return t
}
