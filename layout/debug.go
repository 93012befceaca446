package layout

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
)

// Page returns the record of page n, nil when the document has none (a
// text dump, or a page the extractor could not read).
func (d *Document) Page(n int) *PageRecord {
	for i := range d.Record {
		if d.Record[i].Number == n {
			return &d.Record[i]
		}
	}
	return nil
}

// Reading returns what the schema made of Tables[i], nil when it has not
// been read.
func (d *Document) Reading(i int) *Reading {
	if i < 0 || i >= len(d.Readings) {
		return nil
	}
	return &d.Readings[i]
}

// DrawPage adds the record of one page of d to a drawing of the page (for
// example extract.PageSVG(p)) as the layer "tables": each table's frame,
// its cells (header cells shaded), merged cells marked with their spans,
// its title with the kind the schema gave it, the key over each column,
// and for a piece joined to a table begun earlier the table and page it
// continues. Boxes of a page turned upright are turned back. Labels are
// drawn at the page's font size.
func DrawPage(s *extract.SVG, d *Document, rec *PageRecord) {
	s.Layer("tables")
	frame := extract.Style{Stroke: "#e70", Width: 1.2}
	header := extract.Style{Stroke: "#07c", Fill: "#fd6", Width: 0.6, Opacity: 0.35}
	body := extract.Style{Stroke: "#07c", Width: 0.6}
	merged := extract.Style{Stroke: "#c0c", Width: 1.4}
	note := extract.Style{Fill: "#c0c"}
	titleInk := extract.Style{Fill: "#e70"}
	keyInk := extract.Style{Fill: "#07c"}
	size := rec.FontSize
	if size <= 0 {
		size = 9
	}
	for _, g := range rec.Grids {
		f := rec.TurnBack(g.Box)
		s.Rect(f.X0, f.Y0, f.X1, f.Y1, frame)
		s.Text(f.X0, f.Y0-size*0.4, size, gridLabel(d, &g), titleInk)
		for _, c := range g.Cells {
			b := rec.TurnBack(c.Box)
			st := body
			if c.Header {
				st = header
			}
			s.Rect(b.X0, b.Y0, b.X1, b.Y1, st)
			if c.RowSpan > 1 || c.ColSpan > 1 {
				s.Rect(b.X0+1, b.Y0+1, b.X1-1, b.Y1-1, merged)
				s.Text(b.X0+2, b.Y1-2, size*0.6, fmt.Sprintf("%d×%d", c.RowSpan, c.ColSpan), note)
			}
		}
		if r := d.Reading(g.Table); r != nil && len(r.Keys) == len(g.ColX)-1 {
			for k, key := range r.Keys {
				if key == "" {
					continue
				}
				b := rec.TurnBack(Box{g.ColX[k], g.Box.Y1, g.ColX[k+1], g.Box.Y1 + size})
				s.Text(b.X0+1, b.Y0+size*0.8, size*0.6, key, keyInk)
			}
		}
	}
}

// gridLabel is the line drawn over a grid: ruled or unruled, the output
// table it became (numbered as in the output) with its kind, or the
// performance forms, its title, and what it continues.
func gridLabel(d *Document, g *GridDebug) string {
	parts := []string{"unruled"}
	if g.Ruled {
		parts[0] = "ruled"
	}
	switch r := d.Reading(g.Table); {
	case r == nil:
		parts = append(parts, fmt.Sprintf("layout table %d", g.Table+1))
	case r.Form:
		parts = append(parts, "performance forms")
	default:
		parts = append(parts, fmt.Sprintf("table %d", r.Output+1), r.Kind)
	}
	title := g.Title
	if g.Continues && g.Table < len(d.Tables) {
		t := &d.Tables[g.Table]
		if title == "" {
			title = t.Title
		}
		if len(t.Pages) > 0 {
			parts = append(parts, fmt.Sprintf("continued from page %d", t.Pages[0]))
		}
	}
	return strings.Join(parts, ", ") + ": " + title
}
