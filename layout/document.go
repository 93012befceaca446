package layout

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// colTol is how far (in points) column boundaries of a continuation page
// may be from the table's own.
const colTol = 4.0

// FromPages is the whole layout stage: words, lines and tables of every
// page, with a table that runs onto the next page joined into one. A panic
// in a page's layout is recovered: the page's lines are kept as narrative
// and a layout_error warning names the page.
//
// A table label (公开02表) printed last on a page with no table under it
// goes to the first table of the next page when that has none.
func FromPages(pages []*extract.Page) *Document {
	d := &Document{}
	label := ""
	open := false // the last table so far may continue on the next page
	for _, p := range pages {
		if p == nil {
			continue
		}
		up, tables, narrative, err := pageLayout(p)
		if err != nil {
			d.Warnings = append(d.Warnings, Warning{Page: p.Number, Code: "layout_error", Message: err.Error()})
		}
		if len(tables) > 0 && tables[0].Label == "" && label != "" {
			tables[0].Label = label
		}
		label = strayLabel(tables, narrative)
		d.Pages = append(d.Pages, PageText{Number: p.Number, Width: up.Width, Height: up.Height, Lines: narrative})
		for i, t := range tables {
			d.addTable(t, narrative, i == 0 && open)
		}
		open = endsPage(tables, narrative, up.Height)
	}
	return d
}

// endsPage reports whether the page's last table runs to the foot of the
// page: no text under it but a page number or a running footer (the
// bottom twelfth of a page of the given height), no note closing it.
func endsPage(tables []Table, narrative []Line, height float64) bool {
	n := len(tables)
	if n == 0 || tables[n-1].Note != "" {
		return false
	}
	bottom := tables[n-1].Box.Y1
	for _, l := range narrative {
		footer := height > 0 && l.Box.Y0 > height*11/12
		if l.Box.Y0 >= bottom && !footer && !isPageNumber(textutil.Squeeze(l.Text)) {
			return false
		}
	}
	return true
}

// strayLabel returns the label line that ends a page's text below its last
// table, if any; page numbers under it do not count.
func strayLabel(tables []Table, narrative []Line) string {
	bottom := 0.0
	if n := len(tables); n > 0 {
		bottom = tables[n-1].Box.Y1
	}
	for i := len(narrative) - 1; i >= 0; i-- {
		l := narrative[i]
		if l.Box.Y0 < bottom {
			return ""
		}
		t := textutil.Squeeze(l.Text)
		if isLabelLine(t) {
			return t
		}
		if !isPageNumber(t) {
			return ""
		}
	}
	return ""
}

