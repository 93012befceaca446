package schema

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/internal/parallel"
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// Build maps a layout document onto the contract: every table named and
// normalized, economic rows and projects drawn from their tables, the
// document's department, year and kind. Source, performance forms, checks and
// extraction warnings are filled by the later steps.
//
// Build records on ld what it made of each layout table (ld.Readings): the
// output table, its kind and the key of each printed column.
func Build(ld *layout.Document) *Document { return build(ld, false, 1) }

// Consume is Build that lets go of each layout table's rows (Header, Rows)
// as soon as the table is read, for a caller that reads nothing of ld's
// tables after but their titles, pages and readings: a long document's
// layout and its output are then not held whole at once (at 5,000 pages,
// some 40 and 20 MB). The tables are read on up to workers goroutines at
// once (each table on its own: building it, finding a target table in
// it). The document is Build's.
func Consume(ld *layout.Document, workers int) *Document { return build(ld, true, workers) }

func build(ld *layout.Document, consume bool, workers int) *Document {
	doc := &Document{
		SchemaVersion:    SchemaVersion,
		Tables:           []Table{},
		EconomicRows:     []EconomicRow{},
		Projects:         []Project{},
		PerformanceForms: []PerformanceForm{},
		Checks:           []Check{},
		Warnings:         []Warning{},
	}
	from, to := formSection(ld)
	// The performance forms and the department targets read layout tables
	// other than their own, and only read them: they are read before the
	// tables are built, so that Consume may let go of each table once
	// built (and once a target table outside the forms' section is looked
	// for in it), and placed in the document after, as they always were.
	forms, formWarns := Forms(formRows(ld, from, to))
	targets := DepartmentTargets(ld)
	ld.Readings = make([]layout.Reading, len(ld.Tables))
	built := make([]builtTable, len(ld.Tables))
	// The longest tables are read first (the results stay in the tables'
	// order): begun in print order, a long table near the end held one
	// worker after the others were done.
	order, cells := make([]int, len(ld.Tables)), make([]int, len(ld.Tables))
	for i := range order {
		order[i], cells[i] = i, ld.Tables[i].Cells()
	}
	if workers > 1 {
		sort.SliceStable(order, func(a, b int) bool { return cells[order[a]] > cells[order[b]] })
	}
	parallel.For(len(ld.Tables), workers, func(k int) {
		i := order[k]
		if i < from || i >= to {
			b, t := &built[i], ld.Tables[i].WithCells()
			b.t, b.keys, b.warns = buildTable(t)
			b.forms, b.formWarns = outsideForm(t, i)
		}
		if consume {
			ld.Tables[i].Drop()
		}
	})
	var outside []PerformanceForm
	var outsideWarns []Warning
	for _, b := range built {
		outside, outsideWarns = append(outside, b.forms...), append(outsideWarns, b.formWarns...)
	}
	for i := range ld.Tables {
		if i >= from && i < to {
			ld.Readings[i] = layout.Reading{Output: -1, Form: true}
		} else {
			addBuilt(doc, ld, i, &built[i])
		}
		built[i] = builtTable{}
	}
	for i := range ld.Readings {
		if r := &ld.Readings[i]; r.Output >= 0 {
			r.Kind = doc.Tables[r.Output].Kind
		}
	}
	doc.Document = documentInfo(ld, doc.Tables)
	for i := range doc.Tables {
		inferCodes(&doc.Tables[i], doc.Document.Year)
		markUnits(&doc.Tables[i])
	}
	for _, t := range doc.Tables {
		info, _ := Kind(t.Kind)
		switch info.Rows {
		case RowsEconomic:
			doc.EconomicRows = append(doc.EconomicRows, EconomicRows(t)...)
		case RowsProjects, RowsCarryover:
			doc.Projects = append(doc.Projects, Projects(t)...)
		}
	}
	doc.PerformanceForms = append(doc.PerformanceForms, forms...)
	doc.Warnings = append(doc.Warnings, formWarns...)
	doc.DepartmentTargets = targets
	doc.PerformanceForms = append(doc.PerformanceForms, outside...)
	doc.Warnings = append(doc.Warnings, outsideWarns...)
	return doc
}

