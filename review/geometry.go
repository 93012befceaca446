// Package review writes a static HTML report of converted documents: each
// page as a raster with the tables the layout stage found drawn over it as
// SVG (cells tinted by role, column keys, parsed values on hover, failing
// checks on the cells they name), each table beside it in the output's own
// terms, and an index of every document, worst first.
//
// Its input is the converted schema.Document and a Geometry: plain data
// saying where, on which page, each table's cells were printed. FromLayout
// builds a Geometry from the layout stage's own document; nothing here runs
// the layout again.
package review

// Box is a rectangle in PDF points, top-left origin, Y downwards.
type Box struct {
	X0, Y0, X1, Y1 float64
}

func (b Box) union(c Box) Box {
	if b == (Box{}) {
		return c
	}
	if c == (Box{}) {
		return b
	}
	return Box{min(b.X0, c.X0), min(b.Y0, c.Y0), max(b.X1, c.X1), max(b.Y1, c.Y1)}
}

// Geometry is where a document's tables were printed, page by page.
type Geometry struct {
	Pages []Page
}

// Page is one page as the layout stage read it.
type Page struct {
	Number int
	// Width and Height are the page as the layout read it, in points: a
	// page whose text runs sideways was turned upright by Turn degrees
	// (90 or 270), so its width is the printed page's height.
	Width, Height float64
	Turn          int
	FontSize      float64 // the page's most common font size, points (labels are drawn at it)
	Grids         []Grid
	Lines         []Line // the narrative: text lines outside tables
}

// Grid is the part of one table printed on one page.
type Grid struct {
	Table int // index in Document.Tables; -1 for a grid of the performance-form section
	Form  int // index in Document.PerformanceForms of a form grid; -1 otherwise
	First int // the page the table starts on (this page for its first part)
	Ruled bool
	Box   Box
	Cells []Cell
}

// Cell is one printed cell of a grid.
type Cell struct {
	Box    Box
	Header bool
	Row    int // index in the table's Rows; -1 for a header cell or a row the output dropped
	Col    int // index in the table's Columns; -1 when the output has no column for it
	Text   string
}

// Line is one narrative line with its box.
type Line struct {
	Box  Box
	Text string
}

// page returns the page numbered n, or nil.
func (g *Geometry) page(n int) *Page {
	for i := range g.Pages {
		if g.Pages[i].Number == n {
			return &g.Pages[i]
		}
	}
	return nil
}
