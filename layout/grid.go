package layout

import (
	"slices"
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// gcell is a cell while its grid is being built.
type gcell struct {
	Cell
	textBox Box // where the text is printed, when known
}

// grid is a table's cells before they are split into header and body rows.
// Cells are kept in row-major order of their starting positions.
type grid struct {
	nrows, ncols int
	cells        []gcell
	colX         []float64 // column boundaries (ncols+1) when known
}

// texts returns the grid as rows of texts, each cell's text at its starting
// position.
func (g *grid) texts() [][]string {
	out := make([][]string, g.nrows)
	for r := range out {
		out[r] = make([]string, g.ncols)
	}
	for _, c := range g.cells {
		out[c.Row][c.Col] = c.Text
	}
	return out
}

// rowText joins the non-empty texts of row r.
func (g *grid) rowText(r int) string {
	var parts []string
	for _, c := range g.cells {
		if c.Row == r && c.Text != "" {
			parts = append(parts, c.Text)
		}
	}
	return strings.Join(parts, " ")
}

// rowCells returns the number of non-empty cells starting in row r.
func (g *grid) rowCells(r int) int {
	n := 0
	for _, c := range g.cells {
		if c.Row == r && c.Text != "" {
			n++
		}
	}
	return n
}

// dropRow removes row r: cells starting there go, cells spanning over it
// shrink, rows below move up.
func (g *grid) dropRow(r int) {
	out := g.cells[:0]
	for _, c := range g.cells {
		switch {
		case c.Row == r && c.RowSpan <= 1:
			continue
		case c.Row == r:
			c.RowSpan--
		case c.Row < r && c.Row+c.RowSpan > r:
			c.RowSpan--
		case c.Row > r:
			c.Row--
		}
		out = append(out, c)
	}
	g.cells = out
	g.nrows--
}

// dropCol removes column k the same way.
func (g *grid) dropCol(k int) {
	out := g.cells[:0]
	for _, c := range g.cells {
		switch {
		case c.Col == k && c.ColSpan <= 1:
			continue
		case c.Col == k:
			c.ColSpan--
		case c.Col < k && c.Col+c.ColSpan > k:
			c.ColSpan--
		case c.Col > k:
			c.Col--
		}
		out = append(out, c)
	}
	g.cells = out
	g.ncols--
	if len(g.colX) > k+1 {
		g.colX = append(g.colX[:k+1], g.colX[k+2:]...)
	}
}

// compact drops rows without any text and empty columns narrower than
// minWidth (slivers between nearly coincident rules).
func (g *grid) compact(minWidth float64) {
	for r := g.nrows - 1; r >= 0; r-- {
		if g.rowCells(r) == 0 {
			g.dropRow(r)
		}
	}
	for k := g.ncols - 1; k >= 0; k-- {
		used, width := false, 0.0
		for _, c := range g.cells {
			if c.Col == k && c.Text != "" {
				used = true
			}
		}
		if len(g.colX) > k+1 {
			width = g.colX[k+1] - g.colX[k]
		}
		if !used && (width < minWidth || len(g.colX) <= k+1) {
			g.dropCol(k)
		}
	}
	g.sortCells()
}

func (g *grid) sortCells() {
	cs := g.cells
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && less(cs[j], cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func less(a, b gcell) bool {
	if a.Row != b.Row {
		return a.Row < b.Row
	}
	return a.Col < b.Col
}

// meta is what the lines around a table say about it.
type meta struct {
	title, label, dept, unit, note string
}

// takeMeta reads metadata from a piece of text: a label, a department, a
// unit or a title. It reports whether the text was metadata.
func (m *meta) take(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	ok := false
	if isYearLine(textutil.Squeeze(s)) {
		return true // a year under the title: （2023年度）
	}
	if isLabelLine(s) {
		if m.label == "" {
			m.label = textutil.Squeeze(s)
		}
		return true
	}
	if d, found := department(s); found {
		if m.dept == "" {
			m.dept = d
		}
		ok = true
	}
	if u, found := unit(s); found {
		if m.unit == "" {
			m.unit = u
		}
		ok = true
	}
	if ok {
		return true
	}
	if isNoteLine(s) {
		if m.note == "" {
			m.note = s
		}
		return true
	}
	if isTitleLine(s) {
		if m.title == "" {
			m.title = textutil.Squeeze(s)
		}
		return true
	}
	return false
}

// peelMeta moves leading rows of the grid that hold one piece of metadata
// (a title, label, department or unit printed inside the table's frame) and
// trailing note rows into m.
func (g *grid) peelMeta(m *meta) {
	for g.nrows > 0 {
		n := g.rowCells(0)
		if n == 0 {
			g.dropRow(0)
			continue
		}
		if !g.metaRow(0, m) {
			break
		}
		g.dropRow(0)
	}
	for g.nrows > 0 {
		r := g.nrows - 1
		if g.rowCells(r) == 0 {
			g.dropRow(r)
			continue
		}
		if !isNoteLine(g.rowText(r)) || g.rowCells(r) != 1 {
			break
		}
		if m.note == "" {
			m.note = strings.TrimSpace(g.rowText(r))
		}
		g.dropRow(r)
	}
}

// metaRow reports whether every non-empty cell of row r is metadata, and
// records it.
func (g *grid) metaRow(r int, m *meta) bool {
	var texts []string
	for _, c := range g.cells {
		if c.Row == r && c.Text != "" {
			texts = append(texts, c.Text)
		}
	}
	trial := *m
	for _, t := range texts {
		if !trial.take(t) {
			return false
		}
	}
	if len(texts) > 1 && trial.title != m.title {
		return false // a title shares its row with nothing
	}
	*m = trial
	return true
}

// headerRows returns how many leading rows are header: the rows above the
// first row that holds data (an amount, a subject code, a total label).
// When no row holds data, every row is header.
//
// Two more signs end the header: an index row (1 2 3 …) is its last row,
// and a row with text in its first column only, under a header row with
// labels over the amount columns, is a body row left blank (因公出国（境）费).
func (g *grid) headerRows() int {
	rows := g.texts()
	for r, row := range rows {
		if isDataRow(row) {
			return r
		}
		if r > 0 && textutil.IsIndexRow(rows[r-1]) {
			return r
		}
		if r > 0 && firstOnly(row) && labelsFrom(rows[r-1], 2) && filled(rows[r-1]) >= 2 {
			return r
		}
	}
	return g.nrows
}

// firstOnly reports whether only the first text of row is non-empty.
func firstOnly(row []string) bool {
	if len(row) < 2 || row[0] == "" {
		return false
	}
	for _, t := range row[1:] {
		if t != "" {
			return false
		}
	}
	return true
}

func filled(row []string) int {
	n := 0
	for _, t := range row {
		if t != "" {
			n++
		}
	}
	return n
}

// labelsFrom reports whether row has text in some column ≥ k.
func labelsFrom(row []string, k int) bool {
	for i := k; i < len(row); i++ {
		if row[i] != "" {
			return true
		}
	}
	return false
}

// headerCount is headerRows, except that a performance form (…绩效目标…)
// has no header: all its rows are body rows for the forms stage.
func (g *grid) headerCount(m meta) int {
	if strings.Contains(m.title, "绩效目标") {
		return 0
	}
	return g.headerRows()
}

// table splits the grid into header and body rows.
func (g *grid) table(m meta, ruled bool, box Box, page int) Table {
	g.sortCells()
	h := g.headerCount(m)
	t := Table{
		Title: m.title, Label: m.label, Department: m.dept, Unit: m.unit, Note: m.note,
		NCols: g.ncols, Ruled: ruled, Box: box,
	}
	if page > 0 {
		t.Pages = []int{page}
	}
	// The rows are pieces of one slice of the cells, in their order.
	starts := make([]int, g.nrows+1)
	for _, c := range g.cells {
		starts[c.Row+1]++
	}
	for r := range g.nrows {
		starts[r+1] += starts[r]
	}
	all := make([]Cell, len(g.cells))
	next := slices.Clone(starts[:g.nrows])
	for _, c := range g.cells {
		all[next[c.Row]] = c.Cell
		next[c.Row]++
	}
	rows := make([][]Cell, g.nrows)
	for r := range rows {
		if starts[r] < starts[r+1] {
			rows[r] = all[starts[r]:starts[r+1]:starts[r+1]]
		}
	}
	t.Header, t.Rows = rows[:h:h], rows[h:]
	t.colX = g.colX
	return t
}