// builtTable is what one layout table outside the forms' section is
// read as: buildTable's result, and the target tables found in it
// (outsideForm).
type builtTable struct {
	t         Table
	keys      []string
	warns     []Warning
	forms     []PerformanceForm
	formWarns []Warning
}

// addBuilt adds layout table i of ld, built, to doc: a table of its own,
// or the continuation of doc's last one.
func addBuilt(doc *Document, ld *layout.Document, i int, b *builtTable) {
	t, keys := b.t, b.keys
	doc.Warnings = append(doc.Warnings, b.warns...)
	ld.Readings[i] = layout.Reading{Output: len(doc.Tables), Keys: keys}
	if n := len(doc.Tables); n > 0 && continues(&doc.Tables[n-1], &t) {
		join(&doc.Tables[n-1], &t) // a continuation page the layout did not stitch
		ld.Readings[i].Output = n - 1
		return
	}
	doc.Tables = append(doc.Tables, t)
}

var (
	labelNumber = textutil.NewRegexp(`(\d+)`)
	labelHan    = textutil.NewRegexp(`[一二三四五六七八九十]+`)
)

// buildTable names one layout table's kind and columns and normalizes its
// cells. It returns the key each printed column went to, "" for none.
func buildTable(lt *layout.Table) (Table, []string, []Warning) {
	kind := TableKind(lt.Title)
	if kind == TableUnknown {
		kind = PerformanceKind(lt.Title)
	}
	if kind == TableUnknown && strings.TrimSpace(lt.Title) == "" {
		kind = HeaderKind(lt.HeaderLabels())
	}
	t := Table{
		Kind:  kind,
		Title: CleanText(lt.Title),
		Pages: append([]int{}, lt.Pages...),
		Empty: strings.Contains(lt.Note, "无数据") || strings.Contains(lt.Note, "空表"),
		Rows:  []Row{},
	}
	if t.Pages == nil {
		t.Pages = []int{}
	}
	if m := labelNumber.FindString(lt.Label); m != "" {
		n, _ := strconv.Atoi(m)
		t.Number = &n
	} else if n := textutil.HanNumber(labelHan.FindString(lt.Label)); n > 0 {
		t.Number = &n // 表十二
	}
	if d := CleanText(lt.Department); d != "" {
		t.Department = &d
	}
	if u := CleanText(lt.Unit); u != "" {
		t.Unit = &u
	}
	labels := lt.HeaderLabels()
	groups := codeGroups(labels)
	var merged []string
	for _, g := range groups {
		merged = append(merged, g.label)
	}
	keys := ColumnKeys(t.Kind, merged)
	colKeys := make([]string, lt.NCols)
	for i, g := range groups {
		t.Columns = append(t.Columns, Column{Key: keys[i], Label: CleanText(g.label)})
		for _, c := range g.cols {
			if c < len(colKeys) {
				colKeys[c] = keys[i]
			}
		}
	}
	var warns []Warning
	fill := groupColumns(groups, keys)
	upper := map[int]*[2]string{} // per 类 | 款 | 项 group: the 类 and 款 printed last
	for _, lr := range lt.Rows {
		texts := layout.RowTexts(lr, lt.NCols)
		if columnNumberRow(texts) {
			continue // ** 1 2 3 …: the printed column numbers are never data
		}
		fill.apply(lr, texts)
		for i, g := range groups {
			if len(g.cols) == 3 {
				if upper[i] == nil {
					upper[i] = &[2]string{}
				}
				fillCodeParts(texts, g.cols, upper[i])
			}
		}
		row := make(Row, 0, len(groups))
		blank := true
		for i, g := range groups {
			var room [4]string
			parts := room[:0] // the group's texts, on the stack for most groups
			for k, c := range g.cols {
				s := CleanText(texts[c])
				if s == "" {
					continue
				}
				if k > 0 && len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
					// 款 or 项 printed without its leading zero (301 | 2).
					warns = append(warns, Warning{Page: rowPage(lr), Code: "code_padded",
						Message: t.Title + ": subject code part " + strconv.Quote(s) + " after " + strconv.Quote(strings.Join(parts, "")) + " read as " + strconv.Quote("0"+s)})
					s = "0" + s
				}
				parts = append(parts, s)
			}
			text := strings.Join(parts, "")
			if len(g.cols) == 1 {
				text = strings.Join(parts, " ")
			}
			cell := Cell{Key: keys[i]}
			if text != "" {
				blank = false
				if IsAmountKey(keys[i]) {
					if v, ok := textutil.Amount(text); ok {
						cell.Value = v
					} else {
						cell.Value = &text
						warns = append(warns, Warning{Page: rowPage(lr), Code: "not_an_amount",
							Message: t.Title + ": " + keys[i] + " holds " + strconv.Quote(text)})
					}
				} else {
					cell.Value = &text
				}
			}
			row = append(row, cell)
		}
		if !blank {
			t.Rows = append(t.Rows, labelInName(row))
		}
	}
	unfoldRight(&t)
	resolveCodes(&t)
	return t, colKeys, warns
}

