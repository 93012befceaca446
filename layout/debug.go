package layout

import "github.com/budgetpdf/budgetpdf/extract"

// GridDebug is one table found on a page, as plain data a debug drawing
// can show: its frame, its column boundaries and its cells with their
// spans, header cells flagged.
type GridDebug struct {
	Title  string
	Ruled  bool
	Turned int // the page's sideways text was turned upright by 90 or 270 degrees; boxes are in the turned page
	Box    Box
	ColX   []float64 // column boundaries, left to right
	Cells  []DebugCell
}

// DebugCell is one cell of a GridDebug.
type DebugCell struct {
	Box              Box
	Row, Col         int
	RowSpan, ColSpan int
	Header           bool
	Text             string
}

// Grids runs the layout of one page and returns its tables as drawable
// grids, top to bottom. Cells of tables without rules get boxes from their
// column boundaries and text lines.
func Grids(p *extract.Page) []GridDebug {
	if p == nil {
		return nil
	}
	p, turn := upright(p)
	tables, _ := findTables(p, Lines(Words(p)))
	out := make([]GridDebug, 0, len(tables))
	for _, t := range tables {
		g := GridDebug{Title: t.Title, Ruled: t.Ruled, Turned: turn, Box: t.Box, ColX: append([]float64(nil), t.colX...)}
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
		out = append(out, g)
	}
	return out
}
