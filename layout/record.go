package layout

import "github.com/budgetpdf/budgetpdf/extract"

// PageRecord is what the layout stage saw on one page, kept on the
// Document for the tools that show it (inspect, the review report) so they
// never run the steps again: the page's words and lines, the tables found
// on it before they were joined across pages, and for each the table of
// Document.Tables it became. Boxes are in the page turned upright (see
// Turn and TurnBack).
type PageRecord struct {
	Number        int
	Width, Height float64 // the page as printed, points
	Turn          int     // 0, 90 or 270: the page's sideways text was turned upright by this
	FontSize      float64 // the most common glyph size, to half a point
	Words         []Word
	Lines         []Line      // every line, tables' included
	Grids         []GridDebug // the tables found on the page, top to bottom
}

// GridDebug is one table found on a page, before stitching across pages,
// as plain data a drawing can show: its frame, its column boundaries and
// its cells with their spans, header cells flagged; and where it went.
type GridDebug struct {
	Title     string
	Ruled     bool
	Box       Box
	ColX      []float64 // column boundaries, left to right
	Cells     []DebugCell
	Table     int  // index in Document.Tables of the table it is (part of)
	Continues bool // it was joined to Document.Tables[Table], begun on an earlier page
}

// DebugCell is one cell of a GridDebug. Row counts on the page, header
// rows first.
type DebugCell struct {
	Box              Box
	Row, Col         int
	RowSpan, ColSpan int
	Header           bool
	Text             string
}

// UprightSize returns the page's size turned upright.
func (r *PageRecord) UprightSize() (w, h float64) {
	if r.Turn == 90 || r.Turn == 270 {
		return r.Height, r.Width
	}
	return r.Width, r.Height
}

// TurnBack maps a box of the record onto the page as printed.
func (r *PageRecord) TurnBack(b Box) Box { return turnBack(b, r.Turn, r.Width, r.Height) }

// turnBack maps a box of a page turned upright by upright back onto the
// page as displayed, w × h points.
func turnBack(b Box, turn int, w, h float64) Box {
	switch turn {
	case 90: // x' = y, y' = w - x
		return Box{w - b.Y1, b.X0, w - b.Y0, b.X1}
	case 270: // x' = h - y, y' = x
		return Box{b.Y0, h - b.X1, b.Y1, h - b.X0}
	}
	return b
}

// readPage runs the first steps of every page, turning it upright and
// reading its words and lines into rec; it returns the upright page. A
// record that will not be drawn keeps no words of its own: they are made
// in words' array (non-nil) and the lines are made of them.
func (ps *Params) readPage(p *extract.Page, rec *PageRecord, words *[]Word) *extract.Page {
	up, turn := ps.upright(p)
	rec.Turn = turn
	if words != nil {
		ws := ps.wordsInto(up.Glyphs, *words)
		if cap(ws) > cap(*words) {
			*words = ws[:0]
		}
		rec.Lines = ps.ownLines(ws)
		return up
	}
	rec.Words = ps.Words(up)
	rec.Lines = ps.Lines(rec.Words)
	return up
}

// PageLines returns all text lines of a page, tables included, read the way
// FromPages reads them: a page whose text runs sideways is turned upright
// first. Tests and tools use it to see what a page says.
func PageLines(p *extract.Page) []Line {
	var rec PageRecord
	defaults.readPage(p, &rec, nil)
	return rec.Lines
}

// fontSize is the most common size of the glyphs, to half a point.
func fontSize(glyphs []extract.Glyph) float64 {
	// A page prints a handful of sizes: counts in a short list, not a map.
	type count struct {
		size float64
		n    int
	}
	var buf [16]count
	sizes := buf[:0]
	add := func(s float64) int {
		for i := range sizes {
			if sizes[i].size == s {
				sizes[i].n++
				return sizes[i].n
			}
		}
		sizes = append(sizes, count{s, 1})
		return 1
	}
	best, bestN := 0.0, 0
	for _, g := range glyphs {
		s := float64(int(g.Size*2+0.5)) / 2
		if n := add(s); n > bestN || s == best {
			best, bestN = s, n
		}
	}
	return best
}

// gridOf is a page's table as a drawable grid. Cells of tables without
// rules have boxes from their column boundaries and text lines.
func gridOf(t *Table) GridDebug {
	g := GridDebug{Title: t.Title, Ruled: t.Ruled, Box: t.Box, ColX: append([]float64(nil), t.colX...)}
	add := func(rows [][]Cell, header bool) {
		for _, row := range rows {
			for _, c := range row {
				g.Cells = append(g.Cells, DebugCell{
					Box: c.Box, Row: c.Row, Col: c.Col, RowSpan: c.RowSpan, ColSpan: c.ColSpan,
					Header: header, Text: c.Text,
				})
			}
		}
	}
	add(t.Header, true)
	add(t.Rows, false)
	return g
}