// unfoldRight stacks the right half of a table printed as two halves side by
// side (Shanghai's 基本支出决算表: 人员经费 codes on the left, 公用经费 on
// the right) under its left half, so every subject is one row.
func unfoldRight(t *Table) {
	right := map[string]string{} // right_ key → left key
	var left []Column
	for _, c := range t.Columns {
		if k, ok := strings.CutPrefix(c.Key, RightPrefix); ok {
			right[c.Key] = k
		} else {
			left = append(left, c)
		}
	}
	if len(right) == 0 || len(right) != len(left) {
		return
	}
	for _, k := range right {
		if !slices.ContainsFunc(left, func(c Column) bool { return c.Key == k }) {
			return
		}
	}
	var lrows, rrows []Row
	for _, r := range t.Rows {
		var l, rr Row
		lblank, rblank := true, true
		for _, c := range r {
			if k, ok := right[c.Key]; ok {
				rr = append(rr, Cell{Key: k, Value: c.Value})
				rblank = rblank && c.Value == nil
			} else {
				l = append(l, c)
				lblank = lblank && c.Value == nil
			}
		}
		if !lblank {
			lrows = append(lrows, l)
		}
		if !rblank {
			rrows = append(rrows, rr)
		}
	}
	t.Columns = left
	t.Rows = append(append([]Row{}, lrows...), rrows...)
}

// groupFill carries the text of a vertically merged group label (一般公共预算资金
// over three 项目名称 rows of Jiangsu's 收入预算总表) into the rows it spans,
// where the column beside it (sub_item) names the rows one by one.
type groupFill struct {
	cols  map[int]bool
	text  map[int]string
	until map[int]int // last row the merged cell covers
}

func groupColumns(groups []codeGroup, keys []string) groupFill {
	f := groupFill{cols: map[int]bool{}, text: map[int]string{}, until: map[int]int{}}
	if !slices.Contains(keys, KeySubItem) {
		return f
	}
	for i, g := range groups {
		if keys[i] == KeyItem && len(g.cols) == 1 {
			f.cols[g.cols[0]] = true
		}
	}
	return f
}

func (f groupFill) apply(row []layout.Cell, texts []string) {
	if len(f.cols) == 0 || len(row) == 0 {
		return
	}
	for _, c := range row {
		if f.cols[c.Col] && c.RowSpan > 1 {
			f.text[c.Col], f.until[c.Col] = c.Text, c.Row+c.RowSpan-1
		}
	}
	r := row[0].Row
	for col := range f.cols {
		if col < len(texts) && texts[col] == "" && f.text[col] != "" && r <= f.until[col] {
			texts[col] = f.text[col]
		}
	}
}

// labelInName moves a label printed across the code and name cells (合计
// over 科目编码 | 科目名称) from the code column, where the text lands when the
// merged cell starts there, to the name column.
func labelInName(row Row) Row {
	for i := range row {
		code, ok := strings.CutSuffix(row[i].Key, KeySubjectCode)
		if !ok || row[i].Value == nil || textutil.IsSubjectCode(*row[i].Value) {
			continue
		}
		for j := range row {
			if row[j].Key == code+KeySubjectName && row[j].Value == nil {
				row[j].Value, row[i].Value = row[i].Value, nil
			}
		}
	}
	return row
}

func rowPage(row []layout.Cell) int {
	for _, c := range row {
		if c.Page > 0 {
			return c.Page
		}
	}
	return 0
}