// isPageNumber reports whether s is a page number line: 3, -3-, 第3页.
func isPageNumber(s string) bool {
	s = strings.Trim(s, "-—–第页 ")
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// pageLayout runs the page's steps on the page turned upright (returned),
// recovering a panic as a page without tables.
func pageLayout(p *extract.Page) (up *extract.Page, tables []Table, narrative []Line, err error) {
	up = p
	var lines []Line
	defer func() {
		if e := recover(); e != nil {
			tables, narrative, err = nil, lines, fmt.Errorf("layout: page %d: %v", p.Number, e)
		}
	}()
	up, _ = upright(p)
	lines = Lines(Words(up))
	tables, narrative = findTables(up, lines)
	return up, tables, narrative, nil
}

// addTable appends t, or joins it to the previous table when t continues
// it: t is the first table on the page right after the previous table's
// last page, where that table ran to the foot of the page (open), its
// columns match, and either it has no title or label of its own and no
// narrative line above it looks like a title, or it repeats the previous
// table's title (print titles).
func (d *Document) addTable(t Table, narrative []Line, open bool) {
	n := len(d.Tables)
	if n == 0 || len(t.Pages) == 0 || !open {
		d.Tables = append(d.Tables, t)
		return
	}
	prev := &d.Tables[n-1]
	page := t.Pages[0]
	if len(prev.Pages) == 0 || prev.Pages[len(prev.Pages)-1] != page-1 || !sameColumns(prev, &t) {
		d.Tables = append(d.Tables, t)
		return
	}
	repeated := t.Title != "" && baseTitle(t.Title) == baseTitle(prev.Title) && (t.Label == "" || t.Label == prev.Label)
	if !repeated && (t.Title != "" || t.Label != "") {
		d.Tables = append(d.Tables, t)
		return
	}
	if !repeated {
		for _, l := range narrative {
			if l.Box.Y1 <= t.Box.Y0 && isTitleLine(l.Text) {
				d.Tables = append(d.Tables, t)
				return
			}
		}
	}
	prev.continueWith(t)
}

// baseTitle is a title without the 续 (continued) mark a continuation page
// may add: 2023年预算支出总表（续）.
func baseTitle(s string) string {
	for _, suffix := range []string{"（续表）", "(续表)", "（续）", "(续)", "续表", "续"} {
		if strings.HasSuffix(s, suffix) {
			return strings.TrimSuffix(s, suffix)
		}
	}
	return s
}

// sameColumns reports whether two tables have the same column structure:
// the same number of columns, or column boundaries of b that are all
// boundaries of a (within colTol), as when a continuation page holds only
// a total row whose label spans the code columns.
func sameColumns(a, b *Table) bool {
	if a.NCols == b.NCols {
		return true
	}
	_, ok := mapColumns(b.colX, a.colX)
	return ok
}

// mapColumns maps each boundary of from onto the index of the same boundary
// in to.
func mapColumns(from, to []float64) ([]int, bool) {
	if len(from) < 2 || len(to) < len(from) {
		return nil, false
	}
	idx := make([]int, len(from))
	k := 0
	for i, x := range from {
		for k < len(to) && to[k] < x-colTol {
			k++
		}
		if k == len(to) || abs(to[k]-x) > colTol {
			return nil, false
		}
		idx[i] = k
	}
	return idx, true
}

// remap moves the cells of c onto the columns of t when c has fewer,
// coarser columns.
func remap(rows [][]Cell, idx []int) {
	for _, row := range rows {
		for i := range row {
			c := &row[i]
			end := c.Col + max(c.ColSpan, 1)
			if c.Col < len(idx) && end < len(idx) {
				c.Col, c.ColSpan = idx[c.Col], idx[end]-idx[c.Col]
			}
		}
	}
}

// continueWith appends the continuation c: its leading rows that repeat
// the table's header rows (print titles) are dropped, all others are body
// rows following the table's.
func (t *Table) continueWith(c Table) {
	if c.NCols != t.NCols {
		if idx, ok := mapColumns(c.colX, t.colX); ok {
			remap(c.Header, idx)
			remap(c.Rows, idx)
			c.NCols = t.NCols
			c.colX = t.colX
		}
	}
	rows := append(append([][]Cell(nil), c.Header...), c.Rows...)
	rows = rows[repeatedHeader(t, rows):]
	base := len(t.Header) + len(t.Rows)
	first := -1
	if len(rows) > 0 && len(rows[0]) > 0 {
		first = rows[0][0].Row
	}
	for _, row := range rows {
		out := make([]Cell, len(row))
		for i, cell := range row {
			cell.Row = base + cell.Row - first
			out[i] = cell
		}
		t.Rows = append(t.Rows, out)
	}
	t.Pages = append(t.Pages, c.Pages...)
	if c.Note != "" && t.Note == "" {
		t.Note = c.Note
	}
	if t.Unit == "" {
		t.Unit = c.Unit
	}
	if t.Department == "" {
		t.Department = c.Department
	}
	t.colX = c.colX
}

// repeatedHeader returns how many leading rows repeat header rows of t.
func repeatedHeader(t *Table, rows [][]Cell) int {
	if len(t.Header) == 0 {
		return 0
	}
	own := map[string]bool{}
	for _, row := range t.Header {
		own[rowKey(row, t.NCols)] = true
	}
	n := 0
	for n < len(rows) && own[rowKey(rows[n], t.NCols)] {
		n++
	}
	return n
}

func rowKey(row []Cell, n int) string {
	var b []byte
	for _, s := range RowTexts(row, n) {
		b = append(b, textutil.Squeeze(s)...)
		b = append(b, '|')
	}
	return string(b)
}
