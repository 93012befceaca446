package layout

import "github.com/budgetpdf/budgetpdf/extract"

// sideways reports how the text of a page runs when most of it is printed
// sideways (a page turned by /Rotate without its content turned back): 90
// when it reads top to bottom, 270 when it reads bottom to top, 0 when it
// reads left to right. It looks at consecutive glyphs of the content stream.
func (ps *Params) sideways(p *extract.Page) int {
	across, down, up := 0, 0, 0
	gs := p.Glyphs
	for i := 1; i < len(gs); i++ {
		a, b := gs[i-1], gs[i]
		w, h := a.X1-a.X0, a.Y1-a.Y0
		dx, dy := b.X0-a.X0, b.Y0-a.Y0
		size := ps.glyphSize(a)
		switch {
		case abs(dy) < ps.SidewaysAlign*h && dx > 0 && dx < ps.SidewaysStep*size:
			across++
		case abs(dx) < ps.SidewaysAlign*w && dy > 0 && dy < ps.SidewaysStep*size:
			down++
		case abs(dx) < ps.SidewaysAlign*w && dy < 0 && -dy < ps.SidewaysStep*size:
			up++
		}
	}
	switch {
	case down >= ps.SidewaysMin && down > ps.SidewaysRatio*(across+up):
		return 90
	case up >= ps.SidewaysMin && up > ps.SidewaysRatio*(across+down):
		return 270
	}
	return 0
}

// upright returns the page turned so that its sideways text reads left to
// right, and the turn applied (0, 90 or 270 degrees counter-clockwise). A
// page whose text already reads left to right is returned as it is.
func (ps *Params) upright(p *extract.Page) (*extract.Page, int) {
	turn := ps.sideways(p)
	if turn == 0 {
		return p, 0
	}
	w, h := p.Width, p.Height
	// Text reading downwards: x' = y, y' = w - x. Upwards: x' = h - y, y' = x.
	pt := func(x, y float64) (float64, float64) {
		if turn == 90 {
			return y, w - x
		}
		return h - y, x
	}
	box := func(x0, y0, x1, y1 float64) (float64, float64, float64, float64) {
		ax, ay := pt(x0, y0)
		bx, by := pt(x1, y1)
		return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
	}
	q := *p
	q.Width, q.Height = h, w
	q.Glyphs = make([]extract.Glyph, len(p.Glyphs))
	for i, g := range p.Glyphs {
		g.X0, g.Y0, g.X1, g.Y1 = box(g.X0, g.Y0, g.X1, g.Y1)
		q.Glyphs[i] = g
	}
	q.Segments = make([]extract.Segment, len(p.Segments))
	for i, s := range p.Segments {
		s.X0, s.Y0, s.X1, s.Y1 = box(s.X0, s.Y0, s.X1, s.Y1)
		q.Segments[i] = s
	}
	return &q, turn
}
