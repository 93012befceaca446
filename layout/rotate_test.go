package layout

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// turn90 shows a page the way /Rotate 90 does without turning its content
// back: text that read left to right now reads top to bottom.
func turn90(p *extract.Page) *extract.Page {
	return turned(p, func(x0, y0, x1, y1 float64) (float64, float64, float64, float64) {
		return p.Height - y1, x0, p.Height - y0, x1
	})
}

// turn270 shows a page the way /Rotate 270 does without turning its
// content back: text that read left to right now reads bottom to top.
func turn270(p *extract.Page) *extract.Page {
	return turned(p, func(x0, y0, x1, y1 float64) (float64, float64, float64, float64) {
		return y0, p.Width - x1, y1, p.Width - x0
	})
}

// turned is p with its width and height swapped and every box mapped by f.
func turned(p *extract.Page, f func(x0, y0, x1, y1 float64) (float64, float64, float64, float64)) *extract.Page {
	q := *p
	q.Width, q.Height = p.Height, p.Width
	q.Glyphs = nil
	for _, g := range p.Glyphs {
		g.X0, g.Y0, g.X1, g.Y1 = f(g.X0, g.Y0, g.X1, g.Y1)
		q.Glyphs = append(q.Glyphs, g)
	}
	q.Segments = nil
	for _, s := range p.Segments {
		s.X0, s.Y0, s.X1, s.Y1 = f(s.X0, s.Y0, s.X1, s.Y1)
		q.Segments = append(q.Segments, s)
	}
	return &q
}

func TestSidewaysPage(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{
		{"合计", "1,738.50", "1,530.68", "207.82"},
		{"住房公积金", "152.03", "152.03", ""},
	})
	if defaults.sideways(p) != 0 {
		t.Fatal("upright page seen as sideways")
	}
	r := turn90(p)
	if got := defaults.sideways(r); got != 90 {
		t.Fatalf("sideways = %d, want 90", got)
	}
	d := FromPages([]*extract.Page{r})
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables", len(d.Tables))
	}
	tb := d.Tables[0]
	if tb.Title != "2023年预算支出总表" {
		t.Errorf("title %q", tb.Title)
	}
	sameRows(t, cellTexts(&tb, tb.Rows), [][]string{
		{"合计", "1,738.50", "1,530.68", "207.82"},
		{"住房公积金", "152.03", "152.03", ""},
	})
}
