package layout

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// turn90 shows a page the way /Rotate 90 does without turning its content
// back: text that read left to right now reads top to bottom.
func turn90(p *extract.Page) *extract.Page {
	q := *p
	q.Width, q.Height = p.Height, p.Width
	q.Glyphs = nil
	for _, g := range p.Glyphs {
		g.X0, g.Y0, g.X1, g.Y1 = p.Height-g.Y1, g.X0, p.Height-g.Y0, g.X1
		q.Glyphs = append(q.Glyphs, g)
	}
	q.Segments = nil
	for _, s := range p.Segments {
		s.X0, s.Y0, s.X1, s.Y1 = p.Height-s.Y1, s.X0, p.Height-s.Y0, s.X1
		q.Segments = append(q.Segments, s)
	}
	return &q
}

func TestSidewaysPage(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{
		{"合计", "1,738.50", "1,530.68", "207.82"},
		{"住房公积金", "152.03", "152.03", ""},
	})
	if sideways(p) != 0 {
		t.Fatal("upright page seen as sideways")
	}
	r := turn90(p)
	if got := sideways(r); got != 90 {
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