// fillCodeParts completes a code printed over 类 | 款 | 项 columns whose
// upper parts are printed only on the parent rows (205 on the 类 row, 08
// on the 款 rows under it, 03 on the 项 rows): the 类 and 款 printed last
// fill the blank upper columns of a row that prints a lower part.
func fillCodeParts(texts []string, cols []int, last *[2]string) {
	var p [3]string
	for k, c := range cols {
		if c < len(texts) {
			p[k] = strings.ReplaceAll(CleanText(texts[c]), " ", "")
		}
	}
	for _, x := range p {
		if x != "" && !isDigits(x) {
			return // 合计 printed across the code columns
		}
	}
	if p[0] != "" {
		last[0], last[1] = p[0], ""
	}
	if p[0] == "" && (p[1] != "" || p[2] != "") && last[0] != "" {
		texts[cols[0]] = last[0]
	}
	if p[1] == "" && p[2] != "" && last[1] != "" {
		texts[cols[1]] = last[1]
	}
	if p[1] != "" {
		last[1] = p[1]
	}
}

// codeGroup is one output column made of one or more printed columns: a
// subject code printed as 类 | 款 | 项 becomes one subject_code column.
type codeGroup struct {
	label string
	cols  []int
}

var splitCodePart = textutil.NewRegexp(`(^|/)(类|款|项)$`)

func codeGroups(labels []string) []codeGroup {
	var out []codeGroup
	for i := 0; i < len(labels); i++ {
		if loc := splitCodePart.FindStringIndex(labels[i]); loc != nil && i+1 < len(labels) && splitCodePart.MatchString(labels[i+1]) {
			parent := strings.TrimSuffix(labels[i][:loc[0]], "/")
			g := codeGroup{label: parent, cols: []int{i}}
			for i+1 < len(labels) && splitCodePart.MatchString(labels[i+1]) {
				i++
				g.cols = append(g.cols, i)
			}
			if g.label == "" {
				g.label = "科目编码"
			} else if !strings.Contains(g.label, "编码") && !strings.Contains(g.label, "代码") {
				g.label += "/科目编码"
			}
			out = append(out, g)
			continue
		}
		out = append(out, codeGroup{label: labels[i], cols: []int{i}})
	}
	return out
}

// EconomicRows draws the contract's economic_rows from a
// basic-expenditure-by-economic-classification table: the 合计 row is level
// total, a row without a government subject (or with a 3-digit code) a
// category, the rest items under the category above.
func EconomicRows(t Table) []EconomicRow {
	var out []EconomicRow
	var category *string
	for _, r := range t.Rows {
		name := r.Get(KeyDeptSubject)
		if name == nil {
			name = r.Get(KeySubjectName)
		}
		code := r.Get(KeySubjectCode)
		gov := r.Get(KeyGovSubject)
		if name == nil {
			continue
		}
		e := EconomicRow{DeptSubject: *name, GovSubject: gov, Total: r.Get(KeyTotal), Personnel: r.Get(KeyPersonnel), Public: r.Get(KeyPublic)}
		switch {
		case isTotalLabel(*name), panelTotal(*name):
			e.Level = LevelTotal
		case code != nil && len(*code) == 3, code == nil && gov == nil:
			e.Level = LevelCategory
			category = name
		default:
			e.Level = LevelItem
		}
		if e.Level != LevelTotal {
			e.Category = category
		}
		out = append(out, e)
	}
	return out
}

func isTotalLabel(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	switch s {
	case "合计", "总计", "部门合计", "本年支出合计", "支出合计":
		return true
	}
	return false
}

// panelTotal reports the total of one panel of an economic table printed as
// two panels (人员经费合计 under the personnel codes, 公用经费合计 under the
// public ones): a total, not a category.
func panelTotal(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	return s == "人员经费合计" || s == "公用经费合计"
}

