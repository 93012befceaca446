package layout

import (
	"fmt"
	"slices"
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
//
// The Document keeps the record of every page (Record): its words, lines
// and tables as found, each naming the table of Tables it became.
func FromPages(pages []*extract.Page) *Document { return defaults.FromPages(pages) }

// FromPages is the package's FromPages with the tolerances ps.
func (ps *Params) FromPages(pages []*extract.Page) *Document {
	pls := make([]*PageLayout, 0, len(pages))
	for _, p := range pages {
		if p != nil {
			pls = append(pls, ps.LayoutPage(p))
		}
	}
	return ps.Join(pls)
}

// PageLayout is one page laid out on its own (LayoutPage): its record,
// tables and narrative lines before tables are joined across pages (Join).
// It keeps nothing of the page's glyphs.
type PageLayout struct {
	Number    int
	rec       PageRecord
	tables    []Table
	narrative []Line
	err       error
	compacted bool // Compact: the tables' cells are packed, and stay packed through Join
}

// DropRecord lets go of what the page's record keeps only to be drawn (for
// inspect and review) when nothing will draw the page: its words, its
// lines, and its grids' cells and column boundaries (a copy of every table
// cell's text and box). The grids themselves stay, so Join still names the
// table each became.
func (pl *PageLayout) DropRecord() {
	pl.rec.Words, pl.rec.Lines = nil, nil
	for i := range pl.rec.Grids {
		pl.rec.Grids[i].Cells, pl.rec.Grids[i].ColX = nil, nil
	}
}

// Compact keeps of the page's tables and narrative lines only what Join
// and the stages after it read (a long document keeps every page's tables
// until the schema stage): the cells of each table packed as bytes, which
// the collector need not scan (see Table.Unpack), and the narrative lines
// without their words (their text and box stay). Join of compacted pages
// keeps the document's tables packed. A page whose lines will be drawn
// keeps its words: call it only with DropRecord.
func (pl *PageLayout) Compact() {
	for i := range pl.tables {
		t := &pl.tables[i]
		t.pack()
		t.Pages, t.colX = slices.Clip(t.Pages), slices.Clip(t.colX)
	}
	pl.tables = slices.Clip(pl.tables)
	pl.compacted = true
	lines := make([]Line, len(pl.narrative))
	for i, l := range pl.narrative {
		lines[i] = Line{Box: l.Box, Text: l.Text}
	}
	pl.narrative = lines
}

// LayoutPage lays out one page with the package's tolerances.
func LayoutPage(p *extract.Page) *PageLayout { return defaults.LayoutPage(p) }

// LayoutPage lays out one page. It only reads p and ps, so pages may be
// laid out concurrently; FromPages is Join of LayoutPage of each page.
func (ps *Params) LayoutPage(p *extract.Page) *PageLayout {
	rec, tables, narrative, err := ps.pageLayout(p, nil)
	return &PageLayout{Number: p.Number, rec: rec, tables: tables, narrative: narrative, err: err}
}

// LayoutPageCompact is LayoutPage, DropRecord and Compact in one, for a
// page nothing will draw: the same page layout, without ever making what
// DropRecord lets go of (the record's words, a copy of every word for
// the lines, the grids' cells: 5,000 national pages, 127 of 870 MB
// allocated).
func LayoutPageCompact(p *extract.Page) *PageLayout { return defaults.LayoutPageCompact(p) }

// LayoutPageCompact is the package's LayoutPageCompact with the
// tolerances ps.
func (ps *Params) LayoutPageCompact(p *extract.Page) *PageLayout {
	words := wordArrays.Get().(*[]Word)
	rec, tables, narrative, err := ps.pageLayout(p, words)
	pl := &PageLayout{Number: p.Number, rec: rec, tables: tables, narrative: narrative, err: err}
	pl.DropRecord()
	pl.Compact() // the last reader of the words
	clear((*words)[:cap(*words)])
	wordArrays.Put(words)
	return pl
}

// Join is Join with the package's tolerances.
func Join(pls []*PageLayout) *Document { return defaults.Join(pls) }

// Join is the document of laid-out pages, in page order: a table that runs
// onto the next page joined into one, stray labels given to the next
// page's table (see FromPages). It consumes pls: the document's tables are
// made of their tables and cells, changed in place. The tables of
// compacted pages (Compact) stay packed: a table continued over pages is
// unpacked to be joined and packed again once the next table begins.
func (ps *Params) Join(pls []*PageLayout) *Document {
	j := ps.NewJoiner()
	for _, pl := range pls {
		j.Add(pl)
	}
	return j.Document()
}

// A Joiner is Join a page at a time: Add each page in page order as it is
// laid out (the pipeline joins pages while later ones are still being
// read), then Document. Add consumes the page as Join does: the page keeps
// only its number after.
type Joiner struct {
	ps        *Params
	d         *Document
	label     string // the stray label at the foot of the last page
	open      bool   // the last table so far may continue on the next page
	compacted bool   // the last page was compacted
}

// NewJoiner is a Joiner with the default parameters.
func NewJoiner() *Joiner { return defaults.NewJoiner() }

// NewJoiner is a Joiner with ps's parameters.
func (ps *Params) NewJoiner() *Joiner { return &Joiner{ps: ps, d: &Document{}} }

// Add joins the next page (nil: none).
func (j *Joiner) Add(pl *PageLayout) {
	if pl == nil {
		return
	}
	d := j.d
	rec, tables, narrative := pl.rec, pl.tables, pl.narrative
	if pl.err != nil {
		d.Warnings = append(d.Warnings, Warning{Page: pl.Number, Code: "layout_error", Message: pl.err.Error()})
	}
	if len(tables) > 0 && tables[0].Label == "" && j.label != "" {
		tables[0].Label = j.label
	}
	j.label = strayLabel(tables, narrative)
	w, h := rec.UprightSize()
	d.Pages = append(d.Pages, PageText{Number: pl.Number, Width: w, Height: h, Lines: narrative})
	for i, t := range tables {
		rec.Grids[i].Table, rec.Grids[i].Continues = j.ps.addTable(d, t, narrative, i == 0 && j.open, pl.compacted)
	}
	d.Record = append(d.Record, rec)
	j.open = j.ps.endsPage(tables, narrative, h)
	j.compacted = pl.compacted
	// What the document took is its own now; the page lets go of its copy
	// (of a table joined to the one before, its cells, packed, of which
	// the document made another table): a page the caller still holds,
	// in the results of a read not yet finished, holds nothing twice.
	pl.rec, pl.tables, pl.narrative = PageRecord{}, nil, nil
}

// Take is Add of a page's layout as extract.ReadPagesTake hands it over:
// the Joiner is the pipeline's extract.Taker.
func (j *Joiner) Take(_ *extract.Page, pl *PageLayout) { j.Add(pl) }

// Restart forgets the pages added, to join them again from the first.
func (j *Joiner) Restart() { *j = *j.ps.NewJoiner() }

// Document is the document of the pages added; the Joiner is done.
func (j *Joiner) Document() *Document {
	d := j.d
	if n := len(d.Tables); n > 0 && j.compacted {
		d.Tables[n-1].pack() // the last table, when continued (addTable packs the others)
	}
	j.d = nil
	return d
}

// endsPage reports whether the page's last table runs to the foot of the
// page: no text under it but a page number or a running footer (the
// bottom 1/FooterShare of a page of the given height), no note closing it.
func (ps *Params) endsPage(tables []Table, narrative []Line, height float64) bool {
	n := len(tables)
	if n == 0 || tables[n-1].Note != "" {
		return false
	}
	bottom := tables[n-1].Box.Y1
	for _, l := range narrative {
		footer := height > 0 && l.Box.Y0 > height*float64(ps.FooterShare-1)/float64(ps.FooterShare)
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

// pageLayout runs the page's steps on the page turned upright, recovering
// a panic as a page without tables. The record holds what each step found;
// its grids do not yet name the tables of the document they become. A
// record that will not be drawn (words non-nil: the array to make the
// page's words in) has no words and grids without cells.
func (ps *Params) pageLayout(p *extract.Page, words *[]Word) (rec PageRecord, tables []Table, narrative []Line, err error) {
	draw := words == nil
	rec = PageRecord{Number: p.Number, Width: p.Width, Height: p.Height, FontSize: fontSize(p.Glyphs)}
	defer func() {
		if e := recover(); e != nil {
			rec.Grids = nil
			tables, narrative, err = nil, rec.Lines, fmt.Errorf("layout: page %d: %v", p.Number, e)
		}
	}()
	up := ps.readPage(p, &rec, words)
	tables, narrative = ps.findTables(up, rec.Lines)
	rec.Grids = make([]GridDebug, len(tables))
	for i := range tables {
		if draw {
			rec.Grids[i] = gridOf(&tables[i])
		} else {
			rec.Grids[i] = GridDebug{Title: tables[i].Title, Ruled: tables[i].Ruled, Box: tables[i].Box}
		}
	}
	return rec, tables, narrative, nil
}

// addTable appends t to d.Tables, or joins it to the previous table when
// t continues it: t is the first table on the page right after the
// previous table's last page, where that table ran to the foot of the page
// (open), its columns match, and either it has no title or label of its
// own and no narrative line above it looks like a title, or it repeats the
// previous table's title (print titles). It returns the index of the table
// t became (part of), and whether it was joined to one.
func (ps *Params) addTable(d *Document, t Table, narrative []Line, open, compacted bool) (int, bool) {
	n := len(d.Tables)
	add := func() (int, bool) {
		if compacted && n > 0 {
			d.Tables[n-1].pack() // joined from compacted pages: done with
		}
		d.Tables = append(d.Tables, t)
		return n, false
	}
	if n == 0 || len(t.Pages) == 0 || !open {
		return add()
	}
	prev := &d.Tables[n-1]
	page := t.Pages[0]
	if len(prev.Pages) == 0 || prev.Pages[len(prev.Pages)-1] != page-1 || !ps.sameColumns(prev, &t) {
		return add()
	}
	repeated := t.Title != "" && baseTitle(t.Title) == baseTitle(prev.Title) && (t.Label == "" || t.Label == prev.Label)
	if !repeated && (t.Title != "" || t.Label != "") {
		return add()
	}
	if !repeated {
		for _, l := range narrative {
			if l.Box.Y1 <= t.Box.Y0 && isTitleLine(l.Text) {
				return add()
			}
		}
	}
	prev.Unpack()
	t.Unpack()
	ps.continueWith(prev, t)
	return n - 1, true
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
// boundaries of a (within ColTol), as when a continuation page holds only
// a total row whose label spans the code columns.
func (ps *Params) sameColumns(a, b *Table) bool {
	if a.NCols == b.NCols {
		return true
	}
	_, ok := ps.mapColumns(b.colX, a.colX)
	return ok
}

// mapColumns maps each boundary of from onto the index of the same boundary
// in to.
func (ps *Params) mapColumns(from, to []float64) ([]int, bool) {
	if len(from) < 2 || len(to) < len(from) {
		return nil, false
	}
	idx := make([]int, len(from))
	k := 0
	for i, x := range from {
		for k < len(to) && to[k] < x-ps.ColTol {
			k++
		}
		if k == len(to) || abs(to[k]-x) > ps.ColTol {
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

// continueWith appends the continuation c to t: its leading rows that
// repeat the table's header rows (print titles) are dropped, all others
// are body rows following the table's.
func (ps *Params) continueWith(t *Table, c Table) {
	if c.NCols != t.NCols {
		if idx, ok := ps.mapColumns(c.colX, t.colX); ok {
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
	// The rows are renumbered where they are and become t's: c is the
	// page's own table, which Join consumes (most cells of a long document
	// are in tables continued over pages; copying them doubled them while
	// the document was joined).
	for _, row := range rows {
		for i := range row {
			row[i].Row = base + row[i].Row - first
		}
		t.Rows = append(t.Rows, row)
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
