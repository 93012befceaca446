package layout

import (
	"fmt"

	"github.com/budgetpdf/budgetpdf/extract"
)

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

// DrawGrids adds the page's tables to a drawing of the page (for example
// extract.PageSVG(p)) as the layer "tables": each table's frame, its cells
// (header cells shaded), merged cells marked with their spans, and its
// title. Boxes of a page turned upright are turned back.
func DrawGrids(s *extract.SVG, p *extract.Page) {
	s.Layer("tables")
	frame := extract.Style{Stroke: "#e70", Width: 1.2}
	header := extract.Style{Stroke: "#07c", Fill: "#fd6", Width: 0.6, Opacity: 0.35}
	body := extract.Style{Stroke: "#07c", Width: 0.6}
	merged := extract.Style{Stroke: "#c0c", Width: 1.4}
	note := extract.Style{Fill: "#c0c"}
	titleInk := extract.Style{Fill: "#e70"}
	for _, g := range Grids(p) {
		back := func(b Box) Box { return turnBack(b, g.Turned, p.Width, p.Height) }
		f := back(g.Box)
		s.Rect(f.X0, f.Y0, f.X1, f.Y1, frame)
		kind := "ruled"
		if !g.Ruled {
			kind = "unruled"
		}
		s.Text(f.X0, f.Y0-2, 7, kind+": "+g.Title, titleInk)
		for _, c := range g.Cells {
			b := back(c.Box)
			st := body
			if c.Header {
				st = header
			}
			s.Rect(b.X0, b.Y0, b.X1, b.Y1, st)
			if c.RowSpan > 1 || c.ColSpan > 1 {
				s.Rect(b.X0+1, b.Y0+1, b.X1-1, b.Y1-1, merged)
				s.Text(b.X0+2, b.Y1-2, 5, fmt.Sprintf("%d×%d", c.RowSpan, c.ColSpan), note)
			}
		}
	}
}

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