// Projects draws the contract's projects from a project expenditure table.
func Projects(t Table) []Project {
	var out []Project
	info, _ := Kind(t.Kind)
	carry := info.Rows == RowsCarryover
	for _, r := range t.Rows {
		name := r.Get(KeyItem)
		if name == nil || isTotalLabel(*name) || textutil.IsAmount(*name) {
			continue
		}
		out = append(out, Project{
			Name: *name, Carryover: carry, Total: r.Get(KeyTotal),
			GeneralPublicBudget: r.Get(KeyGeneralPublicBudget), GovernmentFund: r.Get(KeyGovernmentFund),
			StateCapital: r.Get(KeyStateCapital), FiscalSpecialAccount: r.Get(KeyFiscalSpecialAccount),
			UnitFunds: r.Get(KeyUnitFunds), Unit: t.Unit,
		})
	}
	return out
}

// notDepartment matches cover and contents lines that name no body.
var notDepartment = textutil.NewRegexp(`^(第[一二三四五六七八九十]+部分|目\s*录|[一二三四五六七八九十]+、)|说明|概况|情况|公开$|印制$`)

// bodyLine is a cover line holding only the start of a body's name.
var bodyLine = textutil.NewRegexp(`^[^0-9预决算目录：:]{2,16}[委厅局部办会院处室省市区县]$`)

var yearRe = textutil.NewRegexp(`((?:19|20)\d\d)\s*年`)

// documentInfo reads department, year, kind and title from the cover (the
// first page's lines) and the tables.
func documentInfo(ld *layout.Document, tables []Table) DocumentInfo {
	var info DocumentInfo
	info.Kind = KindBudget
	var cover []string
	if len(ld.Pages) > 0 {
		for _, l := range ld.Pages[0].Lines {
			if s := CleanText(l.Text); s != "" {
				cover = append(cover, s)
			}
		}
	}
	for i, s := range cover {
		compact := strings.ReplaceAll(s, " ", "")
		if info.Title == "" && (strings.Contains(compact, "预算") || strings.Contains(compact, "决算")) && len([]rune(compact)) <= 40 {
			info.Title = compact
			// A title wrapped over two cover lines (…2018年度部门 / 预算公开,
			// 江苏省2018年度 / 省级部门预算公开报表), or three when the body's
			// name wraps too (中共上海市普陀区委 / 社会工作部2024年度 / 部门决算).
			if prev := strings.ReplaceAll(cover[max(i-1, 0)], " ", ""); i > 0 && len([]rune(compact)) <= 16 && yearRe.MatchString(prev) && len([]rune(prev)) <= 32 && !strings.Contains(prev, "预算") && !strings.Contains(prev, "决算") {
				info.Title = prev + compact
				if pp := strings.ReplaceAll(cover[max(i-2, 0)], " ", ""); i > 1 && bodyLine.MatchString(pp) {
					info.Title = pp + info.Title
				}
			}
		}
	}
	for _, t := range tables {
		if info.Department == "" && t.Department != nil {
			info.Department = *t.Department
		}
	}
	// Without a 部门名称 line: the name before the year in the title
	// (江苏省委办公厅2017年度部门预算), else a cover line that names a body.
	if info.Department == "" {
		if loc := yearRe.FindStringIndex(info.Title); loc != nil && len([]rune(info.Title[:loc[0]])) >= 4 {
			info.Department = info.Title[:loc[0]]
		}
	}
	if info.Department == "" {
		for _, s := range cover {
			compact := strings.ReplaceAll(s, " ", "")
			if !strings.Contains(info.Title, compact) && !strings.Contains(compact, "预算") && !strings.Contains(compact, "决算") &&
				!strings.ContainsAny(compact, "0123456789") && !notDepartment.MatchString(compact) &&
				len([]rune(compact)) >= 4 && len([]rune(compact)) <= 40 {
				info.Department = compact
				break
			}
		}
	}
	texts := append(append([]string{}, cover...), info.Title)
	for _, t := range tables {
		texts = append(texts, t.Title)
	}
	for _, s := range texts {
		if m := yearRe.FindStringSubmatch(s); m != nil && info.Year == 0 {
			info.Year, _ = strconv.Atoi(m[1])
		}
	}
	finals := 0
	for _, t := range tables {
		if strings.HasSuffix(t.Kind, FinalSuffix) {
			finals++
		}
	}
	if strings.Contains(info.Title, "决算") || (finals > 0 && finals*2 >= len(tables)) {
		info.Kind = KindFinalAccount
	}
	return info
}
