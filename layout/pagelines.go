package layout

import "github.com/budgetpdf/budgetpdf/extract"

// PageLines returns all text lines of a page, tables included, read the way
// FromPages reads them: a page whose text runs sideways is turned upright
// first. Tests and tools use it to see what a page says.
func PageLines(p *extract.Page) []Line {
	up, _ := upright(p)
	return Lines(Words(up))
}
