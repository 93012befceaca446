package schema

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// FormCell is one printed cell of the performance-form section: its text,
// its grid column and, for PDFs, its horizontal extent (zero for text dumps).
type FormCell struct {
	Text   string
	Col    int
	X0, X1 float64
	// Row and RowSpan place the cell in its table's grid (a merged cell
	// spans rows); zero RowSpan means one row.
	Row, RowSpan int
}

// FormRow is one printed row of the performance-form section, cells left to
// right, with the page it is printed on. Block counts the blocks the section
// comes in (pages of a PDF, tables of a text dump): a repeated print-title
// block can only start a block.
type FormRow struct {
	Page  int
	Block int
	Cells []FormCell
	// Table counts the layout tables of the section (1-based); Unit is the
	// table's 单位 line (万元, 元) and Title its title.
	Table int
	Unit  string
	Title string
}

func squeezeLabel(s string) string {
	s = textutil.NFKC(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', ':', '：', '\t':
			return -1
		}
		return r
	}, s)
}

// fieldLabel returns the index in formFields of a label cell, or -1.
func fieldLabel(s string) int {
	s = squeezeLabel(s)
	if len([]rune(s)) > 16 {
		return -1
	}
	for i, f := range formFields {
		if strings.HasPrefix(s, f.label) || (len([]rune(f.label)) >= 3 && strings.Contains(s, f.label)) {
			return i
		}
	}
	return -1
}

// rowTexts returns the row's non-empty cell texts (cleaned by Forms).
func rowTexts(r FormRow) []string {
	out := make([]string, 0, len(r.Cells))
	for _, c := range r.Cells {
		if c.Text != "" {
			out = append(out, c.Text)
		}
	}
	return out
}

func first(r FormRow) string {
	if t := rowTexts(r); len(t) > 0 {
		return squeezeLabel(t[0])
	}
	return ""
}

func isProjectRow(r FormRow) bool { return first(r) == "项目名称" }

func isIndicatorHeader(r FormRow) bool {
	if isFlatGridHeader(r) {
		return true
	}
	n := 0
	for _, t := range rowTexts(r) {
		l := squeezeLabel(t)
		if indicatorLevel(l) != "" {
			n++
		}
	}
	return n >= 2
}

// indicatorLevel is the level column a header label heads (level1, level2,
// level3), or "".
func indicatorLevel(l string) string {
	for _, e := range indicatorLevelLabels {
		if strings.HasPrefix(l, e.label) {
			return e.kind
		}
	}
	return ""
}

func sameRow(a, b FormRow) bool {
	if isIndicatorHeader(a) && isIndicatorHeader(b) {
		return true // the repeated header may print fewer columns
	}
	ta, tb := rowTexts(a), rowTexts(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		x, y := squeezeLabel(ta[i]), squeezeLabel(tb[i])
		// A merged cell that crosses the page break can print its text into
		// the repeated block's cell ("绩效指标项目资金（元）"): containment counts.
		if x != y && !(i > 0 && x != "" && y != "" && (strings.Contains(x, y) || strings.Contains(y, x))) && !(i == 0 && len(ta) > 1 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x))) {
			return false
		}
	}
	return true
}

// Forms reads the performance forms from the rows of the form section: one
// form per 项目名称 row, the print-title block that repeats the first form's
// header rows at the top of later blocks dropped (its column geometry kept
// for the rows under it), each block's rows stitched onto the form they
// continue. Warnings name the page.
func Forms(rows []FormRow) ([]PerformanceForm, []Warning) {
	rows = cleanRows(rows)
	// Tables whose column header puts the project beside the indicators are
	// long tables; the rest are header forms.
	long := map[int]bool{}
	for _, r := range rows {
		if isTargetTableHeader(r) {
			long[r.Table] = true
		}
	}
	if len(long) == 0 {
		return headerForms(rows)
	}
	var lr, hr []FormRow
	for _, r := range rows {
		if long[r.Table] {
			lr = append(lr, r)
		} else {
			hr = append(hr, r)
		}
	}
	forms, warns := longForms(lr)
	hf, hw := headerForms(hr)
	return append(forms, hf...), append(warns, hw...)
}

// headerForms reads forms with a header block, one per 项目名称 row.
func headerForms(rows []FormRow) ([]PerformanceForm, []Warning) {
	start := -1
	for i, r := range rows {
		if isProjectRow(r) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, nil
	}
	// The first form's header block: its 项目名称 row down to its indicator header.
	// It ends at the indicator header, or, where the header is printed
	// above the form (a <thead>), at the goals row.
	var head []FormRow
	for k := start; k < len(rows); k++ {
		head = append(head, rows[k])
		if isIndicatorHeader(rows[k]) {
			break
		}
		if goalsHeader(rowTexts(rows[k])) && k+1 < len(rows) {
			head = append(head, rows[k+1])
			if k+2 < len(rows) && isIndicatorHeader(rows[k+2]) {
				head = append(head, rows[k+2])
			}
			break
		}
	}
	p := &formParser{}
	for _, r := range rows[:start] {
		if isIndicatorHeader(r) {
			p.header(r)
		}
	}
	for i := start; i < len(rows); i++ {
		r := rows[i]
		if i > start && isProjectRow(r) {
			if n := repeated(rows[i:], head); n > 0 {
				// Keep the block's indicator header geometry: it heads the rows below.
				if ih := rows[i+n-1]; isIndicatorHeader(ih) {
					p.header(ih)
					p.inHead = false // the page's rows continue the grid
				}
				i += n - 1
				continue
			}
		}
		p.row(r)
	}
	p.finish()
	return p.forms, p.warns
}

// repeated returns how many rows at the start of rows repeat the header
// block head, or 0 when they do not. Text dumps and page breaks garble the
// copy a little: a row may be cut short or wrapped into an extra row, so up to
// two rows on either side may go unmatched. The block counts when all of head
// but one row is found, or when the block ends after at least three matches.
func repeated(rows []FormRow, head []FormRow) int {
	i, j, matched, misses := 0, 0, 0, 0
	for j < len(head) && i < len(rows) && rows[i].Block == rows[0].Block {
		switch {
		case similarRow(rows[i], head[j]):
			i, j, matched = i+1, j+1, matched+1
			continue
		case misses >= 2:
		case j+1 < len(head) && similarRow(rows[i], head[j+1]): // a row of head missing
			j, misses = j+1, misses+1
			continue
		case i+1 < len(rows) && similarRow(rows[i+1], head[j]): // an extra row
			i, misses = i+1, misses+1
			continue
		}
		break
	}
	blockEnd := i == len(rows) || rows[i].Block != rows[0].Block
	if matched >= len(head)-1 || (matched >= 3 && blockEnd) {
		return i
	}
	return 0
}

// similarRow is sameRow, or the same text once the cells are joined, one
// side possibly cut short.
func similarRow(a, b FormRow) bool {
	if sameRow(a, b) {
		return true
	}
	x, y := squeezeLabel(strings.Join(rowTexts(a), "")), squeezeLabel(strings.Join(rowTexts(b), ""))
	if len(x) > len(y) {
		x, y = y, x
	}
	return x != "" && strings.HasPrefix(y, x) && len(x)*10 >= len(y)*6
}

// cleanRows returns a copy of rows with their cell texts cleaned.
func cleanRows(rows []FormRow) []FormRow {
	rows = append([]FormRow(nil), rows...)
	for i := range rows {
		cells := make([]FormCell, len(rows[i].Cells))
		for j, c := range rows[i].Cells {
			c.Text = CleanText(c.Text)
			cells[j] = c
		}
		rows[i].Cells = cells
	}
	return rows
}
